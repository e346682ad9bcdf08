using System.CommandLine;
using M6Search.Encoder.Runtime;

namespace M6Search.Indexer.Commands;

/// <summary>Options that several commands share, spelled the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<DeviceChoice> Device() => new("--device")
    {
        Description = "Where the encoder runs: auto (CUDA when present), cpu or cuda.",
        DefaultValueFactory = _ => DeviceChoice.Auto,
        CustomParser = result => ComputeDevice.Parse(result.Tokens.Count == 0 ? "auto" : result.Tokens[0].Value),
    };
}
