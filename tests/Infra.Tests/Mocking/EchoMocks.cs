namespace Infra.Tests.Mocking;

/// <summary>
/// The usual mocks: echo inputs as outputs, fake ids <c>{name}_id</c>, an ARN for every
/// resource and fixed outputs for the types whose outputs are not inputs.
/// </summary>
public class EchoMocks : IMocks
{
    public const string AccountId = "123456789012";

    public virtual MockResourceResult NewResource(MockResourceArgs args)
    {
        var outputs = new Dictionary<string, object?>(args.Inputs)
        {
            ["arn"] = $"arn:aws:mock:::{args.Name}",
        };
        var id = $"{args.Name}_id";
        switch (args.Type)
        {
            case "aws:kms:Key":
                outputs["keyId"] = $"{args.Name}-key-id";
                outputs["arn"] = $"arn:aws:kms:eu-west-1:{AccountId}:key/{args.Name}-key-id";
                break;
            case "aws:lambda:Function":
                outputs["codeSha256"] = $"sha256-of-{args.Name}";
                break;
            case "aws:sqs:Queue":
                outputs["url"] = $"https://sqs.eu-west-1.amazonaws.com/{AccountId}/{args.Inputs.GetValueOrDefault("name")}";
                break;
            case "aws:ec2:VpcEndpoint":
                outputs["prefixListId"] = $"pl-{args.Name}";
                break;
            case "aws:rds:Instance":
                outputs["address"] = $"{args.Inputs.GetValueOrDefault("identifier")}.mock.eu-west-1.rds.amazonaws.com";
                outputs["resourceId"] = $"db-{args.Name.ToUpperInvariant()}";
                break;
            case "random:index:RandomPassword":
                outputs["result"] = $"mock-password-{args.Name}";
                break;
            case "aws:s3:Bucket":
                id = args.Inputs.TryGetValue("bucket", out var bucket) && bucket is string name ? name : id;
                outputs["arn"] = $"arn:aws:s3:::{id}";
                break;
        }
        return new MockResourceResult(id, outputs);
    }

    public virtual IReadOnlyDictionary<string, object?> Call(MockCallArgs args) => args.Function switch
    {
        "aws:index/getCallerIdentity:getCallerIdentity" => new Dictionary<string, object?>
        {
            ["accountId"] = AccountId,
            ["arn"] = $"arn:aws:iam::{AccountId}:user/mock",
            ["userId"] = "mock",
        },
        "aws:iam/getSessionContext:getSessionContext" => new Dictionary<string, object?>
        {
            ["arn"] = args.Arguments["arn"],
            ["issuerArn"] = $"arn:aws:iam::{AccountId}:role/deployer",
        },
        // The account stack's key, read by its alias in every other stack.
        "aws:kms/getAlias:getAlias" => new Dictionary<string, object?>
        {
            ["name"] = args.Arguments["name"],
            ["targetKeyArn"] = $"arn:aws:kms:eu-west-1:{AccountId}:key/account-data-key-id",
            ["targetKeyId"] = "account-data-key-id",
        },
        "aws:index/getAvailabilityZones:getAvailabilityZones" => new Dictionary<string, object?>
        {
            ["names"] = new List<object?> { "eu-west-1a", "eu-west-1b", "eu-west-1c" },
            ["zoneIds"] = new List<object?> { "euw1-az1", "euw1-az2", "euw1-az3" },
        },
        _ => throw new MockDeploymentException($"no mock result for function '{args.Function}'"),
    };
}
