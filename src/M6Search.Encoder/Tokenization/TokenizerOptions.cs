namespace M6Search.Encoder.Tokenization;

/// <summary>
/// Settings of <see cref="ProductTokenizer"/>. Written into every model file: the embedding table is only meaningful with
/// the exact settings it was trained with. See docs/tokenizer.md.
/// </summary>
public sealed record TokenizerOptions
{
    /// <summary>The scheme's name and version; a model file with another scheme is refused.</summary>
    public string Scheme { get; init; } = CurrentScheme;

    /// <summary>Total ids, reserved ones included (must equal the encoder's vocabulary size).</summary>
    public int VocabSize { get; init; } = 32768;

    /// <summary>Longest sequence, the leading CLS included; longer texts are truncated.</summary>
    public int MaxTokens { get; init; } = 64;

    /// <summary>Length of the character n-grams taken from every Latin-script word (with boundary marks).</summary>
    public int CharNGram { get; init; } = 3;

    /// <summary>Whether accents are stripped (café = cafe).</summary>
    public bool StripAccents { get; init; } = true;

    /// <summary>The one scheme this build implements.</summary>
    public const string CurrentScheme = "m6-hashed-ngrams-v1";

    /// <summary>Options matching an encoder's vocabulary and text length.</summary>
    public static TokenizerOptions For(Model.EncoderConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TokenizerOptions { VocabSize = config.VocabSize, MaxTokens = config.MaxTextTokens };
    }

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Scheme != CurrentScheme)
        {
            throw new ArgumentException($"Tokenizer scheme '{Scheme}' is not supported (this build has '{CurrentScheme}').", nameof(Scheme));
        }

        if (VocabSize <= SpecialTokens.ReservedCount)
        {
            throw new ArgumentException($"Tokenizer VocabSize must exceed {SpecialTokens.ReservedCount}, got {VocabSize}.", nameof(VocabSize));
        }

        if (MaxTokens < 1)
        {
            throw new ArgumentException($"Tokenizer MaxTokens must be at least 1, got {MaxTokens}.", nameof(MaxTokens));
        }

        if (CharNGram < 2)
        {
            throw new ArgumentException($"Tokenizer CharNGram must be at least 2, got {CharNGram}.", nameof(CharNGram));
        }
    }
}
