using Lambda.Secrets;
using Lambda.Storage;
using Pipelines.Declarations.Functions;

namespace RestIngestion;

/// <summary>The function as its environment configures it: Lambda's bootstrap and the local runner build it the same way.</summary>
public static class RestIngestionFunction
{
    public static RestIngestionHandler Create(Func<string, string?> environment, HttpClient http, TimeProvider clock)
    {
        var options = RestIngestionOptions.From(environment);
        var credentials = SecretSources.FromEnvironment(environment, RestIngestionContract.CredentialsParameterVariable, RestIngestionContract.CredentialsFileVariable);
        var fetcher = new PageFetcher(http, new TokenProvider(http, options.TokenUrl, credentials), RetryPolicy.Default, new TaskPause(), options.RequestTimeout, clock);
        return new RestIngestionHandler(ObjectStores.FromEnvironment(environment), fetcher, options, clock);
    }
}
