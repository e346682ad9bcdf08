using M6Search.Stores.Abstractions;

namespace M6Search.Search.Lexical;

/// <summary>
/// Turns a query into the sparse lexical vector searched against the products' stored <c>lexical</c> vectors. It must
/// hash terms exactly as the indexer did when it wrote those vectors, or nothing matches.
/// </summary>
public interface ILexicalQueryVectorizer
{
    /// <summary>The query's sparse vector (sorted, distinct indices); empty when the query has no terms.</summary>
    SparseVector Vectorize(string query);
}
