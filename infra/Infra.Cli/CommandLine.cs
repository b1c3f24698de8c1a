using Infra.Model;
using Infra.Model.Yaml;
using Infra.Platform.Configuration;
using Pipelines.Contracts.Functions;
using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary>
/// The synthesizer's entry point. With no arguments it is Pulumi's compiler: it reads the
/// PULUMI_* variables and prints the stack's program. <c>synth</c> and <c>preview</c> do
/// the same from a stack config file, for people and CI without the Pulumi CLI.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        usage:
          dataplatform                                      compiler mode for Pulumi: reads PULUMI_STACK, PULUMI_PROJECT, PULUMI_CONFIG
          dataplatform local run [--course N | --stack dev] [--seed N] [--scale X] [--bad-row-rate R] [--with-servers] [--emulator] [--inject-faults] [--output text|json]
                                                            run a course's pipeline on this machine, no AWS account (default: course 3)
          dataplatform local clean [--course N | --stack dev]   remove a stack's local state (.local/STACK)
          dataplatform synth   [--stack NAME] [--config FILE]   print the stack's Pulumi YAML program
          dataplatform preview [--stack NAME] [--config FILE]   print an offline plan: resources by component, counts, outputs
          dataplatform policy [--stack NAME]               check stacks (default: all) against the security policy pack; findings name rule, resource and fix
          dataplatform access [--stack NAME] [--actor NAME]  who may do what: each actor's declared calls, allowed or denied (layer and reason), and unused permissions
          dataplatform cost [--stack NAME]                 what the stack costs idle and by use, at the assumed unit prices (offline)
          dataplatform diagram [--stack NAME] [--format mermaid|dot|svg] [--out DIR]
                                                            the stack's data flow, derived from its synthesized program; --out writes DIR/NAME.mmd and .svg (SVG needs graphviz)
          dataplatform fingerprint                          every stack's fingerprint (its program and its functions' sources) as JSON
          dataplatform changed-stacks --base FILE           the stacks whose fingerprint differs from FILE's, as a JSON array (CI previews those)
          dataplatform docs                                 rewrite docs/diagrams and the course guides' generated blocks (diagram, cost) from the stacks
          dataplatform summary [--stack NAME]              print the stack's summary (stacks/summaries/NAME.md): components and resources by type
          dataplatform typecheck [--stack NAME]...          type-check stacks (default: all) against Pulumi's npm SDK typings
          dataplatform generate [--seed N] [--scale X] [--bad-row-rate R] [--out DIR] [--format ndjson,csv,mysql,postgresql]
                                                            write the course data (default: seed 42, scale 1, rate 0.01, ./course-data)
          dataplatform produce --stream NAME [--dataset web_sessions|order_events] [--region R] [--endpoint URL] [--seed N] [--scale X]
                                                            put generated events on a deployed stream (PutRecords, failed records retried)
          dataplatform replay --queue-url URL --function NAME [--region R] [--max N]
                                                            re-drive a stream function's failed batches from its on-failure queue (docs/runbooks/replay.md)
          dataplatform functions                            print lambdas/Functions.props, the functions' archive names from their contracts
          dataplatform function-archives                    per function: archive, project, current|stale|unstamped|unreadable|missing, source fingerprint (for ./lambdas/package)
        NAME defaults to dev; FILE defaults to stacks/Pulumi.NAME.yaml in the project.
        """;

    /// <summary>The stack synth and preview use when none is named: the cheap, destroyable environment.</summary>
    public const string DefaultStack = "dev";

    public static int Run(string[] args, IHost host)
    {
        try
        {
            return args switch
            {
                [] => Compile(host),
                ["functions"] => Functions(host),
                ["function-archives", .. var rest] => FunctionArchives(rest, host),
                ["synth", .. var rest] => Synth(rest, host, preview: false),
                ["preview", .. var rest] => Synth(rest, host, preview: true),
                ["summary", .. var rest] => Summary(rest, host),
                ["policy", .. var rest] => Policy(rest, host),
                ["access", .. var rest] => AccessCommand.Run(rest, host),
                ["cost", .. var rest] => CostOf(rest, host),
                ["diagram", .. var rest] => DiagramCommand.Run(rest, host),
                ["docs", .. var rest] => DocsCommand.Run(rest, host),
                ["fingerprint", .. var rest] => FingerprintCommand.Fingerprints(rest, host),
                ["changed-stacks", .. var rest] => FingerprintCommand.Changed(rest, host),
                ["typecheck", .. var rest] => TypeCheckCommand.Run(rest, host),
                ["generate", .. var rest] => GenerateCommand.Run(rest, host),
                ["produce", .. var rest] => ProduceCommand.Run(rest, host),
                ["replay", .. var rest] => ReplayCommand.Run(rest, host),
                ["local", .. var rest] => LocalCommand.Run(rest, host),
                ["--help" or "-h" or "help"] => Help(host),
                _ => throw new UsageError($"unknown command '{string.Join(' ', args)}'"),
            };
        }
        catch (Exception e) when (e is ConfigError or SynthesisException or UsageError)
        {
            host.Error.WriteLine($"error: {e.Message}");
            if (e is UsageError)
            {
                host.Error.WriteLine(Usage);
            }
            return 1;
        }
    }

    private static int Functions(IHost host)
    {
        host.Out.Write(FunctionContracts.MsBuildProps());
        return 0;
    }

    /// <summary>One line per function for packaging: archive name, project, state against its sources, source fingerprint.</summary>
    private static int FunctionArchives(string[] args, IHost host)
    {
        RequireNoArguments(args);
        var root = ProjectRoot.Find(host.WorkingDirectory);
        foreach (var function in FunctionContracts.All)
        {
            var state = FunctionSources.State(function, root).ToString().ToLowerInvariant();
            host.Out.WriteLine($"{function.Artifact} {function.Project} {state} {FunctionSources.Fingerprint(function, root)}");
        }
        return 0;
    }

    private static int Help(IHost host)
    {
        host.Out.WriteLine(Usage);
        return 0;
    }

    private static int Compile(IHost host)
    {
        var present = PulumiEnvironment.All.Where(name => host.GetEnvironmentVariable(name) is not null).ToList();
        PulumiProgram program;
        if (present.Count == 0 && host.IsInteractive)
        {
            return Help(host);
        }
        if (present.Count == 0)
        {
            program = DiscoveryProgram.Build(ConfigKeys.Project);
        }
        else
        {
            var stack = host.GetEnvironmentVariable(PulumiEnvironment.Stack)
                ?? throw new ConfigError($"{PulumiEnvironment.Stack} is not set, though {string.Join(", ", present)} is");
            var project = host.GetEnvironmentVariable(PulumiEnvironment.Project) ?? ConfigKeys.Project;
            var organization = host.GetEnvironmentVariable(PulumiEnvironment.Organization) ?? PulumiEnvironment.DefaultOrganization;
            var config = StackConfig.FromJson(host.GetEnvironmentVariable(PulumiEnvironment.Config) ?? "{}");
            program = PlatformProgram.Build(StackSettings.Resolve(stack, project, organization, config));
            RequireArtifacts(program, host.GetEnvironmentVariable(PulumiEnvironment.RootDirectory) ?? host.WorkingDirectory);
        }
        host.Out.Write(ProgramWriter.Write(program));
        return 0;
    }

    private static int Policy(string[] args, IHost host)
    {
        var stacks = OptionalStack(args) is { } name ? [name] : StackProfiles.All.Select(p => p.Stack).ToArray();
        var root = ProjectRoot.Find(host.WorkingDirectory);
        var passed = true;
        foreach (var stack in stacks)
        {
            var settings = LoadSettings(stack, null, root, host.WorkingDirectory);
            var verdict = Infra.Policy.PolicyPack.Evaluate(PlatformProgram.Build(settings), stack, settings.Profile.RetainData);
            foreach (var finding in verdict.Findings)
            {
                host.Out.WriteLine($"{stack}: {finding}");
            }
            host.Out.WriteLine($"{stack}: {verdict.Findings.Count} finding(s), {verdict.Suppressed.Count} accepted with a reason, {Infra.Policy.PolicyPack.Rules.Count} rules");
            passed &= verdict.Passed;
        }
        return passed ? 0 : 1;
    }

    private static int CostOf(string[] args, IHost host)
    {
        var stack = OptionalStack(args) ?? DefaultStack;
        var settings = LoadSettings(stack, null, ProjectRoot.Find(host.WorkingDirectory), host.WorkingDirectory);
        host.Out.Write(Cost.CostEstimate.Print(stack, Cost.CostEstimate.Lines(PlatformProgram.Build(settings))));
        return 0;
    }

    private static int Summary(string[] args, IHost host)
    {
        var stack = OptionalStack(args) ?? DefaultStack;
        var root = ProjectRoot.Find(host.WorkingDirectory);
        var settings = LoadSettings(stack, null, root, host.WorkingDirectory);
        host.Out.Write(StackSummary.Print(settings, PlatformProgram.Build(settings)));
        return 0;
    }

    private static int Synth(string[] args, IHost host, bool preview)
    {
        string? stack = null;
        string? configFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stack": stack = OptionValue(args, ref i); break;
                case "--config": configFile = OptionValue(args, ref i); break;
                default: throw new UsageError($"unexpected argument '{args[i]}'");
            }
        }
        stack ??= DefaultStack;
        var root = ProjectRoot.Find(host.WorkingDirectory);
        var settings = LoadSettings(stack, configFile, root, host.WorkingDirectory);
        var program = PlatformProgram.Build(settings);
        if (preview)
        {
            foreach (var problem in ArtifactCheck.Problems(program, root))
            {
                host.Error.WriteLine($"note: {problem} before `pulumi up`");
            }
            host.Out.Write(PlanPrinter.Print(settings, program));
        }
        else
        {
            RequireArtifacts(program, root);
            host.Out.Write(ProgramWriter.Write(program));
        }
        return 0;
    }

    /// <summary>For commands whose only argument is an optional <c>--stack NAME</c>: the name, or null without it.</summary>
    public static string? OptionalStack(string[] args)
    {
        if (args is ["--stack", var name])
        {
            return name;
        }
        RequireNoArguments(args);
        return null;
    }

    /// <summary>For commands that take no arguments: any given is a usage error that names it.</summary>
    public static void RequireNoArguments(string[] args)
    {
        if (args.Length > 0)
        {
            throw new UsageError($"unexpected argument '{string.Join(' ', args)}'");
        }
    }

    /// <summary>The value after an option such as <c>--stack</c>; a missing one is a usage error that says so.</summary>
    public static string OptionValue(string[] args, ref int index)
    {
        var option = args[index];
        if (index + 1 >= args.Length || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageError($"{option} needs a value, e.g. {option} {(option == "--stack" ? DefaultStack : "FILE")}");
        }
        return args[++index];
    }

    /// <summary>The number after an option such as <c>--scale</c>; anything else is a usage error that says so.</summary>
    public static T NumberValue<T>(string[] args, ref int index) where T : IParsable<T>
    {
        var option = args[index];
        var text = OptionValue(args, ref index);
        return T.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageError($"{option} needs a number, not '{text}'");
    }

    private static void RequireArtifacts(PulumiProgram program, string root)
    {
        var problems = ArtifactCheck.Problems(program, root);
        if (problems.Count > 0)
        {
            throw new SynthesisException(string.Join("; ", problems));
        }
    }

    /// <summary>Reads and validates a stack's settings file; <paramref name="configFile"/> defaults to the project's.</summary>
    public static StackSettings LoadSettings(string stack, string? configFile, string projectRoot, string workingDirectory)
    {
        if (StackProfiles.Find(stack) is null)
        {
            throw new ConfigError($"unknown stack '{stack}': known stacks are {StackProfiles.KnownNames}");
        }
        configFile ??= Path.Combine(projectRoot, ProjectRoot.StackConfigDirectory, $"Pulumi.{stack}.yaml");
        var path = Path.GetFullPath(configFile, workingDirectory);
        return StackSettings.Resolve(stack, ConfigKeys.Project, PulumiEnvironment.DefaultOrganization, StackConfigFile.Read(path));
    }
}

public sealed class UsageError(string message) : Exception(message);
