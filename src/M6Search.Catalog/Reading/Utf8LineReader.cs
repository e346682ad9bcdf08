namespace M6Search.Catalog.Reading;

/// <summary>
/// Splits a byte stream into lines without decoding it and without ever holding more than one line (capped at the
/// line limit) plus one read block in memory. LF ends a line; a CR before it is dropped; a UTF-8 byte order mark at
/// the start of the stream is dropped. A line longer than the limit is skipped as it streams by and reported as
/// <see cref="IsTooLong"/> with its length.
/// </summary>
internal sealed class Utf8LineReader
{
    private const int ReadBlockBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly int _maxBufferBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;

    public Utf8LineReader(Stream stream, int maxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        _maxLineBytes = maxLineBytes;

        // A line of exactly the limit plus its CR and LF fits; anything longer is recognised before the buffer grows.
        _maxBufferBytes = maxLineBytes + 2;
        _buffer = new byte[Math.Min(ReadBlockBytes, _maxBufferBytes)];
    }

    /// <summary>1-based number of the line last read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The bytes of the line last read, without CR/LF; valid until the next read. Empty when too long.</summary>
    public ReadOnlyMemory<byte> Line { get; private set; }

    /// <summary>Length in bytes of the line last read, also when it was too long to keep.</summary>
    public long LineLength { get; private set; }

    /// <summary>The line last read was longer than the limit; <see cref="Line"/> is empty.</summary>
    public bool IsTooLong { get; private set; }

    /// <summary>The largest buffer used so far (for tests of the memory bound).</summary>
    internal int BufferCapacity => _buffer.Length;

    /// <summary>Reads the next line; false at the end of the stream.</summary>
    public async ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        int scanFrom = _start;
        while (true)
        {
            int newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int lineEnd = scanFrom + newline;
                SetLine(_start, lineEnd);
                _start = lineEnd + 1;
                return true;
            }

            if (_endOfStream)
            {
                if (_start == _end)
                {
                    return false;
                }

                SetLine(_start, _end);
                _start = _end;
                return true;
            }

            if (_end - _start > _maxLineBytes + 1)
            {
                await SkipLongLineAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            scanFrom = _end;
            if (_end == _buffer.Length)
            {
                int shift = MakeRoom();
                scanFrom -= shift;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void SetLine(int start, int end)
    {
        LineNumber++;
        if (end > start && _buffer[end - 1] == (byte)'\r')
        {
            end--;
        }

        if (LineNumber == 1 && _buffer.AsSpan(start, end - start).StartsWith("\uFEFF"u8))
        {
            start += 3;
        }

        LineLength = end - start;
        IsTooLong = LineLength > _maxLineBytes;
        Line = IsTooLong ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(start, end - start);
    }

    /// <summary>Moves the unread bytes to the front, or grows the buffer (never past the cap) when they fill it.</summary>
    /// <returns>How far the unread bytes moved towards the front.</returns>
    private int MakeRoom()
    {
        int shift = _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
            return shift;
        }

        int grown = (int)Math.Min((long)_buffer.Length * 2, _maxBufferBytes);
        Array.Resize(ref _buffer, grown);
        return 0;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfStream = true;
        }
        else
        {
            _end += read;
        }
    }

    /// <summary>Discards the current over-long line up to and including its LF, counting its bytes.</summary>
    private async ValueTask SkipLongLineAsync(CancellationToken cancellationToken)
    {
        long length = _end - _start;
        byte last = _buffer[_end - 1];
        _start = 0;
        _end = 0;
        while (true)
        {
            int read = await _stream.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            int newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                length += newline;
                if (newline > 0)
                {
                    last = _buffer[newline - 1];
                }

                _start = newline + 1;
                _end = read;
                break;
            }

            length += read;
            last = _buffer[read - 1];
        }

        LineNumber++;
        LineLength = last == (byte)'\r' ? length - 1 : length;
        IsTooLong = true;
        Line = ReadOnlyMemory<byte>.Empty;
    }
}
