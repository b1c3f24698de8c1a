using Infra.Platform.Access;

namespace Infra.Policy.Access;

/// <summary>
/// What AWS authorizes for one declared call, from AWS's documentation rather than from how the platform grants:
/// the call's own action; the key of data encrypted at rest, asked for by the service that holds the data (S3,
/// SNS, SQS, Kinesis, SSM SecureString parameters: "kms:ViaService"; the Glue Data Catalog when it is encrypted with SSE-KMS: Glue's and
/// Athena's catalog-encryption pages ask every client for kms:Decrypt, kms:Encrypt and kms:GenerateDataKey);
/// the catalog, database and table ARNs a Glue table call is authorized on; and, where Lake Formation governs
/// the catalog, its permission on the database or table, DATA_LOCATION_ACCESS to create a table in a registered
/// location, and vended credentials (lakeformation:GetDataAccess) instead of S3 permissions for registered data.
/// </summary>
public static class RequestExpansion
{
    private const string Account = "${accountId}";
    private static readonly string[] CatalogKeyActions = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"];

    public static IReadOnlyList<Request> Of(Call call, Account account) => call switch
    {
        ApiCall api => [.. Api(api.Action, Rendered.Of(api.Resource), api.Context ?? new Dictionary<string, string>(), account, "the call itself")],
        TableRead read => [.. Read(read, account)],
        TableWrite write => [.. Write(write, account)],
        _ => throw new ArgumentException($"unknown call {call}"),
    };

    private static IEnumerable<Request> Api(string action, string resource, IReadOnlyDictionary<string, string> context, Account account, string because)
    {
        yield return new ApiRequest(action, resource, null, context, because);
        if (action.StartsWith("glue:", StringComparison.Ordinal) && TableOf(resource) is var (tableDatabase, _))
        {
            var prefix = resource[..resource.IndexOf(":table/", StringComparison.Ordinal)];
            yield return new ApiRequest(action, $"{prefix}:catalog", null, context, $"{action} is authorized on the catalog too");
            yield return new ApiRequest(action, $"{prefix}:database/{tableDatabase}", null, context, $"{action} is authorized on the database too");
        }
        var service = action[..action.IndexOf(':', StringComparison.Ordinal)];
        var name = action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var key = account.KeyOf(resource);
        var encrypted = $"{action} on data encrypted with the key";
        IEnumerable<string> keyActions = (service, name) switch
        {
            ("s3", "GetObject") when key is not null && resource.Contains('/', StringComparison.Ordinal) => ["kms:Decrypt"],
            ("s3", "PutObject") when key is not null && resource.Contains('/', StringComparison.Ordinal) => ["kms:GenerateDataKey"],
            ("sns", "Publish") or ("sqs", "SendMessage") when key is not null => ["kms:GenerateDataKey", "kms:Decrypt"],
            ("kinesis", "GetRecords") when key is not null => ["kms:Decrypt"],
            ("ssm", "GetParameter" or "GetParameters") when key is not null => ["kms:Decrypt"],
            ("kinesis", "PutRecord" or "PutRecords") when key is not null => ["kms:GenerateDataKey"],
            _ => [],
        };
        foreach (var keyAction in keyActions)
        {
            yield return new ApiRequest(keyAction, key!, service, Empty, encrypted);
        }
        if (service == "glue" && account.CatalogKey is { } catalogKey && IsCatalogObject(resource))
        {
            foreach (var keyAction in CatalogKeyActions)
            {
                yield return new ApiRequest(keyAction, catalogKey, "glue", Empty, $"{action} on the catalog encrypted with the key");
            }
        }
        if (service == "glue" && TableOf(resource) is var (database, table))
        {
            var permission = name switch
            {
                "CreateTable" => "CREATE_TABLE",
                "UpdateTable" => "ALTER",
                "DeleteTable" => "DROP",
                _ => "DESCRIBE",
            };
            if (!account.Lake.GovernsObject(database, permission == "CREATE_TABLE" ? null : table))
            {
                yield break;
            }
            yield return new LakePermissionRequest(permission, database, permission == "CREATE_TABLE" ? null : table, $"{action} where Lake Formation governs the catalog");
        }
    }

    private static IEnumerable<Request> Read(TableRead read, Account account)
    {
        foreach (var request in Table("glue:GetTable", read.Database, read.Table, account))
        {
            yield return request;
        }
        var location = Rendered.Of(read.Location);
        var governed = account.Lake.GovernsObject(read.Database, read.Table);
        if (governed)
        {
            yield return new LakePermissionRequest("SELECT", read.Database, read.Table, "reading rows where Lake Formation governs the catalog");
        }
        if (governed && account.Lake.RegisteredLocationOf(location) is not null)
        {
            yield return new ApiRequest("lakeformation:GetDataAccess", "*", null, Empty, "reading rows of a registered location");
            yield break;
        }
        foreach (var request in Api("s3:GetObject", Object(location), Empty, account, "reading the table's objects"))
        {
            yield return request;
        }
        yield return new ApiRequest("s3:ListBucket", Bucket(location), null, Empty, "listing the table's objects");
        yield return new ApiRequest("s3:GetBucketLocation", Bucket(location), null, Empty, "finding the table's bucket (Athena's S3 access for queries)");
    }

    private static IEnumerable<Request> Write(TableWrite write, Account account)
    {
        string[] actions = write.Change switch
        {
            TableChange.Create => ["glue:CreateTable"],
            TableChange.Replace => ["glue:CreateTable", "glue:UpdateTable"],
            // Athena's drop also reads and deletes the table's partitions in Glue ("for delete actions in Athena, you must include permissions to AWS Glue actions").
            TableChange.Drop => ["glue:GetTable", "glue:DeleteTable", "glue:GetPartitions", "glue:BatchDeletePartition"],
            TableChange.Delete => ["glue:DeleteTable"],
            _ => ["glue:GetTable", "glue:UpdateTable"],
        };
        foreach (var request in actions.SelectMany(action => Table(action, write.Database, write.Table, account)))
        {
            yield return request;
        }
        var location = write.Location is null ? null : Rendered.Of(write.Location);
        var governed = account.Lake.GovernsObject(write.Database, write.Table);
        if (governed)
        {
            if (write.Change == TableChange.Insert)
            {
                yield return new LakePermissionRequest("INSERT", write.Database, write.Table, "writing rows where Lake Formation governs the catalog");
            }
            if (location is not null && write.Change is TableChange.Create or TableChange.Replace && account.Lake.RegisteredLocationOf(location) is { } registered)
            {
                yield return new DataLocationRequest(registered, "creating a table whose data is in a registered location");
            }
        }
        if (location is null || write.Change is TableChange.Drop or TableChange.Delete || !write.WritesData)
        {
            yield break;
        }
        if (governed && account.Lake.RegisteredLocationOf(location) is not null)
        {
            yield return new ApiRequest("lakeformation:GetDataAccess", "*", null, Empty, "writing rows of a registered location");
            yield break;
        }
        foreach (var request in Api("s3:PutObject", Object(location), Empty, account, "writing the table's objects"))
        {
            yield return request;
        }
        yield return new ApiRequest("s3:AbortMultipartUpload", Object(location), null, Empty, "abandoning a failed multipart write of the table's objects");
    }

    /// <summary>A Glue table call is authorized on the catalog, the database and the table (Glue: "Specifying AWS Glue resource ARNs").</summary>
    private static IEnumerable<Request> Table(string action, string database, string table, Account account) =>
        Api(action, Glue(account, $"table/{database}/{table}"), Empty, account, $"{action} on {database}.{table}");

    private static string Glue(Account account, string resource) => $"arn:aws:glue:{account.Region}:{Account}:{resource}";

    private static bool IsCatalogObject(string arn) => arn.Contains(":glue:", StringComparison.Ordinal)
        && (arn.EndsWith(":catalog", StringComparison.Ordinal) || arn.Contains(":database/", StringComparison.Ordinal) || arn.Contains(":table/", StringComparison.Ordinal));

    private static (string Database, string Table)? TableOf(string arn)
    {
        var marker = arn.IndexOf(":table/", StringComparison.Ordinal);
        if (marker < 0)
        {
            return null;
        }
        var parts = arn[(marker + ":table/".Length)..].Split('/');
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }

    private static string Bucket(string location) => location.Split('/')[0];

    private static string Object(string location) => location.TrimEnd('/') + "/part-00000";

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
