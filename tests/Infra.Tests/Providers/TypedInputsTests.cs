using Infra.Model.Inputs;
using Infra.Model.Values;
using Infra.Providers.Aws.Kinesis;
using Infra.Providers.Aws.Kinesis.Inputs;
using Infra.Providers.AwsNative.Lakeformation;

namespace Infra.Tests.Providers;

/// <summary>The generated inputs turn the mistakes the mocks cannot see into build errors.</summary>
public class TypedInputsTests
{
    private const string CorrectStream = """new StreamArgs { Name = "s", RetentionPeriod = 24, StreamModeDetails = new StreamStreamModeDetailsArgs { StreamMode = "ON_DEMAND" } }""";

    [Fact]
    public void CorrectArgs_Compile()
    {
        Assert.Empty(CompilationProbe.Errors(CorrectStream));
        Assert.Empty(CompilationProbe.Errors("""new TagArgs { TagKey = "layer", TagValues = ["bronze"] }"""));
    }

    [Theory]
    [InlineData("RetentionPeriodd = 24", "CS0117")]
    [InlineData("RetentionPeriod = \"24\"", "CS0029")]
    [InlineData("StreamModeDetails = new StreamStreamModeDetailsArgs { StreamMod = \"ON_DEMAND\" }", "CS0117")]
    public void MisspelledOrMistypedProperty_FailsTheBuild(string property, string error)
    {
        var errors = CompilationProbe.Errors($$"""new StreamArgs { Name = "s", {{property}} }""");

        Assert.Contains(errors, e => e.Id == error);
    }

    [Fact]
    public void MisspelledValueOfADeclaredEnum_FailsTheBuild_AndAPlainStringIsRefused()
    {
        const string Grant = """
            new PrincipalPermissionsArgs
            {
                Permissions = [PrincipalPermissionsPermission.{0}],
                PermissionsWithGrantOption = [],
                Principal = new PrincipalPermissionsDataLakePrincipalArgs { DataLakePrincipalIdentifier = "arn" },
                Resource = new PrincipalPermissionsResourceArgs(),
            }
            """;

        Assert.Empty(CompilationProbe.Errors(Grant.Replace("{0}", "Select", StringComparison.Ordinal)));
        Assert.Contains(CompilationProbe.Errors(Grant.Replace("{0}", "Selec", StringComparison.Ordinal)), e => e.Id == "CS0117");
        Assert.NotEmpty(CompilationProbe.Errors(Grant.Replace("PrincipalPermissionsPermission.{0}", "\"SELECT\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void MissingRequiredInput_FailsTheBuild()
    {
        Assert.Contains(CompilationProbe.Errors("new PrincipalPermissionsArgs { Permissions = [], PermissionsWithGrantOption = [] }"),
            e => e.Id == "CS9035");
    }

    [Fact]
    public void Args_WriteOnlyTheSetProperties_WithWholeNumbersAsIntegers_AndEnumsAsTheirValues()
    {
        var map = new StreamArgs
        {
            Name = "s",
            RetentionPeriod = 24,
            KmsKeyId = new Reference("key", "arn"),
            StreamModeDetails = new StreamStreamModeDetailsArgs { StreamMode = "ON_DEMAND" },
        }.ToMap();
        var tag = new TagAssociationArgs
        {
            LfTags = [new Infra.Providers.AwsNative.Lakeformation.Inputs.TagAssociationLfTagPairArgs { CatalogId = "1", TagKey = "k", TagValues = ["v"] }],
            Resource = new Infra.Providers.AwsNative.Lakeformation.Inputs.TagAssociationResourceArgs
            {
                Database = new Infra.Providers.AwsNative.Lakeformation.Inputs.TagAssociationDatabaseResourceArgs { CatalogId = "1", Name = "db" },
            },
        }.ToMap();

        Assert.Equal(["kmsKeyId", "name", "retentionPeriod", "streamModeDetails"], map.Entries.Select(e => e.Key));
        Assert.Equal(new Integer(24), map["retentionPeriod"]);
        Assert.Equal(new Reference("key", "arn"), map["kmsKeyId"]);
        Assert.Equal(new Text("ON_DEMAND"), ((MapValue)map["streamModeDetails"])["streamMode"]);
        Assert.Equal("aws:kinesis:Stream", new StreamArgs().TypeToken);
        Assert.Equal(["lfTags", "resource"], tag.Entries.Select(e => e.Key));
    }

    [Fact]
    public void EnumMember_IsWrittenAsItsValue()
    {
        Assert.Equal(new Text("SELECT"), InputValues.Literal(PrincipalPermissionsPermission.Select));
        Assert.Equal("eu-west-1", StringEnum.Find<Infra.Providers.Aws.Index.Region>("eu-west-1")!.Name);
        Assert.Null(StringEnum.Find<Infra.Providers.Aws.Index.Region>("eu-wst-1"));
    }

    [Fact]
    public void CheckedInOutput_EqualsWhatTheGeneratorMakesFromThePinnedTypings()
    {
        var result = ChildProcess.Run("node", [Repository.PathOf("infra", "Infra.Providers", "Generator", "generate.mjs"), "--check"],
            Repository.Root, TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("up to date", result.Stdout);
    }
}
