namespace Pipelines.Declarations.Schema;

/// <summary>
/// One column of a dataset. <paramref name="IsRequired"/> says a value must be present for the row to be
/// valid; the source database enforces only keys, so a missing required value reaches bronze and is
/// caught by the quality rules downstream.
/// </summary>
public sealed record Column(string Name, DataType Type, bool IsRequired = false, bool IsKey = false, IReadOnlyList<Column>? Fields = null)
{
    public static Column KeyOf(string name, DataType type) => new(name, type, IsRequired: true, IsKey: true);
    public static Column Required(string name, DataType type) => new(name, type, IsRequired: true);
    public static Column Optional(string name, DataType type) => new(name, type);
    public static Column ListOf(string name, params Column[] fields) => new(name, DataType.List, IsRequired: true, Fields: fields);
}
