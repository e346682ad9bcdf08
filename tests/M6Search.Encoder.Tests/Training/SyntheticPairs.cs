using M6Search.Encoder.Tokenization;
using M6Search.Encoder.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Training;

/// <summary>
/// A toy image-text task: solid-colour images (with pixel noise) paired with the colour's name in English or Chinese.
/// Deterministic for a seed, without touching torch's global generator.
/// </summary>
internal static class SyntheticPairs
{
    private static readonly (string English, string Chinese, float R, float G, float B)[] Colours =
    [
        ("red", "红色", 1, 0, 0),
        ("green", "绿色", 0, 1, 0),
        ("blue", "蓝色", 0, 0, 1),
        ("yellow", "黄色", 1, 1, 0),
        ("purple", "紫色", 0.6f, 0, 0.8f),
        ("cyan", "青色", 0, 1, 1),
        ("white", "白色", 1, 1, 1),
        ("black", "黑色", 0, 0, 0),
    ];

    public static int ColourCount => Colours.Length;

    /// <summary>One batch of <paramref name="count"/> pairs with distinct colours.</summary>
    public static TrainingBatch Batch(ProductTokenizer tokenizer, int imageSize, int count, int seed)
    {
        var random = new Random(seed);
        int[] order = Enumerable.Range(0, Colours.Length).OrderBy(_ => random.Next()).Take(count).ToArray();
        var pixels = new float[count * 3 * imageSize * imageSize];
        var texts = new string[count];
        int plane = imageSize * imageSize;
        for (int i = 0; i < count; i++)
        {
            var colour = Colours[order[i]];
            float[] rgb = [colour.R, colour.G, colour.B];
            for (int c = 0; c < 3; c++)
            {
                for (int p = 0; p < plane; p++)
                {
                    pixels[(i * 3 * plane) + (c * plane) + p] = ((rgb[c] - 0.5f) * 2) + (float)((random.NextDouble() - 0.5) * 0.2);
                }
            }

            texts[i] = random.Next(2) == 0 ? colour.English : colour.Chinese;
        }

        return TrainingBatch.From(
            torch.tensor(pixels, [count, 3, imageSize, imageSize], ScalarType.Float32),
            tokenizer.EncodeBatch(texts));
    }
}
