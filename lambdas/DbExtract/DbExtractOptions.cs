using System.Globalization;
using Pipelines.Declarations.Functions;

namespace DbExtract;

/// <summary>What the function reads from its environment, by the names of its contract.</summary>
public sealed record DbExtractOptions
{
    public required string Bucket { get; init; }
    public required IReadOnlyList<TableSetting> Tables { get; init; }
    public string OutputPrefix { get; init; } = DbExtractContract.DefaultOutputPrefix;
    public string StatePrefix { get; init; } = DbExtractContract.DefaultStatePrefix;
    public string QuarantinePrefix { get; init; } = DbExtractContract.DefaultQuarantinePrefix;
    public int ChunkRows { get; init; } = DbExtractContract.DefaultChunkRows;

    /// <summary>Work stops at a chunk boundary when less than this is left; the checkpoint lets the next run resume.</summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromSeconds(20);

    public static DbExtractOptions From(Func<string, string?> environment)
    {
        var chunk = environment(DbExtractContract.ChunkRowsVariable);
        return new DbExtractOptions
        {
            Bucket = environment(DbExtractContract.BucketVariable) is { Length: > 0 } bucket ? bucket : throw new InvalidOperationException($"{DbExtractContract.BucketVariable} is not set"),
            Tables = TableSetting.ParseList(environment(DbExtractContract.TablesVariable) ?? "", DbExtractContract.TablesVariable),
            OutputPrefix = environment(DbExtractContract.OutputPrefixVariable)?.Trim('/') is { Length: > 0 } output ? output : DbExtractContract.DefaultOutputPrefix,
            StatePrefix = environment(DbExtractContract.StatePrefixVariable)?.Trim('/') is { Length: > 0 } state ? state : DbExtractContract.DefaultStatePrefix,
            QuarantinePrefix = environment(DbExtractContract.QuarantinePrefixVariable)?.Trim('/') is { Length: > 0 } quarantine ? quarantine : DbExtractContract.DefaultQuarantinePrefix,
            ChunkRows = string.IsNullOrEmpty(chunk) ? DbExtractContract.DefaultChunkRows
                : int.TryParse(chunk, CultureInfo.InvariantCulture, out var rows) && rows > 0 ? rows
                : throw new InvalidOperationException($"{DbExtractContract.ChunkRowsVariable} must be a positive whole number, not '{chunk}'"),
        };
    }
}
