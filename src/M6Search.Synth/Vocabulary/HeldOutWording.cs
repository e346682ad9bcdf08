namespace M6Search.Synth.Vocabulary;

/// <summary>
/// Shopper wording that NO training text contains: for each colour, texture and material, in English and Chinese,
/// synonyms, misspellings and (Chinese) traditional forms that titles, descriptions and training pairs never use
/// (tests/M6Search.Synth.Tests checks a generated training set and the whole trained vocabulary for every word).
/// Only <c>m6 synth --held-out-wording</c> reads this list, to write queries.heldout.jsonl: the same query intents as
/// queries.jsonl worded with these words, so an evaluation reports wording the model never saw next to trained
/// wording (docs/synthetic-catalog.md, "Held-out wording"). Never train on it, and never choose a setting with it.
/// </summary>
public static class HeldOutWording
{
    private static readonly Dictionary<(TraitKind Kind, string Key), (HeldOutWord[] En, HeldOutWord[] Zh)> Words = new()
    {
        [(TraitKind.Color, "red")] = (En(["cherry", "ruby", "vermilion"], ["crimsen"]), Zh(["绯红", "酒红"], ["洪色"], ["紅色"])),
        [(TraitKind.Color, "orange")] = (En(["apricot", "pumpkin"], ["ornage"]), Zh(["桔色", "橘子色"], ["澄色"], [])),
        [(TraitKind.Color, "yellow")] = (En(["canary", "sunflower"], ["yelow"]), Zh(["鹅黄"], ["皇色"], ["黃色"])),
        [(TraitKind.Color, "green")] = (En(["jade", "olive"], ["grean"]), Zh(["翠绿", "草绿"], ["律色"], ["綠色"])),
        [(TraitKind.Color, "blue")] = (En(["sapphire", "azure"], ["bleu"]), Zh(["天蓝", "藏青"], ["兰色"], ["藍色"])),
        [(TraitKind.Color, "purple")] = (En(["aubergine", "lilac", "mauve"], ["purpel"]), Zh(["葡萄紫", "淡紫"], [], ["紫羅蘭"])),
        [(TraitKind.Color, "pink")] = (En(["fuchsia", "magenta"], ["pinck"]), Zh(["粉嫩", "芭比粉"], ["分色"], [])),
        [(TraitKind.Color, "brown")] = (En(["mocha", "cocoa", "caramel"], ["brwon"]), Zh(["咖啡色", "驼色"], ["宗色"], [])),
        [(TraitKind.Color, "black")] = (En(["ebony", "raven"], ["blak"]), Zh(["乌黑", "炭黑"], ["嘿色"], [])),
        [(TraitKind.Color, "white")] = (En(["pearl", "alabaster"], ["wite"]), Zh(["雪白", "奶白"], ["百色"], [])),
        [(TraitKind.Color, "gray")] = (En(["slate", "graphite"], ["gery"]), Zh(["水泥灰", "高级灰"], ["恢色"], [])),
        [(TraitKind.Color, "teal")] = (En(["turquoise"], ["tael"]), Zh(["湖水绿", "松石绿"], ["清色"], [])),
        [(TraitKind.Texture, "smooth")] = (En(["plain", "polished"], ["smoth"]), Zh(["平滑", "素面"], [], [])),
        [(TraitKind.Texture, "bumpy")] = (En(["knobbly", "nubby", "studded"], ["bumby"]), Zh(["疙瘩", "凸点"], ["凹突"], [])),
        [(TraitKind.Texture, "ribbed")] = (En(["grooved", "corrugated"], ["ribed"]), Zh(["坑条", "凹槽"], ["螺纹"], [])),
        [(TraitKind.Texture, "striped")] = (En(["stripy", "banded"], ["strpied"]), Zh(["斑马纹"], ["条文"], ["條紋"])),
        [(TraitKind.Texture, "polka_dot")] = (En(["dotty", "spotty"], ["poka dot"]), Zh(["水玉"], ["波店"], ["波點"])),
        [(TraitKind.Texture, "plaid")] = (En(["gingham", "madras"], ["plad"]), Zh(["方格"], [], ["格紋"])),
        [(TraitKind.Texture, "floral")] = (En(["blossom", "petal print"], ["florel"]), Zh(["繁花", "花草"], ["岁花"], [])),
        [(TraitKind.Texture, "marbled")] = (En(["veined", "swirly"], ["marbeled"]), Zh(["仿石纹"], ["大里石"], [])),
        [(TraitKind.Material, "ceramic")] = (En(["earthenware", "pottery"], ["ceramik"]), Zh(["瓷器"], ["陶磁"], [])),
        [(TraitKind.Material, "glass")] = (En(["transparent", "pyrex"], ["galss"]), Zh(["琉璃"], ["波璃"], [])),
        [(TraitKind.Material, "wood")] = (En(["timber", "oak"], ["wodden"]), Zh(["木头"], [], ["木製"])),
        [(TraitKind.Material, "metal")] = (En(["chrome", "iron"], ["metel"]), Zh(["铁艺"], [], ["金屬"])),
        [(TraitKind.Material, "leather")] = (En(["suede"], ["lether"]), Zh(["皮质", "PU皮"], [], [])),
        [(TraitKind.Material, "knit")] = (En(["woolly"], ["kint"]), Zh(["毛织"], [], ["針織"])),
        [(TraitKind.Material, "cotton")] = (En(["calico", "jersey"], ["coton"]), Zh(["棉布"], [], ["純棉"])),
        [(TraitKind.Material, "canvas")] = (En(["sailcloth", "duck cloth"], ["canvis"]), Zh(["篷布"], ["凡布"], [])),
        [(TraitKind.Material, "plastic")] = (En(["vinyl", "polymer"], ["platic"]), Zh(["塑胶"], ["素料"], ["塑膠"])),
    };

    /// <summary>The held-out words for a trait value in a language ("en" or "zh"); never empty.</summary>
    /// <exception cref="KeyNotFoundException">The trait value is not in the vocabulary.</exception>
    public static IReadOnlyList<HeldOutWord> For(TraitKind kind, string key, string lang)
    {
        (HeldOutWord[] en, HeldOutWord[] zh) = Words[(kind, key)];
        return lang switch
        {
            Languages.English => en,
            Languages.Chinese => zh,
            _ => throw new ArgumentOutOfRangeException(nameof(lang), lang, "Language must be \"en\" or \"zh\"."),
        };
    }

    /// <summary>Every held-out word with its trait and language.</summary>
    public static IEnumerable<(TraitKind Kind, string Key, string Lang, HeldOutWord Word)> All() =>
        Words.SelectMany(p =>
            p.Value.En.Select(w => (p.Key.Kind, p.Key.Key, Languages.English, w))
                .Concat(p.Value.Zh.Select(w => (p.Key.Kind, p.Key.Key, Languages.Chinese, w))));

    private static HeldOutWord[] En(string[] synonyms, string[] misspellings) =>
        [.. synonyms.Select(w => new HeldOutWord(w, HeldOutKind.Synonym)), .. misspellings.Select(w => new HeldOutWord(w, HeldOutKind.Misspelling))];

    private static HeldOutWord[] Zh(string[] synonyms, string[] misspellings, string[] traditional) =>
        [
            .. synonyms.Select(w => new HeldOutWord(w, HeldOutKind.Synonym)),
            .. misspellings.Select(w => new HeldOutWord(w, HeldOutKind.Misspelling)),
            .. traditional.Select(w => new HeldOutWord(w, HeldOutKind.Traditional)),
        ];
}
