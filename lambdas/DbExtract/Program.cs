using DbExtract;
using Lambda.Hosting.Bootstrap;

return await LambdaRuntime.RunAsync(() =>
{
    var handler = DbExtractFunction.Create(Environment.GetEnvironmentVariable, TimeProvider.System);
    return HandlerAdapter.For<DbExtractRequest, DbExtractResponse>(handler.HandleAsync, DbExtractJson.Default.DbExtractRequest, DbExtractJson.Default.DbExtractResponse);
});
