using System.Text.Json;

namespace Infra.Tests.Mocking;

/// <summary>
/// One AWS account and region that several stacks deploy into, one after another: each resource claims what AWS
/// keeps unique there (its physical name within its scope, or the account's one instance of a setting), and a claim
/// another stack already holds fails the deployment naming both stacks. Keys are found by alias only once created.
/// </summary>
public sealed class SharedAccount : EchoMocks
{
    /// <summary>Types AWS keeps once per account and region: their resource is the setting itself.</summary>
    public static readonly IReadOnlySet<string> OneSettingPerAccount = new HashSet<string>
    {
        "aws:glue:DataCatalogEncryptionSettings", "aws:glue:ResourcePolicy", "aws:lakeformation:DataLakeSettings", "aws:s3:AccountPublicAccessBlock",
        "aws:ebs:EncryptionByDefault", "aws:ebs:DefaultKmsKey", "aws:apigateway:Account", "aws:iam:AccountPasswordPolicy", "aws:iam:AccountAlias",
    };

    /// <summary>Inputs that name a resource within its type, in the order tried.</summary>
    private static readonly string[] NameInputs = ["name", "bucket", "identifier", "dashboardName", "tagKey"];

    /// <summary>Types whose name is unique only within another resource, or whose identity is what they attach to or grant on.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> ScopedBy = new Dictionary<string, string[]>
    {
        ["aws:iam:RolePolicy"] = ["role", "name"],
        ["aws:ec2:SecurityGroup"] = ["vpcId", "name"],
        ["aws:glue:CatalogTable"] = ["databaseName", "name"],
        ["aws:s3tables:Namespace"] = ["tableBucketArn", "namespace"],
        ["aws:s3tables:Table"] = ["tableBucketArn", "namespace", "name"],
        ["aws:sns:TopicPolicy"] = ["arn"],
        ["aws:sqs:QueuePolicy"] = ["queueUrl"],
        ["aws:lakeformation:Resource"] = ["arn"],
        ["aws:lakeformation:Permissions"] = ["principal", "database", "table", "dataLocation", "lfTagPolicy"],
        ["aws-native:lakeformation:PrincipalPermissions"] = ["principal", "resource"],
        ["aws-native:lakeformation:TagAssociation"] = ["resource"],
        ["aws:athena:NamedQuery"] = [],
        ["aws:sns:TopicSubscription"] = [],
        ["aws:lambda:EventSourceMapping"] = [],
    };

    private readonly Dictionary<string, string> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyArns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    /// <summary>The stack deploying now.</summary>
    public string Stack { get; set; } = "";

    public IReadOnlyDictionary<string, string> Claims => _claims;

    public override MockResourceResult NewResource(MockResourceArgs args)
    {
        foreach (var claim in ClaimsOf(args))
        {
            if (_claims.TryGetValue(claim, out var holder) && holder != Stack)
            {
                throw new MockDeploymentException($"stack '{Stack}' claims {claim} ({args.Name}), which stack '{holder}' already holds");
            }
            _claims[claim] = Stack;
        }
        var echoed = base.NewResource(args);
        // What the cloud invents (ids, ARNs of unnamed things) differs between stacks even where logical names agree.
        var outputs = new Dictionary<string, object?>(echoed.Outputs);
        if (outputs.GetValueOrDefault("arn") is string mockArn && mockArn.StartsWith("arn:aws:mock:::", StringComparison.Ordinal))
        {
            outputs["arn"] = $"arn:aws:mock:::{Stack}/{args.Name}";
        }
        var result = new MockResourceResult(echoed.Id == $"{args.Name}_id" ? $"{Stack}/{echoed.Id}" : echoed.Id, outputs);
        switch (args.Type)
        {
            case "aws:kms:Key":
                var keyId = $"{Stack}-{args.Name}-key-id";
                var arn = $"arn:aws:kms:eu-west-1:{AccountId}:key/{keyId}";
                _keyArns[keyId] = arn;
                return new MockResourceResult(result.Id, new Dictionary<string, object?>(result.Outputs) { ["keyId"] = keyId, ["arn"] = arn });
            case "aws:kms:Alias" when args.Inputs.GetValueOrDefault("name") is string alias && args.Inputs.GetValueOrDefault("targetKeyId") is string target:
                _aliases[alias] = _keyArns.TryGetValue(target, out var keyArn) ? keyArn : throw new MockDeploymentException($"alias {alias} targets unknown key {target}");
                break;
        }
        return result;
    }

    public override IReadOnlyDictionary<string, object?> Call(MockCallArgs args)
    {
        if (args.Function != "aws:kms/getAlias:getAlias")
        {
            return base.Call(args);
        }
        var name = (string)args.Arguments["name"]!;
        return _aliases.TryGetValue(name, out var arn)
            ? new Dictionary<string, object?> { ["name"] = name, ["targetKeyArn"] = arn, ["targetKeyId"] = arn[(arn.LastIndexOf('/') + 1)..] }
            : throw new MockDeploymentException($"stack '{Stack}': no KMS alias {name} in the account (not found)");
    }

    private static IEnumerable<string> ClaimsOf(MockResourceArgs args)
    {
        if (OneSettingPerAccount.Contains(args.Type))
        {
            yield return $"the account's {args.Type}";
            yield break;
        }
        if (args.Type.StartsWith("aws:s3:Bucket", StringComparison.Ordinal) && args.Type != "aws:s3:Bucket" && args.Inputs.GetValueOrDefault("bucket") is string bucket)
        {
            yield return $"{args.Type} of bucket {bucket}";
            yield break;
        }
        if (ScopedBy.TryGetValue(args.Type, out var inputs))
        {
            if (inputs.Length > 0)
            {
                yield return $"{args.Type} {string.Join(" ", inputs.Select(input => JsonSerializer.Serialize(args.Inputs.GetValueOrDefault(input))))}";
            }
            yield break;
        }
        if (NameInputs.Select(input => args.Inputs.GetValueOrDefault(input)).OfType<string>().FirstOrDefault() is { } name)
        {
            yield return $"{args.Type} named {name}";
        }
    }
}
