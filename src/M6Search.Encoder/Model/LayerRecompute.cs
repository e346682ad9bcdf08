using M6Search.Encoder.Moe;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// Activation checkpointing for one <see cref="EncoderLayer"/> (TorchSharp 0.107 has no torch.utils.checkpoint): the
/// forward pass runs without recording a graph and keeps only the layer's input; the backward pass recomputes the
/// layer with the dropout stream rewound to where it was, takes the gradients with <c>torch.autograd.grad</c>, and hands
/// them to the input and to the layer's parameters (passed in as inputs so autograd accumulates them). Gradients equal
/// those of the ordinary pass; memory for a layer's activations is spent only while that layer is recomputed.
/// </summary>
internal sealed class LayerRecompute : torch.autograd.MultiTensorFunction<LayerRecompute>
{
    private const int FixedArguments = 4;

    /// <inheritdoc />
    public override string Name => nameof(LayerRecompute);

    /// <summary>The layer's output, with activations recomputed in the backward pass.</summary>
    public static LayerOutput Run(EncoderLayer layer, Tensor hidden, SequenceMask mask, ModelRandomness randomness)
    {
        var arguments = new List<object> { layer, mask, randomness, hidden };
        arguments.AddRange(layer.parameters());
        List<Tensor> outputs = apply(arguments.ToArray());
        return layer.IsMoe
            ? new LayerOutput(outputs[0], new MoeReport(outputs[1], outputs[2], outputs[3], outputs[4]))
            : new LayerOutput(outputs[0], null);
    }

    /// <inheritdoc />
    public override List<Tensor> forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(vars);
        var layer = (EncoderLayer)vars[0];
        var mask = (SequenceMask)vars[1];
        var randomness = (ModelRandomness)vars[2];
        var hidden = (Tensor)vars[3];

        ctx.save_data("layer", layer);
        ctx.save_data("mask", mask);
        ctx.save_data("randomness", randomness);
        ctx.save_data("state", randomness.GetState(hidden.device));
        ctx.save_data("parameters", vars.Length - FixedArguments);
        ctx.save_for_backward([hidden]);

        LayerOutput output = layer.call(hidden, mask);
        if (output.Moe is null)
        {
            return [output.Hidden];
        }

        ctx.mark_non_differentiable([output.Moe.ExpertLoad, output.Moe.DropRate]);
        return [output.Hidden, output.Moe.LoadBalanceLoss, output.Moe.RouterZLoss, output.Moe.ExpertLoad, output.Moe.DropRate];
    }

    /// <inheritdoc />
    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, List<Tensor> grad_outputs)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(grad_outputs);
        var layer = (EncoderLayer)ctx.get_data("layer");
        var mask = (SequenceMask)ctx.get_data("mask");
        var randomness = (ModelRandomness)ctx.get_data("randomness");
        var state = (Tensor)ctx.get_data("state");
        var parameterCount = (int)ctx.get_data("parameters");
        Tensor saved = ctx.get_saved_variables()[0];

        // Replay the dropout masks of the forward pass, then put the stream back where the rest of training left it.
        Tensor resume = randomness.GetState(saved.device);
        randomness.SetState(saved.device, state);
        Tensor input;
        LayerOutput output;
        using (torch.enable_grad())
        {
            input = saved.detach().requires_grad_(true);
            output = layer.call(input, mask);
        }

        randomness.SetState(saved.device, resume);

        var outputs = new List<Tensor> { output.Hidden };
        var gradients = new List<Tensor> { Materialize(grad_outputs[0], output.Hidden) };
        if (output.Moe is not null)
        {
            outputs.Add(output.Moe.LoadBalanceLoss);
            gradients.Add(Materialize(grad_outputs[1], output.Moe.LoadBalanceLoss));
            outputs.Add(output.Moe.RouterZLoss);
            gradients.Add(Materialize(grad_outputs[2], output.Moe.RouterZLoss));
        }

        var inputs = new List<Tensor> { input };
        inputs.AddRange(layer.parameters());
        if (inputs.Count - 1 != parameterCount)
        {
            throw new InvalidOperationException("The layer's parameters changed between the forward and the backward pass.");
        }

        IList<Tensor> grads = torch.autograd.grad(outputs, inputs, gradients, allow_unused: true);
        var result = new List<Tensor> { null!, null!, null! };
        result.AddRange(grads.Select(g => g is null || g.IsInvalid ? null! : g));
        return result;
    }

    private static Tensor Materialize(Tensor? gradient, Tensor like) =>
        gradient is null || gradient.IsInvalid ? torch.zeros_like(like) : gradient;
}
