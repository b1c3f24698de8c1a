using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Profiles;
using Infra.Policy;
using Infra.Tests.Support;
using static Infra.Tests.Support.PolicyFixtures;

namespace Infra.Tests.PolicyPack;

/// <summary>The security policy pack: every stack passes it, every rule fails its broken fixture and passes its fixed one.</summary>
public class PolicyPackTests
{
    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void Every_stack_passes_with_only_reasoned_suppressions(string stack)
    {
        var settings = Stacks.Settings(stack);
        var verdict = Infra.Policy.PolicyPack.Evaluate(PlatformProgram.Build(settings), stack, settings.Profile.RetainData);

        Assert.True(verdict.Passed, string.Join("\n", verdict.Findings));
        Assert.All(verdict.Suppressed, finding => Assert.Contains(Infra.Policy.PolicyPack.Suppressions, s => s.Covers(finding, stack) && s.Reason.Length > 40));
    }

    [Fact]
    public void Every_suppression_is_used_by_some_stack_and_every_rule_is_named_once()
    {
        var used = StackProfiles.All.SelectMany(p => Infra.Policy.PolicyPack.Evaluate(PlatformProgram.Build(Stacks.Settings(p.Stack)), p.Stack, p.RetainData).Suppressed).ToList();

        Assert.All(Infra.Policy.PolicyPack.Suppressions, s => Assert.Contains(used, f => s.Covers(f, "dev") || s.Covers(f, "prod")));
        Assert.Equal(Infra.Policy.PolicyPack.Rules.Count, Infra.Policy.PolicyPack.Rules.Select(r => r.Id).Distinct().Count());
    }

    private static MapValue Allow(string action, string resource) => new() { ["Effect"] = "Allow", ["Action"] = new ListValue { action }, ["Resource"] = new ListValue { resource } };

    /// <summary>A bucket with everything the S3 rules ask for; <paramref name="without"/> leaves one part out.</summary>
    private static Resource[] Bucket(string? without = null)
    {
        var bucket = new Reference("b", "id");
        var parts = new List<Resource> { R("b", "aws:s3:Bucket", new MapValue { ["bucket"] = "b" }), R("logs", "aws:s3:Bucket", new MapValue { ["bucket"] = "logs" }) };
        void Add(string kind, Resource resource)
        {
            if (kind != without)
            {
                parts.Add(resource);
            }
        }
        Add("block", R("b-block", "aws:s3:BucketPublicAccessBlock", new MapValue { ["bucket"] = bucket, ["blockPublicAcls"] = true, ["blockPublicPolicy"] = true, ["ignorePublicAcls"] = true, ["restrictPublicBuckets"] = true }));
        Add("kms", R("b-sse", "aws:s3:BucketServerSideEncryptionConfiguration", new MapValue { ["bucket"] = bucket, ["rules"] = new ListValue { new MapValue { ["applyServerSideEncryptionByDefault"] = new MapValue { ["sseAlgorithm"] = "aws:kms" } } } }));
        Add("tls", R("b-policy", "aws:s3:BucketPolicy", new MapValue
        {
            ["bucket"] = bucket,
            ["policy"] = Document(new MapValue { ["Effect"] = "Deny", ["Action"] = new ListValue { "s3:*" }, ["Resource"] = new ListValue { "arn" }, ["Condition"] = new MapValue { ["Bool"] = new MapValue { ["aws:SecureTransport"] = "false" } } }),
        }));
        Add("logging", R("b-logging", "aws:s3:BucketLogging", new MapValue { ["bucket"] = bucket, ["targetBucket"] = new Reference("logs", "id") }));
        Add("versioning", R("b-versioning", "aws:s3:BucketVersioning", new MapValue { ["bucket"] = bucket, ["versioningConfiguration"] = new MapValue { ["status"] = "Enabled" } }));
        Add("lifecycle", R("b-lifecycle", "aws:s3:BucketLifecycleConfiguration", new MapValue { ["bucket"] = bucket, ["rules"] = new ListValue { new MapValue { ["noncurrentVersionExpiration"] = new MapValue { ["noncurrentDays"] = 7 } } } }));
        return [.. parts];
    }

    public static readonly TheoryData<string, string> BucketRules = new()
    {
        { "S3-1-public-access-blocked", "block" }, { "S3-2-kms-default-encryption", "kms" }, { "S3-3-tls-only", "tls" },
        { "S3-4-access-logging", "logging" }, { "S3-5-versioning", "versioning" }, { "S3-6-noncurrent-expiry", "lifecycle" },
    };

    [Theory]
    [MemberData(nameof(BucketRules))]
    public void Each_bucket_rule_names_the_bucket_missing_its_part_and_passes_the_whole_bucket(string rule, string part)
    {
        var broken = Findings(Program(Bucket(without: part)), rule).Where(f => f.Resource == "b").ToList();
        var whole = Findings(Program(Bucket()), rule).Where(f => f.Resource == "b");

        var finding = Assert.Single(broken);
        Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
        Assert.Empty(whole);
    }

    private static List<Finding> Findings(PulumiProgram program, string rule, bool production = false) =>
        [.. Infra.Policy.PolicyPack.Rules.Single(r => r.Id == rule).Check(new ProgramView(program, "fixture", production))];

    public static readonly TheoryData<string, string, string, string, bool> ResourceFixtures = new()
    {
        // rule, type, failing properties (JSON-ish key=value;…), passing properties, production
        { "KMS-1-rotation", "aws:kms:Key", "enableKeyRotation=false", "enableKeyRotation=true", false },
        { "KIN-1-stream-encrypted", "aws:kinesis:Stream", "encryptionType=NONE", "encryptionType=KMS;kmsKeyId=k", false },
        { "SNS-1-topic-encrypted", "aws:sns:Topic", "name=t", "kmsMasterKeyId=k", false },
        { "SQS-1-queue-encrypted", "aws:sqs:Queue", "name=q", "kmsMasterKeyId=k", false },
        { "GLUE-1-crawler-security", "aws:glue:Crawler", "name=c", "securityConfiguration=s", false },
        {
            "GLUE-2-security-configuration-kms", "aws:glue:SecurityConfiguration",
            "encryptionConfiguration.s3Encryption.s3EncryptionMode=SSE-KMS;encryptionConfiguration.cloudwatchEncryption.cloudwatchEncryptionMode=DISABLED;encryptionConfiguration.jobBookmarksEncryption.jobBookmarksEncryptionMode=CSE-KMS",
            "encryptionConfiguration.s3Encryption.s3EncryptionMode=SSE-KMS;encryptionConfiguration.cloudwatchEncryption.cloudwatchEncryptionMode=SSE-KMS;encryptionConfiguration.jobBookmarksEncryption.jobBookmarksEncryptionMode=CSE-KMS", false
        },
        { "RDS-1-encrypted", "aws:rds:Instance", "storageEncrypted=false", "storageEncrypted=true", false },
        { "RDS-2-private", "aws:rds:Instance", "publiclyAccessible=true", "publiclyAccessible=false", false },
        { "RDS-3-backups", "aws:rds:Instance", "backupRetentionPeriod=0", "backupRetentionPeriod=7", false },
        { "RDS-4-prod-protection", "aws:rds:Instance", "deletionProtection=false;multiAz=true", "deletionProtection=true;multiAz=true", true },
        { "RDS-5-credentials", "aws:rds:Instance", "iamDatabaseAuthenticationEnabled=false", "iamDatabaseAuthenticationEnabled=true", false },
        { "RDS-6-admin-name", "aws:rds:Instance", "username=admin", "username=platform_admin", false },
        { "LAM-1-runtime", "aws:lambda:Function", "runtime=provided.al2", "runtime=provided.al2023", false },
        { "LAM-2-tracing", "aws:lambda:Function", "tracingConfig.mode=PassThrough", "tracingConfig.mode=Active", false },
        { "LAM-4-stream-failures", "aws:lambda:EventSourceMapping", "batchSize=10", "destinationConfig.onFailure.destinationArn=q", false },
        { "LOG-1-log-group", "aws:cloudwatch:LogGroup", "retentionInDays=7", "retentionInDays=7;kmsKeyId=k", false },
        { "FH-1-delivery-encrypted", "aws:kinesis:FirehoseDeliveryStream", "destination=extended_s3", "extendedS3Configuration.kmsKeyArn=k", false },
        { "LF-1-no-iam-allowed-principals", "aws:lakeformation:Permissions", "principal=IAM_ALLOWED_PRINCIPALS", "principal=arn:aws:iam::1:role/analyst", false },
    };

    [Theory]
    [MemberData(nameof(ResourceFixtures))]
    public void Each_resource_rule_fails_its_broken_fixture_and_passes_its_fixed_one(string rule, string type, string failing, string passing, bool production)
    {
        Assert.Single(Findings(Program(R("x", type, Settings(failing))), rule, production));
        Assert.Empty(Findings(Program(R("x", type, Settings(passing))), rule, production));
    }

    [Fact]
    public void A_function_logging_to_a_group_without_retention_or_key_is_caught_and_one_with_both_passes()
    {
        PulumiProgram With(string logGroup) => Program(
            R("logs", "aws:cloudwatch:LogGroup", Settings(logGroup)),
            R("fn", "aws:lambda:Function", new MapValue { ["loggingConfig"] = new MapValue { ["logGroup"] = new Reference("logs", "name") } }));

        Assert.Single(Findings(With("retentionInDays=7"), "LAM-3-log-group"));
        Assert.Single(Findings(Program(R("fn", "aws:lambda:Function", Settings("runtime=provided.al2023"))), "LAM-3-log-group"));
        Assert.Empty(Findings(With("retentionInDays=7;kmsKeyId=k"), "LAM-3-log-group"));
    }

    /// <summary>The rules whose fixtures are hand-written facts rather than rows of a table, each with the fact that holds them.</summary>
    private static readonly Dictionary<string, string> FactFixtures = new()
    {
        ["IAM-1-no-wildcard-actions"] = nameof(The_iam_rules_catch_wildcards_admin_policies_and_unscoped_trust_and_pass_their_fixes),
        ["IAM-2-no-wildcard-resources"] = nameof(The_iam_rules_catch_wildcards_admin_policies_and_unscoped_trust_and_pass_their_fixes),
        ["IAM-3-no-admin-policies"] = nameof(The_iam_rules_catch_wildcards_admin_policies_and_unscoped_trust_and_pass_their_fixes),
        ["IAM-4-scoped-trust"] = nameof(The_iam_rules_catch_wildcards_admin_policies_and_unscoped_trust_and_pass_their_fixes),
        ["LAM-3-log-group"] = nameof(A_function_logging_to_a_group_without_retention_or_key_is_caught_and_one_with_both_passes),
        ["ATH-1-workgroup"] = nameof(The_athena_catalog_and_key_policy_rules_catch_their_mistakes),
        ["GLUE-3-catalog-encryption"] = nameof(The_athena_catalog_and_key_policy_rules_catch_their_mistakes),
        ["KMS-2-root-only-star"] = nameof(The_athena_catalog_and_key_policy_rules_catch_their_mistakes),
        ["PROD-1-data-retained"] = nameof(Prod_requires_every_data_store_protected_and_retained_and_other_stacks_do_not),
    };

    [Fact]
    public void Every_rule_has_a_failing_and_a_passing_fixture()
    {
        var covered = BucketRules.Select(row => (string)row[0]).Concat(ResourceFixtures.Select(row => (string)row[0]))
            .Concat(ServiceRuleTests.Fixtures.Select(row => (string)row[0])).Concat(ServiceRuleTests.SettingFixtures.Select(row => (string)row[0]))
            .Concat(FactFixtures.Keys).ToHashSet();
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "PolicyPack", "PolicyPackTests.cs"));

        Assert.All(Infra.Policy.PolicyPack.Rules, rule => Assert.True(covered.Contains(rule.Id), $"{rule.Id} has no failing and passing fixture"));
        string Body(string fact)
        {
            var start = source.IndexOf($"void {fact}(", StringComparison.Ordinal);
            var end = source.IndexOf("\n    [", start, StringComparison.Ordinal);
            return source[start..(end < 0 ? source.Length : end)];
        }
        Assert.All(FactFixtures, pair => Assert.Contains($"\"{pair.Key}\"", Body(pair.Value)));
    }

    [Fact]
    public void The_iam_rules_catch_wildcards_admin_policies_and_unscoped_trust_and_pass_their_fixes()
    {
        var wild = Program(R("p", "aws:iam:RolePolicy", new MapValue { ["policy"] = Document(Allow("s3:*", "arn:aws:s3:::b/*"), Allow("s3:PutObject", "*")) }));
        Assert.Single(Findings(wild, "IAM-1-no-wildcard-actions"));
        Assert.Single(Findings(wild, "IAM-2-no-wildcard-resources"));
        var tight = Program(R("p", "aws:iam:RolePolicy", new MapValue { ["policy"] = Document(Allow("s3:GetObject", "arn:aws:s3:::b/*"), Allow("xray:PutTraceSegments", "*")) }));
        Assert.Empty(Findings(tight, "IAM-1-no-wildcard-actions"));
        Assert.Empty(Findings(tight, "IAM-2-no-wildcard-resources"));

        var admin = Program(R("r", "aws:iam:Role", new MapValue { ["managedPolicyArns"] = new ListValue { "arn:aws:iam::aws:policy/AdministratorAccess" } }));
        Assert.Single(Findings(admin, "IAM-3-no-admin-policies"));
        Assert.Empty(Findings(Program(R("r", "aws:iam:Role", new MapValue { ["name"] = "r" })), "IAM-3-no-admin-policies"));

        MapValue Trust(bool scoped) => new()
        {
            ["Effect"] = "Allow",
            ["Principal"] = new MapValue { ["Service"] = "lambda.amazonaws.com" },
            ["Action"] = new ListValue { "sts:AssumeRole" },
            ["Condition"] = scoped ? new MapValue { ["StringEquals"] = new MapValue { ["aws:SourceAccount"] = "123456789012" } } : new MapValue(),
        };
        Assert.Single(Findings(Program(R("r", "aws:iam:Role", new MapValue { ["assumeRolePolicy"] = Document(Trust(false)) })), "IAM-4-scoped-trust"));
        Assert.Empty(Findings(Program(R("r", "aws:iam:Role", new MapValue { ["assumeRolePolicy"] = Document(Trust(true)) })), "IAM-4-scoped-trust"));
    }

    [Fact]
    public void Prod_requires_every_data_store_protected_and_retained_and_other_stacks_do_not()
    {
        var unprotected = Program(R("b", "aws:s3:Bucket", new MapValue { ["bucket"] = "b" }));
        var protectedBucket = Program(R("b", "aws:s3:Bucket", new MapValue { ["bucket"] = "b" }, new ResourceOptions { Protect = true, RetainOnDelete = true }));

        Assert.Single(Findings(unprotected, "PROD-1-data-retained", production: true));
        Assert.Empty(Findings(protectedBucket, "PROD-1-data-retained", production: true));
        Assert.Empty(Findings(unprotected, "PROD-1-data-retained", production: false));
    }

    [Theory]
    [InlineData("aws:glue:CatalogDatabase")]
    [InlineData("aws:glue:CatalogTable")]
    [InlineData("aws:athena:Workgroup")]
    [InlineData("aws:sns:Topic")]
    [InlineData("aws:ssm:Parameter")]
    public void Prod_protects_what_consumers_rely_on_and_the_prod_stack_does(string type)
    {
        Assert.Single(Findings(Program(R("x", type, new MapValue())), "PROD-1-data-retained", production: true));
        Assert.Empty(Findings(Program(R("x", type, new MapValue(), new ResourceOptions { Protect = true, RetainOnDelete = true })), "PROD-1-data-retained", production: true));
        var prod = PlatformProgram.Build(Stacks.Settings("prod")).Resources.Where(r => r.Type == type).ToList();
        Assert.NotEmpty(prod);
        Assert.All(prod, r => Assert.True(r.Options.Protect == true && r.Options.RetainOnDelete == true, $"{r.Name} is protected"));
    }

    [Fact]
    public void Iam_allowed_principals_is_never_a_default_nor_granted_where_lake_formation_governs_and_elsewhere_only_on_whole_own_databases()
    {
        var iamDefaults = new MapValue { ["principal"] = new MapValue { ["dataLakePrincipalIdentifier"] = "IAM_ALLOWED_PRINCIPALS" }, ["permissions"] = new ListValue { "ALL" } };
        var database = R("db", "aws:glue:CatalogDatabase", new MapValue { ["name"] = "db", ["createTableDefaultPermissions"] = new ListValue { iamDefaults } });
        var wholeDatabase = R("db-iam", "aws:lakeformation:Permissions", new MapValue
        {
            ["principal"] = "IAM_ALLOWED_PRINCIPALS", ["permissions"] = new ListValue { "ALL" }, ["database"] = new MapValue { ["name"] = new Reference("db", "name") },
        });
        Assert.Empty(Findings(Program(database, wholeDatabase), "LF-1-no-iam-allowed-principals"));

        var registered = R("location", "aws:lakeformation:Resource", new MapValue { ["arn"] = "arn:aws:s3:::b" });
        Assert.Equal(2, Findings(Program(database, wholeDatabase, registered), "LF-1-no-iam-allowed-principals").Count);

        var oneTable = R("table-iam", "aws:lakeformation:Permissions", new MapValue
        {
            ["principal"] = "IAM_ALLOWED_PRINCIPALS", ["permissions"] = new ListValue { "ALL" },
            ["table"] = new MapValue { ["databaseName"] = new Reference("db", "name"), ["name"] = "t" },
        });
        Assert.Single(Findings(Program(database, oneTable), "LF-1-no-iam-allowed-principals"));

        var settings = R("settings", "aws:lakeformation:DataLakeSettings", new MapValue { ["createTableDefaultPermissions"] = new ListValue { iamDefaults } });
        Assert.Single(Findings(Program(settings), "LF-1-no-iam-allowed-principals"));
    }

    [Fact]
    public void Only_the_account_stack_sets_what_aws_keeps_once_per_account()
    {
        var encryption = Program(R("catalog-encryption", "aws:glue:DataCatalogEncryptionSettings", new MapValue()), R("settings", "aws:lakeformation:DataLakeSettings", new MapValue()));
        var rule = Infra.Policy.PolicyPack.Rules.Single(r => r.Id == "ACC-1-account-wide-settings");

        Assert.Equal(2, rule.Check(new Infra.Policy.ProgramView(encryption, "course3", false)).Count());
        Assert.Empty(rule.Check(new Infra.Policy.ProgramView(encryption, "account", true)));
        Assert.Empty(rule.Check(new Infra.Policy.ProgramView(PlatformProgram.Build(Stacks.Settings("course3")), "course3", false)));
    }

    [Fact]
    public void The_athena_catalog_and_key_policy_rules_catch_their_mistakes()
    {
        var open = Program(R("w", "aws:athena:Workgroup", new MapValue { ["configuration"] = new MapValue { ["enforceWorkgroupConfiguration"] = false } }));
        Assert.Single(Findings(open, "ATH-1-workgroup"));
        var governed = Program(R("w", "aws:athena:Workgroup", Settings(
            "configuration.enforceWorkgroupConfiguration=true;configuration.resultConfiguration.encryptionConfiguration.encryptionOption=SSE_KMS;configuration.bytesScannedCutoffPerQuery=1")));
        Assert.Empty(Findings(governed, "ATH-1-workgroup"));

        var database = R("d", "aws:glue:CatalogDatabase", new MapValue { ["name"] = "d" });
        Assert.Single(Findings(Program(database), "GLUE-3-catalog-encryption"));
        var readsTheAccountsKey = Program(database);
        readsTheAccountsKey.AddVariable("accountCatalogKeyArn", Fn.Invoke("aws:kms/getAlias:getAlias",
            new MapValue { ["name"] = Infra.Platform.Components.Account.AccountWide.CatalogKeyAlias("dataplatform") }, returnField: "targetKeyArn"));
        Assert.Empty(Findings(readsTheAccountsKey, "GLUE-3-catalog-encryption"));
        var readsAnotherKey = Program(database);
        readsAnotherKey.AddVariable("someKey", Fn.Invoke("aws:kms/getAlias:getAlias", new MapValue { ["name"] = "alias/something-else" }, returnField: "targetKeyArn"));
        Assert.Single(Findings(readsAnotherKey, "GLUE-3-catalog-encryption"));

        var key = R("k", "aws:kms:Key", new MapValue
        {
            ["policy"] = Document(new MapValue { ["Effect"] = "Allow", ["Principal"] = new MapValue { ["AWS"] = "arn:aws:iam::1:role/app" }, ["Action"] = new ListValue { "kms:*" }, ["Resource"] = new ListValue { "*" } }),
        });
        Assert.Single(Findings(Program(key), "KMS-2-root-only-star"));
        var rootOnly = R("k", "aws:kms:Key", new MapValue
        {
            ["policy"] = Document(new MapValue { ["Effect"] = "Allow", ["Principal"] = new MapValue { ["AWS"] = "arn:aws:iam::1:root" }, ["Action"] = new ListValue { "kms:*" }, ["Resource"] = new ListValue { "*" } }),
        });
        Assert.Empty(Findings(Program(rootOnly), "KMS-2-root-only-star"));
    }

    [Fact]
    public void The_command_checks_a_stack_and_names_its_verdict()
    {
        var host = new FakeHost();

        Assert.Equal(0, Infra.Cli.CommandLine.Run(["policy", "--stack", "course3"], host));
        Assert.Contains($"course3: 0 finding(s)", host.Stdout);
    }
}
