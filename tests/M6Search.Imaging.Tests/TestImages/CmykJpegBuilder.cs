namespace M6Search.Imaging.Tests.TestImages;

/// <summary>
/// Writes a baseline four-component (CMYK) JPEG by hand, since SkiaSharp cannot encode one. Every 8x8 block is one
/// flat colour, so its DCT has only a DC coefficient: with a quantisation table of all ones the DC value is
/// 8 x (sample - 128) and every AC run is a single end-of-block code. An Adobe APP14 segment with transform 0 marks the
/// components as CMYK stored inverted (255 = no ink), the way Photoshop writes them and decoders expect them.
/// </summary>
internal static class CmykJpegBuilder
{
    /// <param name="blockColor">Stored (inverted) C, M, Y, K values of the 8x8 block at (column, row).</param>
    public static byte[] Build(int blocksWide, int blocksHigh, Func<int, int, (byte C, byte M, byte Y, byte K)> blockColor)
    {
        var width = blocksWide * 8;
        var height = blocksHigh * 8;
        var jpeg = new List<byte> { 0xFF, 0xD8 };

        // APP14 "Adobe": version 100, flags 0, 0, transform 0 (no YCC conversion: plain CMYK).
        jpeg.AddRange([0xFF, 0xEE, 0x00, 0x0E, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0x00, 0x64, 0, 0, 0, 0, 0x00]);

        // DQT: table 0, 8-bit precision, all ones.
        jpeg.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        jpeg.AddRange(Enumerable.Repeat((byte)1, 64));

        // SOF0: 8-bit, height, width, 4 components with ids 1-4, no subsampling, quantisation table 0.
        jpeg.AddRange([0xFF, 0xC0, 0x00, 0x14, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x04]);
        for (byte id = 1; id <= 4; id++)
        {
            jpeg.AddRange([id, 0x11, 0x00]);
        }

        // DHT DC table 0: the 12 size categories 0-11, each a 4-bit code (category k gets code k).
        jpeg.AddRange([0xFF, 0xC4, 0x00, 0x1F, 0x00, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        jpeg.AddRange([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

        // DHT AC table 0: a single symbol, end-of-block (0x00), with the 1-bit code 0.
        jpeg.AddRange([0xFF, 0xC4, 0x00, 0x14, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]);

        // SOS: 4 components, each with DC table 0 and AC table 0, full spectral range.
        jpeg.AddRange([0xFF, 0xDA, 0x00, 0x0E, 0x04]);
        for (byte id = 1; id <= 4; id++)
        {
            jpeg.AddRange([id, 0x00]);
        }

        jpeg.AddRange([0x00, 0x3F, 0x00]);

        var bits = new JpegBitWriter();
        var predictors = new int[4];
        for (var row = 0; row < blocksHigh; row++)
        {
            for (var column = 0; column < blocksWide; column++)
            {
                var (c, m, y, k) = blockColor(column, row);
                byte[] samples = [c, m, y, k];
                for (var component = 0; component < 4; component++)
                {
                    var dc = 8 * (samples[component] - 128);
                    WriteDcDifference(bits, dc - predictors[component]);
                    predictors[component] = dc;
                    bits.Write(0, 1); // end of block
                }
            }
        }

        jpeg.AddRange(bits.Finish());
        jpeg.AddRange([0xFF, 0xD9]);
        return [.. jpeg];
    }

    private static void WriteDcDifference(JpegBitWriter bits, int difference)
    {
        var magnitude = Math.Abs(difference);
        var category = 0;
        while ((1 << category) <= magnitude)
        {
            category++;
        }

        bits.Write(category, 4);
        if (category > 0)
        {
            // Negative values are sent as the low bits of (difference - 1), i.e. their ones' complement.
            var value = difference >= 0 ? difference : difference + (1 << category) - 1;
            bits.Write(value, category);
        }
    }
}
