extern alias QdrantFake;

using M6Search.Stores.Qdrant;
using QdrantFake::M6Search.Stores.QdrantFake;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>Qdrant stores on an in-process fake server, with the real resilience pipeline and delays short enough for tests.</summary>
public static class TestStores
{
    public static QdrantStoreOptions Options(Uri url, Action<QdrantStoreOptions>? configure = null)
    {
        var options = new QdrantStoreOptions
        {
            Url = url.ToString(),
            Collection = QdrantTestData.CollectionName,
            MaxRetryAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
            Timeout = TimeSpan.FromSeconds(20),
            TotalTimeout = TimeSpan.FromSeconds(40),
        };
        configure?.Invoke(options);
        return options;
    }

    public static QdrantProductStore Create(FakeQdrantServer server, Action<QdrantStoreOptions>? configure = null, Fakes.ListLogger? logger = null) =>
        new(Options(server.Url, configure), logger);
}
