using Infra.Platform.Components.Database;
using Infra.Platform.Components.Functions;
using Infra.Platform.Components.Messaging;
using Infra.Platform.Components.Network;
using Infra.Platform.Components.Storage;
using Pipelines.Contracts.Functions;

namespace Infra.Platform.Components.Ingestion;

/// <summary>
/// The database extract function, invoked by the course pipelines, inside the VPC beside the database: reads the password
/// through the SSM endpoint, writes parts and manifests to bronze through the S3 gateway endpoint.
/// </summary>
public static class DatabaseExtraction
{
    public const string Name = "db-extract";

    public static FunctionResult Create(PlatformContext context, DatabaseExtractionSettings settings, StackCatalog catalog, DatabaseResult database, NetworkResult network, BucketResult bronze, int logRetentionDays)
    {
        var scope = context.Scope(nameof(DatabaseExtraction));
        var key = context.RequireKey();
        var failures = EncryptedQueue.Create(context, scope, $"{Name}-failures");
        var output = DbExtractContract.DefaultOutputPrefix;
        var state = DbExtractContract.DefaultStatePrefix;

        var function = NativeFunction.Create(context, scope.Component, new NativeFunctionOptions
        {
            Name = Name,
            Contract = DbExtractContract.Function,
            Description = "Extracts the source database's tables into bronze, incrementally",
            Permissions = [bronze.Writing(output, state), bronze.Reading(state), database.Password.Reading()],
            Environment =
            [
                new(DbExtractContract.BucketVariable, bronze.BucketName),
                new(DbExtractContract.OutputPrefixVariable, output),
                new(DbExtractContract.StatePrefixVariable, state),
                new(DbExtractContract.EngineVariable, database.Engine.ExtractEngine),
                new(DbExtractContract.HostVariable, database.Address),
                new(DbExtractContract.PortVariable, database.Engine.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new(DbExtractContract.DatabaseVariable, database.DatabaseName),
                new(DbExtractContract.UserVariable, database.Username),
                new(DbExtractContract.PasswordParameterVariable, database.Password.Name),
                new(DbExtractContract.TablesVariable, string.Join(',', catalog.Tables.Select(table => table.Setting))),
            ],
            LogRetentionDays = logRetentionDays,
            MemorySizeMb = settings.MemorySizeMb,
            TimeoutSeconds = settings.TimeoutSeconds,
            ReservedConcurrency = settings.ReservedConcurrency,
            Network = network.ForFunctions(),
            DeadLetterQueue = failures,
        });
        context.Output(function.Name, "DbExtractFunctionName");
        return function;
    }
}
