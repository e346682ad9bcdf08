using System.CommandLine;
using M6Search.Indexing.Stores;

namespace M6Search.Indexer.Commands;

/// <summary>The <c>--store</c> and <c>--collection</c> options of the commands that open a vector store.</summary>
public static class StoreOptions
{
    public static Option<StoreSpec> Store() => new("--store")
    {
        Description = "Where the vectors are: embedded:DIR (a local folder) or qdrant:URL (API key from M6__Qdrant__ApiKey).",
        Required = true,
        CustomParser = result =>
        {
            try
            {
                return StoreSpec.Parse(result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value);
            }
            catch (FormatException exception)
            {
                result.AddError(exception.Message);
                return null;
            }
        },
    };

    public static Option<string> Collection() => new("--collection")
    {
        Description = "The collection name.",
        DefaultValueFactory = _ => StoreSpec.DefaultCollection,
    };
}
