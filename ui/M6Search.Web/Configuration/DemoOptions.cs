namespace M6Search.Web.Configuration;

/// <summary>The demo catalog (configuration section "M6:Demo").</summary>
public sealed class DemoOptions
{
    /// <summary>Generate and index the demo catalog when the embedded store is empty.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Products in the demo catalog.</summary>
    public int Products { get; set; } = 3000;

    /// <summary>Seed of the synthetic catalog: the same seed gives the same products and images.</summary>
    public long Seed { get; set; } = 42;

    /// <summary>Side of the generated JPEG images in pixels.</summary>
    public int ImageSize { get; set; } = 128;

    /// <summary>Products embedded and written per batch while indexing.</summary>
    public int BatchSize { get; set; } = 32;
}
