namespace M6Search.Encoder.Backbone.Modules;

/// <summary>Which output of the backbone to compute (the computation stops there).</summary>
public enum BackboneStage
{
    /// <summary>layer3's feature map: [B, 256, H/16, W/16].</summary>
    Stage3 = 3,

    /// <summary>layer4's feature map: [B, 512, H/32, W/32].</summary>
    Stage4 = 4,

    /// <summary>The global average of the stage-4 map: [B, 512].</summary>
    Pooled = 5,
}
