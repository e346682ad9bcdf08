namespace M6Search.Encoder.Runtime;

/// <summary>Where tensors run, as chosen on the command line (<c>--device auto|cpu|cuda</c>) or in configuration.</summary>
public enum DeviceChoice
{
    /// <summary>CUDA when a CUDA libtorch and a GPU are present, otherwise the CPU.</summary>
    Auto,

    /// <summary>Always the CPU.</summary>
    Cpu,

    /// <summary>The first CUDA device; an error when there is none.</summary>
    Cuda,
}
