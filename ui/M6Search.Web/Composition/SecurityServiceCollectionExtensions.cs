using System.Net;
using M6Search.Web.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Composition;

/// <summary>
/// The app's transport security: forwarded headers believed only from the configured proxies
/// (<c>M6:ForwardedHeaders</c>) and the response headers every page and API answer
/// carries (Content-Security-Policy, frame-ancestors, nosniff, referrer policy, HSTS over HTTPS outside Development).
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>One year, in seconds.</summary>
    private const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    public static IServiceCollection AddM6TransportSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<M6Options>>((forwarded, m6) => Configure(forwarded, m6.Value.ForwardedHeaders));

        services.AddSecurityHeaderPolicies((policies, provider) => policies.SetDefaultPolicy(policy => HeadersFor(
            policy, environment.IsDevelopment(), provider.GetRequiredService<IOptions<M6Options>>().Value.RemoteImages.AllowedHosts)));
        return services;
    }

    /// <summary>
    /// The headers of every response. The Content-Security-Policy allows scripts only from this site (Blazor's and
    /// MudBlazor's files; no inline script), styles from this site and inline (MudBlazor sets style attributes),
    /// images from this site, data: URLs and the hosts <c>/images</c> may redirect to (<c>M6:RemoteImages:AllowedHosts</c>),
    /// connections (Blazor's WebSocket) to this site only, no plugins, no framing.
    /// </summary>
    private static void HeadersFor(HeaderPolicyCollection policy, bool development, IReadOnlyList<string> imageHosts)
    {
        policy
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self().UnsafeInline();
                var images = csp.AddImgSrc().Self().Data();
                foreach (string host in imageHosts)
                {
                    images.From(host);
                }

                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });
        if (!development)
        {
            // Sent on HTTPS responses only (the ingress's, seen through X-Forwarded-Proto), never for localhost.
            policy.AddStrictTransportSecurity(HstsMaxAgeSeconds, includeSubdomains: false, preload: false, excludedHosts: ["localhost", "127.0.0.1", "[::1]"]);
        }
    }

    private static void Configure(ForwardedHeadersOptions forwarded, ForwardedHeadersSettings settings)
    {
        // Only the configured proxies are believed (not even loopback by default): without them a client could pick its
        // own address, and so its rate-limit bucket, by sending X-Forwarded-For.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        if (!settings.Enabled)
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }

        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = settings.ForwardLimit;
        foreach (string proxy in settings.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (string network in settings.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
