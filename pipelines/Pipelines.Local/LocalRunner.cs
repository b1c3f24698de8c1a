using Pipelines.Generator;
using Pipelines.Declarations.Orchestration;
using Pipelines.LocalServers;

namespace Pipelines.Local;

/// <summary>
/// <c>dataplatform local run</c>: every course of the stack, each in its own folder under the stack's
/// (<c>{state root}/{stack}/{course}</c>), started clean so a re-run gives the same gold tables; two stacks
/// never share a folder. The data is generated from the seed; with servers the relational source and the
/// API are real and read by the functions' handlers.
/// </summary>
public static class LocalRunner
{
    public static IReadOnlyList<string> Courses(string stack) =>
        stack == "dev" ? CoursePipelines.Courses
        : CoursePipelines.Courses.Contains(stack) ? [stack]
        : throw new ArgumentException($"no local pipeline for '{stack}': use course1 … course4, or dev for all of them");

    public static async Task<RunReport> RunAsync(LocalRunOptions options, IRunProgress progress, CancellationToken cancellationToken)
    {
        var courses = Courses(options.Stack);
        var data = new CourseData(new GeneratorSettings(Seed: options.Seed, Scale: options.Scale, BadRowRate: options.BadRowRate));
        using var held = await StateFolderLock.AcquireAsync(options.StackFolder, progress.Note, cancellationToken).ConfigureAwait(false);
        Empty(options.StackFolder);
        using var s3 = options.WithServers ? LocalS3.Start(NpmFolder(options), [.. LocalFunctions.Buckets]) : null;
        var reports = new List<RunReport>();
        foreach (var course in courses)
        {
            var folder = Path.Combine(options.StackFolder, course);
            var functions = new LocalFunctions(folder, s3?.Endpoint);
            var pipeline = CoursePipelines.For(course);
            await using var source = options.WithServers
                ? new ServerSource(data, functions, course == "course2" ? "postgresql" : "mysql", folder, apiFaults: options.InjectFaults)
                : (IExtractSource)new GeneratedSource(data, functions, TimeProvider.System, options.InjectFaults ? PoisonTarget(pipeline) : null);
            await using var silver = options.Host == FunctionHost.Emulator
                ? await EmulatedSilverHost.StartAsync(functions, options.ProjectRoot ?? throw new ArgumentException("the emulator host needs the project root"), folder).ConfigureAwait(false)
                : (ISilverHost)new InProcessSilverHost(functions, options.InjectFaults ? new FlakyStore(functions.Store) : null);
            foreach (var note in Notes(options, course, pipeline))
            {
                progress.Note(note);
            }
            var run = new CourseRun(pipeline, data, functions, source, silver, progress);
            RunReport report;
            try
            {
                report = await run.RunAsync(options.Stack, folder, cancellationToken).ConfigureAwait(false);
            }
            catch (LocalRunFailedException e)
            {
                // The courses before this one finished: the report holds them as well as this one's steps so far.
                throw new LocalRunFailedException(Merge(options, [.. reports, e.Report]) with { Failure = e.Report.Failure }, e.InnerException ?? e);
            }
            if (course == "course3" && source is ServerSource { OpenSource: { } open })
            {
                report = report with { Storage = RowVsColumnar.Compare(pipeline.Gold, open, functions.SilverRoot) };
            }
            if (course == "course2" && options.WithServers)
            {
                report = report with { Streams = [await LocalStream.RunAsync(data, functions, NpmFolder(options), cancellationToken).ConfigureAwait(false)] };
            }
            reports.Add(report);
        }
        return Merge(options, reports);
    }

    private static RunReport Merge(LocalRunOptions options, IReadOnlyList<RunReport> reports) =>
        new(options.Stack, [.. reports.SelectMany(r => r.Steps)], [.. reports.SelectMany(r => r.Reconciliation)],
            [.. reports.SelectMany(r => r.Gold)], [.. reports.SelectMany(r => r.Views)], options.StackFolder) { Storage = [.. reports.SelectMany(r => r.Storage)], Streams = [.. reports.SelectMany(r => r.Streams)] };

    /// <summary>What the options make this course's run do that its steps do not show: where silver runs, which faults are injected.</summary>
    private static IEnumerable<string> Notes(LocalRunOptions options, string course, CoursePipeline pipeline)
    {
        if (options.Host == FunctionHost.Emulator)
        {
            yield return $"{course}: silver runs in its published Native AOT bootstrap, invoked through the Lambda Runtime API emulator";
        }
        if (!options.InjectFaults)
        {
            yield break;
        }
        List<string> faults = [options.WithServers ? "the API answers 429 and 500 before it serves pages (the function retries)" : $"a poison record in {PoisonTarget(pipeline)}'s bronze (quarantined with its reason)"];
        if (options.Host == FunctionHost.InProcess)
        {
            faults.Add("the store times out on silver's first write (the step is retried)");
        }
        yield return $"{course}: faults injected: {string.Join("; ", faults)}";
    }

    /// <summary>
    /// The dataset a poison record goes to: one no other dataset references (and not exploded), so quarantining a
    /// record there cannot orphan anything and the run must still pass its gate.
    /// </summary>
    public static string PoisonTarget(CoursePipeline pipeline)
    {
        var referenced = pipeline.Silver.SelectMany(d => d.Rules.OfType<Pipelines.Declarations.Lakehouse.References>()).Select(r => r.Dataset).ToHashSet();
        return pipeline.Silver.Last(d => !referenced.Contains(d.Name) && d.Explode is null).Name;
    }

    /// <summary>Where npm installed the servers that are not OS packages (s3rver, kinesalite).</summary>
    private static string NpmFolder(LocalRunOptions options) =>
        Path.Combine(options.ProjectRoot ?? throw new ArgumentException("servers need the project root: s3rver and kinesalite are installed under tests/servers"), "tests", "servers");

    /// <summary>Removes the stack's local state, nothing outside its folder; waits for a run using it to finish.</summary>
    public static bool Clean(LocalRunOptions options, Action<string>? waiting = null)
    {
        using var held = StateFolderLock.AcquireAsync(options.StackFolder, waiting ?? (_ => { }), CancellationToken.None).GetAwaiter().GetResult();
        return Empty(options.StackFolder);
    }

    private static bool Empty(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return false;
        }
        Directory.Delete(folder, recursive: true);
        return true;
    }
}
