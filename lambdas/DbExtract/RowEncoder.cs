using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace DbExtract;

/// <summary>
/// Source rows as NDJSON lines, columns in table order: numbers as numbers, timestamps as ISO 8601 UTC
/// (the sources hold UTC in zone-less columns), dates as yyyy-MM-dd, binary as base64. Each column's
/// reader type is resolved once, so a row is read with typed getters and formatted without boxing.
/// A value JSON or .NET cannot carry as it is (NaN or an infinity, a number past 28 digits, an infinite or
/// out-of-range date, MySQL's zero date) is never altered: <see cref="Write"/> throws <see cref="UnencodableValueException"/>.
/// </summary>
public sealed class RowEncoder
{
    private enum Kind { Int64, Int32, Int16, Decimal, Double, Single, Boolean, Text, Date, Timestamp, DateOnly, Bytes, NumberText, DateText, TimestampText, Other }

    private readonly string[] _columns;
    private readonly JsonEncodedText[] _names;
    private readonly Kind[] _kinds;
    private Utf8JsonWriter? _writer;

    public RowEncoder(IReadOnlyList<SourceColumn> columns, DbDataReader reader, SourceEngine engine)
    {
        _columns = [.. columns.Select(column => column.Name)];
        _names = [.. columns.Select(column => JsonEncodedText.Encode(column.Name))];
        _kinds = [.. columns.Select((column, i) => engine.ReadsAsText(column) ? TextKindOf(column) : KindOf(reader.GetFieldType(i), column))];
    }

    /// <summary>Appends the reader's current row and a line break to <paramref name="output"/>.</summary>
    /// <exception cref="UnencodableValueException">A value cannot be written as it is; part of the row may be in <paramref name="output"/>.</exception>
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
            try
            {
                WriteValue(json, reader, i, text);
            }
            catch (Exception e) when (e is InvalidCastException or OverflowException or ArgumentException or FormatException or InvalidOperationException)
            {
                _writer = null;
                throw new UnencodableValueException(_columns[i], e.Message);
            }
        }
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private void WriteValue(Utf8JsonWriter json, DbDataReader reader, int i, Span<byte> text)
    {
        switch (_kinds[i])
        {
            case Kind.Int64: json.WriteNumberValue(reader.GetInt64(i)); break;
            case Kind.Int32: json.WriteNumberValue(reader.GetInt32(i)); break;
            case Kind.Int16: json.WriteNumberValue(reader.GetInt16(i)); break;
            // MySqlConnector rounds a DECIMAL past 28 places to fit .NET's decimal; its own type keeps the exact digits.
            case Kind.Decimal when reader is MySqlConnector.MySqlDataReader mysql: json.WriteRawValue(mysql.GetMySqlDecimal(i).ToString()); break;
            case Kind.Decimal: json.WriteNumberValue(reader.GetDecimal(i)); break;
            case Kind.Double: json.WriteNumberValue(Finite(reader.GetDouble(i))); break;
            case Kind.Single: json.WriteNumberValue(Finite(reader.GetFloat(i))); break;
            case Kind.Boolean: json.WriteBooleanValue(reader.GetBoolean(i)); break;
            case Kind.Text: json.WriteStringValue(reader.GetString(i)); break;
            case Kind.Date: json.WriteStringValue(text[..IsoTime.Date(reader.GetDateTime(i), text)]); break;
            case Kind.Timestamp: json.WriteStringValue(text[..IsoTime.Timestamp(reader.GetDateTime(i), text)]); break;
            case Kind.DateOnly: json.WriteStringValue(text[..IsoTime.Date(reader.GetFieldValue<DateOnly>(i).ToDateTime(TimeOnly.MinValue), text)]); break;
            case Kind.Bytes: json.WriteBase64StringValue(reader.GetFieldValue<byte[]>(i)); break;
            case Kind.NumberText: WriteNumberText(json, reader.GetString(i)); break;
            case Kind.DateText: json.WriteStringValue(ServerDate(reader.GetString(i))); break;
            case Kind.TimestampText: WriteTimestampText(json, reader.GetString(i), text); break;
            default: json.WriteStringValue(Convert.ToString(Scalar(reader.GetValue(i)), CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>A value of a type without its own JSON form, written as its text; a collection's text would be its type's name.</summary>
    private static object Scalar(object value) =>
        value is System.Collections.IEnumerable and not string ? throw new ArgumentException($"a {value.GetType().Name} value has no JSON form the extract writes") : value;

    /// <summary>
    /// The server's text of a numeric, as it is: a plain decimal (<c>-12.50</c>) is already a JSON number and is written
    /// unchecked; anything else (NaN, an infinity, an exponent) goes through the writer's own validation and is refused there.
    /// </summary>
    private static void WriteNumberText(Utf8JsonWriter json, string text)
    {
        json.WriteRawValue(text, skipInputValidation: IsPlainDecimal(text));
    }

    /// <summary>An optional minus, then digits without a leading zero (or one zero), then optionally a point and digits: a JSON number as it stands.</summary>
    private static bool IsPlainDecimal(ReadOnlySpan<char> text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        if (i == start || (text[start] == '0' && i - start > 1))
        {
            return false;
        }
        if (i == text.Length)
        {
            return true;
        }
        if (text[i] != '.' || ++i == text.Length)
        {
            return false;
        }
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        return i == text.Length;
    }

    private static string ServerDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? text : throw new FormatException($"'{text}' is not a date of years 1 to 9999");

    /// <summary>
    /// The server's ISO text of a UTC timestamp as ISO 8601 UTC. The usual form (<c>2024-02-29 13:05:09.25</c>, perhaps
    /// with <c>+00</c>) is rewritten byte for byte; anything else (a year past 9999, BC, infinity) is parsed, and refused there.
    /// </summary>
    private static void WriteTimestampText(Utf8JsonWriter json, string text, Span<byte> output)
    {
        var length = IsoTime.FromServerText(text, output);
        json.WriteStringValue(output[..(length > 0 ? length : IsoTime.Timestamp(ServerTimestamp(text), output))]);
    }

    /// <summary>The server's ISO text of a timestamp (in UTC, so with a zone of +00 if any) as a .NET time.</summary>
    private static DateTime ServerTimestamp(string text) =>
        DateTime.TryParseExact(text.EndsWith("+00", StringComparison.Ordinal) ? text[..^3] : text, "yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time : throw new FormatException($"'{text}' is not a timestamp of years 1 to 9999");

    private static Kind TextKindOf(SourceColumn column) => column.DataType switch
    {
        "numeric" => Kind.NumberText,
        "date" => Kind.DateText,
        _ => Kind.TimestampText,
    };

    private static double Finite(double value) =>
        double.IsFinite(value) ? value : throw new ArgumentException($"{value.ToString(CultureInfo.InvariantCulture)} is not a number JSON can hold");

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

/// <summary>A source value that cannot be written as it is; its row goes to the quarantine with this reason.</summary>
public sealed class UnencodableValueException(string column, string reason) : Exception($"column {column}: {reason}")
{
    public string Column { get; } = column;
    public string Reason { get; } = reason;
}
