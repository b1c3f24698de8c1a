using System.Runtime.CompilerServices;

namespace DbExtract;

internal static class NpgsqlSettings
{
    /// <summary>Without it Npgsql reads PostgreSQL's <c>infinity</c> and <c>-infinity</c> as DateTime's largest and smallest values: real-looking dates.</summary>
    [ModuleInitializer]
    internal static void RefuseInfinityAsADate() => AppContext.SetSwitch("Npgsql.DisableDateTimeInfinityConversions", true);
}
