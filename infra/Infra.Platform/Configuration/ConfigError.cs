namespace Infra.Platform.Configuration;

/// <summary>Stack configuration that cannot be used; the message names the key and what is allowed.</summary>
public sealed class ConfigError(string message) : Exception(message);
