namespace Pipelines.Declarations.Functions;

/// <summary>The REST ingestion function: a paged API → gzip NDJSON pages and a run manifest in bronze.</summary>
public static class RestIngestionContract
{
    public static readonly FunctionContract Function = new("rest-ingestion", "RestIngestion");

    public const string BucketVariable = BronzeVariables.Bucket;
    public const string OutputPrefixVariable = BronzeVariables.OutputPrefix;

    /// <summary>The API's base URL; resources are read from <c>v1/{name}</c> under it.</summary>
    public const string BaseUrlVariable = "API_BASE_URL";

    /// <summary>The OAuth token endpoint (client-credentials grant).</summary>
    public const string TokenUrlVariable = "API_TOKEN_URL";

    /// <summary>The SSM SecureString holding <c>{"client_id": …, "client_secret": …}</c>.</summary>
    public const string CredentialsParameterVariable = "API_CREDENTIALS_PARAMETER";

    /// <summary>Local mode only: a file with the same JSON, in place of the parameter.</summary>
    public const string CredentialsFileVariable = "API_CREDENTIALS_FILE";

    /// <summary>Comma-separated <c>name=offset|next:watermark_column</c>, one per resource.</summary>
    public const string ResourcesVariable = "API_RESOURCES";

    public const string PageSizeVariable = "API_PAGE_SIZE";
    public const string RequestTimeoutVariable = "API_REQUEST_TIMEOUT_SECONDS";

    /// <summary>Prefix of the per-resource checkpoint objects (watermark and the run in progress).</summary>
    public const string StatePrefixVariable = "STATE_PREFIX";

    public const string DefaultOutputPrefix = "api";
    public const string DefaultStatePrefix = "_state/api";
    public const int DefaultPageSize = 100;
    public const int DefaultRequestTimeoutSeconds = 10;
}
