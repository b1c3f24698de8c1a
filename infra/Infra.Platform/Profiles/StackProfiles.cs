using Infra.Platform.Components.Database;

namespace Infra.Platform.Profiles;

/// <summary>
/// The stacks this project knows: the two environments and one stack per course. Dev is
/// written out; the others state only how they differ from it.
/// </summary>
public static class StackProfiles
{
    public const string SessionsStream = "sessions";
    public const string OrdersStream = "orders";

    private static readonly StackProfile Dev = new()
    {
        Stack = "dev",
        Environment = "dev",
        Course = StackProfile.AllCourses,
        RetainData = false,
        LogRetentionDays = 14,
        Key = new() { DeletionWindowDays = 7 },
        Storage = new() { NoncurrentVersionDays = 7, AccessLogRetentionDays = 30 },
        Streaming = new()
        {
            Streams =
            [
                new(SessionsStream) { Consumer = true, Recommendations = true },
                new(OrdersStream) { RawDelivery = true, WindowedAggregates = true },
            ],
            ShardCount = null,
            RetentionHours = 24,
        },
        Network = new(),
        Database = new() { Engine = DatabaseEngine.PostgreSql },
        DatabaseExtraction = new(),
        RestIngestion = new(),
        SilverTransform = new(),
        Catalog = new() { RawZoneCrawler = true },
        Serving = new(),
        Orchestration = new(),
        LakeFormation = new(),
        Monitoring = new(),
    };

    private static readonly StackProfile Prod = Dev with
    {
        Stack = "prod",
        Environment = "prod",
        RetainData = true,
        RequiresAllowedAccounts = true,
        LogRetentionDays = 90,
        Key = new() { DeletionWindowDays = 30 },
        Storage = new() { NoncurrentVersionDays = 90, AccessLogRetentionDays = 365 },
        Streaming = Dev.Streaming! with { ShardCount = 2, RetentionHours = 168 },
        Database = Dev.Database! with { InstanceClass = "db.m7g.large", BackupRetentionDays = 30, MultiAz = true },
        Serving = new() { BytesScannedCutoffPerQuery = 100L * 1024 * 1024 * 1024 },
        // Production's incremental tables are compacted and expired by the service, not by an operator.
        Catalog = Dev.Catalog! with { GoldTableFormat = Components.Catalog.GoldTableFormat.S3Tables },
    };

    private static StackProfile Course(int number) => Dev with
    {
        Stack = $"course{number}",
        Environment = "course",
        Course = $"course{number}",
        Streaming = number switch
        {
            // Course 1: sessions through Firehose into the recommender's prefix.
            1 => Dev.Streaming! with { Streams = [new(SessionsStream) { Recommendations = true }] },
            // Course 2: the consumer on sessions; orders delivered as they come.
            2 => Dev.Streaming! with { Streams = [new(SessionsStream) { Consumer = true }, new(OrdersStream) { RawDelivery = true }] },
            // Course 3: streaming queries in tumbling windows over orders.
            3 => Dev.Streaming! with { Streams = [new(OrdersStream) { WindowedAggregates = true }] },
            _ => null,
        },
        // Course 2 teaches PostgreSQL (its lab's source); the others use the classicmodels MySQL source.
        Database = new() { Engine = number == 2 ? DatabaseEngine.PostgreSql : DatabaseEngine.MySql },
        // New accounts cannot reserve concurrency; the schedules keep runs apart.
        DatabaseExtraction = Dev.DatabaseExtraction! with { ReservedConcurrency = null },
        RestIngestion = number is 2 or 4 ? Dev.RestIngestion! with { ReservedConcurrency = null } : null,
        // Course 3 teaches the governed lakehouse; the others would pay in complexity for nothing they use.
        LakeFormation = number == 3 ? Dev.LakeFormation : null,
        Catalog = Dev.Catalog! with { RawZoneCrawler = number == 3 },
    };

    /// <summary>
    /// Once per account and region, before any other stack there: what AWS keeps once per account. Its key encrypts
    /// the catalog of every stack, so it is kept even when the stack is destroyed.
    /// </summary>
    private static readonly StackProfile Account = new()
    {
        Stack = Components.Account.AccountWide.Stack,
        Environment = "account",
        Course = StackProfile.AllCourses,
        RetainData = true,
        LogRetentionDays = Dev.LogRetentionDays,
        Key = new() { DeletionWindowDays = 30, ServesLogsAndAlarms = false },
        AccountWide = new(),
    };

    public static readonly IReadOnlyList<StackProfile> All =
        [Dev, Prod, Course(1), Course(2), Course(3), Course(4), Account];

    /// <summary>The stacks that hold a lakehouse: every stack but the account stack.</summary>
    public static IReadOnlyList<StackProfile> Lakehouses => [.. All.Where(profile => profile.AccountWide is null)];

    public static StackProfile? Find(string stack) => All.FirstOrDefault(profile => profile.Stack == stack);

    public static string KnownNames => string.Join(", ", All.Select(profile => profile.Stack));
}
