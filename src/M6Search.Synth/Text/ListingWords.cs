namespace M6Search.Synth.Text;

/// <summary>
/// Brand names, merchants and marketing phrases of marketplace titles. None of them contains a trait word, so a
/// title names a colour, texture or material only when the generator chose to.
/// </summary>
public static class ListingWords
{
    public static IReadOnlyList<string> EnglishBrands { get; } =
    [
        "Lumora", "Vexa", "Nordvik", "Haloway", "Kivo", "Solvia", "Mirelle", "Northlane", "Velora", "Novara",
        "Fjordic", "Plume & Co", "Zenhaus", "Urbanly", "Cozyfield", "Quillby", "Arlo Home", "Maison Juno",
        "Brightnest", "Hearthly",
    ];

    public static IReadOnlyList<string> ChineseBrands { get; } =
    [
        "素语", "拾光", "悦家", "优品生活", "一居", "慢生活", "栖居", "朴居", "初见", "小满",
        "南山", "知否", "暖居", "安然", "森屿", "米兔", "喜物", "城南", "青禾", "久见",
    ];

    /// <summary>Merchant ids "m01" to "m20".</summary>
    public static IReadOnlyList<string> Merchants { get; } =
        Enumerable.Range(1, 20).Select(i => $"m{i:D2}").ToArray();

    public static IReadOnlyList<string> EnglishLeads { get; } =
    [
        "New 2026", "Premium", "Hot Sale", "Best Seller", "Nordic Style", "Minimalist", "Vintage", "Modern",
        "Luxury", "Cute", "Trendy", "Handmade", "2026 New Arrival", "Top Rated",
    ];

    public static IReadOnlyList<string> ChineseLeads { get; } =
    [
        "2026新款", "新款", "爆款", "ins风", "北欧风", "网红", "高颜值", "简约", "正品", "特价", "日式", "复古",
    ];

    public static IReadOnlyList<string> EnglishTails { get; } =
    [
        "Free Shipping", "Gift Idea", "Fast Delivery", "Limited Edition",
    ];

    public static IReadOnlyList<string> ChineseTails { get; } =
    [
        "包邮", "现货速发", "送礼", "七天无理由", "顺丰",
    ];

    /// <summary>The brands a merchant sells under (two per merchant and language).</summary>
    public static IReadOnlyList<string> BrandsOf(int merchantIndex, string lang)
    {
        IReadOnlyList<string> brands = lang == Vocabulary.Languages.Chinese ? ChineseBrands : EnglishBrands;
        return [brands[merchantIndex % brands.Count], brands[(merchantIndex + 7) % brands.Count]];
    }
}
