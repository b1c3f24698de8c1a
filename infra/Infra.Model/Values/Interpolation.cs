namespace Infra.Model.Values;

/// <summary>A string made of literal text and references: <c>arn:${bucket.arn}/*</c>.</summary>
public sealed record Interpolation : Value
{
    public Interpolation(IEnumerable<Value> parts)
    {
        var list = parts.ToList();
        foreach (var part in list)
        {
            if (part is not (Text or Reference))
            {
                throw new ArgumentException($"an interpolation holds only text and references, not {part.GetType().Name}");
            }
        }
        Parts = list;
    }

    public IReadOnlyList<Value> Parts { get; }

    public bool Equals(Interpolation? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Parts.Count;
}
