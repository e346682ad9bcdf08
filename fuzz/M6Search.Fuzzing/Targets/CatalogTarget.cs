using M6Search.Catalog.Reading;

namespace M6Search.Fuzzing.Targets;

/// <summary>
/// <see cref="CatalogReader.ReadAsync(Stream, string, CatalogReadOptions?, CancellationToken)"/> in one format. The
/// reader's contract: it never throws for the bytes it reads (a bad row is a record with errors naming the file and
/// line); a valid product has an id and a title that are neither blank nor longer than the limits, and a finite,
/// non-negative price when it has one.
/// </summary>
public sealed class CatalogTarget : IFuzzTarget
{
    private readonly CatalogFormat _format;
    private readonly string _file;

    public CatalogTarget(string name, CatalogFormat format)
    {
        Name = name;
        _format = format;
        _file = format == CatalogFormat.Csv ? "fuzz.csv" : "fuzz.jsonl";
    }

    public string Name { get; }

    public void Run(byte[] input)
    {
        foreach (CatalogReadOptions options in ReaderLimits.Catalog(_format))
        {
            using var stream = new MemoryStream(input, writable: false);
            IAsyncEnumerator<CatalogRecord> records = CatalogReader.ReadAsync(stream, _file, options).GetAsyncEnumerator();
            try
            {
                while (Next(records))
                {
                    CatalogRecord record = records.Current;
                    IssueContract.Check(Name, _file, record.Line, record.IsValid, record.Issues);
                    if (record.Product is { } product)
                    {
                        CheckProduct(product, options, record.Line);
                    }
                }
            }
            finally
            {
                records.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private bool Next(IAsyncEnumerator<CatalogRecord> records)
    {
        try
        {
            return records.MoveNextAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            throw new ContractViolationException(Name, $"the reader threw {exception.GetType().Name} instead of reporting the row", exception);
        }
    }

    private void CheckProduct(M6Search.Catalog.Products.Product product, CatalogReadOptions options, int line)
    {
        bool ok = !string.IsNullOrWhiteSpace(product.Id) && product.Id.Length <= options.MaxIdLength
            && !string.IsNullOrWhiteSpace(product.Title) && product.Title.Length <= options.MaxTitleLength
            && (product.Price is null || (double.IsFinite(product.Price.Value) && product.Price.Value >= 0));
        if (!ok)
        {
            throw new ContractViolationException(Name, $"line {line}: product '{product.Id}' was accepted but breaks the field rules");
        }
    }
}
