namespace Infra.Platform.Components.Provider;

/// <summary>Inputs of the explicit aws provider every aws resource of a stack uses.</summary>
public sealed record AwsProviderOptions
{
    public required string Region { get; init; }

    /// <summary>Tags applied to every taggable resource through the provider's <c>defaultTags</c>.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> DefaultTags { get; init; }

    /// <summary>The only accounts the provider may deploy into; empty allows any (required for prod by the stack settings).</summary>
    public IReadOnlyList<string> AllowedAccountIds { get; init; } = [];

    /// <summary>The shared-config profile whose credentials the provider uses (<c>aws:profile</c>); null uses the environment's.</summary>
    public string? Profile { get; init; }

    /// <summary>A role the provider assumes before deploying; null deploys with the caller's credentials.</summary>
    public string? AssumeRoleArn { get; init; }
}
