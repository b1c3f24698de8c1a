using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Iam;
using Infra.Policy.Access;

namespace Infra.Tests.Access;

/// <summary>
/// Each layer of the access proof can deny, and allows once fixed: identity policy, explicit deny (identity and
/// resource policy), key policy, kms:ViaService, a resource policy for a service, Lake Formation table
/// permissions and data locations. The fixtures are small programs written by hand, not by the platform.
/// </summary>
public class AccessProofLayerTests
{
    private const string Region = "eu-west-1";
    private static readonly Reference BucketArn = new("lake", "arn");
    private static readonly Reference KeyArn = new("key", "arn");
    private static readonly Value Object = Fn.Interpolate($"{BucketArn}/orders/part-0.parquet");
    private static readonly Value Root = Fn.Interpolate($"arn:aws:iam::{new Reference("accountId")}:root");
    private static readonly Actor Reader = new("reader", new RolePrincipal("reader-role"), [new ApiCall("s3:GetObject", Object)]);

    private static PolicyStatement Allow(string sid, string action, Value resource, params (string, string, Value)[] conditions) =>
        PolicyStatement.Allow(sid, [action], resource) with { Conditions = conditions };

    /// <summary>A provider, a KMS key, an SSE-KMS bucket with a TLS-only policy, and a role with the given identity statements.</summary>
    private static PulumiProgram Program(IReadOnlyList<PolicyStatement> identity, IReadOnlyList<PolicyStatement>? keyPolicy = null, IReadOnlyList<PolicyStatement>? bucketPolicy = null)
    {
        var program = new PulumiProgram("fixture");
        program.Add(new Resource("aws-provider", "pulumi:providers:aws", new MapValue { ["region"] = Region }));
        program.Add(new Resource("key", "aws:kms:Key", new MapValue
        {
            ["policy"] = new PolicyDocument(keyPolicy ??
            [
                new PolicyStatement { Sid = "Root", Effect = PolicyEffect.Allow, Principal = new MapValue { ["AWS"] = Root }, Actions = ["kms:*"], Resources = ["*"] },
            ]).ToJson(),
        }));
        program.Add(new Resource("lake", "aws:s3:Bucket", new MapValue()));
        program.Add(new Resource("lake-encryption", "aws:s3:BucketServerSideEncryptionConfiguration", new MapValue
        {
            ["bucket"] = new Reference("lake", "id"),
            ["rules"] = new ListValue { new MapValue { ["applyServerSideEncryptionByDefault"] = new MapValue { ["sseAlgorithm"] = "aws:kms", ["kmsMasterKeyId"] = KeyArn } } },
        }));
        program.Add(new Resource("lake-policy", "aws:s3:BucketPolicy", new MapValue
        {
            ["bucket"] = new Reference("lake", "id"),
            ["policy"] = new PolicyDocument(bucketPolicy ?? [PolicyDocument.DenyInsecureBucketTransport(BucketArn)]).ToJson(),
        }));
        program.Add(new Resource("reader-role", "aws:iam:Role", new MapValue()));
        program.Add(new Resource("reader-permissions", "aws:iam:RolePolicy", new MapValue
        {
            ["role"] = new Reference("reader-role", "id"),
            ["policy"] = new PolicyDocument(identity).ToJson(),
        }));
        return program;
    }

    private static readonly PolicyStatement ReadObjects = Allow("Read", "s3:GetObject", Fn.Interpolate($"{BucketArn}/orders/*"));
    private static readonly PolicyStatement KeyThroughS3 = Allow("Key", "kms:Decrypt", KeyArn, ("StringEquals", "kms:ViaService", $"s3.{Region}.amazonaws.com"));

    private static IReadOnlyList<Denial> Denials(PulumiProgram program, Actor actor) =>
        AccessProof.Evaluate(program, [actor]).Decisions.SelectMany(d => d.Denials).ToList();

    [Fact]
    public void Identity_policy_and_key_through_s3_allow_reading_an_encrypted_object()
    {
        Assert.Empty(Denials(Program([ReadObjects, KeyThroughS3]), Reader));
    }

    [Fact]
    public void Identity_policy_without_the_action_denies()
    {
        var denial = Assert.Single(Denials(Program([KeyThroughS3]), Reader));
        Assert.Equal("identity policy", denial.Layer);
        Assert.Contains("s3:GetObject", denial.Request.Describe());
    }

    [Fact]
    public void A_key_used_through_another_service_is_denied_by_kms_ViaService()
    {
        var throughSqs = Allow("Key", "kms:Decrypt", KeyArn, ("StringEquals", "kms:ViaService", $"sqs.{Region}.amazonaws.com"));

        var denial = Assert.Single(Denials(Program([ReadObjects, throughSqs]), Reader));

        Assert.Equal("identity policy", denial.Layer);
        Assert.Equal($"kms:Decrypt on {KeyArn} via s3", denial.Request.Describe());
    }

    [Fact]
    public void A_key_policy_that_neither_names_the_role_nor_defers_to_iam_denies()
    {
        var onlyLogs = new PolicyStatement
        {
            Sid = "Logs", Effect = PolicyEffect.Allow, Principal = new MapValue { ["Service"] = "logs.amazonaws.com" }, Actions = ["kms:Decrypt"], Resources = ["*"],
        };

        var denial = Assert.Single(Denials(Program([ReadObjects, KeyThroughS3], keyPolicy: [onlyLogs]), Reader));

        Assert.Equal("key policy", denial.Layer);
    }

    [Fact]
    public void An_explicit_deny_wins_over_an_allow_in_the_identity_policy_and_in_the_bucket_policy()
    {
        var denyInIdentity = new PolicyStatement { Sid = "NoReads", Effect = PolicyEffect.Deny, Actions = ["s3:Get*"], Resources = ["*"] };
        var identity = Assert.Single(Denials(Program([ReadObjects, KeyThroughS3, denyInIdentity]), Reader));
        Assert.StartsWith("explicit deny in identity policy", identity.Layer);

        var denyInBucket = new PolicyStatement { Sid = "NoReads", Effect = PolicyEffect.Deny, Principal = "*", Actions = ["s3:GetObject"], Resources = [Fn.Interpolate($"{BucketArn}/*")] };
        var bucket = Assert.Single(Denials(Program([ReadObjects, KeyThroughS3], bucketPolicy: [denyInBucket]), Reader));
        Assert.Equal("explicit deny in bucket policy lake-policy", bucket.Layer);
    }

    [Fact]
    public void The_tls_only_deny_applies_to_a_request_without_tls()
    {
        var plain = Reader with { Calls = [new ApiCall("s3:GetObject", Object, new Dictionary<string, string> { ["aws:SecureTransport"] = "false" })] };

        var denials = Denials(Program([ReadObjects, KeyThroughS3]), plain);

        Assert.Contains(denials, d => d.Layer == "explicit deny in bucket policy lake-policy");
    }

    [Fact]
    public void A_service_needs_the_resource_policy_to_name_it()
    {
        var program = Program([]);
        program.Add(new Resource("topic", "aws:sns:Topic", new MapValue()));
        var publishes = new PolicyStatement
        {
            Sid = "Alarms", Effect = PolicyEffect.Allow, Principal = new MapValue { ["Service"] = "cloudwatch.amazonaws.com" },
            Actions = ["sns:Publish"], Resources = [new Reference("topic", "arn")], Conditions = [("StringEquals", "aws:SourceAccount", new Reference("accountId"))],
        };
        var alarms = new Actor("alarms", new ServicePrincipal("cloudwatch.amazonaws.com"), [new ApiCall("sns:Publish", new Reference("topic", "arn"))]);
        var policy = new Resource("topic-policy", "aws:sns:TopicPolicy", new MapValue { ["arn"] = new Reference("topic", "arn"), ["policy"] = new PolicyDocument([PolicyDocument.DenyInsecureTransport("sns", new Reference("topic", "arn"))]).ToJson() });
        program.Add(policy);

        var denial = Assert.Single(Denials(program, alarms));
        Assert.Equal("topic policy topic-policy", denial.Layer);

        policy.Properties["policy"] = new PolicyDocument([PolicyDocument.DenyInsecureTransport("sns", new Reference("topic", "arn")), publishes]).ToJson();
        Assert.Empty(Denials(program, alarms));
    }

    [Fact]
    public void The_encrypted_catalog_asks_every_glue_caller_for_the_key_through_glue()
    {
        var program = Program([Allow("Tables", "glue:GetTable", "*"), KeyThroughS3]);
        program.Add(new Resource("catalog-encryption", "aws:glue:DataCatalogEncryptionSettings", new MapValue
        {
            ["dataCatalogEncryptionSettings"] = new MapValue { ["encryptionAtRest"] = new MapValue { ["catalogEncryptionMode"] = "SSE-KMS", ["sseAwsKmsKeyId"] = KeyArn } },
        }));
        var reader = Reader with { Calls = [new ApiCall("glue:GetTable", $"arn:aws:glue:{Region}:${{accountId}}:table/silver/orders")] };

        var denials = Denials(program, reader);

        Assert.Equal(["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], denials.Select(d => ((ApiRequest)d.Request).Action).Order());
        Assert.All(denials, d => Assert.Equal("glue", ((ApiRequest)d.Request).Via));
        var throughGlue = PolicyStatement.Allow("Catalog", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], KeyArn) with
        {
            Conditions = [("StringEquals", "kms:ViaService", $"glue.{Region}.amazonaws.com")],
        };
        Assert.Empty(Denials(Program([Allow("Tables", "glue:GetTable", "*"), throughGlue]).With(program.Resources.Single(r => r.Name == "catalog-encryption")), reader));
    }

    [Fact]
    public void Lake_Formation_denies_without_a_table_permission_and_without_data_location_access()
    {
        var program = Program([Allow("Tables", "glue:*Table", "*")]);
        program.Add(new Resource("settings", "aws:lakeformation:DataLakeSettings", new MapValue
        {
            ["admins"] = new ListValue(), ["createDatabaseDefaultPermissions"] = new ListValue(), ["createTableDefaultPermissions"] = new ListValue(),
        }));
        program.Add(new Resource("lake-location", "aws:lakeformation:Resource", new MapValue { ["arn"] = BucketArn, ["hybridAccessEnabled"] = false }));
        var creator = new Actor("creator", new RolePrincipal("reader-role"),
            [new TableWrite("gold", "sales", Fn.Interpolate($"{BucketArn}/sales/run=1/"), TableChange.Create)]);

        var layers = Denials(program, creator).Select(d => d.Layer).Order().ToList();
        Assert.Equal(["Lake Formation data location", "Lake Formation permission", "identity policy"], layers);

        program.Add(LakeGrant("create-grant", new MapValue { ["database"] = new MapValue { ["catalogId"] = new Reference("accountId"), ["name"] = "gold" } }, "CREATE_TABLE"));
        program.Add(LakeGrant("location-grant", new MapValue { ["dataLocation"] = new MapValue { ["catalogId"] = new Reference("accountId"), ["resourceArn"] = BucketArn } }, "DATA_LOCATION_ACCESS"));
        var remaining = Assert.Single(Denials(program, creator));
        Assert.Equal("lakeformation:GetDataAccess on *", remaining.Request.Describe());
    }

    [Fact]
    public void A_data_lake_administrator_may_describe_every_table_but_not_read_it()
    {
        var program = Program([Allow("Tables", "glue:GetTable", "*")]);
        var settings = new Resource("settings", "aws:lakeformation:DataLakeSettings", new MapValue
        {
            ["admins"] = new ListValue(), ["createDatabaseDefaultPermissions"] = new ListValue(), ["createTableDefaultPermissions"] = new ListValue(),
        });
        program.Add(settings);
        var describer = new Actor("admin", new RolePrincipal("reader-role"), [new ApiCall("glue:GetTable", $"arn:aws:glue:{Region}:${{accountId}}:table/gold/sales")]);
        Assert.Equal("Lake Formation permission", Assert.Single(Denials(program, describer)).Layer);

        settings.Properties["admins"] = new ListValue { new Reference("reader-role", "arn") };
        Assert.Empty(Denials(program, describer));
        var reader = describer with { Calls = [new TableRead("gold", "sales", Fn.Interpolate($"{BucketArn}/sales/"))] };
        Assert.Contains(Denials(program, reader), d => d.Layer == "Lake Formation permission" && d.Request.Describe().Contains("SELECT", StringComparison.Ordinal));
    }

    [Fact]
    public void Permissions_no_declared_call_uses_are_reported()
    {
        var report = AccessProof.Evaluate(Program([ReadObjects, KeyThroughS3, Allow("Extra", "s3:DeleteObject", Fn.Interpolate($"{BucketArn}/*"))]), [Reader]);

        var unused = Assert.Single(report.Unused);
        Assert.Equal(("reader-role", "Extra", "s3:DeleteObject"), (unused.Role, unused.Sid, unused.Action));
    }

    private static Resource LakeGrant(string name, MapValue resource, string permission) =>
        new(name, "aws-native:lakeformation:PrincipalPermissions", new MapValue
        {
            ["principal"] = new MapValue { ["dataLakePrincipalIdentifier"] = new Reference("reader-role", "arn") },
            ["resource"] = resource,
            ["permissions"] = new ListValue { permission },
        });
}

internal static class FixtureProgramExtensions
{
    public static PulumiProgram With(this PulumiProgram program, Resource resource)
    {
        program.Add(new Resource(resource.Name, resource.Type, resource.Properties));
        return program;
    }
}
