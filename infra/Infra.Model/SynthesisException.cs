namespace Infra.Model;

/// <summary>A program that cannot be synthesized; the message says what is wrong and where.</summary>
public sealed class SynthesisException(string message) : Exception(message);
