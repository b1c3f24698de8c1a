namespace Pipelines.Declarations.Functions;

/// <summary>Environment names every function that writes to bronze shares.</summary>
public static class BronzeVariables
{
    /// <summary>The bucket the function writes to.</summary>
    public const string Bucket = "BRONZE_BUCKET";

    /// <summary>Prefix of the function's output objects.</summary>
    public const string OutputPrefix = "OUTPUT_PREFIX";
}
