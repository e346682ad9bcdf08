using M6Search.Encoder;

namespace M6Search.Evaluation.Tests.TestDoubles;

/// <summary>
/// Test double for <see cref="IProductEncoder"/>, deterministic and model-free. A text becomes the normalised count of
/// the vocabulary words it contains (English or Chinese, by substring); an "image" is a 3 x 2 x 2 float array used
/// directly as the vector, so a test writes the traits a photo shows into the array's dimensions.
/// </summary>
internal sealed class KeywordVectorEncoder : IProductEncoder
{
    /// <summary>Vocabulary word to dimension; English and Chinese words for one concept share a dimension.</summary>
    public static readonly IReadOnlyDictionary<string, int> Vocabulary = new Dictionary<string, int>
    {
        ["bumpy"] = 0, ["凹凸"] = 0,
        ["mug"] = 1, ["杯"] = 1,
        ["smooth"] = 2, ["光滑"] = 2,
        ["vase"] = 3, ["花瓶"] = 3,
        ["ceramic"] = 4, ["陶瓷"] = 4,
        ["glass"] = 5, ["玻璃"] = 5,
    };

    /// <summary>Where a text with no vocabulary word lands, so that every vector has length 1.</summary>
    public const int UnknownDimension = 11;

    public int Dimension => 12;

    public int ImageSize => 2;

    public string ModelVersion => "keyword-test-double";

    public int TextCalls { get; private set; }

    /// <summary>An image array showing the given concepts (vocabulary words).</summary>
    public static float[] Image(params string[] shows)
    {
        var pixels = new float[12];
        foreach (string word in shows)
        {
            pixels[Vocabulary[word]] = 1;
        }

        return pixels;
    }

    public float[][] EmbedTexts(IReadOnlyList<string> texts)
    {
        TextCalls++;
        return texts.Select(text =>
        {
            var vector = new float[Dimension];
            foreach ((string word, int dimension) in Vocabulary)
            {
                if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    vector[dimension] += 1;
                }
            }

            if (vector.All(v => v == 0))
            {
                vector[UnknownDimension] = 1;
            }

            return Normalise(vector);
        }).ToArray();
    }

    public float[][] EmbedImages(IReadOnlyList<float[]> images) => images.Select(i => Normalise((float[])i.Clone())).ToArray();

    public void Dispose()
    {
    }

    private static float[] Normalise(float[] vector)
    {
        float norm = MathF.Sqrt(vector.Sum(v => v * v));
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }
}
