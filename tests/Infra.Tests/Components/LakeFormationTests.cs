using System.Text.Json;
using Infra.Platform.Components.Ingestion;
using Infra.Tests.Mocking;
using Infra.Tests.Support;

namespace Infra.Tests.Components;

/// <summary>Lake Formation as deployed (mocked): explicit admins, registered layers, tags, and who may do what by tag.</summary>
public class LakeFormationTests
{
    private static readonly DeploymentResult Course3 = Stacks.Deploy("course3");

    private static List<object?> List(DeployedResource resource, string path) => (List<object?>)resource.Input(path)!;

    private static IEnumerable<DeployedResource> GrantsTo(DeploymentResult stack, object? principal) =>
        stack.OfType("aws-native:lakeformation:PrincipalPermissions").Where(g => Equals(g.Input("principal.dataLakePrincipalIdentifier"), principal));

    private static List<string> Layers(DeployedResource grant) =>
        [.. List(grant, "resource.lfTagPolicy.expression").Cast<Dictionary<string, object?>>().SelectMany(e => (List<object?>)e["tagValues"]!).Cast<string>()];

    [Fact]
    public void The_accounts_admins_are_its_deployer_its_lake_admin_role_and_the_named_deployers_and_nothing_defaults_to_iam_allowed_principals()
    {
        const string Ci = "arn:aws:iam::123456789012:role/ci-deployer";
        var config = Infra.Platform.Configuration.StackConfig.FromJson($$"""{"aws:region":"eu-west-1","dataplatform:environment":"account","dataplatform:owner":"me","dataplatform:lakeAdmins":"{{Ci}}"}""");
        var account = MockDeployment.Run(Infra.Model.Yaml.ProgramWriter.Write(Infra.Platform.Profiles.PlatformProgram.Build(
            Infra.Platform.Configuration.StackSettings.Resolve("account", "dataplatform", "organization", config))), new EchoMocks(), Stacks.MockSettings("account", config));
        var settings = account.Resource("data-lake-settings");

        Assert.Equal(new List<object?> { $"arn:aws:iam::{EchoMocks.AccountId}:role/deployer", account.Resource("lake-admin-role").Outputs["arn"], Ci }, settings.Input("admins"));
        Assert.Empty(List(settings, "createDatabaseDefaultPermissions"));
        Assert.Empty(List(settings, "createTableDefaultPermissions"));
        Assert.DoesNotContain(Course3.Resources, r => JsonSerializer.Serialize(r.Inputs).Contains("IAM_ALLOWED_PRINCIPALS", StringComparison.Ordinal));
        Assert.DoesNotContain(Course3.Resources, r => r.Type == "aws:lakeformation:DataLakeSettings");
    }

    [Fact]
    public void Each_layer_is_registered_with_the_dedicated_role_which_only_lake_formation_of_this_account_assumes()
    {
        var role = Course3.Resource("lake-data-access-role");
        foreach (var layer in new[] { "bronze", "silver", "gold" })
        {
            var location = Course3.Resource($"{layer}-lake-location");
            Assert.Equal(Course3.Resource($"{layer}-bucket").Outputs["arn"], location.Input("arn"));
            Assert.Equal(role.Outputs["arn"], location.Input("roleArn"));
            Assert.Equal(false, location.Input("hybridAccessEnabled"));
        }
        var trust = JsonDocument.Parse((string)role.Input("assumeRolePolicy")!).RootElement.GetProperty("Statement")[0];
        Assert.Equal("lakeformation.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(EchoMocks.AccountId, trust.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
    }

    [Fact]
    public void Databases_carry_their_layer_and_tables_their_domain_and_sensitivity()
    {
        Assert.Equal("dataplatform_course3_layer", Course3.Resource("layer-tag").Input("tagKey"));
        var gold = Course3.Resource("gold-database-tags");
        Assert.Equal("dataplatform_course3_gold", gold.Input("resource.database.name"));
        var pair = (Dictionary<string, object?>)List(gold, "lfTags")[0]!;
        Assert.Equal(new List<object?> { "gold" }, pair["tagValues"]);

        var customers = Course3.Resource("silver-customers-table-tags");
        var tags = List(customers, "lfTags").Cast<Dictionary<string, object?>>().ToDictionary(t => (string)t["tagKey"]!, t => ((List<object?>)t["tagValues"]!).Single());
        Assert.Equal("sales", tags["dataplatform_course3_domain"]);
        Assert.Equal("confidential", tags["dataplatform_course3_sensitivity"]);
        var orders = List(Course3.Resource("silver-orders-table-tags"), "lfTags").Cast<Dictionary<string, object?>>();
        Assert.Contains(orders, t => ((List<object?>)t["tagValues"]!).Single() as string == "internal");
        Assert.Equal(2 * StackContents.ForStack("course3").Silver.Count, Course3.OfType("aws-native:lakeformation:TagAssociation").Count(t => t.Name.EndsWith("-table-tags", StringComparison.Ordinal)));
    }

    [Fact]
    public void Analysts_select_gold_only_ingestion_writes_bronze_only_engineering_curates_silver_and_gold()
    {
        var analyst = GrantsTo(Course3, Course3.Resource("analyst-role").Outputs["arn"]).ToList();
        Assert.All(analyst, grant => Assert.Equal(["gold"], Layers(grant)));
        Assert.Equal(new List<object?> { "SELECT", "DESCRIBE" }, analyst.Single(g => (string)g.Input("resource.lfTagPolicy.resourceType")! == "TABLE").Input("permissions"));

        var ingestion = GrantsTo(Course3, Course3.Resource("db-extract-role").Outputs["arn"]).ToList();
        Assert.NotEmpty(ingestion);
        Assert.All(ingestion, grant => Assert.Equal(["bronze"], Layers(grant)));

        var pipeline = GrantsTo(Course3, Course3.Resource("course3-pipeline-role").Outputs["arn"]).ToList();
        Assert.Contains(pipeline, grant => Layers(grant).SequenceEqual(["silver", "gold"]) && List(grant, "permissions").Contains("INSERT"));
        Assert.DoesNotContain(pipeline, grant => Layers(grant).SequenceEqual(["bronze"]) && List(grant, "permissions").Contains("INSERT"));

        var all = Course3.OfType("aws-native:lakeformation:PrincipalPermissions").ToList();
        Assert.All(all, grant => Assert.Empty(List(grant, "permissionsWithGrantOption")));
        Assert.DoesNotContain(all, grant => List(grant, "permissions").Contains("ALL"));
        Assert.All(all, grant => Assert.Equal("aws-native-provider", grant.Provider));
    }

    [Fact]
    public void A_pipeline_that_builds_no_gold_curates_silver_only()
    {
        var dev = Stacks.Deploy("dev");

        var course2 = GrantsTo(dev, dev.Resource("course2-pipeline-role").Outputs["arn"]).ToList();
        var course4 = GrantsTo(dev, dev.Resource("course4-pipeline-role").Outputs["arn"]).ToList();

        Assert.NotEmpty(course2);
        Assert.DoesNotContain(course2, grant => Layers(grant).Contains("gold"));
        Assert.Contains(course2, grant => Layers(grant).SequenceEqual(["silver"]) && List(grant, "permissions").Contains("INSERT"));
        Assert.Contains(course4, grant => Layers(grant).SequenceEqual(["silver", "gold"]));
    }

    [Fact]
    public void Only_the_lakehouse_course_and_the_environments_govern_with_lake_formation_and_the_others_leave_their_own_databases_to_iam()
    {
        var course1 = Stacks.Deploy("course1");
        Assert.DoesNotContain(course1.Resources, r => r.Type.Contains("aws-native:lakeformation", StringComparison.Ordinal) || r.Type == "aws:lakeformation:Resource");
        foreach (var layer in new[] { "bronze", "silver", "gold" })
        {
            var database = course1.Resource($"{layer}-database");
            var defaults = (Dictionary<string, object?>)List(database, "createTableDefaultPermissions").Single()!;
            Assert.Equal("IAM_ALLOWED_PRINCIPALS", ((Dictionary<string, object?>)defaults["principal"]!)["dataLakePrincipalIdentifier"]);
            Assert.Equal(new List<object?> { "ALL" }, defaults["permissions"]);
            var grant = course1.Resource($"{layer}-database-iam-access");
            Assert.Equal("IAM_ALLOWED_PRINCIPALS", grant.Input("principal"));
            Assert.Equal(database.Input("name"), grant.Input("database.name"));
        }
        Assert.Contains(Stacks.Deploy("dev").Resources, r => r.Type == "aws:lakeformation:Resource");
    }
}
