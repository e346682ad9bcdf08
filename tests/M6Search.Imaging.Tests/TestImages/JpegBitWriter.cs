namespace M6Search.Imaging.Tests.TestImages;

/// <summary>Most significant bit first, with 0x00 stuffed after every 0xFF and the last byte padded with ones.</summary>
internal sealed class JpegBitWriter
{
    private readonly List<byte> _bytes = [];
    private int _buffer;
    private int _count;

    public void Write(int value, int length)
    {
        for (var i = length - 1; i >= 0; i--)
        {
            _buffer = (_buffer << 1) | ((value >> i) & 1);
            _count++;
            if (_count == 8)
            {
                Flush();
            }
        }
    }

    public List<byte> Finish()
    {
        while (_count != 0)
        {
            Write(1, 1);
        }

        return _bytes;
    }

    private void Flush()
    {
        var b = (byte)_buffer;
        _bytes.Add(b);
        if (b == 0xFF)
        {
            _bytes.Add(0x00);
        }

        _buffer = 0;
        _count = 0;
    }
}
