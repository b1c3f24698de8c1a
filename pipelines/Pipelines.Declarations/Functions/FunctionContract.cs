namespace Pipelines.Declarations.Functions;

/// <summary>
/// What a function and its infrastructure agree on: the project that builds it, the archive
/// packaging makes of it, and the handler Lambda calls. Environment names and defaults live
/// beside it in the function's own contract class.
/// </summary>
/// <param name="Artifact">Archive name without extension; also the end of the function's physical name.</param>
/// <param name="Project">The function's project folder (and file name) under <c>lambdas/</c>.</param>
public sealed record FunctionContract(string Artifact, string Project)
{
    /// <summary>Native AOT functions on provided.al2023 are one executable with this name.</summary>
    public const string Handler = "bootstrap";

    /// <summary>Where packaging writes the archives, relative to the project root.</summary>
    public const string ArtifactDirectory = "artifacts/lambdas";

    /// <summary>The command that builds every archive.</summary>
    public const string PackageCommand = "./lambdas/package";

    public string ArtifactPath => $"{ArtifactDirectory}/{Artifact}.zip";
}
