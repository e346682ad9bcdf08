using System.Collections;
using System.Reflection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace M6Search.Build.Tests;

public sealed class WeakenGlibcxxRequirementTests
{
    private const string Glibcxx332 = "GLIBCXX_3.4.32";

    private static string PackagedLibrary
    {
        get
        {
            string package = typeof(WeakenGlibcxxRequirementTests).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "TorchSharpPackage").Value!;
            return Path.Combine(package, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        }
    }

    [Fact]
    public void PackagedLibTorchSharp_RequiresGlibcxx332_AsAStrongRequirement()
    {
        var requirements = WeakenGlibcxxRequirement.ReadRequirements(File.ReadAllBytes(PackagedLibrary));

        var glibcxx = Assert.Single(requirements, r => r.Version == Glibcxx332);
        Assert.Equal("libstdc++.so.6", glibcxx.File);
        Assert.Equal(0, glibcxx.Flags & WeakenGlibcxxRequirement.VerFlagWeak);
    }

    [Fact]
    public void MarkRequirementWeak_ChangesOnlyTheFlagsOfThatOneRequirement()
    {
        byte[] original = File.ReadAllBytes(PackagedLibrary);
        byte[] patched = (byte[])original.Clone();

        int changed = WeakenGlibcxxRequirement.MarkRequirementWeak(patched, Glibcxx332);

        Assert.Equal(1, changed);
        int differingBytes = original.Zip(patched).Count(pair => pair.First != pair.Second);
        Assert.Equal(1, differingBytes);
        var before = WeakenGlibcxxRequirement.ReadRequirements(original);
        var after = WeakenGlibcxxRequirement.ReadRequirements(patched);
        Assert.Equal(before.Count, after.Count);
        for (int i = 0; i < before.Count; i++)
        {
            bool isTarget = before[i].Version == Glibcxx332;
            Assert.Equal(isTarget ? before[i].Flags | WeakenGlibcxxRequirement.VerFlagWeak : before[i].Flags, after[i].Flags);
        }
    }

    [Fact]
    public void MarkRequirementWeak_IsIdempotent()
    {
        byte[] patched = File.ReadAllBytes(PackagedLibrary);
        WeakenGlibcxxRequirement.MarkRequirementWeak(patched, Glibcxx332);

        Assert.Equal(0, WeakenGlibcxxRequirement.MarkRequirementWeak(patched, Glibcxx332));
    }

    [Fact]
    public void DefinesVersion_ReadsTheSystemLibStdCxxVersionDefinitions()
    {
        string? library = WeakenGlibcxxRequirement.FindSystemLibStdCxx();
        Assert.NotNull(library);
        byte[] bytes = File.ReadAllBytes(library);

        Assert.True(WeakenGlibcxxRequirement.DefinesVersion(bytes, "GLIBCXX_3.4"));
        Assert.False(WeakenGlibcxxRequirement.DefinesVersion(bytes, "GLIBCXX_99.0"));
    }

    [Fact]
    public void AFileThatIsNotElf_IsRejectedWithInvalidData()
    {
        byte[] garbage = new byte[256];
        new Random(7).NextBytes(garbage);

        Assert.Throws<InvalidDataException>(() => WeakenGlibcxxRequirement.ReadRequirements(garbage));
    }

    [Fact]
    public void ATruncatedElf_IsRejectedWithInvalidData()
    {
        byte[] truncated = File.ReadAllBytes(PackagedLibrary).AsSpan(0, 4096).ToArray();

        Assert.Throws<InvalidDataException>(() => WeakenGlibcxxRequirement.ReadRequirements(truncated));
    }

    [Fact]
    public void Task_InAutoMode_LeavesTheFile_WhenTheSystemLibraryDefinesTheVersion()
    {
        string copy = CopyOfPackagedLibrary();
        string system = WeakenGlibcxxRequirement.FindSystemLibStdCxx()!;
        var task = new WeakenGlibcxxRequirement
        {
            BuildEngine = new RecordingBuildEngine(),
            Files = new ITaskItem[] { new TaskItem(copy) },
            Mode = "auto",
            Version = "GLIBCXX_3.4",
            SystemLibrary = system,
        };

        Assert.True(task.Execute());
        Assert.Equal(File.ReadAllBytes(PackagedLibrary), File.ReadAllBytes(copy));
    }

    [Fact]
    public void Task_InAutoMode_WeakensTheCopy_WhenTheSystemLibraryLacksTheVersion()
    {
        string copy = CopyOfPackagedLibrary();
        string system = WeakenGlibcxxRequirement.FindSystemLibStdCxx()!;
        var task = new WeakenGlibcxxRequirement
        {
            BuildEngine = new RecordingBuildEngine(),
            Files = new ITaskItem[] { new TaskItem(copy) },
            Mode = "auto",
            Version = Glibcxx332,
            SystemLibrary = system,
        };
        bool systemHasIt = WeakenGlibcxxRequirement.DefinesVersion(File.ReadAllBytes(system), Glibcxx332);

        Assert.True(task.Execute());
        var flags = WeakenGlibcxxRequirement.ReadRequirements(File.ReadAllBytes(copy)).Single(r => r.Version == Glibcxx332).Flags;
        Assert.Equal(!systemHasIt, (flags & WeakenGlibcxxRequirement.VerFlagWeak) != 0);
        Assert.False(File.Exists(copy + ".m6tmp"));
    }

    [Fact]
    public void Task_ReportsAnError_NamingTheFile_WhenItIsNotElf()
    {
        string path = Path.Combine(Path.GetTempPath(), $"m6-notelf-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, "not a library");
        var engine = new RecordingBuildEngine();
        var task = new WeakenGlibcxxRequirement { BuildEngine = engine, Files = new ITaskItem[] { new TaskItem(path) }, Mode = "true" };

        Assert.False(task.Execute());
        Assert.Contains(engine.Errors, e => e.Contains(path, StringComparison.Ordinal));
    }

    private static string CopyOfPackagedLibrary()
    {
        string copy = Path.Combine(Path.GetTempPath(), $"m6-libtorchsharp-{Guid.NewGuid():N}.so");
        File.Copy(PackagedLibrary, copy);
        return copy;
    }

    private sealed class RecordingBuildEngine : IBuildEngine
    {
        public List<string> Errors { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Message ?? string.Empty);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }
    }
}
