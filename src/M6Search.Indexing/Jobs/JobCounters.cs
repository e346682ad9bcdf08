using System.Diagnostics;

namespace M6Search.Indexing.Jobs;

/// <summary>The live counters and stage clocks of a running job, updated from every stage thread.</summary>
internal sealed class JobCounters
{
    private long _read;
    private long _otherShard;
    private long _indexed;
    private long _encoded;
    private long _payloadOnly;
    private long _unchanged;
    private long _rejected;
    private long _deleted;
    private long _listedForDeletion;
    private long _loadExistingTicks;
    private long _readTicks;
    private long _imageReadTicks;
    private long _decodeTicks;
    private long _encodeTextTicks;
    private long _encodeImageTicks;
    private long _lexicalTicks;
    private long _upsertTicks;
    private long _deleteTicks;

    public void AddRead() => Interlocked.Increment(ref _read);

    public void AddOtherShard() => Interlocked.Increment(ref _otherShard);

    public void AddUnchanged() => Interlocked.Increment(ref _unchanged);

    public long AddRejected() => Interlocked.Increment(ref _rejected);

    public void AddListedForDeletion() => Interlocked.Increment(ref _listedForDeletion);

    public void AddIndexed(long indexed, long encoded, long payloadOnly)
    {
        Interlocked.Add(ref _indexed, indexed);
        Interlocked.Add(ref _encoded, encoded);
        Interlocked.Add(ref _payloadOnly, payloadOnly);
    }

    public void AddDeleted(long count) => Interlocked.Add(ref _deleted, count);

    public long Rejected => Interlocked.Read(ref _rejected);

    public void AddLoadExisting(long ticks) => Interlocked.Add(ref _loadExistingTicks, ticks);

    public void AddRead(long ticks) => Interlocked.Add(ref _readTicks, ticks);

    public void AddImageRead(long ticks) => Interlocked.Add(ref _imageReadTicks, ticks);

    public void AddDecode(long ticks) => Interlocked.Add(ref _decodeTicks, ticks);

    public void AddEncodeText(long ticks) => Interlocked.Add(ref _encodeTextTicks, ticks);

    public void AddEncodeImage(long ticks) => Interlocked.Add(ref _encodeImageTicks, ticks);

    public void AddLexical(long ticks) => Interlocked.Add(ref _lexicalTicks, ticks);

    public void AddUpsert(long ticks) => Interlocked.Add(ref _upsertTicks, ticks);

    public void AddDelete(long ticks) => Interlocked.Add(ref _deleteTicks, ticks);

    public IndexCounts Snapshot() => new()
    {
        Read = Interlocked.Read(ref _read),
        OtherShard = Interlocked.Read(ref _otherShard),
        Indexed = Interlocked.Read(ref _indexed),
        Encoded = Interlocked.Read(ref _encoded),
        PayloadOnly = Interlocked.Read(ref _payloadOnly),
        Unchanged = Interlocked.Read(ref _unchanged),
        Rejected = Interlocked.Read(ref _rejected),
        Deleted = Interlocked.Read(ref _deleted),
        ListedForDeletion = Interlocked.Read(ref _listedForDeletion),
    };

    public StageTimes Times() => new()
    {
        LoadExisting = Seconds(ref _loadExistingTicks),
        Read = Seconds(ref _readTicks),
        ImageRead = Seconds(ref _imageReadTicks),
        Decode = Seconds(ref _decodeTicks),
        EncodeText = Seconds(ref _encodeTextTicks),
        EncodeImage = Seconds(ref _encodeImageTicks),
        Lexical = Seconds(ref _lexicalTicks),
        Upsert = Seconds(ref _upsertTicks),
        Delete = Seconds(ref _deleteTicks),
    };

    private static double Seconds(ref long ticks) => Math.Round((double)Interlocked.Read(ref ticks) / Stopwatch.Frequency, 3);
}
