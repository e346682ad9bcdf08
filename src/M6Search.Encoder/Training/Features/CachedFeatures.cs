namespace M6Search.Encoder.Training.Features;

/// <summary>One image's backbone features and colour cells in half precision, as cached.</summary>
/// <param name="Features">C x h x w values of the feature map, channel-major.</param>
/// <param name="ColorCells">3 x side x side values of the colour cells; empty without colour tokens.</param>
public sealed record CachedFeatures(Half[] Features, Half[] ColorCells);
