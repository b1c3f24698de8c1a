namespace Infra.Cli.Diagram;

/// <summary>
/// What a granted IAM action says about data flow: the principal reads from the resource, writes to it, or
/// starts it. Actions that only describe, list, encrypt or log say nothing about the flow and are left out.
/// </summary>
public static class AccessVerbs
{
    public enum Verb
    {
        None,
        Reads,
        Writes,
        Starts,
    }

    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s3:GetObject"] = Verb.Reads,
        ["kinesis:GetRecords"] = Verb.Reads,
        ["sqs:ReceiveMessage"] = Verb.Reads,
        ["s3tables:GetTableData"] = Verb.Reads,
        ["s3:PutObject"] = Verb.Writes,
        ["kinesis:PutRecord"] = Verb.Writes,
        ["kinesis:PutRecords"] = Verb.Writes,
        ["firehose:PutRecord"] = Verb.Writes,
        ["firehose:PutRecordBatch"] = Verb.Writes,
        ["sqs:SendMessage"] = Verb.Writes,
        ["sns:Publish"] = Verb.Writes,
        ["glue:CreateTable"] = Verb.Writes,
        ["s3tables:PutTableData"] = Verb.Writes,
        ["lambda:InvokeFunction"] = Verb.Starts,
        ["states:StartExecution"] = Verb.Starts,
        ["athena:StartQueryExecution"] = Verb.Starts,
        ["glue:StartCrawler"] = Verb.Starts,
    };

    public static Verb Of(string action) => Verbs.GetValueOrDefault(action, Verb.None);
}
