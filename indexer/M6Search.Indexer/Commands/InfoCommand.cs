using System.CommandLine;
using M6Search.Encoder.Runtime;
using TorchSharp;

namespace M6Search.Indexer.Commands;

/// <summary><c>m6 info [--device auto|cpu|cuda]</c>: shows the TorchSharp runtime and checks that it computes.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var device = CommonOptions.Device();
        var command = new Command("info", "Show the TorchSharp runtime (libtorch version, threads, CUDA) and run a check computation.")
        {
            device,
        };
        command.SetAction(parse =>
        {
            Console.WriteLine(ComputeDevice.Describe());
            torch.Device resolved = ComputeDevice.Resolve(parse.GetValue(device));
            using var scope = torch.NewDisposeScope();
            var a = torch.ones(256, 256, device: resolved);
            float sum = torch.matmul(a, a).sum().cpu().item<float>();
            Console.WriteLine($"device {resolved}: 256x256 ones matmul sums to {sum} (expected {256f * 256 * 256})");
            return sum == 256f * 256 * 256 ? 0 : 1;
        });
        return command;
    }
}
