using Infra.Tests.Mocking;
using Moq;

namespace Infra.Tests.Mocking;

public class MockDeploymentTests
{
    private static DeploymentResult Run(string yaml, IMocks? mocks = null) =>
        MockDeployment.Run(yaml.Replace("\r", ""), mocks ?? new EchoMocks(), new MockDeploymentSettings { ProjectDirectory = Repository.Root });

    private static string Fails(string yaml) => Assert.Throws<MockDeploymentException>(() => Run(yaml)).Message;

    [Fact]
    public void Run_ReferenceToMissingResource_Fails()
    {
        var message = Fails("""
            resources:
              a:
                type: test:index:Thing
                properties:
                  other: ${missing.id}
            """);

        Assert.Contains("resource 'a' references 'missing'", message);
    }

    [Fact]
    public void Run_ReferenceToMissingAttribute_Fails()
    {
        var message = Fails("""
            resources:
              a:
                type: test:index:Thing
              b:
                type: test:index:Thing
                properties:
                  other: ${a.nothingHere}
            """);

        Assert.Contains("resource 'a' (test:index:Thing) has no output 'nothingHere'", message);
    }

    [Fact]
    public void Run_DependencyCycle_FailsNamingTheCycle()
    {
        var message = Fails("""
            variables:
              v: ${c.id}
            resources:
              a:
                type: test:index:Thing
                properties:
                  x: ${v}
              c:
                type: test:index:Thing
                options:
                  dependsOn:
                    - ${a}
            """);

        Assert.Contains("dependency cycle: v -> c -> a -> v", message);
    }

    [Fact]
    public void Run_UnknownBuiltIn_Fails()
    {
        var message = Fails("""
            variables:
              v:
                fn::toYaml: x
            """);

        Assert.Contains("unknown built-in function 'fn::toYaml'", message);
    }

    [Fact]
    public void Run_UnknownResourceOption_Fails()
    {
        var message = Fails("""
            resources:
              a:
                type: test:index:Thing
                options:
                  retainOnDelet: true
            """);

        Assert.Contains("unknown resource option 'retainOnDelet'", message);
    }

    [Fact]
    public void Run_ProviderOptionNotAProvider_Fails()
    {
        var message = Fails("""
            resources:
              a:
                type: test:index:Thing
              b:
                type: test:index:Thing
                options:
                  provider: ${a}
            """);

        Assert.Contains("must reference a provider resource", message);
    }

    [Fact]
    public void Run_UnknownSection_Fails()
    {
        Assert.Contains("unknown top-level section 'resource'", Fails("resource: {}\n"));
    }

    [Fact]
    public void Run_MissingFileForArchive_Fails()
    {
        var message = Fails("""
            variables:
              code:
                fn::fileArchive: ./no/such/artifact.zip
            """);

        Assert.Contains("does not exist", message);
    }

    [Fact]
    public void Run_ResourcesInDependencyOrder_CallsMocksWithResolvedInputs()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResource(It.IsAny<MockResourceArgs>()))
            .Returns((MockResourceArgs args) => new MockResourceResult(args.Name + "-id",
                new Dictionary<string, object?>(args.Inputs) { ["arn"] = "arn:" + args.Name }));
        mocks.Setup(m => m.Call(It.Is<MockCallArgs>(c => c.Function == "test:index:getRegion")))
            .Returns(new Dictionary<string, object?> { ["name"] = "eu-west-1" });

        var result = Run("""
            variables:
              region:
                fn::invoke:
                  function: test:index:getRegion
                  arguments: {}
                  return: name
            resources:
              late:
                type: test:index:Thing
                properties:
                  policy:
                    fn::toJSON:
                      Resource: ${early.arn}/*
                      Region: ${region}
                  literal: $${not.a.ref}
              early:
                type: test:index:Thing
                properties:
                  name: early-${pulumi.stack}
            outputs:
              lateId: ${late.id}
            """, mocks.Object);

        Assert.Equal(["early", "late"], result.Resources.Select(r => r.Name));
        Assert.Equal("{\"Resource\":\"arn:early/*\",\"Region\":\"eu-west-1\"}", result.Resource("late").Input("policy"));
        Assert.Equal("${not.a.ref}", result.Resource("late").Input("literal"));
        Assert.Equal("late-id", result.Outputs["lateId"]);
        mocks.Verify(m => m.NewResource(It.Is<MockResourceArgs>(a => a.Name == "early" && (string?)a.Inputs["name"] == "early-test")), Times.Once);
    }

    [Fact]
    public void Run_SecretInInterpolation_StaysSecret()
    {
        var result = MockDeployment.Run("""
            config:
              password:
                type: string
                secret: true
            resources:
              a:
                type: test:index:Thing
                properties:
                  url: postgres://user:${password}@host
                  wrapped:
                    fn::secret: plain
            """.Replace("\r", ""), new EchoMocks(), new MockDeploymentSettings { Config = new Dictionary<string, object?> { ["password"] = "pw" } });

        Assert.Equal(new Secret("postgres://user:pw@host"), result.Resource("a").Input("url"));
        Assert.Equal(new Secret("plain"), result.Resource("a").Input("wrapped"));
    }

    [Fact]
    public void Run_ConfigWithoutValueOrDefault_Fails()
    {
        Assert.Contains("config 'owner' has no value", Fails("config:\n  owner:\n    type: string\n"));
    }
}
