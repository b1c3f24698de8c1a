namespace Infra.Platform;

/// <summary>The provider plugins the project pins; the same numbers pin the npm SDKs used by the type check.</summary>
public static class ProviderVersions
{
    public const string Aws = "7.48.0";
    public const string AwsNative = "1.79.0";
    public const string Random = "4.21.2";

    /// <summary>Every package a program of this project may use, with its pinned version.</summary>
    public static readonly IReadOnlyList<(string Package, string Version)> All =
    [
        ("aws", Aws),
        ("aws-native", AwsNative),
        ("random", Random),
    ];
}
