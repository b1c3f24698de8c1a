using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Profiles;
using Infra.Policy;
using Infra.Policy.Access;
using Infra.Tests.Support;

namespace Infra.Tests.Access;

/// <summary>The access proof over a checked-in stack, as it stands or with a fix taken away.</summary>
public static class StackProof
{
    public static AccessReport Of(string stack) => Without(stack, _ => false);

    /// <summary>The proof over a stack with resources dropped and, when <paramref name="sid"/> is given, that statement taken out of every role policy.</summary>
    public static AccessReport Without(string stack, Func<Resource, bool> drop, string? sid = null)
    {
        var synthesis = PlatformProgram.Synthesize(Stacks.Settings(stack));
        var program = new PulumiProgram("copy");
        foreach (var (name, value) in synthesis.Program.Variables)
        {
            program.AddVariable(name, value);
        }
        foreach (var resource in synthesis.Program.Resources.Where(r => !drop(r)))
        {
            program.Add(sid is null ? resource : WithoutStatement(resource, sid));
        }
        return AccessProof.Evaluate(program, synthesis.Actors, AccountWide(stack));
    }

    /// <summary>The account stack's program every other stack deploys beside.</summary>
    public static PulumiProgram? AccountWide(string stack) =>
        stack == Infra.Platform.Components.Account.AccountWide.Stack ? null : PlatformProgram.Build(Stacks.Settings(Infra.Platform.Components.Account.AccountWide.Stack));

    private static Resource WithoutStatement(Resource resource, string sid)
    {
        if (resource.Type != "aws:iam:RolePolicy" || ProgramView.Input(resource, "policy") is not BuiltIn { Argument: MapValue document })
        {
            return resource;
        }
        var statements = (ListValue)document["Statement"];
        var kept = statements.Items.Where(s => s is not MapValue map || !(map.TryGet("Sid", out var id) && Rendered.Of(id) == sid));
        var properties = new MapValue();
        foreach (var (key, value) in resource.Properties.Entries)
        {
            properties[key] = key == "policy"
                ? Fn.ToJson(new MapValue { ["Version"] = document["Version"], ["Statement"] = new ListValue(kept) })
                : value;
        }
        return new Resource(resource.Name, resource.Type, properties);
    }
}
