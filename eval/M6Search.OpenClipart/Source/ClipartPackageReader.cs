using System.Xml;

namespace M6Search.OpenClipart.Source;

/// <summary>
/// Enumerates the items of the extracted packages in ordinal path order (so a run is reproducible whatever the file
/// system's order). An SVG whose metadata cannot be read is reported and skipped; it never stops the run.
/// </summary>
public sealed class ClipartPackageReader(PackageLayout layout)
{
    /// <summary>Every SVG's record; unreadable ones go to <paramref name="rejected"/> as (path, reason).</summary>
    public IEnumerable<ClipartRecord> Read(ICollection<(string Path, string Reason)> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        string[] files = Directory.GetFiles(layout.SvgRoot, "*.svg", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string svg in files)
        {
            string relative = Path.GetRelativePath(layout.SvgRoot, svg).Replace('\\', '/');
            relative = relative[..^".svg".Length];
            SvgMetadata metadata;
            try
            {
                using FileStream stream = File.OpenRead(svg);
                metadata = SvgMetadataParser.Read(stream);
            }
            catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
            {
                rejected.Add((svg, "unreadable metadata: " + ex.Message));
                continue;
            }

            string png = Path.Combine(layout.PngRoot, relative + ".png");
            yield return new ClipartRecord(
                relative,
                svg,
                File.Exists(png) ? png : null,
                metadata.Title,
                metadata.Description,
                metadata.Keywords,
                metadata.Creator);
        }
    }
}
