namespace Pipelines.Generator;

/// <summary>The ways a generated row is spoiled on purpose, so every quality rule downstream has something to catch.</summary>
public enum BadRowKind
{
    /// <summary>A required column is null.</summary>
    MissingRequired,
    /// <summary>The row appears twice: an event delivered again, or a second row with the same natural key and a later timestamp.</summary>
    Duplicate,
    /// <summary>A value outside its valid range: a quantity or amount below zero, a rating outside 1–5.</summary>
    OutOfRange,
    /// <summary>An event whose timestamp lies days before its neighbours': it arrived late.</summary>
    Late,
}
