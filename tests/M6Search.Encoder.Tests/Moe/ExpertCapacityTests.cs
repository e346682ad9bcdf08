using M6Search.Encoder.Moe;

namespace M6Search.Encoder.Tests.Moe;

public sealed class ExpertCapacityTests
{
    [Theory]
    [InlineData(16, 8, 1.25, 0, 3)]   // 16 / 8 x 1.25 = 2.5 -> 3
    [InlineData(64, 8, 2.0, 0, 16)]
    [InlineData(10, 4, 1.2, 0, 3)]    // exactly 3 despite floating point
    [InlineData(5, 8, 2.0, 4, 4)]     // the floor keeps a short query whole
    [InlineData(3, 8, 2.0, 4, 3)]     // never above the token count
    [InlineData(0, 8, 2.0, 4, 0)]
    public void Compute_IsCeilOfTokensPerExpertTimesFactor_WithFloorAndCeiling(long tokens, int experts, double factor, int minimum, long expected)
    {
        Assert.Equal(expected, ExpertCapacity.Compute(tokens, experts, factor, minimum));
    }
}
