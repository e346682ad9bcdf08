using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using M6Search.Stores.Qdrant.Transport;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>The custom CA check: trust ends at the configured authority, and nothing else is waived.</summary>
public sealed class QdrantCertificateValidatorTests : IDisposable
{
    private readonly X509Certificate2 _ca = CreateAuthority("CN=M6Search Test CA");
    private readonly X509Certificate2 _otherCa = CreateAuthority("CN=Someone Else CA");

    [Fact]
    public void Validator_AcceptsACertificateIssuedByTheConfiguredAuthority()
    {
        using X509Certificate2 server = Issue(_ca, "qdrant.internal", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var validator = new QdrantCertificateValidator([_ca]);

        Assert.True(validator.Validate(server, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validator_RejectsACertificateIssuedByAnotherAuthority()
    {
        using X509Certificate2 server = Issue(_otherCa, "qdrant.internal", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var validator = new QdrantCertificateValidator([_ca]);

        Assert.False(validator.Validate(server, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validator_RejectsAHostNameMismatch_EvenFromTheConfiguredAuthority()
    {
        using X509Certificate2 server = Issue(_ca, "qdrant.internal", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var validator = new QdrantCertificateValidator([_ca]);

        Assert.False(validator.Validate(server, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void Validator_RejectsAnExpiredCertificate_FromTheConfiguredAuthority()
    {
        using X509Certificate2 server = Issue(_ca, "qdrant.internal", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        var validator = new QdrantCertificateValidator([_ca]);

        Assert.False(validator.Validate(server, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validator_RejectsAMissingCertificate()
    {
        var validator = new QdrantCertificateValidator([_ca]);

        Assert.False(validator.Validate(null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void Validator_AcceptsWhatTheSystemAlreadyTrusts()
    {
        using X509Certificate2 server = Issue(_otherCa, "qdrant.internal", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var validator = new QdrantCertificateValidator([_ca]);

        Assert.True(validator.Validate(server, null, SslPolicyErrors.None));
    }

    [Fact]
    public void Validator_ReadsTheAuthorityFromAPemFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"m6-qdrant-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, _ca.ExportCertificatePem());
        try
        {
            using X509Certificate2 server = Issue(_ca, "qdrant.internal", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            QdrantCertificateValidator validator = QdrantCertificateValidator.FromFile(path);

            Assert.True(validator.Validate(server, null, SslPolicyErrors.RemoteCertificateChainErrors));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validator_ReportsAFileWithoutACertificate_NamingTheSetting()
    {
        string path = Path.Combine(Path.GetTempPath(), $"m6-qdrant-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, "not a certificate");
        try
        {
            var error = Assert.Throws<ArgumentException>(() => QdrantCertificateValidator.FromFile(path));

            Assert.Contains("M6:Qdrant:CaCertificatePath", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private static X509Certificate2 CreateAuthority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string host, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        using X509Certificate2 issued = request.Create(authority, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
