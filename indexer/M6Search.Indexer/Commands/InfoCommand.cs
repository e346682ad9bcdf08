using System.CommandLine;
using System.Globalization;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using TorchSharp;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 info [--device auto|cpu|cuda] [--model MODEL]</c>: shows the TorchSharp runtime and checks that it computes;
/// with <c>--model</c>, also what a model file holds and how far its routers have moved from their initialisation.
/// </summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var device = CommonOptions.Device();
        var model = new Option<FileInfo?>("--model")
        {
            Description = "Also describe this model file: version, config, training provenance, and per MoE layer the router weights' scale against their Switch initialisation.",
        };
        var command = new Command("info", "Show the TorchSharp runtime (libtorch version, threads, CUDA) and run a check computation.")
        {
            device, model,
        };
        command.SetAction(parse =>
        {
            Console.WriteLine(ComputeDevice.Describe());
            torch.Device resolved = ComputeDevice.Resolve(parse.GetValue(device));
            using var scope = torch.NewDisposeScope();
            var a = torch.ones(256, 256, device: resolved);
            float sum = torch.matmul(a, a).sum().cpu().item<float>();
            Console.WriteLine($"device {resolved}: 256x256 ones matmul sums to {sum} (expected {256f * 256 * 256})");
            if (parse.GetValue(model) is { } file)
            {
                DescribeModel(file.FullName);
            }

            return sum == 256f * 256 * 256 ? 0 : 1;
        });
        return command;
    }

    private static void DescribeModel(string path)
    {
        LoadedModel loaded = ModelFile.Load(path);
        using var encoder = loaded.Model;
        var header = loaded.Header;
        var config = encoder.Config;
        string images = config.Backbone is { } backbone
            ? $"{config.ImageSize} px through {backbone.Identity.Describe()}: stage {(int)backbone.Stage} ({backbone.FeatureSide(config.ImageSize)}x{backbone.FeatureSide(config.ImageSize)} tokens of {backbone.FeatureChannels} channels) and {backbone.ColorGrid}x{backbone.ColorGrid} colour tokens of {backbone.ColorCell}x{backbone.ColorCell} pixels; backbone weights trained: {BackboneTrainableNames.ToName(backbone.Trained)}"
            : $"{config.ImageSize} px in {config.PatchSize} px patches, {config.PatchStem.ToString().ToLowerInvariant()} patch stem";
        Console.WriteLine($"model {path}: version {header.ModelVersion}, format {header.FormatVersion}, config {config.Name} ({config.Layers} layers, d {config.ModelDim}, {config.Experts} experts in {config.ExpertGroups} group(s), {images})");
        if (header.Provenance is { } provenance)
        {
            Console.WriteLine($"  trained {provenance.Steps} steps on {provenance.Device}: {provenance.Command}");
        }

        double initStd = SwitchInit.ExpectedStd(config.ModelDim, config.InitScale);
        foreach (var (layer, index) in encoder.Layers.Select((l, i) => (l, i)).Where(p => p.l.Moe is not null))
        {
            using var scope = torch.NewDisposeScope();
            var weight = layer.Moe!.RouterWeight.detach();
            float std = weight.std().item<float>();
            float[] rowNorms = weight.norm(1, false).data<float>().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  router of layer {index}: weight std {std:F4} (initialisation {initStd:F4}), per-expert row norms {string.Join(' ', rowNorms.Select(n => n.ToString("F3", CultureInfo.InvariantCulture)))} (initialisation about {initStd * Math.Sqrt(config.ModelDim):F3})"));
        }
    }
}
