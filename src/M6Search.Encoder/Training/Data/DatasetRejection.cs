namespace M6Search.Encoder.Training.Data;

/// <summary>A product left out of a training set, and why (reported, never silently dropped).</summary>
public sealed record DatasetRejection(string ProductId, string Reason);
