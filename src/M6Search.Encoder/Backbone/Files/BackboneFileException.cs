namespace M6Search.Encoder.Backbone.Files;

/// <summary>
/// The backbone a model needs is missing, or the file found is a different one. The message names what was expected
/// (package, version, file, SHA-256), every place searched with what was found there, and how to get the file.
/// </summary>
public sealed class BackboneFileException : BackboneException
{
    public BackboneFileException(BackboneIdentity expected, IReadOnlyList<BackboneSearchResult> searched)
        : base(BuildMessage(expected, searched))
    {
        Expected = expected;
        Searched = searched;
    }

    /// <summary>The backbone that was asked for.</summary>
    public BackboneIdentity Expected { get; }

    /// <summary>Each place looked at, in search order, with what was found.</summary>
    public IReadOnlyList<BackboneSearchResult> Searched { get; }

    private static string BuildMessage(BackboneIdentity expected, IReadOnlyList<BackboneSearchResult> searched)
    {
        var places = searched.Count == 0
            ? "nowhere (every search location is switched off)"
            : string.Join("; ", searched.Select(s => $"{s.Path} ({s.Finding})"));
        return $"The image backbone {expected.Name} is not available. Expected {expected.NetworkPath} with SHA-256 " +
               $"{expected.NetworkSha256} and {expected.PreprocessPath} with SHA-256 {expected.PreprocessSha256}, " +
               $"from the NuGet package {expected.PackageId} {expected.PackageVersion}. Looked in: {places}. " +
               $"'dotnet restore' of M6Search.Encoder (or any project using it) downloads that package and the build " +
               $"copies the files next to the app; or copy them, with their DnnImageModels/ folders, into the folder " +
               $"named by {BackboneLocatorOptions.SectionName}:{nameof(BackboneLocatorOptions.Directory)}.";
    }
}
