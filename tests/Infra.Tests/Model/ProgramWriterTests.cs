using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Model.Yaml;
using Infra.Tests.Mocking;

namespace Infra.Tests.Model;

public class ProgramWriterTests
{
    private static PulumiProgram Sample()
    {
        var program = new PulumiProgram("sample", "a sample");
        var token = program.AddConfig("apiToken", new ConfigDeclaration(ConfigType.String, Secret: true));
        var size = program.AddConfig("size", new ConfigDeclaration(ConfigType.Integer, Default: 3));
        var provider = program.Add(new Resource("prov", "pulumi:providers:test", options: new ResourceOptions { Version = "1.2.3" }));
        var first = program.Add(new Resource("first", "test:index:Thing", new MapValue
        {
            ["nested"] = new ListValue { new ListValue { 1, 2 }, new MapValue { ["a"] = true, ["b"] = Null.Instance }, new MapValue(), new ListValue() },
            ["size"] = size,
            ["token"] = Fn.Secret(token),
        }, new ResourceOptions
        {
            Provider = provider.Self,
            Protect = true,
            RetainOnDelete = true,
            IgnoreChanges = ["tags"],
            DeleteBeforeReplace = true,
            CustomTimeouts = new CustomTimeouts(Create: "30m", Delete: "1h"),
        }));
        program.Add(new Resource("second", "test:index:Thing", new MapValue
        {
            ["document"] = Fn.ToJson(new MapValue { ["Resource"] = Fn.Interpolate($"{first.Attr("arn")}/*") }),
            ["joined"] = Fn.Join("-", new ListValue { "a", first.Attr("id") }),
            ["selected"] = Fn.Select(1, Fn.Split(",", "x,y,z")),
        }, new ResourceOptions { DependsOn = [first.Self], Provider = provider.Self }));
        program.AddOutput("firstArn", first.Attr("arn"));
        return program;
    }

    [Fact]
    public void Write_SameProgram_IsByteIdentical()
    {
        Assert.Equal(ProgramWriter.Write(Sample()), ProgramWriter.Write(Sample()));
    }

    [Fact]
    public void Write_EveryConstruct_DeploysWithResolvedValues()
    {
        var yaml = ProgramWriter.Write(Sample());

        var result = MockDeployment.Run(yaml, new EchoMocks(), new MockDeploymentSettings
        {
            Config = new Dictionary<string, object?> { ["apiToken"] = "s3cr3t" },
        });

        var first = result.Resource("first");
        Assert.Equal(new List<object?> { 1L, 2L }, first.Input("nested[0]"));
        Assert.Equal(true, first.Input("nested[1].a"));
        Assert.Null(first.Input("nested[1].b"));
        Assert.Equal(3L, first.Input("size"));
        Assert.Equal(new Secret("s3cr3t"), first.Input("token"));
        Assert.Equal("prov", first.Provider);
        Assert.True(first.HasOption("protect", true));
        Assert.True(first.HasOption("retainOnDelete", true));
        var second = result.Resource("second");
        Assert.Equal("{\"Resource\":\"arn:aws:mock:::first/*\"}", second.Input("document"));
        Assert.Equal("a-first_id", second.Input("joined"));
        Assert.Equal("y", second.Input("selected"));
        Assert.Equal(["first"], second.DependsOn);
        Assert.Equal("arn:aws:mock:::first", result.Outputs["firstArn"]);
    }

    [Fact]
    public void Write_ConfigSecret_IsDeclaredNotPrinted()
    {
        var yaml = ProgramWriter.Write(Sample());

        Assert.Contains("apiToken:\n    type: string\n    secret: true\n", yaml);
        Assert.DoesNotContain("s3cr3t", yaml);
    }

    [Fact]
    public void Write_ProviderVersion_IsAQuotedString()
    {
        Assert.Contains("version: \"1.2.3\"", ProgramWriter.Write(Sample()));
    }
}
