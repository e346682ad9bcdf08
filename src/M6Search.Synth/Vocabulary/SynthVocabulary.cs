using SkiaSharp;

namespace M6Search.Synth.Vocabulary;

/// <summary>
/// Every word and trait of the synthetic catalog (docs/synthetic-catalog.md is the readable copy of this table).
/// No word of one trait value is a substring of a word of another value, in either language, and no title phrase
/// contains a trait word: a title names a trait only when the generator decided to name it (tests check both).
/// </summary>
public static class SynthVocabulary
{
    private static BilingualWords W(string[] en, string[] zh) => new(en, zh);

    public static IReadOnlyList<ColorTrait> Colors { get; } =
    [
        new("red", new SKColor(206, 34, 40), W(["red", "crimson", "scarlet"], ["红色", "大红色", "中国红"])),
        new("orange", new SKColor(242, 128, 22), W(["orange", "tangerine"], ["橙色", "橘色"])),
        new("yellow", new SKColor(246, 206, 34), W(["yellow", "mustard", "lemon yellow"], ["黄色", "明黄色", "柠檬黄"])),
        new("green", new SKColor(42, 150, 62), W(["green", "emerald", "forest green"], ["绿色", "墨绿色", "森林绿"])),
        new("blue", new SKColor(32, 82, 204), W(["blue", "cobalt", "royal blue"], ["蓝色", "宝蓝色", "钴蓝"])),
        new("purple", new SKColor(128, 52, 170), W(["purple", "violet", "lavender"], ["紫色", "薰衣草紫", "紫罗兰"])),
        new("pink", new SKColor(244, 140, 182), W(["pink", "blush", "rose pink"], ["粉色", "樱花粉", "浅粉"])),
        new("brown", new SKColor(122, 72, 36), W(["brown", "chocolate", "chestnut"], ["棕色", "褐色", "巧克力色"])),
        new("black", new SKColor(26, 26, 30), W(["black", "jet black", "onyx"], ["黑色", "纯黑", "曜石黑"])),
        new("white", new SKColor(242, 242, 238), W(["white", "ivory", "snow white"], ["白色", "纯白", "象牙白"])),
        new("gray", new SKColor(130, 130, 132), W(["gray", "grey", "charcoal"], ["灰色", "烟灰色", "深灰"])),
        new("teal", new SKColor(0, 148, 146), W(["teal", "cyan", "aqua"], ["青色", "孔雀青", "水鸭青"])),
    ];

    public static IReadOnlyList<TextureTrait> Textures { get; } =
    [
        new("smooth", W(["smooth", "glossy", "sleek"], ["光面", "光滑", "亮面"])),
        new("bumpy", W(["bumpy", "dimpled", "hobnail"], ["凹凸", "凹凸纹", "颗粒纹"])),
        new("ribbed", W(["ribbed", "fluted", "ridged"], ["罗纹", "竖纹", "棱纹"])),
        new("striped", W(["striped", "stripe", "pinstripe"], ["条纹", "横条纹", "间条"])),
        new("polka_dot", W(["polka dot", "dotted", "spotted"], ["波点", "圆点", "点点"])),
        new("plaid", W(["plaid", "tartan", "checked"], ["格子", "格纹", "苏格兰格"])),
        new("floral", W(["floral", "flower print", "botanical"], ["碎花", "花卉", "花朵"])),
        new("marbled", W(["marbled", "marble", "marble-effect"], ["大理石纹", "云石纹", "大理石"])),
    ];

    public static IReadOnlyList<MaterialTrait> Materials { get; } =
    [
        new("ceramic", W(["ceramic", "porcelain", "stoneware"], ["陶瓷", "骨瓷", "粗陶"]),
            ["smooth", "bumpy", "ribbed", "striped", "polka_dot", "floral", "marbled"], 1.0),
        new("glass", W(["glass", "crystal", "borosilicate glass"], ["玻璃", "水晶", "高硼硅玻璃"]),
            ["smooth", "bumpy", "ribbed", "striped"], 1.1),
        new("wood", W(["wood", "wooden", "solid wood"], ["木质", "实木", "原木"]),
            ["smooth", "ribbed", "striped"], 1.3),
        new("metal", W(["metal", "stainless steel", "aluminum"], ["金属", "不锈钢", "铝合金"]),
            ["smooth", "bumpy", "ribbed", "striped"], 1.2),
        new("leather", W(["leather", "genuine leather", "faux leather"], ["皮革", "真皮", "牛皮"]),
            ["smooth", "bumpy", "striped", "plaid", "floral"], 1.6),
        new("knit", W(["knit", "knitted", "crochet"], ["针织", "毛线", "编织"]),
            ["ribbed", "striped", "plaid", "polka_dot", "floral", "bumpy"], 1.1),
        new("cotton", W(["cotton", "pure cotton", "organic cotton"], ["纯棉", "棉质", "全棉"]),
            ["smooth", "striped", "plaid", "polka_dot", "floral"], 1.0),
        new("canvas", W(["canvas", "canvas fabric", "heavy canvas"], ["帆布", "厚帆布", "帆布面"]),
            ["smooth", "striped", "plaid", "polka_dot", "floral"], 0.9),
        new("plastic", W(["plastic", "acrylic", "resin"], ["塑料", "亚克力", "树脂"]),
            ["smooth", "bumpy", "ribbed", "striped", "polka_dot", "plaid", "floral", "marbled"], 0.7),
    ];

    public static IReadOnlyList<CategoryInfo> Categories { get; } =
    [
        new()
        {
            Key = "cup",
            Nouns = W(["Mug", "Coffee Mug", "Cup", "Coffee Cup"], ["马克杯", "咖啡杯", "水杯", "杯子"]),
            QueryNouns = W(["coffee cup", "mug", "cup", "coffee mug"], ["咖啡杯", "马克杯", "杯子", "水杯"]),
            Shapes =
            [
                new("mug", W(["Classic Handle"], ["带把"])),
                new("tumbler", W(["Tumbler", "Travel"], ["随行杯", "便携"])),
                new("teacup", W(["Teacup and Saucer", "Tea"], ["茶杯碟", "下午茶"])),
            ],
            Materials = ["ceramic", "glass", "metal", "plastic"],
            MinPriceUsd = 6, MaxPriceUsd = 28,
            Sizes = W(["350ml", "400ml", "12oz", "16oz", "300ml", "Large 500ml"], ["350ml", "400毫升", "大容量500ml", "300ml"]),
            Phrases = W(["for Coffee Tea", "Dishwasher Safe", "Microwave Safe", "Office Gift", "with Lid"], ["办公室", "情侣款", "带盖带勺", "送礼", "家用"]),
        },
        new()
        {
            Key = "vase",
            Nouns = W(["Vase", "Flower Vase", "Decorative Vase"], ["花瓶", "花器", "插花瓶"]),
            QueryNouns = W(["vase", "flower vase"], ["花瓶", "花器"]),
            Shapes =
            [
                new("round_vase", W(["Round", "Bud"], ["圆肚", "圆形"])),
                new("cylinder_vase", W(["Cylinder", "Tall"], ["直筒", "高款"])),
                new("amphora", W(["Amphora", "Two-Handle"], ["双耳", "复古罐"])),
            ],
            Materials = ["ceramic", "glass", "metal", "wood"],
            MinPriceUsd = 12, MaxPriceUsd = 65,
            Sizes = W(["20cm", "25cm", "30cm Tall", "Small", "Large", "10 inch"], ["20cm", "高25cm", "30厘米", "小号", "大号"]),
            Phrases = W(["Home Decor", "for Living Room", "Table Centerpiece", "Wedding Decor"], ["客厅摆件", "插花", "家居装饰", "桌面摆件"]),
        },
        new()
        {
            Key = "bowl",
            Nouns = W(["Bowl", "Salad Bowl", "Serving Bowl"], ["碗", "沙拉碗", "汤碗"]),
            QueryNouns = W(["bowl", "salad bowl"], ["碗", "沙拉碗"]),
            Shapes =
            [
                new("deep_bowl", W(["Deep", "Soup"], ["深口", "大汤"])),
                new("shallow_bowl", W(["Shallow", "Wide"], ["浅口", "宽口"])),
                new("footed_bowl", W(["Footed", "Pedestal"], ["高脚", "带底座"])),
            ],
            Materials = ["ceramic", "glass", "wood", "metal", "plastic"],
            MinPriceUsd = 5, MaxPriceUsd = 32,
            Sizes = W(["6 inch", "15cm", "8 inch", "600ml", "Set of 2", "Set of 4"], ["6英寸", "15cm", "8英寸", "600ml", "2只装", "4只装"]),
            Phrases = W(["Kitchen", "for Salad Soup", "Microwave Safe", "Dinnerware"], ["家用", "餐具", "泡面碗", "厨房"]),
        },
        new()
        {
            Key = "bottle",
            Nouns = W(["Water Bottle", "Bottle", "Drink Bottle"], ["水瓶", "瓶子", "随手瓶"]),
            QueryNouns = W(["water bottle", "bottle"], ["水瓶", "瓶子"]),
            Shapes =
            [
                new("sports_bottle", W(["Sports", "Loop Cap"], ["运动", "提手盖"])),
                new("classic_bottle", W(["Classic", "Narrow Neck"], ["经典", "细口"])),
                new("canteen", W(["Canteen", "Round"], ["水壶款", "圆形"])),
            ],
            Materials = ["glass", "metal", "plastic"],
            MinPriceUsd = 8, MaxPriceUsd = 38,
            Sizes = W(["500ml", "750ml", "1L", "32oz", "600ml"], ["500ml", "750毫升", "1L", "1000ml", "600ml"]),
            Phrases = W(["Leak Proof", "for Gym Travel", "Reusable", "Kids School"], ["防漏", "健身", "学生", "户外便携"]),
        },
        new()
        {
            Key = "tshirt",
            Nouns = W(["T-Shirt", "Tee", "T Shirt"], ["T恤", "体恤", "上衣"]),
            QueryNouns = W(["t-shirt", "tee", "t shirt"], ["T恤", "体恤"]),
            Shapes =
            [
                new("crew_tee", W(["Crew Neck", "Short Sleeve"], ["圆领", "短袖"])),
                new("vneck_tee", W(["V-Neck", "V Neck"], ["V领", "短袖V领"])),
                new("longsleeve_tee", W(["Long Sleeve"], ["长袖"])),
                new("tank_top", W(["Tank Top", "Sleeveless"], ["背心", "无袖"])),
            ],
            Materials = ["cotton", "knit"],
            MinPriceUsd = 8, MaxPriceUsd = 32,
            Sizes = W(["Size M", "Size L", "S-XXL", "Size XL", "S-3XL"], ["M码", "L码", "S-XXL", "XL", "均码"]),
            Phrases = W(["Casual Top", "Summer", "Unisex", "Breathable"], ["夏季", "宽松", "男女同款", "百搭上衣"]),
        },
        new()
        {
            Key = "dress",
            Nouns = W(["Dress", "Midi Dress", "Summer Dress"], ["连衣裙", "裙子", "长裙"]),
            QueryNouns = W(["dress"], ["连衣裙", "裙子"]),
            Shapes =
            [
                new("aline_dress", W(["A-Line", "Strappy"], ["A字", "吊带"])),
                new("sheath_dress", W(["Bodycon", "Sheath"], ["修身", "包臀"])),
                new("skater_dress", W(["Skater", "Swing"], ["伞裙", "荷叶边"])),
            ],
            Materials = ["cotton", "knit"],
            MinPriceUsd = 18, MaxPriceUsd = 90,
            Sizes = W(["Size S", "Size M", "XS-XL", "Size L"], ["S码", "M码", "XS-XL", "L码"]),
            Phrases = W(["Summer", "Party", "Casual", "Elegant"], ["夏季", "法式", "气质", "显瘦"]),
        },
        new()
        {
            Key = "sneaker",
            Nouns = W(["Sneakers", "Shoes", "Trainers"], ["运动鞋", "球鞋", "休闲鞋"]),
            QueryNouns = W(["sneakers", "shoes", "trainers"], ["运动鞋", "球鞋", "鞋子"]),
            Shapes =
            [
                new("lowtop_sneaker", W(["Low-Top", "Low Top"], ["低帮", "板鞋"])),
                new("hightop_sneaker", W(["High-Top", "High Top"], ["高帮", "高帮款"])),
                new("runner_sneaker", W(["Running", "Lightweight Runner"], ["跑步", "轻便跑鞋"])),
            ],
            Materials = ["leather", "knit", "canvas"],
            MinPriceUsd = 28, MaxPriceUsd = 120,
            Sizes = W(["Size 42", "US 9", "EU 39-44", "Size 38", "US 7.5"], ["42码", "39-44码", "38码", "40码"]),
            Phrases = W(["Casual Walking", "Non-Slip", "Breathable", "for Men Women"], ["透气", "防滑", "男女同款", "百搭"]),
        },
        new()
        {
            Key = "handbag",
            Nouns = W(["Handbag", "Bag", "Purse"], ["手提包", "包包", "女包"]),
            QueryNouns = W(["handbag", "bag", "purse"], ["手提包", "包包", "包"]),
            Shapes =
            [
                new("tote_bag", W(["Tote", "Shopper"], ["托特", "购物袋"])),
                new("clutch_bag", W(["Clutch", "Envelope"], ["手拿", "信封"])),
                new("crossbody_bag", W(["Crossbody", "Sling"], ["斜挎", "单肩斜挎"])),
            ],
            Materials = ["leather", "canvas", "knit"],
            MinPriceUsd = 18, MaxPriceUsd = 160,
            Sizes = W(["Large", "Medium", "30cm", "Small"], ["大号", "中号", "30cm", "小号"]),
            Phrases = W(["Shoulder Bag", "Large Capacity", "for Women", "Work Bag"], ["大容量", "通勤", "百搭", "ins"]),
        },
        new()
        {
            Key = "hat",
            Nouns = W(["Hat", "Cap"], ["帽子", "遮阳帽", "潮帽"]),
            QueryNouns = W(["hat", "cap"], ["帽子"]),
            Shapes =
            [
                new("baseball_cap", W(["Baseball", "Curved Brim"], ["棒球帽", "鸭舌帽"])),
                new("beanie", W(["Beanie", "Pom Pom"], ["冷帽", "毛球"])),
                new("bucket_hat", W(["Bucket", "Fisherman"], ["渔夫帽", "盆帽"])),
                new("wide_brim_hat", W(["Wide Brim", "Sun"], ["宽檐", "大檐"])),
            ],
            Materials = ["knit", "cotton", "canvas"],
            MinPriceUsd = 8, MaxPriceUsd = 38,
            Sizes = W(["One Size", "56-58cm", "Adjustable", "Kids"], ["均码", "56-58cm", "可调节", "儿童款"]),
            Phrases = W(["Sun Protection", "Outdoor", "Unisex", "Winter"], ["防晒", "户外", "男女", "秋冬"]),
        },
        new()
        {
            Key = "lamp",
            Nouns = W(["Table Lamp", "Lamp", "Desk Lamp"], ["台灯", "灯具", "床头灯"]),
            QueryNouns = W(["table lamp", "lamp"], ["台灯", "灯"]),
            Shapes =
            [
                new("drum_lamp", W(["Drum Shade"], ["筒形灯罩"])),
                new("globe_lamp", W(["Globe", "Ball"], ["球形", "圆球"])),
                new("arm_lamp", W(["Swing Arm", "Adjustable Arm"], ["摇臂", "长臂"])),
            ],
            Materials = ["ceramic", "glass", "metal", "wood"],
            MinPriceUsd = 18, MaxPriceUsd = 130,
            Sizes = W(["E27", "LED 9W", "40cm", "USB Plug", "Dimmable"], ["E27", "LED 9W", "40cm", "USB插电", "可调光"]),
            Phrases = W(["Bedside", "Reading", "Home Office", "Nightstand"], ["卧室", "床头", "护眼", "阅读"]),
        },
        new()
        {
            Key = "chair",
            Nouns = W(["Chair", "Dining Chair", "Accent Chair"], ["椅子", "餐椅", "休闲椅"]),
            QueryNouns = W(["chair", "dining chair"], ["椅子", "餐椅"]),
            Shapes =
            [
                new("side_chair", W(["Side", "Armless"], ["靠背", "无扶手"])),
                new("armchair", W(["Armchair", "Lounge"], ["扶手", "沙发"])),
                new("rocking_chair", W(["Rocking", "Rocker"], ["摇椅", "摇摇"])),
            ],
            Materials = ["wood", "metal", "plastic", "leather"],
            MinPriceUsd = 35, MaxPriceUsd = 260,
            Sizes = W(["Set of 2", "Seat Height 45cm", "Single", "Set of 4"], ["2把装", "座高45cm", "单把", "4把装"]),
            Phrases = W(["Dining Room", "Living Room", "Kitchen", "Modern Furniture"], ["餐厅", "客厅", "家用", "现代简约"]),
        },
        new()
        {
            Key = "phone_case",
            Nouns = W(["Phone Case", "Case", "Phone Cover"], ["手机壳", "保护壳", "手机套"]),
            QueryNouns = W(["phone case", "case"], ["手机壳", "保护壳"]),
            Shapes =
            [
                new("slim_case", W(["Slim", "Ultra Thin"], ["超薄", "轻薄"])),
                new("lanyard_case", W(["Crossbody Lanyard", "with Strap"], ["斜挎挂绳", "带挂绳"])),
                new("wallet_case", W(["Wallet", "Card Holder"], ["翻盖", "插卡"])),
            ],
            Materials = ["plastic", "leather", "wood"],
            MinPriceUsd = 5, MaxPriceUsd = 26,
            Sizes = W(["for iPhone 15", "for iPhone 16 Pro", "for Galaxy S24", "for Pixel 9"], ["适用iPhone15", "适用iPhone16Pro", "适用三星S24", "适用华为Mate60"]),
            Phrases = W(["Shockproof", "Anti-Scratch", "Protective Cover", "Precise Fit"], ["防摔", "全包", "新款", "情侣"]),
        },
    ];

    public static CategoryInfo Category(string key) =>
        Categories.FirstOrDefault(c => c.Key == key)
        ?? throw new KeyNotFoundException($"Unknown category \"{key}\".");

    public static ColorTrait Color(string key) =>
        Colors.FirstOrDefault(c => c.Key == key)
        ?? throw new KeyNotFoundException($"Unknown colour \"{key}\".");

    public static TextureTrait Texture(string key) =>
        Textures.FirstOrDefault(t => t.Key == key)
        ?? throw new KeyNotFoundException($"Unknown texture \"{key}\".");

    public static MaterialTrait Material(string key) =>
        Materials.FirstOrDefault(m => m.Key == key)
        ?? throw new KeyNotFoundException($"Unknown material \"{key}\".");

    /// <summary>The words of one trait value (for example <c>(Texture, "bumpy")</c>).</summary>
    public static BilingualWords Words(TraitKind kind, string key) => kind switch
    {
        TraitKind.Color => Color(key).Words,
        TraitKind.Texture => Texture(key).Words,
        TraitKind.Material => Material(key).Words,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The canonical keys of one trait kind.</summary>
    public static IReadOnlyList<string> Keys(TraitKind kind) => kind switch
    {
        TraitKind.Color => Colors.Select(c => c.Key).ToArray(),
        TraitKind.Texture => Textures.Select(t => t.Key).ToArray(),
        TraitKind.Material => Materials.Select(m => m.Key).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
