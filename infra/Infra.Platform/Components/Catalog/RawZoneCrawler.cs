using Infra.Model.Resources;
using Infra.Platform.Access;
using Infra.Model.Values;
using Infra.Platform.Components.Storage;
using Infra.Platform.Iam;
using Infra.Providers.Aws.Glue;
using Infra.Providers.Aws.Glue.Inputs;
using Infra.Providers.Aws.Iam;
using Pipelines.Declarations.Functions;

namespace Infra.Platform.Components.Catalog;

/// <summary>
/// Course 3's data-lake lab: a Glue crawler over the raw (bronze) extracts that infers tables into the bronze
/// database under a prefix of their own (the declared bronze tables stay as they are), run on demand. Its
/// security configuration encrypts what it writes to S3, its CloudWatch logs and job bookmarks with the
/// stack key; its role reads the raw prefix and changes only the tables it owns.
/// </summary>
public static class RawZoneCrawler
{
    public const string Name = "raw-zone-crawler";
    public const string TablePrefix = "crawled_";

    /// <summary>Where Glue writes a crawler's logs; encrypted with the key, so the key policy names it.</summary>
    public const string LogGroupPrefix = "/aws-glue/crawlers-role/";

    /// <returns>The crawler's role ARN (Lake Formation grants to it).</returns>
    public static Reference Create(PlatformContext context, ComponentScope scope, BucketResult bronze, string bronzeDatabase)
    {
        var key = context.RequireKey();
        var security = scope.Add("glue-security-configuration", new SecurityConfigurationArgs
        {
            Name = context.Name("glue"),
            EncryptionConfiguration = new SecurityConfigurationEncryptionConfigurationArgs
            {
                S3Encryption = new SecurityConfigurationEncryptionConfigurationS3EncryptionArgs { S3EncryptionMode = "SSE-KMS", KmsKeyArn = key.KeyArn },
                CloudwatchEncryption = new SecurityConfigurationEncryptionConfigurationCloudwatchEncryptionArgs { CloudwatchEncryptionMode = "SSE-KMS", KmsKeyArn = key.KeyArn },
                JobBookmarksEncryption = new SecurityConfigurationEncryptionConfigurationJobBookmarksEncryptionArgs { JobBookmarksEncryptionMode = "CSE-KMS", KmsKeyArn = key.KeyArn },
            },
        });
        var roleName = context.AccountWideName(Name);
        var role = scope.Add($"{Name}-role", new RoleArgs
        {
            Name = roleName,
            AssumeRolePolicy = new PolicyDocument([ServiceTrust.OfThisAccount(context, "glue")]).ToJson(),
        });
        var prefix = DbExtractContract.DefaultOutputPrefix;
        var permissions = scope.Add($"{Name}-permissions", new RolePolicyArgs
        {
            Role = role.Attr("id"),
            Policy = new PolicyDocument(
            [
                .. bronze.Read(prefix),
                PolicyStatement.Allow("ReadTheBronzeDatabase", ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartitions"],
                    context.Arn("glue", "catalog"), context.Arn("glue", $"database/{bronzeDatabase}"), context.Arn("glue", $"table/{bronzeDatabase}/*")),
                PolicyStatement.Allow("ChangeItsOwnTables", ["glue:CreateTable", "glue:UpdateTable", "glue:BatchCreatePartition", "glue:BatchUpdatePartition",
                    "glue:CreatePartition", "glue:UpdatePartition"],
                    context.Arn("glue", "catalog"), context.Arn("glue", $"database/{bronzeDatabase}"), context.Arn("glue", $"table/{bronzeDatabase}/{TablePrefix}*")),
                PolicyStatement.Allow("WriteItsLogs", ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"],
                    context.Arn("logs", $"log-group:{LogGroupPrefix}{roleName}-*"), context.Arn("logs", $"log-group:{LogGroupPrefix}{roleName}-*:*")),
                // The crawler reads the encrypted extracts and writes nothing to S3: it never needs a new data key.
                key.DecryptThrough("s3", "logs", "glue"),
                context.RequireCatalogKey().UseForTheCatalog(),
            ]).ToJson(),
        });
        context.Actors.Add(Actor(context, role.Name, bronze, bronzeDatabase, roleName));
        // Glue names a crawler's log group after its role and security configuration; the key encrypts it.
        ServiceActors.LogsEncrypt(context, $"{LogGroupPrefix}{roleName}-{context.Name("glue")}");
        scope.Add(Name, new CrawlerArgs
        {
            Name = context.Name(Name),
            Description = "Infers tables from the raw extracts (course 3's data-lake lab); run on demand",
            DatabaseName = bronzeDatabase,
            Role = role.Attr("arn"),
            TablePrefix = TablePrefix,
            SecurityConfiguration = security.Attr("name"),
            S3Targets = [new CrawlerS3TargetArgs { Path = Fn.Interpolate($"s3://{bronze.BucketName}/{prefix}/"), Exclusions = ["**/_manifest.json"] }],
            SchemaChangePolicy = new CrawlerSchemaChangePolicyArgs { UpdateBehavior = "UPDATE_IN_DATABASE", DeleteBehavior = "LOG" },
            RecrawlPolicy = new CrawlerRecrawlPolicyArgs { RecrawlBehavior = "CRAWL_EVERYTHING" },
        }, new ResourceOptions { DependsOn = [permissions.Self] });
        return role.Attr("arn");
    }

    /// <summary>A crawl: list and read the raw extracts, describe the bronze database, create and update its own tables and partitions, write its logs.</summary>
    private static Actor Actor(PlatformContext context, string roleResource, BucketResult bronze, string database, string roleName)
    {
        var prefix = DbExtractContract.DefaultOutputPrefix;
        var table = $"{TablePrefix}orders";
        var location = Fn.Interpolate($"{bronze.Arn}/{prefix}/orders/");
        var logGroup = $"log-group:{LogGroupPrefix}{roleName}-crawler";
        return new Actor("raw-zone crawler", new RolePrincipal(roleResource),
        [
            new ApiCall("s3:ListBucket", bronze.Arn, new Dictionary<string, string> { ["s3:prefix"] = $"{prefix}/orders/" }),
            new ApiCall("s3:GetObject", Fn.Interpolate($"{bronze.Arn}/{prefix}/orders/part-00000.json.gz")),
            new ApiCall("glue:GetDatabase", context.Arn("glue", $"database/{database}")),
            new ApiCall("glue:GetTables", context.Arn("glue", $"database/{database}")),
            new ApiCall("glue:GetTable", context.Arn("glue", $"table/{database}/{table}")),
            new TableWrite(database, table, location, TableChange.Replace, WritesData: false),
            .. new[] { "glue:GetPartitions", "glue:BatchCreatePartition", "glue:BatchUpdatePartition", "glue:CreatePartition", "glue:UpdatePartition" }
                .Select(action => new ApiCall(action, context.Arn("glue", $"table/{database}/{table}"))),
            new ApiCall("logs:CreateLogGroup", context.Arn("logs", logGroup)),
            new ApiCall("logs:AssociateKmsKey", context.Arn("logs", logGroup)),
            new ApiCall("logs:CreateLogStream", context.Arn("logs", $"{logGroup}:log-stream:run")),
            new ApiCall("logs:PutLogEvents", context.Arn("logs", $"{logGroup}:log-stream:run")),
        ]);
    }
}
