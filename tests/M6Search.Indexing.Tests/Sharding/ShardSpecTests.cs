using M6Search.Indexing.Sharding;

namespace M6Search.Indexing.Tests.Sharding;

public sealed class ShardSpecTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData(" 7/16 ", 7, 16)]
    public void Parse_ReadsIndexAndCount(string text, int index, int count)
    {
        ShardSpec shard = ShardSpec.Parse(text);

        Assert.Equal(index, shard.Index);
        Assert.Equal(count, shard.Count);
        Assert.Equal($"{index}/{count}", shard.ToString());
    }

    [Theory]
    [InlineData("3/3", "less than N")]
    [InlineData("1/0", "between 1")]
    [InlineData("-1/3", "not I/N")]
    [InlineData("1", "not I/N")]
    [InlineData("a/b", "not I/N")]
    [InlineData("1/2/3", "not I/N")]
    public void Parse_RejectsInvalidShards_SayingWhy(string text, string reason)
    {
        FormatException exception = Assert.Throws<FormatException>(() => ShardSpec.Parse(text));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.Contains(text, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShardOf_IsTheDocumentedSha256Function()
    {
        // Python: int.from_bytes(hashlib.sha256(b"p000001").digest()[:8], "big") % 7
        ulong value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(
            System.Security.Cryptography.SHA256.HashData("p000001"u8));

        Assert.Equal((int)(value % 7), ShardSpec.ShardOf("p000001", 7));
        Assert.Equal(0, ShardSpec.ShardOf("anything", 1));
    }

    [Fact]
    public void Shards_CoverEveryProductExactlyOnce_AndSpreadThemEvenly()
    {
        string[] ids = Enumerable.Range(0, 3000).Select(i => $"p{i:D6}").ToArray();
        ShardSpec[] shards = Enumerable.Range(0, 3).Select(i => new ShardSpec(i, 3)).ToArray();

        int[] sizes = shards.Select(shard => ids.Count(shard.Contains)).ToArray();

        Assert.All(ids, id => Assert.Single(shards, shard => shard.Contains(id)));
        Assert.All(sizes, size => Assert.InRange(size, 900, 1100));
    }
}
