using static TorchSharp.torch;

namespace M6Search.Encoder.Moe;

/// <summary>How one MoE layer routed its tokens (for inspection and tests). n = routed tokens, k = expert groups.</summary>
/// <param name="RouterLogits">[n, experts] float32 router logits.</param>
/// <param name="Probabilities">[n, k, experts per group] softmax of the logits within each group.</param>
/// <param name="ExpertIndex">[n, k] chosen expert (global id) in each group.</param>
/// <param name="Gate">[n, k] router probability of the chosen expert: the weight its output is combined with.</param>
/// <param name="Position">[n, k] place of the token in its expert's queue (token order).</param>
/// <param name="Kept">[n, k] true where the position is below the capacity, i.e. the expert processed the token.</param>
/// <param name="Capacity">Tokens each expert could take.</param>
public sealed record RoutingDecision(
    Tensor RouterLogits, Tensor Probabilities, Tensor ExpertIndex, Tensor Gate, Tensor Position, Tensor Kept, long Capacity);
