using Pipelines.Declarations.Sources;
using System.Text.Json;
using Infra.Platform.Components.Ingestion;
using Infra.Tests.Mocking;
using Infra.Tests.Support;
using Pipelines.Declarations.Functions;

namespace Infra.Tests.Components;

/// <summary>The private network, the source database and the two scheduled ingestion functions, as deployed (mocked).</summary>
public class IngestionInfrastructureTests
{
    private static readonly DeploymentResult Dev = Stacks.Deploy("dev");
    private static readonly DeploymentResult Prod = Stacks.Deploy("prod");
    private static readonly DeploymentResult Course1 = Stacks.Deploy("course1");

    private static JsonElement[] Statements(DeploymentResult stack, string resource, string input = "policy") =>
        JsonDocument.Parse((string)stack.Resource(resource).Input(input)!).RootElement.GetProperty("Statement").EnumerateArray().ToArray();

    private static JsonElement Statement(DeploymentResult stack, string resource, string sid) =>
        Statements(stack, resource).Single(s => s.GetProperty("Sid").GetString() == sid);

    private static List<string?> Strings(JsonElement statement, string name) =>
        statement.GetProperty(name).ValueKind == JsonValueKind.Array
            ? [.. statement.GetProperty(name).EnumerateArray().Select(e => e.GetString())]
            : [statement.GetProperty(name).GetString()];

    private static object? Id(DeploymentResult stack, string resource) => stack.Resource(resource).Id;

    [Theory]
    [MemberData(nameof(Stacks.Lakehouses), MemberType = typeof(Stacks))]
    public void No_stack_has_a_route_to_the_internet_and_subnets_give_no_public_addresses(string stack)
    {
        var deployed = Stacks.Deploy(stack);

        Assert.DoesNotContain(deployed.Resources, r => r.Type is "aws:ec2:InternetGateway" or "aws:ec2:NatGateway" or "aws:ec2:Route" or "aws:ec2:Eip");
        var subnets = deployed.OfType("aws:ec2:Subnet").ToList();
        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, subnet => Assert.Equal(false, subnet.Input("mapPublicIpOnLaunch")));
        Assert.Equal(2, subnets.Select(subnet => subnet.Input("availabilityZone")).Distinct().Count());
        Assert.Equal(2, subnets.Select(subnet => subnet.Input("cidrBlock")).Distinct().Count());
    }

    [Fact]
    public void The_functions_group_has_no_ingress_and_egress_only_to_s3_the_endpoints_and_the_database()
    {
        var functions = Id(Dev, "functions-sg");
        Assert.DoesNotContain(Dev.OfType("aws:vpc:SecurityGroupIngressRule"), rule => Equals(rule.Input("securityGroupId"), functions));
        var egress = Dev.OfType("aws:vpc:SecurityGroupEgressRule").Where(rule => Equals(rule.Input("securityGroupId"), functions)).ToList();
        Assert.Equal(3, egress.Count);
        Assert.All(egress, rule => Assert.False(rule.Inputs.ContainsKey("cidrIpv4"), "no egress to an address range"));
        Assert.Contains(egress, rule => Equals(rule.Input("prefixListId"), Dev.Resource("s3-gateway").Outputs["prefixListId"]) && Equals(rule.Input("fromPort"), 443L));
        Assert.Contains(egress, rule => Equals(rule.Inputs.GetValueOrDefault("referencedSecurityGroupId"), Id(Dev, "endpoints-sg")) && Equals(rule.Input("toPort"), 443L));
        Assert.Contains(egress, rule => Equals(rule.Inputs.GetValueOrDefault("referencedSecurityGroupId"), Id(Dev, "database-sg")) && Equals(rule.Input("fromPort"), 5432L));
        Assert.Equal("Interface", Dev.Resource("ssm-endpoint").Input("vpcEndpointType"));
        Assert.Equal(true, Dev.Resource("ssm-endpoint").Input("privateDnsEnabled"));
        Assert.Equal("com.amazonaws.eu-west-1.ssm", Dev.Resource("ssm-endpoint").Input("serviceName"));
    }

    [Fact]
    public void The_database_is_private_encrypted_reached_only_from_the_functions_and_refuses_plain_connections()
    {
        var database = Dev.Resource("database");

        Assert.Equal(false, database.Input("publiclyAccessible"));
        Assert.Equal(true, database.Input("storageEncrypted"));
        Assert.Equal(Dev.Outputs["kmsKeyArn"], database.Input("kmsKeyId"));
        Assert.Equal(Dev.Outputs["kmsKeyArn"], database.Input("performanceInsightsKmsKeyId"));
        Assert.Equal(new List<object?> { Id(Dev, "database-sg") }, database.Input("vpcSecurityGroupIds"));
        Assert.Equal(new List<object?> { Id(Dev, "private-subnet-1"), Id(Dev, "private-subnet-2") }, Dev.Resource("database-subnets").Input("subnetIds"));
        var ingress = Assert.Single(Dev.OfType("aws:vpc:SecurityGroupIngressRule"), rule => Equals(rule.Input("securityGroupId"), Id(Dev, "database-sg")));
        Assert.Equal(Id(Dev, "functions-sg"), ingress.Input("referencedSecurityGroupId"));
        Assert.Equal(5432L, ingress.Input("fromPort"));
        Assert.Equal(new List<object?> { new Dictionary<string, object?> { ["name"] = "rds.force_ssl", ["value"] = "1" } }, Dev.Resource("database-parameters").Input("parameters"));
        Assert.True((long)database.Input("backupRetentionPeriod")! >= 7);
        Assert.DoesNotContain(database.Input("username"), new[] { "admin", "postgres", "root", "master" });
    }

    [Fact]
    public void The_password_is_generated_kept_as_a_secure_string_and_never_written_in_the_program()
    {
        Assert.Equal(Dev.Resource("database-password").Outputs["result"], Dev.Resource("database").Input("password"));
        var parameter = Dev.Resource("database-password-parameter");
        Assert.Equal("SecureString", parameter.Input("type"));
        Assert.Equal(Dev.Outputs["kmsKeyArn"], parameter.Input("keyId"));
        Assert.Equal(Dev.Resource("database-password").Outputs["result"], parameter.Input("value"));
        Assert.Contains("password: ${database-password.result}", Stacks.Synthesize("dev"));
        Assert.IsType<Secret>(Dev.Resource("api-credentials").Input("value"));
        Assert.DoesNotContain("client_secret", Stacks.Synthesize("dev"));
    }

    [Fact]
    public void Prod_keeps_the_database_through_deletes_with_a_standby_and_a_final_snapshot_and_dev_does_not()
    {
        var prod = Prod.Resource("database");
        var dev = Dev.Resource("database");

        Assert.Equal((true, true, false), (prod.Input("deletionProtection"), prod.Input("multiAz"), prod.Input("skipFinalSnapshot")));
        Assert.Equal("dataplatform-prod-source-final", prod.Input("finalSnapshotIdentifier"));
        Assert.Equal((false, false, true), (dev.Input("deletionProtection"), dev.Input("multiAz"), dev.Input("skipFinalSnapshot")));
    }

    [Theory]
    [InlineData("course1", "mysql", 3306L)]
    [InlineData("course2", "postgres", 5432L)]
    [InlineData("course3", "mysql", 3306L)]
    [InlineData("course4", "mysql", 3306L)]
    [InlineData("dev", "postgres", 5432L)]
    public void Each_stack_runs_its_courses_engine_and_tells_the_extract_function(string stack, string engine, long port)
    {
        var deployed = Stacks.Deploy(stack);

        Assert.Equal(engine, deployed.Resource("database").Input("engine"));
        Assert.Equal(port, deployed.Resource("database").Input("port"));
        Assert.Equal(engine == "postgres" ? "postgresql" : "mysql", deployed.Resource("db-extract").Input($"environment.variables.{DbExtractContract.EngineVariable}"));
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), deployed.Resource("db-extract").Input($"environment.variables.{DbExtractContract.PortVariable}"));
    }

    [Fact]
    public void The_extract_function_runs_in_the_private_subnets_and_may_only_write_its_prefixes_and_sign_in_as_the_reader()
    {
        var function = Dev.Resource("db-extract");
        var bronze = (string)Dev.Resource("bronze-bucket").Outputs["arn"]!;

        Assert.Equal(new List<object?> { Id(Dev, "private-subnet-1"), Id(Dev, "private-subnet-2") }, function.Input("vpcConfig.subnetIds"));
        Assert.Equal(new List<object?> { Id(Dev, "functions-sg") }, function.Input("vpcConfig.securityGroupIds"));
        Assert.Equal(string.Join(',', SourceDatasets.Extracts.Select(t => t.Setting)), function.Input($"environment.variables.{DbExtractContract.TablesVariable}"));
        Assert.Equal(Dev.Resource("database").Outputs["address"], function.Input($"environment.variables.{DbExtractContract.HostVariable}"));
        Assert.Equal(DbExtractContract.ReaderUser, function.Input($"environment.variables.{DbExtractContract.UserVariable}"));
        Assert.Equal(DbExtractContract.IamAuthentication, function.Input($"environment.variables.{DbExtractContract.AuthenticationVariable}"));
        Assert.False(((IReadOnlyDictionary<string, object?>)function.Input("environment.variables")!).ContainsKey(DbExtractContract.PasswordParameterVariable));
        Assert.Equal(Dev.Resource("db-extract-failures").Outputs["arn"], function.Input("deadLetterConfig.targetArn"));

        var write = Statement(Dev, "db-extract-permissions", "WriteBronzeBucketDbStateDbQuarantineDb");
        Assert.Equal([$"{bronze}/db/*", $"{bronze}/_state/db/*", $"{bronze}/quarantine/db/*"], Strings(write, "Resource"));
        var connect = Statement(Dev, "db-extract-permissions", "ConnectToTheDatabaseAsExtractReader");
        Assert.Equal(["rds-db:connect"], Strings(connect, "Action"));
        Assert.Equal([$"arn:aws:rds-db:eu-west-1:{Infra.Tests.Mocking.EchoMocks.AccountId}:dbuser:{Dev.Resource("database").Outputs["resourceId"]}/extract_reader"], Strings(connect, "Resource"));
        var statements = Statements(Dev, "db-extract-permissions");
        Assert.DoesNotContain(statements, s => Strings(s, "Action").Any(a => a!.EndsWith(":*", StringComparison.Ordinal) || a.StartsWith("ssm:", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_read_only_user_is_granted_by_the_deployment_through_the_same_executable_signed_in_as_the_administrator()
    {
        var grant = Dev.Resource("db-reader-grant");
        Assert.Equal(DbExtractContract.GrantReaderHandler, grant.Input("handler"));
        Assert.Equal(Dev.Resource("db-extract").Input("code"), grant.Input("code"));
        Assert.Equal(Dev.Resource("db-extract").Input("vpcConfig"), grant.Input("vpcConfig"));
        Assert.Equal(Infra.Platform.Components.Database.SourceDatabase.Username, grant.Input($"environment.variables.{DbExtractContract.UserVariable}"));
        Assert.Equal(Dev.Resource("database-password-parameter").Input("name"), grant.Input($"environment.variables.{DbExtractContract.PasswordParameterVariable}"));
        var read = Statement(Dev, "db-reader-grant-permissions", "ReadDatabasePasswordParameter");
        Assert.Equal([Dev.Resource("database-password-parameter").Outputs["arn"] as string], Strings(read, "Resource"));
        Assert.Equal(["kms:Decrypt"], Strings(Statement(Dev, "db-reader-grant-permissions", "UseTheDataKeyThroughSsm"), "Action"));
        Assert.DoesNotContain(Statements(Dev, "db-reader-grant-permissions"), s => Strings(s, "Action").Any(a => a!.StartsWith("s3:", StringComparison.Ordinal) || a.StartsWith("rds-db:", StringComparison.Ordinal)));

        var invocation = Dev.Resource("db-reader-grant-invocation");
        Assert.Equal(grant.Outputs["name"], invocation.Input("functionName"));
        Assert.Equal($$"""{"reader":"{{DbExtractContract.ReaderUser}}"}""", invocation.Input("input"));
        Assert.Equal(grant.Outputs["codeSha256"], invocation.Input("triggers.code"));
        Assert.Equal(Dev.Resource("database").Outputs["resourceId"], invocation.Input("triggers.database"));
    }

    [Fact]
    public void A_configured_ca_bundle_reaches_both_functions_as_a_layer_and_a_malformed_path_is_refused()
    {
        Assert.Empty(Dev.OfType("aws:lambda:LayerVersion"));
        Assert.False(((IReadOnlyDictionary<string, object?>)Dev.Resource("db-extract").Input("environment.variables")!).ContainsKey(DbExtractContract.CaBundleVariable));

        var file = Infra.Platform.Configuration.StackConfig.FromJson("""{"aws:region":"eu-west-1","dataplatform:environment":"course","dataplatform:course":"course1","dataplatform:owner":"me","dataplatform:databaseCaBundle":"docs/README.md.pem"}""");
        var yaml = Infra.Model.Yaml.ProgramWriter.Write(Infra.Platform.Profiles.PlatformProgram.Build(
            Infra.Platform.Configuration.StackSettings.Resolve("course1", "dataplatform", "organization", file)));
        Assert.Contains("fn::assetArchive", yaml);
        Assert.Contains("rds-ca/bundle.pem:", yaml);
        Assert.Contains("fn::fileAsset: docs/README.md.pem", yaml);
        Assert.Contains($"{DbExtractContract.CaBundleVariable}: {Infra.Platform.Components.Ingestion.DatabaseExtraction.CaBundlePath}", yaml);

        var outside = Infra.Platform.Configuration.StackConfig.FromJson("""{"aws:region":"eu-west-1","dataplatform:environment":"course","dataplatform:course":"course1","dataplatform:owner":"me","dataplatform:databaseCaBundle":"../bundle.pem"}""");
        var error = Assert.Throws<Infra.Platform.Configuration.ConfigError>(() => Infra.Platform.Configuration.StackSettings.Resolve("course1", "dataplatform", "organization", outside));
        Assert.Contains("dataplatform:databaseCaBundle '../bundle.pem' must be a .pem file inside the project", error.Message);
    }

    [Fact]
    public void The_rest_function_runs_outside_the_vpc_configured_from_the_course_catalog_and_the_stacks_secret()
    {
        var function = Dev.Resource("rest-ingestion");

        Assert.False(function.Inputs.ContainsKey("vpcConfig"));
        Assert.Equal(string.Join(',', SourceDatasets.Api.Select(r => r.Setting)), function.Input($"environment.variables.{RestIngestionContract.ResourcesVariable}"));
        Assert.Equal("https://api.example.com/", function.Input($"environment.variables.{RestIngestionContract.BaseUrlVariable}"));
        Assert.Equal(Dev.Resource("api-credentials").Input("name"), function.Input($"environment.variables.{RestIngestionContract.CredentialsParameterVariable}"));
        Assert.Equal(new Secret(Stacks.TestApiCredentials), Dev.Resource("api-credentials").Input("value"));
        Assert.Equal("SecureString", Dev.Resource("api-credentials").Input("type"));
        Assert.Equal(1L, function.Input("reservedConcurrentExecutions"));
    }

    [Fact]
    public void Courses_without_the_api_have_no_rest_function_and_course_functions_reserve_nothing()
    {
        Assert.DoesNotContain(Course1.Resources, r => r.Name == RestApiIngestion.Name);
        Assert.DoesNotContain(Stacks.Deploy("course3").Resources, r => r.Name == RestApiIngestion.Name);
        Assert.False(Course1.Resource(DatabaseExtraction.Name).Inputs.ContainsKey("reservedConcurrentExecutions"));
        Assert.Contains(Stacks.Deploy("course4").Resources, r => r.Name == RestApiIngestion.Name);
    }
}
