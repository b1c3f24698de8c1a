using Infra.Model.Resources;
using Infra.Platform.Components.Network;
using Infra.Platform.Components.Parameters;
using Infra.Providers.Aws.Rds;
using Infra.Providers.Aws.Rds.Inputs;
using Infra.Providers.Aws.Ssm;
using Infra.Providers.Aws.Vpc;
using Infra.Providers.Random.Index;

namespace Infra.Platform.Components.Database;

/// <summary>
/// The course's relational source on RDS, private: in the network's private subnets, not publicly
/// accessible, reachable on its port from the functions' security group only, TLS required by
/// parameter, storage and Performance Insights encrypted with the stack key, backups kept. The master
/// password is a <c>random:RandomPassword</c> (a Pulumi secret) copied into an SSM SecureString for
/// the extract function. Prod adds deletion protection, a standby and a final snapshot.
/// </summary>
public static class SourceDatabase
{
    public const string DatabaseName = "classicmodels";

    /// <summary>Not the engines' default admin names (admin, postgres, root), which scanners try first.</summary>
    public const string Username = "platform_admin";

    public const int PasswordLength = 32;

    public static DatabaseResult Create(PlatformContext context, SourceDatabaseSettings settings, NetworkResult network)
    {
        var scope = context.Scope(nameof(SourceDatabase));
        var key = context.RequireKey();
        var engine = settings.Engine;

        // Letters and digits only: RDS refuses some punctuation in master passwords.
        var password = scope.Add("database-password", new RandomPasswordArgs { Length = PasswordLength, Special = false }, context.DataOptions());
        var parameter = scope.Add("database-password-parameter", new ParameterArgs
        {
            Name = $"/{context.NamePrefix}/database/password",
            Description = "Master password of the source database",
            Type = "SecureString",
            KeyId = key.KeyArn,
            Value = password.Attr("result"),
        }, context.DataOptions());

        var group = scope.Add("database-sg", new Infra.Providers.Aws.Ec2.SecurityGroupArgs
        {
            Name = context.Name("database"),
            Description = $"The source database: {engine.Engine} from the functions' group only",
            VpcId = network.VpcId,
        });
        scope.Add("database-from-functions", new SecurityGroupIngressRuleArgs
        {
            SecurityGroupId = group.Attr("id"),
            IpProtocol = "tcp",
            FromPort = engine.Port,
            ToPort = engine.Port,
            ReferencedSecurityGroupId = network.FunctionSecurityGroupId,
            Description = "The extract function",
        });
        scope.Add("functions-to-database", new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = network.FunctionSecurityGroupId,
            IpProtocol = "tcp",
            FromPort = engine.Port,
            ToPort = engine.Port,
            ReferencedSecurityGroupId = group.Attr("id"),
            Description = "To the source database",
        });

        var subnets = scope.Add("database-subnets", new SubnetGroupArgs
        {
            Name = context.Name("database"),
            Description = "Private subnets of the source database",
            SubnetIds = network.SubnetIds,
        });
        var parameters = scope.Add("database-parameters", new ParameterGroupArgs
        {
            Name = context.Name($"database-{engine.Engine}"),
            Family = engine.Family,
            Description = "Refuse connections without TLS",
            Parameters = [new ParameterGroupParameterArgs { Name = engine.RequireTlsParameter, Value = "1" }],
        });

        var identifier = context.Name("source");
        var instance = scope.Add("database", new InstanceArgs
        {
            Identifier = identifier,
            Engine = engine.Engine,
            EngineVersion = engine.Version,
            InstanceClass = settings.InstanceClass,
            AllocatedStorage = settings.AllocatedStorageGb,
            MaxAllocatedStorage = settings.MaxAllocatedStorageGb,
            StorageType = "gp3",
            StorageEncrypted = true,
            KmsKeyId = key.KeyArn,
            DbName = DatabaseName,
            Username = Username,
            Password = password.Attr("result"),
            Port = engine.Port,
            DbSubnetGroupName = subnets.Attr("name"),
            VpcSecurityGroupIds = [group.Attr("id")],
            ParameterGroupName = parameters.Attr("name"),
            PubliclyAccessible = false,
            IamDatabaseAuthenticationEnabled = true,
            BackupRetentionPeriod = settings.BackupRetentionDays,
            CopyTagsToSnapshot = true,
            AutoMinorVersionUpgrade = true,
            PerformanceInsightsEnabled = true,
            PerformanceInsightsKmsKeyId = key.KeyArn,
            MultiAz = settings.MultiAz,
            DeletionProtection = context.RetainData,
            SkipFinalSnapshot = !context.RetainData,
            FinalSnapshotIdentifier = context.RetainData ? $"{identifier}-final" : null,
            DeleteAutomatedBackups = !context.RetainData,
        }, context.DataOptions());

        context.Output(instance.Attr("address"), "DatabaseAddress");
        context.Output(parameter.Attr("name"), "DatabasePasswordParameter");
        return new DatabaseResult(engine, instance.Attr("address"), DatabaseName, Username,
            new ParameterResult("database-password-parameter", parameter.Attr("name"), parameter.Attr("arn")), identifier, instance.Attr("resourceId"));
    }
}
