using M6Search.Encoder;
using M6Search.Web.Runtime;

namespace M6Search.Web.Tests.Infrastructure;

internal sealed class FakeEncoderLoader : IEncoderLoader
{
    public IProductEncoder Load(string? modelPath) => new FakeEncoder();
}
