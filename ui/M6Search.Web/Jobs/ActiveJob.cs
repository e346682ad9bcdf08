using M6Search.Indexing.Jobs;

namespace M6Search.Web.Jobs;

/// <summary>The running job and its latest progress.</summary>
public sealed record ActiveJob(JobRecord Record, IndexProgress? Progress);
