using Pipelines.Declarations.Sources;
using DbExtract;
using Lambda.Storage;
using Pipelines.Generator;
using Pipelines.Declarations.Orchestration;
using Pipelines.Generator.Output;
using Pipelines.LocalServers;
using Pipelines.SourceApi;
using RestIngestion;

namespace Pipelines.Local;

/// <summary>Where an extract step's data comes from locally.</summary>
public interface IExtractSource : IAsyncDisposable
{
    Task<IReadOnlyList<LandedRun>> ExtractAsync(ExtractStep step, CancellationToken cancellationToken);
}

/// <summary>No server: the generator's rows land in bronze in the functions' layout.</summary>
/// <param name="poisoned">The dataset that gets a poison record (an injected fault), if any.</param>
public sealed class GeneratedSource(CourseData data, LocalFunctions functions, TimeProvider clock, string? poisoned = null) : IExtractSource
{
    public async Task<IReadOnlyList<LandedRun>> ExtractAsync(ExtractStep step, CancellationToken cancellationToken)
    {
        var runs = new List<LandedRun>();
        foreach (var name in step.Datasets)
        {
            runs.Add(await GeneratedLanding.LandAsync(functions.Store, LocalFunctions.BronzeBucket, step, data[name], clock.GetUtcNow(), name == poisoned, cancellationToken).ConfigureAwait(false));
        }
        return runs;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// Real servers on 127.0.0.1: the relational source (MariaDB for the classicmodels courses, PostgreSQL for
/// course 2) loaded by the generator's script, and the project's paged API server; the extract and REST
/// functions' own handlers read them, each invoked until its run is complete, as the state machine does.
/// </summary>
public sealed class ServerSource : IExtractSource
{
    private readonly CourseData _data;
    private readonly LocalFunctions _functions;
    private readonly string _engine;
    private readonly string _folder;
    private IDisposable? _database;
    private IReadOnlyDictionary<string, string>? _dbVariables;
    private SourceApiServer? _api;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private readonly bool _apiFaults;

    /// <param name="apiFaults">Make the API answer 429 and then 500 first (injected faults the function must retry through).</param>
    public ServerSource(CourseData data, LocalFunctions functions, string engine, string folder, bool apiFaults = false)
    {
        _apiFaults = apiFaults;
        _data = data;
        _functions = functions;
        _engine = engine;
        _folder = folder;
    }

    public async Task<IReadOnlyList<LandedRun>> ExtractAsync(ExtractStep step, CancellationToken cancellationToken) =>
        step.Source == ExtractSource.Database ? await FromDatabaseAsync(step, cancellationToken).ConfigureAwait(false) : await FromApiAsync(step, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<LandedRun>> FromDatabaseAsync(ExtractStep step, CancellationToken cancellationToken)
    {
        var variables = DatabaseVariables();
        var handler = DbExtractFunction.Create(name => variables.GetValueOrDefault(name), TimeProvider.System);
        return await UntilCompleteAsync(step.Datasets, async (table, token) =>
        {
            var run = (await handler.HandleAsync(new DbExtractRequest { Tables = [table] }, DateTimeOffset.UtcNow.AddMinutes(15), token).ConfigureAwait(false)).Runs.Single();
            return (run.Complete, run.Manifest, run.RunRows, "");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the relational source (once a database step started it), for course 3's row-versus-columnar comparison.</summary>
    public Func<System.Data.Common.DbConnection>? OpenSource { get; private set; }

    private IReadOnlyDictionary<string, string> StartDatabase()
    {
        var scripts = Directory.CreateDirectory(Path.Combine(_folder, "source")).FullName;
        DatasetFiles.Write(_data, scripts, _engine == "mysql" ? DataFormats.MySql : DataFormats.PostgreSql);
        const string database = "course_source";
        var tables = SourceDatasets.Extracts.Select(table => table.Setting);
        if (_engine == "mysql")
        {
            var server = LocalMariaDb.Start();
            _database = server;
            server.CreateDatabase(database);
            server.RunScript(database, Path.Combine(scripts, "sql", "mysql.sql"));
            OpenSource = () =>
            {
                var connection = new MySqlConnector.MySqlConnection(server.ConnectionString(database));
                connection.Open();
                return connection;
            };
            return _functions.DbExtractVariables("mysql", server.Port, database, LocalMariaDb.User, server.Password, tables);
        }
        var postgres = LocalPostgres.Start();
        _database = postgres;
        postgres.CreateDatabase(database);
        postgres.RunScript(database, Path.Combine(scripts, "sql", "postgresql.sql"));
        return _functions.DbExtractVariables("postgresql", postgres.Port, database, LocalPostgres.User, postgres.Password, tables);
    }

    /// <summary>The extract function's environment against the started source database (started now if it was not).</summary>
    public IReadOnlyDictionary<string, string> DatabaseVariables() => _dbVariables ??= StartDatabase();

    /// <summary>The REST function's environment against the started API server (started now if it was not).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ApiVariablesAsync(CancellationToken cancellationToken)
    {
        if (_api is null)
        {
            _api = await SourceApiServer.StartAsync(new SourceApiOptions(_data), cancellationToken).ConfigureAwait(false);
            if (_apiFaults)
            {
                _api.Faults.Enqueue(Fault.RateLimited(retryAfterSeconds: 1), Fault.ServerError);
            }
        }
        return _functions.RestIngestionVariables(_api.BaseAddress, _api.TokenUri, _api.ClientId, _api.ClientSecret, SourceDatasets.Api.Select(resource => resource.Setting));
    }

    private async Task<IReadOnlyList<LandedRun>> FromApiAsync(ExtractStep step, CancellationToken cancellationToken)
    {
        var variables = await ApiVariablesAsync(cancellationToken).ConfigureAwait(false);
        var handler = RestIngestionFunction.Create(name => variables.GetValueOrDefault(name), _http, TimeProvider.System);
        return await UntilCompleteAsync(step.Datasets, async (resource, token) =>
        {
            var run = (await handler.HandleAsync(new RestIngestionRequest { Resources = [resource] }, DateTimeOffset.UtcNow.AddMinutes(15), token).ConfigureAwait(false)).Runs.Single();
            return (run.Complete, run.Manifest, run.RunRecords, run.StoppedBecause ?? "");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Invokes a function once per dataset until its run is complete, as the state machine does (a run stopped for time resumes).</summary>
    private static async Task<IReadOnlyList<LandedRun>> UntilCompleteAsync(IEnumerable<string> datasets,
        Func<string, CancellationToken, Task<(bool Complete, string? Manifest, long Rows, string Why)>> invoke, CancellationToken cancellationToken)
    {
        var runs = new List<LandedRun>();
        foreach (var dataset in datasets)
        {
            for (var attempt = 1; ; attempt++)
            {
                var (complete, manifest, rows, why) = await invoke(dataset, cancellationToken).ConfigureAwait(false);
                if (complete)
                {
                    runs.Add(new LandedRun(dataset, manifest!, rows));
                    break;
                }
                if (attempt >= ExtractStep.MaxContinuations)
                {
                    throw new InvalidOperationException($"{dataset} did not complete in {ExtractStep.MaxContinuations} invocations: {why}");
                }
            }
        }
        return runs;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _database?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync().ConfigureAwait(false);
        }
    }
}
