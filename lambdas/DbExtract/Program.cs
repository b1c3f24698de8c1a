using DbExtract;
using Lambda.Hosting.Bootstrap;
using Pipelines.Declarations.Functions;

// One executable, two handlers: Lambda's handler setting chooses (the extract, or the deployment's grant of its read-only user).
return await LambdaRuntime.RunAsync(() =>
{
    if (Environment.GetEnvironmentVariable("_HANDLER") == DbExtractContract.GrantReaderHandler)
    {
        var grant = DbExtractFunction.CreateGrantReader(Environment.GetEnvironmentVariable, TimeProvider.System);
        return HandlerAdapter.For<GrantReaderRequest, GrantReaderResponse>(grant.HandleAsync, DbExtractJson.Default.GrantReaderRequest, DbExtractJson.Default.GrantReaderResponse);
    }
    var handler = DbExtractFunction.Create(Environment.GetEnvironmentVariable, TimeProvider.System);
    return HandlerAdapter.For<DbExtractRequest, DbExtractResponse>(handler.HandleAsync, DbExtractJson.Default.DbExtractRequest, DbExtractJson.Default.DbExtractResponse);
});
