using System.Collections.Concurrent;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>Reader sessions kept open between operations; one per concurrent reader at most.</summary>
internal sealed class ReadSessionPool : IDisposable
{
    private readonly string _path;
    private readonly StoredSchema _schema;
    private readonly long _memoryMapBytes;
    private readonly ConcurrentBag<ReadSession> _idle = [];

    public ReadSessionPool(string path, StoredSchema schema, long memoryMapBytes)
    {
        _path = path;
        _schema = schema;
        _memoryMapBytes = memoryMapBytes;
    }

    public ReadSession Rent() => _idle.TryTake(out ReadSession? session) ? session : new ReadSession(_path, _schema, _memoryMapBytes);

    public void Return(ReadSession session) => _idle.Add(session);

    public void Dispose()
    {
        while (_idle.TryTake(out ReadSession? session))
        {
            session.Dispose();
        }
    }
}
