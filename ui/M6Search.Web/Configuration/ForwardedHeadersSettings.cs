using System.Net;

namespace M6Search.Web.Configuration;

/// <summary>
/// The reverse proxies (the TLS ingress) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed
/// (configuration section "M6:ForwardedHeaders"). With none configured the headers are ignored, so a client cannot
/// choose its own address (and rate-limit bucket) by sending them.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Addresses of the proxies, such as <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, such as <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Proxies in a row to read back through (the entries taken from the end of <c>X-Forwarded-For</c>).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Whether any proxy is configured.</summary>
    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>Every problem with these settings, each naming its configuration key.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (string proxy in KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                yield return $"M6:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.";
            }
        }

        foreach (string network in KnownNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return $"M6:ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (such as 10.0.0.0/8).";
            }
        }

        if (ForwardLimit is < 1 or > 10)
        {
            yield return $"M6:ForwardedHeaders:ForwardLimit must be between 1 and 10, not {ForwardLimit}.";
        }
    }
}
