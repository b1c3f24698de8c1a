namespace Infra.Cli;

/// <summary>The variables Pulumi's YAML language host sets when it runs the compiler.</summary>
public static class PulumiEnvironment
{
    public const string Stack = "PULUMI_STACK";
    public const string Project = "PULUMI_PROJECT";
    public const string Organization = "PULUMI_ORGANIZATION";
    public const string Config = "PULUMI_CONFIG";
    public const string RootDirectory = "PULUMI_ROOT_DIRECTORY";
    public const string DefaultOrganization = "organization";

    public static readonly IReadOnlyList<string> All = [Stack, Project, Organization, Config, RootDirectory];
}
