using M6Search.Encoder.Runtime;
using TorchSharp;

namespace M6Search.Encoder.Tests.Runtime;

public sealed class TorchSharpLoadsTests
{
    [Fact]
    public void TorchSharp_LoadsAndMultipliesMatrices_OnThisMachine()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var b = torch.tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });
        using var product = torch.matmul(a, b);

        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [Fact]
    public void Autograd_ComputesTheGradientOfASquare()
    {
        using var x = torch.tensor(3.0f, requires_grad: true);
        using var y = x * x;
        y.backward();

        Assert.Equal(6.0f, x.grad!.item<float>(), 5);
    }

    [Fact]
    public void DeviceAuto_ResolvesToCpu_WhenNoCudaIsPresent()
    {
        torch.Device device = ComputeDevice.Resolve(DeviceChoice.Auto);

        Assert.Equal(ComputeDevice.CudaAvailable ? DeviceType.CUDA : DeviceType.CPU, device.type);
        Assert.Contains("libtorch", ComputeDevice.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto", DeviceChoice.Auto)]
    [InlineData("CPU", DeviceChoice.Cpu)]
    [InlineData(" cuda ", DeviceChoice.Cuda)]
    public void Parse_AcceptsTheCommandLineSpellings(string text, DeviceChoice expected)
    {
        Assert.Equal(expected, ComputeDevice.Parse(text));
    }

    [Fact]
    public void Parse_RejectsAnUnknownDevice_NamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => ComputeDevice.Parse("tpu"));
        Assert.Contains("tpu", error.Message, StringComparison.Ordinal);
    }
}
