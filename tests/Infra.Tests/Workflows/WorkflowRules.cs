using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Workflows;

/// <summary>
/// What the repository's GitHub workflows must hold beyond valid syntax: only documented actions and inputs,
/// AWS credentials by OIDC role assumption and never stored keys, every deployment behind its stack's
/// environment (so prod waits for its required reviewer), previews on pull requests commented on the PR.
/// </summary>
public static class WorkflowRules
{
    private const string PulumiAction = "pulumi/actions";
    private const string AwsCredentialsAction = "aws-actions/configure-aws-credentials";

    /// <summary>The problems of a set of workflows, by file name (e.g. <c>deploy.yml</c>) and text.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> workflows)
    {
        var problems = new List<string>();
        foreach (var (file, text) in workflows)
        {
            foreach (var key in DocumentedActions.StoredKeyInputs.Select(k => k.ToUpperInvariant().Replace('-', '_')))
            {
                if (text.Contains(key, StringComparison.Ordinal))
                {
                    problems.Add($"{file}: names {key}: AWS credentials come from OIDC role assumption (role-to-assume), never stored keys");
                }
            }
            var root = Parse(text);
            var onPullRequest = Map(root, "on") is { } triggers && triggers.Children.ContainsKey(new YamlScalarNode("pull_request"));
            var workflowPermissions = Map(root, "permissions");
            foreach (var (jobName, job) in Jobs(root))
            {
                var where = $"{file}: job {jobName}";
                if (Scalar(job, "uses") is { } reusable)
                {
                    var name = reusable.StartsWith("./.github/workflows/", StringComparison.Ordinal) ? reusable["./.github/workflows/".Length..] : null;
                    if (name is null || !workflows.ContainsKey(name))
                    {
                        problems.Add($"{where}: calls {reusable}, which is not a workflow of this repository");
                    }
                    continue;
                }
                foreach (var (index, step) in Steps(job))
                {
                    problems.AddRange(StepProblems($"{where} step {index}", job, workflowPermissions, step, onPullRequest));
                }
            }
        }
        return problems;
    }

    private static IEnumerable<string> StepProblems(string where, YamlMappingNode job, YamlMappingNode? workflowPermissions, YamlMappingNode step, bool onPullRequest)
    {
        if (Scalar(step, "uses") is not { } uses)
        {
            yield break;
        }
        if (!DocumentedActions.ByReference.TryGetValue(uses, out var action))
        {
            yield return $"{where}: uses {uses}, which is not a documented action at a pinned major version (see DocumentedActions)";
            yield break;
        }
        var inputs = Map(step, "with")?.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (p.Value as YamlScalarNode)?.Value ?? "") ?? [];
        foreach (var input in inputs.Keys.Where(i => !action.Inputs.Contains(i)))
        {
            yield return $"{where}: {uses} has no input '{input}'";
        }
        foreach (var input in action.Required.Where(i => !inputs.ContainsKey(i)))
        {
            yield return $"{where}: {uses} requires the input '{input}'";
        }
        foreach (var input in inputs.Keys.Where(DocumentedActions.StoredKeyInputs.Contains))
        {
            yield return $"{where}: {input}: AWS credentials come from OIDC role assumption (role-to-assume), never stored keys";
        }
        var name = uses[..uses.IndexOf('@')];
        if (name == AwsCredentialsAction)
        {
            if (!inputs.ContainsKey("role-to-assume"))
            {
                yield return $"{where}: {uses} without role-to-assume";
            }
            var permissions = Map(job, "permissions") ?? workflowPermissions;
            if (permissions is null || Scalar(permissions, "id-token") != "write")
            {
                yield return $"{where}: OIDC role assumption needs the job's permission id-token: write";
            }
        }
        if (name == PulumiAction)
        {
            var command = inputs.GetValueOrDefault("command");
            if (command is null || !DocumentedActions.PulumiCommands.Contains(command))
            {
                yield return $"{where}: {uses} command '{command}' is not one of {string.Join(", ", DocumentedActions.PulumiCommands)}";
            }
            if (!inputs.TryGetValue("stack-name", out var stack) || stack.Length == 0)
            {
                yield return $"{where}: {uses} without stack-name";
            }
            else if (command is "up" or "update" or "destroy" && Scalar(job, "environment") != stack)
            {
                yield return $"{where}: `pulumi {command}` of {stack} must run in the GitHub environment '{stack}', whose protection rules (prod: a required reviewer) gate it";
            }
            if (command == "preview" && onPullRequest && inputs.GetValueOrDefault("comment-on-pr") != "true")
            {
                yield return $"{where}: a preview on a pull request posts its diff there (comment-on-pr: true)";
            }
        }
    }

    public static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static IEnumerable<(string Name, YamlMappingNode Job)> Jobs(YamlMappingNode workflow) =>
        Map(workflow, "jobs")?.Children.Select(p => (((YamlScalarNode)p.Key).Value!, (YamlMappingNode)p.Value)) ?? [];

    public static IEnumerable<(int Index, YamlMappingNode Step)> Steps(YamlMappingNode job) =>
        (job.Children.TryGetValue(new YamlScalarNode("steps"), out var steps) ? ((YamlSequenceNode)steps).Children.OfType<YamlMappingNode>() : [])
            .Select((step, index) => (index + 1, step));

    public static YamlMappingNode? Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
