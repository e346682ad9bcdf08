namespace M6Search.Catalog.Reading;

/// <summary>The field names of pairs.jsonl (<c>TrainingPair</c>).</summary>
public static class PairFields
{
    public const string ProductId = "productId";
    public const string Image = "image";
    public const string Text = "text";
    public const string Lang = "lang";

    public static IReadOnlyList<string> All { get; } = [ProductId, Image, Text, Lang];
}
