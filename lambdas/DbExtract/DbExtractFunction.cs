using Lambda.Secrets;
using Lambda.Storage;
using Pipelines.Contracts.Functions;

namespace DbExtract;

/// <summary>The function as its environment configures it: Lambda's bootstrap and the local runner build it the same way.</summary>
public static class DbExtractFunction
{
    public static DbExtractHandler Create(Func<string, string?> environment, TimeProvider clock)
    {
        var options = DbExtractOptions.From(environment);
        var engine = SourceEngine.Named(environment(DbExtractContract.EngineVariable));
        var password = SecretSources.FromEnvironment(environment, DbExtractContract.PasswordParameterVariable, DbExtractContract.PasswordFileVariable);
        return new DbExtractHandler(ObjectStores.FromEnvironment(environment), async cancellationToken =>
        {
            var connection = engine.Connect(environment, await password.GetAsync(cancellationToken).ConfigureAwait(false));
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }, engine, options, clock);
    }
}
