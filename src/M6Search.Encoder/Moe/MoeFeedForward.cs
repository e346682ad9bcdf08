using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace M6Search.Encoder.Moe;

/// <summary>
/// Sparse Mixture-of-Experts feed-forward (Switch Transformer top-1 routing, optionally M6-T expert prototyping).
/// The router runs in float32 whatever the experts run in. Tokens are grouped by expert without a host round trip: a
/// cumulative sum over the one-hot expert choice gives each token its place in its expert's queue, places at or past the
/// capacity are dropped (their output is zero, so the residual carries them through unchanged), and the kept tokens are
/// scattered into an [experts, capacity, d] buffer that all experts process in one batched matmul with stacked weights;
/// the results are gathered back, scaled by the gate probability, and summed over groups.
/// </summary>
public sealed class MoeFeedForward : nn.Module<Tensor, Tensor?, MoeOutput>
{
    [ComponentName(Name = "router")]
    private readonly Parameter _router;

    [ComponentName(Name = "w_in")]
    private readonly Parameter _inputWeights;

    [ComponentName(Name = "b_in")]
    private readonly Parameter _inputBias;

    [ComponentName(Name = "expert_dropout")]
    private readonly RandomDropout _expertDropout;

    [ComponentName(Name = "w_out")]
    private readonly Parameter _outputWeights;

    [ComponentName(Name = "b_out")]
    private readonly Parameter _outputBias;

    private readonly ComputePrecision _precision;
    private readonly int _experts;
    private readonly int _groups;
    private readonly double _trainCapacityFactor;
    private double _evalCapacityFactor;
    private readonly int _minCapacity;
    private readonly double _loadBalanceWeight;
    private readonly double _zLossWeight;

    /// <summary>A MoE layer shaped by <paramref name="config"/>.</summary>
    public MoeFeedForward(string name, EncoderConfig config, ComputePrecision precision, ModelRandomness randomness, Generator? init)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        _precision = precision ?? throw new ArgumentNullException(nameof(precision));
        _experts = config.Experts;
        _groups = config.ExpertGroups;
        _trainCapacityFactor = config.TrainCapacityFactor;
        _evalCapacityFactor = config.EvalCapacityFactor;
        _minCapacity = config.MinExpertCapacity;
        _loadBalanceWeight = config.LoadBalanceWeight;
        _zLossWeight = config.RouterZLossWeight;

        int d = config.ModelDim;
        int ff = config.FeedForwardDim;
        _router = new Parameter(torch.empty(_experts, d));
        SwitchInit.TruncatedNormal(_router, d, config.InitScale, init);
        _inputWeights = new Parameter(torch.empty(_experts, d, ff));
        SwitchInit.TruncatedNormal(_inputWeights, d, config.InitScale, init);
        _inputBias = new Parameter(torch.zeros(_experts, ff));
        _expertDropout = new RandomDropout("expert_dropout", config.ExpertDropout, randomness);
        _outputWeights = new Parameter(torch.empty(_experts, ff, d));
        SwitchInit.TruncatedNormal(_outputWeights, ff, config.InitScale, init);
        _outputBias = new Parameter(torch.zeros(_experts, d));
        RegisterComponents();
    }

    /// <summary>Router weights [experts, d], always float32.</summary>
    public Parameter RouterWeight => _router;

    /// <summary>Stacked first expert matrices [experts, d, ff].</summary>
    public Parameter InputWeights => _inputWeights;

    /// <summary>Stacked second expert matrices [experts, ff, d].</summary>
    public Parameter OutputWeights => _outputWeights;

    /// <summary>Number of experts.</summary>
    public int Experts => _experts;

    /// <summary>Number of prototyping groups (1 = plain top-1).</summary>
    public int Groups => _groups;

    /// <summary>
    /// Capacity factor outside training: the config's (2.0, as in Switch Transformer) unless changed. Setting it to
    /// <see cref="Experts"/> / <see cref="Groups"/> or more gives every expert room for every token, so no token is
    /// dropped and a sequence's output no longer depends on the other sequences in its batch.
    /// </summary>
    public double EvalCapacityFactor
    {
        get => _evalCapacityFactor;
        set
        {
            if (!(value > 0) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The capacity factor must be positive and finite.");
            }

            _evalCapacityFactor = value;
        }
    }

    /// <summary>Routes <paramref name="tokens"/> [all tokens, d]; only the rows in <paramref name="tokenIndex"/> (all when null).</summary>
    public override MoeOutput forward(Tensor tokens, Tensor? tokenIndex)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Device device = tokens.device;
        long d = tokens.shape[1];
        Tensor x = tokenIndex is null ? tokens : tokens.index_select(0, tokenIndex);
        long n = x.shape[0];
        int perGroup = _experts / _groups;
        long capacity = ExpertCapacity.Compute(n, perGroup, training ? _trainCapacityFactor : _evalCapacityFactor, _minCapacity);

        // Router: float32 whatever the rest runs in (small logit differences decide the expert).
        Tensor logits = F.linear(x.to_type(ScalarType.Float32), _router);
        Tensor grouped = logits.view(n, _groups, perGroup);
        Tensor probabilities = F.softmax(grouped, -1);
        (Tensor gate, Tensor local) = probabilities.max(-1);
        Tensor offsets = KeptScalars.Range(0, _experts, perGroup, device);
        Tensor expert = local.Plus(offsets);

        // Switch load balancing: alpha * N * sum_i f_i * P_i per group, averaged over groups; ST-MoE z-loss.
        Tensor routedFraction = F.one_hot(local, perGroup).to_type(ScalarType.Float32).mean([0]);
        Tensor meanProbability = probabilities.mean([0]);
        Tensor loadBalance = routedFraction.mul(meanProbability).sum(-1).mean().Times(_loadBalanceWeight * perGroup);
        Tensor zLoss = grouped.logsumexp(-1).square().mean().Times(_zLossWeight);

        // Place in the expert's queue by token order; past capacity -> the overflow row, which is discarded.
        long assignments = n * _groups;
        Tensor flatExpert = expert.reshape(assignments);
        Tensor oneHot = F.one_hot(flatExpert, _experts);
        Tensor position = oneHot.cumsum(dim: 0).mul_(oneHot).sum(1).MinusInPlace(1);
        Tensor kept = position.Below(capacity);
        long slots = _experts * capacity;
        Tensor slot = flatExpert.Times(capacity).PlusInPlace(position).FillWhereInPlace(kept.logical_not(), slots);

        Tensor source = _groups == 1 ? x : x.unsqueeze(1).expand(n, _groups, d).reshape(assignments, d);
        // Every number below reaches libtorch through KeptScalars (see there: an implicit Scalar can be freed mid-call).
        Tensor buffer = torch.zeros(slots + 1, d, dtype: x.dtype, device: device).IndexAdd(0, slot, source);
        Tensor expertInput = _precision.Cast(buffer.narrow(0, 0, slots).view(_experts, capacity, d));

        // bmm + add rather than baddbmm: TorchSharp 0.107's baddbmm mixes up its arguments.
        Tensor hidden = expertInput.bmm(_precision.Cast(_inputWeights)).Plus(_precision.Cast(_inputBias).unsqueeze(1));
        hidden = _expertDropout.call(F.gelu(hidden));
        Tensor expertOutput = hidden.bmm(_precision.Cast(_outputWeights)).Plus(_precision.Cast(_outputBias).unsqueeze(1));

        Tensor padded = torch.cat([expertOutput.reshape(slots, d).to_type(ScalarType.Float32), torch.zeros(1, d, device: device)], 0);
        Tensor combine = gate.reshape(assignments).mul(kept.to_type(ScalarType.Float32));
        Tensor combined = padded.index_select(0, slot).mul(combine.unsqueeze(1)).view(n, _groups, d).sum(1);
        Tensor output = tokenIndex is null
            ? combined
            : torch.zeros(tokens.shape[0], d, device: device).IndexAdd(0, tokenIndex, combined);

        Tensor expertLoad = oneHot.sum(dim: 0).to_type(ScalarType.Float32).DividedByInPlace(Math.Max(1, n));
        Tensor dropRate = kept.to_type(ScalarType.Float32).mean().neg_().PlusInPlace(1);
        var report = new MoeReport(loadBalance, zLoss, expertLoad, dropRate);
        var decision = new RoutingDecision(
            logits, probabilities, expert, gate, position.view(n, _groups), kept.view(n, _groups), capacity);
        return new MoeOutput(output, report, decision);
    }
}
