using System.Security.Cryptography;
using System.Text;
using Infra.Model;
using Infra.Model.Yaml;
using Infra.Platform.Configuration;
using Pipelines.Declarations.Functions;

namespace Infra.Cli;

/// <summary>
/// What a stack is made of, as one hash: its synthesized program plus the source fingerprint of every function it
/// deploys (the program names only the archives, whose content Pulumi compares at deploy time). Two revisions
/// whose fingerprints agree deploy the same thing; CI previews only the stacks whose differ.
/// </summary>
public static class StackFingerprint
{
    public static string Of(PulumiProgram program, string projectRoot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = ProgramWriter.Write(program);
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        foreach (var function in FunctionContracts.All.Where(c => text.Contains(c.ArtifactPath, StringComparison.Ordinal)).OrderBy(c => c.Artifact, StringComparer.Ordinal))
        {
            try
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"\n{function.Artifact} {FunctionSources.Fingerprint(function, projectRoot)}"));
            }
            catch (FileNotFoundException e)
            {
                throw new ConfigError($"a deployed function's project is missing: {e.FileName}");
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The stacks whose fingerprint differs from, or is missing in, the base revision's; every stack without a base.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string>? baseline) =>
        [.. current.Where(p => baseline is null || !baseline.TryGetValue(p.Key, out var before) || before != p.Value).Select(p => p.Key)];
}
