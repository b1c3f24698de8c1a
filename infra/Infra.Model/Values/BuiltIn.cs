namespace Infra.Model.Values;

/// <summary>A call of a Pulumi YAML built-in function, written as a one-key map <c>fn::name: argument</c>.</summary>
public sealed record BuiltIn(string Function, Value Argument) : Value
{
    public string Key => "fn::" + Function;
}
