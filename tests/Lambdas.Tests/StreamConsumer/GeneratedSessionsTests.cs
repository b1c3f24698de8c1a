using System.Text.Json;
using Lambdas.Tests.Support;
using Pipelines.Generator;
using Pipelines.Generator.Output;
using StreamConsumer;

namespace Lambdas.Tests.StreamConsumer;

/// <summary>The course's generated web sessions through the consumer: every record accounted for, and the spoiled ones caught.</summary>
public sealed class GeneratedSessionsTests
{
    [Fact]
    public async Task Sessions_the_generator_spoils_are_quarantined_and_the_rest_written_each_once()
    {
        var sessions = new CourseData(new GeneratorSettings(Scale: 0.5, BadRowRate: 0.05))["web_sessions"];
        var rows = sessions.Rows().ToList();
        var store = new MemoryObjectStore();
        var handler = new StreamConsumerHandler(store, new StreamConsumerOptions { Bucket = "bronze" });

        var outcome = await handler.HandleAsync(KinesisBatch.Of([.. rows.Select(row => System.Text.Encoding.UTF8.GetString(NdjsonWriter.Line(sessions.Schema, row)))]), CancellationToken.None);

        var rejected = sessions.BadRows().Where(bad => bad.Kind is BadRowKind.MissingRequired or BadRowKind.OutOfRange).Select(bad => bad.Key).ToHashSet();
        Assert.True(outcome.Reconciles);
        Assert.Equal(rows.Count, outcome.Received);
        Assert.Equal(rejected.Count, outcome.Quarantined);
        Assert.Equal(rows.Count - rejected.Count, outcome.Written);
        var written = store.AllLines("bronze/sessions/").Select(line => JsonDocument.Parse(line).RootElement.GetProperty("session_id").GetString()!).ToList();
        Assert.Equal(rows.Select(row => (string)row[0]!).Where(id => !rejected.Contains(id)).Order(), written.Order());
    }
}
