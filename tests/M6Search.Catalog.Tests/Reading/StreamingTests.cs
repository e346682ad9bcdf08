using M6Search.Catalog.Reading;
using M6Search.Catalog.Tests.Support;

namespace M6Search.Catalog.Tests.Reading;

public sealed class StreamingTests
{
    [Fact]
    public async Task Reader_YieldsTheFirstProduct_AfterReadingOnlyTheStartOfALargeCatalog()
    {
        var stream = new GeneratedCatalogStream(lineCount: 200_000);

        await using var records = CatalogReader.ReadAsync(stream, "big.jsonl").GetAsyncEnumerator();
        Assert.True(await records.MoveNextAsync());

        Assert.Equal("p-1", records.Current.Product!.Id);
        Assert.InRange(stream.BytesRead, 1, 256 * 1024);
    }

    [Fact]
    public async Task Reader_ReadsFiftyThousandLines_InOrder()
    {
        var stream = new GeneratedCatalogStream(lineCount: 50_000);
        int count = 0;
        int lastLine = 0;

        await foreach (CatalogRecord record in CatalogReader.ReadAsync(stream, "big.jsonl"))
        {
            Assert.True(record.IsValid);
            Assert.Equal(lastLine + 1, record.Line);
            lastLine = record.Line;
            count++;
        }

        Assert.Equal(50_000, count);
        Assert.Equal(50_000, lastLine);
    }

    [Fact]
    public async Task Reader_SkipsAHugeLine_WithoutHoldingIt()
    {
        // A 20 MB line against a 64 KiB limit: the reader must pass it by in blocks, then go on.
        var stream = new GeneratedCatalogStream(lineCount: 3, hugeLineNumber: 2, hugeLineBytes: 20 * 1024 * 1024);
        var options = new CatalogReadOptions { MaxLineBytes = 64 * 1024 };
        var records = new List<CatalogRecord>();

        await foreach (CatalogRecord record in CatalogReader.ReadAsync(stream, "big.jsonl", options))
        {
            records.Add(record);
        }

        Assert.Equal(3, records.Count);
        Assert.True(records[0].IsValid);
        TestRead.SingleError(records[1].Issues, "big.jsonl", 2, null);
        Assert.True(records[2].IsValid);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public async Task LineReader_KeepsItsBufferWithinTheLimit_WhileSkippingAHugeLine()
    {
        const int limit = 64 * 1024;
        var stream = new GeneratedCatalogStream(lineCount: 3, hugeLineNumber: 2, hugeLineBytes: 8 * 1024 * 1024);
        var lines = new Utf8LineReader(stream, limit);
        var lengths = new List<long>();
        var tooLong = new List<bool>();

        while (await lines.ReadLineAsync())
        {
            lengths.Add(lines.LineLength);
            tooLong.Add(lines.IsTooLong);
            Assert.InRange(lines.BufferCapacity, 1, limit + 2);
        }

        Assert.Equal(new[] { false, true, false }, tooLong);
        Assert.Equal(8 * 1024 * 1024 + "{\"id\":\"huge\",\"title\":\"\"}".Length, lengths[1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task LineReader_FindsTheSameLines_WhenReadsSplitLinesCrlfAndCharacters(int chunk)
    {
        byte[] bytes = [.. "\uFEFF"u8, .. "一二\r\n\r\nabc\n杯\r\nlast"u8];
        var lines = new Utf8LineReader(new TrickleStream(bytes, chunk), maxLineBytes: 16);
        var read = new List<(int, string)>();

        while (await lines.ReadLineAsync())
        {
            read.Add((lines.LineNumber, System.Text.Encoding.UTF8.GetString(lines.Line.Span)));
        }

        Assert.Equal(new[] { (1, "一二"), (2, ""), (3, "abc"), (4, "杯"), (5, "last") }, read);
    }

    [Theory]
    [InlineData(16, false)]
    [InlineData(17, true)]
    public async Task LineReader_AcceptsALineOfExactlyTheLimit_AndRejectsOneByteMore(int length, bool expectTooLong)
    {
        byte[] bytes = [.. Enumerable.Repeat((byte)'a', length), .. "\r\nnext\n"u8];
        var lines = new Utf8LineReader(new TrickleStream(bytes, 5), maxLineBytes: 16);

        Assert.True(await lines.ReadLineAsync());
        Assert.Equal(expectTooLong, lines.IsTooLong);
        Assert.Equal(length, lines.LineLength);
        Assert.True(await lines.ReadLineAsync());
        Assert.Equal("next"u8.ToArray(), lines.Line.ToArray());
        Assert.False(await lines.ReadLineAsync());
    }

    [Fact]
    public async Task Reader_StopsWithCancellation_WhenTheTokenIsCancelled()
    {
        var stream = new GeneratedCatalogStream(lineCount: 1000);
        using var cancellation = new CancellationTokenSource();
        int read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (CatalogRecord record in CatalogReader.ReadAsync(stream, "big.jsonl", cancellationToken: cancellation.Token))
            {
                read++;
                if (read == 10)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(10, read);
    }
}
