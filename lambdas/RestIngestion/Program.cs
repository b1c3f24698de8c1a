using Lambda.Hosting.Bootstrap;
using RestIngestion;

return await LambdaRuntime.RunAsync(() =>
{
    var handler = RestIngestionFunction.Create(Environment.GetEnvironmentVariable, new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, TimeProvider.System);
    return HandlerAdapter.For<RestIngestionRequest, RestIngestionResponse>(handler.HandleAsync, RestIngestionJson.Default.RestIngestionRequest, RestIngestionJson.Default.RestIngestionResponse);
});
