using Infra.Model;
using Infra.Model.Inputs;
using Infra.Model.Resources;
using Infra.Model.Values;
using Infra.Providers.Aws.Index;
using Infra.Providers.Aws.Index.Inputs;

namespace Infra.Platform.Components.Provider;

/// <summary>
/// The stack's aws provider, pinned by version, and the account it deploys into. An explicit
/// provider does not read the stack's <c>aws:</c> config, so the settings users set there are
/// passed through here; credentials come from the environment as for any AWS tool.
/// </summary>
public static class AwsProvider
{
    public const string LogicalName = "aws-provider";
    public const string NativeLogicalName = "aws-native-provider";
    public const string AccountIdVariable = "accountId";
    public const string CallerIdentityFunction = "aws:index/getCallerIdentity:getCallerIdentity";
    public const string SessionName = "dataplatform";

    public static AwsProviderResult Create(PulumiProgram program, AwsProviderOptions options)
    {
        var tags = new InputMap<string>();
        foreach (var (key, value) in options.DefaultTags)
        {
            tags.Add(key, value);
        }
        var scope = new ComponentScope(program, nameof(AwsProvider), provider: null);
        var provider = scope.Add(LogicalName, new ProviderArgs
        {
            Region = options.Region,
            DefaultTags = new ProviderDefaultTagsArgs { Tags = tags },
            AllowedAccountIds = options.AllowedAccountIds.Count > 0 ? [.. options.AllowedAccountIds] : null,
            Profile = options.Profile,
            AssumeRoles = options.AssumeRoleArn is { } roleArn
                ? [new ProviderAssumeRoleArgs { RoleArn = roleArn, SessionName = SessionName }]
                : null,
        }, new ResourceOptions { Version = ProviderVersions.Aws });

        // The aws-native provider serves the few resources whose classic versions drift (Lake Formation grants).
        var nativeTags = new InputMap<string>();
        foreach (var (key, value) in options.DefaultTags)
        {
            nativeTags.Add(key, value);
        }
        var native = scope.Add(NativeLogicalName, new Infra.Providers.AwsNative.Index.ProviderArgs
        {
            Region = options.Region,
            DefaultTags = new Infra.Providers.AwsNative.Index.Inputs.ProviderDefaultTagsArgs { Tags = nativeTags },
            AllowedAccountIds = options.AllowedAccountIds.Count > 0 ? [.. options.AllowedAccountIds] : null,
            Profile = options.Profile,
            AssumeRole = options.AssumeRoleArn is { } nativeRoleArn
                ? new Infra.Providers.AwsNative.Index.Inputs.ProviderAssumeRoleArgs { RoleArn = nativeRoleArn, SessionName = SessionName }
                : null,
        }, new ResourceOptions { Version = ProviderVersions.AwsNative });

        var accountId = program.AddVariable(AccountIdVariable,
            Fn.Invoke(CallerIdentityFunction, new MapValue(), returnField: "accountId", provider: provider.Self));
        return new AwsProviderResult(provider.Self, native.Self, accountId);
    }
}

/// <param name="Provider">The provider resource, for the <c>provider</c> option of every aws resource.</param>
/// <param name="AccountId">The id of the account the provider deploys into.</param>
/// <param name="NativeProvider">The aws-native provider, configured as the aws one.</param>
public sealed record AwsProviderResult(Reference Provider, Reference NativeProvider, Reference AccountId);
