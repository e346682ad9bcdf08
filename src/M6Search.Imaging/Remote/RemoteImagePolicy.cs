using System.Net;
using System.Net.Sockets;

namespace M6Search.Imaging.Remote;

/// <summary>
/// Where http(s) images may be fetched from (an outbound allow/deny policy against server-side request forgery): only
/// public addresses by default, checked after DNS resolution on every connection, redirects included
/// (<see cref="RemoteImageConnector"/>). Loopback, private (RFC 1918, unique-local), link-local (cloud metadata at
/// 169.254.169.254), carrier-grade NAT, multicast, reserved and documentation ranges are refused, also when written as
/// IPv4-mapped, NAT64 or 6to4 IPv6 addresses, unless an <see cref="AllowedNetworks"/> entry covers them.
/// </summary>
public sealed class RemoteImagePolicy
{
    private static readonly IPNetwork[] NonPublicV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
    ];

    private static readonly IPNetwork[] NonPublicV6 =
    [
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("64:ff9b:1::/48"), IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001::/23"), IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>
    /// Host names images may come from (<c>images.example.com</c>, or <c>*.example.com</c> for its subdomains); empty
    /// means any host whose addresses are public. Matched without regard to case.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Networks allowed although they are not public (CIDR, such as <c>10.20.0.0/16</c> for an image server inside the
    /// cluster). Empty by default.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Every address allowed: for an operator's own catalog on the command line, never for a shared server.</summary>
    public static RemoteImagePolicy Unrestricted() => new() { AllowedNetworks = ["0.0.0.0/0", "::/0"] };

    /// <summary>Whether <paramref name="host"/> (a name or an address literal) passes <see cref="AllowedHosts"/>.</summary>
    public bool AllowsHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (AllowedHosts.Count == 0)
        {
            return true;
        }

        string name = host.TrimEnd('.');
        return AllowedHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? name.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && name.Length > allowed.Length - 1
            : string.Equals(name, allowed.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed: a public address, or one in <see cref="AllowedNetworks"/>.</summary>
    public bool Allows(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (AllowedNetworks.Select(IPNetwork.Parse).Any(network => network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address)))
        {
            return true;
        }

        return IsPublic(address);
    }

    /// <summary>Every problem with these settings, each naming its configuration key under <paramref name="section"/>.</summary>
    public IEnumerable<string> Validate(string section)
    {
        foreach (string host in AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal)
                || (host.Contains('*', StringComparison.Ordinal) && !(host.StartsWith("*.", StringComparison.Ordinal) && host.LastIndexOf('*') == 0)))
            {
                yield return $"{section}:{nameof(AllowedHosts)}: '{host}' is not a host name (such as images.example.com or *.example.com).";
            }
        }

        foreach (string network in AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return $"{section}:{nameof(AllowedNetworks)}: '{network}' is not a network in CIDR notation (such as 10.20.0.0/16).";
            }
        }
    }

    private static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !NonPublicV4.Any(network => network.Contains(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || NonPublicV6.Any(network => network.Contains(address)))
        {
            return false;
        }

        byte[] bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return IsPublic(new IPAddress(bytes[12..16]));
        }

        // 6to4 carries the IPv4 address in bits 16 to 48.
        return !SixToFour.Contains(address) || IsPublic(new IPAddress(bytes[2..6]));
    }
}
