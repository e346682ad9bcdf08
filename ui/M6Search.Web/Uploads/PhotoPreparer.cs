using M6Search.Imaging;
using M6Search.Imaging.Errors;
using System.Threading.RateLimiting;
using M6Search.Web.Configuration;
using M6Search.Web.RateLimiting;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Uploads;

/// <summary>
/// Turns an uploaded photo into encoder input, for the search page and <c>POST /api/search/image</c> alike. The size
/// limit (<c>M6:Upload:MaxImageBytes</c>) is enforced while reading, before anything is decoded; the declared type must
/// be JPEG, PNG or WebP and the bytes must start like one; decoding goes through the safe <see cref="ImageLoader"/>
/// (pixel-count guard, truncation and corruption checks) with a budget for the decoded bitmap
/// (<c>M6:Upload:MaxDecodedPixels</c>), at most <c>MaxConcurrentDecodes</c> at once in the whole app with a bounded
/// queue (<c>DecodeQueueLimit</c>; past it <see cref="TooManyRequestsException"/>), off the caller's thread.
/// </summary>
public sealed class PhotoPreparer : IDisposable
{
    private readonly UploadOptions _options;
    private readonly ImageLoader _loader;

    public PhotoPreparer(IOptions<M6Options> options)
    {
        _options = options.Value.Upload;
        _loader = new ImageLoader(new ImageLoadOptions
        {
            MaxBytes = _options.MaxImageBytes,
            MaxPixels = _options.MaxImagePixels,
            MaxDecodedPixels = _options.MaxDecodedPixels,
        });
        DecodeLimiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.MaxConcurrentDecodes,
            QueueLimit = _options.DecodeQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The bound on decodes at once (one permit per photo).</summary>
    public ConcurrencyLimiter DecodeLimiter { get; }

    /// <summary>The largest upload in bytes.</summary>
    public long MaxBytes => _options.MaxImageBytes;

    /// <summary>The accepted content types.</summary>
    public IReadOnlyList<string> AllowedContentTypes => _options.AllowedContentTypes;

    /// <summary>Reads, checks and preprocesses a photo to a <paramref name="imageSize"/> square.</summary>
    /// <exception cref="PhotoUploadException">The photo is too large, of another type, or not a readable image.</exception>
    public async Task<float[]> PrepareAsync(
        Stream content, long? declaredLength, string? contentType, string name, int imageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string label = string.IsNullOrWhiteSpace(name) ? "the photo" : $"'{Path.GetFileName(name)}'";
        if (declaredLength > _options.MaxImageBytes)
        {
            throw TooLarge(label, declaredLength.Value);
        }

        string type = (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (!_options.AllowedContentTypes.Contains(type, StringComparer.Ordinal))
        {
            throw new PhotoUploadException(
                StatusCodes.Status415UnsupportedMediaType,
                $"{label} is '{(type.Length == 0 ? "of no declared type" : type)}'; upload a JPEG, PNG or WebP photo.");
        }

        byte[] bytes = await ReadLimitedAsync(content, label, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            throw new PhotoUploadException(StatusCodes.Status400BadRequest, $"{label} is empty.");
        }

        if (!LooksLikeAllowedImage(bytes))
        {
            throw new PhotoUploadException(StatusCodes.Status415UnsupportedMediaType, $"{label} is not a JPEG, PNG or WebP file (its first bytes say otherwise).");
        }

        using RateLimitLease lease = await DecodeLimiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new TooManyRequestsException("Too many photos are being read right now; try again in a moment.", TimeSpan.FromSeconds(1));
        }

        try
        {
            // Decoding is synchronous CPU work: off the request's (or the circuit's) thread.
            return await Task.Run(() => _loader.Load(bytes, label, imageSize).Chw, cancellationToken).ConfigureAwait(false);
        }
        catch (ImageLoadException exception)
        {
            int status = exception.Kind switch
            {
                ImageErrorKind.TooLarge or ImageErrorKind.TooManyPixels => StatusCodes.Status413PayloadTooLarge,
                ImageErrorKind.NotAnImage or ImageErrorKind.UnsupportedFormat => StatusCodes.Status415UnsupportedMediaType,
                _ => StatusCodes.Status400BadRequest,
            };
            throw new PhotoUploadException(status, $"{label} cannot be used: {exception.Detail}", exception);
        }
    }

    /// <summary>JPEG (FF D8 FF), PNG (89 'PNG'), or WebP ('RIFF' .... 'WEBP').</summary>
    internal static bool LooksLikeAllowedImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        || (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8));

    private async Task<byte[]> ReadLimitedAsync(Stream content, string label, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxImageBytes)
            {
                throw TooLarge(label, buffer.Length + read);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public void Dispose() => DecodeLimiter.Dispose();

    private PhotoUploadException TooLarge(string label, long bytes) => new(
        StatusCodes.Status413PayloadTooLarge,
        $"{label} is larger than the {_options.MaxImageBytes / 1024.0 / 1024.0:0.#} MB limit ({(bytes >= _options.MaxImageBytes + 1 ? "at least " : string.Empty)}{bytes:N0} bytes).");
}
