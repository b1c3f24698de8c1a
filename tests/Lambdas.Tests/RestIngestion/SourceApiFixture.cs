using Pipelines.Generator;
using Pipelines.SourceApi;

namespace Lambdas.Tests.RestIngestion;

/// <summary>The course's API server on 127.0.0.1 with a small data set, shared by a test class.</summary>
public sealed class SourceApiFixture : IAsyncLifetime
{
    public SourceApiServer Server { get; private set; } = null!;
    public CourseData Data { get; } = new(new GeneratorSettings(Scale: 0.2));

    public async Task InitializeAsync() => Server = await SourceApiServer.StartAsync(new SourceApiOptions(Data));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
