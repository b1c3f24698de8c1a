using Lambda.Storage;
using Lambdas.Tests.Support;
using StreamConsumer;

namespace Lambdas.Tests.StreamConsumer;

public sealed class GzipNdjsonTests
{
    [Fact]
    public void Lines_AreOneJsonValueEach_InWrittenOrder()
    {
        using var builder = new GzipNdjson();
        builder.Line("1"u8);
        builder.Line("\"two\""u8);

        var lines = MemoryObjectStore.Gunzip(builder.ToArray());

        Assert.Equal(2, builder.Lines);
        Assert.Equal(["1", "\"two\""], lines);
    }

    [Fact]
    public void ABuilderWithoutLines_RefusesToMakeAnObject()
    {
        using var builder = new GzipNdjson();

        var error = Assert.Throws<InvalidOperationException>(builder.ToArray);

        Assert.Contains("at least one line", error.Message, StringComparison.Ordinal);
    }
}
