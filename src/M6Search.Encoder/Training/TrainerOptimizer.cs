using M6Search.Encoder.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training;

/// <summary>
/// AdamW over the encoder's parameters in groups: matrices with weight decay; biases, norms, embedding tables and the
/// temperature without; when <see cref="TrainerOptions.RouterLearningRateScale"/> is not 1, the MoE routers in a
/// group of their own at that multiple of the learning rate, without weight decay; and the weights of a trainable
/// backbone (<see cref="ImageTower"/>) in two groups of their own (convolution weights with decay, biases without) at
/// <see cref="TrainerOptions.BackboneLearningRateScale"/> times the learning rate.
/// </summary>
internal sealed class TrainerOptimizer : IDisposable
{
    private readonly AdamW _optimizer;

    // Multiplier of the scheduled learning rate for each optimizer group, in group order.
    private readonly double[] _groupLearningRateScales;

    private readonly List<Parameter> _parameters;

    public TrainerOptimizer(MultimodalEncoder model, TrainerOptions options, ImageTower? tower = null)
    {
        var decay = new List<Parameter>();
        var noDecay = new List<Parameter>();
        var routers = new List<Parameter>();
        bool ownRouterGroup = options.RouterLearningRateScale != 1;
        foreach ((string name, Parameter parameter) in model.named_parameters())
        {
            if (ownRouterGroup && name.EndsWith(".router", StringComparison.Ordinal))
            {
                routers.Add(parameter);
                continue;
            }

            bool isTable = name.Contains("embedding", StringComparison.Ordinal) || name.Contains("positions", StringComparison.Ordinal)
                || name.StartsWith("modality", StringComparison.Ordinal);
            (parameter.dim() >= 2 && !isTable ? decay : noDecay).Add(parameter);
        }

        var backboneDecay = new List<Parameter>();
        var backboneNoDecay = new List<Parameter>();
        foreach ((string _, Parameter parameter) in tower?.TrainableParameters() ?? [])
        {
            (parameter.dim() >= 2 ? backboneDecay : backboneNoDecay).Add(parameter);
        }

        _parameters = [.. decay, .. noDecay, .. routers, .. backboneDecay, .. backboneNoDecay];
        var groups = new List<AdamW.ParamGroup>
        {
            new(decay, options.PeakLearningRate, options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay, false, false),
            new(noDecay, options.PeakLearningRate, options.Beta1, options.Beta2, options.Epsilon, 0, false, false),
        };
        var scales = new List<double> { 1, 1 };
        if (ownRouterGroup)
        {
            groups.Add(new(routers, options.PeakLearningRate * options.RouterLearningRateScale, options.Beta1, options.Beta2, options.Epsilon, 0, false, false));
            scales.Add(options.RouterLearningRateScale);
        }

        if (backboneDecay.Count + backboneNoDecay.Count > 0)
        {
            double rate = options.PeakLearningRate * options.BackboneLearningRateScale;
            groups.Add(new(backboneDecay, rate, options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay, false, false));
            groups.Add(new(backboneNoDecay, rate, options.Beta1, options.Beta2, options.Epsilon, 0, false, false));
            scales.Add(options.BackboneLearningRateScale);
            scales.Add(options.BackboneLearningRateScale);
        }

        _groupLearningRateScales = [.. scales];

        _optimizer = torch.optim.AdamW(
            groups,
            options.PeakLearningRate, options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay);
    }

    /// <summary>Parameters being trained (all of the encoder's, and the backbone's trainable ones).</summary>
    public long ParameterCount => _parameters.Sum(p => p.numel());

    /// <summary>Sets each group's learning rate to <paramref name="learningRate"/> times the group's scale.</summary>
    public void SetLearningRate(double learningRate)
    {
        int group = 0;
        foreach (ParamGroup paramGroup in _optimizer.ParamGroups.Cast<ParamGroup>())
        {
            paramGroup.LearningRate = learningRate * _groupLearningRateScales[group++];
        }
    }

    public void ZeroGradients() => _optimizer.zero_grad();

    /// <summary>Scales the gradients down to <paramref name="maxNorm"/> when above it; returns their norm before.</summary>
    public double ClipGradients(double maxNorm) => nn.utils.clip_grad_norm_(_parameters, maxNorm);

    public void Step() => _optimizer.step();

    public void Save(BinaryWriter writer) => _optimizer.save_state_dict(writer);

    public void Load(BinaryReader reader) => _optimizer.load_state_dict(reader);

    public void Dispose() => _optimizer.Dispose();
}
