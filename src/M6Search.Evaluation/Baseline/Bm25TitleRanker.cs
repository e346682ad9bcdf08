using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Ranking;

namespace M6Search.Evaluation.Baseline;

/// <summary>
/// The title baseline (<c>m6 eval --modes title</c>), not a search the app offers: BM25 (k1 = 1.2, b = 0.75) over product titles in an in-memory Lucene.Net index. Every title is
/// indexed twice, once per language field: <c>title_en</c> through Lucene's EnglishAnalyzer (lower-casing, stop words,
/// possessives, Porter stemming) and <c>title_zh</c> through CJKAnalyzer (overlapping character bigrams, width
/// folding). A query searches the field of its own language with the same analyzer, so "cups" finds "cup" and
/// "咖啡杯" finds "陶瓷咖啡杯". Texts are NFKC-normalised first. Only words that are written can match: this is the
/// ranking that cannot find a product whose title leaves the trait out, and the one the model's modes are compared
/// with. (The app's own lexical channel is the stores' hashed sparse vectors, the <c>lexical</c> mode.)
/// </summary>
public sealed class Bm25TitleRanker : IQueryRanker, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string EnglishField = "title_en";
    private const string ChineseField = "title_zh";

    private readonly Analyzer _analyzer;
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly QueryBuilder _queryBuilder;
    private readonly string[] _idByDoc;

    public Bm25TitleRanker(IReadOnlyList<CorpusProduct> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        _analyzer = new PerFieldAnalyzerWrapper(
            new EnglishAnalyzer(Version),
            new Dictionary<string, Analyzer> { [ChineseField] = new CJKAnalyzer(Version) });
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (CorpusProduct product in products)
            {
                string title = Normalize(product.Title);
                writer.AddDocument(new Document
                {
                    new StringField(IdField, product.Id, Field.Store.YES),
                    new TextField(EnglishField, title, Field.Store.NO),
                    new TextField(ChineseField, title, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _queryBuilder = new QueryBuilder(_analyzer);

        // Stored ids read once: a deep ranking would otherwise load a stored document per hit.
        _idByDoc = new string[_reader.MaxDoc];
        for (int doc = 0; doc < _idByDoc.Length; doc++)
        {
            _idByDoc[doc] = _reader.Document(doc).Get(IdField);
        }
    }

    /// <summary>Products whose titles share analysed terms with the query, by BM25 score; equal scores in catalog order.</summary>
    /// <exception cref="NotSupportedException">The query's language is unknown, or neither English nor Chinese.</exception>
    public Task<IReadOnlyList<string>> RankAsync(RankingQuery query, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 0);
        cancellationToken.ThrowIfCancellationRequested();
        string field = FieldFor(query.Lang, query.Text);
        Query? lucene = _queryBuilder.CreateBooleanQuery(field, Normalize(query.Text));
        int count = Math.Min(depth, _reader.MaxDoc);
        if (lucene is null || count == 0)
        {
            // Nothing left after analysis (only stop words or punctuation): no title can match.
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        TopDocs top = _searcher.Search(lucene, count);
        return Task.FromResult<IReadOnlyList<string>>(top.ScoreDocs.Select(hit => _idByDoc[hit.Doc]).ToArray());
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private static string FieldFor(string? lang, string text)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            throw new NotSupportedException($"The query '{text}' has no language: the title baseline analyses en and zh and needs to know which.");
        }

        if (lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return ChineseField;
        }

        if (lang.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return EnglishField;
        }

        throw new NotSupportedException($"The query '{text}' has language '{lang}': the title baseline analyses en and zh only.");
    }

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC);
}
