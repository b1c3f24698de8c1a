using Lambda.Secrets;
using Lambda.Storage;
using Pipelines.Declarations.Functions;

namespace DbExtract;

/// <summary>The function as its environment configures it: Lambda's bootstrap and the local runner build it the same way.</summary>
public static class DbExtractFunction
{
    public static DbExtractHandler Create(Func<string, string?> environment, TimeProvider clock)
    {
        var options = DbExtractOptions.From(environment);
        var engine = SourceEngine.Named(environment(DbExtractContract.EngineVariable));
        return new DbExtractHandler(ObjectStores.FromEnvironment(environment), Connection(environment, engine, clock), engine, options, clock);
    }

    /// <summary>The grant-reader handler: signed in as the administrator the environment names, by password.</summary>
    public static GrantReaderHandler CreateGrantReader(Func<string, string?> environment, TimeProvider clock)
    {
        var engine = SourceEngine.Named(environment(DbExtractContract.EngineVariable));
        var database = environment(DbExtractContract.DatabaseVariable) is { Length: > 0 } name ? name : throw new InvalidOperationException($"{DbExtractContract.DatabaseVariable} is not set");
        return new GrantReaderHandler(Connection(environment, engine, clock), engine, database, new ReaderSignIn.Iam());
    }

    private static Func<CancellationToken, Task<System.Data.Common.DbConnection>> Connection(Func<string, string?> environment, SourceEngine engine, TimeProvider clock)
    {
        var secret = Secret(environment, clock);
        return async cancellationToken =>
        {
            var connection = engine.Connect(environment, await secret.GetAsync(cancellationToken).ConfigureAwait(false));
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        };
    }

    /// <summary>What the connection signs in with: the role's IAM token for the user, or the password parameter (or file, locally).</summary>
    private static ISecretSource Secret(Func<string, string?> environment, TimeProvider clock)
    {
        var authentication = environment(DbExtractContract.AuthenticationVariable) ?? DbExtractContract.PasswordAuthentication;
        return authentication switch
        {
            DbExtractContract.PasswordAuthentication => SecretSources.FromEnvironment(environment, DbExtractContract.PasswordParameterVariable, DbExtractContract.PasswordFileVariable),
            DbExtractContract.IamAuthentication => new RdsIamTokenSource(
                Required(environment, DbExtractContract.HostVariable),
                int.Parse(Required(environment, DbExtractContract.PortVariable), System.Globalization.CultureInfo.InvariantCulture),
                Required(environment, DbExtractContract.UserVariable), Required(environment, AwsVariables.Region), environment, clock),
            _ => throw new InvalidOperationException($"{DbExtractContract.AuthenticationVariable} is '{authentication}': set {DbExtractContract.PasswordAuthentication} or {DbExtractContract.IamAuthentication}"),
        };
    }

    private static string Required(Func<string, string?> environment, string variable) =>
        environment(variable) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{variable} is not set");
}
