using Infra.Model;
using Infra.Model.Resources;
using Infra.Model.Values;

namespace Infra.Platform.Components.Provider;

/// <summary>The stack's aws provider, pinned by version, and the account it deploys into.</summary>
public static class AwsProvider
{
    public const string LogicalName = "aws-provider";
    public const string AccountIdVariable = "accountId";
    public const string CallerIdentityFunction = "aws:index/getCallerIdentity:getCallerIdentity";

    public static AwsProviderResult Create(PulumiProgram program, AwsProviderOptions options)
    {
        var tags = new MapValue();
        foreach (var (key, value) in options.DefaultTags)
        {
            tags.Add(key, value);
        }
        var scope = new ComponentScope(program, nameof(AwsProvider), provider: null);
        var provider = scope.Add(LogicalName, "pulumi:providers:aws", new MapValue
        {
            ["region"] = options.Region,
            ["defaultTags"] = new MapValue { ["tags"] = tags },
        }, new ResourceOptions { Version = ProviderVersions.Aws });

        var accountId = program.AddVariable(AccountIdVariable,
            Fn.Invoke(CallerIdentityFunction, new MapValue(), returnField: "accountId", provider: provider.Self));
        return new AwsProviderResult(provider.Self, accountId);
    }
}

/// <param name="Provider">The provider resource, for the <c>provider</c> option of every aws resource.</param>
/// <param name="AccountId">The id of the account the provider deploys into.</param>
public sealed record AwsProviderResult(Reference Provider, Reference AccountId);
