using M6Search.Catalog.Reading;

namespace M6Search.Fuzzing.Targets;

/// <summary>
/// A JSON Lines reader of the evaluation and training files (queries.jsonl, pairs.jsonl). Like the catalog reader it
/// never throws for the bytes it reads: every bad line is a record whose errors name the file and line.
/// </summary>
/// <typeparam name="T">What a valid line holds.</typeparam>
public sealed class JsonLinesTarget<T> : IFuzzTarget
    where T : class
{
    private const string File = "fuzz.jsonl";
    private readonly Func<Stream, string, JsonLinesReadOptions, IAsyncEnumerable<JsonLinesRecord<T>>> _read;

    public JsonLinesTarget(string name, Func<Stream, string, JsonLinesReadOptions, IAsyncEnumerable<JsonLinesRecord<T>>> read)
    {
        Name = name;
        _read = read;
    }

    public string Name { get; }

    public void Run(byte[] input)
    {
        foreach (JsonLinesReadOptions options in ReaderLimits.JsonLines)
        {
            using var stream = new MemoryStream(input, writable: false);
            IAsyncEnumerator<JsonLinesRecord<T>> records = _read(stream, File, options).GetAsyncEnumerator();
            try
            {
                while (Next(records))
                {
                    JsonLinesRecord<T> record = records.Current;
                    IssueContract.Check(Name, File, record.Line, record.IsValid, record.Issues);
                }
            }
            finally
            {
                records.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private bool Next(IAsyncEnumerator<JsonLinesRecord<T>> records)
    {
        try
        {
            return records.MoveNextAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            throw new ContractViolationException(Name, $"the reader threw {exception.GetType().Name} instead of reporting the line", exception);
        }
    }
}
