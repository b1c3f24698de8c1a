using Infra.Model.Values;

namespace Infra.Policy.Rules.Services;

/// <summary>The Task states of a state machine definition (as the program holds it), wherever they are nested.</summary>
public static class StateMachineTasks
{
    /// <summary>Every Task state by name, also inside Parallel branches and Map processors.</summary>
    public static IEnumerable<(string Name, MapValue State)> Of(MapValue machine)
    {
        if (!machine.TryGet("States", out var states) || states is not MapValue map)
        {
            yield break;
        }
        foreach (var (name, value) in map.Entries)
        {
            if (value is not MapValue state)
            {
                continue;
            }
            if (state.TryGet("Type", out var type) && type is Text { Content: "Task" })
            {
                yield return (name, state);
            }
            if (state.TryGet("Branches", out var branches) && branches is ListValue list)
            {
                foreach (var nested in list.Items.OfType<MapValue>().SelectMany(Of))
                {
                    yield return nested;
                }
            }
            if (state.TryGet("ItemProcessor", out var processor) && processor is MapValue inner)
            {
                foreach (var nested in Of(inner))
                {
                    yield return nested;
                }
            }
        }
    }
}
