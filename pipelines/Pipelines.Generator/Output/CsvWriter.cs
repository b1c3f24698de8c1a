using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Output;

/// <summary>Flat rows as RFC 4180 CSV with a header line; null is an empty field (the generator never makes empty strings).</summary>
public static class CsvWriter
{
    public static void Write(DatasetSchema schema, IEnumerable<object?[]> rows, TextWriter output)
    {
        if (!schema.IsFlat)
        {
            throw new ArgumentException($"dataset '{schema.Name}' has nested columns: write it as NDJSON", nameof(schema));
        }
        output.Write(string.Join(',', schema.Columns.Select(column => Field(column.Name))));
        output.Write("\r\n");
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }
                if (row[i] is { } value)
                {
                    output.Write(Field(ValueText.Of(value)));
                }
            }
            output.Write("\r\n");
        }
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
