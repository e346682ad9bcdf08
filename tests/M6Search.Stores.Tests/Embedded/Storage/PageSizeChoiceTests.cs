using M6Search.Stores.Embedded.Storage;

namespace M6Search.Stores.Tests.Embedded.Storage;

public sealed class PageSizeChoiceTests
{
    [Theory]
    [InlineData(new[] { 8, 8 }, 4096)]
    [InlineData(new[] { 256, 256 }, 32768)]
    [InlineData(new[] { 512, 512 }, 16384)]
    [InlineData(new[] { 768 }, 4096)]
    public void For_PicksTheSmallestPageThatWastesLittle(int[] dimensions, int expected)
    {
        Assert.Equal(expected, PageSizeChoice.For(dimensions));
    }

    [Fact]
    public void For_NeverPicksAPageSizeWastingMoreThanTheDefault()
    {
        for (int dimension = 1; dimension <= 4096; dimension *= 2)
        {
            int rowBytes = (2 * dimension * sizeof(float)) + PageSizeChoice.EstimatedRowBytesBesidesVectors;
            int chosen = PageSizeChoice.For([dimension, dimension]);

            Assert.True(PageSizeChoice.BytesPerRow(chosen, rowBytes) <= PageSizeChoice.BytesPerRow(4096, rowBytes), $"dimension {dimension}");
        }
    }
}
