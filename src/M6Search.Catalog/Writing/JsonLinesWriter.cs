using System.Buffers;
using System.Text.Json;
using M6Search.Catalog.Serialization;

namespace M6Search.Catalog.Writing;

/// <summary>
/// Writes one JSON object per line (UTF-8, no BOM, LF) with <see cref="CatalogJson.Options"/>. Lines are gathered in
/// a small buffer and written in blocks; dispose (or flush) to get the tail out. Before a value is written it is checked
/// against the rules its reader applies, so that whatever is written can be read back.
/// </summary>
/// <typeparam name="T">The value written on each line.</typeparam>
public abstract class JsonLinesWriter<T> : IAsyncDisposable
    where T : class
{
    private const int FlushThresholdBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThresholdBytes * 2);
    private readonly Utf8JsonWriter _json;
    private bool _disposed;

    /// <param name="stream">Where the lines go.</param>
    /// <param name="fileName">Names the output in errors.</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open on dispose.</param>
    protected JsonLinesWriter(Stream stream, string fileName, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        _stream = stream;
        _leaveOpen = leaveOpen;
        FileName = fileName;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = CatalogJson.Options.Encoder, Indented = false });
    }

    /// <summary>The name the output goes by in errors.</summary>
    public string FileName { get; }

    /// <summary>Lines written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Checks <paramref name="value"/> and appends it as the next line.</summary>
    /// <exception cref="Validation.CatalogException">The value breaks the format; nothing is written.</exception>
    public async ValueTask WriteAsync(T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Check(value, (int)Math.Min(Count + 1, int.MaxValue));
        _json.Reset();
        JsonSerializer.Serialize(_json, value, CatalogJson.Options);
        _json.Flush();
        _buffer.Write("\n"u8);
        Count++;
        if (_buffer.WrittenCount >= FlushThresholdBytes)
        {
            await WriteBufferAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes every value of <paramref name="values"/>.</summary>
    public async ValueTask WriteAllAsync(IEnumerable<T> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (T value in values)
        {
            await WriteAsync(value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes every value of <paramref name="values"/> as it arrives.</summary>
    public async ValueTask WriteAllAsync(IAsyncEnumerable<T> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        await foreach (T value in values.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await WriteAsync(value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the buffered lines to the stream and flushes it.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await WriteBufferAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes, then closes the stream unless it was to be left open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await WriteBufferAsync(CancellationToken.None).ConfigureAwait(false);
            await _stream.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _disposed = true;
            await _json.DisposeAsync().ConfigureAwait(false);
            if (!_leaveOpen)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }

            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Throws <see cref="Validation.CatalogException"/> when <paramref name="value"/> must not be written.</summary>
    /// <param name="value">The value about to be written.</param>
    /// <param name="line">The line it would be written on.</param>
    protected abstract void Check(T value, int line);

    /// <summary>Opens <paramref name="path"/> for writing (replacing it), creating its folder when needed.</summary>
    protected static FileStream CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
    }

    private async ValueTask WriteBufferAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }
}
