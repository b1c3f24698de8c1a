using Lambda.Sessions;
using StreamConsumer;

namespace Lambdas.Tests.StreamConsumer;

public class SessionEnrichmentTests
{
    private static SessionRecord Session(string country, params BrowseItem[] items) => new("s", 1, "c", country, 0, items);

    [Fact]
    public void OverallQuantity_SumsEveryItem()
    {
        Assert.Equal(7, SessionEnrichment.OverallQuantity(Session("USA", new("a", 2, true), new("b", 5, false))));
    }

    [Fact]
    public void ItemsInCart_CountsOnlyCartItems()
    {
        Assert.Equal(2, SessionEnrichment.ItemsInCart(Session("USA", new("a", 2, true), new("b", 5, false), new("c", 1, true))));
    }

    [Theory]
    [InlineData("USA", "usa")]
    [InlineData("usa", "usa")]
    [InlineData(" United States ", "usa")]
    [InlineData("France", "international")]
    [InlineData("Australia", "international")]
    public void Route_SplitsUsaFromInternational(string country, string route)
    {
        Assert.Equal(route, SessionEnrichment.Route(Session(country)));
    }
}
