using M6Search.Catalog.Images;
using M6Search.Catalog.Products;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Tests.Images;

public sealed class ImageReferenceResolverTests
{
    private static readonly string CatalogFolder = Path.Combine(Path.GetTempPath(), "shop", "catalog");
    private static readonly string CatalogPath = Path.Combine(CatalogFolder, "catalog.jsonl");

    [Theory]
    [InlineData("images/p-1.jpg", "images/p-1.jpg")]
    [InlineData("./p-1.jpg", "p-1.jpg")]
    [InlineData("images\\p-1.jpg", "images/p-1.jpg")]
    [InlineData("C:\\pics\\p-1.jpg", "C:/pics/p-1.jpg")]
    public void Resolve_ReadsARelativePath_AgainstTheCatalogFolder(string image, string expectedUnderFolder)
    {
        ImageReference reference = ImageReferenceResolver.Resolve(new Product { Id = "p-1", Title = "Cup", Image = image }, CatalogPath)!;

        Assert.True(reference.IsFile);
        Assert.Equal(Path.Combine(CatalogFolder, expectedUnderFolder), reference.FilePath);
        Assert.Equal(image, reference.Original);
    }

    [Fact]
    public void Resolve_NormalisesParentFolders()
    {
        Assert.True(ImageReferenceResolver.TryResolve("../shared/p-1.jpg", CatalogFolder, out var reference, out _));

        Assert.Equal(Path.Combine(Path.GetTempPath(), "shop", "shared", "p-1.jpg"), reference.FilePath);
    }

    [Fact]
    public void Resolve_KeepsAnAbsolutePath()
    {
        string absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "p-1.jpg");

        Assert.True(ImageReferenceResolver.TryResolve(absolute, CatalogFolder, out var reference, out _));

        Assert.Equal(absolute, reference.FilePath);
    }

    [Theory]
    [InlineData("https://cdn.example.com/p/1.jpg?w=224")]
    [InlineData("http://example.com/a b.jpg")]
    [InlineData("HTTPS://CDN.example.com/1.jpg")]
    public void Resolve_KeepsAnHttpUrl(string image)
    {
        Assert.True(ImageReferenceResolver.TryResolve(image, CatalogFolder, out var reference, out var error), error);

        Assert.True(reference.IsHttp);
        Assert.Null(reference.FilePath);
        Assert.Equal(new Uri(image).AbsoluteUri, reference.Url!.AbsoluteUri);
        Assert.Equal(reference.Url.AbsoluteUri, reference.ToString());
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://example.com/a.jpg", "ftp")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", "data")]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("s3://bucket/a.jpg", "s3")]
    public void Resolve_RefusesOtherSchemes_NamingFieldImageAndTheProduct(string image, string scheme)
    {
        var product = new Product { Id = "p-17", Title = "Cup", Image = image };

        var ex = Assert.Throws<CatalogException>(() => ImageReferenceResolver.Resolve(product, "catalog.jsonl", line: 17));

        Assert.Equal(("catalog.jsonl", 17, "image", "p-17"), (ex.Issue.File, ex.Issue.Line, ex.Issue.Field!, ex.Issue.ProductId!));
        Assert.Contains($"unsupported URI scheme '{scheme}:'", ex.Message);
    }

    [Theory]
    [InlineData("http://", "not a valid http(s) URL")]
    [InlineData("https:///nohost.jpg", "not a valid http(s) URL")]
    [InlineData("   ", "is blank")]
    [InlineData("a\u0000.jpg", "control character")]
    public void TryResolve_RefusesBrokenValues(string image, string message)
    {
        Assert.False(ImageReferenceResolver.TryResolve(image, CatalogFolder, out var reference, out var error));

        Assert.Null(reference);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Resolve_ReturnsNull_WhenTheProductHasNoImage()
    {
        Assert.Null(ImageReferenceResolver.Resolve(new Product { Id = "p-1", Title = "Cup" }, CatalogPath));
    }

    [Fact]
    public void Check_AcceptsPaths_AndRejectsUnknownSchemes()
    {
        Assert.Null(ImageReferenceResolver.Check("images/a:b.jpg"));
        Assert.Null(ImageReferenceResolver.Check("https://example.com/a.jpg"));
        Assert.NotNull(ImageReferenceResolver.Check("mailto:someone@example.com"));
    }
}
