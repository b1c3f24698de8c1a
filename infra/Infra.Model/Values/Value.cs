namespace Infra.Model.Values;

/// <summary>
/// A value in a Pulumi YAML program: a literal, a reference to another item of the
/// program, an interpolated string or a built-in function call.
/// </summary>
public abstract record Value
{
    public static implicit operator Value(string text) => new Text(text);
    public static implicit operator Value(int number) => new Integer(number);
    public static implicit operator Value(long number) => new Integer(number);
    public static implicit operator Value(double number) => new Number(number);
    public static implicit operator Value(bool flag) => new Bool(flag);
}

/// <summary>Literal text. Any "${" in it is escaped when written, so it never interpolates.</summary>
public sealed record Text(string Content) : Value;

public sealed record Integer(long Content) : Value;

public sealed record Number(double Content) : Value;

public sealed record Bool(bool Content) : Value;

public sealed record Null : Value
{
    public static readonly Null Instance = new();
}
