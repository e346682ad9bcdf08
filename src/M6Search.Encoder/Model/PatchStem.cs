namespace M6Search.Encoder.Model;

/// <summary>How image pixels become patch tokens.</summary>
public enum PatchStem
{
    /// <summary>ViT's patch embedding: each non-overlapping patch projected linearly to a token.</summary>
    Linear = 0,

    /// <summary>
    /// A convolutional stem (Xiao et al. 2021, "Early convolutions help transformers see better"): log2(patch size)
    /// 3x3 convolutions of stride 2 with GELU between them, then a linear projection of each output cell to a token.
    /// Same token grid as <see cref="Linear"/>, so the transformer after it is unchanged.
    /// </summary>
    Conv = 1,
}
