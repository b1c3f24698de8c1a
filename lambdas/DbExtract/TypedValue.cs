using System.Globalization;

namespace DbExtract;

/// <summary>A value kept in a checkpoint (a watermark or a resume position) that becomes a query parameter of the same type again.</summary>
public sealed record TypedValue(string Kind, string Text)
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff";

    public static TypedValue Of(object value) => value switch
    {
        long or int or short or sbyte or byte or uint or ushort => new("integer", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        ulong number => new("integer", number.ToString(CultureInfo.InvariantCulture)),
        decimal number => new("decimal", number.ToString(CultureInfo.InvariantCulture)),
        string text => new("text", text),
        DateTime time => new("timestamp", time.ToString(TimestampFormat, CultureInfo.InvariantCulture)),
        DateOnly date => new("timestamp", date.ToDateTime(TimeOnly.MinValue).ToString(TimestampFormat, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"a {value.GetType().Name} cannot be a watermark or key position: use an integer, decimal, text or timestamp column"),
    };

    /// <summary>The parameter value; timestamps are unspecified-kind, as the sources' zone-less timestamp columns hold them.</summary>
    public object ToParameter() => Kind switch
    {
        "integer" => long.Parse(Text, CultureInfo.InvariantCulture),
        "decimal" => decimal.Parse(Text, CultureInfo.InvariantCulture),
        "text" => Text,
        "timestamp" => DateTime.ParseExact(Text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None),
        _ => throw new InvalidDataException($"a checkpoint holds a value of unknown kind '{Kind}'"),
    };
}
