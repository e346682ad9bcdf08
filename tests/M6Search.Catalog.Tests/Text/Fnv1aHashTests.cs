using M6Search.Catalog.Text;

namespace M6Search.Catalog.Tests.Text;

public sealed class Fnv1aHashTests
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Hash_MatchesThePublishedFnv1a64TestVectors(string text, ulong expected)
    {
        Assert.Equal(expected, Fnv1aHash.Hash(text));
    }

    [Fact]
    public void Hash_UsesUtf8Bytes_ForNonAsciiText()
    {
        Assert.Equal(Fnv1aHash.Hash("咖啡"u8), Fnv1aHash.Hash("咖啡"));
        Assert.Equal(Fnv1aHash.Hash(new string('é', 300)), Fnv1aHash.Hash(System.Text.Encoding.UTF8.GetBytes(new string('é', 300))));
    }
}
