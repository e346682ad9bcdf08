namespace M6Search.Synth.Rendering;

/// <summary>How a part of a silhouette is painted.</summary>
public enum ShapePartKind
{
    /// <summary>An opening seen from above (inside of a bowl or cup): a dark shade of the product colour.</summary>
    Opening,

    /// <summary>A part in a fixed colour of its own (a sneaker sole, a clasp).</summary>
    Trim,

    /// <summary>A near-black part (a camera module).</summary>
    Dark,

    /// <summary>Lines (seams, laces, rims) stroked in a dark shade of the product colour.</summary>
    Detail,
}
