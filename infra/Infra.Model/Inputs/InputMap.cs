using Infra.Model.Values;

namespace Infra.Model.Inputs;

/// <summary>A map input with string keys, such as tags or environment variables; keeps insertion order.</summary>
public sealed class InputMap<T> : IEnumerable<KeyValuePair<string, Input<T>>>
{
    private readonly MapValue _entries = [];
    private Value? _whole;

    public int Count => _entries.Count;

    public Input<T> this[string key]
    {
        set => Add(key, value);
    }

    public void Add(string key, Input<T> value)
    {
        if (_whole is not null)
        {
            throw new InvalidOperationException("a map given as one value cannot take entries");
        }
        _entries.Add(key, value.Value);
    }

    public static implicit operator InputMap<T>(Value whole) => new() { _whole = whole };

    public Value ToValue() => _whole ?? _entries;

    public IEnumerator<KeyValuePair<string, Input<T>>> GetEnumerator() =>
        _entries.Select(entry => new KeyValuePair<string, Input<T>>(entry.Key, entry.Value)).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
