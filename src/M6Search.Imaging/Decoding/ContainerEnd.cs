using System.Buffers.Binary;
using SkiaSharp;

namespace M6Search.Imaging.Decoding;

/// <summary>
/// Tells a cut file from a damaged one. Skia reports both "the data ran out" and "the compressed data is invalid" as
/// IncompleteInput for several formats, so when decoding stops early we look at whether the file's own end is
/// there: PNG's IEND chunk, JPEG's EOI marker, GIF's trailer byte, or the length declared in the RIFF (WebP) or
/// BMP header. End present: the data inside is corrupt. End missing: the file is truncated.
/// </summary>
internal static class ContainerEnd
{
    // IEND chunk type and its fixed CRC.
    private static ReadOnlySpan<byte> PngEnd => [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    public static bool IsPresent(ReadOnlySpan<byte> data, SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => data.EndsWith(PngEnd),
        SKEncodedImageFormat.Jpeg => HasJpegEndOfImage(data),
        SKEncodedImageFormat.Gif => data.Length > 0 && data[^1] == 0x3B,
        SKEncodedImageFormat.Webp => data.Length >= 8 && 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) <= data.Length,
        SKEncodedImageFormat.Bmp => data.Length >= 6 && BinaryPrimitives.ReadUInt32LittleEndian(data[2..]) is var size && size > 0 && size <= data.Length,
        _ => false,
    };

    private static bool HasJpegEndOfImage(ReadOnlySpan<byte> data)
    {
        // Only the tail is searched: an EXIF thumbnail near the start has its own EOI, and some writers pad after
        // the real one. Entropy-coded data cannot contain FF D9, since every FF in it is followed by 00.
        var tail = data[Math.Max(2, data.Length - 1024)..];
        return tail.IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
    }
}
