using M6Search.Encoder.Runtime;

namespace M6Search.Encoder.Tests.Runtime;

public sealed class NativeHeapTests
{
    [Fact]
    public void ReuseFreedMemory_TakesEffectOnLinuxWithGlibc_UnlessTheEnvironmentTunesTheAllocator()
    {
        bool tunedByEnvironment = new[] { "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "GLIBC_TUNABLES" }
            .Any(name => Environment.GetEnvironmentVariable(name) is not null);
        bool glibc = OperatingSystem.IsLinux() && File.Exists("/etc/debian_version");

        bool applied = NativeHeap.ReuseFreedMemory();

        if (glibc && !tunedByEnvironment)
        {
            Assert.True(applied);
        }
        else if (!OperatingSystem.IsLinux() || tunedByEnvironment)
        {
            Assert.False(applied);
        }

        Assert.Equal(applied, NativeHeap.ReuseFreedMemory());
    }
}
