namespace M6Search.Web.Runtime;

/// <summary>Where the app's search back end is in its start-up.</summary>
public enum RuntimePhase
{
    /// <summary>Loading the model and opening the store.</summary>
    Starting,

    /// <summary>Model loaded and store open: searches run (the demo catalog may still be indexing).</summary>
    Running,

    /// <summary>Start-up failed; <see cref="SearchRuntime.Problem"/> says why.</summary>
    Failed,
}
