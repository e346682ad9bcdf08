using M6Search.Web.Jobs;

namespace M6Search.Web.Tests.Jobs;

public sealed class CatalogPathPolicyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "m6-paths-" + Guid.NewGuid().ToString("N"));
    private readonly string _allowed;
    private readonly string _outside;

    public CatalogPathPolicyTests()
    {
        _allowed = Path.Combine(_root, "data");
        _outside = Path.Combine(_root, "outside");
        Directory.CreateDirectory(Path.Combine(_allowed, "demo"));
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_allowed, "demo", "catalog.jsonl"), "");
        File.WriteAllText(Path.Combine(_outside, "secret.jsonl"), "");
        File.WriteAllText(Path.Combine(_allowed, "notes.txt"), "");
    }

    [Fact]
    public void Resolve_AcceptsACatalogUnderTheRoot_RelativeOrAbsolute()
    {
        var policy = new CatalogPathPolicy([_allowed]);
        string expected = Path.Combine(_allowed, "demo", "catalog.jsonl");

        Assert.Equal(expected, policy.Resolve("demo/catalog.jsonl").Path);
        Assert.Equal(expected, policy.Resolve(expected).Path);
    }

    [Theory]
    [InlineData("../outside/secret.jsonl", "outside the allowed")]
    [InlineData("demo/../../outside/secret.jsonl", "outside the allowed")]
    [InlineData("notes.txt", "not a catalog")]
    [InlineData("demo/missing.jsonl", "does not exist")]
    [InlineData("", "Enter the path")]
    [InlineData("demo/\u0000.jsonl", "control characters")]
    public void Resolve_RefusesWithAReason(string input, string reason)
    {
        var policy = new CatalogPathPolicy([_allowed]);

        (string? path, string? error) = policy.Resolve(input);

        Assert.Null(path);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RefusesASymbolicLinkPointingOutside()
    {
        string link = Path.Combine(_allowed, "linked.jsonl");
        File.CreateSymbolicLink(link, Path.Combine(_outside, "secret.jsonl"));
        var policy = new CatalogPathPolicy([_allowed]);

        Assert.Contains("outside the allowed", policy.Resolve("linked.jsonl").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RefusesAFolderWhoseNameOnlyStartsLikeTheRoot()
    {
        string sibling = _allowed + "-other";
        Directory.CreateDirectory(sibling);
        File.WriteAllText(Path.Combine(sibling, "c.jsonl"), "");
        var policy = new CatalogPathPolicy([_allowed]);

        Assert.Contains("outside the allowed", policy.Resolve(Path.Combine(sibling, "c.jsonl")).Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
