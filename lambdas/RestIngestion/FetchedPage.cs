namespace RestIngestion;

/// <summary>One page as the API returned it: each item's JSON text, the next link if any, the total if given.</summary>
public sealed record FetchedPage(IReadOnlyList<byte[]> Items, IReadOnlyList<string?> Watermarks, Uri? Next, long? Total);
