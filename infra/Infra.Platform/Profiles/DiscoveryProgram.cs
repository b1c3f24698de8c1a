using Infra.Model;
using Infra.Model.Resources;

namespace Infra.Platform.Profiles;

/// <summary>
/// The program printed when Pulumi runs the compiler without a stack, only to learn which
/// provider plugins to install: one provider resource per package, each with its pinned version.
/// It is never deployed.
/// </summary>
public static class DiscoveryProgram
{
    public static PulumiProgram Build(string project)
    {
        var program = new PulumiProgram(project, PlatformProgram.Description);
        foreach (var (package, version) in ProviderVersions.All)
        {
            program.Add(new Resource($"{package}-provider", $"pulumi:providers:{package}", options: new ResourceOptions { Version = version }));
        }
        return program;
    }
}
