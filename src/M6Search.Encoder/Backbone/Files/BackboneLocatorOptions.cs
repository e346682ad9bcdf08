namespace M6Search.Encoder.Backbone.Files;

/// <summary>Where <see cref="BackboneLocator"/> looks, in this order: <see cref="Directory"/>, the app folder, the NuGet package folder.</summary>
public sealed class BackboneLocatorOptions
{
    /// <summary>Configuration section the hosts bind (<c>M6:Backbone</c>).</summary>
    public const string SectionName = "M6:Backbone";

    /// <summary>
    /// A folder laid out like the app folder (holding <c>DnnImageModels/...</c>), searched first. Empty: not searched.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Search the folder of the running app (where the build copies the files). Default true.</summary>
    public bool SearchAppFolder { get; set; } = true;

    /// <summary>Search the NuGet package folder (<c>dotnet restore</c> downloads the package there). Default true.</summary>
    public bool SearchPackageFolder { get; set; } = true;

    /// <summary>
    /// The NuGet global packages folder. Empty: <c>NUGET_PACKAGES</c> when set, otherwise <c>~/.nuget/packages</c>.
    /// </summary>
    public string? PackagesRoot { get; set; }
}
