using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace M6Search.Encoder.Backbone.Files;

/// <summary>
/// SHA-256 of a file as lower-case hex, remembered per (path, length, last write time) so that a process that locates
/// the 64 MB backbone several times hashes it once. A rewritten file has a new write time or length and is hashed again.
/// </summary>
public static class FileSha256
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime WrittenUtc), string> Known = new();

    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        if (Known.TryGetValue(key, out var hash))
        {
            return hash;
        }

        using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        Known[key] = hash;
        return hash;
    }
}
