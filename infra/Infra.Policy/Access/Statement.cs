using System.Text.RegularExpressions;
using Infra.Model.Values;
using Infra.Platform.Access;

namespace Infra.Policy.Access;

/// <summary>
/// One statement of an identity, resource or key policy as IAM evaluates it (IAM User Guide, "Policy evaluation
/// logic" and "IAM JSON policy elements"): actions match case-insensitively with <c>*</c> and <c>?</c>, resources
/// case-sensitively with the same wildcards, and every condition operator must hold for the request's keys.
/// References are compared as their <c>${…}</c> text, so a policy and a call built from the same references match.
/// </summary>
public sealed record Statement(string Sid, bool Allows, IReadOnlyList<string> Principals, IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources, IReadOnlyList<Condition> Conditions)
{
    public static Statement Parse(MapValue statement)
    {
        string Text(string key) => statement.TryGet(key, out var value) ? Rendered.Of(value) : "";
        IReadOnlyList<string> Strings(Value? value) => value switch
        {
            null => [],
            ListValue list => [.. list.Items.Select(Rendered.Of)],
            _ => [Rendered.Of(value)],
        };
        var principals = new List<string>();
        if (statement.TryGet("Principal", out var principal))
        {
            if (principal is MapValue kinds)
            {
                foreach (var (_, who) in kinds.Entries)
                {
                    principals.AddRange(Strings(who));
                }
            }
            else
            {
                principals.AddRange(Strings(principal));
            }
        }
        var conditions = new List<Condition>();
        if (statement.TryGet("Condition", out var block) && block is MapValue operators)
        {
            foreach (var (op, keys) in operators.Entries)
            {
                if (keys is MapValue map)
                {
                    conditions.AddRange(map.Entries.Select(entry => new Condition(op, entry.Key, Strings(entry.Value))));
                }
            }
        }
        return new Statement(Text("Sid"), Text("Effect") == "Allow", principals,
            Strings(statement.TryGet("Action", out var actions) ? actions : null),
            Strings(statement.TryGet("Resource", out var resources) ? resources : null), conditions);
    }

    public bool MatchesAction(string action) => Actions.Any(pattern => Wildcard(pattern, action, ignoreCase: true));

    /// <summary>Identity policies name resources; a resource policy without Resource applies to its own resource.</summary>
    public bool MatchesResource(string resource) => Resources.Count == 0 || Resources.Any(pattern => Wildcard(pattern, resource, ignoreCase: false));

    public bool MatchesPrincipal(IReadOnlyCollection<string> principal) => Principals.Any(p => p == "*" || principal.Contains(p));

    public bool ConditionsHold(IReadOnlyDictionary<string, string> context) => Conditions.All(c => c.Holds(context) ?? !Allows);

    public bool Applies(string action, string resource, IReadOnlyDictionary<string, string> context) =>
        MatchesAction(action) && MatchesResource(resource) && ConditionsHold(context);

    public static bool Wildcard(string pattern, string value, bool ignoreCase)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
        {
            return string.Equals(pattern, value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline);
    }
}

/// <summary>One condition key under one operator; any of its values may match (IAM's OR within a key).</summary>
public sealed record Condition(string Operator, string Key, IReadOnlyList<string> Values)
{
    /// <summary>Whether the condition holds; null for an operator this proof does not model (an Allow then grants nothing, a Deny applies).</summary>
    public bool? Holds(IReadOnlyDictionary<string, string> context)
    {
        var op = Operator;
        var ifExists = op.EndsWith("IfExists", StringComparison.Ordinal);
        if (ifExists)
        {
            op = op[..^"IfExists".Length];
        }
        if (!context.TryGetValue(Key, out var actual))
        {
            // A missing key satisfies only negated operators and IfExists (IAM: "condition keys that are not present").
            return ifExists || op.Contains("Not", StringComparison.Ordinal);
        }
        return op switch
        {
            "StringEquals" or "ArnEquals" => Values.Contains(actual),
            "StringEqualsIgnoreCase" => Values.Any(v => string.Equals(v, actual, StringComparison.OrdinalIgnoreCase)),
            "StringNotEquals" or "ArnNotEquals" => !Values.Contains(actual),
            "StringLike" or "ArnLike" => Values.Any(v => Statement.Wildcard(v, actual, ignoreCase: false)),
            "StringNotLike" or "ArnNotLike" => !Values.Any(v => Statement.Wildcard(v, actual, ignoreCase: false)),
            "Bool" => Values.Any(v => string.Equals(v, actual, StringComparison.OrdinalIgnoreCase)),
            _ => null,
        };
    }
}
