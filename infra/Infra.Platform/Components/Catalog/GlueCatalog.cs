using Infra.Model.Inputs;
using Infra.Model.Values;
using Infra.Platform.Components.Ingestion;
using Infra.Platform.Components.Storage;
using Infra.Providers.Aws.Glue;
using Infra.Providers.Aws.Glue.Inputs;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Schema;
using Pipelines.Declarations.Sql;

namespace Infra.Platform.Components.Catalog;

/// <summary>
/// The Glue Data Catalog of the lakehouse: one database per layer; a table per silver dataset, generated
/// from its declaration (columns and types, Parquet, partitions projected from their declared range, so
/// no crawler is needed); a Glue Data Quality ruleset per silver table from the same rules the gate runs.
/// The catalog itself is encrypted by the account stack (<see cref="Account.AccountWide"/>), whose Lake Formation
/// settings govern every new database: a stack that does not use Lake Formation leaves its own databases, and the
/// tables created in them, to IAM (ALL to IAMAllowedPrincipals on each, the per-database "use only IAM access control").
/// </summary>
public static class GlueCatalog
{
    public static readonly IReadOnlyList<string> Layers = ["bronze", "silver", "gold"];

    public const string IamAllowedPrincipals = "IAM_ALLOWED_PRINCIPALS";

    /// <param name="governed">Whether the stack's Lake Formation grants decide access to its catalog; if not, IAM alone does.</param>
    public static GlueCatalogResult Create(PlatformContext context, GlueCatalogSettings settings, StackContents catalog, LakehouseStorageResult storage, bool governed)
    {
        var scope = context.Scope(nameof(GlueCatalog));
        var buckets = new Dictionary<string, BucketResult> { ["bronze"] = storage.Bronze, ["silver"] = storage.Silver, ["gold"] = storage.Gold };
        var databases = new Dictionary<string, string>();
        var databaseResources = new Dictionary<string, Infra.Model.Resources.Resource>();
        foreach (var layer in Layers)
        {
            var name = DatabaseName(context, layer);
            databases[layer] = name;
            databaseResources[layer] = scope.Add($"{layer}-database", new CatalogDatabaseArgs
            {
                Name = name,
                Description = $"The {layer} layer of the lakehouse",
                LocationUri = Fn.Interpolate($"s3://{buckets[layer].BucketName}/"),
                CreateTableDefaultPermissions = governed ? null :
                [
                    new CatalogDatabaseCreateTableDefaultPermissionArgs
                    {
                        Permissions = ["ALL"],
                        Principal = new CatalogDatabaseCreateTableDefaultPermissionPrincipalArgs { DataLakePrincipalIdentifier = IamAllowedPrincipals },
                    },
                ],
            }, context.DataOptions());
            context.Output(databaseResources[layer].Attr("name"), layer, "DatabaseName");
            if (!governed)
            {
                scope.Add($"{layer}-database-iam-access", new Infra.Providers.Aws.Lakeformation.PermissionsArgs
                {
                    Principal = IamAllowedPrincipals,
                    Permissions = ["ALL"],
                    Database = new Infra.Providers.Aws.Lakeformation.Inputs.PermissionsDatabaseArgs { Name = databaseResources[layer].Attr("name") },
                });
            }
        }

        var tables = new List<string>();
        foreach (var dataset in catalog.Silver)
        {
            BronzeTable(context, scope, databaseResources["bronze"], storage.Bronze, dataset);
            var location = Fn.Interpolate($"s3://{storage.Silver.BucketName}/{dataset.Name}/");
            var parameters = new InputMap<string> { { "classification", "parquet" } };
            if (dataset.Partitions.Count > 0)
            {
                parameters.Add("projection.enabled", "true");
                foreach (var partition in dataset.Partitions)
                {
                    parameters.Add($"projection.{partition.Column}.type", "integer");
                    parameters.Add($"projection.{partition.Column}.range", $"{partition.RangeFrom},{partition.RangeTo}");
                }
                parameters.Add("storage.location.template",
                    Fn.Interpolate($"s3://{storage.Silver.BucketName}/{dataset.Name}/{string.Join("/", dataset.Partitions.Select(p => $"{p.Column}=${{{p.Column}}}"))}/"));
            }
            var table = scope.Add($"silver-{dataset.Name}-table", new CatalogTableArgs
            {
                DatabaseName = databaseResources["silver"].Attr("name"),
                Name = dataset.Name,
                Description = dataset.Source.Description,
                TableType = "EXTERNAL_TABLE",
                Parameters = parameters,
                PartitionKeys = [.. dataset.Partitions.Select(partition => new CatalogTablePartitionKeyArgs { Name = partition.Column, Type = GlueType(partition.Type) })],
                StorageDescriptor = new CatalogTableStorageDescriptorArgs
                {
                    Location = location,
                    InputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                    OutputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                    SerDeInfo = new CatalogTableStorageDescriptorSerDeInfoArgs { SerializationLibrary = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
                    Columns = [.. dataset.Columns.Select(column => new CatalogTableStorageDescriptorColumnArgs { Name = column.Name, Type = GlueType(column.Type) })],
                },
            }, context.DataOptions());
            var (ruleset, _) = Dqdl.Ruleset(dataset);
            scope.Add($"silver-{dataset.Name}-quality", new DataQualityRulesetArgs
            {
                Name = context.Name($"silver-{dataset.Name}"),
                Description = $"The quality rules of silver {dataset.Name}, from its declaration",
                Ruleset = ruleset,
                TargetTable = new DataQualityRulesetTargetTableArgs { DatabaseName = databaseResources["silver"].Attr("name"), TableName = table.Attr("name") },
            });
            tables.Add(dataset.Name);
        }

        var crawler = settings.RawZoneCrawler ? RawZoneCrawler.Create(context, scope, storage.Bronze, databases["bronze"]) : null;
        var mergeModels = catalog.Pipelines.SelectMany(pipeline => pipeline.Gold).Where(model => model.MergeOn is not null).ToList();
        var gold = GoldIcebergTables.Create(context, scope, settings.GoldTableFormat, mergeModels, databaseResources["gold"], databases["gold"], storage.Gold);
        return new GlueCatalogResult(databases, tables) { Relations = gold.Relations, TableBucket = gold.Bucket, CrawlerRole = crawler };
    }

    /// <summary>
    /// The bronze side of a silver dataset, for a backfill on Athena: gzip NDJSON read with text columns (the
    /// silver SQL types them), partitioned by ingest date through projection; each run's folder below a date
    /// is read whole, and the run manifests (<c>_manifest.json</c>) are hidden files Athena skips.
    /// </summary>
    private static void BronzeTable(PlatformContext context, Infra.Model.Resources.ComponentScope scope, Infra.Model.Resources.Resource database, BucketResult bronze, SilverDataset dataset)
    {
        scope.Add($"bronze-{dataset.Name}-table", new CatalogTableArgs
        {
            DatabaseName = database.Attr("name"),
            Name = dataset.Name,
            Description = $"Bronze {dataset.Name} as ingested (gzip NDJSON, text columns)",
            TableType = "EXTERNAL_TABLE",
            Parameters = new InputMap<string>
            {
                { "classification", "json" },
                { "projection.enabled", "true" },
                { "projection.ingest_date.type", "date" },
                { "projection.ingest_date.format", "yyyy-MM-dd" },
                { "projection.ingest_date.range", "2020-01-01,NOW" },
                { "storage.location.template", Fn.Interpolate($"s3://{bronze.BucketName}/{dataset.BronzePrefix}/ingest_date=${{ingest_date}}/") },
            },
            PartitionKeys = [new CatalogTablePartitionKeyArgs { Name = "ingest_date", Type = "string" }],
            StorageDescriptor = new CatalogTableStorageDescriptorArgs
            {
                Location = Fn.Interpolate($"s3://{bronze.BucketName}/{dataset.BronzePrefix}/"),
                InputFormat = "org.apache.hadoop.mapred.TextInputFormat",
                OutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                SerDeInfo = new CatalogTableStorageDescriptorSerDeInfoArgs { SerializationLibrary = "org.openx.data.jsonserde.JsonSerDe" },
                Columns = [.. dataset.Source.Columns.Select(column => new CatalogTableStorageDescriptorColumnArgs { Name = column.Name, Type = BronzeType(column) })],
            },
        }, context.DataOptions());
    }

    /// <summary>Bronze columns are text, as the silver SQL expects; a list is an array of records of text.</summary>
    public static string BronzeType(Column column) => column.Type == DataType.List
        ? $"array<struct<{string.Join(",", column.Fields!.Select(field => $"{field.Name}:string"))}>>"
        : "string";

    /// <summary>Glue database names allow lower-case letters, digits and underscores.</summary>
    public static string DatabaseName(PlatformContext context, string layer) => $"{context.NamePrefix}_{layer}".Replace('-', '_').ToLowerInvariant();

    public static string GlueType(DataType type) => type switch
    {
        DataType.Integer => "bigint",
        DataType.Decimal => Pipelines.Declarations.Data.DecimalColumns.Type,
        DataType.Text => "string",
        DataType.Date => "date",
        DataType.Timestamp => "timestamp",
        DataType.Boolean => "boolean",
        _ => throw new ArgumentException($"{type} is not a column type of a silver table", nameof(type)),
    };
}
