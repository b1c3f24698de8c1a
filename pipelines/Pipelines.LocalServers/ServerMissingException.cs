namespace Pipelines.LocalServers;

/// <summary>A server program is not installed; the message says which package provides it.</summary>
public sealed class ServerMissingException(string message) : Exception(message);
