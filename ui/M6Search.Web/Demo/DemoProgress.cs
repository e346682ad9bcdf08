namespace M6Search.Web.Demo;

/// <summary>
/// The demo bootstrap's progress, published for the search page and <c>/readyz</c>. A singleton; <see cref="Changed"/>
/// fires on a background thread, so components marshal with <c>InvokeAsync</c>.
/// </summary>
public sealed class DemoProgress
{
    private volatile DemoStatus _current = new(DemoPhase.Pending, 0, 0, null);

    public DemoStatus Current => _current;

    public event Action<DemoStatus>? Changed;

    public void Report(DemoStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _current = status;
        Changed?.Invoke(status);
    }
}
