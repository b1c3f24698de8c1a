using System.Data.Common;
using System.Text.Json;

namespace DbExtract;

/// <summary>The rows of one part that could not be written as they are: NDJSON lines of their key, the column and the reason.</summary>
public sealed class RowQuarantine(IReadOnlyList<string> key)
{
    private readonly MemoryStream _lines = new();

    public int Count { get; private set; }

    public void Add(DbDataReader reader, IReadOnlyList<int> keyIndexes, UnencodableValueException problem)
    {
        using (var json = new Utf8JsonWriter(_lines))
        {
            json.WriteStartObject();
            json.WriteStartObject("key");
            for (var i = 0; i < key.Count; i++)
            {
                json.WriteString(key[i], KeyText(reader, keyIndexes[i]));
            }
            json.WriteEndObject();
            json.WriteString("column", problem.Column);
            json.WriteString("reason", problem.Reason);
            json.WriteEndObject();
        }
        _lines.WriteByte((byte)'\n');
        Count++;
    }

    public byte[] ToArray() => _lines.ToArray();

    private static string KeyText(DbDataReader reader, int index)
    {
        try
        {
            return TypedValue.Of(reader.GetValue(index)).Text;
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or NotSupportedException)
        {
            return $"(unreadable: {e.Message})";
        }
    }
}
