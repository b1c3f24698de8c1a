using Infra.Model;
using Infra.Platform.Access;

namespace Infra.Policy.Access;

/// <summary>
/// Decides every declared call of every actor against the synthesized program the way AWS does (IAM User Guide,
/// "Policy evaluation logic"; KMS Developer Guide, "Key policies" and "kms:ViaService"; Lake Formation Developer
/// Guide): an explicit Deny in any policy that applies wins; a KMS key is usable only if its key policy allows
/// the principal, directly or by naming the account root and so deferring to the caller's IAM policies; any other
/// resource of the account is usable if the caller's identity policy or the resource's policy allows it; where
/// Lake Formation governs the catalog, its permissions must allow the table access too. It reads the program only:
/// it shares nothing with the code that derives the grants.
/// </summary>
public static class AccessProof
{
    /// <param name="accountWide">The account stack's program (what AWS keeps once per account), for any other stack.</param>
    public static AccessReport Evaluate(PulumiProgram program, IReadOnlyList<Actor> actors, PulumiProgram? accountWide = null)
    {
        var account = new Account(program, accountWide);
        var used = new HashSet<(string Policy, string Sid, string Action)>();
        var decisions = new List<Decision>();
        foreach (var actor in actors)
        {
            foreach (var call in actor.Calls)
            {
                var requests = RequestExpansion.Of(call, account);
                var denials = requests.Select(request => Decide(account, actor.Principal, request, used)).OfType<Denial>().ToList();
                decisions.Add(new Decision(actor, call, requests, denials));
            }
        }
        return new AccessReport(decisions, Unused(account, actors, used));
    }

    private static Denial? Decide(Account account, ActorPrincipal principal, Request request, ISet<(string, string, string)> used) => request switch
    {
        ApiRequest api => DecideApi(account, principal, api, used),
        LakePermissionRequest lake => principal is RolePrincipal role && account.Lake.Holds(RoleArn(role), lake.Permission, lake.Database, lake.Table)
            ? null
            : new Denial(request, "Lake Formation permission", $"no grant gives {lake.Permission} on {lake.Database}{(lake.Table is null ? "" : "." + lake.Table)}"),
        DataLocationRequest location => principal is RolePrincipal role && account.Lake.HoldsDataLocation(RoleArn(role), location.Location)
            ? null
            : new Denial(request, "Lake Formation data location", $"no DATA_LOCATION_ACCESS grant on {location.Location}"),
        _ => throw new ArgumentException($"unknown request {request}"),
    };

    private static Denial? DecideApi(Account account, ActorPrincipal principal, ApiRequest request, ISet<(string, string, string)> used)
    {
        // Requests go over TLS unless the call says otherwise.
        var context = new Dictionary<string, string>(request.Context, StringComparer.Ordinal);
        context.TryAdd("aws:SecureTransport", "true");
        if (request.Via is { } via)
        {
            context["kms:ViaService"] = $"{via}.{account.Region}.amazonaws.com";
        }
        if (principal is ServicePrincipal)
        {
            context["aws:SourceAccount"] = "${accountId}";
        }
        IReadOnlyCollection<string> who = principal switch
        {
            RolePrincipal role => [RoleArn(role)],
            ServicePrincipal service => [service.Service],
            _ => [],
        };
        var identity = principal is RolePrincipal r ? account.IdentityPolicies(r.RoleResource) : [];
        var resourcePolicies = account.ResourcePolicies(request.Resource).ToList();

        var identityDeny = identity.FirstOrDefault(s => !s.Statement.Allows && s.Statement.Applies(request.Action, request.Resource, context));
        if (identityDeny.Statement is not null)
        {
            return new Denial(request, $"explicit deny in identity policy {identityDeny.Resource}", $"statement {identityDeny.Statement.Sid}");
        }
        var resourceDeny = resourcePolicies.FirstOrDefault(p => !p.Statement.Allows && p.Statement.MatchesPrincipal(who) && p.Statement.Applies(request.Action, request.Resource, context));
        if (resourceDeny.Statement is not null)
        {
            return new Denial(request, $"explicit deny in {resourceDeny.Policy}", $"statement {resourceDeny.Statement.Sid}");
        }

        var identityAllow = identity.Where(s => s.Statement.Allows && s.Statement.Applies(request.Action, request.Resource, context)).ToList();
        foreach (var (policy, statement) in identityAllow)
        {
            foreach (var action in statement.Actions.Where(a => Statement.Wildcard(a, request.Action, ignoreCase: true)))
            {
                used.Add((policy, statement.Sid, action));
            }
        }
        var allows = resourcePolicies.Where(p => p.Statement.Allows && p.Statement.Applies(request.Action, request.Resource, context)).ToList();
        var directly = allows.Any(p => p.Statement.MatchesPrincipal(who) && !p.Statement.Principals.All(Account.IsAccountRoot));
        var delegates = allows.Any(p => p.Statement.Principals.Any(Account.IsAccountRoot));

        if (account.IsKey(request.Resource))
        {
            // KMS: the key policy must allow the use, directly or by naming the account root; only then do IAM policies count.
            if (directly || (delegates && principal is RolePrincipal && identityAllow.Count > 0))
            {
                return null;
            }
            return delegates && principal is RolePrincipal
                ? new Denial(request, "identity policy", "no statement allows it (the key policy defers to IAM)")
                : new Denial(request, "key policy", "the key policy neither allows the principal nor defers to IAM for it");
        }
        if (identityAllow.Count > 0 || directly)
        {
            return null;
        }
        return principal is RolePrincipal
            ? new Denial(request, "identity policy", "no statement allows it")
            : new Denial(request, resourcePolicies.Count > 0 ? resourcePolicies[0].Policy : "resource policy", "no statement allows the service");
    }

    /// <summary>Every action an identity policy allows that no declared call of the role's actors needs.</summary>
    private static IReadOnlyList<UnusedPermission> Unused(Account account, IReadOnlyList<Actor> actors, IReadOnlySet<(string Policy, string Sid, string Action)> used)
    {
        var declared = actors.Select(a => a.Principal).OfType<RolePrincipal>().Select(r => r.RoleResource).ToHashSet(StringComparer.Ordinal);
        return [.. declared.SelectMany(role => account.IdentityPolicies(role)
                .Where(s => s.Statement.Allows)
                .SelectMany(s => s.Statement.Actions.Where(a => !used.Contains((s.Resource, s.Statement.Sid, a))).Select(a => new UnusedPermission(role, s.Resource, s.Statement.Sid, a))))
            .Distinct()];
    }

    public static string RoleArn(RolePrincipal role) => $"${{{role.RoleResource}.arn}}";
}

/// <summary>One declared call: the requests AWS would authorize for it, and those it would deny.</summary>
public sealed record Decision(Actor Actor, Call Call, IReadOnlyList<Request> Requests, IReadOnlyList<Denial> Denials)
{
    public bool Allowed => Denials.Count == 0;
}

/// <summary>A request AWS would deny, the layer that denies it and why.</summary>
public sealed record Denial(Request Request, string Layer, string Reason)
{
    public override string ToString() => $"{Request.Describe()} ({Request.Because}): denied by {Layer}: {Reason}";
}

/// <summary>A permission granted to a role that none of its declared calls uses.</summary>
public sealed record UnusedPermission(string Role, string Policy, string Sid, string Action)
{
    public override string ToString() => $"{Role}: {Policy} statement {Sid} allows {Action}, which no declared call uses";
}

public sealed record AccessReport(IReadOnlyList<Decision> Decisions, IReadOnlyList<UnusedPermission> Unused)
{
    public IEnumerable<string> Failures => Decisions.Where(d => !d.Allowed)
        .SelectMany(d => d.Denials.Select(denial => $"{d.Actor.Name} cannot {d.Call.Describe()}: {denial}"));
}
