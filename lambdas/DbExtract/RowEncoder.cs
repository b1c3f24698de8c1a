using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace DbExtract;

/// <summary>
/// One source row as one JSON object, columns in table order: numbers as numbers, timestamps as ISO 8601
/// UTC (the sources hold UTC in zone-less columns), dates as yyyy-MM-dd, binary as base64.
/// </summary>
public sealed class RowEncoder(IReadOnlyList<SourceColumn> columns)
{
    private readonly JsonEncodedText[] _names = [.. columns.Select(column => JsonEncodedText.Encode(column.Name))];
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private Utf8JsonWriter? _writer;

    /// <summary>Encodes the reader's current row; the span is valid until the next call.</summary>
    public ReadOnlySpan<byte> Encode(DbDataReader reader, object[] values)
    {
        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer);
        }
        else
        {
            _writer.Reset(_buffer);
        }
        reader.GetValues(values);
        _writer.WriteStartObject();
        for (var i = 0; i < _names.Length; i++)
        {
            _writer.WritePropertyName(_names[i]);
            Write(_writer, values[i], columns[i]);
        }
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    private static void Write(Utf8JsonWriter json, object value, SourceColumn column)
    {
        switch (value)
        {
            case DBNull: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case long number: json.WriteNumberValue(number); break;
            case int number: json.WriteNumberValue(number); break;
            case short number: json.WriteNumberValue(number); break;
            case decimal number: json.WriteNumberValue(number); break;
            case double number: json.WriteNumberValue(number); break;
            case float number: json.WriteNumberValue(number); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case DateTime time when column.IsDate: json.WriteStringValue(time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime time: json.WriteStringValue(time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)); break;
            case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
