using M6Search.Relevance.Dashboard;
using M6Search.Relevance.Probing;
using M6Search.Relevance.Ranking;
using M6Search.Web.Accounts;
using M6Search.Web.Merchants;
using M6Search.Web.RateLimiting;
using M6Search.Web.Runtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace M6Search.Web.Components.Pages.Merchant;

/// <summary>
/// The merchant dashboard. The merchant id is read from the signed-in user's claim (never from the address); the
/// report is built in the background with progress, and rebuilt after the merchant judges a result.
/// </summary>
public partial class MerchantDashboardPage
{
    private readonly CancellationTokenSource _disposed = new();

    [Inject]
    private MerchantDashboards Dashboards { get; set; } = default!;

    [Inject]
    private SearchRuntime Runtime { get; set; } = default!;

    [Inject]
    private InteractiveRateLimiter Limiter { get; set; } = default!;

    /// <summary>Where the page was loaded from: the interactive rate limit's key.</summary>
    [CascadingParameter]
    private ClientAddress? Client { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private string? MerchantId { get; set; }

    private MerchantDashboardService? Service { get; set; }

    private MerchantDashboardReport? Report { get; set; }

    private (int Done, int Total) Progress { get; set; }

    private double ProgressPercent => Progress.Total == 0 ? 0 : 100.0 * Progress.Done / Progress.Total;

    private string? LoadError { get; set; }

    private int ActiveTab { get; set; }

    private string? JudgmentQuery { get; set; }

    public void Dispose()
    {
        Runtime.Changed -= OnRuntimeChanged;
        _disposed.Cancel();
        _disposed.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        AuthenticationState? state = AuthenticationState is null ? null : await AuthenticationState;
        MerchantId = AccountClaims.MerchantIdOf(state?.User);
        Runtime.Changed += OnRuntimeChanged;
        Service = Dashboards.Current;
        if (MerchantId is not null && RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private void OnRuntimeChanged() => _ = InvokeAsync(LoadAsync);

    private async Task LoadAsync()
    {
        Service = Dashboards.Current;
        if (Service is null || MerchantId is null || _disposed.IsCancellationRequested)
        {
            StateHasChanged();
            return;
        }

        LoadError = null;
        var progress = new Progress<(int Done, int Total)>(p =>
        {
            Progress = p;
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            Report = await Task.Run(() => Service.BuildAsync(MerchantId, progress, _disposed.Token), _disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LoadError = $"The dashboard could not be built: {exception.Message}";
        }

        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        if (Service is null || MerchantId is null)
        {
            return;
        }

        Report = await Service.BuildAsync(MerchantId, cancellationToken: _disposed.Token);
    }

    private Task<TraitProbe?> ProbeAsync(string productId) =>
        Service!.ProbeAsync(MerchantId!, productId, _disposed.Token);

    /// <summary>Ranks a typed query: one permit of the client's interactive window (it runs a search).</summary>
    private Task<QueryRanking> RankQueryAsync(string query)
    {
        Limiter.Take(Client);
        return Service!.RankQueryAsync(MerchantId!, query, _disposed.Token);
    }

    /// <summary>Stores a verdict: one permit of the client's interactive window (the dashboard is rebuilt after it).</summary>
    private Task<bool> JudgeAsync(string query, string productId, bool? relevant)
    {
        Limiter.Take(Client);
        return Service!.JudgeAsync(MerchantId!, query, productId, relevant, _disposed.Token);
    }

    private void OpenJudgments(string query)
    {
        JudgmentQuery = query;
        ActiveTab = 2;
    }
}
