using System.Text;

namespace M6Search.Catalog.Tests.Support;

/// <summary>
/// A read-only stream that makes up a catalog of <c>lineCount</c> products as it is read, never holding more than one
/// 64 KiB piece, and counts the bytes handed out: a reader that buffers the whole input shows up in
/// <see cref="BytesRead"/>. An optional huge line (a title of <c>hugeLineBytes</c> letters) is made in pieces too.
/// </summary>
internal sealed class GeneratedCatalogStream : Stream
{
    private const int PieceBytes = 64 * 1024;
    private static readonly byte[] Filler = Enumerable.Repeat((byte)'x', PieceBytes).ToArray();

    private readonly IEnumerator<ReadOnlyMemory<byte>> _pieces;
    private ReadOnlyMemory<byte> _current = ReadOnlyMemory<byte>.Empty;

    public GeneratedCatalogStream(int lineCount, int hugeLineNumber = 0, long hugeLineBytes = 0)
    {
        _pieces = Pieces(lineCount, hugeLineNumber, hugeLineBytes).GetEnumerator();
    }

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public static string ProductLine(int line) =>
        $"{{\"id\":\"p-{line}\",\"title\":\"Ceramic cup {line} 陶瓷杯\",\"price\":{line % 100}.5,\"lang\":\"en\",\"attributes\":{{\"n\":{line}}}}}\n";

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        while (written < buffer.Length)
        {
            if (_current.IsEmpty)
            {
                if (!_pieces.MoveNext())
                {
                    break;
                }

                _current = _pieces.Current;
                continue;
            }

            int take = Math.Min(_current.Length, buffer.Length - written);
            _current.Span[..take].CopyTo(buffer[written..]);
            _current = _current[take..];
            written += take;
        }

        BytesRead += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static IEnumerable<ReadOnlyMemory<byte>> Pieces(int lineCount, int hugeLineNumber, long hugeLineBytes)
    {
        for (int line = 1; line <= lineCount; line++)
        {
            if (line != hugeLineNumber)
            {
                yield return Encoding.UTF8.GetBytes(ProductLine(line));
                continue;
            }

            yield return "{\"id\":\"huge\",\"title\":\""u8.ToArray();
            for (long left = hugeLineBytes; left > 0; left -= PieceBytes)
            {
                yield return Filler.AsMemory(0, (int)Math.Min(left, PieceBytes));
            }

            yield return "\"}\n"u8.ToArray();
        }
    }
}
