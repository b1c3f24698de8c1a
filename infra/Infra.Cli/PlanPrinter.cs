using System.Text;
using Infra.Model;
using Infra.Model.Values;
using Infra.Platform.Configuration;

namespace Infra.Cli;

/// <summary>An offline, human-readable plan of a synthesized stack: what `pulumi up` would create.</summary>
public static class PlanPrinter
{
    public static string Print(StackSettings settings, PulumiProgram program)
    {
        var text = new StringBuilder();
        var profile = settings.Profile;
        text.AppendLine($"Stack {settings.Stack} of project {settings.Project} in {settings.Region}");
        text.AppendLine($"  environment {profile.Environment}, course {profile.Course}, owner {settings.Owner}, " +
                        (profile.RetainData ? "data protected and retained" : "data destroyable"));
        text.AppendLine();

        foreach (var group in program.Resources.GroupBy(r => r.Group))
        {
            text.AppendLine($"{group.Key} ({group.Count()})");
            var width = group.Max(r => r.Type.Length);
            foreach (var resource in group)
            {
                var flags = new List<string>();
                if (resource.Options.Protect == true) flags.Add("protect");
                if (resource.Options.RetainOnDelete == true) flags.Add("retain");
                var suffix = flags.Count > 0 ? $"  [{string.Join(", ", flags)}]" : "";
                text.AppendLine($"  + {resource.Type.PadRight(width)}  {resource.Name}{suffix}");
            }
        }
        text.AppendLine();

        text.AppendLine("Resources by type");
        foreach (var type in program.Resources.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {type.Count(),3}  {type.Key}");
        }
        text.AppendLine($"  {program.Resources.Count,3}  total");
        text.AppendLine();

        text.AppendLine("Outputs");
        foreach (var (name, value) in program.Outputs)
        {
            text.AppendLine($"  {name} = {Describe(value)}");
        }
        return text.ToString();
    }

    private static string Describe(Value value) => value switch
    {
        Reference reference => reference.ToString(),
        Text text => text.Content,
        _ => value.GetType().Name,
    };
}
