using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// The random stream behind every dropout mask of one encoder, separate from torch's global generator. Owning it makes
/// three things exact: a resumed run draws the same masks as an uninterrupted one (its state is in every checkpoint),
/// activation checkpointing replays a layer's masks when it recomputes the layer, and a seed fixes a run without touching
/// global state.
/// </summary>
public sealed class ModelRandomness : IDisposable
{
    private readonly ulong _seed;
    private Generator? _generator;

    /// <summary>A stream that starts from <paramref name="seed"/>.</summary>
    public ModelRandomness(ulong seed)
    {
        _seed = seed;
    }

    /// <summary>The generator for tensors on <paramref name="device"/>; moving to another device restarts from the seed.</summary>
    public Generator For(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (_generator is null || _generator.device.type != device.type || _generator.device.index != device.index)
        {
            _generator?.Dispose();
            _generator = new Generator(_seed, device);
        }

        return _generator;
    }

    /// <summary>A copy of the generator's state (a CPU byte tensor) for <paramref name="device"/>.</summary>
    public Tensor GetState(Device device) => For(device).get_state();

    /// <summary>Restores a state taken with <see cref="GetState"/>.</summary>
    public void SetState(Device device, Tensor state) => For(device).set_state(state);

    /// <inheritdoc />
    public void Dispose()
    {
        _generator?.Dispose();
        _generator = null;
    }
}
