using Infra.Model.Values;

namespace Infra.Model.Inputs;

/// <summary>Turns the literals typed inputs accept into program values.</summary>
public static class InputValues
{
    public static Value Literal<T>(T literal) => literal switch
    {
        null => throw new ArgumentNullException(nameof(literal), "a typed input needs a value; leave the property unset instead"),
        string text => text,
        bool flag => flag,
        double number when Math.Floor(number) == number && Math.Abs(number) < 1e15 => (long)number,
        double number => number,
        StringEnum member => member.Name,
        InputObject nested => nested.ToMap(),
        _ => throw new ArgumentException($"{typeof(T).Name} is not a type of resource input"),
    };

    /// <summary>Adds a property to a map when it is set.</summary>
    public static void Put<T>(MapValue map, string name, Input<T>? input)
    {
        if (input is not null)
        {
            map[name] = input.Value;
        }
    }

    public static void Put(MapValue map, string name, Value? value)
    {
        if (value is not null)
        {
            map[name] = value;
        }
    }

    public static void Put<T>(MapValue map, string name, InputList<T>? list)
    {
        if (list is not null)
        {
            map[name] = list.ToValue();
        }
    }

    public static void Put<T>(MapValue map, string name, InputMap<T>? entries)
    {
        if (entries is not null)
        {
            map[name] = entries.ToValue();
        }
    }
}
