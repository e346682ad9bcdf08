using M6Search.Encoder.Moe;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>Result of <see cref="MultimodalEncoder"/> for one batch.</summary>
/// <param name="Embeddings">[B, embedding dim] float32, L2-normalised.</param>
/// <param name="AuxiliaryLoss">Scalar: the load-balancing and z-losses of all MoE layers (zero for a dense encoder).</param>
/// <param name="LoadBalanceLoss">Scalar: the load-balancing part, summed over MoE layers.</param>
/// <param name="RouterZLoss">Scalar: the z-loss part, summed over MoE layers.</param>
/// <param name="MoeLayers">One report per MoE layer, in layer order.</param>
public sealed record EncoderOutput(
    Tensor Embeddings, Tensor AuxiliaryLoss, Tensor LoadBalanceLoss, Tensor RouterZLoss, IReadOnlyList<MoeReport> MoeLayers);
