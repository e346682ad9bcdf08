using System.Diagnostics;
using System.Globalization;
using M6Search.Synth.Generation;

namespace M6Search.Indexer.Commands;

/// <summary>A progress line on stderr at most every two seconds (called from rendering threads).</summary>
internal sealed class ConsoleSynthProgress : IProgress<SynthProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan _lastLine = TimeSpan.FromSeconds(-10);
    private SynthStage _lastStage = SynthStage.Done;

    public void Report(SynthProgress value)
    {
        lock (_gate)
        {
            TimeSpan now = _clock.Elapsed;
            bool stageChanged = value.Stage != _lastStage;
            if (!stageChanged && now - _lastLine < TimeSpan.FromSeconds(2) && value.Done != value.Total)
            {
                return;
            }

            _lastStage = value.Stage;
            _lastLine = now;
            string line = value.Stage switch
            {
                SynthStage.Planning => "planning products, titles, pairs and queries",
                SynthStage.Rendering => string.Create(CultureInfo.InvariantCulture, $"rendering {value.Done}/{value.Total} images ({100.0 * value.Done / Math.Max(1, value.Total):F0} %)"),
                SynthStage.Writing => "writing catalog.jsonl, pairs.jsonl, queries.jsonl",
                _ => "done",
            };
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{now.TotalSeconds,6:F1}s] {line}"));
        }
    }
}
