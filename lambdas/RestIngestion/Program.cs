using Lambda.Hosting.Bootstrap;
using Lambda.Secrets;
using Lambda.Storage;
using Pipelines.Contracts.Functions;
using RestIngestion;

return await LambdaRuntime.RunAsync(() =>
{
    var options = RestIngestionOptions.From(Environment.GetEnvironmentVariable);
    var credentials = SecretSources.FromEnvironment(Environment.GetEnvironmentVariable, RestIngestionContract.CredentialsParameterVariable, RestIngestionContract.CredentialsFileVariable);
    var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    var fetcher = new PageFetcher(http, new TokenProvider(http, options.TokenUrl, credentials), RetryPolicy.Default, new TaskPause(), options.RequestTimeout, TimeProvider.System);
    var handler = new RestIngestionHandler(ObjectStores.FromEnvironment(Environment.GetEnvironmentVariable), fetcher, options, TimeProvider.System);
    return HandlerAdapter.For<RestIngestionRequest, RestIngestionResponse>(handler.HandleAsync, RestIngestionJson.Default.RestIngestionRequest, RestIngestionJson.Default.RestIngestionResponse);
});
