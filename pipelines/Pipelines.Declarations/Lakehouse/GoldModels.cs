namespace Pipelines.Declarations.Lakehouse;

/// <summary>The gold models shipped with the project, and the order they run in, derived from what each reads.</summary>
public static class GoldModels
{
    /// <summary>The courses that have gold models.</summary>
    public static IReadOnlyList<string> Courses =>
        [.. typeof(GoldModels).Assembly.GetManifestResourceNames().Where(name => name.StartsWith("models/", StringComparison.Ordinal))
            .Select(name => name.Split('/')[1]).Distinct().Order(StringComparer.Ordinal)];

    public static IReadOnlyList<GoldModel> ForCourse(string course)
    {
        var assembly = typeof(GoldModels).Assembly;
        var prefix = $"models/{course}/";
        var models = assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return GoldModel.Parse(course, name[prefix.Length..], reader.ReadToEnd());
            }).ToList();
        return models.Count > 0 ? models : throw new ArgumentException($"no gold models for '{course}'", nameof(course));
    }

    /// <summary>
    /// The models in an order where each runs after every gold model it reads (ties by name), the views and
    /// refreshed tables last; a read of a gold model that does not exist, a cycle, or a table reading a view
    /// or refreshed table stops with the models involved named.
    /// </summary>
    public static IReadOnlyList<GoldModel> InRunOrder(IReadOnlyList<GoldModel> models)
    {
        var byRelation = models.ToDictionary(model => model.Relation, StringComparer.OrdinalIgnoreCase);
        foreach (var model in models)
        {
            foreach (var missing in model.Reads.Where(read => read.StartsWith("gold.", StringComparison.OrdinalIgnoreCase) && !byRelation.ContainsKey(read)))
            {
                throw new InvalidOperationException($"{model.Name} reads {missing}, which no model builds");
            }
        }
        foreach (var model in models.Where(m => !m.IsServing))
        {
            foreach (var serving in model.Reads.Where(read => byRelation.TryGetValue(read, out var other) && other.IsServing))
            {
                throw new InvalidOperationException($"{model.Name} reads {serving}, a view or refreshed table the refresh step builds after it");
            }
        }
        var ordered = new List<GoldModel>();
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        void Visit(GoldModel model, Stack<string> path)
        {
            if (state.TryGetValue(model.Name, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException($"gold models read each other in a cycle: {string.Join(" -> ", path.Reverse().Append(model.Name))}");
                }
                return;
            }
            state[model.Name] = false;
            path.Push(model.Name);
            foreach (var read in model.Reads.Where(byRelation.ContainsKey).Order(StringComparer.Ordinal))
            {
                Visit(byRelation[read], path);
            }
            path.Pop();
            state[model.Name] = true;
            ordered.Add(model);
        }
        // Tables first, then what the refresh step builds; tables never read those, so the order holds.
        foreach (var model in models.OrderBy(m => m.IsServing).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            Visit(model, new Stack<string>());
        }
        return ordered;
    }
}
