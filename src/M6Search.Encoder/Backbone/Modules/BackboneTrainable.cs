namespace M6Search.Encoder.Backbone.Modules;

/// <summary>Which backbone parameters training may change (<c>m6 train --backbone-trainable</c>).</summary>
public enum BackboneTrainable
{
    /// <summary>Locked: nothing (the default; features can be computed once and cached).</summary>
    None,

    /// <summary>layer4 only; the stem and layer1-3 stay locked.</summary>
    LastStage,

    /// <summary>Every parameter.</summary>
    All,
}
