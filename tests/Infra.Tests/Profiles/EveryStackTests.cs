using Infra.Model.Yaml;
using Infra.Platform;
using Infra.Platform.Profiles;
using Infra.Tests.Mocking;
using Infra.Tests.Support;

namespace Infra.Tests.Profiles;

public class EveryStackTests
{
    [Theory]
    [MemberData(nameof(Stacks.Lakehouses), MemberType = typeof(Stacks))]
    public void Stack_Synthesizes_AndDeploysAgainstMocks(string stack)
    {
        var result = Stacks.Deploy(stack);

        Assert.Contains(result.Resources, r => r.Type == "aws:s3:Bucket");
        Assert.All(result.Outputs.Values, Assert.NotNull);
    }

    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void Stack_SameConfig_GivesByteIdenticalYaml(string stack)
    {
        Assert.Equal(Stacks.Synthesize(stack), Stacks.Synthesize(stack));
    }

    [Fact]
    public void DiscoveryProgram_PinsEveryProviderPackage()
    {
        var result = MockDeployment.Run(ProgramWriter.Write(DiscoveryProgram.Build("dataplatform")), new EchoMocks());

        foreach (var (package, version) in ProviderVersions.All)
        {
            var first = result.Resources.First(r => r.Type == $"pulumi:providers:{package}" || r.Type.StartsWith(package + ":", StringComparison.Ordinal));
            Assert.True(first.HasOption("version", version), $"first resource of {package} must pin version {version}");
        }
    }
}
