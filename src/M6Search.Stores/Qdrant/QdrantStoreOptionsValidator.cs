using Microsoft.Extensions.Options;

namespace M6Search.Stores.Qdrant;

/// <summary>Reports every invalid "M6:Qdrant" setting by its configuration key.</summary>
internal sealed class QdrantStoreOptionsValidator : IValidateOptions<QdrantStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantStoreOptions options)
    {
        IReadOnlyList<string> errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
