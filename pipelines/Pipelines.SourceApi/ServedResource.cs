using Pipelines.Declarations.Sources;
using Pipelines.Generator;
using Pipelines.Generator.Output;

namespace Pipelines.SourceApi;

/// <summary>One resource held in memory as the API serves it: items as JSON, ordered by watermark then key.</summary>
internal sealed class ServedResource
{
    private readonly DateTime[] _watermarks;

    public ServedResource(ApiResource resource, DatasetGenerator rows)
    {
        Resource = resource;
        var schema = resource.Dataset.Schema;
        var column = schema.IndexOf(resource.WatermarkColumn);
        var ordered = rows.Rows().Select((row, position) => (row, position))
            .OrderBy(entry => (DateTime)entry.row[column]!).ThenBy(entry => entry.position).ToList();
        _watermarks = [.. ordered.Select(entry => (DateTime)entry.row[column]!)];
        Items = [.. ordered.Select(entry => NdjsonWriter.Line(schema, entry.row))];
        Visible = Items.Count;
    }

    public ApiResource Resource { get; }

    public IReadOnlyList<byte[]> Items { get; }

    /// <summary>How many items exist yet: the first ones in watermark order, as if the rest had not happened.</summary>
    public int Visible { get; set; }

    /// <summary>The first item whose watermark is after <paramref name="since"/>: the exclusive lower bound of an incremental read.</summary>
    public int FirstAfter(DateTime? since)
    {
        if (since is null)
        {
            return 0;
        }
        int low = 0, high = Visible;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_watermarks[middle] <= since.Value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
