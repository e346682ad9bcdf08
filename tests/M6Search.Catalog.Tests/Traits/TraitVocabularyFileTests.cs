using M6Search.Catalog.Traits;

namespace M6Search.Catalog.Tests.Traits;

public sealed class TraitVocabularyFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "m6-traits-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task WriteThenRead_GivesTheSameTraits_InOrder()
    {
        string path = Path.Combine(_folder, "sub", TraitVocabularyFile.FileName);
        CatalogTrait[] traits =
        [
            new("texture", "bumpy", ["bumpy", "dimpled"], ["凹凸"]),
            new("color", "red", ["red"], []),
        ];

        await TraitVocabularyFile.WriteAsync(path, traits);
        IReadOnlyList<CatalogTrait> read = TraitVocabularyFile.Read(path);

        Assert.Equal(traits.Select(t => (t.Kind, t.Key, string.Join("|", t.En), string.Join("|", t.Zh))),
            read.Select(t => (t.Kind, t.Key, string.Join("|", t.En), string.Join("|", t.Zh))));
        Assert.Contains("凹凸", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"traits":[{"kind":"color","key":"red","en":[],"zh":[]}]}""", "trait 1 (color 'red')")]
    [InlineData("""{"traits":[{"kind":"color","en":["red"]}]}""", "\"kind\" and \"key\" are required")]
    [InlineData("""{"traits":[{"kind":"color","key":"red","en":["red"]},{"kind":"color","key":"red","zh":["红"]}]}""", "appears twice")]
    [InlineData("""{"colors":[]}""", "needs a \"traits\" array")]
    [InlineData("""[1, 2""", "not a trait vocabulary")]
    public async Task Read_NamesTheFileAndWhatIsWrong(string json, string expected)
    {
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, TraitVocabularyFile.FileName);
        await File.WriteAllTextAsync(path, json);

        var error = Assert.Throws<InvalidDataException>(() => TraitVocabularyFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
