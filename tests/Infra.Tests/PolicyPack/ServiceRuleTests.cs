using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Policy;
using static Infra.Tests.Support.PolicyFixtures;

namespace Infra.Tests.PolicyPack;

/// <summary>
/// The service rules: documented constraints whose breach fails a deploy or a run. Each names its page, fails
/// a program that breaks it (today's program where it found a defect) and passes the program fixed.
/// </summary>
public class ServiceRuleTests
{
    private static Resource Workgroup(string name, bool enforced, string encryption) => R(name, "aws:athena:Workgroup", new MapValue
    {
        ["configuration"] = new MapValue
        {
            ["enforceWorkgroupConfiguration"] = enforced,
            ["resultConfiguration"] = new MapValue
            {
                ["outputLocation"] = "s3://results/",
                ["encryptionConfiguration"] = new MapValue { ["encryptionOption"] = encryption },
            },
        },
    });

    /// <summary>A state machine with one Athena task sending <paramref name="query"/> (a literal, or a States.Format when it starts so) to the workgroup.</summary>
    private static Resource Machine(string query, string workgroup)
    {
        var parameters = new MapValue { ["WorkGroup"] = new Reference(workgroup, "name") };
        parameters[query.StartsWith("States.Format(", StringComparison.Ordinal) ? "QueryString.$" : "QueryString"] = query;
        return R("machine", "aws:sfn:StateMachine", new MapValue
        {
            ["definition"] = Fn.ToJson(new MapValue
            {
                ["StartAt"] = "Outer",
                ["States"] = new MapValue
                {
                    // Nested in a Map, as the pipelines' steps are: the reader walks in.
                    ["Outer"] = new MapValue
                    {
                        ["Type"] = "Map",
                        ["ItemProcessor"] = new MapValue
                        {
                            ["StartAt"] = "Query",
                            ["States"] = new MapValue
                            {
                                ["Query"] = new MapValue { ["Type"] = "Task", ["Resource"] = "arn:aws:states:::athena:startQueryExecution.sync", ["Parameters"] = parameters, ["End"] = true },
                            },
                        },
                        ["End"] = true,
                    },
                },
            }),
        });
    }

    /// <summary>The machine of <see cref="Machine"/> whose nested task retries Athena's throttling.</summary>
    private static Resource RetryingMachine()
    {
        var machine = Machine("SELECT 1", "wg");
        var task = (MapValue)((MapValue)((MapValue)((MapValue)((MapValue)((BuiltIn)machine.Properties["definition"]).Argument)["States"])["Outer"])["ItemProcessor"])["States"];
        ((MapValue)task["Query"])["Retry"] = new ListValue { new MapValue { ["ErrorEquals"] = new ListValue { "Athena.TooManyRequestsException" }, ["MaxAttempts"] = 3 } };
        return machine;
    }

    [Theory]
    [MemberData(nameof(Infra.Tests.Support.Stacks.Names), MemberType = typeof(Infra.Tests.Support.Stacks))]
    public void Taking_the_retry_away_from_any_one_task_of_a_stack_or_its_schedules_is_caught(string stack)
    {
        var program = Infra.Platform.Profiles.PlatformProgram.Build(Infra.Tests.Support.Stacks.Settings(stack));
        var tasks = program.Resources.Where(r => r.Type == "aws:sfn:StateMachine")
            .SelectMany(m => Infra.Policy.Rules.Services.StateMachineTasks.Of((MapValue)((BuiltIn)m.Properties["definition"]).Argument)).ToList();
        Assert.Empty(Findings(program, "SFN-3-task-retries"));

        foreach (var (name, state) in tasks)
        {
            var retry = state["Retry"];
            state["Retry"] = new ListValue();
            Assert.Contains(Findings(program, "SFN-3-task-retries"), f => f.Problem.Contains($"task {name} ", StringComparison.Ordinal));
            state["Retry"] = retry;
        }
        foreach (var schedule in program.Resources.Where(r => r.Type == "aws:scheduler:Schedule"))
        {
            var policy = (MapValue)((MapValue)schedule.Properties["target"])["retryPolicy"];
            var attempts = policy["maximumRetryAttempts"];
            policy["maximumRetryAttempts"] = 0;
            Assert.Contains(Findings(program, "SCH-4-schedule-retries"), f => f.Resource == schedule.Name);
            policy["maximumRetryAttempts"] = attempts;
        }
    }

    private static Resource Role(string name, string service) => R(name, "aws:iam:Role", new MapValue
    {
        ["assumeRolePolicy"] = Document(new MapValue { ["Effect"] = "Allow", ["Principal"] = new MapValue { ["Service"] = service }, ["Action"] = "sts:AssumeRole" }),
    });

    private static Resource Key(params MapValue[] statements) => R("key", "aws:kms:Key", new MapValue { ["policy"] = Document(statements) });

    private static MapValue Allow(string principalKind, string principal, params string[] actions) => new()
    {
        ["Effect"] = "Allow",
        ["Principal"] = new MapValue { [principalKind] = principal },
        ["Action"] = new ListValue([.. actions.Select(a => (Value)a)]),
        ["Resource"] = "*",
    };

    private const string Ctas = "States.Format('CREATE TABLE g.m__r{}\nWITH (format = \\'PARQUET\\', external_location = \\'s3://{}/m/r{}/\\')\nAS\nSELECT 1', $.plan.run, $.plan.goldBucket, $.plan.run)";
    private const string S3TablesMerge = "MERGE INTO \"s3tablescatalog/tables\".gold.sales AS t USING (SELECT 1 AS k) AS s ON t.k = s.k WHEN NOT MATCHED THEN INSERT (k) VALUES (s.k)";
    private const string GlueMerge = "MERGE INTO gold_db.sales AS t USING (SELECT 1 AS k) AS s ON t.k = s.k WHEN NOT MATCHED THEN INSERT (k) VALUES (s.k)";

    private static Resource GlueTable(bool iceberg) => R("sales-table", "aws:glue:CatalogTable", iceberg
        ? new MapValue { ["name"] = "sales", ["databaseName"] = new Reference("gold-db", "name"), ["openTableFormatInput"] = new MapValue { ["icebergInput"] = new MapValue { ["metadataOperation"] = "CREATE" } } }
        : new MapValue { ["name"] = "sales", ["databaseName"] = new Reference("gold-db", "name"), ["tableType"] = "EXTERNAL_TABLE" });

    private static readonly Resource GoldDatabase = R("gold-db", "aws:glue:CatalogDatabase", new MapValue { ["name"] = "gold_db" });

    private static Resource Schedule(string roleResource) => R("schedule", "aws:scheduler:Schedule", new MapValue
    {
        ["flexibleTimeWindow"] = new MapValue { ["mode"] = "OFF" },
        ["target"] = new MapValue { ["arn"] = "arn:aws:states:eu-west-1:1:stateMachine:m", ["roleArn"] = new Reference(roleResource, "arn") },
    });

    private static Resource Topic() => R("topic", "aws:sns:Topic", new MapValue { ["kmsMasterKeyId"] = new Reference("key", "arn") });

    private static Resource Alarm() => R("alarm", "aws:cloudwatch:MetricAlarm", new MapValue { ["alarmActions"] = new ListValue { new Reference("topic", "arn") } });

    /// <summary>Rule, a program that breaks it, the program fixed.</summary>
    public static readonly TheoryData<string, PulumiProgram, PulumiProgram> Fixtures = new()
    {
        // The gold CTAS the pipelines sent to the enforced analytics workgroup until this rule found it.
        { "ATH-4-ctas-location", Program(Workgroup("wg", true, "SSE_KMS"), Machine(Ctas, "wg")), Program(Workgroup("wg", false, "SSE_KMS"), Machine(Ctas, "wg")) },
        // Prod's merge into S3 Tables from the SSE-KMS workgroup, found the same way.
        { "ATH-5-s3-tables-writes", Program(Workgroup("wg", true, "SSE_KMS"), Machine(S3TablesMerge, "wg")), Program(Workgroup("wg", true, "SSE_S3"), Machine(S3TablesMerge, "wg")) },
        { "ATH-6-dml-on-iceberg", Program(Workgroup("wg", true, "SSE_KMS"), GoldDatabase, GlueTable(iceberg: false), Machine(GlueMerge, "wg")),
            Program(Workgroup("wg", true, "SSE_KMS"), GoldDatabase, GlueTable(iceberg: true), Machine(GlueMerge, "wg")) },
        { "ATH-7-no-views-in-s3-tables", Program(Workgroup("wg", true, "SSE_S3"), Machine("CREATE OR REPLACE VIEW \"s3tablescatalog/tables\".gold.v AS SELECT 1", "wg")),
            Program(Workgroup("wg", true, "SSE_S3"), Machine("CREATE OR REPLACE VIEW gold_db.v AS SELECT * FROM \"s3tablescatalog/tables\".gold.sales", "wg")) },
        { "ATH-8-workgroup-of-the-stack", Program(R("query", "aws:athena:NamedQuery", new MapValue { ["query"] = "SELECT 1", ["workgroup"] = "primary" })),
            Program(Workgroup("wg", true, "SSE_KMS"), R("query", "aws:athena:NamedQuery", new MapValue { ["query"] = "SELECT 1", ["workgroup"] = new Reference("wg", "name") })) },
        { "SCH-3-role-trust", Program(Role("role", "events.amazonaws.com"), Schedule("role")), Program(Role("role", "scheduler.amazonaws.com"), Schedule("role")) },
        { "FH-3-role-trust", Program(Role("role", "lambda.amazonaws.com"), R("delivery", "aws:kinesis:FirehoseDeliveryStream", new MapValue { ["extendedS3Configuration"] = new MapValue { ["roleArn"] = new Reference("role", "arn") } })),
            Program(Role("role", "firehose.amazonaws.com"), R("delivery", "aws:kinesis:FirehoseDeliveryStream", new MapValue { ["extendedS3Configuration"] = new MapValue { ["roleArn"] = new Reference("role", "arn") } })) },
        { "LF-2-registration-role-trust", Program(Role("role", "glue.amazonaws.com"), R("location", "aws:lakeformation:Resource", new MapValue { ["roleArn"] = new Reference("role", "arn") })),
            Program(Role("role", "lakeformation.amazonaws.com"), R("location", "aws:lakeformation:Resource", new MapValue { ["roleArn"] = new Reference("role", "arn") })) },
        { "GLUE-5-crawler-role-trust", Program(Role("role", "lakeformation.amazonaws.com"), R("crawler", "aws:glue:Crawler", new MapValue { ["role"] = new Reference("role", "arn") })),
            Program(Role("role", "glue.amazonaws.com"), R("crawler", "aws:glue:Crawler", new MapValue { ["role"] = new Reference("role", "arn") })) },
        { "SFN-2-role-trust", Program(Role("role", "lambda.amazonaws.com"), R("machine", "aws:sfn:StateMachine", new MapValue { ["roleArn"] = new Reference("role", "arn") })),
            Program(Role("role", "states.amazonaws.com"), R("machine", "aws:sfn:StateMachine", new MapValue { ["roleArn"] = new Reference("role", "arn") })) },
        { "KMS-3-logs-may-use-the-key", Program(Key(Allow("AWS", "arn:aws:iam::1:root", "kms:*")), R("logs", "aws:cloudwatch:LogGroup", new MapValue { ["kmsKeyId"] = new Reference("key", "arn") })),
            Program(Key(Allow("AWS", "arn:aws:iam::1:root", "kms:*"), Allow("Service", "logs.eu-west-1.amazonaws.com", "kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*")),
                R("logs", "aws:cloudwatch:LogGroup", new MapValue { ["kmsKeyId"] = new Reference("key", "arn") })) },
        { "KMS-4-no-lockout", Program(Key(Allow("AWS", "arn:aws:iam::1:role/app", "kms:Decrypt"))), Program(Key(Allow("AWS", "arn:aws:iam::1:root", "kms:*"))) },
        { "SNS-2-cloudwatch-may-use-the-topic-key", Program(Key(Allow("AWS", "arn:aws:iam::1:root", "kms:*")), Topic(), Alarm(), R("subscription", "aws:sns:TopicSubscription", new MapValue { ["topic"] = new Reference("topic", "arn") })),
            Program(Key(Allow("AWS", "arn:aws:iam::1:root", "kms:*"), Allow("Service", "cloudwatch.amazonaws.com", "kms:Decrypt", "kms:GenerateDataKey*")), Topic(), Alarm(),
                R("subscription", "aws:sns:TopicSubscription", new MapValue { ["topic"] = new Reference("topic", "arn") })) },
        { "SFN-3-task-retries", Program(Machine("SELECT 1", "wg")), Program(RetryingMachine()) },
        // Every stack's databases could be created before Lake Formation's settings and the catalog's encryption until this rule found it.
        { "ORD-1-creation-order", Program(R("data-lake-settings", "aws:lakeformation:DataLakeSettings", new MapValue()), R("db", "aws:glue:CatalogDatabase", new MapValue { ["name"] = "db" }),
                R("table", "aws:glue:CatalogTable", new MapValue { ["name"] = "t", ["databaseName"] = new Reference("db", "name") })),
            Program(R("data-lake-settings", "aws:lakeformation:DataLakeSettings", new MapValue()),
                R("db", "aws:glue:CatalogDatabase", new MapValue { ["name"] = "db" }, new ResourceOptions { DependsOn = [new Reference("data-lake-settings")] }),
                R("table", "aws:glue:CatalogTable", new MapValue { ["name"] = "t", ["databaseName"] = new Reference("db", "name") })) },
        { "ORD-1-creation-order", Program(Role("role", "lambda.amazonaws.com"), R("policy", "aws:iam:RolePolicy", new MapValue { ["role"] = new Reference("role", "id") }),
                R("fn", "aws:lambda:Function", new MapValue { ["role"] = new Reference("role", "arn") })),
            Program(Role("role", "lambda.amazonaws.com"), R("policy", "aws:iam:RolePolicy", new MapValue { ["role"] = new Reference("role", "id") }),
                R("fn", "aws:lambda:Function", new MapValue { ["role"] = new Reference("role", "arn") }, new ResourceOptions { DependsOn = [new Reference("policy")] })) },
        // Every stack set the catalog's encryption, and course 3 Lake Formation's settings, until this rule found it.
        { "ACC-1-account-wide-settings", Program(R("catalog-encryption", "aws:glue:DataCatalogEncryptionSettings", new MapValue()), GoldDatabase), Program(GoldDatabase) },
        // Every stack's topic had no subscriber until this rule found it.
        { "SNS-3-subscribed", Program(Topic(), Alarm()), Program(Topic(), Alarm(), R("subscription", "aws:sns:TopicSubscription", new MapValue { ["topic"] = new Reference("topic", "arn") })) },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_service_rule_fails_its_broken_program_and_passes_it_fixed(string rule, PulumiProgram broken, PulumiProgram fixedProgram)
    {
        Assert.NotEmpty(Findings(broken, rule));
        Assert.Empty(Findings(fixedProgram, rule));
    }

    /// <summary>Resource rules whose fixture is one resource's settings (JSON-ish <c>key=value;…</c>).</summary>
    public static readonly TheoryData<string, string, string, string> SettingFixtures = new()
    {
        { "ATH-2-cutoff-minimum", "aws:athena:Workgroup", "configuration.bytesScannedCutoffPerQuery=1000000", "configuration.bytesScannedCutoffPerQuery=10737418240" },
        { "ATH-3-results-location", "aws:athena:Workgroup", "configuration.engineVersion.selectedEngineVersion=AUTO", "configuration.resultConfiguration.outputLocation=s3://results/r/" },
        { "S3T-1-bucket-name", "aws:s3tables:TableBucket", "name=Gold_Tables", "name=gold-tables" },
        { "S3T-2-table-names", "aws:s3tables:Table", "name=Sales-Report", "name=sales_report" },
        { "GLUE-4-athena-names", "aws:glue:CatalogDatabase", "name=dataplatform-dev-gold", "name=dataplatform_dev_gold" },
        { "SCH-1-time-window", "aws:scheduler:Schedule", "flexibleTimeWindow.mode=FLEXIBLE;flexibleTimeWindow.maximumWindowInMinutes=2000", "flexibleTimeWindow.mode=FLEXIBLE;flexibleTimeWindow.maximumWindowInMinutes=15" },
        { "SCH-2-retry-policy", "aws:scheduler:Schedule", "target.retryPolicy.maximumRetryAttempts=200", "target.retryPolicy.maximumRetryAttempts=2;target.retryPolicy.maximumEventAgeInSeconds=3600" },
        { "KES-1-stream-source-limits", "aws:lambda:EventSourceMapping", "eventSourceArn=arn:aws:kinesis:eu-west-1:1:stream/s;batchSize=20000;startingPosition=LATEST",
            "eventSourceArn=arn:aws:kinesis:eu-west-1:1:stream/s;batchSize=500;startingPosition=TRIM_HORIZON" },
        { "FH-2-no-sse-with-stream-source", "aws:kinesis:FirehoseDeliveryStream", "kinesisSourceConfiguration.kinesisStreamArn=s;serverSideEncryption.enabled=true", "kinesisSourceConfiguration.kinesisStreamArn=s" },
        { "SCH-4-schedule-retries", "aws:scheduler:Schedule", "target.retryPolicy.maximumRetryAttempts=0", "target.retryPolicy.maximumRetryAttempts=2" },
        { "SFN-1-log-destination", "aws:sfn:StateMachine", "loggingConfiguration.logDestination=arn:aws:logs:eu-west-1:1:log-group:x", "loggingConfiguration.logDestination=arn:aws:logs:eu-west-1:1:log-group:x:*" },
    };

    [Theory]
    [MemberData(nameof(SettingFixtures))]
    public void Each_setting_rule_fails_a_value_the_service_refuses_and_passes_one_it_accepts(string rule, string type, string failing, string passing)
    {
        Assert.Single(Findings(Program(R("x", type, Settings(failing))), rule));
        Assert.Empty(Findings(Program(R("x", type, Settings(passing))), rule));
    }

    [Fact]
    public void Every_service_rule_names_its_documentation_page_and_has_fixtures()
    {
        var documented = Infra.Policy.PolicyPack.Rules.Where(r => r.Source is not null).ToList();
        var covered = Fixtures.Select(row => (string)row[0]).Concat(SettingFixtures.Select(row => (string)row[0])).ToHashSet();

        Assert.True(documented.Count >= 15, $"{documented.Count} service rules");
        Assert.All(documented, rule => Assert.Contains(rule.Id, covered));
        Assert.All(documented, rule => Assert.Matches("(User Guide|Developer Guide|API Reference)", rule.Source!));
    }

    [Fact]
    public void The_statement_reader_reads_a_format_template_as_athena_receives_it()
    {
        var sql = Infra.Policy.Rules.Services.AthenaStatements.FromFormat(Ctas)!;

        Assert.StartsWith("CREATE TABLE g.m__rx0\nWITH (format = 'PARQUET', external_location = 's3://x0/m/rx0/')", sql);
        Assert.Equal("CREATE TABLE", Infra.Policy.Rules.Services.AthenaStatements.VerbOf(sql));
        Assert.Equal("g.m__rx0", Infra.Policy.Rules.Services.AthenaStatements.TargetOf(sql));
        Assert.Equal("\"s3tablescatalog/tables\".gold.sales", Infra.Policy.Rules.Services.AthenaStatements.TargetOf(S3TablesMerge));
    }

    private static List<Finding> Findings(PulumiProgram program, string rule) =>
        [.. Infra.Policy.PolicyPack.Rules.Single(r => r.Id == rule).Check(new ProgramView(program, "fixture", false))];
}
