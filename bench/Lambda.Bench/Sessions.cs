using System.Text;
using Lambda.Events;

namespace Lambda.Bench;

/// <summary>A deterministic batch of web sessions: a third international, one in a hundred malformed.</summary>
internal static class Sessions
{
    public static KinesisEvent Batch(int count)
    {
        var records = new List<KinesisEventRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var json = i % 100 == 99
                ? "{\"session_id\":\"broken\"}"
                : $$"""{"session_id":"s-{{i}}","customer_number":{{100 + i % 400}},"city":"Nantes","country":"{{(i % 3 == 0 ? "France" : "USA")}}","credit_limit":21000.5,"browse_history":[{"product_code":"S10_1678","quantity":{{i % 5}},"in_shopping_cart":true},{"product_code":"S12_1099","quantity":2,"in_shopping_cart":false}]}""";
            var sequence = "4959033827149025660855969253836157109592157598913" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            records.Add(new KinesisEventRecord
            {
                EventId = $"shardId-000000000001:{sequence}",
                Kinesis = new KinesisRecord
                {
                    PartitionKey = $"c-{i % 400}",
                    SequenceNumber = sequence,
                    Data = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)),
                    ApproximateArrivalTimestamp = 1764000000 + i / 1000.0,
                },
            });
        }
        return new KinesisEvent { Records = records };
    }
}
