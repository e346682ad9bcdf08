using M6Search.Web.Accounts;
using M6Search.Web.Api;
using M6Search.Web.Components;
using M6Search.Web.Composition;
using M6Search.Web.Health;
using M6Search.Web.Images;
using M6Search.Web.Jobs;
using M6Search.Telemetry;
using M6Search.Web.Configuration;
using M6Search.Web.Merchants;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// Traces and metrics; exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
builder.AddM6Telemetry(M6TelemetryNames.WebService);

// `dotnet run` starts in Production, where package assets (MudBlazor's CSS and JS) are only found through the build's
// static web assets manifest; a published app has them in wwwroot and no manifest, and this does nothing.
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = 1L * 1024 * 1024;
    kestrel.AddServerHeader = false;
});
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddM6Search(builder.Configuration);
builder.Services.AddM6Accounts();
builder.Services.AddM6TransportSecurity(builder.Environment);
builder.Services.AddMerchantDashboard();
builder.Services.AddIndexingJobs();

var app = builder.Build();

// First: every later step (rate limits, cookies, HSTS) sees the real client address and scheme from the configured proxies.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
if (app.Services.GetRequiredService<IOptions<M6Options>>().Value.OpenApi.Enabled ?? app.Environment.IsDevelopment())
{
    app.MapOpenApi();
}

app.MapHealthEndpoints();
app.MapSearchApi().RecordSearchQueries();
app.MapAccountEndpoints();
app.MapMerchantApi();
app.MapJobEndpoints();
app.MapProductImages().RequireRateLimiting(SearchApi.RateLimitPolicy);
// Page loads (and the circuit's connection) share each client's window with the API: a page with ?q= searches too.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireRateLimiting(SearchApi.RateLimitPolicy);
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
