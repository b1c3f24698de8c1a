namespace Infra.Platform.Components.Provider;

/// <summary>Inputs of the explicit aws provider every aws resource of a stack uses.</summary>
public sealed record AwsProviderOptions
{
    public required string Region { get; init; }

    /// <summary>Tags applied to every taggable resource through the provider's <c>defaultTags</c>.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> DefaultTags { get; init; }
}
