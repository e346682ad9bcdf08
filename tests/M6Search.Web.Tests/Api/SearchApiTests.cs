using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using M6Search.Web.Tests.Infrastructure;
using SkiaSharp;

namespace M6Search.Web.Tests.Api;

public sealed class SearchApiTests : IAsyncLifetime
{
    private TestData _data = null!;
    private M6WebFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _data = await TestData.CreateAsync();
        _factory = new M6WebFactory(_data);
        _client = await _factory.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Search_ReturnsResults_WithScoresPayloadAttributesAndMatchDetails()
    {
        using JsonDocument body = await GetJsonAsync("/api/search?q=bumpy%20coffee%20cup&k=5&details=true");

        JsonElement results = body.RootElement.GetProperty("results");
        JsonElement bumpy = results.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "p-bumpy");
        Assert.True(bumpy.GetProperty("score").GetSingle() > 0);
        Assert.Equal("bumpy", bumpy.GetProperty("payload").GetProperty("attributes").GetProperty("texture").GetString());
        Assert.Equal(1, bumpy.GetProperty("match").GetProperty("image").GetProperty("rank").GetInt32());
        Assert.Equal(["bumpy"], bumpy.GetProperty("match").GetProperty("missingWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("/images/p-bumpy", bumpy.GetProperty("imageUrl").GetString());
    }

    [Fact]
    public async Task Search_LeavesOutMatchDetails_UnlessTheClientAsksForThem()
    {
        using JsonDocument plain = await GetJsonAsync("/api/search?q=bumpy%20coffee%20cup&k=5");
        using JsonDocument detailed = await GetJsonAsync("/api/search?q=bumpy%20coffee%20cup&k=5&details=true");

        JsonElement[] plainResults = plain.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.NotEmpty(plainResults);
        Assert.All(plainResults, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("match").ValueKind));
        Assert.Equal(
            detailed.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()),
            plainResults.Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Search_AppliesCategoryMerchantAndPriceFilters()
    {
        using JsonDocument body = await GetJsonAsync("/api/search?q=cup&category=cup&merchant=m-a&minPrice=15&maxPrice=25");

        Assert.Equal(["p-plain"], body.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Search_KeepsChineseReadable_InTheJson()
    {
        string text = await _client.GetStringAsync(new Uri("/api/search?q=%E5%87%B9%E5%87%B8&k=5", UriKind.Relative));

        Assert.Contains("凹凸", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search?q=&k=10", "q")]
    [InlineData("/api/search?q=cup&k=0", "k")]
    [InlineData("/api/search?q=cup&k=101", "k")]
    [InlineData("/api/search?q=cup&minPrice=-1", "minPrice")]
    [InlineData("/api/search?q=cup&minPrice=30&maxPrice=10", "minPrice")]
    [InlineData("/api/search?q=cup&sort=cheapest", "sort")]
    public async Task Search_Answers400ProblemDetails_NamingTheBadField(string url, string field)
    {
        using HttpResponseMessage response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Search_RefusesAQueryOver256Characters()
    {
        using HttpResponseMessage response = await _client.GetAsync(new Uri("/api/search?q=" + new string('a', 257), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("257", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Answers400ProblemDetails_ForANonNumericK()
    {
        using HttpResponseMessage response = await _client.GetAsync(new Uri("/api/search?q=cup&k=many", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetProduct_ReturnsThePayload_And404ProblemDetailsForAnUnknownId()
    {
        using JsonDocument product = await GetJsonAsync("/api/products/p-vase");
        using HttpResponseMessage missing = await _client.GetAsync(new Uri("/api/products/p-nope", UriKind.Relative));

        Assert.Equal("Green Vase", product.RootElement.GetProperty("payload").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MoreLikeThis_ReturnsOtherProducts_WithTheSameImageVector()
    {
        using JsonDocument body = await GetJsonAsync("/api/products/p-bumpy/similar?k=1");

        Assert.Equal(["p-vase"], body.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Images_ServesTheStoredProductsImage()
    {
        using HttpResponseMessage response = await _client.GetAsync(new Uri("/images/p-bumpy", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_data.CatalogDir, "images", "p-bumpy.jpg")), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/images/p-escape")]
    [InlineData("/images/..%2Fsecret.jpg")]
    [InlineData("/images/..%2F..%2Fsecret.jpg")]
    [InlineData("/images/%2E%2E%2Fsecret.jpg")]
    [InlineData("/images/p-vase")]
    [InlineData("/images/p-plain")]
    public async Task Images_NeverServesAFileOutsideTheCatalogFolder_OrAMissingOne(string url)
    {
        using HttpResponseMessage response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        byte[] secret = await File.ReadAllBytesAsync(Path.Combine(_data.Root, "secret.jpg"));
        Assert.NotEqual(secret, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ImageSearch_IsRefused_WithoutAnAntiforgeryToken()
    {
        using var form = PhotoForm(TestData.Jpeg(SKColors.Red), "image/jpeg");
        using HttpResponseMessage response = await _client.PostAsync(new Uri("/api/search/image", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ImageSearch_FindsProductsWithThatImage_WithAToken()
    {
        using HttpResponseMessage response = await PostPhotoAsync(TestData.Jpeg(SKColors.Red), "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string[] ids = body.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray();
        Assert.Contains("p-bumpy", ids.Take(3));
    }

    [Fact]
    public async Task ImageSearch_Answers415_ForAGif()
    {
        using var bitmap = new SKBitmap(8, 8);
        using SKData gif = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using HttpResponseMessage response = await PostPhotoAsync(gif.ToArray(), "image/gif");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task ImageSearch_Answers415_WhenTheBytesAreNotTheDeclaredImage()
    {
        using HttpResponseMessage response = await PostPhotoAsync("GIF89a not a jpeg"u8.ToArray(), "image/jpeg");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheSearchEndpoints()
    {
        using JsonDocument document = await GetJsonAsync("/openapi/v1.json");

        JsonElement paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/search", out _));
        Assert.True(paths.TryGetProperty("/api/search/image", out _));
        Assert.True(paths.TryGetProperty("/api/products/{id}", out _));
    }

    [Fact]
    public async Task Readyz_Answers200_WithTheProductCount()
    {
        using JsonDocument body = await GetJsonAsync("/readyz");

        Assert.Equal(5, body.RootElement.GetProperty("products").GetInt32());
    }

    internal static MultipartFormDataContent PhotoForm(byte[] bytes, string contentType, string? token = null, string? fieldName = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "image", "photo" + (contentType == "image/gif" ? ".gif" : ".jpg"));
        if (token is not null)
        {
            form.Add(new StringContent(token), fieldName!);
        }

        return form;
    }

    private async Task<HttpResponseMessage> PostPhotoAsync(byte[] bytes, string contentType)
    {
        using JsonDocument token = await GetJsonAsync("/api/antiforgery");
        using var form = PhotoForm(bytes, contentType, token.RootElement.GetProperty("token").GetString(), token.RootElement.GetProperty("formFieldName").GetString());
        return await _client.PostAsync(new Uri("/api/search/image", UriKind.Relative), form);
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using HttpResponseMessage response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
