namespace Lambda.Sessions;

/// <summary>A web session as the course's producers send it (schema "web-session v1").</summary>
public sealed record SessionRecord(
    string SessionId,
    long CustomerNumber,
    string City,
    string Country,
    double CreditLimit,
    IReadOnlyList<BrowseItem> BrowseHistory);

/// <summary>A product the customer looked at, and whether it went into the cart.</summary>
public sealed record BrowseItem(string ProductCode, long Quantity, bool InShoppingCart);
