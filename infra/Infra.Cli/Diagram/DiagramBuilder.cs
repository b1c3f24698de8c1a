using System.Text.RegularExpressions;
using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using static Infra.Cli.Diagram.AccessVerbs;
using static Infra.Policy.ProgramView;

namespace Infra.Cli.Diagram;

/// <summary>
/// Derives a stack's data flow from its synthesized program: the resources that hold, move or start data
/// become nodes; the IAM grants of their roles (and, where Lake Formation governs a layer, its grants) say who
/// reads, writes or starts whom; triggers, alarm actions,
/// catalog locations and query result locations add the rest. Nothing is drawn that the program does not hold.
/// </summary>
public static partial class DiagramBuilder
{
    private const string AlarmsNode = "alarms";
    private const string LakeFormationNode = "lake-formation";

    public static StackDiagram Build(PulumiProgram program, string stack)
    {
        var resources = program.Resources;
        var nodes = new Dictionary<string, DiagramNode>();
        foreach (var node in resources.Select(r => NodeOf(r, resources)).OfType<DiagramNode>().Concat(SummaryNodes(resources)))
        {
            nodes[node.Id] = node;
        }
        var edges = new List<DiagramEdge>();
        AddGrantedAccess(resources, nodes, edges);
        AddConnections(resources, nodes, edges);
        AddMonitoring(resources, nodes, edges);
        AddGovernance(resources, nodes, edges);

        var order = nodes.Keys.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var drawnAs = CollapseRepeated(nodes);
        var merged = Merge([.. edges.Select(e => e with { From = drawnAs[e.From], To = drawnAs[e.To] })]);
        var connected = merged.SelectMany(e => new[] { e.From, e.To }).ToHashSet();
        return new StackDiagram(
            stack,
            [.. nodes.Values.Where(n => connected.Contains(n.Id)).OrderBy(n => n.Lane).ThenBy(n => order.GetValueOrDefault(n.Id, order[n.Members[0]]))],
            merged);
    }

    /// <summary>
    /// Each course's copy of one thing (its pipeline, its schedule) is drawn once, so a stack of every course reads like
    /// one: the copies become a node named for all of them, and their edges its edges. Returns what each node is drawn as.
    /// </summary>
    private static Dictionary<string, string> CollapseRepeated(Dictionary<string, DiagramNode> nodes)
    {
        var drawnAs = nodes.Keys.ToDictionary(id => id, id => id);
        foreach (var copies in nodes.Values.GroupBy(n => (n.Lane, Name: CoursePrefix().Replace(n.Id, "courses-"))).Where(g => g.Count() > 1 && g.Key.Name != g.First().Id).ToList())
        {
            var members = copies.Select(n => n.Id).Order(StringComparer.Ordinal).ToList();
            var courses = string.Join(", ", members.Select(id => CoursePrefix().Match(id).Value.TrimEnd('-')));
            var first = copies.First();
            nodes[copies.Key.Name] = first with { Id = copies.Key.Name, Title = $"{copies.Key.Name} ({courses})", Members = members };
            foreach (var id in members)
            {
                nodes.Remove(id);
                drawnAs[id] = copies.Key.Name;
            }
        }
        return drawnAs;
    }

    [GeneratedRegex(@"^course\d+-")]
    private static partial Regex CoursePrefix();

    private static DiagramNode? NodeOf(Resource r, IReadOnlyList<Resource> all)
    {
        int Referring(string type, string input) => all.Count(o => o.Type == type && RootOf(Input(o, input)) == r.Name);
        return r.Type switch
        {
            "aws:rds:Instance" => new(r.Name, r.Name, $"RDS {Text(r, "engine")} {Text(r, "instanceClass")}", Lane.Sources, Shape.Store),
            "aws:kinesis:Stream" => new(r.Name, r.Name, Input(r, "shardCount") is Integer shards ? $"Kinesis stream, {shards.Content} shards" : "Kinesis stream, on demand", Lane.Streams, Shape.Queue),
            "aws:kinesis:FirehoseDeliveryStream" => new(r.Name, r.Name, "Firehose to S3", Lane.Streams, Shape.Queue),
            "aws:lambda:Function" => new(r.Name, r.Name, "Lambda function", Lane.Functions, Shape.Rounded),
            "aws:s3:Bucket" => new(r.Name, r.Name, "S3 bucket", Lane.Lakehouse, Shape.Store),
            "aws:s3tables:TableBucket" => new(r.Name, r.Name, $"S3 table bucket, {Referring("aws:s3tables:Table", "tableBucketArn")} Iceberg tables", Lane.Lakehouse, Shape.Store),
            "aws:glue:CatalogDatabase" => new(r.Name, r.Name, $"Glue database, {Referring("aws:glue:CatalogTable", "databaseName")} tables", Lane.Catalog, Shape.Box),
            "aws:glue:Crawler" => new(r.Name, r.Name, "Glue crawler", Lane.Catalog, Shape.Rounded),
            "aws:sfn:StateMachine" => new(r.Name, r.Name, "Step Functions state machine", Lane.Orchestration, Shape.Rounded),
            "aws:scheduler:Schedule" => new(r.Name, r.Name, $"schedule {Text(r, "scheduleExpression")}", Lane.Orchestration, Shape.Box),
            "aws:athena:Workgroup" => new(r.Name, r.Name, $"Athena workgroup, {Referring("aws:athena:NamedQuery", "workgroup")} named queries", Lane.Query, Shape.Box),
            "aws:sns:Topic" => new(r.Name, r.Name, "SNS topic", Lane.Monitoring, Shape.Queue),
            "aws:sqs:Queue" => new(r.Name, r.Name, "SQS failure queue", Lane.Monitoring, Shape.Queue),
            _ => null,
        };
    }

    /// <summary>What is drawn as one node with its count: the alarms, and Lake Formation with its tags and grants.</summary>
    private static IEnumerable<DiagramNode> SummaryNodes(IReadOnlyList<Resource> all)
    {
        int Count(string type) => all.Count(r => r.Type == type);
        if (Count("aws:cloudwatch:MetricAlarm") is > 0 and var alarms)
        {
            yield return new(AlarmsNode, AlarmsNode, $"{alarms} CloudWatch alarms", Lane.Monitoring, Shape.Box);
        }
        if (Count("aws:lakeformation:Resource") > 0)
        {
            yield return new(LakeFormationNode, LakeFormationNode,
                $"Lake Formation, {Count("aws-native:lakeformation:Tag")} LF-tags, {Count("aws-native:lakeformation:PrincipalPermissions")} grants", Lane.Catalog, Shape.Box);
        }
    }

    /// <summary>The role each acting resource runs as: its grants are the edges it draws.</summary>
    private static string? RoleOf(Resource r) => r.Type switch
    {
        "aws:lambda:Function" or "aws:glue:Crawler" => RootOf(Input(r, "role")),
        "aws:sfn:StateMachine" => RootOf(Input(r, "roleArn")),
        "aws:kinesis:FirehoseDeliveryStream" => RootOf(Input(r, "extendedS3Configuration.roleArn")),
        "aws:scheduler:Schedule" => RootOf(Input(r, "target.roleArn")),
        _ => null,
    };

    private static void AddGrantedAccess(IReadOnlyList<Resource> resources, Dictionary<string, DiagramNode> nodes, List<DiagramEdge> edges)
    {
        // A role may be shared by several actors; each draws the role's grants.
        var failureQueues = resources.Where(r => r.Type == "aws:sqs:Queue").Select(r => r.Name).ToHashSet();
        var actorsByRole = resources.Where(r => nodes.ContainsKey(r.Name) && RoleOf(r) is not null).ToLookup(r => RoleOf(r)!, r => r.Name);
        var byPhysicalName = resources
            .Where(r => r.Type is "aws:athena:Workgroup" or "aws:glue:CatalogDatabase" && Text(r, "name") is not null)
            .GroupBy(r => Text(r, "name")!)
            .ToDictionary(g => g.Key, g => g.First().Name);
        foreach (var policy in resources.Where(r => r.Type == "aws:iam:RolePolicy"))
        {
            if (RootOf(Input(policy, "role")) is not { } role)
            {
                continue;
            }
            foreach (var actor in actorsByRole[role])
            {
                foreach (var statement in Statements(policy, "policy").Where(s => Strings(s, "Effect") is ["Allow"]))
                {
                    var targets = Strings(statement, "Resource").Select(arn => TargetOf(arn, nodes, byPhysicalName)).OfType<string>().Where(t => t != actor).Distinct().ToList();
                    foreach (var verb in Strings(statement, "Action").Select(Of).Where(v => v != Verb.None).Distinct())
                    {
                        foreach (var target in targets)
                        {
                            edges.Add(EdgeFor(actor, verb, nodes[target], failureQueues.Contains(target)));
                        }
                    }
                }
            }
        }
        foreach (var (role, verb, bucket) in LakeFormationAccess.Of(resources))
        {
            foreach (var actor in actorsByRole[role].Where(_ => nodes.ContainsKey(bucket)))
            {
                edges.Add(EdgeFor(actor, verb, nodes[bucket], false));
            }
        }
    }

    private static DiagramEdge EdgeFor(string actor, Verb verb, DiagramNode target, bool failureQueue) => verb switch
    {
        Verb.Reads => new(target.Id, actor, "reads", Flow.Data),
        Verb.Writes when target.Lane == Lane.Monitoring => new(actor, target.Id, failureQueue ? "failures" : "notifies", Flow.Alert),
        Verb.Writes when target.Lane == Lane.Catalog => new(actor, target.Id, "tables", Flow.Data),
        Verb.Writes => new(actor, target.Id, "writes", Flow.Data),
        _ => new(actor, target.Id, target.Lane switch { Lane.Functions => "invokes", Lane.Query => "queries", _ => "starts" }, Flow.Control),
    };

    /// <summary>The node a policy's resource names: a reference to it, or an ARN carrying a workgroup's or database's name.</summary>
    private static string? TargetOf(string arn, Dictionary<string, DiagramNode> nodes, Dictionary<string, string> byPhysicalName)
    {
        foreach (Match reference in ReferencePattern().Matches(arn))
        {
            if (nodes.ContainsKey(reference.Groups[1].Value))
            {
                return reference.Groups[1].Value;
            }
        }
        var named = NamedArnPattern().Match(arn);
        return named.Success && byPhysicalName.TryGetValue(named.Groups[1].Value, out var name) ? name : null;
    }

    /// <summary>Connections that are not grants: a function's source database or API, a catalog's buckets, a workgroup's results.</summary>
    private static void AddConnections(IReadOnlyList<Resource> resources, Dictionary<string, DiagramNode> nodes, List<DiagramEdge> edges)
    {
        foreach (var function in resources.Where(r => r.Type == "aws:lambda:Function"))
        {
            var variables = Input(function, "environment.variables") is MapValue map ? map.Entries.Select(e => e.Value).ToList() : [];
            foreach (var database in variables.Select(RootOf).OfType<string>().Where(root => nodes.TryGetValue(root, out var n) && n.Lane == Lane.Sources).Distinct())
            {
                edges.Add(new(database, function.Name, "extracts", Flow.Data));
            }
            var endpoints = variables.Select(RootOf).OfType<string>().Where(root => root.EndsWith("Url", StringComparison.Ordinal) && !nodes.ContainsKey(root)).Distinct().ToList();
            if (endpoints.Count > 0)
            {
                var api = $"{function.Name}-api";
                nodes[api] = new(api, "HTTPS API", $"config {string.Join(", ", endpoints)}", Lane.Sources, Shape.Box);
                edges.Add(new(api, function.Name, "pages", Flow.Data));
            }
        }
        foreach (var database in resources.Where(r => r.Type == "aws:glue:CatalogDatabase"))
        {
            if (RootOf(Input(database, "locationUri")) is { } bucket && nodes.ContainsKey(bucket))
            {
                edges.Add(new(bucket, database.Name, "catalogued", Flow.Control));
            }
        }
        foreach (var workgroup in resources.Where(r => r.Type == "aws:athena:Workgroup"))
        {
            if (RootOf(Input(workgroup, "configuration.resultConfiguration.outputLocation")) is { } bucket && nodes.ContainsKey(bucket))
            {
                edges.Add(new(workgroup.Name, bucket, "results", Flow.Data));
            }
        }
    }

    private static void AddMonitoring(IReadOnlyList<Resource> resources, Dictionary<string, DiagramNode> nodes, List<DiagramEdge> edges)
    {
        foreach (var alarm in resources.Where(r => r.Type == "aws:cloudwatch:MetricAlarm"))
        {
            foreach (var topic in (Input(alarm, "alarmActions") as ListValue)?.Items.Select(RootOf).OfType<string>() ?? [])
            {
                if (nodes.ContainsKey(topic))
                {
                    edges.Add(new(AlarmsNode, topic, "alarm", Flow.Alert));
                }
            }
        }
    }

    private static void AddGovernance(IReadOnlyList<Resource> resources, Dictionary<string, DiagramNode> nodes, List<DiagramEdge> edges)
    {
        if (!nodes.ContainsKey(LakeFormationNode))
        {
            return;
        }
        foreach (var location in resources.Where(r => r.Type == "aws:lakeformation:Resource"))
        {
            if (RootOf(Input(location, "arn")) is { } bucket && nodes.ContainsKey(bucket))
            {
                edges.Add(new(LakeFormationNode, bucket, "governs", Flow.Control));
            }
        }
    }

    /// <summary>One edge per pair and meaning; a read and a write between the same two become one edge both ways.</summary>
    private static IReadOnlyList<DiagramEdge> Merge(List<DiagramEdge> edges)
    {
        var distinct = edges.Distinct().ToList();
        var result = new List<DiagramEdge>();
        foreach (var edge in distinct)
        {
            var isRead = edge.Label == "reads";
            var counterpart = distinct.Contains(isRead ? edge with { From = edge.To, To = edge.From, Label = "writes" } : edge with { From = edge.To, To = edge.From, Label = "reads" });
            if (!counterpart || edge.Label is not ("reads" or "writes"))
            {
                result.Add(edge);
            }
            else if (!isRead)
            {
                result.Add(edge with { Label = "reads, writes", BothWays = true });
            }
        }
        return result;
    }

    /// <summary>The resource, variable or config value a value refers to first, if any.</summary>
    private static string? RootOf(Value? value) => value switch
    {
        Reference reference => reference.Root,
        Interpolation interpolation => interpolation.Parts.OfType<Reference>().Select(r => r.Root).FirstOrDefault(),
        _ => null,
    };

    [GeneratedRegex(@"\$\{([A-Za-z0-9_-]+)")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@":(?:workgroup|database|table)/([^/*]+)")]
    private static partial Regex NamedArnPattern();
}
