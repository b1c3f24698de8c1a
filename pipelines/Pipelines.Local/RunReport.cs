namespace Pipelines.Local;

/// <summary>One step of one course as it ran.</summary>
public sealed record StepReport(string Course, string Step, double Seconds, string Detail);

/// <summary>
/// A dataset's rows at each stage: source → bronze → silver (written + duplicates dropped + quarantined). An
/// exploded dataset's silver counts the items of its records, so only its source and bronze compare as records.
/// </summary>
public sealed record Reconciliation(string Course, string Dataset, long SourceRows, long BronzeRows, long SilverIn, long SilverOut, long Duplicates, long Quarantined, bool Exploded)
{
    /// <summary>Where bronze got the dataset: the first segment of its bronze prefix (<c>db</c>, <c>api</c>, …).</summary>
    public string Origin { get; init; } = "";

    public bool Reconciles => SourceRows == BronzeRows && (Exploded || BronzeRows == SilverIn) && SilverIn == SilverOut + Duplicates + Quarantined;
}

public sealed record GoldTable(string Course, string Model, long Rows, bool IsView);

/// <summary>A few rows of a view, as text, with its column names.</summary>
public sealed record ViewSample(string Course, string View, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record RunReport(string Stack, IReadOnlyList<StepReport> Steps, IReadOnlyList<Reconciliation> Reconciliation,
    IReadOnlyList<GoldTable> Gold, IReadOnlyList<ViewSample> Views, string Folder)
{
    /// <summary>Where the run stopped, when it did not finish; everything above is what it did before.</summary>
    public RunFailure? Failure { get; init; }

    /// <summary>Course 3 with servers: its queries on the row store and on columnar Parquet.</summary>
    public IReadOnlyList<StorageComparison> Storage { get; init; } = [];

    /// <summary>Course 2 with servers: the sessions stream through the local event-source poller into the consumer.</summary>
    public IReadOnlyList<StreamReport> Streams { get; init; } = [];
}

/// <summary>Told of each step as it starts and ends (the progress display).</summary>
public interface IRunProgress
{
    void Started(string course, string step);

    void Finished(StepReport step);

    /// <summary>The step stopped the run.</summary>
    void Failed(string course, string step, string reason)
    {
    }

    /// <summary>Something the run did that its steps do not show (waiting for another run, a fault it injected).</summary>
    void Note(string message)
    {
    }
}
