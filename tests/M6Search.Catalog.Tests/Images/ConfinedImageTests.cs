using M6Search.Catalog.Images;

namespace M6Search.Catalog.Tests.Images;

/// <summary>A reader confined to some folders (the web app's jobs) reads no image outside them: not by ../, an absolute path or a link.</summary>
public sealed class ConfinedImageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "m6-confined-" + Guid.NewGuid().ToString("N"));

    public ConfinedImageTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "catalogs", "images"));
        File.WriteAllText(Path.Combine(_root, "catalogs", "images", "cup.jpg"), "jpeg");
        File.WriteAllText(Path.Combine(_root, "secret.jpg"), "secret");
    }

    private string Catalogs => Path.Combine(_root, "catalogs");

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("../secret.jpg")]
    [InlineData("images/../../secret.jpg")]
    public void CheckConfined_RefusesAPathOutsideTheFolders(string image)
    {
        Assert.True(ImageReferenceResolver.TryResolve(image, Catalogs, out ImageReference? reference, out _));

        string? refused = ImageReferenceResolver.CheckConfined(reference, new AllowedFolders([Catalogs]));

        Assert.NotNull(refused);
        Assert.Contains("outside the allowed folders", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckConfined_RefusesALinkInsideTheFolderThatPointsOut()
    {
        File.CreateSymbolicLink(Path.Combine(Catalogs, "images", "link.jpg"), Path.Combine(_root, "secret.jpg"));
        Assert.True(ImageReferenceResolver.TryResolve("images/link.jpg", Catalogs, out ImageReference? reference, out _));

        Assert.NotNull(ImageReferenceResolver.CheckConfined(reference, new AllowedFolders([Catalogs])));
    }

    [Theory]
    [InlineData("images/cup.jpg")]
    [InlineData("https://images.example/cup.jpg")]
    public void CheckConfined_AllowsAFileInsideTheFolders_AndUrls(string image)
    {
        Assert.True(ImageReferenceResolver.TryResolve(image, Catalogs, out ImageReference? reference, out _));

        Assert.Null(ImageReferenceResolver.CheckConfined(reference, new AllowedFolders([Catalogs])));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
