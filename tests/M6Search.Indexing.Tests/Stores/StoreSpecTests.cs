using M6Search.Indexing.Stores;

namespace M6Search.Indexing.Tests.Stores;

public sealed class StoreSpecTests
{
    [Fact]
    public void Parse_ReadsAnEmbeddedFolder()
    {
        StoreSpec spec = StoreSpec.Parse("embedded:./data/m6");

        Assert.Equal(StoreKind.Embedded, spec.Kind);
        Assert.Equal("./data/m6", spec.Location);
    }

    [Fact]
    public void Parse_ReadsAQdrantUrl()
    {
        StoreSpec spec = StoreSpec.Parse("qdrant:https://qdrant.example:6334");

        Assert.Equal(StoreKind.Qdrant, spec.Kind);
        Assert.Equal("https://qdrant.example:6334", spec.Location);
        Assert.Equal("qdrant:https://qdrant.example:6334", spec.ToString());
    }

    [Theory]
    [InlineData("embedded:", "needs a folder")]
    [InlineData("qdrant:localhost:6334", "http(s) URL")]
    [InlineData("qdrant:ftp://host", "http(s) URL")]
    [InlineData("redis:localhost", "not understood")]
    [InlineData("./data", "not understood")]
    public void Parse_RejectsAnythingElse_WithWhatIsExpected(string text, string reason)
    {
        FormatException exception = Assert.Throws<FormatException>(() => StoreSpec.Parse(text));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }
}
