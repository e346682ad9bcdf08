using M6Search.Catalog.Traits;

namespace M6Search.Synth.Generation;

/// <summary>The names of the files of a synthetic catalog folder.</summary>
public static class SynthFiles
{
    public const string Catalog = "catalog.jsonl";

    public const string Pairs = "pairs.jsonl";

    public const string Queries = "queries.jsonl";

    /// <summary>The queries of queries.jsonl worded with held-out words (<c>m6 synth --held-out-wording</c>).</summary>
    public const string HeldOutQueries = "queries.heldout.jsonl";

    /// <summary>The trait vocabulary (<see cref="TraitVocabularyFile"/>) the merchant dashboard reads.</summary>
    public const string Traits = TraitVocabularyFile.FileName;

    public const string ImagesFolder = "images";
}
