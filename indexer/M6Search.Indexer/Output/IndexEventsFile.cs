using System.Text.Json;
using M6Search.Indexing;
using M6Search.Indexing.Jobs;

namespace M6Search.Indexer.Output;

/// <summary>
/// <c>--events FILE</c>: one JSON object per line, flushed as written: <c>{"type":"progress","progress":{...}}</c> for
/// each progress event and a last <c>{"type":"report","report":{...}}</c> (see docs/indexing.md).
/// </summary>
public sealed class IndexEventsFile : IDisposable
{
    private readonly StreamWriter _writer;

    public IndexEventsFile(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { AutoFlush = true };
    }

    public void Write(IndexProgress progress) =>
        _writer.WriteLine(JsonSerializer.Serialize(new { type = "progress", progress }, IndexingJson.Options));

    public void Write(IndexJobReport report) =>
        _writer.WriteLine(JsonSerializer.Serialize(new { type = "report", report }, IndexingJson.Options));

    public void Dispose() => _writer.Dispose();
}
