using Infra.Platform.Components.Catalog;
using Infra.Platform.Components.Database;
using Infra.Platform.Components.Encryption;
using Infra.Platform.Components.Ingestion;
using Infra.Platform.Components.Network;
using Infra.Platform.Components.Serving;
using Infra.Platform.Components.Transform;
using Infra.Platform.Components.Storage;
using Infra.Platform.Components.Streaming;

namespace Infra.Platform.Profiles;

/// <summary>
/// What a stack holds and how it treats data; chosen by the stack's name. One settings record
/// per component: null means the stack does not have that component.
/// </summary>
public sealed record StackProfile
{
    public required string Stack { get; init; }

    /// <summary>dev, prod, course or account: the value <c>dataplatform:environment</c> must have.</summary>
    public required string Environment { get; init; }

    /// <summary>The course the stack teaches, or <see cref="AllCourses"/> for an environment stack.</summary>
    public required string Course { get; init; }

    /// <summary>
    /// Whether resources that hold or guard data are protected and kept when removed from the
    /// stack. Off means the stack opts in to destroyable data, as dev and course stacks do.
    /// </summary>
    public required bool RetainData { get; init; }

    /// <summary>Whether <c>dataplatform:allowedAccountIds</c> must pin the account the stack deploys into.</summary>
    public bool RequiresAllowedAccounts { get; init; }

    /// <summary>Days the functions' logs are kept.</summary>
    public required int LogRetentionDays { get; init; }

    public required EncryptionKeySettings Key { get; init; }

    /// <summary>The lakehouse's buckets (every stack but the account stack).</summary>
    public LakehouseStorageSettings? Storage { get; init; }

    /// <summary>What exists once per account and region (the account stack only; it holds nothing else).</summary>
    public Components.Account.AccountWideSettings? AccountWide { get; init; }

    /// <summary>Kinesis streams and their consumers (course 1 and 2 web sessions).</summary>
    public StreamIngestionSettings? Streaming { get; init; }

    /// <summary>The private network; stacks with a source database have one.</summary>
    public PrivateNetworkSettings? Network { get; init; }

    /// <summary>The relational source on RDS (courses 1–4; dev and prod hold one too).</summary>
    public SourceDatabaseSettings? Database { get; init; }

    /// <summary>Scheduled extraction of the source database to bronze.</summary>
    public DatabaseExtractionSettings? DatabaseExtraction { get; init; }

    /// <summary>Scheduled ingestion of the course's REST API to bronze (courses 2 and 4).</summary>
    public RestApiIngestionSettings? RestIngestion { get; init; }

    /// <summary>The Glue Data Catalog over the lakehouse (every stack).</summary>
    public GlueCatalogSettings? Catalog { get; init; }

    /// <summary>The Athena workgroup and the gold models' named queries (every stack; needs the catalog).</summary>
    public ServingSettings? Serving { get; init; }

    /// <summary>The bronze → silver function (every stack).</summary>
    public SilverTransformationSettings? SilverTransform { get; init; }

    /// <summary>The course pipelines' state machines and schedules (every stack; needs the catalog and serving).</summary>
    public Components.Orchestration.OrchestrationSettings? Orchestration { get; init; }

    /// <summary>Lake Formation governance of the lakehouse (course 3, dev and prod; needs the catalog).</summary>
    public Components.Governance.LakeFormationSettings? LakeFormation { get; init; }

    /// <summary>The alarms and the dashboard (every stack).</summary>
    public Components.Monitoring.MonitoringSettings? Monitoring { get; init; }

    public const string AllCourses = "all";
}
