using System.Globalization;
using System.Text.Json.Serialization;

namespace M6Search.Evaluation;

/// <summary>
/// How much each ranking counts in the hybrid mode's reciprocal-rank fusion: a product at rank r in the image ranking
/// adds 1 / (k + r / <see cref="Image"/>), and so on, the form of Qdrant 1.19's weighted fusion
/// (<c>{"rrf": {"k": ..., "weights": [...]}}</c>, where a weight divides the ranks).
/// Spelled <c>image=W,text=W,title=W</c> on the command line; a name left out keeps weight 1.
/// </summary>
public sealed record FusionWeights(double Image = 1, double Text = 1, double Title = 1)
{
    /// <summary>Every ranking weighted 1: plain reciprocal-rank fusion.</summary>
    public static FusionWeights Equal { get; } = new();

    /// <summary>The weights in the order the hybrid mode fuses its rankings: image, text, title.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> InFusionOrder => [Image, Text, Title];

    /// <summary>Parses <c>image=2,title=0.5</c> (case-insensitive names, invariant-culture numbers).</summary>
    /// <exception cref="ArgumentException">A name is unknown or repeated, or a weight is not a finite number of 0 or more, or all are 0.</exception>
    public static FusionWeights Parse(string value) =>
        TryParse(value, out FusionWeights? weights, out string? error) ? weights! : throw new ArgumentException(error, nameof(value));

    /// <summary>Like <see cref="Parse"/>, returning the problem as a sentence instead of throwing.</summary>
    public static bool TryParse(string value, out FusionWeights? weights, out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        weights = null;
        var given = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !IsName(pair[0]))
            {
                error = $"'{part}' is not NAME=WEIGHT with NAME one of image, text, title.";
                return false;
            }

            if (!double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double weight) || !double.IsFinite(weight) || weight < 0)
            {
                error = $"The weight of {pair[0]} must be a number of 0 or more, not '{pair[1]}'.";
                return false;
            }

            if (!given.TryAdd(pair[0], weight))
            {
                error = $"{pair[0]} is weighted twice.";
                return false;
            }
        }

        var parsed = new FusionWeights(
            given.GetValueOrDefault("image", 1), given.GetValueOrDefault("text", 1), given.GetValueOrDefault("title", 1));
        if (parsed.InFusionOrder.All(w => w == 0))
        {
            error = "At least one fusion weight must be above 0.";
            return false;
        }

        weights = parsed;
        error = null;
        return true;
    }

    /// <summary><c>image=W,text=W,title=W</c>, the form <see cref="Parse"/> reads.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"image={Image},text={Text},title={Title}");

    private static bool IsName(string name) =>
        string.Equals(name, "image", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "text", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "title", StringComparison.OrdinalIgnoreCase);
}
