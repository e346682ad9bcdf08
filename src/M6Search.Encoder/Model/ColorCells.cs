using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// The input of the own colour tokens: the image averaged down to (grid x cell) pixels per side, from the same
/// normalised pixels the backbone reads. Computed the same way when features are cached and when images are embedded.
/// </summary>
public static class ColorCells
{
    /// <summary>[B, 3, S, S] normalised pixels to [B, 3, grid x cell, grid x cell] (area averages).</summary>
    public static Tensor Pool(Tensor pixels, ImageBackboneConfig backbone)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(backbone);
        int side = backbone.ColorSide;
        return nn.functional.adaptive_avg_pool2d(pixels.to_type(ScalarType.Float32), [side, side]);
    }

    /// <summary>[B, 3, g k, g k] to [B, g x g, 3 k k]: one row per colour token, grid cells in row-major order.</summary>
    public static Tensor Tokens(Tensor cells, ImageBackboneConfig backbone)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(backbone);
        long batch = cells.shape[0];
        int grid = backbone.ColorGrid;
        int cell = backbone.ColorCell;
        return cells
            .view(batch, 3, grid, cell, grid, cell)
            .permute(0, 2, 4, 1, 3, 5)
            .reshape(batch, grid * grid, backbone.ColorTokenValues);
    }
}
