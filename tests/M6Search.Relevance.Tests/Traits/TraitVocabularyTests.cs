using M6Search.Relevance.Tests.Fakes;
using M6Search.Relevance.Traits;

namespace M6Search.Relevance.Tests.Traits;

public sealed class TraitVocabularyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("bumpy coffee cup", "bumpy")]
    [InlineData("凹凸的咖啡杯", "bumpy")]
    [InlineData("Dimpled mug", "bumpy")]
    public void NamedIn_FindsTheTraitInEitherLanguage(string query, string expectedKey)
    {
        Assert.Contains(TestTraits.Vocabulary.NamedIn(query), t => t.Key == expectedKey);
    }

    [Fact]
    public void NamedIn_FindsNothing_WhenTheQueryNamesNoTrait()
    {
        Assert.Empty(TestTraits.Vocabulary.NamedIn("coffee cup"));
        Assert.Empty(TraitVocabulary.Empty.NamedIn("bumpy coffee cup"));
    }

    [Fact]
    public async Task FileSource_IsEmptyWithoutTheFile_AndReadsItOnceWritten()
    {
        string path = _folder.File("traits.json");
        var source = new TraitVocabularyFileSource(() => path);
        Assert.Empty(source.Current.All);

        await File.WriteAllTextAsync(path, """{"traits":[{"kind":"texture","key":"bumpy","en":["bumpy"],"zh":["凹凸"]}]}""");

        VisualTrait trait = Assert.Single(source.Current.All);
        Assert.Equal(("texture", "bumpy", "bumpy", "凹凸"), (trait.Kind, trait.Key, trait.English, trait.Chinese));
        Assert.Same(source.Current, source.Current);
    }

    [Fact]
    public async Task FileSource_NamesTheFileAndTrait_WhenATraitHasNoWords()
    {
        string path = _folder.File("traits.json");
        await File.WriteAllTextAsync(path, """{"traits":[{"kind":"color","key":"red","en":[],"zh":[]}]}""");

        var error = Assert.Throws<InvalidDataException>(() => new TraitVocabularyFileSource(() => path).Current);

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("trait 1", error.Message, StringComparison.Ordinal);
    }
}
