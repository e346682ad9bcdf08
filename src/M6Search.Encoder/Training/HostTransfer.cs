using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training;

/// <summary>
/// Gathers device tensors for one device-to-host copy (one synchronisation instead of one per value). Each
/// <see cref="Add"/> says where its values will lie in the copied array.
/// </summary>
internal sealed class HostTransfer
{
    private readonly List<Tensor> _parts = [];
    private int _length;

    /// <summary>Queues the values of <paramref name="tensor"/> (flattened, as float32); returns their range in <see cref="CopyToHost"/>.</summary>
    public Range Add(Tensor tensor)
    {
        Tensor flat = tensor.detach().to_type(ScalarType.Float32).reshape(-1);
        _parts.Add(flat);
        int start = _length;
        _length += (int)flat.shape[0];
        return new Range(start, _length);
    }

    /// <summary>Copies every queued value to the host at once.</summary>
    public float[] CopyToHost() => _parts.Count == 0 ? [] : torch.cat(_parts, 0).cpu().data<float>().ToArray();
}
