namespace M6Search.Stores.Qdrant;

/// <summary>A Qdrant alias: another name under which <see cref="Collection"/> is read and written.</summary>
public sealed record CollectionAlias(string Alias, string Collection);
