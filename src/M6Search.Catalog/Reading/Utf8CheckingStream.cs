using System.Globalization;
using System.Text;

namespace M6Search.Catalog.Reading;

/// <summary>
/// A read-only pass-through stream that checks UTF-8 as the bytes go by and counts lines. At the first invalid byte
/// it records the exact line and byte (<see cref="Problem"/>), hands on only the bytes of the lines before it, and
/// then reports the end of the stream. It never disposes the stream it reads from. The CSV reader needs this because its text reader decodes far ahead of the
/// row being parsed, so a decoding exception would point at the wrong line.
/// </summary>
internal sealed class Utf8CheckingStream : Stream
{
    private readonly Stream _inner;
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly char[] _scratch = new char[4096];
    private int _line = 1;
    private long _bytesIntoLine;
    private long _position;

    public Utf8CheckingStream(Stream inner)
    {
        _inner = inner;
    }

    /// <summary>Where the first invalid byte is; null while every byte so far was valid UTF-8.</summary>
    public (int Line, string Message)? Problem { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Problem is not null)
        {
            return 0;
        }

        int read = _inner.Read(buffer);
        return Check(buffer[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Problem is not null)
        {
            return 0;
        }

        int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Check(buffer.Span[..read]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Checks a block; returns how many of its bytes may be handed on.</summary>
    private int Check(ReadOnlySpan<byte> block)
    {
        int used = 0;
        try
        {
            bool flush = block.Length == 0;
            do
            {
                _decoder.Convert(block[used..], _scratch, flush, out int bytesUsed, out _, out _);
                used += bytesUsed;
            }
            while (used < block.Length);
        }
        catch (DecoderFallbackException ex)
        {
            int bad = Math.Clamp(used + Math.Max(ex.Index, 0), 0, block.Length);
            return Fail(block, bad);
        }

        Advance(block);
        return block.Length;
    }

    private int Fail(ReadOnlySpan<byte> block, int bad)
    {
        ReadOnlySpan<byte> before = block[..bad];
        int lastNewline = before.LastIndexOf((byte)'\n');
        int line = _line + before.Count((byte)'\n');
        long byteInLine = (lastNewline >= 0 ? bad - lastNewline - 1 : _bytesIntoLine + bad) + 1;
        string message = line == 1 && byteInLine == 1 && block.Length >= 2 && ((block[0] == 0xFF && block[1] == 0xFE) || (block[0] == 0xFE && block[1] == 0xFF))
            ? "the file is UTF-16 (it starts with a UTF-16 byte order mark); CSV catalogs must be UTF-8"
            : bad < block.Length
                ? $"invalid UTF-8 at byte {byteInLine.ToString(CultureInfo.InvariantCulture)} of the line (byte 0x{block[bad].ToString("X2", CultureInfo.InvariantCulture)}); reading stopped here"
                : $"invalid UTF-8 at byte {byteInLine.ToString(CultureInfo.InvariantCulture)} of the line (the file ends inside a character); reading stopped here";
        Problem = (line, message);

        // Hand on only whole lines before the bad one, so that no half line reaches the parser.
        int keep = lastNewline + 1;
        Advance(block[..keep]);
        return keep;
    }

    private void Advance(ReadOnlySpan<byte> handedOn)
    {
        _position += handedOn.Length;
        int lastNewline = handedOn.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            _line += handedOn.Count((byte)'\n');
            _bytesIntoLine = handedOn.Length - lastNewline - 1;
        }
        else
        {
            _bytesIntoLine += handedOn.Length;
        }
    }
}
