using Infra.Model.Inputs;
using Infra.Model.Values;

namespace Infra.Model.Resources;

/// <summary>
/// Adds the resources of one component to a program: each is labelled with the component's
/// name and uses the scope's provider unless it names its own. Inputs are typed, so a
/// misspelled property or enum value fails the build.
/// </summary>
public sealed class ComponentScope(PulumiProgram program, string component, Reference? provider)
{
    public PulumiProgram Program { get; } = program;

    public string Component { get; } = component;

    public Resource Add(string name, ResourceArgs args, ResourceOptions? options = null)
    {
        var effective = options ?? ResourceOptions.None;
        if (effective.Provider is null && provider is not null)
        {
            effective = effective with { Provider = provider };
        }
        return Program.Add(new Resource(name, args.TypeToken, args.ToMap(), effective, Component));
    }
}
