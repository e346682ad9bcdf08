using System.Text.Json.Nodes;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Tests.Qdrant.Contract;

namespace M6Search.Stores.Tests.Qdrant.Fakes;

/// <summary>Points exactly as the store sends them, taken from a real upsert body, for replies that hand them back.</summary>
public static class SentPoints
{
    public static JsonObject Of(ProductPoint point)
    {
        var capture = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Completed));
        var store = TestStores.Create(capture);

        // The scripted handler completes synchronously, so this wait cannot block on I/O.
        store.UpsertAsync([point]).GetAwaiter().GetResult();
        return JsonNode.Parse(capture.Requests.Single().Body!)!["points"]![0]!.AsObject();
    }
}
