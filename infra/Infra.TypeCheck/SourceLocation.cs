namespace Infra.TypeCheck;

/// <summary>What a line of generated TypeScript stands for in the synthesized program.</summary>
/// <param name="Program">The stack (or program) name.</param>
/// <param name="Item">Logical name of the resource, variable or output; empty for imports.</param>
/// <param name="Type">The resource's type token, if the item is a resource.</param>
/// <param name="Property">Path of the property the line writes, e.g. <c>rules[0].filter.prefix</c>; empty for the declaration line.</param>
public sealed record SourceLocation(string Program, string Item, string? Type, string Property)
{
    public override string ToString()
    {
        var what = Type is null ? Item : $"resource {Item} ({Type})";
        return Property.Length == 0 ? $"stack {Program}, {what}" : $"stack {Program}, {what}, property {Property}";
    }
}
