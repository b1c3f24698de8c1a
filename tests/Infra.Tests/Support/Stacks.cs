using Infra.Cli;
using Infra.Model.Yaml;
using Infra.Platform.Configuration;
using Infra.Platform.Profiles;
using Infra.Tests.Mocking;

namespace Infra.Tests.Support;

/// <summary>Synthesizes and mock-deploys the checked-in stacks.</summary>
public static class Stacks
{
    public static readonly TheoryData<string> Names = new(StackProfiles.All.Select(p => p.Stack));

    public static StackConfig Config(string stack) => StackConfigFile.Read(Repository.PathOf("stacks", $"Pulumi.{stack}.yaml"));

    public static StackSettings Settings(string stack) =>
        StackSettings.Resolve(stack, ConfigKeys.Project, "organization", Config(stack));

    public static string Synthesize(string stack) => ProgramWriter.Write(PlatformProgram.Build(Settings(stack)));

    /// <summary>Mock-deploys a stack; its Lambda archives must exist, as for `pulumi preview`, so they are built first.</summary>
    public static DeploymentResult Deploy(string stack, IMocks? mocks = null)
    {
        LambdaPackage.EnsureBuilt();
        return MockDeployment.Run(Synthesize(stack), mocks ?? new EchoMocks(), new MockDeploymentSettings
        {
            Stack = stack,
            ProjectDirectory = Repository.Root,
        });
    }
}
