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

    private static void Digits(int value, int count, Span<byte> output)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            output[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
