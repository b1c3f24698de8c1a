using Infra.Platform.Components.Account;
using Infra.Tests.Mocking;
using Infra.Tests.Support;

namespace Infra.Tests.Profiles;

/// <summary>
/// Stacks that share an account: the account stack owns what AWS keeps once per account and region, every other stack
/// deploys beside it and beside each other without claiming anything another already holds, and reads the account's
/// catalog key rather than making its own.
/// </summary>
public class SideBySideTests
{
    private static DeploymentResult DeployInto(SharedAccount account, string stack, string? asStack = null)
    {
        account.Stack = asStack ?? stack;
        return Stacks.Deploy(stack, account);
    }

    [Fact]
    public void The_account_stack_and_every_other_stack_deploy_into_one_account_without_a_shared_claim()
    {
        var account = new SharedAccount();
        var owner = DeployInto(account, AccountWide.Stack);
        var catalogKey = owner.Resource("data-key").Outputs["arn"];
        foreach (var stack in new[] { "course1", "course3", "course2", "course4", "dev" })
        {
            var deployed = DeployInto(account, stack);
            Assert.Equal(catalogKey, deployed.Variables[AccountWide.CatalogKeyVariable]);
            Assert.DoesNotContain(deployed.Resources, r => SharedAccount.OneSettingPerAccount.Contains(r.Type));
        }
        // Every account-wide setting is claimed, and by the account stack.
        Assert.Equal(AccountWide.Stack, account.Claims["the account's aws:glue:DataCatalogEncryptionSettings"]);
        Assert.Equal(AccountWide.Stack, account.Claims["the account's aws:lakeformation:DataLakeSettings"]);
    }

    [Fact]
    public void A_stack_deployed_before_its_account_stack_stops_naming_the_alias_it_reads()
    {
        var error = Assert.Throws<MockDeploymentException>(() => DeployInto(new SharedAccount(), "course1"));
        Assert.Contains(AccountWide.CatalogKeyAlias("dataplatform"), error.Message);
    }

    [Fact]
    public void A_second_owner_of_an_account_wide_setting_is_caught()
    {
        var account = new SharedAccount();
        DeployInto(account, AccountWide.Stack);
        account.Stack = "course3";
        var error = Assert.Throws<MockDeploymentException>(() => MockDeployment.Run("""
            name: dataplatform
            resources:
              catalog-encryption:
                type: aws:glue:DataCatalogEncryptionSettings
                properties:
                  dataCatalogEncryptionSettings:
                    encryptionAtRest:
                      catalogEncryptionMode: SSE-KMS
            """, account));
        Assert.Contains("DataCatalogEncryptionSettings", error.Message);
        Assert.Contains("'account' already holds", error.Message);
    }

    [Fact]
    public void Two_stacks_with_the_same_physical_names_are_caught()
    {
        var account = new SharedAccount();
        DeployInto(account, AccountWide.Stack);
        DeployInto(account, "course1");
        var error = Assert.Throws<MockDeploymentException>(() => DeployInto(account, "course1", asStack: "course1-copy"));
        Assert.Contains("'course1' already holds", error.Message);
    }
}
