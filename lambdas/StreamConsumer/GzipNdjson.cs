using System.IO.Compression;
using System.Text.Json;

namespace StreamConsumer;

/// <summary>Builds a gzip-compressed newline-delimited JSON object, one line per written record.</summary>
public sealed class GzipNdjson : IDisposable
{
    private static readonly byte[] NewLine = [(byte)'\n'];
    private readonly MemoryStream _buffer = new();
    private readonly GZipStream _gzip;
    private readonly Utf8JsonWriter _json;

    public GzipNdjson()
    {
        _gzip = new GZipStream(_buffer, CompressionLevel.Fastest, leaveOpen: true);
        _json = new Utf8JsonWriter(_gzip);
    }

    public int Lines { get; private set; }

    /// <summary>Writes one line; <paramref name="write"/> writes exactly one JSON value.</summary>
    public void Line(Action<Utf8JsonWriter> write)
    {
        write(_json);
        _json.Flush();
        _json.Reset();
        _gzip.Write(NewLine);
        Lines++;
    }

    /// <summary>Finishes the gzip stream and returns the object; call once, after the last line.</summary>
    public byte[] ToArray()
    {
        Finish();
        return _buffer.ToArray();
    }

    public void Dispose()
    {
        Finish();
        _buffer.Dispose();
    }

    private void Finish()
    {
        _json.Dispose();
        _gzip.Dispose();
    }
}
