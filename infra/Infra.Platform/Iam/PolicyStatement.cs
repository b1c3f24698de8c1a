using Infra.Model.Values;

namespace Infra.Platform.Iam;

/// <summary>One statement of an IAM or resource policy. Rendering checks every action against the IAM catalog.</summary>
public sealed record PolicyStatement
{
    public required string Sid { get; init; }
    public required PolicyEffect Effect { get; init; }
    /// <summary>Principal as written in a resource policy, e.g. <c>{"Service": "logging.s3.amazonaws.com"}</c> or "*".</summary>
    public Value? Principal { get; init; }
    public required IReadOnlyList<string> Actions { get; init; }
    /// <summary>Empty for trust policies, which name no resource.</summary>
    public required IReadOnlyList<Value> Resources { get; init; }
    /// <summary>Condition operator → (condition key → value).</summary>
    public IReadOnlyList<(string Operator, string Key, Value Value)> Conditions { get; init; } = [];

    /// <summary>An identity-policy statement allowing actions on resources.</summary>
    public static PolicyStatement Allow(string sid, IReadOnlyList<string> actions, params Value[] resources) => new()
    {
        Sid = sid,
        Effect = PolicyEffect.Allow,
        Actions = actions,
        Resources = resources,
    };

    public MapValue ToMap()
    {
        foreach (var action in Actions)
        {
            IamActions.Check(Sid, action);
        }
        var map = new MapValue { ["Sid"] = Sid, ["Effect"] = Effect.ToString() };
        if (Principal is not null)
        {
            map["Principal"] = Principal;
        }
        map["Action"] = new ListValue(Actions.Select(action => (Value)action));
        if (Resources.Count > 0)
        {
            map["Resource"] = new ListValue(Resources);
        }
        if (Conditions.Count > 0)
        {
            var conditions = new MapValue();
            foreach (var group in Conditions.GroupBy(c => c.Operator))
            {
                var keys = new MapValue();
                foreach (var (_, key, value) in group)
                {
                    keys.Add(key, value);
                }
                conditions.Add(group.Key, keys);
            }
            map["Condition"] = conditions;
        }
        return map;
    }
}

public enum PolicyEffect
{
    Allow,
    Deny,
}
