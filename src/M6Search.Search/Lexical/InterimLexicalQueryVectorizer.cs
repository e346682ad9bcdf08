using M6Search.Search.Text;
using M6Search.Stores.Abstractions;

namespace M6Search.Search.Lexical;

/// <summary>
/// STOPGAP query side of <see cref="InterimLexicalTerms"/>: weight = how often the term occurs in the query (documents
/// carry the BM25 weights, so the dot product is the BM25 score). Replaced by M6Search.Indexing's vectorizer.
/// </summary>
public sealed class InterimLexicalQueryVectorizer : ILexicalQueryVectorizer
{
    private readonly SearchText _text;

    public InterimLexicalQueryVectorizer(SearchText text)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
    }

    public SparseVector Vectorize(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var counts = new SortedDictionary<uint, float>();
        foreach (string term in InterimLexicalTerms.Terms(_text, query))
        {
            uint index = InterimLexicalTerms.IndexOf(term);
            counts[index] = counts.GetValueOrDefault(index) + 1f;
        }

        return new SparseVector([.. counts.Keys], [.. counts.Values]);
    }
}
