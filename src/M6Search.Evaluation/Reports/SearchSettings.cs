namespace M6Search.Evaluation.Reports;

/// <summary>The search service settings the search modes ran with (the app's defaults unless the command changed them).</summary>
/// <param name="PrefetchLimit">Candidates each channel hands to the fusion (at least the depth read).</param>
/// <param name="RrfK">The fusion's k (Qdrant's <c>rrf</c>, positions from 0).</param>
/// <param name="FusionWeights">Each channel's weight in the fusion.</param>
public sealed record SearchSettings(int PrefetchLimit, int RrfK, ChannelWeights FusionWeights);
