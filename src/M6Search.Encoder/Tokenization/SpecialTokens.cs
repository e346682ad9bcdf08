namespace M6Search.Encoder.Tokenization;

/// <summary>Token ids with a fixed meaning; hashed features use the ids from <see cref="ReservedCount"/> upwards.</summary>
public static class SpecialTokens
{
    /// <summary>Padding; masked out of attention, routing and pooling.</summary>
    public const int Pad = 0;

    /// <summary>Starts every text, so that even an empty text has one real token.</summary>
    public const int Cls = 1;

    /// <summary>Ids 2 and 3 are reserved for later use (separator, mask); ids below this are never produced by hashing.</summary>
    public const int ReservedCount = 4;
}
