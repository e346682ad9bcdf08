using System.Text.Json;

namespace M6Search.Indexing.State;

/// <summary>Reads and atomically replaces <c>state.json</c> (write a temporary file, flush it to disk, rename over).</summary>
internal sealed class JobStateFile
{
    public JobStateFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>The state left by the last run, or null when there is none or it cannot be read (it is only advisory).</summary>
    public IndexJobState? TryRead()
    {
        try
        {
            if (!File.Exists(Path))
            {
                return null;
            }

            return JsonSerializer.Deserialize<IndexJobState>(File.ReadAllBytes(Path), IndexingJson.Options);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void Write(IndexJobState state)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(state, IndexingJson.Indented);
        WriteAtomic(Path, json);
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> so that a crash leaves the old or the new file, never a mix.</summary>
    public static void WriteAtomic(string path, byte[] bytes)
    {
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
