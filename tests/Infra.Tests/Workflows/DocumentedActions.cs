namespace Infra.Tests.Workflows;

/// <summary>An action at a pinned major version: the inputs its action.yml documents, and those it requires.</summary>
public sealed record DocumentedAction(IReadOnlySet<string> Inputs, IReadOnlySet<string> Required);

/// <summary>
/// The inputs of the actions the workflows use, as each action's <c>action.yml</c> documents them at the major
/// version the workflows pin. A workflow may use only these actions, and only these inputs.
/// </summary>
public static class DocumentedActions
{
    public static readonly IReadOnlyDictionary<string, DocumentedAction> ByReference = new Dictionary<string, DocumentedAction>
    {
        ["actions/checkout@v4"] = new(
            Set("repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user", "persist-credentials", "path", "clean",
                "filter", "sparse-checkout", "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress", "lfs", "submodules",
                "set-safe-directory", "github-server-url"),
            Set()),
        ["actions/setup-dotnet@v4"] = new(
            Set("dotnet-version", "dotnet-quality", "global-json-file", "source-url", "owner", "config-file", "cache", "cache-dependency-path", "workloads"),
            Set()),
        ["actions/setup-node@v4"] = new(
            Set("always-auth", "node-version", "node-version-file", "architecture", "check-latest", "registry-url", "scope", "token", "cache",
                "cache-dependency-path", "mirror", "mirror-token"),
            Set()),
        ["aws-actions/configure-aws-credentials@v4"] = new(
            Set("audience", "aws-access-key-id", "aws-secret-access-key", "aws-session-token", "aws-region", "mask-aws-account-id", "role-to-assume",
                "web-identity-token-file", "role-chaining", "role-duration-seconds", "role-session-name", "role-external-id",
                "role-skip-session-tagging", "inline-session-policy", "managed-session-policies", "output-credentials",
                "unset-current-credentials", "disable-retry", "retry-max-attempts", "special-characters-workaround", "http-proxy"),
            Set("aws-region")),
        ["pulumi/actions@v6"] = new(
            Set("command", "stack-name", "pulumi-version", "pulumi-version-file", "work-dir", "comment-on-pr", "comment-on-pr-number",
                "comment-on-summary", "github-token", "cloud-url", "secrets-provider", "parallel", "message", "config-map", "expect-no-changes",
                "diff", "replace", "target", "target-dependents", "policyPacks", "policyPackConfigs", "refresh", "upsert", "remove",
                "edit-pr-comment", "color", "exclude-protected", "plan", "suppress-outputs", "suppress-progress", "always-include-summary"),
            Set()),
    };

    /// <summary>The commands pulumi/actions accepts (its README): `update` is `up`'s alias.</summary>
    public static readonly IReadOnlySet<string> PulumiCommands = Set("up", "update", "refresh", "destroy", "preview", "output");

    /// <summary>Inputs that would carry long-lived AWS keys: credentials come from OIDC role assumption instead.</summary>
    public static readonly IReadOnlySet<string> StoredKeyInputs = Set("aws-access-key-id", "aws-secret-access-key", "aws-session-token");

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
