using System.Globalization;

namespace Pipelines.Generator.Output;

/// <summary>The one text form of each value type, shared by CSV, SQL and the API: invariant culture, UTC timestamps.</summary>
public static class ValueText
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Of(object value) => value switch
    {
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
        DateTime time => time.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"no text form for a value of type {value.GetType().Name}", nameof(value)),
    };
}
