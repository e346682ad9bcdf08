namespace M6Search.Web.Jobs;

/// <summary>Where a job of the history is: running, or how it ended (the indexing statuses plus Interrupted).</summary>
public enum JobState
{
    Running,
    Completed,
    CompletedWithRejects,
    TooManyRejects,
    Failed,
    Cancelled,

    /// <summary>The app stopped while the job ran; starting the same catalog again resumes it.</summary>
    Interrupted,
}
