namespace Infra.Model.Values;

/// <summary>
/// A map of string keys to values that keeps insertion order, so the same code always
/// writes the same YAML. Build it with a collection initializer: <c>new MapValue { ["key"] = value }</c>.
/// </summary>
public sealed record MapValue : Value, IEnumerable<KeyValuePair<string, Value>>
{
    private readonly List<KeyValuePair<string, Value>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, Value>> Entries => _entries;

    public int Count => _entries.Count;

    public Value this[string key]
    {
        get => TryGet(key, out var value) ? value : throw new KeyNotFoundException($"map has no key '{key}'");
        set
        {
            var index = _entries.FindIndex(entry => entry.Key == key);
            if (index >= 0)
            {
                _entries[index] = new(key, value);
            }
            else
            {
                _entries.Add(new(key, value));
            }
        }
    }

    public void Add(string key, Value value)
    {
        if (_entries.Exists(entry => entry.Key == key))
        {
            throw new ArgumentException($"map already has key '{key}'", nameof(key));
        }
        _entries.Add(new(key, value));
    }

    public bool TryGet(string key, out Value value)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key == key)
            {
                value = entry.Value;
                return true;
            }
        }
        value = Null.Instance;
        return false;
    }

    public IEnumerator<KeyValuePair<string, Value>> GetEnumerator() => _entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(MapValue? other) => other is not null && _entries.SequenceEqual(other._entries);

    public override int GetHashCode() => _entries.Count;
}
