using System.Text.Json;
using Pipelines.Declarations.Schema;

namespace Pipelines.Generator.Output;

/// <summary>Rows as newline-delimited JSON: one object per line, columns in schema order, nested lists as arrays of objects.</summary>
public static class NdjsonWriter
{
    public static void Write(DatasetSchema schema, IEnumerable<object?[]> rows, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = false });
        foreach (var row in rows)
        {
            WriteObject(json, schema.Columns, row);
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    /// <summary>One row as a JSON object, without a line break.</summary>
    public static byte[] Line(DatasetSchema schema, object?[] row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteObject(json, schema.Columns, row);
        }
        return buffer.ToArray();
    }

    private static void WriteObject(Utf8JsonWriter json, IReadOnlyList<Column> columns, object?[] row)
    {
        json.WriteStartObject();
        for (var i = 0; i < columns.Count; i++)
        {
            json.WritePropertyName(columns[i].Name);
            WriteValue(json, columns[i], row[i]);
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, Column column, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case long number: json.WriteNumberValue(number); break;
            case decimal number: json.WriteNumberValue(number); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case IEnumerable<object?[]> items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteObject(json, column.Fields!, item);
                }
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(ValueText.Of(value)); break;
        }
    }
}
