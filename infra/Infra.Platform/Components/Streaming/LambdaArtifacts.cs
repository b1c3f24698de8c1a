namespace Infra.Platform.Components.Streaming;

/// <summary>Where <c>./lambdas/package</c> puts each function's zip, relative to the project root.</summary>
public static class LambdaArtifacts
{
    public const string Directory = "artifacts/lambdas";
    public const string BuildCommand = "./lambdas/package";
    public const string StreamConsumer = "stream-consumer";

    public static string Path(string function) => $"{Directory}/{function}.zip";
}
