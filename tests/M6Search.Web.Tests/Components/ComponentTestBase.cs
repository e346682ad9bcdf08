using Bunit;
using M6Search.Stores.Embedded;
using M6Search.Web.Configuration;
using M6Search.Web.Demo;
using M6Search.Web.Facets;
using M6Search.Web.Runtime;
using M6Search.Web.Tests.Infrastructure;
using M6Search.Web.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace M6Search.Web.Tests.Components;

/// <summary>A bUnit context with MudBlazor, the page's services and a fake search service over a small real store.</summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    private TestData? _data;
    private EmbeddedProductVectorStore? _store;

    internal FakeSearchService Search { get; } = new();

    internal SearchRuntime Runtime { get; } = new();

    internal DemoProgress Demo { get; } = new();

    internal RecordingQueryLog QueryLog { get; } = new();

    /// <summary>The app's settings; change them before rendering the component that reads them.</summary>
    internal M6Options Settings { get; } = new();

    public async Task InitializeAsync()
    {
        _data = await TestData.CreateAsync();
        _store = await EmbeddedProductVectorStore.OpenAsync(new EmbeddedStoreOptions { DataDirectory = _data.DataDir }, "products");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Runtime);
        Services.AddSingleton(Demo);
        Services.AddSingleton<CatalogFacetsCache>();
        Services.AddSingleton<IOptions<M6Options>>(Options.Create(Settings));
        Services.AddSingleton<PhotoPreparer>();
        Services.AddSingleton<M6Search.Web.RateLimiting.InteractiveRateLimiter>();
        Services.AddSingleton<M6Search.Relevance.QueryLog.IQueryLog>(QueryLog);
        Render<MudPopoverProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _data?.Dispose();
    }

    internal void StartSearch() => Runtime.SetRunning(Search, _store!, null);
}
