using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Tests.Vocabulary;

public class VocabularyDocumentationTests
{
    [Fact]
    public void SyntheticCatalogDoc_ListsEveryKeyAndWordOfTheVocabulary()
    {
        string doc = File.ReadAllText(FindDoc());
        var expected = new List<string>();
        foreach (CategoryInfo category in SynthVocabulary.Categories)
        {
            expected.Add($"`{category.Key}`");
            expected.AddRange(category.Nouns.En.Concat(category.Nouns.Zh).Concat(category.QueryNouns.En).Concat(category.QueryNouns.Zh));
            foreach (ShapeInfo shape in category.Shapes)
            {
                expected.Add($"`{shape.Key}`");
                expected.AddRange(shape.Words.En.Concat(shape.Words.Zh));
            }
        }

        foreach (var words in SynthVocabulary.Colors.Select(c => (c.Key, c.Words))
            .Concat(SynthVocabulary.Textures.Select(t => (t.Key, t.Words)))
            .Concat(SynthVocabulary.Materials.Select(m => (m.Key, m.Words))))
        {
            expected.Add($"`{words.Key}`");
            expected.AddRange(words.Words.En.Concat(words.Words.Zh));
        }

        var missing = expected.Where(w => !doc.Contains(w, StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, "docs/synthetic-catalog.md lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void SyntheticCatalogDoc_ListsEveryHeldOutWord()
    {
        string doc = File.ReadAllText(FindDoc());

        var missing = HeldOutWording.All().Select(w => w.Word.Text).Where(w => !doc.Contains(w, StringComparison.Ordinal)).ToArray();

        Assert.True(missing.Length == 0, "docs/synthetic-catalog.md lacks the held-out words: " + string.Join(", ", missing));
    }

    private static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "docs", "synthetic-catalog.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/synthetic-catalog.md not found above " + AppContext.BaseDirectory);
    }
}
