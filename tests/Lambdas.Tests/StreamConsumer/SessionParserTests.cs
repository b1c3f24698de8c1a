using Lambda.Sessions;
using System.Text;
using Lambdas.Tests.Support;
using StreamConsumer;

namespace Lambdas.Tests.StreamConsumer;

public class SessionParserTests
{
    private static SessionParser.Result Parse(string json) => SessionParser.Parse(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Parse_ValidSession_ReadsEveryField()
    {
        var result = Parse(KinesisBatch.Session("s1", "France", ("S10_1678", 2, true), ("S12_1099", 3, false)));

        var session = Assert.IsType<SessionRecord>(result.Session);
        Assert.Equal("s1", session.SessionId);
        Assert.Equal(103, session.CustomerNumber);
        Assert.Equal("France", session.Country);
        Assert.Equal(21000.5, session.CreditLimit);
        Assert.Equal(new BrowseItem("S12_1099", 3, false), session.BrowseHistory[1]);
    }

    [Theory]
    [InlineData("""{"customer_number":1,"city":"c","country":"USA","credit_limit":1,"browse_history":[]}""", "missing field 'session_id'")]
    [InlineData("""{"session_id":"","customer_number":1,"city":"c","country":"USA","credit_limit":1,"browse_history":[]}""", "'session_id' must not be empty")]
    [InlineData("""{"session_id":"s","customer_number":"1","city":"c","country":"USA","credit_limit":1,"browse_history":[]}""", "'customer_number' must be a number, not string")]
    [InlineData("""{"session_id":"s","customer_number":0,"city":"c","country":"USA","credit_limit":1,"browse_history":[]}""", "'customer_number' must be a positive integer")]
    [InlineData("""{"session_id":"s","customer_number":1,"city":"c","country":"USA","credit_limit":-5,"browse_history":[]}""", "'credit_limit' must be a non-negative number")]
    [InlineData("""{"session_id":"s","customer_number":1,"city":"c","country":"USA","credit_limit":1,"browse_history":{}}""", "'browse_history' must be an array, not object")]
    [InlineData("""{"session_id":"s","customer_number":1,"city":"c","country":"USA","credit_limit":1,"browse_history":[{"product_code":"p","quantity":-1,"in_shopping_cart":true}]}""", "'browse_history[0].quantity' must be a non-negative integer")]
    [InlineData("""{"session_id":"s","customer_number":1,"city":"c","country":"USA","credit_limit":1,"browse_history":[{"product_code":"p","quantity":1,"in_shopping_cart":"yes"}]}""", "'browse_history[0].in_shopping_cart' must be a boolean, not string")]
    [InlineData("""{"session_id":"s","customer_number":1,"city":"c","country":null,"credit_limit":1,"browse_history":[]}""", "missing field 'country'")]
    [InlineData("[1,2]", "a session must be a JSON object, not Array")]
    [InlineData("{not json", "data is not JSON")]
    public void Parse_Invalid_NamesTheFieldAndRule(string json, string reason)
    {
        var result = Parse(json);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Reason);
    }

    [Fact]
    public void Parse_NotBase64_IsRejected()
    {
        Assert.Equal("data is not valid base64", SessionParser.Parse("%%%").Reason);
    }
}
