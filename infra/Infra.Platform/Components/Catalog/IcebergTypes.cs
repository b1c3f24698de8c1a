namespace Infra.Platform.Components.Catalog;

/// <summary>Athena (Glue) column type names as Iceberg names them.</summary>
public static class IcebergTypes
{
    public static string Of(string athenaType) => athenaType.Replace(" ", "", StringComparison.Ordinal) switch
    {
        "bigint" => "long",
        "int" or "integer" => "int",
        "double" => "double",
        "string" or "varchar" => "string",
        "date" => "date",
        "timestamp" => "timestamp",
        "boolean" => "boolean",
        var type when type.StartsWith("decimal(", StringComparison.Ordinal) => type,
        var type => throw new ArgumentException($"no Iceberg type for Athena type '{type}'", nameof(athenaType)),
    };
}
