using Infra.Model;
using Infra.Model.Values;
using Pipelines.Declarations.Functions;

namespace Infra.Cli;

/// <summary>
/// The files a program archives or reads (<c>fn::fileArchive</c> and friends) that would deploy something other
/// than the sources say: a file that does not exist, or a function archive not built from the sources as they are now.
/// </summary>
public static class ArtifactCheck
{
    private static readonly HashSet<string> FileFunctions = ["fileArchive", "fileAsset", "readFile"];

    /// <summary>One line per problem, naming the file and the command that fixes it; empty when every file is current.</summary>
    public static IReadOnlyList<string> Problems(PulumiProgram program, string projectRoot)
    {
        var functions = FunctionContracts.All.ToDictionary(f => f.ArtifactPath, StringComparer.Ordinal);
        return Referenced(program)
            .Select(path => functions.TryGetValue(path, out var function)
                ? FunctionSources.Problem(function, FunctionSources.State(function, projectRoot))
                : Path.Exists(Path.GetFullPath(path, projectRoot)) ? null : $"'{path}' does not exist")
            .OfType<string>()
            .ToList();
    }

    private static IEnumerable<string> Referenced(PulumiProgram program) =>
        program.Resources.SelectMany(resource => Files(resource.Properties))
            .Concat(program.Variables.SelectMany(variable => Files(variable.Value)))
            .Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Files(Value value) => value switch
    {
        BuiltIn { Argument: Text path } call when FileFunctions.Contains(call.Function) => [path.Content],
        BuiltIn call => Files(call.Argument),
        MapValue map => map.SelectMany(entry => Files(entry.Value)),
        ListValue list => list.SelectMany(Files),
        _ => [],
    };
}
