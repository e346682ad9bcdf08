using M6Search.Relevance.Storage;

namespace M6Search.Web.Merchants;

/// <summary>The SQLite file holding judgments and the query log (one file, two tables).</summary>
public sealed record RelevanceDatabase(SqliteFile File);
