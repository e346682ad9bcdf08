using M6Search.Imaging.Errors;

namespace M6Search.Imaging.Local;

/// <summary>Reads an image file whole, checking existence and size before reading a byte.</summary>
internal static class LocalImageFile
{
    public static async Task<byte[]> ReadAsync(string path, string source, long maxBytes, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new ImageLoadException(ImageErrorKind.NotFound, source, "the path is a directory, not a file.");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImageLoadException(ImageErrorKind.NotFound, source, "the file does not exist.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ImageLoadException(ImageErrorKind.ReadFailed, source, $"the file cannot be opened: {exception.Message}", exception);
        }

        await using (stream.ConfigureAwait(false))
        {
            var length = stream.Length;
            if (length == 0)
            {
                throw ImageErrors.Empty(source);
            }

            if (length > maxBytes)
            {
                throw ImageErrors.TooLarge(source, length, maxBytes);
            }

            var bytes = new byte[length];
            try
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException)
            {
                // EndOfStreamException (the file shrank while being read) is an IOException too.
                throw new ImageLoadException(ImageErrorKind.ReadFailed, source, $"the file could not be read: {exception.Message}", exception);
            }

            return bytes;
        }
    }
}
