using Pipelines.Generator;
using Pipelines.DuckDb;
using Pipelines.Local;

namespace Pipelines.Tests.Local;

/// <summary>Each course's pipeline end to end on this machine: reconciliation, known results, the gate, re-runs.</summary>
public sealed class LocalRunTests : IDisposable
{
    private const double Scale = 0.3;
    private readonly string _state = Directory.CreateTempSubdirectory("local-runs-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);


    private Task<RunReport> RunAsync(string stack, StepRecorder? progress = null, double badRowRate = 0) =>
        LocalRunner.RunAsync(new LocalRunOptions(stack, _state) { Scale = Scale, BadRowRate = badRowRate }, progress ?? new StepRecorder(), CancellationToken.None);

    private static CourseData Data => new(new GeneratorSettings(Scale: Scale, BadRowRate: 0));

    [Fact]
    public async Task A_second_run_of_the_same_stack_waits_for_the_first_saying_which_run_holds_the_folder()
    {
        var progress = new StepRecorder();
        Task<RunReport> second;
        using (await StateFolderLock.AcquireAsync(Path.Combine(_state, "course1"), _ => { }, CancellationToken.None))
        {
            second = RunAsync("course1", progress);
            var told = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (progress.Notes.IsEmpty && DateTime.UtcNow < told)
            {
                await Task.Delay(50);
            }
            await Task.Delay(300);

            Assert.Contains($"in use by another run (process {Environment.ProcessId}, since", Assert.Single(progress.Notes));
            Assert.Empty(progress.Steps);
            Assert.False(second.IsCompleted);
        }

        var report = await second;
        Assert.All(report.Reconciliation, line => Assert.True(line.Reconciles, line.ToString()));
    }

    [Theory]
    [InlineData("course1")]
    [InlineData("course2")]
    [InlineData("course3")]
    [InlineData("course4")]
    public async Task Each_course_runs_its_declared_steps_in_order_and_every_count_reconciles(string course)
    {
        var progress = new StepRecorder();

        var report = await RunAsync(course, progress);

        var declared = Pipelines.Declarations.Orchestration.CoursePipelines.For(course).Steps.Select(step => $"{course}/{step.Name}");
        Assert.Equal(declared, progress.Steps);
        Assert.NotEmpty(report.Reconciliation);
        Assert.All(report.Reconciliation, line => Assert.True(line.Reconciles, line.ToString()));
        Assert.All(report.Reconciliation, line => Assert.Equal(Data[line.Dataset].RowCount, line.SourceRows));
        Assert.True(Directory.Exists(Path.Combine(_state, course, course, "store", "silver")));
    }

    [Fact]
    public async Task Course1_facts_hold_every_order_line_and_course3_reports_every_month_of_the_source()
    {
        var course1 = await RunAsync("course1");
        var course3 = await RunAsync("course3");

        Assert.Equal(Data["orderdetails"].RowCount, course1.Gold.Single(t => t.Model == "fact_orders").Rows);
        Assert.Equal(Data["customers"].RowCount, course1.Gold.Single(t => t.Model == "dim_customers").Rows);
        var months = Data["orders"].Rows().Select(row => (DateOnly)row[1]!).Select(date => (date.Year, date.Month)).Distinct().Count();
        Assert.Equal(months, course3.Gold.Single(t => t.Model == "sales_report").Rows);
        Assert.Equal(Data["ratings"].Rows().Select(row => (string)row[2]!).Distinct().Count(), course3.Gold.Single(t => t.Model == "ratings_per_product").Rows);
    }

    [Fact]
    public async Task Course4_builds_its_views_last_and_shows_rows_of_each()
    {
        var report = await RunAsync("course4");

        var views = report.Gold.Where(t => t.IsView).Select(t => t.Model).ToList();
        Assert.Equal(["annual_sales_per_office", "avg_sales_per_product_line", "sales_per_artist", "sales_per_country"], views.Order());
        Assert.All(report.Views, view => Assert.NotEmpty(view.Rows));
        Assert.Equal(report.Gold.Count(t => t.IsView) + 1, report.Gold.SkipWhile(t => !t.IsView && t.Model != "sales_per_country_materialized").Count());
    }

    [Fact]
    public async Task A_rerun_gives_the_same_gold_tables()
    {
        var first = await RunAsync("course4");
        var second = await RunAsync("course4");

        Assert.Equal(first.Gold, second.Gold);
        Assert.Equal(first.Views, second.Views, (a, b) => a.View == b.View && a.Rows.SelectMany(r => r).SequenceEqual(b.Rows.SelectMany(r => r)));
    }

    [Fact]
    public async Task Bad_rows_are_quarantined_and_an_orphaned_reference_stops_the_run_naming_rule_dataset_and_count()
    {
        var stopped = await Assert.ThrowsAsync<LocalRunFailedException>(() => RunAsync("course3", badRowRate: 0.02));

        var error = Assert.IsType<QualityGateException>(stopped.InnerException);
        Assert.Contains("references(", error.Message);
        Assert.Matches(@"\w+: references\([a-z_]+ -> [a-z_]+\.[a-z_]+\) — \d+ row\(s\)", error.Message);
        Assert.Contains(error.Failures, failure => failure.Violations > 0);
        var failure = stopped.Report.Failure!;
        Assert.Equal(("course3", error.Failures.First(f => f.Violations > 0).Dataset), (failure.Course, failure.Dataset));
        Assert.Contains("gate", failure.Step, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(stopped.Report.Steps);
        Assert.NotEmpty(stopped.Report.Reconciliation);
        Assert.DoesNotContain(stopped.Report.Steps, step => step.Step == failure.Step);
    }

    [Fact]
    public async Task Two_stacks_run_in_their_own_folders_and_clean_removes_only_its_own()
    {
        await RunAsync("course1");
        await RunAsync("course3");

        Assert.True(LocalRunner.Clean(new LocalRunOptions("course1", _state)));
        Assert.False(Directory.Exists(Path.Combine(_state, "course1")));
        Assert.True(Directory.Exists(Path.Combine(_state, "course3")));
        Assert.Throws<ArgumentException>(() => LocalRunner.Courses("course9"));
    }

    [Fact]
    public async Task Injected_faults_are_retried_or_quarantined_with_their_reason_and_nothing_is_lost()
    {
        var progress = new StepRecorder();
        var report = await LocalRunner.RunAsync(new LocalRunOptions("course3", _state) { Scale = Scale, InjectFaults = true }, progress, CancellationToken.None);

        Assert.All(report.Reconciliation, line => Assert.True(line.Reconciles, line.ToString()));
        var poisoned = Assert.Single(report.Reconciliation, line => line.Quarantined > 0);
        Assert.Equal($"course3: faults injected: a poison record in {poisoned.Dataset}'s bronze (quarantined with its reason); the store times out on silver's first write (the step is retried)",
            Assert.Single(progress.Notes));
        Assert.Equal(1, poisoned.Quarantined);
        Assert.Equal(Data[poisoned.Dataset].RowCount + 1, poisoned.SourceRows);
        Assert.Contains("retried", report.Steps.Single(s => s.Step == "SilverTransform").Detail);
        var quarantine = Directory.GetFiles(Path.Combine(_state, "course3", "course3", "store", "bronze", "quarantine"), "rejected.ndjson", SearchOption.AllDirectories);
        var line = Assert.Single(File.ReadAllLines(Assert.Single(quarantine)));
        Assert.Contains("not_json(", line);
        Assert.Equal((await RunAsync("course3")).Gold, report.Gold);
    }
}
