namespace Pipelines.Declarations.Data;

/// <summary>
/// What a line of bronze NDJSON is, for everyone who counts or reads them: a line holding only spaces, tabs and a carriage
/// return is blank and holds no record (every reader skips it, and no writer counts one); every other line is one record.
/// </summary>
public static class NdjsonLines
{
    public static bool IsBlankByte(byte value) => value is (byte)' ' or (byte)'\t' or (byte)'\r';

    public static bool IsBlank(ReadOnlySpan<byte> line) => !line.ContainsAnyExcept(" \t\r"u8);
}
