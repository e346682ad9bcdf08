namespace M6Search.Encoder.Tests;

/// <summary>Tests that read or change torch's global state (random generator, thread count) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchStateCollection
{
    public const string Name = "Torch global state";
}
