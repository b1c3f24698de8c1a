using System.Diagnostics.CodeAnalysis;
using Infra.Model.Values;

namespace Infra.Model.Inputs;

/// <summary>
/// A typed resource input: a literal of <typeparamref name="T"/> or any program value that
/// produces one at deployment (a reference, an interpolation, a built-in). A literal of
/// another type does not convert, so <c>RetentionPeriod = "24"</c> fails the build.
/// A null literal leaves the property unset.
/// </summary>
public sealed class Input<T>
{
    private Input(Value value) => Value = value;

    public Value Value { get; }

    [return: NotNullIfNotNull(nameof(literal))]
    public static implicit operator Input<T>?(T? literal) => literal is null ? null : new(InputValues.Literal(literal));

    [return: NotNullIfNotNull(nameof(value))]
    public static implicit operator Input<T>?(Value? value) => value is null ? null : new(value);
}
