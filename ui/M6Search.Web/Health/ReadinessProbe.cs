using M6Search.Web.Demo;
using M6Search.Web.Runtime;

namespace M6Search.Web.Health;

/// <summary>
/// Ready means: the model is loaded, the store is open, and it holds at least one product (on a fresh machine, once the
/// demo bootstrap has indexed its first batch). Otherwise the reason says what is missing, in words that name no file,
/// host or exception (those go to the server log).
/// </summary>
public sealed partial class ReadinessProbe
{
    private readonly SearchRuntime _runtime;
    private readonly DemoProgress _demo;
    private readonly ILogger<ReadinessProbe> _logger;

    public ReadinessProbe(SearchRuntime runtime, DemoProgress demo, ILogger<ReadinessProbe> logger)
    {
        _runtime = runtime;
        _demo = demo;
        _logger = logger;
    }

    public async Task<Readiness> CheckAsync(CancellationToken cancellationToken = default)
    {
        switch (_runtime.Phase)
        {
            case RuntimePhase.Starting:
            case RuntimePhase.Failed:
                return new Readiness(false, _runtime.PublicStatus, 0);
        }

        long products;
        try
        {
            products = await _runtime.Store!.CountAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The exception's message may name hosts or files; anyone can read /readyz.
            LogStoreFailed(_logger, exception);
            return new Readiness(false, "the store does not answer", 0);
        }

        if (products > 0)
        {
            return new Readiness(true, "ready", products);
        }

        DemoStatus demo = _demo.Current;
        string reason = demo.Phase switch
        {
            DemoPhase.Generating => $"the store is empty; generating the demo catalog: {demo.Done} / {demo.Total} images",
            DemoPhase.Indexing => $"the store is empty; indexing the demo catalog: {demo.Done} / {demo.Total}",
            DemoPhase.Failed => "the store is empty and the demo catalog could not be built; the server log has the reason",
            _ => "the store is empty",
        };
        return new Readiness(false, reason, 0);
    }

    [LoggerMessage(EventId = 6500, Level = LogLevel.Warning, Message = "Readiness: the store does not answer")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);
}
