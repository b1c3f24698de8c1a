using System.Text.Json;

namespace Lambda.Hosting.Logging;

/// <summary>Writes a named primitive without reflection.</summary>
internal static class JsonValues
{
    public static void Write(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case string text: json.WriteString(name, text); break;
            case bool flag: json.WriteBoolean(name, flag); break;
            case int number: json.WriteNumber(name, number); break;
            case long number: json.WriteNumber(name, number); break;
            case double number: json.WriteNumber(name, number); break;
            default: json.WriteString(name, value.ToString()); break;
        }
    }
}
