using System.IO.Compression;
using System.Text.Json;

namespace StreamConsumer;

/// <summary>
/// Builds a gzip-compressed newline-delimited JSON object, one line per written record.
/// The compressor is created with the first line: a builder that receives none (the
/// quarantine of a clean batch) costs no compressor state.
/// </summary>
public sealed class GzipNdjson : IDisposable
{
    private readonly MemoryStream _buffer = new();
    private GZipStream? _gzip;
    private Utf8JsonWriter? _json;

    public int Lines { get; private set; }

    /// <summary>Writes one line; <paramref name="write"/> writes exactly one JSON value.</summary>
    public void Line(Action<Utf8JsonWriter> write)
    {
        var json = Writer();
        write(json);
        json.Flush();
        json.Reset();
        _gzip!.Write("\n"u8);
        Lines++;
    }

    /// <summary>Finishes the gzip stream and returns the object; call once, after the last line.</summary>
    public byte[] ToArray()
    {
        if (Lines == 0)
        {
            throw new InvalidOperationException("an NDJSON object needs at least one line; write nothing for an empty batch");
        }
        Finish();
        return _buffer.ToArray();
    }

    public void Dispose()
    {
        Finish();
        _buffer.Dispose();
    }

    private Utf8JsonWriter Writer()
    {
        _gzip ??= new GZipStream(_buffer, CompressionLevel.Fastest, leaveOpen: true);
        return _json ??= new Utf8JsonWriter(_gzip);
    }

    private void Finish()
    {
        _json?.Dispose();
        _gzip?.Dispose();
    }
}
