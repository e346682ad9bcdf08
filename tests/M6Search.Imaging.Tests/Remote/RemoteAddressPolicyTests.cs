using System.Net;
using M6Search.Imaging.Errors;
using M6Search.Imaging.Remote;
using M6Search.Imaging.Tests.TestImages;
using SkiaSharp;

namespace M6Search.Imaging.Tests.Remote;

/// <summary>
/// Catalog image URLs may not reach this machine or its private network (SSRF): every connection, redirects included,
/// is checked after DNS resolution against <see cref="RemoteImagePolicy"/>.
/// </summary>
public sealed class RemoteAddressPolicyTests
{
    private static readonly byte[] Png = SkiaImages.LeftRedRightBlue(16, 16, SKEncodedImageFormat.Png);

    [Theory]
    [InlineData("http://127.0.0.1:{0}/cup.png")]
    [InlineData("http://localhost:{0}/cup.png")]
    public async Task Fetch_RefusesThisMachine_ByDefault_WithoutConnecting(string pattern)
    {
        await using var server = new LoopbackHttpServer("127.0.0.1", _ => (200, null, Png));
        var fetcher = RemoteImageFetcher.Create(Options(new RemoteImagePolicy()));

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(new Uri(string.Format(pattern, server.Port))));

        Assert.Equal(ImageErrorKind.Refused, error.Kind);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Fetch_ReadsFromANetworkTheAdminAllowed()
    {
        await using var server = new LoopbackHttpServer("127.0.0.1", _ => (200, null, Png));
        var fetcher = RemoteImageFetcher.Create(Options(new RemoteImagePolicy { AllowedNetworks = ["127.0.0.1/32"] }));

        byte[] bytes = await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{server.Port}/cup.png"));

        Assert.Equal(Png, bytes);
    }

    [Fact]
    public async Task Fetch_ChecksARedirectAgain_AndRefusesOneIntoAnotherPrivateAddress()
    {
        await using var inside = new LoopbackHttpServer("127.0.0.2", _ => (200, null, Png));
        await using var allowed = new LoopbackHttpServer("127.0.0.1", _ => (302, $"http://127.0.0.2:{inside.Port}/secret.png", []));
        var fetcher = RemoteImageFetcher.Create(Options(new RemoteImagePolicy { AllowedNetworks = ["127.0.0.1/32"] }));

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(new Uri($"http://127.0.0.1:{allowed.Port}/cup.png")));

        Assert.Equal(ImageErrorKind.Refused, error.Kind);
        Assert.Equal(1, allowed.Requests);
        Assert.Equal(0, inside.Requests);
    }

    [Fact]
    public async Task Fetch_RefusesAHostOutsideTheAllowList()
    {
        await using var server = new LoopbackHttpServer("127.0.0.1", _ => (200, null, Png));
        var fetcher = RemoteImageFetcher.Create(Options(new RemoteImagePolicy { AllowedHosts = ["images.example"], AllowedNetworks = ["127.0.0.1/32"] }));

        var error = await Assert.ThrowsAsync<ImageLoadException>(() => fetcher.FetchAsync(new Uri($"http://127.0.0.1:{server.Port}/cup.png")));

        Assert.Equal(ImageErrorKind.Refused, error.Kind);
        Assert.Contains("images.example", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.9", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700:4700::1111", true)]
    public void Policy_AllowsOnlyPublicAddresses_ByDefault(string address, bool allowed)
    {
        Assert.Equal(allowed, new RemoteImagePolicy().Allows(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("images.example", true)]
    [InlineData("IMAGES.example", true)]
    [InlineData("cdn.shop.example", true)]
    [InlineData("shop.example", false)]
    [InlineData("evil.example", false)]
    [InlineData("images.example.evil.test", false)]
    public void Policy_MatchesHostNamesAndWildcards(string host, bool allowed)
    {
        var policy = new RemoteImagePolicy { AllowedHosts = ["images.example", "*.shop.example"] };

        Assert.Equal(allowed, policy.AllowsHost(host));
    }

    private static ImageLoadOptions Options(RemoteImagePolicy policy) => new()
    {
        Remote = new RemoteImageOptions { MaxRetryAttempts = 0, AttemptTimeout = TimeSpan.FromSeconds(5), Policy = policy },
    };
}
