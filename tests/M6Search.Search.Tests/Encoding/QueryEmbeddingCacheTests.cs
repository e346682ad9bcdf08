using M6Search.Search.Encoding;
using M6Search.Search.Searching;
using M6Search.Search.Tests.Fakes;

namespace M6Search.Search.Tests.Encoding;

public sealed class QueryEmbeddingCacheTests
{
    [Fact]
    public async Task EmbedTextAsync_AnswersARepeatedQueryFromTheCache_WithoutTheEncoder()
    {
        var encoder = new FakeEncoder();
        var cache = new QueryEmbeddingCache(new QueryEmbeddingCacheOptions());
        using var embedder = new QueryEmbedder(encoder, cache: cache);

        float[] first = await embedder.EmbedTextAsync("Bumpy  cup");
        float[] again = await embedder.EmbedTextAsync(" bumpy cup ");
        float[] fullWidth = await embedder.EmbedTextAsync("Ｂｕｍｐｙ cup");

        Assert.Equal(1, encoder.Calls);
        Assert.Equal(first, again);
        Assert.Equal(first, fullWidth);
        Assert.Equal(2, cache.Hits);
        Assert.Equal(1, cache.Misses);
    }

    [Fact]
    public async Task EmbedTextAsync_EmbedsAgain_WhenTheModelChanged()
    {
        var cache = new QueryEmbeddingCache(new QueryEmbeddingCacheOptions());
        var oldModel = new FakeEncoder { ModelVersion = "model-a" };
        var newModel = new FakeEncoder { ModelVersion = "model-b" };
        using var before = new QueryEmbedder(oldModel, cache: cache);
        using var after = new QueryEmbedder(newModel, cache: cache);

        await before.EmbedTextAsync("bumpy cup");
        await after.EmbedTextAsync("bumpy cup");

        Assert.Equal(1, oldModel.Calls);
        Assert.Equal(1, newModel.Calls);
        Assert.Equal(0, cache.Hits);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task EmbedTextAsync_RunsTheEncoderEveryTime_WithoutACache()
    {
        var encoder = new FakeEncoder();
        using var embedder = new QueryEmbedder(encoder);

        await embedder.EmbedTextAsync("bumpy cup");
        await embedder.EmbedTextAsync("bumpy cup");

        Assert.Equal(2, encoder.Calls);
    }

    [Fact]
    public void Add_KeepsAtMostMaxEntries_DroppingTheLeastRecentlyUsed()
    {
        var cache = new QueryEmbeddingCache(new QueryEmbeddingCacheOptions { MaxEntries = 2 });
        QueryEmbeddingKey cup = Key("cup");
        QueryEmbeddingKey mug = Key("mug");
        QueryEmbeddingKey bag = Key("bag");

        cache.Add(cup, [1, 0]);
        cache.Add(mug, [0, 1]);
        Assert.NotNull(cache.TryGet(cup)); // cup is now the most recently used
        cache.Add(bag, [1, 1]);

        Assert.Equal(2, cache.Count);
        Assert.NotNull(cache.TryGet(cup));
        Assert.Null(cache.TryGet(mug));
        Assert.NotNull(cache.TryGet(bag));
    }

    [Fact]
    public void Add_StaysWithinTheByteBound_WhateverTheEntryLimit()
    {
        var cache = new QueryEmbeddingCache(new QueryEmbeddingCacheOptions { MaxEntries = 1_000_000, MaxMegabytes = 1 });

        for (int i = 0; i < 2_000; i++)
        {
            cache.Add(Key("query " + i), new float[1024]); // about 4 KiB each: 2,000 would be 8 MiB
        }

        Assert.InRange(cache.Bytes, 1, 1024 * 1024);
        Assert.InRange(cache.Count, 200, 256);
        Assert.NotNull(cache.TryGet(Key("query 1999")));
        Assert.Null(cache.TryGet(Key("query 0")));
    }

    [Fact]
    public async Task Add_StaysBounded_WhenManyThreadsAddAndReadAtOnce()
    {
        var cache = new QueryEmbeddingCache(new QueryEmbeddingCacheOptions { MaxEntries = 50 });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (int i = 0; i < 2_000; i++)
            {
                QueryEmbeddingKey key = Key($"query {(thread * 7 + i) % 300}");
                if (cache.TryGet(key) is null)
                {
                    cache.Add(key, [thread, i]);
                }
            }
        })));

        Assert.Equal(50, cache.Count);
        Assert.Equal(16_000, cache.Hits + cache.Misses);
        Assert.InRange(cache.Bytes, 50 * (160 + (2 * 7) + 8), 50 * (160 + (2 * 9) + 8)); // keys of 7 to 9 characters, 2 floats
    }

    [Fact]
    public void TryGet_ReturnsACopy_SoACallerCannotChangeTheKeptVector()
    {
        var cache = new QueryEmbeddingCache(new QueryEmbeddingCacheOptions());
        float[] vector = [1, 2];
        cache.Add(Key("cup"), vector);
        vector[0] = 9;

        float[] first = cache.TryGet(Key("cup"))!;
        first[1] = 9;

        Assert.Equal([1f, 2f], cache.TryGet(Key("cup"))!);
    }

    [Theory]
    [InlineData("凹凸的咖啡杯", "zh")]
    [InlineData("bumpy 杯", "zh")]
    [InlineData("bumpy cup", "en")]
    public void For_NamesTheLanguage_FromTheScript(string text, string language)
    {
        Assert.Equal(language, QueryEmbeddingKey.For("m", text).Language);
    }

    [Fact]
    public void For_KeepsAccents_WhichATokenizerMayRead()
    {
        Assert.NotEqual(QueryEmbeddingKey.For("m", "café"), QueryEmbeddingKey.For("m", "cafe"));
        Assert.Equal(QueryEmbeddingKey.For("m", "CAFÉ"), QueryEmbeddingKey.For("m", "café"));
    }

    [Fact]
    public void Validate_NamesTheKeys_OfBadBounds()
    {
        var options = new ProductSearchOptions { EmbeddingCache = new QueryEmbeddingCacheOptions { MaxEntries = 0, MaxMegabytes = 0 } };

        IReadOnlyList<string> errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("M6:Search:EmbeddingCache:MaxEntries", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("M6:Search:EmbeddingCache:MaxMegabytes", StringComparison.Ordinal));
    }

    private static QueryEmbeddingKey Key(string text) => QueryEmbeddingKey.For("fake-1", text);
}
