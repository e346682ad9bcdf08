using System.Globalization;
using M6Search.Search.Results;
using M6Search.Web.Images;
using Microsoft.AspNetCore.Components;

namespace M6Search.Web.Components.Search;

/// <summary>One result: image, title, price, merchant; "why it matched" and "more like this".</summary>
public sealed partial class ResultCard
{
    private bool _showWhy;

    [Parameter]
    [EditorRequired]
    public SearchResultItem Item { get; set; } = null!;

    /// <summary>Called with the product id when the shopper asks for more like this.</summary>
    [Parameter]
    public EventCallback<string> OnMoreLikeThis { get; set; }

    private bool HasImage => !string.IsNullOrEmpty(Item.Product.Image);

    private string ImageUrl => ProductImageEndpoints.UrlFor(Item.Product.Id);

    private string PriceText => Item.Product.Price is double price
        ? $"{price.ToString("0.00", CultureInfo.InvariantCulture)} {Item.Product.Currency}".Trim()
        : "price on request";

    private void ToggleWhy() => _showWhy = !_showWhy;

    private Task MoreLikeThisAsync() => OnMoreLikeThis.InvokeAsync(Item.Product.Id);
}
