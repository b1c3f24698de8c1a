using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Lakehouse;

namespace Pipelines.Declarations.Orchestration;

/// <summary>
/// The pipeline of each course, derived from what its gold models read: the silver datasets they read
/// (with every dataset those reference, so the gate can check the references), the extracts that land
/// those datasets' bronze, then the gate, the gold tables in DAG order, the refresh and the notice.
/// Course 2 has no gold models; its pipeline lands the sales source and its API and gates silver.
/// </summary>
public static class CoursePipelines
{
    public static readonly IReadOnlyList<string> Courses = ["course1", "course2", "course3", "course4"];

    public static CoursePipeline For(string course)
    {
        var catalog = SilverDatasets.All;
        var byName = catalog.ToDictionary(dataset => dataset.Name, StringComparer.Ordinal);
        var models = GoldModels.Courses.Contains(course) ? GoldModels.InRunOrder(GoldModels.ForCourse(course)) : [];
        IEnumerable<string> roots;
        IEnumerable<string> bronzeOnlyApi = [];
        if (models.Count > 0)
        {
            roots = models.SelectMany(model => model.Reads).Where(read => read.StartsWith("silver.", StringComparison.Ordinal)).Select(read => read["silver.".Length..]);
        }
        else if (course == "course2")
        {
            var sales = SalesSource.All.Select(dataset => dataset.Name).ToHashSet(StringComparer.Ordinal);
            roots = sales;
            // The course's REST lab lands the API's sales resources in bronze; silver reads the database's copy.
            bronzeOnlyApi = SourceDatasets.Api.Select(resource => resource.Name).Where(sales.Contains);
        }
        else
        {
            throw new ArgumentException($"no pipeline for '{course}': the courses are {string.Join(", ", Courses)}", nameof(course));
        }
        var silver = WithReferenced(roots, byName);
        var steps = new List<PipelineStep>();
        foreach (var source in new[] { ExtractSource.Database, ExtractSource.Api })
        {
            var prefix = ExtractStep.PrefixOf(source) + "/";
            var datasets = silver.Where(dataset => dataset.BronzePrefix.StartsWith(prefix, StringComparison.Ordinal))
                .Select(dataset => dataset.BronzePrefix[prefix.Length..])
                .Concat(source == ExtractSource.Api ? bronzeOnlyApi : []).Distinct().Order(StringComparer.Ordinal).ToList();
            if (datasets.Count > 0)
            {
                steps.Add(new ExtractStep(source, datasets));
            }
        }
        steps.Add(new SilverTransformStep(silver));
        steps.Add(new QualityGateStep(silver));
        steps.AddRange(models.Where(model => !model.IsServing).Select(model => new GoldModelStep(model)));
        var serving = models.Where(model => model.IsServing).ToList();
        if (serving.Count > 0)
        {
            steps.Add(new RefreshStep(serving));
        }
        steps.Add(new NotifyStep());
        return new CoursePipeline(course, steps);
    }

    /// <summary>The named datasets and, transitively, every dataset their rules reference, in catalog order.</summary>
    private static IReadOnlyList<SilverDataset> WithReferenced(IEnumerable<string> names, IReadOnlyDictionary<string, SilverDataset> byName)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(names);
        while (pending.TryPop(out var name))
        {
            if (!byName.TryGetValue(name, out var dataset))
            {
                throw new InvalidOperationException($"silver.{name} is read but no silver dataset declares it");
            }
            if (wanted.Add(name))
            {
                foreach (var reference in dataset.Rules.OfType<References>())
                {
                    pending.Push(reference.Dataset);
                }
            }
        }
        return [.. byName.Values.Where(dataset => wanted.Contains(dataset.Name))];
    }
}
