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

    /// <summary>The stacks with a lakehouse: every stack but the account stack.</summary>
    public static readonly TheoryData<string> Lakehouses = new(StackProfiles.Lakehouses.Select(p => p.Stack));

    public static StackConfig Config(string stack) => StackConfigFile.Read(Repository.PathOf("stacks", $"Pulumi.{stack}.yaml"));

    public static StackSettings Settings(string stack) =>
        StackSettings.Resolve(stack, ConfigKeys.Project, "organization", Config(stack));

    public static string Synthesize(string stack) => ProgramWriter.Write(PlatformProgram.Build(Settings(stack)));

    /// <summary>What a person sets with <c>pulumi config set --secret</c> before deploying; never in a checked-in file.</summary>
    public const string TestApiCredentials = """{"client_id":"test-client","client_secret":"test-secret"}""";

    /// <summary>What a person sets with <c>pulumi config set dataplatform:alertEmail</c> before deploying.</summary>
    public const string TestAlertEmail = "alerts@example.org";

    /// <summary>
    /// Mock-deploys a stack; its Lambda archives must exist, as for `pulumi preview`, so they are built first.
    /// Config comes from the stack's file, as Pulumi would pass it, plus the test's API credentials secret and alert address.
    /// </summary>
    public static DeploymentResult Deploy(string stack, IMocks? mocks = null)
    {
        LambdaPackage.EnsureBuilt();
        return MockDeployment.Run(Synthesize(stack), mocks ?? new EchoMocks(), MockSettings(stack, Config(stack)));
    }

    /// <summary>The deployment settings Pulumi would give a stack with this config file (plus the test's secret).</summary>
    public static MockDeploymentSettings MockSettings(string stack, StackConfig file)
    {
        var config = file.Keys.Where(key => key.StartsWith(ConfigKeys.Project + ":", StringComparison.Ordinal))
            .ToDictionary(ConfigKeys.InProgram, key => (object?)file.Get(key));
        config[ConfigKeys.InProgram(ConfigKeys.ApiCredentials)] = TestApiCredentials;
        config[ConfigKeys.InProgram(ConfigKeys.AlertEmail)] = TestAlertEmail;
        return new MockDeploymentSettings { Stack = stack, ProjectDirectory = Repository.Root, Config = config };
    }
}
