extern alias QdrantFake;

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using QdrantFake::M6Search.Stores.QdrantFake;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>gRPC over TLS through the store's own channel, against the fake on 127.0.0.1 with a certificate from a test CA.</summary>
public sealed class QdrantTlsTests : IDisposable
{
    private readonly string _caPath = Path.Combine(Path.GetTempPath(), $"m6-qdrant-ca-{Guid.NewGuid():N}.pem");
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _otherCa;

    public QdrantTlsTests()
    {
        _ca = CreateAuthority("CN=M6Search Test CA");
        _otherCa = CreateAuthority("CN=Someone Else CA");
        File.WriteAllText(_caPath, _ca.ExportCertificatePem());
    }

    [Fact]
    public async Task Tls_Works_WhenTheServerCertificateComesFromTheConfiguredCa()
    {
        using X509Certificate2 serverCertificate = Issue(_ca, "localhost");
        await using FakeQdrantServer server = await FakeQdrantServer.StartAsync(apiKey: "k-tls", certificate: serverCertificate);
        server.Fake.State.AddCollection(new QdrantFake::Qdrant.Client.Grpc.CreateCollection { CollectionName = "products" });
        await using QdrantProductStore store = new(TlsOptions(server.Url, _caPath));

        long count = await store.CountAsync();

        Assert.Equal(0, count);
        Assert.Equal("k-tls", server.Fake.Calls.Single().ApiKey);
    }

    [Fact]
    public async Task Tls_IsRefused_WhenTheServerCertificateComesFromAnotherCa()
    {
        using X509Certificate2 serverCertificate = Issue(_otherCa, "localhost");
        await using FakeQdrantServer server = await FakeQdrantServer.StartAsync(certificate: serverCertificate);
        await using QdrantProductStore store = new(TlsOptions(server.Url, _caPath));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync());

        Assert.Equal("Count", error.Operation);
        Assert.Contains("could not reach Qdrant at https://localhost:", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Calls);
    }

    [Fact]
    public async Task Tls_IsRefused_WhenTheCertificateFromTheConfiguredCaNamesAnotherHost()
    {
        using X509Certificate2 serverCertificate = Issue(_ca, "qdrant.elsewhere");
        await using FakeQdrantServer server = await FakeQdrantServer.StartAsync(certificate: serverCertificate);
        await using QdrantProductStore store = new(TlsOptions(server.Url, _caPath));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync());

        Assert.Contains("could not reach Qdrant", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Calls);
    }

    public void Dispose()
    {
        File.Delete(_caPath);
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private static QdrantStoreOptions TlsOptions(Uri url, string caPath) => TestStores.Options(url, o =>
    {
        o.ApiKey = "k-tls";
        o.CaCertificatePath = caPath;
        o.MaxRetryAttempts = 0;
        o.Timeout = TimeSpan.FromSeconds(15);
        o.TotalTimeout = TimeSpan.FromSeconds(15);
    });

    private static X509Certificate2 CreateAuthority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + host, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        if (host == "localhost")
        {
            names.AddIpAddress(IPAddress.Loopback);
        }

        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 issued = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(12));
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);

        // Kestrel on Linux wants a certificate whose private key it can use directly: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
