namespace Infra.Platform.Components.Governance;

/// <summary>Lake Formation over the lakehouse (course 3, dev and prod).</summary>
public sealed record LakeFormationSettings
{
    /// <summary>
    /// Who may assume each persona's role (an IAM role ARN, <c>*</c> allowed), by persona name; a persona not named
    /// here is assumed by the account's IAM Identity Center roles of its permission set (<see cref="Persona.PermissionSet"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> PersonaPrincipals { get; init; } = new Dictionary<string, string>();
}
