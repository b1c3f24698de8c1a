namespace Infra.Tests.Mocking;

/// <summary>A value Pulumi would keep secret.</summary>
public sealed record Secret(object? Value);

/// <summary>An asset or archive: <c>fn::fileArchive</c>, <c>fn::fileAsset</c> or <c>fn::stringAsset</c>.</summary>
public sealed record AssetValue(string Kind, string Content);

/// <summary>A resolved reference to a whole resource (provider, dependsOn).</summary>
public sealed record ResourceHandle(string Name, string Type);
