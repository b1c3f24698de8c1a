namespace DbExtract;

/// <summary>
/// ISO 8601 text of dates and UTC timestamps, written digit by digit: a custom .NET format string is
/// parsed on every call, and extraction formats one timestamp per row. Fractions drop trailing zeros.
/// </summary>
public static class IsoTime
{
    /// <summary>yyyy-MM-dd; returns the bytes written (10).</summary>
    public static int Date(DateTime value, Span<byte> output)
    {
        Digits(value.Year, 4, output);
        output[4] = (byte)'-';
        Digits(value.Month, 2, output[5..]);
        output[7] = (byte)'-';
        Digits(value.Day, 2, output[8..]);
        return 10;
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss[.fffffff]Z; returns the bytes written (at most 28).</summary>
    public static int Timestamp(DateTime value, Span<byte> output)
    {
        var length = Date(value, output);
        output[length++] = (byte)'T';
        Digits(value.Hour, 2, output[length..]);
        output[length + 2] = (byte)':';
        Digits(value.Minute, 2, output[(length + 3)..]);
        output[length + 5] = (byte)':';
        Digits(value.Second, 2, output[(length + 6)..]);
        length += 8;
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            output[length++] = (byte)'.';
            Digits(fraction, digits, output[length..]);
            length += digits;
        }
        output[length++] = (byte)'Z';
        return length;
    }

    /// <summary>
    /// A server's text of a UTC timestamp in its usual form, <c>yyyy-MM-dd HH:mm:ss[.f…]</c> with perhaps <c>+00</c>, as
    /// <see cref="Timestamp"/> writes it, byte for byte without parsing; returns the bytes written, or 0 when the text has
    /// another form or names no valid time (the caller parses those).
    /// </summary>
    public static int FromServerText(ReadOnlySpan<char> text, Span<byte> output)
    {
        if (text.EndsWith("+00"))
        {
            text = text[..^3];
        }
        if (text.Length < 19 || text.Length == 20 || text.Length > 26 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || (text.Length > 19 && text[19] != '.'))
        {
            return 0;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (i is not (4 or 7 or 10 or 13 or 16 or 19) && !char.IsAsciiDigit(text[i]))
            {
                return 0;
            }
        }
        var (year, month, day) = (Number(text, 0, 4), Number(text, 5, 2), Number(text, 8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || Number(text, 11, 2) > 23 || Number(text, 14, 2) > 59 || Number(text, 17, 2) > 59)
        {
            return 0;
        }
        var fraction = text.Length > 19 ? text[20..].TrimEnd('0') : [];
        for (var i = 0; i < 19; i++)
        {
            output[i] = (byte)text[i];
        }
        output[10] = (byte)'T';
        var length = 19;
        if (!fraction.IsEmpty)
        {
            output[length++] = (byte)'.';
            foreach (var digit in fraction)
            {
                output[length++] = (byte)digit;
            }
        }
        output[length++] = (byte)'Z';
        return length;
    }

    private static int Number(ReadOnlySpan<char> text, int from, int count)
    {
        var value = 0;
        foreach (var digit in text.Slice(from, count))
        {
            value = value * 10 + digit - '0';
        }
        return value;
    }

    private static void Digits(int value, int count, Span<byte> output)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            output[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
