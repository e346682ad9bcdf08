using System.Globalization;
using M6Search.Web.Demo;
using M6Search.Web.Runtime;
using Microsoft.AspNetCore.Components;

namespace M6Search.Web.Components.Search;

/// <summary>Shows the back end's start-up and the demo catalog's generation and indexing progress, live.</summary>
public sealed partial class IndexingBanner : IDisposable
{
    private DemoStatus _status = new(DemoPhase.Pending, 0, 0, null);

    [Inject]
    private DemoProgress Progress { get; set; } = null!;

    [Inject]
    private SearchRuntime Runtime { get; set; } = null!;

    /// <summary>"Indexing the demo catalog: 1,234 / 3,000".</summary>
    internal string ProgressText => _status.Phase == DemoPhase.Generating
        ? $"Generating the demo catalog: {Format(_status.Done)} / {Format(_status.Total)} images"
        : $"Indexing the demo catalog: {Format(_status.Done)} / {Format(_status.Total)}";

    private double Percent => _status.Total == 0 ? 0 : 100.0 * _status.Done / _status.Total;

    public void Dispose()
    {
        Progress.Changed -= OnProgress;
        Runtime.Changed -= OnRuntimeChanged;
    }

    protected override void OnInitialized()
    {
        _status = Progress.Current;
        Progress.Changed += OnProgress;
        Runtime.Changed += OnRuntimeChanged;
    }

    private static string Format(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private void OnProgress(DemoStatus status) => _ = InvokeAsync(() =>
    {
        _status = status;
        StateHasChanged();
    });

    private void OnRuntimeChanged() => _ = InvokeAsync(StateHasChanged);
}
