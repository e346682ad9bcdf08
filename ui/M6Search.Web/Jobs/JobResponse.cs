namespace M6Search.Web.Jobs;

/// <summary>A job of the history as the API shows it (without server folders).</summary>
public sealed record JobResponse(
    string Id, string CatalogPath, string StartedBy, DateTimeOffset StartedUtc, DateTimeOffset? FinishedUtc,
    string State, string? Message, long Indexed, long Unchanged, long Rejected, long Deleted);
