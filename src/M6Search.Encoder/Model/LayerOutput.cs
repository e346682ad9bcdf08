using M6Search.Encoder.Moe;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>Result of one <see cref="EncoderLayer"/>.</summary>
/// <param name="Hidden">[B, T, d] float32 residual stream after the layer.</param>
/// <param name="Moe">Losses and routing statistics when the layer is a MoE layer; null otherwise.</param>
public sealed record LayerOutput(Tensor Hidden, MoeReport? Moe);
