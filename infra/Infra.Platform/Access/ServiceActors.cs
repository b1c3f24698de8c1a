using Infra.Model.Values;

namespace Infra.Platform.Access;

/// <summary>AWS services that act with the stack's key or resources on its behalf, as actors.</summary>
public static class ServiceActors
{
    /// <summary>CloudWatch Logs encrypts and decrypts a log group's events with the key, naming the group in the encryption context.</summary>
    public static void LogsEncrypt(PlatformContext context, string logGroupName)
    {
        var group = Rendered.Of(context.Arn("logs", $"log-group:{logGroupName}"));
        var encryptionContext = new Dictionary<string, string> { ["kms:EncryptionContext:aws:logs:arn"] = group };
        context.Actors.Add(new Actor("CloudWatch Logs", new ServicePrincipal(context.Partition.ServicePrincipal($"logs.{context.Region}")),
            [.. new[] { "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey" }.Select(action => new ApiCall(action, context.RequireKey().KeyArn, encryptionContext))]));
    }
}
