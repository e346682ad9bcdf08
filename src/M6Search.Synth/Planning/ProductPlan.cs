using M6Search.Catalog.Products;
using M6Search.Synth.Rendering;
using M6Search.Synth.Text;

namespace M6Search.Synth.Planning;

/// <summary>Everything decided about one synthetic product before anything is drawn or written.</summary>
public sealed record ProductPlan
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    /// <summary>"en" or "zh".</summary>
    public required string Lang { get; init; }

    public required ProductVisual Visual { get; init; }

    public required ScenePlan Scene { get; init; }

    public required ProductListing Listing { get; init; }

    /// <summary>The image path relative to the output folder ("images/p000123.jpg").</summary>
    public required string Image { get; init; }

    /// <summary>The catalog row.</summary>
    public Product ToProduct() => new()
    {
        Id = Id,
        Title = Listing.Title,
        Image = Image,
        Price = Listing.Price,
        Currency = Listing.Currency,
        Category = Visual.Category,
        Merchant = Listing.Merchant,
        Lang = Lang,
        Description = Listing.Description,
        Attributes = Visual.ToAttributes(),
    };
}
