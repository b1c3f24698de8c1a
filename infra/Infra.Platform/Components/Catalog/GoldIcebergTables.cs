using Infra.Model.Inputs;
using Infra.Model.Values;
using Infra.Platform.Components.Storage;
using Infra.Providers.Aws.Glue;
using Infra.Providers.Aws.Glue.Inputs;
using Infra.Providers.Aws.S3tables;
using Infra.Providers.Aws.S3tables.Inputs;
using Pipelines.Declarations.Lakehouse;

namespace Infra.Platform.Components.Catalog;

/// <summary>
/// The Iceberg tables of the gold models kept with <c>MERGE INTO</c>, created before the first run from
/// each model's declared columns: in the Glue catalog over the gold bucket (format version 2), or, where the
/// stack chooses S3 Tables, in a table bucket encrypted with the stack key whose tables the service
/// compacts and expires. Returns the relation each model is queried by.
/// </summary>
public static class GoldIcebergTables
{
    public const string Namespace = "gold";
    public const int CompactionTargetFileSizeMb = 512;
    public const int MinSnapshotsToKeep = 3;
    public const int MaxSnapshotAgeHours = 7 * 24;

    public static GoldTables Create(PlatformContext context, Infra.Model.Resources.ComponentScope scope, GoldTableFormat format,
        IReadOnlyList<GoldModel> mergeModels, Infra.Model.Resources.Resource goldDatabase, string goldDatabaseName, BucketResult gold)
    {
        var relations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (mergeModels.Count == 0)
        {
            return new GoldTables(relations, null);
        }
        if (format == GoldTableFormat.GlueIceberg)
        {
            foreach (var model in mergeModels)
            {
                var location = Fn.Interpolate($"s3://{gold.BucketName}/{model.Name}/");
                scope.Add($"gold-{model.Name}-table", new CatalogTableArgs
                {
                    DatabaseName = goldDatabase.Attr("name"),
                    Name = model.Name,
                    Description = $"Gold model {model.Name} of {model.Course}, kept with MERGE INTO",
                    TableType = "EXTERNAL_TABLE",
                    OpenTableFormatInput = new CatalogTableOpenTableFormatInputArgs
                    {
                        IcebergInput = new CatalogTableOpenTableFormatInputIcebergInputArgs { MetadataOperation = "CREATE", Version = "2" },
                    },
                    StorageDescriptor = new CatalogTableStorageDescriptorArgs
                    {
                        Location = location,
                        Columns = [.. model.Columns.Select(column => new CatalogTableStorageDescriptorColumnArgs { Name = column.Name, Type = column.Type.Replace(" ", "", StringComparison.Ordinal) })],
                    },
                }, context.DataOptions());
                relations[model.Relation] = $"{goldDatabaseName}.{model.Name}";
            }
            return new GoldTables(relations, null);
        }

        var key = context.RequireKey();
        var bucketName = context.Name("gold-tables");
        var bucket = scope.Add("gold-table-bucket", new TableBucketArgs
        {
            Name = bucketName,
            ForceDestroy = !context.RetainData,
            EncryptionConfiguration = new TableBucketEncryptionConfigurationArgs { SseAlgorithm = "aws:kms", KmsKeyArn = key.KeyArn },
            MaintenanceConfiguration = new TableBucketMaintenanceConfigurationArgs
            {
                IcebergUnreferencedFileRemoval = new TableBucketMaintenanceConfigurationIcebergUnreferencedFileRemovalArgs
                {
                    Status = "enabled",
                    Settings = new TableBucketMaintenanceConfigurationIcebergUnreferencedFileRemovalSettingsArgs { UnreferencedDays = 3, NonCurrentDays = 10 },
                },
            },
        }, context.DataOptions());
        var space = scope.Add("gold-table-namespace", new NamespaceArgs { Namespace = Namespace, TableBucketArn = bucket.Attr("arn") }, context.DataOptions());
        foreach (var model in mergeModels)
        {
            scope.Add($"gold-{model.Name}-s3-table", new TableArgs
            {
                Name = model.Name,
                Namespace = space.Attr("namespace"),
                TableBucketArn = bucket.Attr("arn"),
                Format = "ICEBERG",
                EncryptionConfiguration = new TableEncryptionConfigurationArgs { SseAlgorithm = "aws:kms", KmsKeyArn = key.KeyArn },
                Metadata = new TableMetadataArgs
                {
                    Iceberg = new TableMetadataIcebergArgs
                    {
                        Schema = new TableMetadataIcebergSchemaArgs
                        {
                            Fields = [.. model.Columns.Select(column => new TableMetadataIcebergSchemaFieldArgs
                            {
                                Name = column.Name,
                                Type = IcebergTypes.Of(column.Type),
                                Required = model.MergeOn!.Contains(column.Name),
                            })],
                        },
                    },
                },
                MaintenanceConfiguration = new TableMaintenanceConfigurationArgs
                {
                    IcebergCompaction = new TableMaintenanceConfigurationIcebergCompactionArgs
                    {
                        Status = "enabled",
                        Settings = new TableMaintenanceConfigurationIcebergCompactionSettingsArgs { TargetFileSizeMb = CompactionTargetFileSizeMb },
                    },
                    IcebergSnapshotManagement = new TableMaintenanceConfigurationIcebergSnapshotManagementArgs
                    {
                        Status = "enabled",
                        Settings = new TableMaintenanceConfigurationIcebergSnapshotManagementSettingsArgs { MinSnapshotsToKeep = MinSnapshotsToKeep, MaxSnapshotAgeHours = MaxSnapshotAgeHours },
                    },
                },
            }, context.DataOptions());
            relations[model.Relation] = $"\"s3tablescatalog/{bucketName}\".{Namespace}.{model.Name}";
        }
        context.Output(bucket.Attr("arn"), "gold", "TableBucketArn");
        return new GoldTables(relations, new TableBucket(bucketName, bucket.Attr("arn")));
    }
}

/// <param name="Relations">The relation each merge model is queried by.</param>
/// <param name="Bucket">The S3 table bucket, where the stack uses S3 Tables.</param>
public sealed record GoldTables(IReadOnlyDictionary<string, string> Relations, TableBucket? Bucket);

public sealed record TableBucket(string Name, Reference Arn);
