using System.Security.Cryptography;
using M6Search.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace M6Search.Web.Tests.Configuration;

public sealed class DataProtectionKeyRingTests
{
    [Fact]
    public async Task Two_replicas_sharing_the_key_folder_read_each_others_cookies_and_tokens()
    {
        using TestData first = await TestData.CreateAsync(withProducts: false);
        using TestData second = await TestData.CreateAsync(withProducts: false);
        string keys = Path.Combine(first.Root, "shared-keys");
        var shared = new Dictionary<string, string?> { ["M6:DataProtection:KeysDir"] = keys };
        await using var a = new M6WebFactory(first, shared);
        await using var b = new M6WebFactory(second, shared);

        string sealedByA = Protector(a).Protect("signed in as merchant01");

        Assert.Equal("signed in as merchant01", Protector(b).Unprotect(sealedByA));
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task By_default_the_key_ring_is_kept_in_the_data_folder_and_survives_a_restart()
    {
        using TestData data = await TestData.CreateAsync(withProducts: false);
        string sealedBefore;
        await using (var before = new M6WebFactory(data))
        {
            sealedBefore = Protector(before).Protect("token");
        }

        await using var after = new M6WebFactory(data);

        Assert.Equal("token", Protector(after).Unprotect(sealedBefore));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data.DataDir, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task A_replica_with_another_key_ring_refuses_the_payload()
    {
        using TestData first = await TestData.CreateAsync(withProducts: false);
        using TestData second = await TestData.CreateAsync(withProducts: false);
        await using var a = new M6WebFactory(first);
        await using var b = new M6WebFactory(second);

        string sealedByA = Protector(a).Protect("token");

        Assert.ThrowsAny<CryptographicException>(() => Protector(b).Unprotect(sealedByA));
    }

    private static IDataProtector Protector(M6WebFactory factory) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("M6Search.Tests");
}
