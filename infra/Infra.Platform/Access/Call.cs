using Infra.Model.Values;

namespace Infra.Platform.Access;

/// <summary>
/// One thing an actor does at run time, declared once beside what the actor is. The access proof
/// (<c>Infra.Policy.Access</c>) decides from the synthesized program, the way AWS does, whether it is allowed,
/// including what the call needs besides its own action (the key of encrypted data, Lake Formation).
/// </summary>
public abstract record Call
{
    /// <summary>A short, stable description for reports ("glue:GetTable on …").</summary>
    public abstract string Describe();
}

/// <summary>An API call on one resource (an ARN, or <c>*</c> for actions without resource-level permissions).</summary>
/// <param name="Context">Condition keys the request carries besides the standard ones (e.g. <c>s3:prefix</c>, <c>cloudwatch:namespace</c>).</param>
public sealed record ApiCall(string Action, Value Resource, IReadOnlyDictionary<string, string>? Context = null) : Call
{
    public override string Describe() => $"{Action} on {Rendered.Of(Resource)}";
}

/// <summary>A query engine (Athena) reads a catalog table's rows for the actor.</summary>
/// <param name="Location">The table's data, as an S3 ARN prefix (<c>${bucket.arn}/prefix/</c>).</param>
public sealed record TableRead(string Database, string Table, Value Location) : Call
{
    public override string Describe() => $"read table {Database}.{Table}";
}

/// <summary>A query engine creates, replaces or drops a catalog table (or view) for the actor.</summary>
/// <param name="Location">Where the table's data is written, or null for a view.</param>
/// <param name="WritesData">False for a caller that only describes data already there (a crawler).</param>
public sealed record TableWrite(string Database, string Table, Value? Location, TableChange Change, bool WritesData = true) : Call
{
    public override string Describe() => $"{Change.ToString().ToLowerInvariant()} table {Database}.{Table}";
}

public enum TableChange
{
    Create,
    Replace,
    Insert,

    /// <summary>Dropped by a query engine (Athena's <c>DROP TABLE</c>).</summary>
    Drop,

    /// <summary>Deleted in the catalog directly (Glue's <c>DeleteTable</c>), no engine involved.</summary>
    Delete,
}
