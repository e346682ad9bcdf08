using System.Globalization;
using M6Search.Indexing.Jobs;
using M6Search.Web.Jobs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace M6Search.Web.Components.Pages.Jobs;

/// <summary>The admin's jobs page: start a job, watch it live (the runner's events re-render the circuit), cancel it, see the history.</summary>
public partial class JobsPage
{
    [Inject]
    private IndexingJobRunner Runner { get; set; } = default!;

    [Inject]
    private Microsoft.Extensions.Options.IOptions<JobOptions> Options { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private string? CatalogPath { get; set; }

    private string? StartError { get; set; }

    private bool Starting { get; set; }

    private ActiveJob? Active { get; set; }

    private IReadOnlyList<JobRecord> History { get; set; } = [];

    public void Dispose() => Runner.Changed -= OnRunnerChanged;

    protected override async Task OnInitializedAsync()
    {
        Runner.Changed += OnRunnerChanged;
        Active = Runner.Current;
        History = await Runner.History.ListAsync(Options.Value.HistoryLimit);
    }

    private void OnRunnerChanged() => _ = InvokeAsync(async () =>
    {
        bool wasRunning = Active is not null;
        Active = Runner.Current;
        if (wasRunning != (Active is not null))
        {
            History = await Runner.History.ListAsync(Options.Value.HistoryLimit);
        }

        StateHasChanged();
    });

    private async Task StartAsync()
    {
        Starting = true;
        StartError = null;
        try
        {
            AuthenticationState? state = AuthenticationState is null ? null : await AuthenticationState;
            string user = state?.User.Identity?.Name ?? "unknown";
            (JobRecord? job, string? error) = await Runner.StartAsync(CatalogPath, user);
            StartError = error;
            Active = Runner.Current;
            if (job is not null)
            {
                History = await Runner.History.ListAsync(Options.Value.HistoryLimit);
            }
        }
        finally
        {
            Starting = false;
        }
    }

    private static double Percent(IndexProgress? progress) =>
        progress?.TotalRows is > 0 and var total ? Math.Min(100, 100.0 * progress.Counts.Read / total) : 0;

    private static string Describe(IndexProgress? progress)
    {
        if (progress is null)
        {
            return "Starting…";
        }

        IndexCounts c = progress.Counts;
        string eta = progress.EtaSeconds is { } s ? $", about {TimeSpan.FromSeconds(Math.Round(s)):g} left" : "";
        string total = progress.TotalRows is { } t ? t.ToString(CultureInfo.InvariantCulture) : "?";
        return $"{progress.Phase}: {c.Read} of {total} rows read; {c.Indexed} indexed, {c.Unchanged} unchanged, {c.Rejected} rejected, {c.Deleted} deleted; "
            + $"{progress.RowsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} rows/s{eta}";
    }

    private static string Took(JobRecord job) =>
        job.FinishedUtc is { } end ? $"{(end - job.StartedUtc).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "…";

    private static Color StateColor(JobState state) => state switch
    {
        JobState.Completed => Color.Success,
        JobState.CompletedWithRejects => Color.Warning,
        JobState.Running => Color.Info,
        _ => Color.Error,
    };
}
