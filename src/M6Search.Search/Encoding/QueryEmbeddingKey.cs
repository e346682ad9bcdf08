using System.Text;
using M6Search.Catalog.Text;

namespace M6Search.Search.Encoding;

/// <summary>
/// What a query embedding depends on: the model's version, the query's language and its text in the form the
/// tokenizer reads. <see cref="For"/> folds only differences the tokenizer never sees (Unicode compatibility forms,
/// case, runs of white space), so two texts with one key always get the same tokens and the same embedding. Accents
/// are kept: a model's tokenizer may be configured to read them.
/// </summary>
public readonly record struct QueryEmbeddingKey(string ModelVersion, string Language, string Text)
{
    /// <summary>Language of a text with a Han, kana or Hangul character.</summary>
    public const string Chinese = "zh";

    /// <summary>Language of every other text.</summary>
    public const string English = "en";

    /// <summary>The key of <paramref name="text"/> for the model <paramref name="modelVersion"/>.</summary>
    public static QueryEmbeddingKey For(string modelVersion, string text)
    {
        ArgumentNullException.ThrowIfNull(modelVersion);
        ArgumentNullException.ThrowIfNull(text);
        string normalized = ProductText.Normalize(text, stripAccents: false);
        var builder = new StringBuilder(normalized.Length);
        bool cjk = false;
        bool pendingSpace = false;
        foreach (Rune rune in normalized.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            cjk |= ProductText.IsCjk(rune);
            builder.Append(rune.ToString());
        }

        return new QueryEmbeddingKey(modelVersion, cjk ? Chinese : English, builder.ToString());
    }

    /// <summary>Estimated bytes of the key's own strings (the model version is shared by every key).</summary>
    internal long Bytes => 2L * Text.Length;
}
