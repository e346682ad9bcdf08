namespace M6Search.Relevance.QueryLog;

/// <summary>A shopper query as the log aggregates it: normalised text, how often, and when last.</summary>
public sealed record LoggedQuery(string Text, int Count, DateTimeOffset LastSearchedUtc);
