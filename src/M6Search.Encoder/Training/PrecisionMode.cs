namespace M6Search.Encoder.Training;

/// <summary>Precision of the matrix multiplications while training (master weights are always float32).</summary>
public enum PrecisionMode
{
    /// <summary>bfloat16 on CUDA, float32 on the CPU.</summary>
    Auto,

    /// <summary>float32 everywhere.</summary>
    Float32,

    /// <summary>bfloat16 matmuls with a float32 router, norms, residual stream and losses.</summary>
    BFloat16,
}
