using Infra.Model.Values;

namespace Infra.Model.Inputs;

/// <summary>A list input: written item by item (<c>["x86_64"]</c>) or as one value that yields a list.</summary>
public sealed class InputList<T> : IEnumerable<Input<T>>
{
    private readonly List<Input<T>> _items = [];
    private Value? _whole;

    public void Add(Input<T> item)
    {
        if (_whole is not null)
        {
            throw new InvalidOperationException("a list given as one value cannot take items");
        }
        _items.Add(item);
    }

    public static implicit operator InputList<T>(Value whole) => new() { _whole = whole };

    public Value ToValue() => _whole ?? new ListValue(_items.Select(item => item.Value));

    public IEnumerator<Input<T>> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
