using System.Buffers;
using System.Net;
using M6Search.Imaging.Decoding;
using M6Search.Imaging.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace M6Search.Imaging.Remote;

/// <summary>
/// Downloads http(s) images with a size limit enforced while streaming, a total timeout and (through the
/// <see cref="HttpClient"/>'s resilience handler) per-attempt timeouts and retries with backoff; keeps an optional
/// on-disk cache keyed by the SHA-256 of the URL. Only hosts and addresses the <see cref="RemoteImagePolicy"/> allows
/// are reached (kind <see cref="ImageErrorKind.Refused"/> otherwise, never retried). A typed HttpClient client: register it with
/// <see cref="DependencyInjection.ImagingServiceCollectionExtensions.AddImageLoading"/>, or build one without DI with
/// <see cref="Create"/>. Thread-safe.
/// </summary>
public sealed class RemoteImageFetcher
{
    private const int ChunkSize = 81920;

    private readonly HttpClient _httpClient;
    private readonly long _maxBytes;
    private readonly TimeSpan _totalTimeout;
    private readonly TimeSpan _attemptTimeout;
    private readonly int _maxAttempts;
    private readonly string _userAgent;
    private readonly RemoteImageCache? _cache;
    private readonly RemoteImageConnector _connector;
    private readonly ILogger _logger;

    /// <summary>Constructor used by the typed-client registration.</summary>
    [ActivatorUtilitiesConstructor]
    public RemoteImageFetcher(HttpClient httpClient, IOptions<ImageLoadOptions> options, ILogger<RemoteImageFetcher>? logger = null)
        : this(httpClient, (options ?? throw new ArgumentNullException(nameof(options))).Value, logger)
    {
    }

    /// <summary>
    /// Uses <paramref name="httpClient"/> as given: retries and per-attempt timeouts only happen when its handler chain
    /// has the resilience handler (<see cref="RemoteImageResilience"/>), as the DI registration and <see cref="Create"/> set up.
    /// </summary>
    public RemoteImageFetcher(HttpClient httpClient, ImageLoadOptions options, ILogger<RemoteImageFetcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _httpClient = httpClient;
        _maxBytes = options.MaxBytes;
        _totalTimeout = options.Remote.TotalTimeout;
        _attemptTimeout = options.Remote.AttemptTimeout;
        _maxAttempts = 1 + options.Remote.MaxRetryAttempts;
        _userAgent = options.Remote.UserAgent;
        _cache = string.IsNullOrWhiteSpace(options.Remote.CacheDirectory) ? null : new RemoteImageCache(options.Remote.CacheDirectory);
        _connector = new RemoteImageConnector(options.Remote.Policy);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// A fetcher with its own long-lived HttpClient (resilience handler over <paramref name="primaryHandler"/>, or over
    /// <see cref="RemoteImageConnector.CreateHandler"/>'s handler, which enforces the options' <see cref="RemoteImagePolicy"/>
    /// on every connection, when null), for hosts without dependency injection such as the CLI. A handler passed in
    /// gets only the host and literal-address check made before each request.
    /// </summary>
    public static RemoteImageFetcher Create(ImageLoadOptions options, HttpMessageHandler? primaryHandler = null, ILogger<RemoteImageFetcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        RemoteImageResilience.Configure(pipeline, options.Remote);
        var handler = new ResilienceHandler(pipeline.Build())
        {
            InnerHandler = primaryHandler ?? RemoteImageConnector.CreateHandler(options.Remote.Policy),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return new RemoteImageFetcher(client, options, logger);
    }

    /// <summary>The path the cache uses for <paramref name="url"/>, or null when caching is off.</summary>
    public string? CachePathFor(Uri url) => _cache?.PathFor(url);

    /// <summary>
    /// The image bytes at <paramref name="url"/>, from the cache when present (no request is made), otherwise downloaded
    /// and, when they start like an image, cached. Throws <see cref="ImageLoadException"/> with kind NotFound (404/410),
    /// DownloadFailed, DownloadTimedOut, TooLarge, Empty or InvalidSource; <see cref="OperationCanceledException"/>
    /// only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<byte[]> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var source = url.OriginalString;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ImageLoadException(ImageErrorKind.InvalidSource, source, "only absolute http and https URLs can be fetched.");
        }

        if (_connector.CheckUrl(url) is { } refused)
        {
            throw Refused(source, refused);
        }

        if (_cache is not null)
        {
            var cached = await _cache.TryReadAsync(url, _maxBytes, cancellationToken).ConfigureAwait(false);
            if (cached is not null)
            {
                RemoteImageLog.CacheHit(_logger, source, _cache.PathFor(url));
                return cached;
            }
        }

        var bytes = await DownloadAsync(url, source, cancellationToken).ConfigureAwait(false);
        RemoteImageLog.Downloaded(_logger, source, bytes.Length);

        if (_cache is not null)
        {
            // An HTML error page served with 200 must not be cached as the image for this URL forever.
            if (ImageDecoder.LooksLikeImage(bytes))
            {
                try
                {
                    await _cache.WriteAsync(url, bytes, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    RemoteImageLog.CacheWriteFailed(_logger, source, exception);
                }
            }
            else
            {
                RemoteImageLog.NotCachedNotAnImage(_logger, source);
            }
        }

        return bytes;
    }

    private async Task<byte[]> DownloadAsync(Uri url, string source, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_totalTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            using var response = await _httpClient
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                .ConfigureAwait(false);

            var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                throw new ImageLoadException(ImageErrorKind.NotFound, source, $"the server answered {status}.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ImageLoadException(ImageErrorKind.DownloadFailed, source, $"the server answered {status}.");
            }

            var declaredLength = response.Content.Headers.ContentLength;
            if (declaredLength > _maxBytes)
            {
                throw ImageErrors.TooLarge(source, declaredLength.Value, _maxBytes);
            }

            var bytes = await ReadBoundedAsync(response.Content, declaredLength, source, timeout.Token).ConfigureAwait(false);
            return bytes.Length == 0 ? throw ImageErrors.Empty(source) : bytes;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ImageLoadException(
                ImageErrorKind.DownloadTimedOut,
                source,
                $"no complete response within {_totalTimeout} (RemoteImageOptions.TotalTimeout).",
                exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new ImageLoadException(
                ImageErrorKind.DownloadTimedOut,
                source,
                $"no response headers within {_attemptTimeout} (RemoteImageOptions.AttemptTimeout) in any of {_maxAttempts} attempts.",
                exception);
        }
        catch (HttpRequestException exception) when (RemoteImageResilience.RefusalIn(exception) is { } refused)
        {
            throw Refused(source, refused.Message, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ImageLoadException(ImageErrorKind.DownloadFailed, source, $"the request failed: {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            throw new ImageLoadException(ImageErrorKind.DownloadFailed, source, $"the connection failed while reading the body: {exception.Message}", exception);
        }
    }

    private static ImageLoadException Refused(string source, string reason, Exception? inner = null) =>
        new(ImageErrorKind.Refused, source, "refused by the outbound image policy: " + reason, inner);

    private async Task<byte[]> ReadBoundedAsync(HttpContent content, long? declaredLength, string source, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // The declared length is only a hint for the first allocation; the limit is enforced on the bytes that arrive.
            using var body = new MemoryStream((int)Math.Min(declaredLength ?? ChunkSize, _maxBytes));
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > _maxBytes)
                    {
                        throw ImageErrors.TooLargeWhileReading(source, _maxBytes);
                    }

                    body.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return body.ToArray();
        }
    }
}
