using System.Security.Cryptography;
using System.Text;
using M6Search.Encoder;

namespace M6Search.Indexing.Tests.Support;

/// <summary>
/// A deterministic stand-in for the model: a title's vector comes from SHA-256 of the title, an image's from its
/// pixels, so the same input always gives the same vector whatever the batch. Counts what it encoded.
/// </summary>
public sealed class HashingEncoder : IProductEncoder
{
    private int _textsEncoded;
    private int _imagesEncoded;

    public HashingEncoder(string modelVersion = "hashing-v1", TimeSpan delayPerBatch = default)
    {
        ModelVersion = modelVersion;
        DelayPerBatch = delayPerBatch;
    }

    /// <summary>Called with the number of titles encoded so far, after each call (to interrupt a job at a known point).</summary>
    public Action<int>? AfterTexts { get; init; }

    /// <summary>Sleep per call, to make a job slow enough to interrupt.</summary>
    public TimeSpan DelayPerBatch { get; }

    public int Dimension => 8;

    public int ImageSize => 16;

    public string ModelVersion { get; }

    public int TextsEncoded => Volatile.Read(ref _textsEncoded);

    public int ImagesEncoded => Volatile.Read(ref _imagesEncoded);

    /// <summary>Thread ids the encoder was called on.</summary>
    public HashSet<int> Threads { get; } = [];

    public float[][] EmbedTexts(IReadOnlyList<string> texts)
    {
        lock (Threads)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
        }

        int encoded = Interlocked.Add(ref _textsEncoded, texts.Count);
        AfterTexts?.Invoke(encoded);
        if (DelayPerBatch > TimeSpan.Zero)
        {
            Thread.Sleep(DelayPerBatch);
        }

        return texts.Select(text => FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(text)))).ToArray();
    }

    public float[][] EmbedImages(IReadOnlyList<float[]> images)
    {
        Interlocked.Add(ref _imagesEncoded, images.Count);
        return images.Select(image =>
        {
            if (image.Length != 3 * ImageSize * ImageSize)
            {
                throw new ArgumentException("wrong image size", nameof(images));
            }

            byte[] bytes = new byte[image.Length * sizeof(float)];
            Buffer.BlockCopy(image, 0, bytes, 0, bytes.Length);
            return FromBytes(SHA256.HashData(bytes));
        }).ToArray();
    }

    public void Dispose()
    {
    }

    private float[] FromBytes(byte[] hash)
    {
        var vector = new float[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            vector[i] = (hash[i] - 127.5f) / 128f;
        }

        float norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }
}
