using Infra.Model.Values;

namespace Infra.Platform.Access;

/// <summary>A value as the text AWS would compare, with references left as <c>${resource.attribute}</c>: two values built from the same references compare equal.</summary>
public static class Rendered
{
    public static string Of(Value value) => value switch
    {
        Text text => text.Content,
        Reference reference => reference.ToString(),
        Interpolation interpolation => string.Concat(interpolation.Parts.Select(Of)),
        _ => $"<{value.GetType().Name}>",
    };
}
