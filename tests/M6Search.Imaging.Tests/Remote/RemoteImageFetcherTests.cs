using System.Net;
using System.Security.Cryptography;
using System.Text;
using M6Search.Imaging.DependencyInjection;
using M6Search.Imaging.Errors;
using M6Search.Imaging.Remote;
using M6Search.Imaging.Tests.TestImages;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace M6Search.Imaging.Tests.Remote;

public sealed class RemoteImageFetcherTests : IDisposable
{
    private static readonly Uri Url = new("https://images.example/cups/42.png");
    private static readonly byte[] Png = SkiaImages.LeftRedRightBlue(16, 16, SKEncodedImageFormat.Png);

    private readonly TempDirectory _cache = new();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task FetchAsync_RetriesAfter503_AndReturnsTheImage()
    {
        var handler = new FakeHttpHandler((n, _, _) => Task.FromResult(
            n == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : Ok(Png)));
        var fetcher = RemoteImageFetcher.Create(Options(), handler);

        var bytes = await fetcher.FetchAsync(Url);

        Assert.Equal(Png, bytes);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task FetchAsync_RetriesAfterANetworkError()
    {
        var handler = new FakeHttpHandler((n, _, _) => n == 1
            ? throw new HttpRequestException("connection reset")
            : Task.FromResult(Ok(Png)));
        var fetcher = RemoteImageFetcher.Create(Options(), handler);

        var bytes = await fetcher.FetchAsync(Url);

        Assert.Equal(Png, bytes);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task FetchAsync_ReportsDownloadFailed_AfterTheLastRetryOfA500()
    {
        var handler = FakeHttpHandler.Always(() => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var fetcher = RemoteImageFetcher.Create(Options(retries: 2), handler);

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(Url));

        Assert.Equal(ImageErrorKind.DownloadFailed, error.Kind);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Equal(Url.OriginalString, error.ImageSource);
        Assert.Equal(3, handler.Requests);
    }

    [Fact]
    public async Task FetchAsync_ReportsNotFound_For404_WithoutRetrying()
    {
        var handler = FakeHttpHandler.Always(() => new HttpResponseMessage(HttpStatusCode.NotFound));
        var fetcher = RemoteImageFetcher.Create(Options(), handler);

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(Url));

        Assert.Equal(ImageErrorKind.NotFound, error.Kind);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task FetchAsync_ReportsTimedOut_WhenEveryAttemptHangs()
    {
        var handler = new FakeHttpHandler(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Ok(Png);
        });
        var options = Options(retries: 1);
        options.Remote.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        var fetcher = RemoteImageFetcher.Create(options, handler);

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(Url));

        Assert.Equal(ImageErrorKind.DownloadTimedOut, error.Kind);
        Assert.Contains("AttemptTimeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task FetchAsync_ReportsTimedOut_WhenTheBodyStallsPastTheTotalTimeout()
    {
        var handler = FakeHttpHandler.Always(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new TestBodyStream(Png, stall: true)),
        });
        var options = Options();
        options.Remote.TotalTimeout = TimeSpan.FromMilliseconds(200);
        var fetcher = RemoteImageFetcher.Create(options, handler);

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(Url));

        Assert.Equal(ImageErrorKind.DownloadTimedOut, error.Kind);
        Assert.Contains("TotalTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_PassesCallerCancellationThrough_AsOperationCanceled()
    {
        var handler = new FakeHttpHandler(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Ok(Png);
        });
        var fetcher = RemoteImageFetcher.Create(Options(), handler);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(Url, cancellation.Token));
    }

    [Fact]
    public async Task FetchAsync_RejectsADeclaredContentLengthAboveMaxBytes_WithoutReadingTheBody()
    {
        var body = new TestBodyStream(new byte[5000]);
        var handler = FakeHttpHandler.Always(() =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentLength = 5000;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        var options = Options();
        options.MaxBytes = 1000;
        var fetcher = RemoteImageFetcher.Create(options, handler);

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(Url));

        Assert.Equal(ImageErrorKind.TooLarge, error.Kind);
        Assert.Equal(0, body.Reads);
    }

    [Fact]
    public async Task FetchAsync_RejectsABodyThatGrowsPastMaxBytes_WithoutAContentLength()
    {
        var handler = FakeHttpHandler.Always(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new TestBodyStream(new byte[300_000])),
        });
        var options = Options();
        options.MaxBytes = 100_000;
        var fetcher = RemoteImageFetcher.Create(options, handler);

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(Url));

        Assert.Equal(ImageErrorKind.TooLarge, error.Kind);
        Assert.Contains("longer than the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WritesTheCacheFile_NamedBySha256OfTheUrl()
    {
        var fetcher = RemoteImageFetcher.Create(Options(_cache.Path), FakeHttpHandler.Always(() => Ok(Png)));

        await fetcher.FetchAsync(Url);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Url.AbsoluteUri)));
        var expectedPath = Path.Combine(_cache.Path, hash[..2], hash);
        Assert.Equal(expectedPath, fetcher.CachePathFor(Url));
        Assert.Equal(Png, await File.ReadAllBytesAsync(expectedPath));
        Assert.Empty(Directory.GetFiles(_cache.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task FetchAsync_ServesACachedUrl_WithoutAnyRequest()
    {
        var first = FakeHttpHandler.Always(() => Ok(Png));
        await RemoteImageFetcher.Create(Options(_cache.Path), first).FetchAsync(Url);
        var second = FakeHttpHandler.Always(() => throw new InvalidOperationException("The network must not be used."));
        var fetcher = RemoteImageFetcher.Create(Options(_cache.Path), second);

        var bytes = await fetcher.FetchAsync(Url);

        Assert.Equal(Png, bytes);
        Assert.Equal(1, first.Requests);
        Assert.Equal(0, second.Requests);
    }

    [Fact]
    public async Task FetchAsync_RejectsACachedEntryAboveMaxBytes_WithoutARequest()
    {
        await RemoteImageFetcher.Create(Options(_cache.Path), FakeHttpHandler.Always(() => Ok(Png))).FetchAsync(Url);
        var options = Options(_cache.Path);
        options.MaxBytes = Png.Length - 1;
        var handler = FakeHttpHandler.Always(() => Ok(Png));
        var fetcher = RemoteImageFetcher.Create(options, handler);

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(Url));

        Assert.Equal(ImageErrorKind.TooLarge, error.Kind);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task LoadAsync_ReportsNotAnImage_ForAnHtmlPage_AndDoesNotCacheIt()
    {
        var html = Encoding.UTF8.GetBytes("<html><body>Please log in</body></html>");
        var handler = FakeHttpHandler.Always(() => Ok(html));
        var options = Options(_cache.Path);
        var fetcher = RemoteImageFetcher.Create(options, handler);
        var loader = new ImageLoader(options, fetcher);

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => loader.LoadAsync(Url.OriginalString, 16));

        Assert.Equal(ImageErrorKind.NotAnImage, error.Kind);
        Assert.Equal(Url.OriginalString, error.ImageSource);
        Assert.False(File.Exists(fetcher.CachePathFor(Url)));
    }

    [Fact]
    public async Task LoadAsync_DecodesARemoteImage_ThroughTheDependencyInjectionRegistration()
    {
        var handler = new FakeHttpHandler((n, request, _) =>
        {
            Assert.Equal(Url, request.RequestUri);
            return Task.FromResult(n == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : Ok(Png));
        });
        var services = new ServiceCollection();
        services.AddImageLoading(options =>
            {
                options.Remote.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                options.Remote.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var loader = provider.GetRequiredService<ImageLoader>();

        var image = await loader.LoadAsync(Url.OriginalString, 16);

        Assert.Equal(16, image.OriginalWidth);
        Assert.Equal(1f, image.Chw[0], 1e-6f);
        Assert.Equal(2, handler.Requests);
    }

    private static ImageLoadOptions Options(string? cacheDirectory = null, int retries = 3) => new()
    {
        Remote = new RemoteImageOptions
        {
            CacheDirectory = cacheDirectory,
            MaxRetryAttempts = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        },
    };

    private static HttpResponseMessage Ok(byte[] body) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
}
