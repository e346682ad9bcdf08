using System.Reflection;

namespace M6Search.OpenClipart.Tests.Support;

/// <summary>Where the repository, the fixture packages and the built programs are.</summary>
public static class Paths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the first folder upwards that holds M6Search.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The 20 fixture items in the packages' layout (Fixtures/README.md).</summary>
    public static string FixturePackages => Path.Combine(Root, "tests", "M6Search.OpenClipart.Tests", "Fixtures", "openclipart");

    /// <summary>The built m6.dll of this configuration.</summary>
    public static string M6 => Metadata("M6Assembly");

    /// <summary>The built m6-openclipart.dll of this configuration.</summary>
    public static string OpenClipart => Metadata("OpenClipartAssembly");

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "M6Search.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"M6Search.sln was not found above {AppContext.BaseDirectory}.");
    }
}
