namespace M6Search.Synth.Vocabulary;

/// <summary>How a held-out word differs from the trained vocabulary.</summary>
public enum HeldOutKind
{
    /// <summary>Another word shoppers use for the trait ("cherry" for red, "塑胶" for plastic).</summary>
    Synonym,

    /// <summary>A typing error: letters dropped, doubled or swapped in English, a homophone typed through pinyin in Chinese ("bumby", "兰色").</summary>
    Misspelling,

    /// <summary>The traditional-character form of a simplified word ("條紋" for 条纹).</summary>
    Traditional,
}
