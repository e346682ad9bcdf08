using M6Search.Stores.Abstractions;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>The check every write's reply goes through: with wait=true, only Completed counts as done.</summary>
internal static class WriteResults
{
    public static void EnsureCompleted(UpdateResult result, string operation, string collection)
    {
        if (result.Status != UpdateStatus.Completed)
        {
            throw new VectorStoreException(
                operation,
                collection,
                $"Qdrant reported the write as '{result.Status}', not 'Completed' (operation {(result.HasOperationId ? result.OperationId.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}).");
        }
    }
}
