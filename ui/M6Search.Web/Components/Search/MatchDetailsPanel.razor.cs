using System.Globalization;
using M6Search.Search.Results;
using Microsoft.AspNetCore.Components;

namespace M6Search.Web.Components.Search;

/// <summary>One result's match details: image against title share, each channel's rank and score, the missing words.</summary>
public sealed partial class MatchDetailsPanel
{
    [Parameter]
    [EditorRequired]
    public MatchDetails Match { get; set; } = null!;

    private IEnumerable<(string Name, ChannelMatch? Channel)> Channels =>
        new (string, ChannelMatch?)[] { ("Photo", Match.Image), ("Title meaning", Match.Text), ("Title words", Match.Lexical) }
            .Where(c => c.Item2 is not null);

    /// <summary>The image ranked the product and the title lacks some query words.</summary>
    private bool FoundThroughImage => Match.MissingWords.Count > 0 && Match.Image?.Rank is not null && Match.ImageShare >= 0.5;

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string RankText(ChannelMatch? channel) => channel?.Rank is int rank ? $"#{rank}" : "not in its top results";
}
