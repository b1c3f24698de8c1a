using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.DuckDb;

namespace Pipelines.Tests.Quality;

/// <summary>Silver across runs: each run's files side by side, and the latest row of each key read as the dataset.</summary>
public sealed class CurrentSilverTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("current-silver-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Transforms one bronze file and files its output as the function does: the run starts each file's name.</summary>
    private void Run(SilverDataset dataset, string bronze, string run)
    {
        var output = Path.Combine(_folder, "out-" + run);
        Pipelines.DuckDb.SilverTransform.Run(dataset, [bronze], output, Path.Combine(_folder, "quarantine-" + run));
        foreach (var file in Directory.GetFiles(output, "*.parquet", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, file);
            var target = Path.Combine(_folder, "silver", dataset.Name, Path.GetDirectoryName(relative)!, $"{run}-{Path.GetFileName(relative)}");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target);
        }
    }

    [Fact]
    public void After_a_second_run_with_an_update_each_key_has_one_row_and_the_update_wins()
    {
        var data = new CourseData(new GeneratorSettings(Scale: 0.2, BadRowRate: 0));
        var orders = SilverDatasets.All.Single(d => d.Name == "orders");
        DatasetFiles.Write(data, Path.Combine(_folder, "bronze"), DataFormats.Ndjson);
        var bronze = Path.Combine(_folder, "bronze", "ndjson", "orders.ndjson");
        Run(orders, bronze, "20260101T000000Z-000001");

        // The second run re-lands every row (a full extract), one of them updated later with a new status.
        var lines = File.ReadAllLines(bronze);
        var changed = System.Text.Json.Nodes.JsonNode.Parse(lines[0])!;
        changed["status"] = "Cancelled";
        changed["updated_at"] = "2099-01-01T00:00:00";
        var second = Path.Combine(_folder, "bronze", "orders-run2.ndjson");
        File.WriteAllLines(second, [changed.ToJsonString(), .. lines.Skip(1)]);
        Run(orders, second, "20260102T000000Z-000002");

        using var tables = new DuckDbTables();
        GoldRunner.LoadSilver(tables, "everything", Path.Combine(_folder, "silver", "orders"));
        GoldRunner.LoadCurrentSilver(tables, orders, Path.Combine(_folder, "silver", "orders"));

        Assert.Equal(2 * lines.Length, tables.Count("SELECT count(*) FROM silver.everything"));
        Assert.Equal(lines.Length, tables.Count("SELECT count(*) FROM silver.orders"));
        Assert.Equal(1, tables.Count($"SELECT count(*) FROM silver.orders WHERE order_number = {changed["order_number"]} AND status = 'Cancelled'"));
        Assert.Equal(0, tables.Count(Pipelines.Declarations.Sql.QualitySql.CountViolations(orders.Rules.OfType<Unique>().Single(), "orders", name => $"silver.{name}")));
    }

    [Fact]
    public void A_row_deleted_at_the_source_leaves_a_fully_extracted_dataset_but_stays_in_an_incremental_one()
    {
        var data = new CourseData(new GeneratorSettings(Scale: 0.2, BadRowRate: 0));
        var catalog = SilverDatasets.All;
        var offices = catalog.Single(d => d.Name == "offices");
        var customers = catalog.Single(d => d.Name == "customers");
        Assert.True(offices.Snapshot);
        Assert.False(customers.Snapshot);
        DatasetFiles.Write(data, Path.Combine(_folder, "bronze"), DataFormats.Ndjson);

        using var tables = new DuckDbTables();
        foreach (var dataset in new[] { offices, customers })
        {
            var bronze = Path.Combine(_folder, "bronze", "ndjson", $"{dataset.Name}.ndjson");
            var lines = File.ReadAllLines(bronze);
            Run(dataset, bronze, "20260101T000000Z-000001");
            // The second extract no longer holds the first row: deleted at the source.
            var second = Path.Combine(_folder, "bronze", $"{dataset.Name}-run2.ndjson");
            File.WriteAllLines(second, lines.Skip(1));
            Run(dataset, second, "20260102T000000Z-000002");
            GoldRunner.LoadCurrentSilver(tables, dataset, Path.Combine(_folder, "silver", dataset.Name));
        }

        var officeLines = File.ReadAllLines(Path.Combine(_folder, "bronze", "ndjson", "offices.ndjson"));
        var customerLines = File.ReadAllLines(Path.Combine(_folder, "bronze", "ndjson", "customers.ndjson"));
        Assert.Equal(officeLines.Length - 1, tables.Count("SELECT count(*) FROM silver.offices"));
        var deletedOffice = System.Text.Json.Nodes.JsonNode.Parse(officeLines[0])!["office_code"]!.ToString();
        Assert.Equal(0, tables.Count($"SELECT count(*) FROM silver.offices WHERE office_code = '{deletedOffice}'"));
        Assert.Equal(customerLines.Length, tables.Count("SELECT count(*) FROM silver.customers"));
    }
}
