using M6Search.Encoder.Training;

namespace M6Search.Encoder.Tests.Training;

public sealed class WarmupCosineScheduleTests
{
    private readonly WarmupCosineSchedule _schedule = new(peak: 1e-3, warmupSteps: 10, totalSteps: 110, minimum: 1e-5);

    [Theory]
    [InlineData(0, 1e-4)]        // first warm-up step: peak / warmup
    [InlineData(4, 5e-4)]
    [InlineData(9, 1e-3)]        // last warm-up step reaches the peak
    [InlineData(10, 1e-3)]       // cosine starts at the peak
    [InlineData(60, 5.05e-4)]    // half way: (peak + min) / 2
    [InlineData(110, 1e-5)]      // the end: the minimum
    [InlineData(500, 1e-5)]      // and it stays there
    public void LearningRateAt_FollowsWarmupThenCosine(long step, double expected)
    {
        Assert.Equal(expected, _schedule.LearningRateAt(step), 12);
    }

    [Fact]
    public void LearningRate_DecreasesMonotonically_AfterWarmup()
    {
        double[] rates = Enumerable.Range(10, 101).Select(s => _schedule.LearningRateAt(s)).ToArray();

        Assert.All(rates.Zip(rates.Skip(1)), pair => Assert.True(pair.Second <= pair.First));
    }

    [Fact]
    public void Constructor_RejectsAMinimumAboveThePeak()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupCosineSchedule(1e-4, 10, 100, 1e-3));
    }
}
