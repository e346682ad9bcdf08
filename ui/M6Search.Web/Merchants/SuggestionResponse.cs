namespace M6Search.Web.Merchants;

/// <summary>A title suggestion from zero-shot probing; scores are raw cosine similarities of a small model.</summary>
public sealed record SuggestionResponse(string Kind, string Trait, string English, string Chinese, double Score, double Margin, bool? AgreesWithCatalog);
