using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pipelines.SourceApi;

/// <summary>
/// One page asked for: limit, offset within the filtered items, and the exclusive <c>updated_since</c> bound.
/// A cursor carries offset and bound together, so a <c>next</c> link alone continues the same read.
/// </summary>
internal sealed record PageRequest(int Offset, int Limit, DateTime? Since)
{
    public static PageRequest? Parse(IQueryCollection query, SourceApiOptions options)
    {
        var limit = options.DefaultLimit;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > options.MaxLimit))
        {
            return null;
        }
        if (query.TryGetValue("cursor", out var cursor))
        {
            return FromCursor(cursor.ToString(), limit);
        }
        var offset = 0;
        if (query.TryGetValue("offset", out var offsetText) && (!int.TryParse(offsetText, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return null;
        }
        DateTime? since = null;
        if (query.TryGetValue("updated_since", out var sinceText))
        {
            if (!DateTime.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return null;
            }
            since = parsed;
        }
        return new PageRequest(offset, limit, since);
    }

    public static string Cursor(int offset, DateTime? since) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset}|{since?.Ticks}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static PageRequest? FromCursor(string cursor, int limit)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            var offset = int.Parse(parts[0], CultureInfo.InvariantCulture);
            DateTime? since = parts[1].Length == 0 ? null : new DateTime(long.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeKind.Utc);
            return offset < 0 ? null : new PageRequest(offset, limit, since);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
