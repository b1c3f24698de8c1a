using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.Declarations.Sql;
using Pipelines.DuckDb;

namespace Pipelines.Tests.Quality;

/// <summary>The rules as Glue Data Quality rulesets, freshness judged at a moment, and row counts reconciled.</summary>
public sealed class RulesBeyondSqlTests
{
    private static readonly IReadOnlyList<SilverDataset> Catalog = SilverDatasets.All;

    [Fact]
    public void Rulesets_say_each_rule_dqdl_can_express_and_list_the_rest()
    {
        var (orders, skippedOrders) = Dqdl.Ruleset(Catalog.Single(d => d.Name == "orders"));
        var (ratings, _) = Dqdl.Ruleset(Catalog.Single(d => d.Name == "ratings"));
        var (details, skippedDetails) = Dqdl.Ruleset(Catalog.Single(d => d.Name == "orderdetails"));

        Assert.StartsWith("Rules = [", orders);
        Assert.Contains("IsComplete \"order_date\"", orders);
        Assert.Contains("IsUnique \"order_number\"", orders);
        Assert.Contains("ColumnValues \"status\" in [ \"Shipped\", \"Resolved\", \"Cancelled\", \"On Hold\", \"Disputed\", \"In Process\", NULL ]", orders);
        Assert.Contains("ReferentialIntegrity \"customer_number\" \"customers.{customer_number}\" = 1.0", orders);
        Assert.Empty(skippedOrders);
        Assert.Contains("IsPrimaryKey \"customer_number\" \"product_code\"", ratings);
        Assert.Contains("((ColumnValues \"rating\" >= 1) and (ColumnValues \"rating\" <= 5)) or (ColumnValues \"rating\" = NULL)", ratings);
        Assert.Contains("(ColumnValues \"quantity_ordered\" >= 1) or (ColumnValues \"quantity_ordered\" = NULL)", details);
        Assert.Equal([new References("product_code", "products", "product_code")], skippedDetails);
        Assert.DoesNotContain("product_code\" \"products", details);
    }

    [Fact]
    public void Freshness_is_judged_at_the_moment_given_in_sql_and_dqdl()
    {
        var events = new SilverDataset
        {
            Source = new CourseData(new GeneratorSettings()).Events[0].Schema,
            BronzePrefix = "sessions",
            ExtraRules = [new Freshness("event_time", 24)],
        };
        using var tables = new DuckDbTables();
        tables.Execute("CREATE TABLE web_sessions AS SELECT TIMESTAMP '2025-01-06 12:00:00' AS event_time");
        var rule = events.Rules.OfType<Freshness>().Single();

        Assert.Equal(0, tables.Count(TrinoToDuckDb.Translate(QualitySql.CountViolations(rule, "web_sessions", QualitySql.Id, new DateTime(2025, 1, 7, 11, 0, 0)))));
        Assert.Equal(1, tables.Count(TrinoToDuckDb.Translate(QualitySql.CountViolations(rule, "web_sessions", QualitySql.Id, new DateTime(2025, 1, 7, 13, 0, 0)))));
        // Without a moment (the state machine's gate on Athena) it is judged when the query runs.
        Assert.Equal(1, tables.Count(TrinoToDuckDb.Translate(QualitySql.CountViolations(rule, "web_sessions", QualitySql.Id))));
        tables.Execute("INSERT INTO web_sessions SELECT CAST(current_timestamp AS TIMESTAMP) - INTERVAL '1' HOUR");
        Assert.Equal(0, tables.Count(TrinoToDuckDb.Translate(QualitySql.CountViolations(rule, "web_sessions", QualitySql.Id))));
        Assert.Contains("DataFreshness \"event_time\" <= 24 hours", Dqdl.Ruleset(events).Ruleset);
    }

    [Fact]
    public void A_run_reconciles_with_its_source_count_and_a_lost_row_is_named()
    {
        var data = new CourseData(new GeneratorSettings(Scale: 0.2, BadRowRate: 0.05));
        var folder = Directory.CreateTempSubdirectory("reconcile-").FullName;
        try
        {
            DatasetFiles.Write(data, folder, DataFormats.Ndjson);
            var ratings = SilverDatasets.All.Single(d => d.Name == "ratings");
            var counts = Pipelines.DuckDb.SilverTransform.Run(ratings, [Path.Combine(folder, "ndjson", "ratings.ndjson")], Path.Combine(folder, "silver"), Path.Combine(folder, "quarantine"));

            Assert.True(QualityGate.Reconcile("ratings", data["ratings"].RowCount, counts).Passed);
            var lost = QualityGate.Reconcile("ratings", data["ratings"].RowCount + 1, counts);
            Assert.Equal(1, lost.Violations);
            Assert.Contains($"ratings: reconciles(source {data["ratings"].RowCount + 1} rows) — 1 row(s)", lost.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
