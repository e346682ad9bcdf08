using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tests.Training.Data;
using M6Search.Encoder.Training;
using M6Search.Encoder.Training.Reporting;
using M6Search.Encoder.Training.Runs;

namespace M6Search.Encoder.Tests.Training.Runs;

[Collection(TorchStateCollection.Name)]
public sealed class TrainingRunTests
{
    [Fact]
    public async Task ARunFromAModelFile_WritesItsFiles_AndAResumeContinuesItToTheNewTotal()
    {
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 8);
        using var scratch = new TempDirectory();
        string initial = scratch.File("micro.m6model");
        using (var trainer = new ContrastiveTrainer(new MultimodalEncoder(TestConfigs.Micro, seed: 5), new TrainerOptions { WarmupSteps = 1, TotalSteps = 1 }, ownsModel: true))
        {
            trainer.ExportModel(initial);
        }

        var options = new TrainingRunOptions
        {
            DataDirectory = folder.Path,
            ModelPath = scratch.File(Path.Combine("out", "run.m6model")),
            InitFrom = initial,
            Steps = 2,
            BatchSize = 4,
            CheckpointEvery = 0,
            Device = DeviceChoice.Cpu,
            Command = "test run",
        };
        var observer = new RecordingObserver();

        TrainingRunResult first = await TrainingRun.RunAsync(options, observer);

        Assert.Equal(2, first.Steps);
        Assert.False(first.StoppedEarly);
        Assert.Equal([0L, 1L], observer.Steps);
        Assert.True(File.Exists(first.Files.Model));
        Assert.True(File.Exists(first.Files.Checkpoint));
        Assert.Contains("<svg", File.ReadAllText(first.Files.LossCurve), StringComparison.Ordinal);
        Assert.Equal([0L, 1L], MetricsCsv.ReadCurve(first.Files.Metrics).Select(row => row.Step));
        Assert.Contains(observer.Notes, note => note.StartsWith("initialised from micro.m6model", StringComparison.Ordinal));
        ModelFileHeader written = ModelFile.ReadHeader(first.Files.Model);
        Assert.Equal("test run", written.Provenance?.Command);
        Assert.Equal(2, written.Provenance?.Steps);

        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TrainingRun.RunAsync(options));
        Assert.Contains("A checkpoint already exists", refused.Message, StringComparison.Ordinal);

        TrainingRunResult resumed = await TrainingRun.RunAsync(options with { InitFrom = null, Resume = true, Steps = 3 });

        Assert.Equal(3, resumed.Steps);
        Assert.Equal(2, resumed.LastStep?.Step);
        Assert.Equal([0L, 1L, 2L], MetricsCsv.ReadCurve(resumed.Files.Metrics).Select(row => row.Step));
        Assert.Contains("initialised from micro.m6model", ModelFile.ReadHeader(resumed.Files.Model).Provenance?.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResume_FailsNamingTheCheckpoint_WhenThereIsNone()
    {
        using var scratch = new TempDirectory();
        var options = new TrainingRunOptions
        {
            DataDirectory = scratch.Path,
            ModelPath = scratch.File("none.m6model"),
            Resume = true,
            Device = DeviceChoice.Cpu,
        };

        FileNotFoundException missing = await Assert.ThrowsAsync<FileNotFoundException>(() => TrainingRun.RunAsync(options));

        Assert.Contains(scratch.File("none.m6model.ckpt"), missing.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingObserver : TrainingRunObserver
    {
        public List<string> Notes { get; } = [];

        public List<long> Steps { get; } = [];

        public override void Note(string message)
        {
            lock (Notes)
            {
                Notes.Add(message);
            }
        }

        public override void StepCompleted(TrainingStepMetrics metrics, long totalSteps) => Steps.Add(metrics.Step);
    }
}
