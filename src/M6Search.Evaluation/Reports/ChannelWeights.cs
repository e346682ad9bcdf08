namespace M6Search.Evaluation.Reports;

/// <summary>The fusion weight of each search channel (1 = plain reciprocal-rank fusion).</summary>
public sealed record ChannelWeights(float Image, float Text, float Lexical);
