using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using M6Search.Stores.QdrantFake.State;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake;

/// <summary>
/// The fake's shared state, one per server: the data, every call received, the fault plan, the required api key
/// and the status writes report. The gRPC services enter through <see cref="EnterAsync"/> before they answer.
/// </summary>
public sealed class FakeQdrant(string? apiKey)
{
    private readonly ConcurrentQueue<FakeCall> _calls = new();

    public FakeQdrantState State { get; } = new();

    public FaultPlan Faults { get; } = new();

    /// <summary>Every call received so far, in order of arrival (faulted and refused calls included).</summary>
    public IReadOnlyList<FakeCall> Calls => _calls.ToArray();

    /// <summary>What writes report; Qdrant says Completed for a write with wait=true.</summary>
    public UpdateStatus WriteStatus { get; set; } = UpdateStatus.Completed;

    /// <summary>The calls of one method ("Points/Upsert"), in order.</summary>
    public IReadOnlyList<FakeCall> CallsOf(string method) => Calls.Where(call => call.Method == method).ToArray();

    public void ClearCalls() => _calls.Clear();

    /// <summary>Records the call, checks the api-key header, and applies the fault plan.</summary>
    internal async Task EnterAsync(string method, IMessage request, ServerCallContext context)
    {
        string? sentKey = context.RequestHeaders.GetValue("api-key");
        DateTime? deadline = context.Deadline == DateTime.MaxValue ? null : context.Deadline;
        // Kept as received: the services never change a request, and each call has its own message.
        _calls.Enqueue(new FakeCall(method, request, sentKey, deadline));
        if (apiKey is not null && sentKey != apiKey)
        {
            // Qdrant refuses a missing or wrong key before it looks at the request.
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Invalid api-key"));
        }

        await Faults.ApplyAsync(method, context).ConfigureAwait(false);
    }

    internal UpdateResult Written(ulong operationId) => new() { OperationId = operationId, Status = WriteStatus };
}
