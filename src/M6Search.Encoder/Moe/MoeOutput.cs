using static TorchSharp.torch;

namespace M6Search.Encoder.Moe;

/// <summary>Result of <see cref="MoeFeedForward"/>.</summary>
/// <param name="Output">[all tokens, d] float32 combined expert outputs; zero for padding and for dropped tokens.</param>
/// <param name="Report">Auxiliary losses and routing statistics.</param>
/// <param name="Decision">The routing itself.</param>
public sealed record MoeOutput(Tensor Output, MoeReport Report, RoutingDecision Decision);
