namespace M6Search.Imaging.Tests.TestImages;

/// <summary>Adds an EXIF APP1 segment holding only an Orientation tag to a JPEG, right after its SOI marker.</summary>
internal static class JpegExif
{
    public static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        if (jpeg.Length < 2 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("Not a JPEG (no SOI marker).", nameof(jpeg));
        }

        byte[] segment =
        [
            0xFF, 0xE1,                               // APP1
            0x00, 0x22,                               // segment length 34, counting these two bytes
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0x00, 0x00,
            (byte)'M', (byte)'M', 0x00, 0x2A,         // TIFF header, big-endian
            0x00, 0x00, 0x00, 0x08,                   // IFD0 at offset 8
            0x00, 0x01,                               // one entry
            0x01, 0x12,                               // tag 0x0112 Orientation
            0x00, 0x03,                               // type SHORT
            0x00, 0x00, 0x00, 0x01,                   // count 1
            (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00, // value, left-justified
            0x00, 0x00, 0x00, 0x00,                   // no next IFD
        ];

        var result = new byte[jpeg.Length + segment.Length];
        jpeg.AsSpan(0, 2).CopyTo(result);
        segment.CopyTo(result, 2);
        jpeg.AsSpan(2).CopyTo(result.AsSpan(2 + segment.Length));
        return result;
    }
}
