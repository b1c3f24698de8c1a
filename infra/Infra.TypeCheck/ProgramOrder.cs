using Infra.Model;
using Infra.Model.Values;

namespace Infra.TypeCheck;

/// <summary>Orders config, variables and resources so each comes after everything it references.</summary>
internal static class ProgramOrder
{
    public sealed record Item(string Name, object Declaration, IReadOnlyList<string> References);

    public static IReadOnlyList<Item> Sort(PulumiProgram program)
    {
        var items = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var (key, declaration) in program.Config)
        {
            items[key] = new Item(key, declaration, []);
        }
        foreach (var (name, value) in program.Variables)
        {
            items[name] = new Item(name, value, Roots(value).ToList());
        }
        foreach (var resource in program.Resources)
        {
            items[resource.Name] = new Item(resource.Name, resource,
                Roots(resource.Properties).Concat(Roots(resource.Options.ToMap())).ToList());
        }

        var order = new List<Item>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        void Visit(Item item)
        {
            if (state.TryGetValue(item.Name, out var done))
            {
                if (!done)
                {
                    throw new SynthesisException($"dependency cycle through '{item.Name}'");
                }
                return;
            }
            state[item.Name] = false;
            foreach (var root in item.References)
            {
                if (items.TryGetValue(root, out var dependency))
                {
                    Visit(dependency);
                }
            }
            state[item.Name] = true;
            order.Add(item);
        }
        foreach (var item in items.Values)
        {
            Visit(item);
        }
        return order;
    }

    public static IEnumerable<string> Roots(Value value) => value switch
    {
        Reference reference => [reference.Root],
        Interpolation interpolation => interpolation.Parts.SelectMany(Roots),
        BuiltIn call => Roots(call.Argument),
        MapValue map => map.SelectMany(entry => Roots(entry.Value)),
        ListValue list => list.SelectMany(Roots),
        _ => [],
    };
}
