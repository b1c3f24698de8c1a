using Infra.Platform.Iam;

namespace Infra.Platform.Access;

/// <summary>
/// One thing a function may do with a resource, declared once: the calls it makes (what the access proof
/// checks) and the statements that allow exactly those calls, with the services through which it uses the
/// stack key for them (the key statement is derived from these across all of a function's permissions).
/// </summary>
/// <param name="DecryptsOnly">Whether what it does with the key's data only reads it (no new data key is ever asked for).</param>
public sealed record Permission(IReadOnlyList<PolicyStatement> Statements, IReadOnlyList<Call> Calls, IReadOnlyList<string> KeyServices, bool DecryptsOnly = false)
{
    /// <summary>The order the key's services are named in (and so the key statement's Sid).</summary>
    public static readonly IReadOnlyList<string> KeyServiceOrder = ["s3", "kinesis", "sqs", "ssm", "sns"];

    /// <summary>The services through which a set of permissions uses the key, in <see cref="KeyServiceOrder"/>.</summary>
    public static string[] KeyServicesOf(IEnumerable<Permission> permissions)
    {
        var services = permissions.SelectMany(p => p.KeyServices).ToHashSet();
        return [.. KeyServiceOrder.Where(services.Contains), .. services.Except(KeyServiceOrder).Order(StringComparer.Ordinal)];
    }
}
