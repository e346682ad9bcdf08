using System.Security.Cryptography;
using System.Text;
using M6Search.Imaging.Errors;

namespace M6Search.Imaging.Remote;

/// <summary>
/// Downloaded images on disk, one file per URL named by the SHA-256 of <see cref="Uri.AbsoluteUri"/> (hex, in a
/// subfolder named by its first two characters). Writes go to a unique temporary file in the same folder that is then
/// renamed over the final name, so readers never see a partial file and concurrent writers of one URL are harmless.
/// </summary>
internal sealed class RemoteImageCache
{
    private readonly string _directory;

    public RemoteImageCache(string directory)
    {
        _directory = Path.GetFullPath(directory);
    }

    public string PathFor(Uri url)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)));
        return Path.Combine(_directory, hash[..2], hash);
    }

    /// <summary>
    /// The cached bytes, or null when the URL is not cached. An entry longer than <paramref name="maxBytes"/> (written
    /// under a larger limit) is rejected as TooLarge before it is read.
    /// </summary>
    public async Task<byte[]?> TryReadAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathFor(url);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            if (stream.Length > maxBytes)
            {
                throw ImageErrors.TooLarge(url.OriginalString, stream.Length, maxBytes);
            }

            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return bytes;
        }
    }

    public async Task WriteAsync(Uri url, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = PathFor(url);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the next cleanup; a stray .tmp file is never read as a cache entry.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
