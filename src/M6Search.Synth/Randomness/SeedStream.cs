namespace M6Search.Synth.Randomness;

/// <summary>The independent random streams of one product or query; each decision draws from its own stream.</summary>
public enum SeedStream
{
    Visual = 1,
    Listing = 2,
    Scene = 3,
    Pairs = 4,
    Queries = 5,
    HeldOutWording = 6,
}
