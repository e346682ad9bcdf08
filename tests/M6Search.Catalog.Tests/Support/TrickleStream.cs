namespace M6Search.Catalog.Tests.Support;

/// <summary>Hands out its bytes a few at a time, so that lines, CR/LF pairs and characters are split across reads.</summary>
internal sealed class TrickleStream : MemoryStream
{
    private readonly int _chunk;

    public TrickleStream(byte[] bytes, int chunk)
        : base(bytes)
    {
        _chunk = chunk;
    }

    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _chunk));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, _chunk)]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        base.ReadAsync(buffer, offset, Math.Min(count, _chunk), cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, _chunk)], cancellationToken);
}
