using System.Text;
using Lambda.Events;

namespace Lambdas.Tests.Support;

/// <summary>Builds Kinesis batches of web sessions for tests.</summary>
public static class KinesisBatch
{
    public const string Shard = "shardId-000000000001";
    public static readonly DateTimeOffset Arrival = new(2026, 11, 24, 14, 30, 0, TimeSpan.Zero);
    private const string FirstSequence = "49590338271490256608559692538361571095921575989136588800";

    public static string Session(string id, string country = "USA", params (string Product, int Quantity, bool InCart)[] items)
    {
        var history = string.Join(",", items.Select(i => $$"""{"product_code":"{{i.Product}}","quantity":{{i.Quantity}},"in_shopping_cart":{{(i.InCart ? "true" : "false")}}}"""));
        return $$"""{"session_id":"{{id}}","customer_number":103,"city":"Nantes","country":"{{country}}","credit_limit":21000.5,"browse_history":[{{history}}]}""";
    }

    public static KinesisEvent Of(params string[] payloads) => OfRaw(payloads.Select(p => Convert.ToBase64String(Encoding.UTF8.GetBytes(p))).ToArray());

    /// <summary>Records whose data is given already encoded (or deliberately not).</summary>
    public static KinesisEvent OfRaw(params string[] data) => new()
    {
        Records = data.Select((d, i) => new KinesisEventRecord
        {
            EventId = $"{Shard}:{Sequence(i)}",
            EventSourceArn = "arn:aws:kinesis:eu-west-1:123456789012:stream/sessions",
            Kinesis = new KinesisRecord
            {
                PartitionKey = $"customer-{i}",
                SequenceNumber = Sequence(i),
                Data = d,
                ApproximateArrivalTimestamp = Arrival.ToUnixTimeMilliseconds() / 1000.0 + i,
            },
        }).ToList(),
    };

    public static string Sequence(int index) =>
        (System.Numerics.BigInteger.Parse(FirstSequence, System.Globalization.CultureInfo.InvariantCulture) + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
