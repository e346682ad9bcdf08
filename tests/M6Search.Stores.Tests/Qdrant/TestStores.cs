using M6Search.Stores.Qdrant;
using M6Search.Stores.Qdrant.Http;
using Microsoft.Extensions.Logging;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>Qdrant stores over a scripted handler, with the real resilience pipeline and delays short enough for tests.</summary>
public static class TestStores
{
    public static QdrantStoreOptions Options(Action<QdrantStoreOptions>? configure = null)
    {
        var options = new QdrantStoreOptions
        {
            Url = "http://qdrant.test:6333",
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

    public static QdrantProductStore Create(HttpMessageHandler handler, QdrantStoreOptions? options = null, ILogger? logger = null)
    {
        options ??= Options();
        return new QdrantProductStore(QdrantResilience.CreateHttpClient(options, handler, logger), options);
    }
}
