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
}
