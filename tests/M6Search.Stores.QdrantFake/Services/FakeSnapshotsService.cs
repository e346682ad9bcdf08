using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake.Services;

/// <summary>Qdrant's Snapshots service: creating a collection snapshot (nothing is written anywhere).</summary>
public sealed class FakeSnapshotsService(FakeQdrant fake) : Snapshots.SnapshotsBase
{
    public override async Task<CreateSnapshotResponse> Create(CreateSnapshotRequest request, ServerCallContext context)
    {
        await fake.EnterAsync("Snapshots/Create", request, context).ConfigureAwait(false);
        lock (fake.State.Lock)
        {
            fake.State.Resolve(request.CollectionName);
        }

        return new CreateSnapshotResponse
        {
            SnapshotDescription = new SnapshotDescription
            {
                Name = $"{request.CollectionName}-{Guid.NewGuid():N}.snapshot",
                CreationTime = Timestamp.FromDateTime(DateTime.UtcNow),
                Size = 1024,
            },
        };
    }
}
