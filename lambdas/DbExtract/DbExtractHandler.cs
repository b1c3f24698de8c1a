using Pipelines.Declarations.Functions;
using System.Buffers;
using System.Data.Common;
using Lambda.Storage;

namespace DbExtract;

/// <summary>
/// Extracts each configured table to bronze as gzip NDJSON parts of a fixed number of rows, streamed so
/// memory holds one part whatever the table's size. A run's bounds are fixed when it starts and its key
/// position is checkpointed after every part, so a crash or a deadline resumes exactly where it stopped;
/// at the end the manifest is written and then the watermark committed. Schema drift is checked first.
/// A row with a value that cannot be written as it is goes, with its key, column and reason, to a quarantine object
/// beside its part (same part number, so a resumed run rewrites it): rows read = rows written + rows quarantined.
/// </summary>
public sealed class DbExtractHandler(IObjectStore store, Func<CancellationToken, Task<DbConnection>> connect, SourceEngine engine, DbExtractOptions options, TimeProvider clock)
{
    /// <summary>Encoded rows go to the compressor in blocks of about this size, not one call per row.</summary>
    private const int BlockBytes = 64 * 1024;

    public async Task<DbExtractResponse> HandleAsync(DbExtractRequest request, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var tables = request.Tables is { Count: > 0 } names
            ? [.. names.Select(name => options.Tables.FirstOrDefault(table => table.Name == name)
                ?? throw new ArgumentException($"table '{name}' is not configured: configured are {string.Join(", ", options.Tables.Select(t => t.Name))}"))]
            : options.Tables;
        await using var connection = await connect(cancellationToken).ConfigureAwait(false);
        var runs = new List<TableRun>();
        foreach (var table in tables)
        {
            runs.Add(await ExtractAsync(connection, table, deadline - options.SafetyMargin, cancellationToken).ConfigureAwait(false));
        }
        return new DbExtractResponse(runs.All(run => run.Complete), runs);
    }

    private async Task<TableRun> ExtractAsync(DbConnection connection, TableSetting table, DateTimeOffset stopBy, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(table.Name, cancellationToken).ConfigureAwait(false);
        var (columns, key) = await SourceCatalog.DescribeAsync(connection, engine, table.Name, cancellationToken).ConfigureAwait(false);
        var added = SchemaDrift.Check(table.Name, state.Columns, columns);
        if (table.WatermarkColumn is { } watermarkColumn && columns.All(column => column.Name != watermarkColumn))
        {
            throw new SchemaChangedException($"table {table.Name}: watermark column '{watermarkColumn}' does not exist");
        }
        if (state.Run is null)
        {
            var now = clock.GetUtcNow();
            state.Run = new ExtractRun
            {
                Id = RunNames.Id(now, state.CompletedRuns),
                IngestDate = RunNames.IngestDate(now),
                Since = table.Mode == ExtractMode.Full ? null : state.Watermark,
                Until = table.Mode == ExtractMode.Full ? null : await NewestAsync(connection, table, cancellationToken).ConfigureAwait(false),
                AddedColumns = [.. added],
            };
            await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        }
        var run = state.Run;
        var (written, stopped) = run.Done ? (0, false) : await StreamPartsAsync(connection, state, table, columns, key, stopBy, cancellationToken).ConfigureAwait(false);
        if (stopped)
        {
            return new TableRun(table.Name, run.Id, written, run.Rows, false, run.AddedColumns);
        }
        var manifest = new ExtractManifest(table.Name, run.Id, table.Mode.ToString().ToLowerInvariant(), run.Since, run.Until, run.Rows, columns, run.AddedColumns, run.Parts, run.Quarantined);
        var manifestKey = $"{RunFolder(table, run)}/_manifest.json";
        await JsonObjects.PutAsync(store, options.Bucket, manifestKey, manifest, DbExtractJson.Default.ExtractManifest, cancellationToken).ConfigureAwait(false);
        state.Columns = columns;
        state.Watermark = run.Until ?? state.Watermark;
        state.Run = null;
        state.CompletedRuns++;
        await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        return new TableRun(table.Name, run.Id, written, run.Rows, true, run.AddedColumns, manifestKey, run.Quarantined);
    }

    /// <summary>Streams the run's rows into parts; stops after a part when the time is nearly up.</summary>
    private async Task<(int Written, bool Stopped)> StreamPartsAsync(DbConnection connection, ExtractState state, TableSetting table,
        List<SourceColumn> columns, List<string> key, DateTimeOffset stopBy, CancellationToken cancellationToken)
    {
        var run = state.Run!;
        var (sql, parameters, order) = ExtractQuery.Build(engine, table, columns, key, run);
        var orderIndexes = order.Select((_, i) => columns.Count + i).ToArray();
        var written = 0;
        if (engine.SessionSettings is { } settings)
        {
            await using var set = SourceCatalog.Command(connection, settings);
            await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var command = SourceCatalog.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var encoder = new RowEncoder(columns, reader, engine);
        // The key columns are among the ordering columns, selected again after the table's own at their typed values.
        var keyIndexes = key.Select(name => columns.Count + order.ToList().IndexOf(name)).ToArray();
        var block = new ArrayBufferWriter<byte>(BlockBytes * 2);
        var inBlock = 0;
        var part = new GzipNdjson();
        var quarantine = new RowQuarantine(key);
        try
        {
            // Read, not ReadAsync: rows arrive buffered, and an await per row costs more than the
            // rare wait for the network blocks the one invocation this process serves.
            while (reader.Read())
            {
                var before = block.WrittenCount;
                try
                {
                    encoder.Write(reader, block);
                    inBlock++;
                }
                catch (UnencodableValueException e)
                {
                    // Rare: the part of the row written before its bad value is cut off the block again.
                    var kept = block.WrittenSpan[..before].ToArray();
                    block.ResetWrittenCount();
                    block.Write(kept);
                    quarantine.Add(reader, keyIndexes, e);
                }
                var partFull = part.Lines + inBlock + quarantine.Count == options.ChunkRows;
                if (block.WrittenCount >= BlockBytes || partFull)
                {
                    part.AppendLines(block.WrittenSpan, inBlock);
                    block.ResetWrittenCount();
                    inBlock = 0;
                }
                if (!partFull)
                {
                    continue;
                }
                var resume = orderIndexes.Select(index => TypedValue.Of(reader.GetValue(index))).ToList();
                await WritePartAsync(state, table, part, quarantine, resume, cancellationToken).ConfigureAwait(false);
                written++;
                part.Dispose();
                part = new GzipNdjson();
                quarantine = new RowQuarantine(key);
                if (clock.GetUtcNow() > stopBy)
                {
                    command.Cancel();
                    return (written, true);
                }
            }
            part.AppendLines(block.WrittenSpan, inBlock);
            if (part.Lines > 0 || quarantine.Count > 0)
            {
                await WritePartAsync(state, table, part, quarantine, null, cancellationToken).ConfigureAwait(false);
                written++;
            }
            return (written, false);
        }
        finally
        {
            part.Dispose();
        }
    }

    private async Task WritePartAsync(ExtractState state, TableSetting table, GzipNdjson part, RowQuarantine quarantine, List<TypedValue>? resumeAfter, CancellationToken cancellationToken)
    {
        var run = state.Run!;
        var name = $"part-{run.Part + 1:D5}";
        var key = $"{RunFolder(table, run)}/{name}.ndjson.gz";
        await store.PutAsync(options.Bucket, key, part.ToArray(), "application/x-ndjson", cancellationToken).ConfigureAwait(false);
        string? quarantineKey = null;
        if (quarantine.Count > 0)
        {
            quarantineKey = $"{options.QuarantinePrefix}/{table.Name}/ingest_date={run.IngestDate}/run={run.Id}/{name}.ndjson";
            await store.PutAsync(options.Bucket, quarantineKey, quarantine.ToArray(), "application/x-ndjson", cancellationToken).ConfigureAwait(false);
        }
        run.Part++;
        run.Rows += part.Lines;
        run.Quarantined += quarantine.Count;
        run.Parts.Add(new PartEntry(key, part.Lines, quarantine.Count, quarantineKey));
        // Without a position the part is the run's last: every row is written.
        run.ResumeAfter = resumeAfter ?? run.ResumeAfter;
        run.Done = resumeAfter is null;
        await SaveAsync(state, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TypedValue?> NewestAsync(DbConnection connection, TableSetting table, CancellationToken cancellationToken)
    {
        await using var command = SourceCatalog.Command(connection, $"SELECT MAX({engine.Identifier(table.WatermarkColumn!)}) FROM {engine.Identifier(table.Name)}");
        var newest = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return newest is null or DBNull ? null : TypedValue.Of(newest);
    }

    private string RunFolder(TableSetting table, ExtractRun run) => $"{options.OutputPrefix}/{table.Name}/ingest_date={run.IngestDate}/run={run.Id}";

    private string StateKey(string table) => $"{options.StatePrefix}/{table}.json";

    private async Task<ExtractState> LoadAsync(string table, CancellationToken cancellationToken) =>
        await JsonObjects.GetAsync(store, options.Bucket, StateKey(table), DbExtractJson.Default.ExtractState, cancellationToken).ConfigureAwait(false)
        ?? new ExtractState { Table = table };

    private Task SaveAsync(ExtractState state, CancellationToken cancellationToken) =>
        JsonObjects.PutAsync(store, options.Bucket, StateKey(state.Table), state, DbExtractJson.Default.ExtractState, cancellationToken);
}
