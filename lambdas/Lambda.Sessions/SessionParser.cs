using System.Text.Json;

namespace Lambda.Sessions;

/// <summary>
/// Decodes a Kinesis payload and validates it against the web-session schema. Every
/// rejection carries a reason that names the field and the rule it broke.
/// </summary>
public static class SessionParser
{
    public readonly record struct Result(SessionRecord? Session, string? Reason)
    {
        public bool IsValid => Session is not null;
    }

    public static Result Parse(string base64Data)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64Data);
        }
        catch (FormatException)
        {
            return Reject("data is not valid base64");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return Reject($"data is not JSON: {e.Message}");
        }
        using (document)
        {
            try
            {
                return new Result(Read(document.RootElement), null);
            }
            catch (SchemaException e)
            {
                return Reject(e.Message);
            }
            catch (InvalidOperationException)
            {
                // A string the JSON holds but .NET cannot represent: a lone surrogate escape or bytes that are not UTF-8.
                return Reject(Pipelines.Declarations.Functions.RecordFaults.UnrepresentableString);
            }
        }
    }

    private static Result Reject(string reason) => new(null, reason);

    private static SessionRecord Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaException($"a session must be a JSON object, not {root.ValueKind}");
        }
        var history = Field(root, "browse_history", "", JsonValueKind.Array);
        var items = new List<BrowseItem>(history.GetArrayLength());
        var index = 0;
        foreach (var item in history.EnumerateArray())
        {
            var where = $"browse_history[{index++}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new SchemaException($"'{where.TrimEnd('.')}' must be an object");
            }
            items.Add(new BrowseItem(
                NonEmptyString(item, "product_code", where),
                NonNegativeInteger(item, "quantity", where),
                Boolean(item, "in_shopping_cart", where)));
        }
        var customer = NonNegativeInteger(root, "customer_number", "");
        if (customer == 0)
        {
            throw new SchemaException("'customer_number' must be a positive integer");
        }
        var creditLimit = Field(root, "credit_limit", "", JsonValueKind.Number).GetDouble();
        if (creditLimit < 0 || !double.IsFinite(creditLimit))
        {
            throw new SchemaException("'credit_limit' must be a non-negative number");
        }
        return new SessionRecord(
            NonEmptyString(root, "session_id", ""),
            customer,
            Field(root, "city", "", JsonValueKind.String).GetString()!,
            NonEmptyString(root, "country", ""),
            creditLimit,
            items);
    }

    private static JsonElement Field(JsonElement parent, string name, string where, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new SchemaException($"missing field '{where}{name}'");
        }
        if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
        {
            throw new SchemaException($"'{where}{name}' must be {Describe(kind)}, not {value.ValueKind.ToString().ToLowerInvariant()}");
        }
        return value;
    }

    private static string NonEmptyString(JsonElement parent, string name, string where)
    {
        var text = Field(parent, name, where, JsonValueKind.String).GetString()!;
        return text.Trim().Length > 0 ? text : throw new SchemaException($"'{where}{name}' must not be empty");
    }

    private static long NonNegativeInteger(JsonElement parent, string name, string where) =>
        Field(parent, name, where, JsonValueKind.Number).TryGetInt64(out var number) && number >= 0
            ? number
            : throw new SchemaException($"'{where}{name}' must be a non-negative integer");

    private static bool Boolean(JsonElement parent, string name, string where) =>
        Field(parent, name, where, JsonValueKind.True).GetBoolean();

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private sealed class SchemaException(string message) : Exception(message);
}
