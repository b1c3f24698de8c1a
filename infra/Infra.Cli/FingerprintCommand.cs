using System.Text.Json;
using Infra.Platform.Configuration;
using Infra.Platform.Profiles;

namespace Infra.Cli;

/// <summary>
/// <c>dataplatform fingerprint</c> prints every stack's fingerprint as JSON; <c>dataplatform changed-stacks
/// --base FILE</c> prints, as a JSON array, the stacks whose fingerprint differs from FILE's (the base revision's).
/// The pull-request workflow previews exactly those.
/// </summary>
public static class FingerprintCommand
{
    public static readonly Command Fingerprint = new(new CommandUsage("fingerprint", "dataplatform fingerprint",
        "every stack's fingerprint (its program and its functions' sources) as JSON"), Fingerprints);

    public static readonly Command ChangedStacks = new(new CommandUsage("changed-stacks", "dataplatform changed-stacks --base FILE",
        "the stacks whose fingerprint differs from FILE's, as a JSON array (CI previews those)"), Changed);

    public static int Fingerprints(string[] args, IHost host)
    {
        CommandLine.RequireNoArguments(args);
        host.Out.WriteLine(JsonSerializer.Serialize(Current(host)));
        return 0;
    }

    public static int Changed(string[] args, IHost host)
    {
        var file = args is ["--base", var path] ? Path.GetFullPath(path, host.WorkingDirectory) : throw new UsageError("changed-stacks needs --base FILE (the base revision's `dataplatform fingerprint`)");
        Dictionary<string, string>? baseline = null;
        if (File.Exists(file) && new FileInfo(file).Length > 0)
        {
            try
            {
                baseline = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file));
            }
            catch (JsonException e)
            {
                throw new ConfigError($"{file} is not a fingerprint file ({e.Message}): make it with `dataplatform fingerprint`");
            }
        }
        else
        {
            host.Error.WriteLine($"note: no base fingerprints in {file}: every stack counts as changed");
        }
        host.Out.WriteLine(JsonSerializer.Serialize(StackFingerprint.Changed(Current(host), baseline)));
        return 0;
    }

    private static Dictionary<string, string> Current(IHost host)
    {
        var root = ProjectRoot.Find(host.WorkingDirectory);
        return StackProfiles.All.ToDictionary(
            p => p.Stack,
            p => StackFingerprint.Of(PlatformProgram.Build(CommandLine.LoadSettings(p.Stack, null, root, host.WorkingDirectory)), root));
    }
}
