using Infra.Model.Inputs;
using Infra.Providers.Aws.Kinesis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Infra.Tests.Providers;

/// <summary>Compiles a snippet of component code against the typed inputs and returns the compiler's errors.</summary>
public static class CompilationProbe
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Append(typeof(ResourceArgs).Assembly.Location).Append(typeof(StreamArgs).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    public static IReadOnlyList<Diagnostic> Errors(string body)
    {
        var source = $$"""
            using Infra.Model.Inputs;
            using Infra.Model.Values;
            using Infra.Providers.Aws.Kinesis;
            using Infra.Providers.Aws.Kinesis.Inputs;
            using Infra.Providers.AwsNative.Lakeformation;
            using Infra.Providers.AwsNative.Lakeformation.Inputs;
            public static class Probe
            {
                public static ResourceArgs Make() => {{body}};
            }
            """;
        var compilation = CSharpCompilation.Create("Probe", [CSharpSyntaxTree.ParseText(source)], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }
}
