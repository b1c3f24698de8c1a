using Infra.Platform.Profiles;
using Infra.Policy.Access;
using Infra.Tests.Support;

namespace Infra.Tests.Access;

/// <summary>Every declared call of every actor in every stack is allowed by the program as AWS would evaluate it.</summary>
public class StackAccessTests
{
    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void Every_declared_call_is_allowed_and_nothing_more_is_granted(string stack)
    {
        var report = StackProof.Of(stack);

        Assert.NotEmpty(report.Decisions);
        var failures = report.Failures.ToList();
        var overGranted = report.Unused.Select(u => u.ToString()).ToList();
        Assert.True(overGranted.Count == 0, $"{overGranted.Count} granted but never used:\n" + string.Join("\n", overGranted));
        Assert.True(failures.Count == 0, $"{failures.Count} denied:\n" + string.Join("\n", failures.Take(40)));
    }
}

/// <summary>The proof catches, on a real stack, each gap it was written for: take the fix away and the calls are denied.</summary>
public class StackAccessRegressionTests
{
    [Theory]
    [MemberData(nameof(Stacks.Names), MemberType = typeof(Stacks))]
    public void Without_the_key_through_glue_every_catalog_call_of_the_pipelines_is_denied(string stack)
    {
        var denied = StackProof.Without(stack, _ => false, sid: "UseTheCatalogKeyForTheEncryptedCatalog").Decisions.SelectMany(d => d.Denials).ToList();

        Assert.NotEmpty(denied);
        Assert.All(denied, d => Assert.Equal("glue", ((ApiRequest)d.Request).Via));
    }

    [Fact]
    public void Without_the_key_derived_from_their_permissions_the_extract_functions_failed_events_cannot_reach_their_encrypted_dead_letter_queues()
    {
        // The key statement is derived from the functions' permissions, their dead-letter queue's included
        // (the extract reads no parameter any more: it signs in by IAM token).
        var denied = StackProof.Without("course2", _ => false, sid: "UseTheDataKeyThroughS3SqsSsm").Decisions.Where(d => !d.Allowed)
            .Concat(StackProof.Without("course2", _ => false, sid: "UseTheDataKeyThroughS3Sqs").Decisions.Where(d => !d.Allowed && d.Actor.Name == "db-extract function")).ToList();

        Assert.Equal(["db-extract function", "rest-ingestion function"], denied.Select(d => d.Actor.Name).Distinct().Order());
        Assert.Equal(["s3", "sqs", "ssm"], denied.Where(d => d.Actor.Name == "rest-ingestion function").SelectMany(d => d.Denials).Select(d => ((ApiRequest)d.Request).Via).Distinct().Order());
        Assert.Equal(["s3", "sqs"], denied.Where(d => d.Actor.Name == "db-extract function").SelectMany(d => d.Denials).Select(d => ((ApiRequest)d.Request).Via).Distinct().Order());
        Assert.All(denied.Select(d => d.Actor.Name).Distinct(), actor => Assert.Contains(denied, d => d.Actor.Name == actor && d.Call.Describe().StartsWith("sqs:SendMessage", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Stacks.Lakehouses), MemberType = typeof(Stacks))]
    public void Without_the_key_a_schedule_cannot_read_its_encrypted_payload(string stack)
    {
        var denied = StackProof.Without(stack, _ => false, sid: "DecryptTheSchedulesPayload").Decisions.Where(d => !d.Allowed).ToList();

        Assert.NotEmpty(denied);
        Assert.All(denied, d => Assert.EndsWith(" schedule", d.Actor.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Without_data_location_access_no_gold_table_can_be_created_in_the_registered_gold_location(string stack)
    {
        var denied = StackProof.Without(stack, r => r.Name.EndsWith("-gold-location-grant", StringComparison.Ordinal)).Failures.ToList();

        Assert.NotEmpty(denied);
        Assert.All(denied, d => Assert.Contains("DATA_LOCATION_ACCESS on ${gold-bucket.arn}", d));
    }
}

public class CrawlerAccessTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    [InlineData("course3")]
    public void Without_its_Lake_Formation_grants_the_crawler_can_create_no_table_in_bronze(string stack)
    {
        var layers = StackProof.Without(stack, r => r.Name.StartsWith("crawler-", StringComparison.Ordinal)).Decisions.Where(d => d.Actor.Name == "raw-zone crawler")
            .SelectMany(d => d.Denials).Select(d => d.Layer).Distinct().Order().ToList();

        Assert.Equal(["Lake Formation data location", "Lake Formation permission"], layers);
    }
}

public class AccessCommandTests
{
    [Fact]
    public void It_prints_each_call_of_an_actor_with_its_verdict_and_a_summary()
    {
        var host = new FakeHost();

        Assert.Equal(0, Infra.Cli.CommandLine.Run(["access", "--stack", "course4", "--actor", "course4 pipeline"], host));

        Assert.Contains("course4 pipeline\tlambda:InvokeFunction on ${db-extract.arn}\tallowed", host.Stdout);
        Assert.Matches(@"course4: \d+ call\(s\) of 1 actor\(s\), 0 denied", host.Stdout);
    }

    [Fact]
    public void An_unknown_actor_is_named_with_the_stacks_actors()
    {
        var host = new FakeHost();

        Assert.Equal(Infra.Cli.CommandLine.UsageExit, Infra.Cli.CommandLine.Run(["access", "--stack", "course4", "--actor", "nobody"], host));

        Assert.Contains("no actor 'nobody'", host.Stderr);
        Assert.Contains("'course4 pipeline'", host.Stderr);
    }
}
