using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Platform.Aws;
using Infra.Platform.Components.Encryption;

namespace Infra.Platform;

/// <summary>What every component of a stack shares: the program, the provider, where it deploys, the key and how names are made.</summary>
public sealed record PlatformContext
{
    public required PulumiProgram Program { get; init; }

    /// <summary>The explicit aws provider every aws resource uses.</summary>
    public required Reference Provider { get; init; }

    /// <summary>The explicit aws-native provider, for the resources taken from it.</summary>
    public required Reference NativeProvider { get; init; }

    public required Reference AccountId { get; init; }

    public required string Region { get; init; }

    public required AwsPartition Partition { get; init; }

    /// <summary>Start of every physical name, e.g. <c>dataplatform-dev</c>.</summary>
    public required string NamePrefix { get; init; }

    /// <summary>Whether resources that hold or guard data are protected and kept when they leave the stack (prod).</summary>
    public required bool RetainData { get; init; }

    /// <summary>Who acts in the stack at run time and what each does, declared by the components.</summary>
    public Access.ActorRegistry Actors { get; init; } = new();

    /// <summary>The stack's data key; set once the key component has run.</summary>
    public EncryptionKeyResult? Key { get; init; }

    public EncryptionKeyResult RequireKey() =>
        Key ?? throw new SynthesisException("this component needs the stack's key: create EncryptionKey first");

    /// <summary>The key the account's Data Catalog is encrypted with (the account stack's); set once it is known.</summary>
    public Components.Account.CatalogKey? CatalogKey { get; init; }

    public Components.Account.CatalogKey RequireCatalogKey() =>
        CatalogKey ?? throw new SynthesisException("this component needs the account's catalog key: look it up first");

    public ComponentScope Scope(string component) => new(Program, component, Provider);

    /// <summary>A scope whose resources use the aws-native provider.</summary>
    public ComponentScope NativeScope(string component) => new(Program, component, NativeProvider);

    /// <summary>A name unique within the account and region, e.g. a function or stream name.</summary>
    public string Name(string suffix) => $"{NamePrefix}-{suffix}";

    /// <summary>
    /// A name unique within the account across regions (IAM roles are global): the region is part
    /// of it, so one account can hold the same stack in two regions.
    /// </summary>
    public string AccountWideName(string suffix) => $"{NamePrefix}-{Region}-{suffix}";

    /// <summary>Options for a resource that holds or guards data: protected and retained in prod.</summary>
    public ResourceOptions DataOptions(ResourceOptions? options = null)
    {
        var effective = options ?? ResourceOptions.None;
        return RetainData ? effective with { Protect = true, RetainOnDelete = true } : effective;
    }

    /// <summary>Adds a stack output named in camel case from words, e.g. ("athena-results", "BucketName") → athenaResultsBucketName.</summary>
    public void Output(Value value, params string[] words)
    {
        var name = PascalCase.Of(words);
        Program.AddOutput(char.ToLowerInvariant(name[0]) + name[1..], value);
    }

    /// <summary>An ARN of this stack's partition, region and account: <c>arn:aws:service:region:account:resource</c>.</summary>
    public Value Arn(string service, string resource) =>
        Fn.Interpolate($"arn:{Partition.Name}:{service}:{Region}:{AccountId}:{resource}");

    /// <summary>An ARN of a global service such as IAM: <c>arn:aws:iam::account:resource</c>.</summary>
    public Value GlobalArn(string service, string resource) =>
        Fn.Interpolate($"arn:{Partition.Name}:{service}::{AccountId}:{resource}");
}
