using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;
using M6Search.Stores.Abstractions;
using Polly;
using Qdrant.Client;

namespace M6Search.Stores.Qdrant.Transport;

/// <summary>
/// Runs one Qdrant call through the resilience pipeline and turns every way it can fail into one
/// <see cref="VectorStoreException"/> naming the operation, the collection, Qdrant's own message (the gRPC status
/// detail) and the gRPC status code. The caller's cancellation passes through as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class QdrantCalls(QdrantConnection connection, ResiliencePipeline pipeline, QdrantStoreOptions options)
{
    public QdrantClient Client => connection.Client;

    public async Task<T> RunAsync<T>(string operation, string collection, Func<QdrantClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(options.TotalTimeout);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, token) => await state.call(state.client, token).ConfigureAwait(false),
                (call, client: connection.Client),
                total.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsCancellation(ex) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The Qdrant call was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (IsCancellation(ex) && total.IsCancellationRequested)
        {
            throw new VectorStoreException(
                operation, collection, $"Qdrant at {connection.Address} did not answer within {options.TotalTimeout} (all attempts together).", ex);
        }
        catch (RpcException ex)
        {
            throw new VectorStoreException(operation, collection, Describe(ex), ex, (int)ex.StatusCode);
        }
        catch (QdrantException ex)
        {
            // Qdrant.Client's own check: the server answered the call with result false.
            throw new VectorStoreException(operation, collection, ex.Message, ex);
        }
    }

    public Task RunAsync(string operation, string collection, Func<QdrantClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync<bool>(
            operation,
            collection,
            async (client, token) =>
            {
                await call(client, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>Qdrant's message; for failures on our side of the wire, what happened and where.</summary>
    internal string Describe(RpcException exception)
    {
        Exception? local = exception.Status.DebugException;
        if (local is HttpRequestException or IOException or SocketException or AuthenticationException)
        {
            // Connection refused, name not resolved, TLS refused (a certificate from another CA, a wrong host name).
            string inner = local.InnerException is { } cause ? $" ({cause.Message})" : string.Empty;
            return $"could not reach Qdrant at {connection.Address}: {local.Message}{inner}";
        }

        return exception.StatusCode switch
        {
            // The client's own deadline (Qdrant's server-side timeouts carry a message of their own).
            StatusCode.DeadlineExceeded when local is not null || string.IsNullOrEmpty(exception.Status.Detail) || exception.Status.Detail == "Deadline Exceeded" =>
                $"Qdrant at {connection.Address} did not answer within {options.Timeout} (one attempt).",
            _ when local is not null => $"the call to Qdrant at {connection.Address} failed on the client side: {local.Message}",
            _ when string.IsNullOrEmpty(exception.Status.Detail) => $"Qdrant answered {exception.StatusCode} without a message.",
            _ => exception.Status.Detail,
        };
    }

    /// <summary>How a cancelled gRPC call or backoff wait ends: an OperationCanceledException or the Cancelled status.</summary>
    private static bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException || exception is RpcException { StatusCode: StatusCode.Cancelled };
}
