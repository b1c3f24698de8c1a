using Infra.Model;
using Infra.Model.Values;
using Infra.Model.Yaml;
using Infra.Tests.Mocking;

namespace Infra.Tests.Model;

public class YamlScalarTests
{
    public static readonly TheoryData<string> TrickyStrings = new()
    {
        "", " ", "123", "-1", "+1", "1.5", "1e3", ".5", "0x1F", "0o17", "1_000", ".inf", ".nan",
        "true", "False", "yes", "No", "on", "OFF", "y", "n", "null", "~", "<<",
        "2001-12-14", "- item", "? key", ": x", "a: b", "a:", "a #b", "#comment", "@at", "`tick",
        "*alias", "&anchor", "!tag", "%directive", "|", ">", "[x]", "{x}", "a, b", "'single'", "\"double\"",
        "back\\slash", "multi\nline\npolicy", "trailing ", " leading", "tab\there", "two  spaces",
        "caf\u00e9", "bell\u0007", "line\u2028sep", "${not.a.reference}", "$${double}", "arn:aws:s3:::bucket/*",
        "s3:*", "aws:s3:Bucket", "plain text value",
    };

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void String_AnyText_ReadsBackAsTheSameString(string text)
    {
        var yaml = $"key: {YamlScalar.String(text)}\n";

        var loaded = (Dictionary<string, object?>)YamlDocument.Load(yaml)!;

        Assert.Equal(text, loaded["key"]);
    }

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void Text_InAProgram_ReachesTheResourceLiterally(string text)
    {
        var program = new PulumiProgram("p");
        program.Add(new Infra.Model.Resources.Resource("thing", "test:index:Thing", new MapValue { ["value"] = text }));

        var deployed = MockDeployment.Run(ProgramWriter.Write(program), new EchoMocks());

        Assert.Equal(text, deployed.Resource("thing").Input("value"));
    }

    [Fact]
    public void Number_NotFinite_IsRejected()
    {
        Assert.Throws<SynthesisException>(() => YamlScalar.Number(double.NaN));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("aws:s3:Bucket", "aws:s3:Bucket")]
    [InlineData("${bucket.arn}", "${bucket.arn}")]
    [InlineData("123", "\"123\"")]
    [InlineData("a\nb", "\"a\\nb\"")]
    public void String_QuotesOnlyWhenNeeded(string text, string expected)
    {
        Assert.Equal(expected, YamlScalar.String(text));
    }
}
