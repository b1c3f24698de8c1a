using Infra.Model.Values;

namespace Infra.Platform.Components.Orchestration;

/// <summary>
/// States that run one after another: each continues with the one added after it, the last with the chain's end.
/// The order they are added in is the order they run in; no state names its successor by hand.
/// </summary>
internal sealed class StateChain
{
    private readonly List<(string Name, Action<MapValue, string?> Add)> _links = [];

    /// <summary>Adds a state, built knowing the state it continues with (null: it ends the run).</summary>
    public StateChain Then(string name, Func<string?, MapValue> state) => Then(name, (states, next) => states[name] = state(next));

    /// <summary>Adds states entered at <paramref name="name"/> whose way out continues with the next.</summary>
    public StateChain Then(string name, Action<MapValue, string?> add)
    {
        _links.Add((name, add));
        return this;
    }

    /// <summary>Writes the states into <paramref name="states"/> in order, the last continuing with <paramref name="end"/>.</summary>
    public void AddTo(MapValue states, string? end)
    {
        for (var i = 0; i < _links.Count; i++)
        {
            _links[i].Add(states, i + 1 < _links.Count ? _links[i + 1].Name : end);
        }
    }
}
