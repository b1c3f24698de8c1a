using System.Globalization;
using System.Text;
using DbExtract;

namespace Lambdas.Tests.DbExtract;

public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("2003-01-06T00:00:00.0000000", "2003-01-06T00:00:00Z")]
    [InlineData("2025-12-31T23:59:59.5000000", "2025-12-31T23:59:59.5Z")]
    [InlineData("0999-02-03T04:05:06.0001230", "0999-02-03T04:05:06.000123Z")]
    [InlineData("2024-02-29T12:00:00.1234567", "2024-02-29T12:00:00.1234567Z")]
    public void Timestamps_are_iso_8601_utc_with_trailing_zeros_dropped(string input, string expected)
    {
        var value = DateTime.ParseExact(input, "yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        Span<byte> output = stackalloc byte[40];

        var length = IsoTime.Timestamp(value, output);

        Assert.Equal(expected, Encoding.ASCII.GetString(output[..length]));
        Assert.Equal(value, DateTime.Parse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
    }

    [Fact]
    public void Dates_are_year_month_day()
    {
        Span<byte> output = stackalloc byte[10];
        Assert.Equal("0042-07-09", Encoding.ASCII.GetString(output[..IsoTime.Date(new DateTime(42, 7, 9), output)]));
    }

    [Fact]
    public void A_servers_usual_timestamp_text_is_rewritten_exactly_as_the_parsed_time_would_be_written()
    {
        // Every kind of value the usual form can hold, from seeded times: whole seconds, microseconds with and without
        // trailing zeros, leap days, year 1 and 9999, with and without a +00 zone.
        var random = new Random(23);
        Span<byte> fast = stackalloc byte[40];
        Span<byte> parsed = stackalloc byte[40];
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks) / 10 * 10;
            var time = new DateTime(i % 3 == 0 ? ticks - ticks % TimeSpan.TicksPerSecond : ticks);
            var text = time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + (i % 2 == 0 ? "+00" : "");

            var length = IsoTime.FromServerText(text, fast);

            Assert.True(length > 0, text);
            Assert.Equal(Encoding.ASCII.GetString(parsed[..IsoTime.Timestamp(time, parsed)]), Encoding.ASCII.GetString(fast[..length]));
        }
    }

    [Theory]
    [InlineData("infinity")]
    [InlineData("-infinity")]
    [InlineData("294276-01-01 00:00:00")]
    [InlineData("2000-01-01 00:00:00 BC")]
    [InlineData("2023-02-29 00:00:00")]
    [InlineData("2024-13-01 00:00:00")]
    [InlineData("2024-01-01 24:00:00")]
    [InlineData("2024-01-01 00:00:00.")]
    [InlineData("2024-01-01 00:00:00+01")]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("0000-01-01 00:00:00")]
    public void Any_other_text_is_left_to_the_parser_that_refuses_it(string text)
    {
        Span<byte> output = stackalloc byte[40];
        Assert.Equal(0, IsoTime.FromServerText(text, output));
    }
}
