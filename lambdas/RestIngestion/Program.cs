using Amazon.SimpleSystemsManagement;
using Lambda.Hosting.Bootstrap;
using Lambda.Storage;
using Pipelines.Contracts.Functions;
using RestIngestion;

return await LambdaRuntime.RunAsync(() =>
{
    var options = RestIngestionOptions.From(Environment.GetEnvironmentVariable);
    ICredentialSource credentials = Environment.GetEnvironmentVariable(RestIngestionContract.CredentialsParameterVariable) is { Length: > 0 } parameter
        ? new SsmCredentialSource(new AmazonSimpleSystemsManagementClient(), parameter)
        : Environment.GetEnvironmentVariable(RestIngestionContract.CredentialsFileVariable) is { Length: > 0 } file
            ? new FileCredentialSource(file)
            : throw new InvalidOperationException($"set {RestIngestionContract.CredentialsParameterVariable} (or {RestIngestionContract.CredentialsFileVariable} locally)");
    var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    var fetcher = new PageFetcher(http, new TokenProvider(http, options.TokenUrl, credentials), RetryPolicy.Default, new TaskPause(), options.RequestTimeout, TimeProvider.System);
    var handler = new RestIngestionHandler(ObjectStores.FromEnvironment(Environment.GetEnvironmentVariable), fetcher, options, TimeProvider.System);
    return HandlerAdapter.For<RestIngestionRequest, RestIngestionResponse>(handler.HandleAsync, RestIngestionJson.Default.RestIngestionRequest, RestIngestionJson.Default.RestIngestionResponse);
});
