using Infra.Model.Values;

namespace Infra.Model;

/// <summary>A value the program reads from stack config at deployment time.</summary>
public sealed record ConfigDeclaration(ConfigType Type, bool Secret = false, Value? Default = null)
{
    public MapValue ToMap()
    {
        var map = new MapValue { ["type"] = Type.ToString().ToLowerInvariant() };
        if (Secret) map["secret"] = true;
        if (Default is not null) map["default"] = Default;
        return map;
    }
}

public enum ConfigType
{
    String,
    Integer,
    Boolean,
    Object,
}
