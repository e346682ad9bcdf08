using System.Xml;
using System.Xml.Linq;

namespace M6Search.OpenClipart.Source;

/// <summary>
/// Reads the Dublin Core metadata of an Open Clip Art SVG: the <c>cc:Work</c> element's own <c>dc:title</c>,
/// <c>dc:description</c>, <c>dc:subject</c> keywords and <c>dc:creator</c>. Only the RDF block is read; the drawing
/// after it is not parsed.
/// </summary>
public static class SvgMetadataParser
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>The metadata, or all fields empty when the file has no RDF block.</summary>
    /// <exception cref="XmlException">The file is not well-formed XML before or inside its RDF block.</exception>
    public static SvgMetadata Read(Stream svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var settings = new XmlReaderSettings
        {
            // Illustrator exports declare their namespaces as internal DTD entities (&ns_svg;). Internal entities are
            // expanded, within a bound; nothing external is ever resolved.
            DtdProcessing = DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = 1_000_000,
            IgnoreComments = true,
        };
        using var reader = XmlReader.Create(svg, settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "RDF" && reader.NamespaceURI == Rdf.NamespaceName)
            {
                return FromRdf((XElement)XNode.ReadFrom(reader));
            }
        }

        return SvgMetadata.Empty;
    }

    private static SvgMetadata FromRdf(XElement rdf)
    {
        // The work is the element that carries the dc: fields directly (cc:Work in practice; any name is accepted).
        XElement? work = rdf.Elements().FirstOrDefault(e => e.Element(Dc + "title") is not null || e.Element(Dc + "subject") is not null);
        if (work is null)
        {
            return SvgMetadata.Empty;
        }

        string title = work.Element(Dc + "title")?.Value ?? "";
        string description = work.Element(Dc + "description")?.Value ?? "";
        string[] keywords = work.Element(Dc + "subject")?.Descendants(Rdf + "li").Select(li => li.Value).ToArray() ?? [];
        string creator = work.Element(Dc + "creator")?.Descendants(Dc + "title").FirstOrDefault()?.Value ?? "";
        return new SvgMetadata(title, description, keywords, creator);
    }
}
