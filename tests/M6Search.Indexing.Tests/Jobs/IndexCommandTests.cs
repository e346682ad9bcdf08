using M6Search.Indexing.Tests.Support;

namespace M6Search.Indexing.Tests.Jobs;

/// <summary>The exit codes of <c>m6 index</c>, run as a child process.</summary>
public sealed class IndexCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task IndexCommand_ExitsZeroOnACleanCatalog_AndThreeWhenMaxErrorsIsExceeded()
    {
        TestCatalog catalog = await TestCatalog.CreateAsync(_temp.Combine("catalog"), products: 6);
        string model = _temp.Combine("micro.m6model");
        MicroModel.Save(model);

        (int clean, string cleanOutput) = await M6Process.RunAsync(Arguments(catalog, model, "clean"), Timeout);
        Assert.True(clean == 0, cleanOutput);
        Assert.Contains("Completed", cleanOutput, StringComparison.Ordinal);

        catalog.PlantProblems();
        (int stopped, string stoppedOutput) = await M6Process.RunAsync([.. Arguments(catalog, model, "broken"), "--max-errors", "1"], Timeout);
        Assert.True(stopped == 3, stoppedOutput);
        Assert.Contains("TooManyRejects", stoppedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexCommand_ExitsOne_WithAClearError_WhenTheStoreIsNotUnderstood()
    {
        (int exit, string output) = await M6Process.RunAsync(
            ["index", "--catalog", _temp.Combine("catalog.jsonl"), "--store", "mongo:localhost"], Timeout);

        Assert.Equal(1, exit);
        Assert.Contains("embedded:DIR", output, StringComparison.Ordinal);
    }

    private string[] Arguments(TestCatalog catalog, string model, string name) =>
    [
        "index", "--catalog", catalog.CatalogPath, "--model", model, "--device", "cpu",
        "--store", "embedded:" + _temp.Combine(name, "data"), "--state-dir", _temp.Combine(name, "state"),
    ];
}
