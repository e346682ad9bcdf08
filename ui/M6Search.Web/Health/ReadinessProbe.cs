using M6Search.Web.Demo;
using M6Search.Web.Runtime;

namespace M6Search.Web.Health;

/// <summary>
/// Ready means: the model is loaded, the store is open, and it holds at least one product (on a fresh machine, once the
/// demo bootstrap has indexed its first batch). Otherwise the reason says what is missing.
/// </summary>
public sealed class ReadinessProbe
{
    private readonly SearchRuntime _runtime;
    private readonly DemoProgress _demo;

    public ReadinessProbe(SearchRuntime runtime, DemoProgress demo)
    {
        _runtime = runtime;
        _demo = demo;
    }

    public async Task<Readiness> CheckAsync(CancellationToken cancellationToken = default)
    {
        switch (_runtime.Phase)
        {
            case RuntimePhase.Starting:
                return new Readiness(false, "starting: " + _runtime.Problem, 0);
            case RuntimePhase.Failed:
                return new Readiness(false, "the search back end failed to start: " + _runtime.Problem, 0);
        }

        long products;
        try
        {
            products = await _runtime.Store!.CountAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new Readiness(false, "the store does not answer: " + exception.Message, 0);
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
            DemoPhase.Failed => "the store is empty and " + demo.Message,
            _ => "the store is empty",
        };
        return new Readiness(false, reason, 0);
    }
}
