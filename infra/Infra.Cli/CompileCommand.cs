using Infra.Model;
using Infra.Model.Yaml;
using Infra.Platform.Configuration;
using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary>No arguments: Pulumi's compiler. Reads the PULUMI_* variables and prints the stack's program; at a terminal without them, the usage.</summary>
public static class CompileCommand
{
    public static readonly CommandUsage Usage = new("", "dataplatform", "compiler mode for Pulumi: reads PULUMI_STACK, PULUMI_PROJECT, PULUMI_CONFIG");

    /// <param name="usage">What a person at a terminal is shown when Pulumi's variables are absent.</param>
    public static int Run(IHost host, string usage)
    {
        var present = PulumiEnvironment.All.Where(name => host.GetEnvironmentVariable(name) is not null).ToList();
        PulumiProgram program;
        if (present.Count == 0 && host.IsInteractive)
        {
            host.Out.WriteLine(usage);
            return 0;
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

    /// <summary>A program is never printed for deployment with a function archive missing or stale.</summary>
    public static void RequireArtifacts(PulumiProgram program, string root)
    {
        var problems = ArtifactCheck.Problems(program, root);
        if (problems.Count > 0)
        {
            throw new SynthesisException(string.Join("; ", problems));
        }
    }
}
