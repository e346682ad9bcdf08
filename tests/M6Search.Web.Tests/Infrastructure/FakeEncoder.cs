using M6Search.Encoder;

namespace M6Search.Web.Tests.Infrastructure;

/// <summary>
/// A 4-d encoder: a text maps to the axis of the first known word it contains ("bumpy" 0, "smooth" 1, "cup" 2, else 3);
/// an image (8 x 8) maps to its mean red, green and blue, normalised, so a red photo lands on axis 0.
/// </summary>
internal sealed class FakeEncoder : IProductEncoder
{
    private static readonly string[] Axes = ["bumpy", "smooth", "cup"];

    public int Dimension => 4;

    public int ImageSize => 8;

    public string ModelVersion => "fake-1";

    public static float[] Axis(int axis)
    {
        var vector = new float[4];
        vector[axis] = 1;
        return vector;
    }

    public float[][] EmbedTexts(IReadOnlyList<string> texts) => texts.Select(text =>
    {
        string lower = text.ToLowerInvariant();
        int axis = Array.FindIndex(Axes, word => lower.Contains(word, StringComparison.Ordinal));
        return Axis(axis < 0 ? 3 : axis);
    }).ToArray();

    public float[][] EmbedImages(IReadOnlyList<float[]> images) => images.Select(image =>
    {
        int plane = ImageSize * ImageSize;
        float[] vector =
        [
            image.Take(plane).Average() + 1.001f,
            image.Skip(plane).Take(plane).Average() + 1.001f,
            image.Skip(2 * plane).Average() + 1.001f,
            0,
        ];
        float norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }).ToArray();

    public void Dispose()
    {
    }
}
