using Lambda.Storage;
using Pipelines.Declarations.Functions;
using Pipelines.Declarations.Lakehouse;

namespace SilverTransform;

/// <summary>The function as its environment configures it: Lambda's bootstrap and the local runner build it the same way.</summary>
public static class SilverTransformFunction
{
    public static SilverTransformHandler Create(Func<string, string?> environment) => Create(environment, ObjectStores.FromEnvironment(environment));

    public static SilverTransformHandler Create(Func<string, string?> environment, IObjectStore store)
    {
        string Required(string name) => environment(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set");
        var options = new SilverTransformOptions(
            Required(SilverTransformContract.BronzeBucketVariable),
            Required(SilverTransformContract.SilverBucketVariable),
            environment(SilverTransformContract.QuarantinePrefixVariable)?.Trim('/') is { Length: > 0 } prefix ? prefix : SilverTransformContract.DefaultQuarantinePrefix,
            environment(SilverTransformContract.WorkFolderVariable) is { Length: > 0 } work ? work : SilverTransformContract.DefaultWorkFolder);
        return new SilverTransformHandler(store, SilverDatasets.All, options);
    }
}
