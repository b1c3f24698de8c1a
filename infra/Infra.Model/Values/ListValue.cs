namespace Infra.Model.Values;

/// <summary>An ordered list of values; build it with a collection initializer.</summary>
public sealed record ListValue : Value, IEnumerable<Value>
{
    private readonly List<Value> _items = [];

    public ListValue() { }

    public ListValue(IEnumerable<Value> items) => _items.AddRange(items);

    public IReadOnlyList<Value> Items => _items;

    public void Add(Value item) => _items.Add(item);

    public IEnumerator<Value> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ListValue? other) => other is not null && _items.SequenceEqual(other._items);

    public override int GetHashCode() => _items.Count;
}
