using System.Text.Json.Serialization;

namespace Pipelines.SourceApi;

[JsonSerializable(typeof(string[]))]
internal sealed partial class SourceApiJson : JsonSerializerContext;
