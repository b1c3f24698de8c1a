using Infra.Model.Resources;
using Infra.Model.Values;
using static Infra.Cli.Diagram.AccessVerbs;
using static Infra.Policy.ProgramView;

namespace Infra.Cli.Diagram;

/// <summary>
/// Where Lake Formation governs a layer, its grants — not IAM — say who reads and writes the layer's data:
/// an LF-tag grant on a layer's tables (SELECT reads; INSERT or DELETE writes) reaches the bucket the layer's
/// database is located in.
/// </summary>
public static class LakeFormationAccess
{
    private static readonly HashSet<string> Reading = ["SELECT"];
    // Changing a table's definition (ALTER, DROP) or where tables may be (DATA_LOCATION_ACCESS) moves no data.
    private static readonly HashSet<string> Writing = ["INSERT", "DELETE"];

    /// <summary>(role resource, verb, bucket resource) for every grant to a role on a governed layer.</summary>
    public static IEnumerable<(string Role, Verb Verb, string Bucket)> Of(IReadOnlyList<Resource> resources)
    {
        var registered = resources.Where(r => r.Type == "aws:lakeformation:Resource").Select(r => Root(Input(r, "arn"))).OfType<string>().ToHashSet();
        var bucketOfDatabase = resources.Where(r => r.Type == "aws:glue:CatalogDatabase" && Text(r, "name") is not null)
            .Select(r => (Name: Text(r, "name")!, Bucket: Input(r, "locationUri") is Interpolation uri ? uri.Parts.OfType<Reference>().Select(p => p.Root).FirstOrDefault() : null))
            .Where(d => d.Bucket is not null).ToDictionary(d => d.Name, d => d.Bucket!);
        var bucketsOfLayer = resources.Where(r => r.Type == "aws-native:lakeformation:TagAssociation" && Text(r, "resource.database.name") is { } db && bucketOfDatabase.ContainsKey(db))
            .SelectMany(r => LayerValues(Input(r, "lfTags")).Select(layer => (Layer: layer, Bucket: bucketOfDatabase[Text(r, "resource.database.name")!])))
            .ToLookup(p => p.Layer, p => p.Bucket);
        foreach (var grant in resources.Where(r => r.Type == "aws-native:lakeformation:PrincipalPermissions"))
        {
            if (Root(Input(grant, "principal.dataLakePrincipalIdentifier")) is not { } role)
            {
                continue;
            }
            var permissions = Input(grant, "permissions") is ListValue list ? list.Items.Select(Describe).ToHashSet() : [];
            var buckets = LayerValues(Input(grant, "resource.lfTagPolicy.expression")).SelectMany(layer => bucketsOfLayer[layer]);
            foreach (var bucket in buckets.Where(registered.Contains).Distinct())
            {
                if (permissions.Overlaps(Reading))
                {
                    yield return (role, Verb.Reads, bucket);
                }
                if (permissions.Overlaps(Writing))
                {
                    yield return (role, Verb.Writes, bucket);
                }
            }
        }
    }

    /// <summary>The tag values of an LF-tag list or expression (each item's <c>tagValues</c>).</summary>
    private static IEnumerable<string> LayerValues(Value? tags) =>
        tags is ListValue list
            ? list.Items.OfType<MapValue>().SelectMany(tag => tag.TryGet("tagValues", out var values) && values is ListValue v ? v.Items.Select(Describe) : [])
            : [];

    private static string? Root(Value? value) => value is Reference reference ? reference.Root : null;
}
