namespace M6Search.Catalog.Images;

/// <summary>Where a product image lives.</summary>
public enum ImageReferenceKind
{
    /// <summary>A file on this machine (<see cref="ImageReference.FilePath"/> is absolute).</summary>
    File,

    /// <summary>An http or https URL (<see cref="ImageReference.Url"/>).</summary>
    Http,
}
