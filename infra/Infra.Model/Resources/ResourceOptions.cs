using Infra.Model.Values;

namespace Infra.Model.Resources;

/// <summary>The Pulumi resource options this model writes; null or empty means "not set".</summary>
public sealed record ResourceOptions
{
    public Reference? Provider { get; init; }
    public IReadOnlyList<Reference> DependsOn { get; init; } = [];
    public bool? Protect { get; init; }
    public bool? RetainOnDelete { get; init; }
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];
    public bool? DeleteBeforeReplace { get; init; }
    public CustomTimeouts? CustomTimeouts { get; init; }
    /// <summary>The provider plugin version; set on the first resource of each package so Pulumi installs it.</summary>
    public string? Version { get; init; }

    public static readonly ResourceOptions None = new();

    public MapValue ToMap()
    {
        var map = new MapValue();
        if (Provider is not null) map["provider"] = Provider;
        if (DependsOn.Count > 0) map["dependsOn"] = new ListValue(DependsOn);
        if (Protect is { } protect) map["protect"] = protect;
        if (RetainOnDelete is { } retain) map["retainOnDelete"] = retain;
        if (IgnoreChanges.Count > 0) map["ignoreChanges"] = new ListValue(IgnoreChanges.Select(p => (Value)p));
        if (DeleteBeforeReplace is { } dbr) map["deleteBeforeReplace"] = dbr;
        if (CustomTimeouts is not null) map["customTimeouts"] = CustomTimeouts.ToMap();
        if (Version is not null) map["version"] = Version;
        return map;
    }

    public bool Equals(ResourceOptions? other) => other is not null && ToMap().Equals(other.ToMap());

    public override int GetHashCode() => ToMap().Count;
}

/// <summary>Durations in Go syntax, such as "30m" or "1h".</summary>
public sealed record CustomTimeouts(string? Create = null, string? Update = null, string? Delete = null)
{
    public MapValue ToMap()
    {
        var map = new MapValue();
        if (Create is not null) map["create"] = Create;
        if (Update is not null) map["update"] = Update;
        if (Delete is not null) map["delete"] = Delete;
        return map;
    }
}
