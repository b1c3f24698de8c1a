using Infra.Model.Values;

namespace Infra.Tests.Model;

public class FnTests
{
    [Fact]
    public void Interpolate_ReferencesAndText_KeepsTheirOrder()
    {
        var arn = new Reference("bucket", "arn");

        var value = Fn.Interpolate($"{arn}/prefix/{7}/{{braces}}");

        var interpolation = Assert.IsType<Interpolation>(value);
        Assert.Equal([arn, new Text("/prefix/7/{braces}")], interpolation.Parts);
    }

    [Fact]
    public void Interpolate_OnlyAReference_IsTheReferenceItself()
    {
        var id = new Reference("bucket", "id");

        Assert.Equal(id, Fn.Interpolate($"{id}"));
    }

    [Fact]
    public void Interpolation_OfABuiltIn_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new Interpolation([Fn.Secret("x")]));
    }
}
