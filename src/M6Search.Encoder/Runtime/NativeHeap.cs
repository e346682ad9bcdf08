using System.Runtime.InteropServices;

namespace M6Search.Encoder.Runtime;

/// <summary>
/// Makes glibc's allocator keep and reuse the large blocks libtorch frees, instead of handing each one back to the
/// operating system and faulting it in again on the next call. A CNN's activations are megabytes per layer and
/// per call (tens of MB per layer for a batch of 32 at 224 px): by default glibc serves blocks above its mmap
/// threshold with fresh <c>mmap</c>s and trims freed heap tops, so every batch page-faults its activations in anew
/// (about 41,000 faults per 32-image batch at 224 px, 1,300 with this). Measured on the backbone: 224 px, batch 32,
/// 78 to 100 images/s on 2 cores (docs/backbone.md). The price: the process keeps its native heap at its high-water
/// mark instead of returning freed memory.
/// </summary>
public static class NativeHeap
{
    private const int TrimThresholdOption = -1;  // M_TRIM_THRESHOLD
    private const int TopPadOption = -2;         // M_TOP_PAD
    private const int MmapThresholdOption = -3;  // M_MMAP_THRESHOLD

    // glibc's largest mmap threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX): larger blocks are still mmapped.
    private const int MmapThreshold = 32 * 1024 * 1024;
    private const int TopPad = 256 * 1024 * 1024;
    private const int TrimThreshold = int.MaxValue;

    private static readonly Lazy<bool> Applied = new(Apply);

    /// <summary>
    /// Sets the allocator once per process (later calls do nothing) and says whether it took effect: only on Linux
    /// with glibc, and not when the environment already tunes the allocator (<c>MALLOC_MMAP_THRESHOLD_</c>,
    /// <c>MALLOC_TRIM_THRESHOLD_</c>, <c>MALLOC_TOP_PAD_</c> or <c>GLIBC_TUNABLES</c>), which is also how to opt out.
    /// </summary>
    public static bool ReuseFreedMemory() => Applied.Value;

    private static bool Apply()
    {
        if (!OperatingSystem.IsLinux() ||
            new[] { "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "GLIBC_TUNABLES" }
                .Any(name => Environment.GetEnvironmentVariable(name) is not null))
        {
            return false;
        }

        try
        {
            // mallopt returns 1 on success; the mmap threshold first, since setting it also fixes the trim threshold.
            return Mallopt(MmapThresholdOption, MmapThreshold) == 1 &
                   Mallopt(TrimThresholdOption, TrimThreshold) == 1 &
                   Mallopt(TopPadOption, TopPad) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int option, int value);
}
