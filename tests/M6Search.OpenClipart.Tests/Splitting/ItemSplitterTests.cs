using M6Search.OpenClipart.Cleaning;
using M6Search.OpenClipart.Splitting;
using static M6Search.OpenClipart.Tests.Support.Items;

namespace M6Search.OpenClipart.Tests.Splitting;

public class ItemSplitterTests
{
    [Fact]
    public void Split_KeepsAtMostTheCapOfANearDuplicateSeries()
    {
        var stars = Enumerable.Range(0, 10).Select(i => Item($"shapes/stars/star_{i:D2}", "Star", ["star"], series: "gramastar")).ToList();

        SplitResult result = new ItemSplitter(new SplitOptions { SeriesCap = 3 }).Split(stars, i => i.Id);

        Assert.Equal(3, result.Items.Values.Sum(s => s.Count));
        Assert.Equal(7, result.SeriesDropped);
    }

    [Fact]
    public void Split_PutsAWholeSeriesIntoOneSplit()
    {
        var items = Enumerable.Range(0, 40)
            .SelectMany(s => Enumerable.Range(0, 3).Select(i => Item($"series{s}/item{i}", "Thing", ["thing"], series: $"series{s}")))
            .ToList();

        SplitResult result = new ItemSplitter(new SplitOptions()).Split(items, i => i.Id);

        foreach (IGrouping<string, ClipartItem> series in items.GroupBy(i => i.SeriesKey))
        {
            var splits = result.Items.Where(p => p.Value.Any(i => i.SeriesKey == series.Key)).Select(p => p.Key).ToList();
            Assert.Single(splits);
        }
    }

    [Fact]
    public void Split_KeepsOneItemPerPicture_WithTheKeywordsAndFoldersOfItsCopies()
    {
        ClipartItem music = Item("recreation/music/treble_clef_01", "treble clef", ["music"], ["recreation", "music"]);
        ClipartItem signs = Item("signs_and_symbols/treble_clef_01", "treble clef", ["symbol"], ["signs and symbols"]);

        SplitResult result = new ItemSplitter(new SplitOptions()).Split([music, signs], _ => "same picture");

        ClipartItem kept = Assert.Single(result.Items.Values.SelectMany(s => s));
        Assert.Equal(music.Id, kept.Id);
        Assert.Equal(["music", "symbol"], kept.Keywords);
        Assert.Equal(["recreation", "music", "signs and symbols"], kept.Folders);
        Assert.Contains("symbol", kept.TaggedConcepts());
        Assert.Equal(1, result.DuplicatePictures);
    }

    [Fact]
    public void Split_IsTheSameForASeed_DiffersForAnother_AndFollowsTheFractions()
    {
        var items = Enumerable.Range(0, 2000).Select(i => Item($"things/item{i}", "Thing", ["thing"])).ToList();

        SplitResult one = new ItemSplitter(new SplitOptions { Seed = 1 }).Split(items, i => i.Id);
        SplitResult again = new ItemSplitter(new SplitOptions { Seed = 1 }).Split(items, i => i.Id);
        SplitResult other = new ItemSplitter(new SplitOptions { Seed = 2 }).Split(items, i => i.Id);

        Assert.Equal(one.Items[SplitName.Test].Select(i => i.Id), again.Items[SplitName.Test].Select(i => i.Id));
        Assert.NotEqual(one.Items[SplitName.Test].Select(i => i.Id), other.Items[SplitName.Test].Select(i => i.Id));
        Assert.InRange(one.Items[SplitName.Test].Count, 340, 460);
        Assert.InRange(one.Items[SplitName.Validation].Count, 150, 250);
        Assert.Equal(2000, one.Items.Values.Sum(s => s.Count));
    }

    [Theory]
    [InlineData(0.6, 0.4)]
    [InlineData(-0.1, 0.1)]
    [InlineData(1.0, 0.0)]
    public void Split_RefusesFractionsThatLeaveNothingToTrainOn(double test, double validation)
    {
        var splitter = new ItemSplitter(new SplitOptions { TestFraction = test, ValidationFraction = validation });

        Assert.Throws<ArgumentException>(() => splitter.Split([], i => i.Id));
    }
}
