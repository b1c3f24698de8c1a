using System.Buffers;
using System.Data.Common;
using System.Text.Json;

namespace DbExtract;

/// <summary>
/// Source rows as NDJSON lines, columns in table order: numbers as numbers, timestamps as ISO 8601 UTC
/// (the sources hold UTC in zone-less columns), dates as yyyy-MM-dd, binary as base64. Each column's
/// reader type is resolved once, so a row is read with typed getters and formatted without boxing.
/// </summary>
public sealed class RowEncoder
{
    private enum Kind { Int64, Int32, Int16, Decimal, Double, Single, Boolean, Text, Date, Timestamp, DateOnly, Bytes, Other }

    private readonly JsonEncodedText[] _names;
    private readonly Kind[] _kinds;
    private Utf8JsonWriter? _writer;

    public RowEncoder(IReadOnlyList<SourceColumn> columns, DbDataReader reader)
    {
        _names = [.. columns.Select(column => JsonEncodedText.Encode(column.Name))];
        _kinds = [.. columns.Select((column, i) => KindOf(reader.GetFieldType(i), column))];
    }

    /// <summary>Appends the reader's current row and a line break to <paramref name="output"/>.</summary>
    public void Write(DbDataReader reader, ArrayBufferWriter<byte> output)
    {
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            _writer.Reset(output);
        }
        var json = _writer;
        json.WriteStartObject();
        Span<byte> text = stackalloc byte[40];
        for (var i = 0; i < _names.Length; i++)
        {
            json.WritePropertyName(_names[i]);
            if (reader.IsDBNull(i))
            {
                json.WriteNullValue();
                continue;
            }
            switch (_kinds[i])
            {
                case Kind.Int64: json.WriteNumberValue(reader.GetInt64(i)); break;
                case Kind.Int32: json.WriteNumberValue(reader.GetInt32(i)); break;
                case Kind.Int16: json.WriteNumberValue(reader.GetInt16(i)); break;
                case Kind.Decimal: json.WriteNumberValue(reader.GetDecimal(i)); break;
                case Kind.Double: json.WriteNumberValue(reader.GetDouble(i)); break;
                case Kind.Single: json.WriteNumberValue(reader.GetFloat(i)); break;
                case Kind.Boolean: json.WriteBooleanValue(reader.GetBoolean(i)); break;
                case Kind.Text: json.WriteStringValue(reader.GetString(i)); break;
                case Kind.Date: json.WriteStringValue(text[..IsoTime.Date(reader.GetDateTime(i), text)]); break;
                case Kind.Timestamp: json.WriteStringValue(text[..IsoTime.Timestamp(reader.GetDateTime(i), text)]); break;
                case Kind.DateOnly: json.WriteStringValue(text[..IsoTime.Date(reader.GetFieldValue<DateOnly>(i).ToDateTime(TimeOnly.MinValue), text)]); break;
                case Kind.Bytes: json.WriteBase64StringValue(reader.GetFieldValue<byte[]>(i)); break;
                default: json.WriteStringValue(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private static Kind KindOf(Type type, SourceColumn column) => type switch
    {
        _ when type == typeof(long) => Kind.Int64,
        _ when type == typeof(int) => Kind.Int32,
        _ when type == typeof(short) => Kind.Int16,
        _ when type == typeof(decimal) => Kind.Decimal,
        _ when type == typeof(double) => Kind.Double,
        _ when type == typeof(float) => Kind.Single,
        _ when type == typeof(bool) => Kind.Boolean,
        _ when type == typeof(string) => Kind.Text,
        _ when type == typeof(DateTime) => column.IsDate ? Kind.Date : Kind.Timestamp,
        _ when type == typeof(DateOnly) => Kind.DateOnly,
        _ when type == typeof(byte[]) => Kind.Bytes,
        _ => Kind.Other,
    };
}
