using System.Text;

namespace M6Search.Imaging.Tests.TestImages;

/// <summary>
/// Writes GIF89a files by hand with a 4-colour global palette. The LZW stream stays trivially valid by emitting a
/// clear code before every pair of pixels: with a minimum code size of 2, codes are 3 bits wide, the clear code is 4,
/// end-of-information is 5, and two literals after a clear add only table entry 6, so the code width never grows.
/// </summary>
internal static class GifBuilder
{
    private const int ClearCode = 4;
    private const int EndCode = 5;
    private const int CodeBits = 3;

    /// <param name="palette">Exactly 4 colours (R, G, B).</param>
    /// <param name="frames">Palette indices, row by row, one array per frame, each width x height long.</param>
    public static byte[] Build(int width, int height, (byte R, byte G, byte B)[] palette, params byte[][] frames)
    {
        using var gif = new MemoryStream();
        gif.Write(Encoding.ASCII.GetBytes("GIF89a"));
        WriteUInt16(gif, width);
        WriteUInt16(gif, height);
        gif.WriteByte(0x91); // global colour table present, 2 bits of colour resolution, table of 2^(1+1) = 4 entries
        gif.WriteByte(0);    // background colour index
        gif.WriteByte(0);    // no aspect ratio
        foreach (var (r, g, b) in palette)
        {
            gif.WriteByte(r);
            gif.WriteByte(g);
            gif.WriteByte(b);
        }

        foreach (var frame in frames)
        {
            // Graphic control extension: no transparency, 0.1 s delay, so that several frames form an animation.
            gif.Write([0x21, 0xF9, 0x04, 0x00, 10, 0, 0, 0x00]);
            gif.WriteByte(0x2C);
            WriteUInt16(gif, 0);
            WriteUInt16(gif, 0);
            WriteUInt16(gif, width);
            WriteUInt16(gif, height);
            gif.WriteByte(0);    // no local colour table, not interlaced
            gif.WriteByte(2);    // LZW minimum code size
            WriteSubBlocks(gif, Lzw(frame));
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    private static byte[] Lzw(byte[] indices)
    {
        var codes = new List<int>();
        for (var i = 0; i < indices.Length; i++)
        {
            if (i % 2 == 0)
            {
                codes.Add(ClearCode);
            }

            codes.Add(indices[i]);
        }

        codes.Add(EndCode);

        // Codes are packed least significant bit first.
        var bytes = new List<byte>();
        int buffer = 0, bitCount = 0;
        foreach (var code in codes)
        {
            buffer |= code << bitCount;
            bitCount += CodeBits;
            while (bitCount >= 8)
            {
                bytes.Add((byte)(buffer & 0xFF));
                buffer >>= 8;
                bitCount -= 8;
            }
        }

        if (bitCount > 0)
        {
            bytes.Add((byte)(buffer & 0xFF));
        }

        return [.. bytes];
    }

    private static void WriteSubBlocks(Stream gif, byte[] data)
    {
        for (var offset = 0; offset < data.Length; offset += 255)
        {
            var length = Math.Min(255, data.Length - offset);
            gif.WriteByte((byte)length);
            gif.Write(data, offset, length);
        }

        gif.WriteByte(0);
    }

    private static void WriteUInt16(Stream stream, int value)
    {
        stream.WriteByte((byte)(value & 0xFF));
        stream.WriteByte((byte)(value >> 8));
    }
}
