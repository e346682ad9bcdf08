using System.Net;
using System.Text.Json;
using M6Search.Web.Tests.Infrastructure;
using M6Search.Web.Uploads;
using Microsoft.Extensions.DependencyInjection;
using System.Threading.RateLimiting;
using SkiaSharp;

namespace M6Search.Web.Tests.Api;

/// <summary>
/// A photo upload never decodes more than <c>M6:Upload:MaxDecodedPixels</c> (JPEG and WebP are decoded at a reduced
/// size; a PNG cannot be and is refused past the budget), and at most <c>M6:Upload:MaxConcurrentDecodes</c> decode at once.
/// </summary>
public sealed class PhotoDecodeLimitsTests : IAsyncLifetime
{
    private TestData _data = null!;
    private M6WebFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _data = await TestData.CreateAsync();
        _factory = new M6WebFactory(_data, new Dictionary<string, string?>
        {
            ["M6:Upload:MaxDecodedPixels"] = "1000000",
            ["M6:Upload:MaxConcurrentDecodes"] = "1",
            ["M6:Upload:DecodeQueueLimit"] = "0",
        });
        _client = await _factory.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Png_OverTheDecodeBudget_IsRefusedBeforeDecoding()
    {
        using HttpResponseMessage response = await UploadAsync(Encode(SKEncodedImageFormat.Png, 1200), "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("pixels", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jpeg_OverTheBudgetAtFullSize_IsDecodedAtAReducedSize()
    {
        using HttpResponseMessage response = await UploadAsync(Encode(SKEncodedImageFormat.Jpeg, 1200), "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Upload_Answers429_WhileEveryDecodeSlotIsBusy()
    {
        PhotoPreparer photos = _factory.Services.GetRequiredService<PhotoPreparer>();
        using (RateLimitLease held = await photos.DecodeLimiter.AcquireAsync())
        {
            Assert.True(held.IsAcquired);
            using HttpResponseMessage busy = await UploadAsync(Encode(SKEncodedImageFormat.Jpeg, 64), "image/jpeg");

            Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
            Assert.True(busy.Headers.Contains("Retry-After"));
        }

        using HttpResponseMessage free = await UploadAsync(Encode(SKEncodedImageFormat.Jpeg, 64), "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }

    private static byte[] Encode(SKEncodedImageFormat format, int size)
    {
        using var bitmap = new SKBitmap(size, size);
        bitmap.Erase(SKColors.Red);
        using SKData data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] photo, string contentType)
    {
        using JsonDocument token = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/antiforgery", UriKind.Relative)));
        using var form = SearchApiTests.PhotoForm(
            photo, contentType, token.RootElement.GetProperty("token").GetString(), token.RootElement.GetProperty("formFieldName").GetString());
        return await _client.PostAsync(new Uri("/api/search/image", UriKind.Relative), form);
    }
}
