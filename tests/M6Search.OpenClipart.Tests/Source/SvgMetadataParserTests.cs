using System.Text;
using System.Xml;
using M6Search.OpenClipart.Source;
using M6Search.OpenClipart.Tests.Support;

namespace M6Search.OpenClipart.Tests.Source;

public class SvgMetadataParserTests
{
    private const string Work = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:cc="http://web.resource.org/cc/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <metadata><rdf:RDF><cc:Work rdf:about="">
            <dc:title>Bored dog</dc:title>
            <dc:description>A dog, waiting.</dc:description>
            <dc:subject><rdf:Bag><rdf:li>mammal</rdf:li><rdf:li></rdf:li><rdf:li>dog</rdf:li></rdf:Bag></dc:subject>
            <dc:publisher><cc:Agent><dc:title>Open Clip Art Library</dc:title></cc:Agent></dc:publisher>
            <dc:creator><cc:Agent><dc:title>Jane Roe</dc:title></cc:Agent></dc:creator>
          </cc:Work></rdf:RDF></metadata>
          <path d="M0,0" />
        </svg>
        """;

    [Fact]
    public void Read_TakesTheWorksOwnFields_NotThePublishersTitle()
    {
        SvgMetadata metadata = Parse(Work);

        Assert.Equal("Bored dog", metadata.Title);
        Assert.Equal("A dog, waiting.", metadata.Description);
        Assert.Equal(["mammal", "", "dog"], metadata.Keywords);
        Assert.Equal("Jane Roe", metadata.Creator);
    }

    [Fact]
    public void Read_ExpandsInternalEntities_AsIllustratorExportsUseThem()
    {
        string svg = "<!DOCTYPE svg [ <!ENTITY ns_svg \"http://www.w3.org/2000/svg\"> <!ENTITY what \"Stop sign\"> ]>\n"
            + Work.Replace("<svg xmlns=\"http://www.w3.org/2000/svg\"", "<svg xmlns=\"&ns_svg;\"", StringComparison.Ordinal)
                .Replace("Bored dog", "&what;", StringComparison.Ordinal);

        Assert.Equal("Stop sign", Parse(svg).Title);
    }

    [Fact]
    public void Read_NeverReadsAnExternalEntity()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("secret.txt"), "SECRET");
        string svg = $"<!DOCTYPE svg [ <!ENTITY leak SYSTEM \"file://{folder.File("secret.txt")}\"> ]>\n"
            + Work.Replace("A dog, waiting.", "&leak;", StringComparison.Ordinal);

        SvgMetadata? metadata = null;
        Exception? error = Record.Exception(() => metadata = Parse(svg));

        Assert.True(error is XmlException || !metadata!.Description.Contains("SECRET", StringComparison.Ordinal), "the external entity was read");
    }

    [Fact]
    public void Read_GivesEmptyFields_WhenTheFileHasNoMetadata()
    {
        Assert.Equal(SvgMetadata.Empty, Parse("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0,0\"/></svg>"));
    }

    [Fact]
    public void PackageReader_ReportsAnUnreadableSvg_AndReadsTheOthers()
    {
        using var folder = new TempFolder();
        string svgRoot = folder.File("usr/share/openclipart/svg/animals");
        Directory.CreateDirectory(svgRoot);
        File.WriteAllText(Path.Combine(svgRoot, "broken.svg"), "<svg><metadata><rdf:RDF");
        File.WriteAllText(Path.Combine(svgRoot, "dog.svg"), Work);
        var rejected = new List<(string Path, string Reason)>();

        var records = new ClipartPackageReader(PackageLayout.Under(folder.Path)).Read(rejected).ToList();

        ClipartRecord dog = Assert.Single(records);
        Assert.Equal("animals/dog", dog.RelativePath);
        Assert.Null(dog.PngPath);
        Assert.Equal(["animals"], dog.Folders);
        (string path, string reason) = Assert.Single(rejected);
        Assert.EndsWith("broken.svg", path, StringComparison.Ordinal);
        Assert.Contains("unreadable metadata", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PackageLayout_NamesTheMissingFolder()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<DirectoryNotFoundException>(() => PackageLayout.Under(folder.Path));

        Assert.Contains("usr/share/openclipart/svg", error.Message, StringComparison.Ordinal);
    }

    private static SvgMetadata Parse(string svg)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(svg));
        return SvgMetadataParser.Read(stream);
    }
}
