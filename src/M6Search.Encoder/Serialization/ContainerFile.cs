using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace M6Search.Encoder.Serialization;

/// <summary>
/// The container behind model and checkpoint files: an uncompressed zip (inspectable with <c>unzip -l</c>) of a JSON
/// header and binary entries whose SHA-256 the header records, written to a temporary file beside the target and moved
/// into place, so a crash never leaves a half-written file under the real name.
/// </summary>
internal static class ContainerFile
{
    /// <summary>JSON options for headers (camelCase, indented, enums as strings).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the entries (name, bytes) atomically to <paramref name="path"/>.</summary>
    public static void WriteAtomic(string path, IReadOnlyList<(string Name, byte[] Content)> entries)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach ((string name, byte[] content) in entries)
                    {
                        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                        using Stream output = entry.Open();
                        output.Write(content);
                    }
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads every entry of the container into memory.</summary>
    /// <exception cref="ModelFileException">The file is missing or not a readable container.</exception>
    public static Dictionary<string, byte[]> ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "the file does not exist.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                using Stream input = entry.Open();
                using var buffer = new MemoryStream(checked((int)entry.Length));
                input.CopyTo(buffer);
                entries[entry.FullName] = buffer.ToArray();
            }

            return entries;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or OverflowException)
        {
            throw new ModelFileException(path, $"not a readable model container (truncated or corrupt): {e.Message}", e);
        }
    }

    /// <summary>One entry, or a clear error naming it.</summary>
    public static byte[] Entry(IReadOnlyDictionary<string, byte[]> entries, string name, string path) =>
        entries.TryGetValue(name, out byte[]? content)
            ? content
            : throw new ModelFileException(path, $"the entry '{name}' is missing (truncated or not this kind of file).");

    /// <summary>Parses a JSON header entry.</summary>
    public static T ParseHeader<T>(byte[] content, string entryName, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(content, Json)
                ?? throw new ModelFileException(path, $"'{entryName}' is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelFileException(path, $"'{entryName}' is not a valid header: {e.Message}", e);
        }
    }

    /// <summary>Checks an entry against the SHA-256 its header recorded.</summary>
    public static void VerifySha256(byte[] content, string expectedHex, string entryName, string path)
    {
        string actual = Sha256(content);
        if (!string.Equals(actual, expectedHex, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelFileException(
                path, $"'{entryName}' is corrupt: its SHA-256 is {actual}, the header says {expectedHex}.");
        }
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
