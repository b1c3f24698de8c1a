namespace Infra.TypeCheck;

/// <summary>One compiler diagnostic mapped back to the synthesized program.</summary>
public sealed record TypeCheckError(SourceLocation Location, string Code, string Message)
{
    public override string ToString() => $"{Location}: {Code}: {Message}";
}

/// <param name="Errors">Diagnostics mapped to stacks and resources; empty when the check passed.</param>
/// <param name="CompilerOutput">The compiler's own output, for anything that did not map.</param>
public sealed record TypeCheckResult(IReadOnlyList<TypeCheckError> Errors, int ExitCode, string CompilerOutput)
{
    public bool Passed => ExitCode == 0 && Errors.Count == 0;

    public string Report() => Passed
        ? "type check passed"
        : Errors.Count > 0 ? string.Join('\n', Errors) : CompilerOutput;
}
