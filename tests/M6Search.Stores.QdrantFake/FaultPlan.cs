using Grpc.Core;

namespace M6Search.Stores.QdrantFake;

/// <summary>
/// Failures to inject: the next N calls of a method end with a given gRPC status (and trailers), or hang until the
/// client's deadline or cancellation. Calls not covered by a plan are answered normally.
/// </summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];
    private readonly List<(string Method, Action Action)> _before = [];

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> ("Points/Count"; "*" for any method) fail
    /// with <paramref name="code"/> and <paramref name="detail"/>, with optional trailers such as "retry-after".
    /// </summary>
    public void FailNext(string method, StatusCode code, string detail, int times = 1, IReadOnlyDictionary<string, string>? trailers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _faults.Add(new Fault(method, times, new Status(code, detail), trailers, hang: false));
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> never answer: they end when the client gives up.</summary>
    public void HangNext(string method, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _faults.Add(new Fault(method, times, Status.DefaultSuccess, null, hang: true));
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once, just before the next call of <paramref name="method"/> is answered (for
    /// example another client creating the collection between the store's existence check and its create call).
    /// </summary>
    public void BeforeNext(string method, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            _before.Add((method, action));
        }
    }

    /// <summary>Applies the first matching fault to this call, if any: throws its status, or waits for the call to end.</summary>
    internal async Task ApplyAsync(string method, ServerCallContext context)
    {
        Fault? fault;
        Action? before = null;
        lock (_gate)
        {
            int index = _before.FindIndex(entry => entry.Method == method);
            if (index >= 0)
            {
                before = _before[index].Action;
                _before.RemoveAt(index);
            }

            fault = _faults.FirstOrDefault(f => f.Method == method || f.Method == "*");
            if (fault is not null)
            {
                fault.Remaining--;
                if (fault.Remaining == 0)
                {
                    _faults.Remove(fault);
                }
            }
        }

        before?.Invoke();
        if (fault is null)
        {
            return;
        }

        if (fault.Hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken).ConfigureAwait(false);
        }

        var trailers = new Metadata();
        foreach ((string key, string value) in fault.Trailers ?? new Dictionary<string, string>())
        {
            trailers.Add(key, value);
        }

        throw new RpcException(fault.Status, trailers);
    }

    private sealed class Fault(string method, int remaining, Status status, IReadOnlyDictionary<string, string>? trailers, bool hang)
    {
        public string Method { get; } = method;

        public int Remaining { get; set; } = remaining;

        public Status Status { get; } = status;

        public IReadOnlyDictionary<string, string>? Trailers { get; } = trailers;

        public bool Hang { get; } = hang;
    }
}
