namespace M6Search.Encoder.Backbone.Modules;

/// <summary>The command-line spellings of <see cref="BackboneTrainable"/>: <c>none</c>, <c>last-stage</c>, <c>all</c>.</summary>
public static class BackboneTrainableNames
{
    /// <exception cref="ArgumentException">Not one of the three spellings (case-insensitive).</exception>
    public static BackboneTrainable Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToLowerInvariant() switch
        {
            "none" => BackboneTrainable.None,
            "last-stage" => BackboneTrainable.LastStage,
            "all" => BackboneTrainable.All,
            _ => throw new ArgumentException($"Unknown backbone trainability '{value}': expected none, last-stage or all.", nameof(value)),
        };
    }

    public static string ToName(BackboneTrainable trainable) => trainable switch
    {
        BackboneTrainable.None => "none",
        BackboneTrainable.LastStage => "last-stage",
        BackboneTrainable.All => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(trainable), trainable, null),
    };
}
