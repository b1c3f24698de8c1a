using Infra.Model;
using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Parameters;
using Infra.Platform.Components.Storage;
using Infra.Platform.Configuration;
using Infra.Providers.Aws.Ssm;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Ingestion;

/// <summary>
/// The REST ingestion function, invoked by the course pipelines: the API's client credentials in an SSM SecureString
/// (from the stack's secret config), pages and manifests to bronze, its checkpoint beside them. It runs
/// outside the VPC: it must reach the internet and the VPC has no NAT (docs/decisions.md).
/// </summary>
public static class RestApiIngestion
{
    public const string Name = "rest-ingestion";

    public static FunctionResult Create(PlatformContext context, RestApiIngestionSettings settings, StackContents catalog, BucketResult bronze, int logRetentionDays)
    {
        var scope = context.Scope(nameof(RestApiIngestion));
        var key = context.RequireKey();
        var baseUrl = context.Program.AddConfig(ConfigKeys.InProgram(ConfigKeys.ApiBaseUrl), new ConfigDeclaration(ConfigType.String));
        var tokenUrl = context.Program.AddConfig(ConfigKeys.InProgram(ConfigKeys.ApiTokenUrl), new ConfigDeclaration(ConfigType.String));
        var credentials = context.Program.AddConfig(ConfigKeys.InProgram(ConfigKeys.ApiCredentials), new ConfigDeclaration(ConfigType.String, Secret: true));
        var parameter = scope.Add("api-credentials", new ParameterArgs
        {
            Name = $"/{context.NamePrefix}/api/credentials",
            Description = "Client id and secret of the course API, as JSON",
            Type = "SecureString",
            KeyId = key.KeyArn,
            Value = credentials,
        }, context.DataOptions());
        var credentialsParameter = new ParameterResult("api-credentials", parameter.Attr("name"), parameter.Attr("arn"));
        var failures = EncryptedQueue.Create(context, scope, $"{Name}-failures");
        var output = RestIngestionContract.DefaultOutputPrefix;
        var state = RestIngestionContract.DefaultStatePrefix;

        var function = NativeFunction.Create(context, scope.Component, new NativeFunctionOptions
        {
            Name = Name,
            Contract = RestIngestionContract.Function,
            Description = "Pages through the course API into bronze, incrementally",
            Permissions = [bronze.Writing(output, state), bronze.Reading(state), credentialsParameter.Reading()],
            Environment =
            [
                new(RestIngestionContract.BucketVariable, bronze.BucketName),
                new(RestIngestionContract.OutputPrefixVariable, output),
                new(RestIngestionContract.StatePrefixVariable, state),
                new(RestIngestionContract.BaseUrlVariable, baseUrl),
                new(RestIngestionContract.TokenUrlVariable, tokenUrl),
                new(RestIngestionContract.CredentialsParameterVariable, parameter.Attr("name")),
                new(RestIngestionContract.ResourcesVariable, string.Join(',', catalog.ApiResources.Select(resource => resource.Setting))),
            ],
            LogRetentionDays = logRetentionDays,
            TimeoutSeconds = settings.TimeoutSeconds,
            ReservedConcurrency = settings.ReservedConcurrency,
            DeadLetterQueue = failures,
        });
        context.Output(function.Name, "RestIngestionFunctionName");
        context.Output(parameter.Attr("name"), "ApiCredentialsParameter");
        return function;
    }
}
