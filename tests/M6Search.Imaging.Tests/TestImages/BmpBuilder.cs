using System.Buffers.Binary;

namespace M6Search.Imaging.Tests.TestImages;

/// <summary>Writes uncompressed 24-bit BMP files by hand: 14-byte file header, 40-byte BITMAPINFOHEADER, bottom-up rows.</summary>
internal static class BmpBuilder
{
    /// <param name="pixel">Colour of displayed pixel (x, y), y = 0 being the top row.</param>
    public static byte[] Build(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var rowSize = ((width * 3) + 3) / 4 * 4;
        var imageSize = rowSize * height;
        var file = new byte[54 + imageSize];
        var span = file.AsSpan();
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], 54);
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], 40);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], width);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], height); // positive: rows stored bottom-up
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 24);
        BinaryPrimitives.WriteInt32LittleEndian(span[30..], 0);      // BI_RGB
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], imageSize);
        BinaryPrimitives.WriteInt32LittleEndian(span[38..], 2835);
        BinaryPrimitives.WriteInt32LittleEndian(span[42..], 2835);

        for (var y = 0; y < height; y++)
        {
            var row = span.Slice(54 + ((height - 1 - y) * rowSize), rowSize);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                row[x * 3] = b;
                row[(x * 3) + 1] = g;
                row[(x * 3) + 2] = r;
            }
        }

        return file;
    }
}
