using System.Diagnostics;
using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Declarations.Orchestration;
using Pipelines.Declarations.Sql;
using Pipelines.DuckDb;

namespace Pipelines.Local;

/// <summary>
/// One course's pipeline, step by step in the order its declaration gives (the order the state machine
/// runs): extracts land bronze, the silver handler transforms each landed run, the gate evaluates the rules
/// on silver, gold models and the refresh run their SQL on DuckDB, and the notice is the report.
/// </summary>
public sealed class CourseRun(CoursePipeline pipeline, CourseData data, LocalFunctions functions, IExtractSource source, ISilverHost silver, IRunProgress progress)
{
    private readonly List<StepReport> _steps = [];
    private readonly List<LandedRun> _landed = [];
    private readonly List<Reconciliation> _reconciliation = [];
    private readonly List<GoldTable> _gold = [];
    private readonly List<ViewSample> _views = [];
    private readonly List<string> _retries = [];
    private string? _dataset;

    public async Task<RunReport> RunAsync(string stack, string folder, CancellationToken cancellationToken)
    {
        using var tables = new DuckDbTables();
        foreach (var step in pipeline.Steps)
        {
            progress.Started(pipeline.Course, step.Name);
            var clock = Stopwatch.StartNew();
            _dataset = null;
            string detail;
            try
            {
                detail = step switch
                {
                    ExtractStep extract => await ExtractAsync(extract, cancellationToken).ConfigureAwait(false),
                    SilverTransformStep transform => await TransformAsync(transform, tables, cancellationToken).ConfigureAwait(false),
                    QualityGateStep gate => Gate(gate, tables),
                    GoldModelStep model => Build(model.Model, tables),
                    RefreshStep refresh => string.Join(", ", refresh.Models.Select(model => Build(model, tables))),
                    NotifyStep => $"{pipeline.Course} succeeded",
                    _ => throw new NotSupportedException($"no local runner for step {step.Name}"),
                };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                progress.Failed(pipeline.Course, step.Name, e.Message);
                var failure = new RunFailure(pipeline.Course, step.Name, _dataset ?? (e as QualityGateException)?.Failures.FirstOrDefault()?.Dataset, e.Message);
                throw new LocalRunFailedException(new RunReport(stack, _steps, _reconciliation, _gold, _views, folder) { Failure = failure }, e);
            }
            var report = new StepReport(pipeline.Course, step.Name, clock.Elapsed.TotalSeconds, detail);
            _steps.Add(report);
            progress.Finished(report);
        }
        return new RunReport(stack, _steps, _reconciliation, _gold, _views, folder);
    }

    private async Task<string> ExtractAsync(ExtractStep step, CancellationToken cancellationToken)
    {
        var runs = await source.ExtractAsync(step, cancellationToken).ConfigureAwait(false);
        _landed.AddRange(runs);
        return $"{runs.Count} datasets, {runs.Sum(run => run.Rows)} rows to bronze";
    }

    private async Task<string> TransformAsync(SilverTransformStep step, DuckDbTables tables, CancellationToken cancellationToken)
    {
        foreach (var dataset in step.Datasets)
        {
            _dataset = dataset.Name;
            var run = _landed.Single(landed => landed.Dataset == dataset.Name && landed.Manifest.StartsWith(dataset.BronzePrefix + "/", StringComparison.Ordinal));
            var result = await WithRetriesAsync(() => silver.TransformAsync(dataset.Name, run.Manifest, cancellationToken), dataset.Name).ConfigureAwait(false);
            _reconciliation.Add(new Reconciliation(pipeline.Course, dataset.Name, data[dataset.Name].RowCount + run.Injected, run.Rows, result.In, result.Out, result.Duplicates, result.Quarantined, dataset.Explode is not null)
            {
                Origin = dataset.BronzePrefix.Split('/')[0],
            });
            GoldRunner.LoadCurrentSilver(tables, dataset, await functions.SilverFolderAsync(dataset.Name, cancellationToken).ConfigureAwait(false));
        }
        _dataset = null;
        var broken = _reconciliation.Where(r => r.Course == pipeline.Course && !r.Reconciles).ToList();
        if (broken.Count > 0)
        {
            _dataset = broken[0].Dataset;
            throw new InvalidOperationException($"counts do not reconcile for {string.Join(", ", broken.Select(b => b.Dataset))}: {string.Join("; ", broken)}");
        }
        var mine = _reconciliation.Where(r => r.Course == pipeline.Course).ToList();
        var retried = _retries.Count == 0 ? "" : $"; retried {string.Join(", ", _retries)}";
        return $"{mine.Count} datasets: {mine.Sum(r => r.SilverOut)} rows, {mine.Sum(r => r.Duplicates)} duplicates dropped, {mine.Sum(r => r.Quarantined)} quarantined{retried}";
    }

    /// <summary>As the state machine's Retry: a failed invocation is tried twice more before the step fails.</summary>
    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> invoke, string what)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await invoke().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < 3 && e is not OperationCanceledException)
            {
                _retries.Add($"{what} after \"{e.Message}\"");
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt)).ConfigureAwait(false);
            }
        }
    }

    private static string Gate(QualityGateStep step, DuckDbTables tables)
    {
        var results = QualityGate.Require(tables, step.Datasets, name => $"silver.{QualitySql.Id(name)}");
        return $"{results.Count} rules hold on {step.Datasets.Count} datasets";
    }

    private string Build(GoldModel model, DuckDbTables tables)
    {
        var rows = GoldRunner.Build(tables, model);
        _gold.Add(new GoldTable(pipeline.Course, model.Name, rows, model.IsView));
        if (model.IsView)
        {
            _views.Add(Sample(tables, model.Name));
        }
        return $"{model.Name}: {rows} rows";
    }

    private ViewSample Sample(DuckDbTables tables, string view)
    {
        using var command = tables.Connection.CreateCommand();
        command.CommandText = $"SELECT * FROM gold.{QualitySql.Id(view)} ORDER BY ALL LIMIT 5";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
        }
        return new ViewSample(pipeline.Course, view, columns, rows);
    }
}
