namespace M6Search.Catalog.Traits;

/// <summary>
/// A visual trait a product photo can show and a title can name (a colour, texture, material, ...), as a catalog
/// declares it in its <see cref="TraitVocabularyFile"/>.
/// </summary>
/// <param name="Kind">The trait's kind, which is also the product attribute holding it ("color", "texture", "material").</param>
/// <param name="Key">The value that attribute holds for this trait ("bumpy", "red").</param>
/// <param name="En">English words for it, the canonical one first (may be empty when <paramref name="Zh"/> is not).</param>
/// <param name="Zh">Chinese words for it, the canonical one first (may be empty when <paramref name="En"/> is not).</param>
public sealed record CatalogTrait(string Kind, string Key, IReadOnlyList<string> En, IReadOnlyList<string> Zh);
