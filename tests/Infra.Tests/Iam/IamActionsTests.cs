using Infra.Model;
using Infra.Platform.Iam;

namespace Infra.Tests.Iam;

public class IamActionsTests
{
    private static SynthesisException Fails(params string[] actions) => Assert.Throws<SynthesisException>(() =>
        new PolicyDocument([PolicyStatement.Allow("WriteBronze", actions, "arn:aws:s3:::b/*")]).ToJson());

    [Fact]
    public void KnownActions_Render()
    {
        Assert.NotNull(new PolicyDocument([PolicyStatement.Allow("Ok", ["s3:PutObject", "kinesis:GetRecords", "kms:*"], "arn")]).ToJson());
    }

    [Fact]
    public void MisspelledAction_FailsSynthesis_NamingTheStatement()
    {
        var error = Fails("s3:PutObjects");

        Assert.Contains("policy statement WriteBronze", error.Message);
        Assert.Contains("'s3:PutObjects' is not an action of s3", error.Message);
    }

    [Fact]
    public void WrongCase_SuggestsTheAction()
    {
        Assert.Contains("did you mean 's3:PutObject'", Fails("s3:putobject").Message);
    }

    [Fact]
    public void UnknownService_And_MalformedAction_AreNamed()
    {
        Assert.Contains("names service 's4'", Fails("s4:PutObject").Message);
        Assert.Contains("is not an IAM action of the form service:Action", Fails("PutObject").Message);
        Assert.Contains("matches no action of s3", Fails("s3:Frobnicate*").Message);
    }

    [Fact]
    public void Catalog_KnowsTheActionsThePlatformGrants()
    {
        Assert.True(IamActions.IsKnown("xray:PutTraceSegments"));
        Assert.True(IamActions.IsKnown("lakeformation:GetDataAccess"));
        Assert.False(IamActions.IsKnown("kinesis:SubscribeToShards"));
    }
}
