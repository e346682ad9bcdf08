using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tokenization;

/// <summary>Token ids of several texts, row-major and padded to the longest row, with the mask of real tokens.</summary>
public sealed class TokenBatch
{
    private TokenBatch(long[] ids, bool[] mask, int rows, int length)
    {
        Ids = ids;
        Mask = mask;
        Rows = rows;
        Length = length;
    }

    /// <summary>Ids, <see cref="Rows"/> x <see cref="Length"/>, padded with <see cref="SpecialTokens.Pad"/>.</summary>
    public long[] Ids { get; }

    /// <summary>True where <see cref="Ids"/> holds a real token.</summary>
    public bool[] Mask { get; }

    /// <summary>Number of texts.</summary>
    public int Rows { get; }

    /// <summary>Length of the longest row (at least 1).</summary>
    public int Length { get; }

    /// <summary>Pads rows of ids into one batch.</summary>
    public static TokenBatch FromRows(IReadOnlyList<int[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int length = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Length));
        var ids = new long[rows.Count * length];
        var mask = new bool[rows.Count * length];
        for (int r = 0; r < rows.Count; r++)
        {
            for (int t = 0; t < rows[r].Length; t++)
            {
                ids[(r * length) + t] = rows[r][t];
                mask[(r * length) + t] = true;
            }
        }

        return new TokenBatch(ids, mask, rows.Count, length);
    }

    /// <summary>The ids as an int64 tensor [Rows, Length] on <paramref name="device"/>.</summary>
    public Tensor IdsTensor(Device? device = null) => torch.tensor(Ids, [Rows, Length], ScalarType.Int64, device);

    /// <summary>The mask as a bool tensor [Rows, Length] on <paramref name="device"/>.</summary>
    public Tensor MaskTensor(Device? device = null) => torch.tensor(Mask, [Rows, Length], ScalarType.Bool, device);
}
