using Infra.Cli;
using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Profiles;
using Infra.Tests.Support;
using Infra.TypeCheck;

namespace Infra.Tests.TypeCheck;

/// <summary>Every stack against Pulumi's own SDK typings, and proof that the check catches each kind of mistake.</summary>
[Collection(TypeCheckCollection.Name)]
public class TypeCheckTests(TypeCheckFixture fixture) : IClassFixture<TypeCheckFixture>
{
    [Fact]
    public void EveryStack_TypeChecksClean()
    {
        Assert.True(fixture.Stacks.Passed, fixture.Stacks.Report());
    }

    [Theory]
    [InlineData("misspelled-property", "versioningConfigurationn")]
    [InlineData("misspelled-nested-property", "statuss")]
    [InlineData("wrong-value-type", "forceDestroy")]
    [InlineData("missing-required-input", "versioningConfiguration")]
    [InlineData("wrong-type-token", "Buckett")]
    [InlineData("missing-attribute", "arnn")]
    public void Mistake_FailsNamingStackResourceAndProperty(string mistake, string named)
    {
        var errors = fixture.Mistakes.Errors.Where(e => e.Location.Program == mistake).ToList();

        Assert.False(fixture.Mistakes.Passed);
        var error = Assert.Single(errors);
        Assert.Contains($"stack {mistake}, resource broken (", error.ToString());
        Assert.Contains(named, error.ToString());
    }
}

public sealed class TypeCheckFixture
{
    public TypeCheckFixture()
    {
        var checker = new TypeChecker(Repository.PathOf(TypeCheckCommand.ToolsDirectory));
        Stacks = checker.Check(StackProfiles.All.Select(p => (p.Stack, PlatformProgram.Build(Support.Stacks.Settings(p.Stack)))));
        Mistakes = checker.Check(MistakePrograms());
    }

    public TypeCheckResult Stacks { get; }

    public TypeCheckResult Mistakes { get; }

    private static IEnumerable<(string, PulumiProgram)> MistakePrograms()
    {
        yield return ("misspelled-property", Program("aws:s3:BucketVersioning", new MapValue
        {
            ["bucket"] = "b",
            ["versioningConfigurationn"] = new MapValue { ["status"] = "Enabled" },
        }));
        yield return ("misspelled-nested-property", Program("aws:s3:BucketVersioning", new MapValue
        {
            ["bucket"] = "b",
            ["versioningConfiguration"] = new MapValue { ["statuss"] = "Enabled" },
        }));
        yield return ("wrong-value-type", Program("aws:s3:Bucket", new MapValue { ["forceDestroy"] = new ListValue { "yes" } }));
        yield return ("missing-required-input", Program("aws:s3:BucketVersioning", new MapValue { ["bucket"] = "b" }));
        yield return ("wrong-type-token", Program("aws:s3:Buckett", new MapValue()));
        var program = new PulumiProgram("mistake");
        var target = program.Add(new Resource("target", "aws:s3:Bucket"));
        program.Add(new Resource("broken", "aws:s3:BucketPolicy", new MapValue { ["bucket"] = "b", ["policy"] = target.Attr("arnn") }));
        yield return ("missing-attribute", program);
    }

    private static PulumiProgram Program(string type, MapValue properties)
    {
        var program = new PulumiProgram("mistake");
        program.Add(new Resource("broken", type, properties));
        return program;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TypeCheckCollection
{
    public const string Name = "typescript compiler";
}
