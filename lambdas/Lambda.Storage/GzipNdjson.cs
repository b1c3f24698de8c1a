using System.IO.Compression;

namespace Lambda.Storage;

/// <summary>
/// Builds a gzip-compressed newline-delimited JSON object, one line per written record.
/// The compressor is created with the first line: a builder that receives none (the
/// quarantine of a clean batch) costs no compressor state.
/// </summary>
public sealed class GzipNdjson : IDisposable
{
    private readonly MemoryStream _buffer = new();
    private GZipStream? _gzip;

    public int Lines { get; private set; }

    /// <summary>Appends one line: <paramref name="json"/> is exactly one complete JSON value, already encoded.</summary>
    public void Line(ReadOnlySpan<byte> json)
    {
        _gzip ??= new GZipStream(_buffer, CompressionLevel.Fastest, leaveOpen: true);
        _gzip.Write(json);
        _gzip.Write("\n"u8);
        Lines++;
    }

    /// <summary>Appends <paramref name="lines"/> complete lines at once, each already ending with a line break.</summary>
    public void AppendLines(ReadOnlySpan<byte> ndjson, int lines)
    {
        if (lines == 0)
        {
            return;
        }
        _gzip ??= new GZipStream(_buffer, CompressionLevel.Fastest, leaveOpen: true);
        _gzip.Write(ndjson);
        Lines += lines;
    }

    /// <summary>Finishes the gzip stream and returns the object; call once, after the last line.</summary>
    public byte[] ToArray()
    {
        if (Lines == 0)
        {
            throw new InvalidOperationException("an NDJSON object needs at least one line; write nothing for an empty batch");
        }
        _gzip?.Dispose();
        return _buffer.ToArray();
    }

    public void Dispose()
    {
        _gzip?.Dispose();
        _buffer.Dispose();
    }
}
