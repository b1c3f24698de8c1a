using System.Text.Json.Serialization;

namespace SilverTransform;

/// <summary>The invocation event: the dataset and the bronze run's manifest (its key in the bronze bucket).</summary>
public sealed class SilverTransformRequest
{
    public required string Dataset { get; init; }
    public required string Manifest { get; init; }
}

/// <summary>What the batch did: the silver objects written, and in = out + duplicates + quarantined.</summary>
public sealed record SilverTransformResponse(string Dataset, string Run, long In, long Out, long Duplicates, long Quarantined, IReadOnlyList<string> Objects);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SilverTransformRequest))]
[JsonSerializable(typeof(SilverTransformResponse))]
public sealed partial class SilverTransformJson : JsonSerializerContext;
