using Infra.Cli;
using Pipelines.Cli;
using Infra.Tests.Support;

namespace Infra.Tests.Cli;

public class CommandLineTests
{
    public CommandLineTests() => LambdaPackage.EnsureBuilt();

    [Fact]
    public void Synth_StackFile_PrintsTheSameProgramAsTheCompiler()
    {
        var host = new FakeHost();

        var exit = DataPlatform.Run(["synth", "--stack", "course3"], host);

        Assert.Equal(0, exit);
        Assert.Equal(Stacks.Synthesize("course3"), host.Stdout);
        Assert.Equal("", host.Stderr);
    }

    [Fact]
    public void Synth_FromASubfolder_FindsTheProjectsStackFiles()
    {
        var host = new FakeHost(workingDirectory: Repository.PathOf("infra"));

        Assert.Equal(0, DataPlatform.Run(["synth", "--stack", "dev"], host));
    }

    [Fact]
    public void Synth_ExplicitConfigFile_IsRead()
    {
        var file = Path.Combine(Path.GetTempPath(), $"Pulumi.dev.{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "config:\n  aws:region: us-east-2\n  dataplatform:environment: dev\n  dataplatform:owner: someone\n");
        try
        {
            var host = new FakeHost();
            Assert.Equal(0, DataPlatform.Run(["synth", "--stack", "dev", "--config", file], host));
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

        Assert.Equal(0, DataPlatform.Run(["preview", "--stack", "prod"], host));

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

        var exit = DataPlatform.Run(["synth", "--stack", "qa"], host);

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

        Assert.Equal(CommandLine.UsageExit, DataPlatform.Run(arguments.Split(' '), host));
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

    /// <summary>Calls a person gets wrong, for every command: the exit code, and what the one error line must say.</summary>
    public static TheoryData<string, int, string> BadCalls => new()
    {
        { "deploy", CommandLine.UsageExit, "unknown command 'deploy': run `dataplatform --help` for the commands" },
        { "synt --stack dev", CommandLine.UsageExit, "unknown command 'synt': did you mean 'synth'?" },
        { "synth --stack", CommandLine.UsageExit, "--stack needs a value" },
        { "synth --stack nope", CommandLine.FailureExit, "unknown stack 'nope'" },
        { "preview --stack dev --verbose", CommandLine.UsageExit, "unexpected argument '--verbose'" },
        { "preview --stak dev", CommandLine.UsageExit, "did you mean --stack?" },
        { "policy --stack", CommandLine.UsageExit, "--stack needs a value" },
        { "access --actor", CommandLine.UsageExit, "--actor needs a value" },
        { "cost --stack dev --stack prod", CommandLine.UsageExit, "--stack is given 2 times" },
        { "diagram --format png", CommandLine.UsageExit, "png" },
        { "fingerprint extra", CommandLine.UsageExit, "unexpected argument 'extra'" },
        { "changed-stacks", CommandLine.UsageExit, "--base" },
        { "docs --now", CommandLine.UsageExit, "unexpected argument '--now'" },
        { "summary --stack", CommandLine.UsageExit, "--stack needs a value" },
        { "typecheck --stack nope", CommandLine.FailureExit, "unknown stack 'nope'" },
        { "generate --scale 0", CommandLine.UsageExit, "scale must be greater than 0" },
        { "generate --bad-row-rate 2", CommandLine.UsageExit, "bad-row rate must be between 0 and 0.5" },
        { "generate --seed x", CommandLine.UsageExit, "--seed needs a number, not 'x'" },
        { "produce --dataset web_sessions", CommandLine.UsageExit, "--stream" },
        { "replay --max 3", CommandLine.UsageExit, "--queue-url" },
        { "functions extra", CommandLine.UsageExit, "unexpected argument 'extra'" },
        { "function-archives extra", CommandLine.UsageExit, "unexpected argument 'extra'" },
        { "local", CommandLine.UsageExit, "local needs a subcommand" },
        { "local run --scale -1", CommandLine.UsageExit, "scale must be greater than 0" },
        { "local run --scale 0", CommandLine.UsageExit, "scale must be greater than 0" },
        { "local run --bad-row-rate 2", CommandLine.UsageExit, "bad-row rate must be between 0 and 0.5" },
        { "produce --stream s --region eu-west-1 --scale 0", CommandLine.UsageExit, "scale must be greater than 0" },
        { "local run --course 3 --stack dev", CommandLine.UsageExit, "--stack and the stack chosen before it (course3) conflict" },
        { "local run --course 1 --course 2", CommandLine.UsageExit, "--course is given 2 times" },
        { "local run --sacle 2", CommandLine.UsageExit, "did you mean --scale?" },
        { "local run --output yaml", CommandLine.UsageExit, "--output must be text or json" },
        { "local clean --stack prod", CommandLine.UsageExit, "prod" },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public void A_bad_call_gets_one_line_naming_the_problem_and_its_exit_code_never_a_stack_trace(string arguments, int exit, string says)
    {
        var host = new FakeHost();

        Assert.Equal(exit, DataPlatform.Run(arguments.Split(' '), host));
        var lines = host.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(says, lines[0]);
        Assert.True(lines.Length <= 2, $"more than the error and the command's usage line:\n{host.Stderr}");
        Assert.DoesNotContain("   at ", host.Stderr);
        Assert.Equal("", host.Stdout);
    }

    public static TheoryData<string> Commands => new(CommandUsage.All(ToolCommands.All).Where(usage => usage.Command.Length > 0).Select(usage => usage.Command));

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_prints_its_own_usage_with_help(string command)
    {
        var host = new FakeHost();

        Assert.Equal(0, DataPlatform.Run([.. command.Split(' '), "--help"], host));
        var usage = CommandUsage.All(ToolCommands.All).Single(u => u.Command == command);
        Assert.Contains(usage.Synopsis, host.Stdout);
        Assert.DoesNotContain(CommandUsage.All(ToolCommands.All).Single(u => u.Command == "replay").Synopsis, command == "replay" ? "" : host.Stdout);
        Assert.Equal("", host.Stderr);
    }

    [Fact]
    public void Preview_NoStackNamed_PlansTheDefaultStack()
    {
        var host = new FakeHost();

        Assert.Equal(0, DataPlatform.Run(["preview"], host));
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
