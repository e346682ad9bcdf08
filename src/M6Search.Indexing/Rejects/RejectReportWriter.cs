using System.Text.Json;

namespace M6Search.Indexing.Rejects;

/// <summary>Writes the error report, one JSON object per line; safe to call from several threads.</summary>
internal sealed class RejectReportWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    public RejectReportWriter(string path)
    {
        Path = path;
        _writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
    }

    public string Path { get; }

    public void Write(IndexReject reject)
    {
        string json = JsonSerializer.Serialize(reject, IndexingJson.Options);
        lock (_lock)
        {
            _writer.WriteLine(json);
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
        }
    }
}
