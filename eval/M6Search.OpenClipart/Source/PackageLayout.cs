namespace M6Search.OpenClipart.Source;

/// <summary>
/// Where the two Debian packages put their files once extracted (<c>dpkg -x</c>) into one folder:
/// <c>usr/share/openclipart/svg/...</c> and <c>usr/share/openclipart/png/...</c>, with the same relative paths.
/// </summary>
public sealed record PackageLayout(string SvgRoot, string PngRoot)
{
    /// <summary>The layout under <paramref name="root"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The svg folder is missing (the png folder may be: SVG-only items are then skipped and counted).</exception>
    public static PackageLayout Under(string root)
    {
        string share = Path.Combine(root, "usr", "share", "openclipart");
        var layout = new PackageLayout(Path.Combine(share, "svg"), Path.Combine(share, "png"));
        if (!Directory.Exists(layout.SvgRoot))
        {
            throw new DirectoryNotFoundException(
                $"'{root}' does not hold the extracted openclipart-svg package: {layout.SvgRoot} is missing (extract the .deb files with dpkg -x into it).");
        }

        return layout;
    }
}
