using Infra.Model;
using Infra.Model.Values;

namespace Infra.Cli;

/// <summary>Finds the files a program archives or reads (<c>fn::fileArchive</c> and friends) that do not exist yet.</summary>
public static class ArtifactCheck
{
    private static readonly HashSet<string> FileFunctions = ["fileArchive", "fileAsset", "readFile"];

    public static IReadOnlyList<string> Missing(PulumiProgram program, string projectRoot) =>
        program.Resources.SelectMany(resource => Files(resource.Properties))
            .Concat(program.Variables.SelectMany(variable => Files(variable.Value)))
            .Distinct(StringComparer.Ordinal)
            .Where(path => !Path.Exists(Path.GetFullPath(path, projectRoot)))
            .ToList();

    public static string Explain(IReadOnlyList<string> missing, string buildCommand) =>
        $"missing build artifact{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}: build {(missing.Count > 1 ? "them" : "it")} with `{buildCommand}`";

    private static IEnumerable<string> Files(Value value) => value switch
    {
        BuiltIn { Argument: Text path } call when FileFunctions.Contains(call.Function) => [path.Content],
        BuiltIn call => Files(call.Argument),
        MapValue map => map.SelectMany(entry => Files(entry.Value)),
        ListValue list => list.SelectMany(Files),
        _ => [],
    };
}
