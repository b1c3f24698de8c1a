using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;

namespace Infra.Tests.Model;

public class PulumiProgramTests
{
    [Fact]
    public void Add_DuplicateResourceName_FailsNamingIt()
    {
        var program = new PulumiProgram("p");
        program.Add(new Resource("bucket", "aws:s3:Bucket"));

        var error = Assert.Throws<SynthesisException>(() => program.Add(new Resource("bucket", "aws:s3:Bucket")));

        Assert.Contains("duplicate logical name 'bucket'", error.Message);
    }

    [Fact]
    public void AddVariable_NameOfAResource_FailsBecauseTheyShareANamespace()
    {
        var program = new PulumiProgram("p");
        program.Add(new Resource("thing", "aws:s3:Bucket"));

        Assert.Throws<SynthesisException>(() => program.AddVariable("thing", "x"));
    }

    [Fact]
    public void AddOutput_Twice_Fails()
    {
        var program = new PulumiProgram("p");
        program.AddOutput("out", 1);

        Assert.Throws<SynthesisException>(() => program.AddOutput("out", 2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1bucket")]
    [InlineData("my.bucket")]
    [InlineData("my bucket")]
    [InlineData("a[0]")]
    [InlineData("pulumi")]
    public void Resource_InvalidLogicalName_FailsWithTheRule(string name)
    {
        var error = Assert.Throws<SynthesisException>(() => new Resource(name, "aws:s3:Bucket"));

        Assert.Contains("not a valid logical name", error.Message);
    }

    [Theory]
    [InlineData("aws:s3")]
    [InlineData("Bucket")]
    [InlineData("aws::")]
    public void Resource_InvalidTypeToken_Fails(string type)
    {
        var error = Assert.Throws<SynthesisException>(() => new Resource("ok", type));

        Assert.Contains("type token", error.Message);
    }

    [Theory]
    [InlineData("arn")]
    [InlineData("outputs.value")]
    [InlineData("rules[0].id")]
    public void Reference_ValidPath_RendersAsInterpolation(string path)
    {
        Assert.Equal("${res." + path + "}", new Reference("res", path).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".arn")]
    [InlineData("a..b")]
    [InlineData("a b")]
    [InlineData("a}")]
    public void Reference_InvalidPath_Fails(string path)
    {
        Assert.Throws<ArgumentException>(() => new Reference("res", path));
    }
}
