using DbExtract;
using Lambda.Hosting.Bootstrap;
using Lambda.Secrets;
using Lambda.Storage;
using Pipelines.Contracts.Functions;

return await LambdaRuntime.RunAsync(() =>
{
    Func<string, string?> environment = Environment.GetEnvironmentVariable;
    var options = DbExtractOptions.From(environment);
    var engine = SourceEngine.Named(environment(DbExtractContract.EngineVariable));
    var password = SecretSources.FromEnvironment(environment, DbExtractContract.PasswordParameterVariable, DbExtractContract.PasswordFileVariable);
    var handler = new DbExtractHandler(ObjectStores.FromEnvironment(environment), async cancellationToken =>
    {
        var connection = engine.Connect(environment, await password.GetAsync(cancellationToken).ConfigureAwait(false));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }, engine, options, TimeProvider.System);
    return HandlerAdapter.For<DbExtractRequest, DbExtractResponse>(handler.HandleAsync, DbExtractJson.Default.DbExtractRequest, DbExtractJson.Default.DbExtractResponse);
});
