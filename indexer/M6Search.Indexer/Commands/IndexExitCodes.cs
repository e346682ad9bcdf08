using M6Search.Indexing.Jobs;

namespace M6Search.Indexer.Commands;

/// <summary>Exit codes of <c>m6 index</c> (docs/indexing.md).</summary>
public static class IndexExitCodes
{
    public const int Completed = 0;
    public const int Failed = 1;
    public const int CompletedWithRejects = 2;
    public const int TooManyRejects = 3;
    public const int Cancelled = 130;

    public static int For(IndexJobStatus status) => status switch
    {
        IndexJobStatus.Completed => Completed,
        IndexJobStatus.CompletedWithRejects => CompletedWithRejects,
        IndexJobStatus.TooManyRejects => TooManyRejects,
        IndexJobStatus.Cancelled => Cancelled,
        _ => Failed,
    };
}
