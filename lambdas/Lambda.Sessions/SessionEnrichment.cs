namespace Lambda.Sessions;

/// <summary>The course's enrichment and routing rules for a session.</summary>
public static class SessionEnrichment
{
    public const string UsaRoute = "usa";
    public const string InternationalRoute = "international";

    private static readonly HashSet<string> UsaNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "USA", "US", "United States", "United States of America",
    };

    /// <summary>Sum of quantities over the browse history; throws <see cref="OverflowException"/> beyond 64 bits.</summary>
    public static long OverallQuantity(SessionRecord session)
    {
        long total = 0;
        foreach (var item in session.BrowseHistory)
        {
            total = checked(total + item.Quantity);
        }
        return total;
    }

    /// <summary>Number of browsed products that went into the cart.</summary>
    public static int ItemsInCart(SessionRecord session) => session.BrowseHistory.Count(item => item.InShoppingCart);

    public static string Route(SessionRecord session) =>
        UsaNames.Contains(session.Country.Trim()) ? UsaRoute : InternationalRoute;
}
