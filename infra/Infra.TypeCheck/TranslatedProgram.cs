namespace Infra.TypeCheck;

/// <summary>A program as TypeScript, with what each line stands for (index 0 is line 1).</summary>
public sealed record TranslatedProgram(string Name, string Source, IReadOnlyList<SourceLocation> Lines)
{
    public SourceLocation At(int line) =>
        line >= 1 && line <= Lines.Count ? Lines[line - 1] : new SourceLocation(Name, "", null, "");
}
