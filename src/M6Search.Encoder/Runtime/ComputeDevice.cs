using TorchSharp;

namespace M6Search.Encoder.Runtime;

/// <summary>Resolves a <see cref="DeviceChoice"/> to a TorchSharp device and reports what the loaded libtorch offers.</summary>
public static class ComputeDevice
{
    /// <summary>Parses the command-line spelling (<c>auto</c>, <c>cpu</c>, <c>cuda</c>), case-insensitively.</summary>
    public static DeviceChoice Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "auto" => DeviceChoice.Auto,
        "cpu" => DeviceChoice.Cpu,
        "cuda" or "gpu" => DeviceChoice.Cuda,
        _ => throw new ArgumentException($"Unknown device '{value}': expected auto, cpu or cuda.", nameof(value)),
    };

    /// <summary>True when the loaded libtorch was built with CUDA and sees at least one GPU.</summary>
    public static bool CudaAvailable
    {
        get
        {
            EnsureLibTorchLoaded();
            return torch.cuda.is_available();
        }
    }

    /// <summary>
    /// Loads libtorch, turning TorchSharp's type-initialiser failure into an error that says what to do.
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable libtorch could be loaded.</exception>
    public static void EnsureLibTorchLoaded()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (TypeInitializationException ex)
        {
            Exception root = ex;
            while (root.InnerException is not null)
            {
                root = root.InnerException;
            }

            throw new InvalidOperationException(
                "libtorch could not be loaded. A default build bundles the CPU libtorch; a build with " +
                "-p:M6LibTorch=external needs a libtorch on LD_LIBRARY_PATH (for example an installed PyTorch's " +
                $"torch/lib folder). TorchSharp said: {root.Message}", ex);
        }
    }

    /// <summary>The device to run on.</summary>
    /// <exception cref="InvalidOperationException">CUDA was asked for and is not available.</exception>
    public static torch.Device Resolve(DeviceChoice choice) => choice switch
    {
        DeviceChoice.Cpu => torch.CPU,
        DeviceChoice.Cuda when CudaAvailable => torch.CUDA,
        DeviceChoice.Cuda => throw new InvalidOperationException(
            "--device cuda was asked for, but the loaded libtorch has no CUDA device. Build with -p:M6LibTorch=external " +
            "and put a CUDA libtorch (for example an installed PyTorch's torch/lib folder) on LD_LIBRARY_PATH; see README."),
        _ => CudaAvailable ? torch.CUDA : torch.CPU,
    };

    /// <summary>A one-line description of the runtime: TorchSharp and libtorch versions, threads, CUDA devices.</summary>
    public static string Describe()
    {
        EnsureLibTorchLoaded();
        string cuda = CudaAvailable ? $"{torch.cuda.device_count()} CUDA device(s)" : "no CUDA";
        return $"TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch {torch.__version__}, " +
               $"{torch.get_num_threads()} CPU threads, {cuda}";
    }
}
