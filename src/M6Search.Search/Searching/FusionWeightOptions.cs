using System.Globalization;
using M6Search.Stores.Abstractions;

namespace M6Search.Search.Searching;

/// <summary>
/// How much each channel counts in the fusion (configuration section <c>M6:Search:FusionWeights</c>; <c>m6 eval
/// --fusion-weights</c>): the weights of <see cref="HybridQuery.Weights"/>, where a weight divides a channel's ranks
/// as in Qdrant's weighted <c>rrf</c> (2 counts rank 4 as rank 2; 0 makes the channel add nothing). 1 each by default.
/// </summary>
public sealed class FusionWeightOptions
{
    /// <summary>The image channel's weight.</summary>
    public float Image { get; set; } = 1f;

    /// <summary>The text (title embedding) channel's weight.</summary>
    public float Text { get; set; } = 1f;

    /// <summary>The lexical (title words) channel's weight.</summary>
    public float Lexical { get; set; } = 1f;

    /// <summary>True when every channel weighs 1 (plain reciprocal-rank fusion).</summary>
    public bool AllOne => Image == 1f && Text == 1f && Lexical == 1f;

    /// <summary>The weight of a store search (<see cref="CollectionSchema"/>'s vector names).</summary>
    public float Of(string search) => search switch
    {
        CollectionSchema.ImageVector => Image,
        CollectionSchema.TextVector => Text,
        CollectionSchema.LexicalVector => Lexical,
        _ => 1f,
    };

    /// <summary>Every problem with these weights, each naming its configuration key.</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var errors = new List<string>();
        foreach ((string name, float weight) in new[] { (nameof(Image), Image), (nameof(Text), Text), (nameof(Lexical), Lexical) })
        {
            if (!float.IsFinite(weight) || weight < 0f)
            {
                errors.Add($"{section}:{name} must be a finite number of 0 or more, not {weight.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        if (errors.Count == 0 && Image == 0f && Text == 0f && Lexical == 0f)
        {
            errors.Add($"{section}: at least one channel's weight must be above 0.");
        }

        return errors;
    }

    /// <summary>Parses <c>image=2,lexical=0.5</c> (case-insensitive names; invariant numbers; a channel left out weighs 1).</summary>
    /// <exception cref="FormatException">A name is unknown or repeated, or a weight is not a finite number of 0 or more, or all are 0.</exception>
    public static FusionWeightOptions Parse(string value) =>
        TryParse(value, out FusionWeightOptions? weights, out string? error) ? weights! : throw new FormatException(error);

    /// <summary>Like <see cref="Parse"/>, returning the problem as a sentence instead of throwing.</summary>
    public static bool TryParse(string value, out FusionWeightOptions? weights, out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        weights = null;
        var parsed = new FusionWeightOptions();
        var given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            string name = pair[0].ToLowerInvariant();
            if (pair.Length != 2 || name is not ("image" or "text" or "lexical"))
            {
                error = $"'{part}' is not NAME=WEIGHT with NAME one of image, text, lexical.";
                return false;
            }

            if (!float.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float weight) || !float.IsFinite(weight) || weight < 0f)
            {
                error = $"the weight of {name} must be a number of 0 or more, not '{pair[1]}'.";
                return false;
            }

            if (!given.Add(name))
            {
                error = $"{name} is weighted twice.";
                return false;
            }

            if (name == "image")
            {
                parsed.Image = weight;
            }
            else if (name == "text")
            {
                parsed.Text = weight;
            }
            else
            {
                parsed.Lexical = weight;
            }
        }

        if (parsed.Image == 0f && parsed.Text == 0f && parsed.Lexical == 0f)
        {
            error = "at least one fusion weight must be above 0.";
            return false;
        }

        weights = parsed;
        error = null;
        return true;
    }

    /// <summary><c>image=W,text=W,lexical=W</c>, the form <see cref="Parse"/> reads.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"image={Image},text={Text},lexical={Lexical}");
}
