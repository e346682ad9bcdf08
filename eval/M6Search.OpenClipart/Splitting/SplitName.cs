namespace M6Search.OpenClipart.Splitting;

/// <summary>The three disjoint parts of the converted catalog.</summary>
public enum SplitName
{
    /// <summary>Image-text pairs the model trains on.</summary>
    Train,

    /// <summary>A small catalog with queries for choosing settings (steps, learning rate, fusion).</summary>
    Validation,

    /// <summary>The catalog and queries reported in docs; never used to choose anything.</summary>
    Test,
}
