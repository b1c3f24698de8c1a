using Pipelines.Declarations.Functions;

namespace Infra.Tests.Contract;

/// <summary>Packaging reads the archive names from the contracts, through a generated file that must stay current.</summary>
public class FunctionContractTests
{
    [Fact]
    public void FunctionsProps_IsWhatTheContractsGenerate()
    {
        Assert.Equal(FunctionContracts.MsBuildProps(), File.ReadAllText(Repository.PathOf("lambdas", "Functions.props")));
    }

    [Fact]
    public void EveryContract_NamesAFunctionProject_AndEveryFunctionProjectHasAContract()
    {
        var functionProjects = Directory.GetFiles(Repository.PathOf("lambdas"), "*.csproj", SearchOption.AllDirectories)
            .Where(path => File.ReadAllText(path).Contains("LambdaFunction.targets", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Equal(functionProjects, FunctionContracts.All.Select(f => f.Project).Order(StringComparer.Ordinal));
        Assert.Equal(FunctionContracts.All.Count, FunctionContracts.All.Select(f => f.Artifact).Distinct().Count());
    }
}
