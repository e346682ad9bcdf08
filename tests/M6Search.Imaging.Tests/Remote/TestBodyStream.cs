namespace M6Search.Imaging.Tests.Remote;

/// <summary>A read-only, non-seekable stream (so HttpContent cannot announce a length) that counts reads and can stall.</summary>
internal sealed class TestBodyStream : Stream
{
    private readonly MemoryStream _inner;
    private readonly bool _stall;
    private int _reads;

    public TestBodyStream(byte[] content, bool stall = false)
    {
        _inner = new MemoryStream(content, writable: false);
        _stall = stall;
    }

    public int Reads => Volatile.Read(ref _reads);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Interlocked.Increment(ref _reads);
        return _inner.Read(buffer, offset, count);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        if (_stall)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return _inner.Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
