using M6Search.Imaging;
using M6Search.Imaging.Errors;

namespace M6Search.Fuzzing.Targets;

/// <summary>
/// <see cref="ImageLoader.Load"/>: decoding (SkiaSharp's codecs), EXIF orientation, the truncation and corruption
/// checks, the square crop and normalisation. Its contract: bad bytes end in an <see cref="ImageLoadException"/> that
/// names the source, never another exception or a native crash; an accepted image gives 3 x size x size finite values.
/// The limits are small so that the fuzzer reaches them with short inputs and each run stays fast.
/// </summary>
public sealed class ImageTarget : IFuzzTarget
{
    private const string Source = "fuzz-image";
    private const int Size = 32;
    private readonly ImageLoader _loader = new(new ImageLoadOptions { MaxBytes = 1024 * 1024, MaxPixels = 4_000_000 });

    public string Name => "image";

    public void Run(byte[] input)
    {
        float[] chw;
        try
        {
            chw = _loader.Load(input, Source, Size).Chw;
        }
        catch (ImageLoadException exception)
        {
            if (exception.ImageSource != Source || string.IsNullOrWhiteSpace(exception.Detail))
            {
                throw new ContractViolationException(Name, $"the rejection '{exception.Message}' does not name the source or the problem", exception);
            }

            return;
        }
        catch (Exception exception)
        {
            throw new ContractViolationException(Name, $"the loader threw {exception.GetType().Name} instead of ImageLoadException", exception);
        }

        if (chw.Length != 3 * Size * Size || !chw.All(float.IsFinite))
        {
            throw new ContractViolationException(Name, $"an accepted image gave {chw.Length} values (or non-finite ones); expected 3 x {Size} x {Size} finite values");
        }
    }
}
