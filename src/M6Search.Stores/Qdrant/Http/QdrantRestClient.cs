using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant.Json;
using Polly.Timeout;

namespace M6Search.Stores.Qdrant.Http;

/// <summary>
/// Sends one REST call to Qdrant and turns every way it can fail into a <see cref="VectorStoreException"/> naming the
/// operation, the collection, the HTTP status and Qdrant's own message (<c>status.error</c>). Caller cancellation is
/// passed through as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class QdrantRestClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly string? _apiKey;
    private readonly string _collection;

    public QdrantRestClient(HttpClient http, Uri baseUri, string? apiKey, string collection)
    {
        _http = http;
        _baseUri = baseUri;
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        _collection = collection;
    }

    /// <summary>Sends the call and returns its <c>result</c>; a reply without one is malformed.</summary>
    public async Task<T> SendAsync<T>(
        string operation,
        HttpMethod method,
        string relativeUri,
        byte[]? body,
        JsonTypeInfo<QdrantResponse<T>> responseType,
        CancellationToken cancellationToken)
    {
        (HttpStatusCode status, byte[] content) = await SendRawAsync(operation, method, relativeUri, body, cancellationToken).ConfigureAwait(false);
        QdrantResponse<T>? response;
        try
        {
            response = JsonSerializer.Deserialize(content, responseType);
        }
        catch (JsonException ex)
        {
            throw new VectorStoreException(operation, _collection, $"Qdrant's reply (HTTP {(int)status}) is not the expected JSON: {ex.Message}", ex, (int)status);
        }

        if (response is null || response.Result is null || response.Result is JsonElement { ValueKind: JsonValueKind.Undefined })
        {
            throw new VectorStoreException(operation, _collection, $"Qdrant's reply (HTTP {(int)status}) has no \"result\": {Excerpt(content)}", statusCode: (int)status);
        }

        return response.Result;
    }

    /// <summary>Serialises a request body with the store's JSON context.</summary>
    public static byte[] Serialize<TBody>(TBody body, JsonTypeInfo<TBody> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);

    private async Task<(HttpStatusCode Status, byte[] Content)> SendRawAsync(
        string operation,
        HttpMethod method,
        string relativeUri,
        byte[]? body,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUri, relativeUri));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        if (_apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("api-key", _apiKey);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpStatusCode status;
        string? reasonPhrase;
        byte[] content;
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            reasonPhrase = response.ReasonPhrase;
            content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            throw new VectorStoreException(operation, _collection, $"Qdrant at {_baseUri} did not answer in time ({ex.Message}).", ex);
        }
        catch (TaskCanceledException ex)
        {
            throw new VectorStoreException(operation, _collection, $"Qdrant at {_baseUri} did not answer in time (the HTTP client timed out).", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new VectorStoreException(operation, _collection, $"could not reach Qdrant at {_baseUri}: {ex.Message}", ex, ex.StatusCode is { } code ? (int)code : null);
        }
        catch (IOException ex)
        {
            throw new VectorStoreException(operation, _collection, $"the connection to Qdrant at {_baseUri} failed: {ex.Message}", ex);
        }

        if ((int)status is < 200 or > 299)
        {
            throw new VectorStoreException(operation, _collection, DescribeError(status, reasonPhrase, content), statusCode: (int)status);
        }

        return (status, content);
    }

    /// <summary>Qdrant's <c>status.error</c> when the body is Qdrant's <c>ErrorResponse</c>; otherwise the status and an excerpt.</summary>
    internal static string DescribeError(HttpStatusCode status, string? reasonPhrase, byte[] content)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out JsonElement statusElement)
                && statusElement.ValueKind == JsonValueKind.Object
                && statusElement.TryGetProperty("error", out JsonElement error)
                && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page, an empty body): described below.
        }

        string reason = string.IsNullOrEmpty(reasonPhrase) ? status.ToString() : reasonPhrase;
        return content.Length == 0
            ? $"HTTP {(int)status} {reason} with an empty body"
            : $"HTTP {(int)status} {reason}: {Excerpt(content)}";
    }

    private static string Excerpt(byte[] content)
    {
        const int MaxChars = 300;
        string text = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, MaxChars * 4));
        return text.Length <= MaxChars ? text : string.Concat(text.AsSpan(0, MaxChars), "...");
    }
}
