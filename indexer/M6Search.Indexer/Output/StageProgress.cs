using M6Search.Evaluation.Corpus;

namespace M6Search.Indexer.Output;

/// <summary>Reports embedding progress on standard error, one line per stage each tenth of the way.</summary>
public sealed class StageProgress : IProgress<EmbeddingProgress>
{
    private readonly TextWriter _writer;
    private string? _stage;
    private int _lastTenth = -1;

    public StageProgress(TextWriter writer)
    {
        _writer = writer;
    }

    public void Report(EmbeddingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Stage != _stage)
        {
            _stage = value.Stage;
            _lastTenth = -1;
        }

        int tenth = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            _writer.WriteLine($"embedding {value.Stage}: {value.Done}/{value.Total}");
        }
    }
}
