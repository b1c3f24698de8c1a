namespace Infra.Platform.Components.Account;

/// <summary>What exists once per account and region, owned by the account stack alone.</summary>
public sealed record AccountWideSettings
{
    /// <summary>
    /// Roles that administer Lake Formation besides the account stack's deployer and its lake-admin role: the roles that
    /// deploy governed stacks (a stack's deployer must be an administrator to grant and tag), as IAM role ARNs.
    /// </summary>
    public IReadOnlyList<string> LakeAdmins { get; init; } = [];

    /// <summary>Who may assume the lake-admin role (an IAM role ARN, <c>*</c> allowed); null means its IAM Identity Center permission set.</summary>
    public string? LakeAdminPrincipal { get; init; }
}
