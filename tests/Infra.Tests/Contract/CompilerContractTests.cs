using System.Text.Json;
using Infra.Platform;
using Infra.Tests.Mocking;
using Infra.Tests.Support;

namespace Infra.Tests.Contract;

/// <summary>The contract with Pulumi's YAML host: the compiler command of Pulumi.yaml, run as a process.</summary>
[Collection(CompilerCollection.Name)]
public class CompilerContractTests
{
    private static Dictionary<string, string> Variables(string stack, string configJson) => new()
    {
        ["PULUMI_STACK"] = stack,
        ["PULUMI_PROJECT"] = "dataplatform",
        ["PULUMI_ORGANIZATION"] = "organization",
        ["PULUMI_ROOT_DIRECTORY"] = Repository.Root,
        ["PULUMI_CONFIG"] = configJson,
    };

    private static string ConfigJson(string stack)
    {
        var config = Stacks.Config(stack);
        return JsonSerializer.Serialize(config.Keys.ToDictionary(key => key, key => config.Get(key)));
    }

    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void Compiler_WithStackVariables_PrintsTheStacksProgramOnly(string stack)
    {
        var result = CompilerProcess.Run(Variables(stack, ConfigJson(stack)));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(Stacks.Synthesize(stack), result.Stdout);
        Assert.NotEmpty(MockDeployment.Run(result.Stdout, new EchoMocks(), Stacks.MockSettings(stack, Stacks.Config(stack))).Resources);
    }

    [Fact]
    public void Compiler_WithoutAnyPulumiVariable_PrintsTheProviderPackagesWithPinnedVersions()
    {
        var result = CompilerProcess.Run(new Dictionary<string, string>());

        Assert.True(result.ExitCode == 0, result.Stderr);
        var deployed = MockDeployment.Run(result.Stdout, new EchoMocks());
        foreach (var (package, version) in ProviderVersions.All)
        {
            Assert.True(deployed.Resource($"{package}-provider").HasOption("version", version));
        }
    }

    [Theory]
    [InlineData("staging", "{}", "unknown stack 'staging'")]
    [InlineData("dev", """{"aws:region":"eu-west-1","dataplatform:environment":"dev"}""", "missing config value dataplatform:owner")]
    [InlineData("dev", """{"aws:region":"mars-1","dataplatform:environment":"dev","dataplatform:owner":"x"}""", "aws:region 'mars-1'")]
    [InlineData("dev", "{not json", "PULUMI_CONFIG is not valid JSON")]
    public void Compiler_BadConfig_FailsWithMessageOnStderrAndNothingOnStdout(string stack, string config, string expected)
    {
        var result = CompilerProcess.Run(Variables(stack, config));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(expected, result.Stderr);
    }
}

/// <summary>Compiler processes run one at a time: the first may build the synthesizer.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompilerCollection
{
    public const string Name = "compiler process";
}
