using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace M6Search.Web.Tests.Merchants;

/// <summary>
/// A bUnit context with MudBlazor's services, for the account and merchant components. Register services first, then
/// render with <see cref="RenderMud{T}"/>, which adds the popover provider on first use.
/// </summary>
public abstract class MudComponentTest : BunitContext, IAsyncLifetime
{
    private bool _providerRendered;

    protected MudComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public new async Task DisposeAsync() => await base.DisposeAsync();

    protected IRenderedComponent<T> RenderMud<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        if (!_providerRendered)
        {
            Render<MudPopoverProvider>();
            _providerRendered = true;
        }

        return parameters is null ? Render<T>() : Render(parameters);
    }

    /// <summary>Navigates first, for components that read the query string.</summary>
    protected void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
}
