using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.DuckDb;

namespace Pipelines.Tests.Quality;

/// <summary>The declared rules, run as SQL on DuckDB over generated data: each fires on exactly the rows the generator spoiled.</summary>
public sealed class QualityGateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quality-").FullName;

    private (DuckDbTables Tables, IReadOnlyList<SilverDataset> Datasets, CourseData Data) Load(double badRowRate)
    {
        var data = new CourseData(new GeneratorSettings(Scale: 0.5, BadRowRate: badRowRate));
        var folder = Path.Combine(_folder, badRowRate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        DatasetFiles.Write(data, folder, DataFormats.Ndjson);
        var tables = new DuckDbTables();
        // Bronze-shaped tables: the exploded dataset's rules are checked on its silver rows (SilverTransformTests).
        var datasets = SilverDatasets.All.Where(d => d.Explode is null).ToList();
        foreach (var dataset in datasets)
        {
            tables.LoadNdjson(dataset.Source, Path.Combine(folder, "ndjson", $"{dataset.Name}.ndjson"));
        }
        return (tables, datasets, data);
    }

    [Fact]
    public void Clean_data_passes_every_rule()
    {
        var (tables, datasets, _) = Load(0);
        using (tables)
        {
            var results = QualityGate.Require(tables, datasets);

            Assert.Equal(datasets.Sum(d => d.Rules.Count), results.Count);
            Assert.Contains(results, r => r.Rule is References);
            Assert.Contains(results, r => r.Rule is AcceptedValues);
        }
    }

    [Fact]
    public void Each_rule_counts_exactly_the_rows_the_generator_spoiled_for_it()
    {
        var (tables, datasets, data) = Load(0.05);
        using (tables)
        {
            var results = QualityGate.Evaluate(tables, datasets);
            var ledger = data.All.SelectMany(d => d.BadRows()).ToList();

            foreach (var result in results)
            {
                var expected = result.Rule switch
                {
                    NotNull r => ledger.Count(b => b.Dataset == result.Dataset && b.Kind == BadRowKind.MissingRequired && b.Column == r.Column),
                    InRange r => ledger.Count(b => b.Dataset == result.Dataset && b.Kind == BadRowKind.OutOfRange && b.Column == r.Column),
                    Unique => ledger.Count(b => b.Dataset == result.Dataset && b.Kind == BadRowKind.Duplicate),
                    _ => 0,
                };
                Assert.True(expected == result.Violations, $"{result}: expected {expected}");
            }
            Assert.True(results.Count(r => !r.Passed) >= 10, "the spoiled data must make many rules fire");
            var stopped = Assert.Throws<QualityGateException>(() => QualityGate.Require(tables, datasets));
            Assert.Equal(results.Where(r => !r.Passed).Select(r => r.ToString()), stopped.Failures.Select(f => f.ToString()));
            Assert.Contains("customers: not_null(country)", stopped.Message);
            foreach (var kind in new[] { typeof(NotNull), typeof(InRange), typeof(Unique) })
            {
                Assert.Contains(results, r => r.Rule.GetType() == kind && !r.Passed);
            }
        }
    }

    [Fact]
    public void A_missing_parent_breaks_references_and_an_unknown_status_breaks_accepted_values()
    {
        var (tables, datasets, _) = Load(0);
        using (tables)
        {
            var orphans = tables.Count("SELECT count(*) FROM orders WHERE customer_number = 103");
            tables.Execute("DELETE FROM customers WHERE customer_number = 103");
            tables.Execute("UPDATE orders SET status = 'Lost' WHERE order_number IN (10100, 10101)");

            var failure = Assert.Throws<QualityGateException>(() => QualityGate.Require(tables, datasets));

            Assert.True(orphans > 0);
            Assert.Contains(failure.Failures, f => f.Dataset == "orders" && f.Rule is References { Dataset: "customers" } && f.Violations == orphans);
            Assert.Contains(failure.Failures, f => f.Dataset == "orders" && f.Rule is AcceptedValues && f.Violations == 2);
            Assert.Contains("orders: accepted_values(status) — 2 row(s)", failure.Message);
        }
    }

    [Fact]
    public void Every_silver_dataset_is_typed_from_a_generated_source_and_its_rules_name_its_columns()
    {
        var data = new CourseData(new GeneratorSettings());
        foreach (var dataset in SilverDatasets.All)
        {
            Assert.Same(data[dataset.Name].Schema, dataset.Source);
            var columns = dataset.Columns.Select(c => c.Name).ToHashSet();
            Assert.Subset(columns, dataset.NaturalKey.ToHashSet());
            foreach (var rule in dataset.Rules)
            {
                var named = rule switch
                {
                    NotNull r => [r.Column],
                    InRange r => [r.Column],
                    AcceptedValues r => [r.Column],
                    Unique r => r.Columns,
                    References r => [r.Column],
                    _ => Array.Empty<string>(),
                };
                Assert.Subset(columns, named.ToHashSet());
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
