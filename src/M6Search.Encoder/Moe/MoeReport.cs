using static TorchSharp.torch;

namespace M6Search.Encoder.Moe;

/// <summary>What one MoE layer adds to the loss and what it reports about its routing (scalars unless stated).</summary>
/// <param name="LoadBalanceLoss">Switch load-balancing loss, already weighted by alpha.</param>
/// <param name="RouterZLoss">ST-MoE router z-loss, already weighted.</param>
/// <param name="ExpertLoad">[experts] fraction of (non-padding) tokens whose top-1 choice was each expert; with expert
/// prototyping each group's entries sum to 1.</param>
/// <param name="DropRate">Fraction of token-to-expert assignments dropped because the expert was full.</param>
public sealed record MoeReport(Tensor LoadBalanceLoss, Tensor RouterZLoss, Tensor ExpertLoad, Tensor DropRate);
