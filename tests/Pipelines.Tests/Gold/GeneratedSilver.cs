using Pipelines.Generator;
using Pipelines.Declarations.Lakehouse;
using Pipelines.Generator.Output;
using Pipelines.DuckDb;

namespace Pipelines.Tests.Gold;

/// <summary>Generated bronze for the datasets asked for, transformed to silver under a folder and loaded into DuckDB as <c>silver.{name}</c>.</summary>
public static class GeneratedSilver
{
    public static void Load(CourseData data, IEnumerable<SilverDataset> datasets, string folder, DuckDbTables tables)
    {
        DatasetFiles.Write(data, Path.Combine(folder, "bronze"), DataFormats.Ndjson);
        foreach (var dataset in datasets)
        {
            var silver = Path.Combine(folder, "silver", dataset.Name);
            Pipelines.DuckDb.SilverTransform.Run(dataset, [Path.Combine(folder, "bronze", "ndjson", $"{dataset.Name}.ndjson")], silver, Path.Combine(folder, "quarantine", dataset.Name));
            GoldRunner.LoadSilver(tables, dataset.Name, silver);
        }
    }
}
