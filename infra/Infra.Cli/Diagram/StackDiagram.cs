namespace Infra.Cli.Diagram;

/// <summary>The columns of a stack's picture, left to right: what starts the flow, then the data's path.</summary>
public enum Lane
{
    Orchestration,
    Sources,
    Streams,
    Functions,
    Lakehouse,
    Catalog,
    Query,
    Monitoring,
}

/// <summary>How a node is drawn: the shape says what kind of thing it is.</summary>
public enum Shape
{
    Box,
    Rounded,
    Store,
    Queue,
}

/// <param name="Members">The resources the node stands for: itself, or each course's copy of a repeated one.</param>
public sealed record DiagramNode(string Id, string Title, string Detail, Lane Lane, Shape Shape)
{
    public IReadOnlyList<string> Members { get; init; } = [Id];
}

/// <summary>How an edge is drawn: data moving, one thing starting another, or a failure or alert path.</summary>
public enum Flow
{
    Data,
    Control,
    Alert,
}

/// <summary>An edge; <paramref name="BothWays"/> when the source both reads and writes the target.</summary>
public sealed record DiagramEdge(string From, string To, string Label, Flow Flow, bool BothWays = false);

/// <summary>A stack's data flow: what holds or moves data and who reads, writes or starts whom.</summary>
public sealed record StackDiagram(string Stack, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges)
{
    /// <summary>Lanes drawn as rows across the data's columns: what starts the flow, and where failures and alerts go.</summary>
    public static bool IsRow(Lane lane) => lane is Lane.Orchestration or Lane.Monitoring;

    public static string LaneTitle(Lane lane) => lane switch
    {
        Lane.Sources => "Sources",
        Lane.Streams => "Streams",
        Lane.Functions => "Functions",
        Lane.Lakehouse => "Lakehouse (S3)",
        Lane.Catalog => "Catalog and governance",
        Lane.Orchestration => "Orchestration",
        Lane.Query => "Query",
        Lane.Monitoring => "Failures and alerts",
        _ => throw new ArgumentOutOfRangeException(nameof(lane)),
    };
}
