namespace Infra.Platform.Profiles;

/// <summary>The stacks this project knows: the two environments and one stack per course.</summary>
public static class StackProfiles
{
    private static readonly StackProfile Dev = new()
    {
        Stack = "dev",
        Environment = "dev",
        Course = StackProfile.AllCourses,
        RetainData = false,
        KeyDeletionWindowDays = 7,
        DefaultNoncurrentVersionDays = 7,
        DefaultAccessLogRetentionDays = 30,
        StreamIngestion = true,
        StreamShardCount = null,
        StreamRetentionHours = 24,
        LogRetentionDays = 14,
    };

    private static readonly StackProfile Prod = new()
    {
        Stack = "prod",
        Environment = "prod",
        Course = StackProfile.AllCourses,
        RetainData = true,
        KeyDeletionWindowDays = 30,
        DefaultNoncurrentVersionDays = 90,
        DefaultAccessLogRetentionDays = 365,
        StreamIngestion = true,
        StreamShardCount = 2,
        StreamRetentionHours = 168,
        LogRetentionDays = 90,
    };

    private static StackProfile Course(int number) => Dev with
    {
        Stack = $"course{number}",
        Environment = "course",
        Course = $"course{number}",
        StreamIngestion = number is 1 or 2,
    };

    public static readonly IReadOnlyList<StackProfile> All =
        [Dev, Prod, Course(1), Course(2), Course(3), Course(4)];

    public static StackProfile? Find(string stack) => All.FirstOrDefault(profile => profile.Stack == stack);

    public static string KnownNames => string.Join(", ", All.Select(profile => profile.Stack));
}
