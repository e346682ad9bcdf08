using System.Text;
using System.Text.Json;
using M6Search.Catalog.Products;
using M6Search.Catalog.Queries;
using M6Search.Catalog.Serialization;
using M6Search.Catalog.Traits;
using M6Search.Synth.Generation;
using M6Search.Synth.Tests.Support;
using M6Search.Synth.Vocabulary;
using SkiaSharp;

namespace M6Search.Synth.Tests.Generation;

public class SyntheticCatalogGeneratorTests
{
    [Fact]
    public async Task Generate_WritesByteIdenticalFilesAndImages_ForTheSameSeed_WhateverTheThreadCount()
    {
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        await SyntheticCatalogGenerator.GenerateAsync(one.Path, new SynthOptions { Products = 40, Seed = 9, MaxDegreeOfParallelism = 1 });
        await SyntheticCatalogGenerator.GenerateAsync(two.Path, new SynthOptions { Products = 40, Seed = 9, MaxDegreeOfParallelism = 4 });

        var files = Directory.GetFiles(one.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(one.Path, f)).Order().ToArray();
        Assert.Equal(4 + 40, files.Length); // catalog, pairs, queries, traits and the images
        Assert.Equal(files, Directory.GetFiles(two.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(two.Path, f)).Order().ToArray());
        foreach (string file in files)
        {
            Assert.True(File.ReadAllBytes(one.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(two.File(file))), $"{file} differs");
        }
    }

    [Fact]
    public async Task Generate_WritesADifferentCatalog_ForAnotherSeed()
    {
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        await SyntheticCatalogGenerator.GenerateAsync(one.Path, new SynthOptions { Products = 40, Seed = 9 });
        await SyntheticCatalogGenerator.GenerateAsync(two.Path, new SynthOptions { Products = 40, Seed = 10 });

        Assert.NotEqual(File.ReadAllText(one.File(SynthFiles.Catalog)), File.ReadAllText(two.File(SynthFiles.Catalog)));
        Assert.NotEqual(File.ReadAllText(one.File(SynthFiles.Pairs)), File.ReadAllText(two.File(SynthFiles.Pairs)));
        int sameImages = Enumerable.Range(0, 40).Count(i =>
            File.ReadAllBytes(one.File($"images/p{i:D6}.jpg")).AsSpan().SequenceEqual(File.ReadAllBytes(two.File($"images/p{i:D6}.jpg"))));
        Assert.Equal(0, sameImages);
    }

    [Fact]
    public async Task Files_AreJsonLinesOfTheCatalogTypes_WithAJpegForEveryProduct()
    {
        using var dir = new TempDirectory();
        SynthResult result = await SyntheticCatalogGenerator.GenerateAsync(dir.Path, new SynthOptions { Products = 60, Seed = 4, ImageSize = 96, Queries = 5, MinRelevantPerQuery = 1 });

        var products = ReadLines<Product>(dir.File(SynthFiles.Catalog));
        var pairs = ReadLines<TrainingPair>(dir.File(SynthFiles.Pairs));
        var queries = ReadLines<LabeledQuery>(dir.File(SynthFiles.Queries));
        Assert.Equal(60, products.Count);
        Assert.Equal(120, pairs.Count);
        Assert.Equal(result.Queries, queries.Count);
        Assert.InRange(queries.Count, 1, 5);
        Assert.Equal(60, result.ImagesWritten);

        foreach (Product product in products)
        {
            Assert.Equal($"images/{product.Id}.jpg", product.Image);
            Assert.Equal(product.Category, (string?)product.Attributes![AttributeKeys.Category]);
            Assert.Equal(
                ["category", "shape", "color", "texture", "material"],
                product.Attributes.Select(a => a.Key).ToArray());
            Assert.Contains(product.Lang, Languages.All);
            Assert.Null(product.Extra);
            byte[] jpeg = File.ReadAllBytes(dir.File(product.Image!));
            Assert.Equal(new byte[] { 0xFF, 0xD8 }, jpeg[..2]);
            using var image = SKBitmap.Decode(jpeg);
            Assert.Equal(96, image.Width);
            Assert.Equal(96, image.Height);
        }
    }

    [Fact]
    public async Task Generate_WritesTheTraitVocabulary_WhoseKindsAreTheProductAttributes()
    {
        using var dir = new TempDirectory();
        await SyntheticCatalogGenerator.GenerateAsync(dir.Path, new SynthOptions { Products = 30, Seed = 2, WriteImages = false });

        IReadOnlyList<CatalogTrait> traits = TraitVocabularyFile.Read(dir.File(SynthFiles.Traits));

        Assert.Equal(SynthVocabulary.Colors.Count + SynthVocabulary.Textures.Count + SynthVocabulary.Materials.Count, traits.Count);
        Assert.Contains(traits, t => (t.Kind, t.Key, t.En[0], t.Zh[0]) == ("texture", "bumpy", "bumpy", "凹凸"));
        foreach (Product product in ReadLines<Product>(dir.File(SynthFiles.Catalog)))
        {
            foreach (string kind in new[] { AttributeKeys.Color, AttributeKeys.Texture, AttributeKeys.Material })
            {
                string key = (string)product.Attributes![kind]!;
                Assert.Contains(traits, t => t.Kind == kind && t.Key == key);
            }
        }
    }

    [Fact]
    public async Task Files_AreUtf8WithoutBom_WithOneRecordPerNewlineTerminatedLine()
    {
        using var dir = new TempDirectory();
        await SyntheticCatalogGenerator.GenerateAsync(dir.Path, new SynthOptions { Products = 30, Seed = 2, WriteImages = false });
        foreach (string name in new[] { SynthFiles.Catalog, SynthFiles.Pairs, SynthFiles.Queries })
        {
            byte[] bytes = File.ReadAllBytes(dir.File(name));
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{name} starts with a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
            string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            if (text.Length > 0)
            {
                Assert.EndsWith("\n", text, StringComparison.Ordinal);
            }
        }

        string catalog = File.ReadAllText(dir.File(SynthFiles.Catalog));
        Assert.Contains("\"lang\":\"zh\"", catalog, StringComparison.Ordinal);
        Assert.True(Words.HasCjk(catalog), "Chinese is written as characters, not \\u escapes");
        Assert.False(Directory.Exists(dir.File(SynthFiles.ImagesFolder)));
    }

    [Fact]
    public async Task QueryRelevance_InTheFiles_MatchesGradesRecomputedFromProductAttributes()
    {
        using var dir = new TempDirectory();
        await SyntheticCatalogGenerator.GenerateAsync(dir.Path, new SynthOptions { Products = 800, Seed = 21, WriteImages = false });
        var products = ReadLines<Product>(dir.File(SynthFiles.Catalog));
        var queries = ReadLines<LabeledQuery>(dir.File(SynthFiles.Queries));
        Assert.Equal(160, queries.Count);

        foreach (LabeledQuery query in queries)
        {
            var (category, traits) = QueryTextParser.Parse(query.Text, query.Lang);
            var expected = new Dictionary<string, int>();
            foreach (Product product in products)
            {
                if ((string?)product.Attributes![AttributeKeys.Category] != category)
                {
                    continue;
                }

                int matches = traits.Count(t => (string?)product.Attributes[AttributeKeys.For(t.Key)] == t.Value);
                if (matches > 0)
                {
                    expected[product.Id] = matches == traits.Count ? 2 : 1;
                }
            }

            Assert.Equal(expected, query.Relevance.ToDictionary(r => r.Key, r => r.Value));
            Assert.NotEmpty(query.Traits);
        }
    }

    [Fact]
    public async Task Generate_RejectsAnOutOfRangeOmitRate_NamingTheOption()
    {
        using var dir = new TempDirectory();
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            SyntheticCatalogGenerator.GenerateAsync(dir.Path, new SynthOptions { Products = 5, OmitRate = 1.5 }));
        Assert.Contains("--omit-rate", error.Message, StringComparison.Ordinal);
    }

    private static List<T> ReadLines<T>(string path)
    {
        var records = new List<T>();
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            T? record = JsonSerializer.Deserialize<T>(text, CatalogJson.Options);
            Assert.True(record is not null, $"{path}:{line} is not a {typeof(T).Name}");
            records.Add(record!);
        }

        return records;
    }
}
