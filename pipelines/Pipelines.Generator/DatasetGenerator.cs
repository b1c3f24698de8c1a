using Pipelines.Declarations.Schema;
using Pipelines.Declarations.Sources;

namespace Pipelines.Generator;

/// <summary>
/// One dataset: each clean row computed from its index alone, then the bad-row plan applied.
/// Rows are produced lazily, so a dataset of any size streams in constant memory.
/// </summary>
public abstract class DatasetGenerator
{
    private readonly Lazy<BadRowPlan> _plan;

    protected DatasetGenerator(GeneratorSettings settings)
    {
        Settings = settings;
        _plan = new Lazy<BadRowPlan>(() => BadRowPlan.For(Schema.Name, BaseRows, BadKinds, Settings));
    }

    protected GeneratorSettings Settings { get; }

    /// <summary>What the dataset is, as the declarations say: its schema and how it is extracted.</summary>
    public abstract SourceDataset Source { get; }

    public DatasetSchema Schema => Source.Schema;

    /// <summary>Rows before duplicates are added.</summary>
    public abstract long BaseRows { get; }

    /// <summary>The ways this dataset's rows may be spoiled; empty for clean reference data.</summary>
    protected abstract IReadOnlyList<BadRowKind> BadKinds { get; }

    /// <summary>The clean row at <paramref name="index"/>, values in column order.</summary>
    protected abstract object?[] Row(long index);

    /// <summary>Spoils <paramref name="row"/> in place as <paramref name="kind"/> says and returns the column it spoiled.</summary>
    protected virtual string Spoil(object?[] row, BadRowKind kind, ref RowRandom random) =>
        throw new NotSupportedException($"{Schema.Name} has no {kind} rows");

    /// <summary>The second copy of a duplicated row; by default the same record delivered again.</summary>
    protected virtual object?[] Duplicate(object?[] row, ref RowRandom random) => (object?[])row.Clone();

    /// <summary>The column a duplicate is recognised by (its key).</summary>
    protected virtual string DuplicateColumn => Schema.KeyColumns[0].Name;

    /// <summary>The clean row at <paramref name="index"/>: what other datasets refer to.</summary>
    public object?[] Clean(long index) => Row(index);

    public long RowCount => BaseRows + _plan.Value.Indexes.Count(index => _plan.Value.KindOf(index) == BadRowKind.Duplicate);

    public IEnumerable<object?[]> Rows()
    {
        var plan = _plan.Value;
        for (long index = 0; index < BaseRows; index++)
        {
            var row = Row(index);
            if (plan.KindOf(index) is { } kind)
            {
                var random = new RowRandom(Settings.Seed, Schema.Name + "/spoil", index);
                if (kind == BadRowKind.Duplicate)
                {
                    yield return row;
                    yield return Duplicate(row, ref random);
                    continue;
                }
                Spoil(row, kind, ref random);
            }
            yield return row;
        }
    }

    /// <summary>The spoiled rows, by key; a quality rule's test knows exactly what it must catch.</summary>
    public IEnumerable<BadRow> BadRows()
    {
        var plan = _plan.Value;
        foreach (var index in plan.Indexes)
        {
            var kind = plan.KindOf(index)!.Value;
            var row = Row(index);
            var key = KeyOf(row);
            var random = new RowRandom(Settings.Seed, Schema.Name + "/spoil", index);
            var column = kind == BadRowKind.Duplicate ? DuplicateColumn : Spoil(row, kind, ref random);
            yield return new BadRow(Schema.Name, key, kind, column);
        }
    }

    public string KeyOf(object?[] row) =>
        string.Join('/', Schema.Columns.Select((column, i) => (column, i)).Where(c => c.column.IsKey).Select(c => Convert.ToString(row[c.i], System.Globalization.CultureInfo.InvariantCulture)));
}
