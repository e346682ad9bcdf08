using M6Search.Encoder.Serialization;

namespace M6Search.Indexer.Composition;

/// <summary>The model file for a command's <c>--model</c> option: the one given, else the shipped model (<see cref="ShippedModel"/>).</summary>
public static class ModelLocator
{
    /// <summary>Where the shipped model lives, relative to the repository root or the app's base directory.</summary>
    public const string DefaultRelativePath = ShippedModel.DefaultRelativePath;

    /// <summary>The model file to use: <paramref name="requested"/> when given, otherwise the shipped model.</summary>
    /// <exception cref="FileNotFoundException">The requested file, or the shipped model, does not exist.</exception>
    public static string Resolve(string? requested) => ShippedModel.Resolve(requested, "--model");
}
