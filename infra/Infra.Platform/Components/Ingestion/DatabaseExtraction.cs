using Infra.Model.Values;
using Infra.Platform.Components.Database;
using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Network;
using Infra.Platform.Components.Storage;
using Infra.Providers.Aws.Lambda;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Ingestion;

/// <summary>
/// The database extract function, invoked by the course pipelines, inside the VPC beside the database: signs in as the
/// read-only user by IAM authentication token (its role may connect as that user only), writes parts and manifests to
/// bronze through the S3 gateway endpoint. The read-only user is made by the same executable's grant-reader entry,
/// signed in as the administrator and invoked by the deployment (again whenever the function or the database changes).
/// </summary>
public static class DatabaseExtraction
{
    public const string Name = "db-extract";
    public const string GrantName = "db-reader-grant";

    /// <summary>Where the CA bundle's layer puts the bundle (layers are mounted under /opt).</summary>
    public const string CaBundlePath = "/opt/rds-ca/bundle.pem";

    public static FunctionResult Create(PlatformContext context, DatabaseExtractionSettings settings, StackContents catalog, DatabaseResult database, NetworkResult network, BucketResult bronze, int logRetentionDays)
    {
        var scope = context.Scope(nameof(DatabaseExtraction));
        var failures = EncryptedQueue.Create(context, scope, $"{Name}-failures");
        var output = DbExtractContract.DefaultOutputPrefix;
        var state = DbExtractContract.DefaultStatePrefix;
        var quarantine = DbExtractContract.DefaultQuarantinePrefix;
        IReadOnlyList<Value> layers = settings.CaBundle is { } bundle
            ? [scope.Add("database-ca-bundle", new LayerVersionArgs
            {
                LayerName = context.Name("database-ca-bundle"),
                Description = "The certificate authorities the source database's certificate chains to",
                CompatibleRuntimes = [NativeFunction.Runtime],
                Code = Fn.AssetArchive(new MapValue { ["rds-ca/bundle.pem"] = Fn.FileAsset(bundle) }),
            }).Attr("arn")]
            : [];
        KeyValuePair<string, Value>[] connection =
        [
            new(DbExtractContract.EngineVariable, database.Engine.ExtractEngine),
            new(DbExtractContract.HostVariable, database.Address),
            new(DbExtractContract.PortVariable, database.Engine.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(DbExtractContract.DatabaseVariable, database.DatabaseName),
            .. layers.Count > 0 ? [new KeyValuePair<string, Value>(DbExtractContract.CaBundleVariable, CaBundlePath)] : Array.Empty<KeyValuePair<string, Value>>(),
        ];

        var function = NativeFunction.Create(context, scope.Component, new NativeFunctionOptions
        {
            Name = Name,
            Contract = DbExtractContract.Function,
            Description = "Extracts the source database's tables into bronze, incrementally, as the read-only user",
            Permissions = [bronze.Writing(output, state, quarantine), bronze.Reading(state), database.ConnectingAs(context, DbExtractContract.ReaderUser)],
            Environment =
            [
                new(DbExtractContract.BucketVariable, bronze.BucketName),
                new(DbExtractContract.OutputPrefixVariable, output),
                new(DbExtractContract.StatePrefixVariable, state),
                new(DbExtractContract.QuarantinePrefixVariable, quarantine),
                .. connection,
                new(DbExtractContract.UserVariable, DbExtractContract.ReaderUser),
                new(DbExtractContract.AuthenticationVariable, DbExtractContract.IamAuthentication),
                new(DbExtractContract.TablesVariable, string.Join(',', catalog.Tables.Select(table => table.Setting))),
            ],
            Layers = layers,
            LogRetentionDays = logRetentionDays,
            MemorySizeMb = settings.MemorySizeMb,
            TimeoutSeconds = settings.TimeoutSeconds,
            ReservedConcurrency = settings.ReservedConcurrency,
            Network = network.ForFunctions(),
            DeadLetterQueue = failures,
        });
        context.Output(function.Name, "DbExtractFunctionName");

        var grant = NativeFunction.Create(context, scope.Component, new NativeFunctionOptions
        {
            Name = GrantName,
            Contract = DbExtractContract.Function,
            Handler = DbExtractContract.GrantReaderHandler,
            Description = "Makes the extract's read-only database user, as the administrator; invoked by the deployment only",
            Permissions = [database.Password.Reading()],
            Environment =
            [
                .. connection,
                new(DbExtractContract.UserVariable, database.Username),
                new(DbExtractContract.AuthenticationVariable, DbExtractContract.PasswordAuthentication),
                new(DbExtractContract.PasswordParameterVariable, database.Password.Name),
            ],
            Layers = layers,
            LogRetentionDays = logRetentionDays,
            TimeoutSeconds = 60,
            Network = network.ForFunctions(),
        });
        scope.Add($"{GrantName}-invocation", new InvocationArgs
        {
            FunctionName = grant.Name,
            Input = Fn.ToJson(new MapValue { ["reader"] = DbExtractContract.ReaderUser }),
            // Replaced, so invoked again, when the function's code or the database instance changes.
            Triggers = new Infra.Model.Inputs.InputMap<string>
            {
                { "code", grant.CodeSha256 },
                { "database", database.ResourceId },
            },
        });
        return function;
    }
}
