using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Runtime;

/// <summary>
/// Tensor arithmetic with numbers, safe from a TorchSharp 0.107 race. Wherever a number meets a <see cref="Scalar"/>
/// parameter (<c>t.mul(0.5)</c>, <c>t.lt(n)</c>, <c>torch.arange(0, n, k)</c>, and the hidden <c>alpha = 1</c> of
/// <c>a.add(b)</c>), TorchSharp makes a temporary Scalar whose finalizer frees the native value, and nothing keeps
/// it reachable while libtorch reads it: a garbage collection in that window frees it mid-call. We saw that as
/// "INTERNAL ASSERT FAILED ... Scalar.h ... toFloat" in long indexing and evaluation runs, and it could as well read a
/// wrong number. Every method here holds its Scalars in a <c>using</c> around the native call, one per call, so no
/// native Scalar is shared between threads. The encoder's forward pass and losses use only
/// these for tensor-number arithmetic (tests/M6Search.Encoder.Tests/Runtime/KeptScalarsTests.cs guards the sources).
/// </summary>
public static class KeptScalars
{
    /// <summary><paramref name="a"/> + <paramref name="b"/>.</summary>
    public static Tensor Plus(this Tensor a, Tensor b)
    {
        using Scalar one = 1;
        return a.add(b, one);
    }

    /// <summary><paramref name="a"/> += <paramref name="b"/>, in place.</summary>
    public static Tensor PlusInPlace(this Tensor a, Tensor b)
    {
        using Scalar one = 1;
        return a.add_(b, one);
    }

    /// <summary><paramref name="a"/> += <paramref name="value"/>, in place.</summary>
    public static Tensor PlusInPlace(this Tensor a, double value)
    {
        using Scalar scalar = value;
        using Scalar one = 1;
        return a.add_(scalar, one);
    }

    /// <summary>
    /// Adds <paramref name="source"/>'s rows into <paramref name="a"/>'s rows at <paramref name="index"/> along
    /// <paramref name="dim"/> (a new tensor).
    /// </summary>
    public static Tensor IndexAdd(this Tensor a, long dim, Tensor index, Tensor source)
    {
        using Scalar one = 1;
        return a.index_add(dim, index, source, one);
    }

    /// <summary><paramref name="a"/> -= <paramref name="value"/>, in place (integer tensors stay integer).</summary>
    public static Tensor MinusInPlace(this Tensor a, long value)
    {
        using Scalar scalar = value;
        return a.sub_(scalar);
    }

    /// <summary><paramref name="a"/> x <paramref name="value"/>.</summary>
    public static Tensor Times(this Tensor a, double value)
    {
        using Scalar scalar = value;
        return a.mul(scalar);
    }

    /// <summary><paramref name="a"/> x <paramref name="value"/> (integer tensors stay integer).</summary>
    public static Tensor Times(this Tensor a, long value)
    {
        using Scalar scalar = value;
        return a.mul(scalar);
    }

    /// <summary><paramref name="a"/> x= <paramref name="value"/>, in place.</summary>
    public static Tensor TimesInPlace(this Tensor a, double value)
    {
        using Scalar scalar = value;
        return a.mul_(scalar);
    }

    /// <summary><paramref name="a"/> / <paramref name="value"/>.</summary>
    public static Tensor DividedBy(this Tensor a, double value)
    {
        using Scalar scalar = value;
        return a.div(scalar);
    }

    /// <summary><paramref name="a"/> /= <paramref name="value"/>, in place.</summary>
    public static Tensor DividedByInPlace(this Tensor a, double value)
    {
        using Scalar scalar = value;
        return a.div_(scalar);
    }

    /// <summary>True where <paramref name="a"/> is below <paramref name="value"/>.</summary>
    public static Tensor Below(this Tensor a, long value)
    {
        using Scalar scalar = value;
        return a.lt(scalar);
    }

    /// <summary>Sets <paramref name="a"/> to <paramref name="value"/> where <paramref name="mask"/> is true, in place.</summary>
    public static Tensor FillWhereInPlace(this Tensor a, Tensor mask, long value)
    {
        using Scalar scalar = value;
        return a.masked_fill_(mask, scalar);
    }

    /// <summary><paramref name="a"/> with every value below <paramref name="minimum"/> raised to it.</summary>
    public static Tensor AtLeast(this Tensor a, double minimum)
    {
        using Scalar scalar = minimum;
        return a.clamp_min(scalar);
    }

    /// <summary>True (1) where <paramref name="a"/> is at least <paramref name="value"/>, else 0, in place.</summary>
    public static Tensor AtLeastMaskInPlace(this Tensor a, double value)
    {
        using Scalar scalar = value;
        return a.ge_(scalar);
    }

    /// <summary><paramref name="a"/> limited to [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Tensor Within(this Tensor a, double minimum, double maximum)
    {
        using Scalar low = minimum;
        using Scalar high = maximum;
        return a.clamp(low, high);
    }

    /// <summary><paramref name="a"/> limited to [<paramref name="minimum"/>, <paramref name="maximum"/>], in place.</summary>
    public static Tensor WithinInPlace(this Tensor a, double minimum, double maximum)
    {
        using Scalar low = minimum;
        using Scalar high = maximum;
        return a.clamp_(low, high);
    }

    /// <summary>start, start + step, ... below stop, as int64.</summary>
    public static Tensor Range(long start, long stop, long step, Device? device = null)
    {
        using Scalar first = start;
        using Scalar end = stop;
        using Scalar stride = step;
        return torch.arange(first, end, stride, ScalarType.Int64, device);
    }
}
