namespace M6Search.Web.Demo;

/// <summary>A snapshot of the demo bootstrap: phase, items done of the phase's total, and a message.</summary>
public sealed record DemoStatus(DemoPhase Phase, int Done, int Total, string? Message)
{
    /// <summary>True while the bootstrap is generating or indexing.</summary>
    public bool InProgress => Phase is DemoPhase.Pending or DemoPhase.Generating or DemoPhase.Indexing;
}
