using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace M6Search.Stores.Qdrant.Transport;

/// <summary>
/// Accepts a server certificate that the system already trusts, or one whose chain builds to one of the configured
/// certificate authorities. Never accepts a host-name mismatch, a missing certificate, an expired certificate, or a
/// chain to any other root.
/// </summary>
public sealed class QdrantCertificateValidator
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    private readonly X509Certificate2Collection _trustedRoots;
    private readonly bool _checkRevocation;

    public QdrantCertificateValidator(X509Certificate2Collection trustedRoots, bool checkRevocation = false)
    {
        ArgumentNullException.ThrowIfNull(trustedRoots);
        if (trustedRoots.Count == 0)
        {
            throw new ArgumentException("At least one trusted certificate authority is required.", nameof(trustedRoots));
        }

        _trustedRoots = trustedRoots;
        _checkRevocation = checkRevocation;
    }

    /// <summary>Reads the CA certificates from a PEM file (one or more certificates) or a DER file.</summary>
    public static QdrantCertificateValidator FromFile(string path, bool checkRevocation = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
            if (roots.Count == 0)
            {
                roots.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException($"{QdrantStoreOptions.SectionName}:CaCertificatePath '{path}' holds no readable certificate: {ex.Message}", nameof(path), ex);
        }

        return new QdrantCertificateValidator(roots, checkRevocation);
    }

    /// <summary>The TLS validation decision (the signature of <c>RemoteCertificateValidationCallback</c> without the sender).</summary>
    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // Only an unknown issuer can be fixed by the custom authority; a wrong host name or no certificate cannot.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        X509Certificate2 leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        try
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);
            custom.ChainPolicy.RevocationMode = _checkRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
            custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
            if (chain is not null)
            {
                // Intermediates the server sent along; they are only candidates, trust still has to end at a configured root.
                foreach (X509ChainElement element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }

                custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
            }

            return custom.Build(leaf);
        }
        finally
        {
            if (!ReferenceEquals(leaf, certificate))
            {
                leaf.Dispose();
            }
        }
    }
}
