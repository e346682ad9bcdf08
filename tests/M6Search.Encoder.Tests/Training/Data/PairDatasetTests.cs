using M6Search.Encoder.Training.Data;
using M6Search.Imaging;
using SkiaSharp;

namespace M6Search.Encoder.Tests.Training.Data;

public sealed class PairDatasetTests
{
    [Fact]
    public async Task LoadAsync_PairsEveryImageWithItsDescriptionsAndTitle()
    {
        using var folder = TrainingFolder.Create(products: 3);

        var dataset = await PairDataset.LoadAsync(folder.Path, 16, new ImageLoader());

        Assert.Equal(["p0", "p1", "p2"], dataset.ProductIds);
        Assert.Equal(["title 1", "description 1"], dataset.Texts(1));
        Assert.Equal(6, dataset.PairCount);
        Assert.Equal(3 * 16 * 16, dataset.Image(0).Length);
        Assert.Empty(dataset.Rejected);
    }

    [Fact]
    public async Task LoadAsync_RejectsACorruptImage_NamingTheProduct_AndKeepsTheRest()
    {
        using var folder = TrainingFolder.Create(products: 3);
        File.WriteAllBytes(System.IO.Path.Combine(folder.Path, "images", "p1.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);

        var dataset = await PairDataset.LoadAsync(folder.Path, 16, new ImageLoader());

        Assert.Equal(["p0", "p2"], dataset.ProductIds);
        var rejection = Assert.Single(dataset.Rejected);
        Assert.Equal("p1", rejection.ProductId);
        Assert.Contains("p1.png", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_WithoutTitles_UsesOnlyThePairDescriptions()
    {
        using var folder = TrainingFolder.Create(products: 2);

        var dataset = await PairDataset.LoadAsync(folder.Path, 16, new ImageLoader(), includeTitles: false);

        Assert.Equal(["description 0"], dataset.Texts(0));
    }

    [Fact]
    public async Task Field_ReadsTheCatalogRowsCategoryMerchantAndScalarAttributes_AndTheProductsOwnFieldsWin()
    {
        using var folder = TrainingFolder.Create(products: 2, i => i == 0
            ? """
              "category":"cup","merchant":"m01","attributes":{"color":"red","size":12,"glazed":true,"tags":["a"],"category":"bowl"}
              """
            : "\"attributes\":{\"color\":null}");

        var dataset = await PairDataset.LoadAsync(folder.Path, 8, new ImageLoader());

        Assert.Equal("cup", dataset.Field(0, "category"));
        Assert.Equal("m01", dataset.Field(0, "merchant"));
        Assert.Equal("en", dataset.Field(0, "lang"));
        Assert.Equal("red", dataset.Field(0, "color"));
        Assert.Equal("12", dataset.Field(0, "size"));
        Assert.Equal("true", dataset.Field(0, "glazed"));
        Assert.Null(dataset.Field(0, "tags")); // arrays and objects are not grouping values
        Assert.Null(dataset.Field(1, "category"));
        Assert.Null(dataset.Field(1, "color"));
    }

    [Fact]
    public async Task LoadAsync_FailsClearly_WhenTheFolderHasNoData()
    {
        using var empty = new TempDirectory();

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => PairDataset.LoadAsync(empty.Path, 16, new ImageLoader()));
        Assert.Contains(empty.Path, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A folder with catalog.jsonl, pairs.jsonl and one solid-colour PNG per product.</summary>
    internal sealed class TrainingFolder : IDisposable
    {
        private readonly TempDirectory _directory = new();

        public string Path => _directory.Path;

        /// <param name="extraFields">Extra JSON members of product i's catalog row (e.g. a category and attributes).</param>
        public static TrainingFolder Create(int products, Func<int, string>? extraFields = null)
        {
            var folder = new TrainingFolder();
            Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "images"));
            var catalog = new List<string>();
            var pairs = new List<string>();
            for (int i = 0; i < products; i++)
            {
                using (var bitmap = new SKBitmap(24, 24))
                {
                    bitmap.Erase(new SKColor((byte)(40 * i), 100, 200));
                    using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                    File.WriteAllBytes(System.IO.Path.Combine(folder.Path, "images", $"p{i}.png"), data.ToArray());
                }

                string extra = extraFields is null ? "" : "," + extraFields(i);
                catalog.Add($$"""{"id":"p{{i}}","title":"title {{i}}","image":"images/p{{i}}.png","lang":"en"{{extra}}}""");
                pairs.Add($$"""{"productId":"p{{i}}","image":"images/p{{i}}.png","text":"description {{i}}","lang":"en"}""");
            }

            File.WriteAllLines(System.IO.Path.Combine(folder.Path, "catalog.jsonl"), catalog);
            File.WriteAllLines(System.IO.Path.Combine(folder.Path, "pairs.jsonl"), pairs);
            return folder;
        }

        public void Dispose() => _directory.Dispose();
    }
}
