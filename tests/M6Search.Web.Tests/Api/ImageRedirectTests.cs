using System.Net;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;
using M6Search.Web.Runtime;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Web.Tests.Api;

/// <summary><c>/images/{id}</c> redirects a remote catalog image only to a host of <c>M6:RemoteImages:AllowedHosts</c>.</summary>
public sealed class ImageRedirectTests
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/cup.jpg", null, HttpStatusCode.NotFound)]
    [InlineData("https://evil.example/cup.jpg", "cdn.shop.example", HttpStatusCode.NotFound)]
    [InlineData("https://cdn.shop.example/cup.jpg", "cdn.shop.example", HttpStatusCode.Redirect)]
    public async Task RemoteImage_IsRedirectedTo_OnlyOnAnAllowedHost(string image, string? allowedHost, HttpStatusCode expected)
    {
        using TestData data = await TestData.CreateAsync();
        var settings = new Dictionary<string, string?>();
        if (allowedHost is not null)
        {
            settings["M6:RemoteImages:AllowedHosts:0"] = allowedHost;
        }

        await using var factory = new M6WebFactory(data, settings);
        using HttpClient client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await M6WebFactory.WaitUntilReadyAsync(client, TimeSpan.FromSeconds(60));
        IProductVectorStore store = factory.Services.GetRequiredService<SearchRuntime>().Store!;
        await store.UpsertAsync(
        [
            new ProductPoint
            {
                Product = new Product { Id = "p-remote", Title = "Remote Cup", Image = image, Attributes = new JsonObject() },
                Vectors = new Dictionary<string, float[]> { [CollectionSchema.ImageVector] = FakeEncoder.Axis(0), [CollectionSchema.TextVector] = FakeEncoder.Axis(2) },
                Lexical = M6Search.Stores.Lexical.LexicalVectorizer.Default.Document("Remote Cup"),
            },
        ]);

        using HttpResponseMessage response = await client.GetAsync(new Uri("/images/p-remote", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }
}
