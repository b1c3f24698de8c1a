namespace Pipelines.Declarations.Functions;

/// <summary>Reasons every function gives the same way when it quarantines one record (the record's fault, not the batch's).</summary>
public static class RecordFaults
{
    /// <summary>A string the JSON holds but .NET cannot represent: a lone surrogate escape, or bytes that are not UTF-8.</summary>
    public const string UnrepresentableString = "a string is not valid Unicode (a lone surrogate escape or bytes that are not UTF-8)";
}
