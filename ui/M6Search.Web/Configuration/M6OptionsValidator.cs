using Microsoft.Extensions.Options;

namespace M6Search.Web.Configuration;

/// <summary>Checks <see cref="M6Options"/> when the app starts; every failure names its configuration key.</summary>
public sealed class M6OptionsValidator : IValidateOptions<M6Options>
{
    public ValidateOptionsResult Validate(string? name, M6Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Store))
        {
            errors.Add($"M6:Store must be 'embedded' or 'qdrant', not '{options.Store}'.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            errors.Add("M6:DataDir is required (the folder for the embedded store and the demo catalog).");
        }
        else if (options.DataDir.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"M6:DataDir '{options.DataDir}' is not a valid path.");
        }

        if (!string.IsNullOrWhiteSpace(options.ModelPath) && !File.Exists(options.ModelPath))
        {
            errors.Add($"M6:ModelPath '{options.ModelPath}' does not exist (full path {Path.GetFullPath(options.ModelPath)}).");
        }

        if (!string.IsNullOrWhiteSpace(options.CatalogDir) && !Directory.Exists(options.CatalogDir))
        {
            errors.Add($"M6:CatalogDir '{options.CatalogDir}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(options.Collection) || options.Collection.IndexOfAny(['/', '\\', '.', ':']) >= 0)
        {
            errors.Add($"M6:Collection '{options.Collection}' must be a non-empty name without / \\ . or :.");
        }

        if (options.Store == StoreKind.Qdrant)
        {
            errors.AddRange(options.Qdrant.Validate());
        }

        if (options.Demo.Products is < 1 or > 1_000_000)
        {
            errors.Add($"M6:Demo:Products must be between 1 and 1000000, not {options.Demo.Products}.");
        }

        if (options.Demo.ImageSize is < 32 or > 1024)
        {
            errors.Add($"M6:Demo:ImageSize must be between 32 and 1024, not {options.Demo.ImageSize}.");
        }

        if (options.Demo.BatchSize is < 1 or > 1024)
        {
            errors.Add($"M6:Demo:BatchSize must be between 1 and 1024, not {options.Demo.BatchSize}.");
        }

        if (options.Upload.MaxImageBytes is < 1024 or > 64L * 1024 * 1024)
        {
            errors.Add($"M6:Upload:MaxImageBytes must be between 1024 and 67108864, not {options.Upload.MaxImageBytes}.");
        }

        if (options.Upload.MaxImagePixels < 1)
        {
            errors.Add($"M6:Upload:MaxImagePixels must be at least 1, not {options.Upload.MaxImagePixels}.");
        }

        if (options.Upload.MaxDecodedPixels < 1)
        {
            errors.Add($"M6:Upload:MaxDecodedPixels must be at least 1, not {options.Upload.MaxDecodedPixels}.");
        }

        if (options.Upload.MaxConcurrentDecodes is < 1 or > 64)
        {
            errors.Add($"M6:Upload:MaxConcurrentDecodes must be between 1 and 64, not {options.Upload.MaxConcurrentDecodes}.");
        }

        if (options.Upload.DecodeQueueLimit is < 0 or > 10_000)
        {
            errors.Add($"M6:Upload:DecodeQueueLimit must be between 0 and 10000, not {options.Upload.DecodeQueueLimit}.");
        }

        if (options.RateLimit.PermitLimit < 1)
        {
            errors.Add($"M6:RateLimit:PermitLimit must be at least 1, not {options.RateLimit.PermitLimit}.");
        }

        if (options.RateLimit.WindowSeconds < 1)
        {
            errors.Add($"M6:RateLimit:WindowSeconds must be at least 1, not {options.RateLimit.WindowSeconds}.");
        }

        if (options.RateLimit.QueueLimit < 0)
        {
            errors.Add($"M6:RateLimit:QueueLimit must not be negative, not {options.RateLimit.QueueLimit}.");
        }

        if (options.RateLimit.InteractivePermitLimit < 1)
        {
            errors.Add($"M6:RateLimit:InteractivePermitLimit must be at least 1, not {options.RateLimit.InteractivePermitLimit}.");
        }

        if (options.RateLimit.ConcurrentSearches is < 1 or > 1024)
        {
            errors.Add($"M6:RateLimit:ConcurrentSearches must be between 1 and 1024, not {options.RateLimit.ConcurrentSearches}.");
        }

        if (options.RateLimit.SearchQueueLimit is < 0 or > 100_000)
        {
            errors.Add($"M6:RateLimit:SearchQueueLimit must be between 0 and 100000, not {options.RateLimit.SearchQueueLimit}.");
        }

        errors.AddRange(options.ForwardedHeaders.Validate());
        errors.AddRange(options.RemoteImages.Validate("M6:RemoteImages"));
        errors.AddRange(options.Search.Validate());
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
