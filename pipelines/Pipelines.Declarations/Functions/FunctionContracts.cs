namespace Pipelines.Declarations.Functions;

/// <summary>Every function of the platform; packaging and the tests iterate this list.</summary>
public static class FunctionContracts
{
    public static readonly IReadOnlyList<FunctionContract> All =
        [StreamConsumerContract.Function, RestIngestionContract.Function, DbExtractContract.Function, SilverTransformContract.Function,
            RecommendationsContract.Function, WindowedAggregatesContract.Function];

    /// <summary>The MSBuild properties that give each function project its archive name (lambdas/Functions.props).</summary>
    public static string MsBuildProps()
    {
        var lines = new List<string>
        {
            "<Project>",
            "  <!-- Generated from pipelines/Pipelines.Declarations (`./infra/dataplatform functions`); do not edit. -->",
            "  <PropertyGroup>",
            $"    <LambdaSourceStampEntry>{FunctionSources.StampEntry}</LambdaSourceStampEntry>",
        };
        foreach (var function in All.OrderBy(f => f.Project, StringComparer.Ordinal))
        {
            lines.Add($"    <LambdaArtifactName Condition=\"'$(MSBuildProjectName)' == '{function.Project}'\">{function.Artifact}</LambdaArtifactName>");
        }
        lines.Add("  </PropertyGroup>");
        lines.Add("</Project>");
        return string.Join('\n', lines) + "\n";
    }
}
