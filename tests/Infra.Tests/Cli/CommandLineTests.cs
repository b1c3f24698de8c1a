using Infra.Cli;
using Infra.Tests.Support;

namespace Infra.Tests.Cli;

public class CommandLineTests
{
    public CommandLineTests() => LambdaPackage.EnsureBuilt();

    [Fact]
    public void Synth_StackFile_PrintsTheSameProgramAsTheCompiler()
    {
        var host = new FakeHost();

        var exit = CommandLine.Run(["synth", "--stack", "course3"], host);

        Assert.Equal(0, exit);
        Assert.Equal(Stacks.Synthesize("course3"), host.Stdout);
        Assert.Equal("", host.Stderr);
    }

    [Fact]
    public void Synth_FromASubfolder_FindsTheProjectsStackFiles()
    {
        var host = new FakeHost(workingDirectory: Repository.PathOf("infra"));

        Assert.Equal(0, CommandLine.Run(["synth", "--stack", "dev"], host));
    }

    [Fact]
    public void Synth_ExplicitConfigFile_IsRead()
    {
        var file = Path.Combine(Path.GetTempPath(), $"Pulumi.dev.{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "config:\n  aws:region: us-east-2\n  dataplatform:environment: dev\n  dataplatform:owner: someone\n");
        try
        {
            var host = new FakeHost();
            Assert.Equal(0, CommandLine.Run(["synth", "--stack", "dev", "--config", file], host));
            Assert.Contains("region: us-east-2", host.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Preview_GroupsResourcesByComponent_AndCountsThem()
    {
        var host = new FakeHost();

        Assert.Equal(0, CommandLine.Run(["preview", "--stack", "prod"], host));

        var plan = host.Stdout;
        Assert.Contains("Stack prod of project dataplatform in eu-west-1", plan);
        Assert.Contains("data protected and retained", plan);
        Assert.Contains("LakehouseStorage (", plan);
        Assert.Contains("EncryptionKey (2)", plan);
        Assert.Contains("    5  aws:s3:Bucket", plan);
        Assert.Contains("bronze-bucket  [protect, retain]", plan);
        Assert.Contains("kmsKeyArn = ${data-key.arn}", plan);
    }

    [Fact]
    public void Synth_UnknownStack_ExitsNonZeroWithMessageAndNoOutput()
    {
        var host = new FakeHost();

        var exit = CommandLine.Run(["synth", "--stack", "qa"], host);

        Assert.Equal(1, exit);
        Assert.Equal("", host.Stdout);
        Assert.Contains("unknown stack 'qa': known stacks are dev, prod, course1, course2, course3, course4", host.Stderr);
    }

    [Theory]
    [InlineData("synth --stack")]
    [InlineData("preview --stack --config x")]
    [InlineData("typecheck --stack")]
    public void Option_WithoutValue_SaysTheValueIsMissing(string arguments)
    {
        var host = new FakeHost();

        Assert.Equal(1, CommandLine.Run(arguments.Split(' '), host));
        Assert.Contains("--stack needs a value, e.g. --stack dev", host.Stderr);
    }

    [Fact]
    public void NoArguments_AtAnInteractiveTerminal_PrintsHelp()
    {
        var host = new FakeHost(interactive: true);

        Assert.Equal(0, CommandLine.Run([], host));
        Assert.Contains("usage:", host.Stdout);
    }

    [Fact]
    public void NoArguments_NoPulumiVariables_NotAtATerminal_PrintsThePluginsProgram()
    {
        var host = new FakeHost();

        Assert.Equal(0, CommandLine.Run([], host));
        Assert.Contains("type: pulumi:providers:aws", host.Stdout);
        Assert.DoesNotContain("usage:", host.Stdout);
    }

    [Fact]
    public void Compile_InvalidComponentInput_IsACleanMessage_NotAStackTrace()
    {
        var host = new FakeHost(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_PROJECT"] = "dataplatform",
            ["PULUMI_CONFIG"] = """{"aws:region":"eu-west-1","dataplatform:environment":"dev","dataplatform:owner":"me","dataplatform:streamConsumerReservedConcurrency":"0"}""",
        });

        Assert.Equal(1, CommandLine.Run([], host));
        Assert.StartsWith("error: dataplatform:streamConsumerReservedConcurrency is '0'", host.Stderr);
        Assert.DoesNotContain("   at ", host.Stderr);
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("synth --stack")]
    [InlineData("preview --stack dev --verbose")]
    public void Run_BadArguments_PrintsUsage(string arguments)
    {
        var host = new FakeHost();

        Assert.Equal(1, CommandLine.Run(arguments.Split(' '), host));
        Assert.Contains("usage:", host.Stderr);
        Assert.Equal("", host.Stdout);
    }

    [Fact]
    public void Preview_NoStackNamed_PlansTheDefaultStack()
    {
        var host = new FakeHost();

        Assert.Equal(0, CommandLine.Run(["preview"], host));
        Assert.StartsWith($"Stack {CommandLine.DefaultStack} of project", host.Stdout);
    }

    [Fact]
    public void Compile_StackSetButNoConfig_ReportsTheMissingValue()
    {
        var host = new FakeHost(new Dictionary<string, string> { ["PULUMI_STACK"] = "dev", ["PULUMI_PROJECT"] = "dataplatform" });

        Assert.Equal(1, CommandLine.Run([], host));
        Assert.Contains("missing config value", host.Stderr);
    }

    [Fact]
    public void Compile_ProjectButNoStack_Fails()
    {
        var host = new FakeHost(new Dictionary<string, string> { ["PULUMI_PROJECT"] = "dataplatform" });

        Assert.Equal(1, CommandLine.Run([], host));
        Assert.Contains("PULUMI_STACK is not set", host.Stderr);
    }
}

public class StackConfigFileTests
{
    [Theory]
    [InlineData("config:\n  aws:region: [eu-west-1]\n", "structured value")]
    [InlineData("config:\n  ? [a, b]\n  : x\n", "config keys must be plain text")]
    [InlineData("config: just-text\n", "'config' must be a map")]
    [InlineData("config:\n  key: \"unterminated\n", "not valid YAML")]
    public void Read_MalformedFile_NamesTheProblem(string yaml, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"Pulumi.bad.{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            var error = Assert.Throws<Infra.Platform.Configuration.ConfigError>(() => StackConfigFile.Read(file));
            Assert.Contains(expected, error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Read_SecureValue_IsKnownOnlyAsPresent()
    {
        var file = Path.Combine(Path.GetTempPath(), $"Pulumi.secret.{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "config:\n  dataplatform:apiToken:\n    secure: v1:AAAA\n");
        try
        {
            Assert.Equal(StackConfigFile.SecretPlaceholder, StackConfigFile.Read(file).Get("dataplatform:apiToken"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
