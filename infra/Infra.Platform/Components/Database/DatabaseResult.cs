using Infra.Model.Values;
using Infra.Platform.Access;
using Infra.Platform.Components.Parameters;
using Infra.Platform.Iam;

namespace Infra.Platform.Components.Database;

/// <param name="Engine">The engine and its port.</param>
/// <param name="Address">The instance's private DNS name.</param>
/// <param name="Username">The administrator, who signs in by the password; the pipeline never does.</param>
/// <param name="Password">The SecureString parameter holding the administrator's password (read it through SSM, decrypted with the stack key).</param>
/// <param name="Identifier">The instance identifier (alarms name it).</param>
/// <param name="ResourceId">The instance's resource id, which IAM database authentication names users under.</param>
public sealed record DatabaseResult(DatabaseEngine Engine, Reference Address, string DatabaseName, string Username, ParameterResult Password, string Identifier, Reference ResourceId)
{
    /// <summary>Sign in as <paramref name="user"/> by IAM authentication token, and as no other user (<c>rds-db:connect</c> on that user only).</summary>
    public Permission ConnectingAs(PlatformContext context, string user)
    {
        var arn = Fn.Interpolate($"arn:{context.Partition.Name}:rds-db:{context.Region}:{context.AccountId}:dbuser:{ResourceId}/{user}");
        return new([PolicyStatement.Allow(PascalCase.Of("ConnectToTheDatabaseAs", user.Replace('_', '-')), ["rds-db:connect"], arn)], [new ApiCall("rds-db:connect", arn)], []);
    }
}
