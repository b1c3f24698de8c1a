using Infra.Model.Values;

namespace Infra.Model.Inputs;

/// <summary>A typed object input (a nested input type); it writes the properties that are set.</summary>
public abstract record InputObject
{
    public abstract MapValue ToMap();
}

/// <summary>The typed inputs of one resource type.</summary>
public abstract record ResourceArgs : InputObject
{
    /// <summary>The Pulumi type token, e.g. <c>aws:kinesis:Stream</c>.</summary>
    public abstract string TypeToken { get; }
}
