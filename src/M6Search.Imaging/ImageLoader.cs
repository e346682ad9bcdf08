using M6Search.Imaging.Decoding;
using M6Search.Imaging.Errors;
using M6Search.Imaging.Local;
using M6Search.Imaging.Preprocessing;
using M6Search.Imaging.Remote;
using SkiaSharp;

namespace M6Search.Imaging;

/// <summary>
/// The one entry point for images: a file path, an http(s) URL or uploaded bytes in; a square, normalised,
/// channel-major float array (or the square bitmap, for thumbnails) out. Bad input always ends in an
/// <see cref="ImageLoadException"/> naming the source. Thread-safe: one instance may decode on every core at once.
/// Decoding is synchronous CPU work on the calling thread; parallelise with <c>Parallel.ForEachAsync</c> or similar.
/// </summary>
public sealed class ImageLoader
{
    /// <summary>Largest accepted square side.</summary>
    public const int MaxSize = 4096;

    private readonly ImageDecoder _decoder;
    private readonly long _maxBytes;
    private readonly RemoteImageFetcher _remoteFetcher;

    /// <summary>
    /// Reads <paramref name="options"/> (defaults when null) once. Without <paramref name="remoteFetcher"/> a fetcher
    /// with its own resilient HttpClient is created from the same options.
    /// </summary>
    public ImageLoader(ImageLoadOptions? options = null, RemoteImageFetcher? remoteFetcher = null)
    {
        options ??= new ImageLoadOptions();
        options.Validate();
        _maxBytes = options.MaxBytes;
        _decoder = new ImageDecoder(options.MaxBytes, options.MaxPixels, options.MaxDecodedPixels);
        Normalizer = new ChwNormalizer(options.Mean, options.Std);
        _remoteFetcher = remoteFetcher ?? RemoteImageFetcher.Create(options);
    }

    /// <summary>The normalisation this loader applies, for callers that fill batch buffers from <see cref="LoadSquare"/>.</summary>
    public ChwNormalizer Normalizer { get; }

    /// <summary>Loads a file path, <c>file://</c> URI or http(s) URL and preprocesses it to a <paramref name="size"/> square.</summary>
    public async Task<PreprocessedImage> LoadAsync(string source, int size, CancellationToken cancellationToken = default)
    {
        ValidateSize(size);
        var bytes = await ReadBytesAsync(source, cancellationToken).ConfigureAwait(false);
        return Load(bytes, source, size);
    }

    /// <summary>Preprocesses in-memory bytes (an upload); <paramref name="sourceName"/> appears in errors.</summary>
    public PreprocessedImage Load(byte[] bytes, string sourceName, int size)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        ValidateSize(size);
        using var decoded = _decoder.Decode(bytes, sourceName, size);
        using var square = SquareCropper.Crop(decoded, size);
        return new PreprocessedImage
        {
            Chw = Normalizer.Normalize(square),
            Size = size,
            OriginalWidth = decoded.OriginalWidth,
            OriginalHeight = decoded.OriginalHeight,
            Source = sourceName,
        };
    }

    /// <summary>
    /// The oriented, resized, centre-cropped <paramref name="size"/> square (opaque RGBA 8888, transparency over white)
    /// before normalisation, e.g. for thumbnails. The caller disposes it.
    /// </summary>
    public async Task<SKBitmap> LoadSquareAsync(string source, int size, CancellationToken cancellationToken = default)
    {
        ValidateSize(size);
        var bytes = await ReadBytesAsync(source, cancellationToken).ConfigureAwait(false);
        return LoadSquare(bytes, source, size);
    }

    /// <summary>In-memory version of <see cref="LoadSquareAsync"/>. The caller disposes the bitmap.</summary>
    public SKBitmap LoadSquare(byte[] bytes, string sourceName, int size)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        ValidateSize(size);
        using var decoded = _decoder.Decode(bytes, sourceName, size);
        return SquareCropper.Crop(decoded, size);
    }

    /// <summary>
    /// The encoded bytes of a file path, <c>file://</c> URI or http(s) URL, with the byte limit applied (remote sources
    /// go through the cache). Nothing is decoded.
    /// </summary>
    public async Task<byte[]> ReadBytesAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ImageLoadException(ImageErrorKind.InvalidSource, source, "the source is empty.");
        }

        if (!source.Contains("://", StringComparison.Ordinal))
        {
            return await LocalImageFile.ReadAsync(source, source, _maxBytes, cancellationToken).ConfigureAwait(false);
        }

        if (!Uri.TryCreate(source, UriKind.Absolute, out var url))
        {
            throw new ImageLoadException(ImageErrorKind.InvalidSource, source, "the source looks like a URL but cannot be parsed.");
        }

        if (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        {
            return await _remoteFetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        }

        if (url.IsFile)
        {
            return await LocalImageFile.ReadAsync(url.LocalPath, source, _maxBytes, cancellationToken).ConfigureAwait(false);
        }

        throw new ImageLoadException(
            ImageErrorKind.InvalidSource, source, $"the URL scheme '{url.Scheme}' is not supported; use a file path, file://, http:// or https://.");
    }

    private static void ValidateSize(int size)
    {
        if (size is < 1 or > MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The square side must be between 1 and {MaxSize} pixels.");
        }
    }
}
