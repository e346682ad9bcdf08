using System.Text.Json;
using M6Search.Catalog.Products;
using M6Search.Catalog.Queries;
using M6Search.Catalog.Serialization;

namespace M6Search.Evaluation.Input;

/// <summary>
/// Reads the catalog and the labeled queries an evaluation needs. Both are JSON Lines read whole; everything goes
/// through <see cref="ReadJsonLines{T}"/> so that a streaming catalog reader can replace it in one place.
/// </summary>
public static class EvaluationInput
{
    /// <summary>Reads every product; ids must be present and unique, titles present.</summary>
    /// <exception cref="EvaluationInputException">The file is missing, a line is not a product, or an id repeats.</exception>
    public static IReadOnlyList<Product> ReadProducts(string path)
    {
        var products = new List<Product>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((int line, Product product) in ReadJsonLines<Product>(path))
        {
            if (string.IsNullOrWhiteSpace(product.Id))
            {
                throw new EvaluationInputException(path, line, "field 'id' is missing or empty.");
            }

            if (product.Title is null)
            {
                throw new EvaluationInputException(path, line, $"product '{product.Id}': field 'title' is missing.");
            }

            if (!seen.TryAdd(product.Id, line))
            {
                throw new EvaluationInputException(path, line, $"product id '{product.Id}' already appeared on line {seen[product.Id]}.");
            }

            products.Add(product);
        }

        return products;
    }

    /// <summary>Reads every labeled query; ids must be unique, text and language present, grades not negative.</summary>
    /// <exception cref="EvaluationInputException">The file is missing, a line is not a query, or a field is invalid.</exception>
    public static IReadOnlyList<LabeledQuery> ReadQueries(string path)
    {
        var queries = new List<LabeledQuery>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((int line, LabeledQuery query) in ReadJsonLines<LabeledQuery>(path))
        {
            if (string.IsNullOrWhiteSpace(query.Id))
            {
                throw new EvaluationInputException(path, line, "field 'id' is missing or empty.");
            }

            if (string.IsNullOrWhiteSpace(query.Text))
            {
                throw new EvaluationInputException(path, line, $"query '{query.Id}': field 'text' is missing or empty.");
            }

            if (string.IsNullOrWhiteSpace(query.Lang))
            {
                throw new EvaluationInputException(path, line, $"query '{query.Id}': field 'lang' is missing or empty.");
            }

            if (query.Relevance is null)
            {
                throw new EvaluationInputException(path, line, $"query '{query.Id}': field 'relevance' is missing.");
            }

            foreach ((string productId, int grade) in query.Relevance)
            {
                if (grade < 0)
                {
                    throw new EvaluationInputException(
                        path, line, $"query '{query.Id}': field 'relevance' gives product '{productId}' the negative grade {grade}.");
                }
            }

            if (!seen.TryAdd(query.Id, line))
            {
                throw new EvaluationInputException(path, line, $"query id '{query.Id}' already appeared on line {seen[query.Id]}.");
            }

            // A JSON null for traits arrives as null despite the non-nullable type: read it as "no traits".
            queries.Add(query.Traits is null ? query with { Traits = [] } : query);
        }

        return queries;
    }

    /// <summary>One value per non-blank line, with its 1-based line number.</summary>
    /// <exception cref="EvaluationInputException">The file is missing or a line does not deserialize.</exception>
    public static IEnumerable<(int Line, T Value)> ReadJsonLines<T>(string path)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new EvaluationInputException(path, 0, "file not found.");
        }

        return Read(path);

        static IEnumerable<(int, T)> Read(string path)
        {
            int line = 0;
            foreach (string text in File.ReadLines(path))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                T? value;
                try
                {
                    value = JsonSerializer.Deserialize<T>(text, CatalogJson.Options);
                }
                catch (JsonException ex)
                {
                    throw new EvaluationInputException(path, line, $"not a valid {typeof(T).Name}: {ex.Message}", ex);
                }

                if (value is null)
                {
                    throw new EvaluationInputException(path, line, $"expected a {typeof(T).Name} object, found null.");
                }

                yield return (line, value);
            }
        }
    }
}
