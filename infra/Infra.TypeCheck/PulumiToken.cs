namespace Infra.TypeCheck;

/// <summary>Where a Pulumi type or function token lives in the provider's npm SDK.</summary>
public static class PulumiToken
{
    private const string ProviderPrefix = "pulumi:providers:";

    /// <summary>Module specifier and exported name of a resource class.</summary>
    public static (string Module, string Export) Resource(string type)
    {
        if (type.StartsWith(ProviderPrefix, StringComparison.Ordinal))
        {
            return ($"@pulumi/{type[ProviderPrefix.Length..]}/provider", "Provider");
        }
        var (package, module, name) = Split(type);
        return (ModulePath(package, module, name), name);
    }

    /// <summary>Module specifier and exported name of a function's Output form.</summary>
    public static (string Module, string Export) Function(string token)
    {
        var (package, module, name) = Split(token);
        return (ModulePath(package, module, name), name + "Output");
    }

    private static (string Package, string Module, string Name) Split(string token)
    {
        var parts = token.Split(':');
        if (parts.Length != 3)
        {
            throw new ArgumentException($"'{token}' is not a token of the form package:module:Name");
        }
        return (parts[0], parts[1].Split('/')[0], parts[2]);
    }

    private static string ModulePath(string package, string module, string name) =>
        module is "index" or ""
            ? $"@pulumi/{package}/{char.ToLowerInvariant(name[0])}{name[1..]}"
            : $"@pulumi/{package}/{module}";
}
