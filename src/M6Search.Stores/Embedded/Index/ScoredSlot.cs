namespace M6Search.Stores.Embedded.Index;

/// <summary>A row of the in-memory index and its score.</summary>
internal readonly record struct ScoredSlot(int Slot, float Score);
