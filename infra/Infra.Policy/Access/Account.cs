using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Access;
using static Infra.Policy.ProgramView;

namespace Infra.Policy.Access;

/// <summary>
/// What AWS would hold after the program is deployed, as far as access is concerned: each role's identity
/// policies, each resource's policy (bucket, key, topic, queue), what each resource is encrypted with, and
/// Lake Formation's state. Read from the synthesized program and, for what AWS keeps once per account (the catalog's
/// encryption and its key's policy, Lake Formation's settings), from the account stack's program.
/// </summary>
public sealed class Account
{
    private readonly Dictionary<string, List<(string Resource, Statement Statement)>> _identity = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, string Policy, Statement Statement)> _resourcePolicies = [];
    private readonly Dictionary<string, string> _encryptedBy = new(StringComparer.Ordinal);

    /// <param name="accountWide">The account stack's program, which the stack deploys beside; null when the program is the account stack's or stands alone.</param>
    public Account(PulumiProgram program, PulumiProgram? accountWide = null)
    {
        Region = RegionOf(program);
        foreach (var resource in program.Resources)
        {
            Read(resource);
        }
        Lake = new LakeFormationState(program, accountWide is null ? null : new LakeFormationState(accountWide));
        if (accountWide is not null)
        {
            Adopt(program, accountWide);
        }
    }

    public static string RegionOf(PulumiProgram program) =>
        program.Resources.Where(r => r.Type == "pulumi:providers:aws").Select(r => Text(r, "region")).OfType<string>().FirstOrDefault() ?? "us-east-1";

    /// <summary>
    /// The account stack's keys as this program names them (a variable that reads the alias the account stack gives the
    /// key), with their key policies; and the catalog's key. A catalog key this program does not read stays unnamed here,
    /// so every catalog call that needs it is denied.
    /// </summary>
    private void Adopt(PulumiProgram program, PulumiProgram accountWide)
    {
        var shared = new Account(accountWide);
        if (shared.CatalogKey is { } catalogKey && CatalogKey is null)
        {
            CatalogKey = $"the account stack's {catalogKey}, which this stack does not read";
        }
        foreach (var alias in accountWide.Resources.Where(r => r.Type == "aws:kms:Alias"))
        {
            if (Text(alias, "name") is not { } aliasName || Input(alias, "targetKeyId") is not Reference target)
            {
                continue;
            }
            var theirs = $"${{{target.Root}.arn}}";
            foreach (var (variable, value) in program.Variables)
            {
                if (!ReadsAlias(value, aliasName))
                {
                    continue;
                }
                var ours = $"${{{variable}}}";
                _resourcePolicies.AddRange(shared._resourcePolicies.Where(p => p.Prefix == theirs).Select(p => (ours, $"{p.Policy} (account stack)", p.Statement)));
                if (shared.CatalogKey == theirs)
                {
                    CatalogKey = ours;
                }
            }
        }
    }

    /// <summary>Whether a variable is <c>fn::invoke aws:kms/getAlias</c> of the alias, returning the key's ARN.</summary>
    private static bool ReadsAlias(Value value, string aliasName) =>
        value is BuiltIn { Function: "invoke", Argument: MapValue call }
        && call.TryGet("function", out var function) && function is Text { Content: "aws:kms/getAlias:getAlias" }
        && call.TryGet("return", out var returned) && returned is Text { Content: "targetKeyArn" }
        && call.TryGet("arguments", out var arguments) && arguments is MapValue named && named.TryGet("name", out var name) && name is Text { Content: var read }
        && read == aliasName;

    public string Region { get; }

    /// <summary>Whether a policy principal is an account's root: a resource policy naming it delegates to that account's IAM policies.</summary>
    public static bool IsAccountRoot(string principal) =>
        principal.StartsWith("arn:", StringComparison.Ordinal) && principal.Contains(":iam::", StringComparison.Ordinal) && principal.EndsWith(":root", StringComparison.Ordinal);

    public LakeFormationState Lake { get; }

    /// <summary>The data catalog's key when the catalog is encrypted with SSE-KMS, else null.</summary>
    public string? CatalogKey { get; private set; }

    public IReadOnlyList<(string Resource, Statement Statement)> IdentityPolicies(string role) =>
        _identity.TryGetValue(role, out var statements) ? statements : [];

    /// <summary>The statements of every resource policy that governs <paramref name="resource"/>, with the policy's name.</summary>
    public IEnumerable<(string Policy, Statement Statement)> ResourcePolicies(string resource) =>
        _resourcePolicies.Where(p => resource == p.Prefix || resource.StartsWith(p.Prefix + "/", StringComparison.Ordinal)).Select(p => (p.Policy, p.Statement));

    /// <summary>Whether a key policy exists for <paramref name="key"/> (KMS requires one to allow every use).</summary>
    public bool IsKey(string key) => _resourcePolicies.Any(p => p.Prefix == key && p.Policy.StartsWith("key policy", StringComparison.Ordinal));

    /// <summary>The key that encrypts a resource's data at rest (bucket objects, topic, queue, stream), if any.</summary>
    public string? KeyOf(string resourceArn) =>
        _encryptedBy.Where(e => resourceArn == e.Key || resourceArn.StartsWith(e.Key + "/", StringComparison.Ordinal)).Select(e => e.Value).FirstOrDefault();

    private void Read(Resource resource)
    {
        var self = $"${{{resource.Name}.arn}}";
        switch (resource.Type)
        {
            case "aws:iam:RolePolicy" when Input(resource, "role") is Reference role:
                var list = _identity.TryGetValue(role.Root, out var existing) ? existing : _identity[role.Root] = [];
                list.AddRange(Statements(resource, "policy").Select(s => (resource.Name, Statement.Parse(s))));
                break;
            case "aws:iam:Role":
                _identity.TryAdd(resource.Name, []);
                break;
            case "aws:s3:BucketPolicy" when Input(resource, "bucket") is Reference bucket:
                AddResourcePolicy($"${{{bucket.Root}.arn}}", $"bucket policy {resource.Name}", resource);
                break;
            case "aws:kms:Key":
                AddResourcePolicy(self, $"key policy {resource.Name}", resource);
                break;
            case "aws:sns:TopicPolicy" when Input(resource, "arn") is { } topic:
                AddResourcePolicy(Rendered.Of(topic), $"topic policy {resource.Name}", resource);
                break;
            case "aws:sqs:QueuePolicy" when Input(resource, "queueUrl") is Reference queue:
                AddResourcePolicy($"${{{queue.Root}.arn}}", $"queue policy {resource.Name}", resource);
                break;
            case "aws:s3:BucketServerSideEncryptionConfiguration" when Input(resource, "bucket") is Reference bucket
                && Input(resource, "rules") is ListValue rules && rules.Items.OfType<MapValue>().Select(r => r.TryGet("applyServerSideEncryptionByDefault", out var d) ? d as MapValue : null)
                    .FirstOrDefault(d => d is not null && d.TryGet("kmsMasterKeyId", out _)) is { } byDefault:
                _encryptedBy[$"${{{bucket.Root}.arn}}"] = Rendered.Of(byDefault["kmsMasterKeyId"]);
                break;
            case "aws:sns:Topic" or "aws:sqs:Queue" when Input(resource, "kmsMasterKeyId") is { } key:
                _encryptedBy[self] = Rendered.Of(key);
                break;
            case "aws:ssm:Parameter" when Text(resource, "type") == "SecureString" && Input(resource, "keyId") is { } key:
                _encryptedBy[self] = Rendered.Of(key);
                break;
            case "aws:kinesis:Stream" when Input(resource, "kmsKeyId") is { } key && Text(resource, "encryptionType") == "KMS":
                _encryptedBy[self] = Rendered.Of(key);
                break;
            case "aws:glue:DataCatalogEncryptionSettings"
                when Text(resource, "dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode") == "SSE-KMS":
                CatalogKey = Input(resource, "dataCatalogEncryptionSettings.encryptionAtRest.sseAwsKmsKeyId") is { } catalogKey ? Rendered.Of(catalogKey) : null;
                break;
        }
    }

    private void AddResourcePolicy(string prefix, string name, Resource resource) =>
        _resourcePolicies.AddRange(Statements(resource, "policy").Select(s => (prefix, name, Statement.Parse(s))));
}
