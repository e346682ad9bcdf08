using Google.Protobuf;
using M6Search.Encoder.Backbone.Import;
using M6Search.Encoder.Backbone.Modules;
using Onnx;

namespace M6Search.Encoder.Tests.Backbone;

[Collection(BackboneCollection.Name)]
public sealed class ImporterTests(BackboneFixture fixture)
{
    [Fact]
    public void Import_MapsEveryConvolutionOfThePackage_ToANamedModule()
    {
        var graph = fixture.Graph;

        Assert.Equal([2, 2, 2, 3], graph.BlocksPerStage);
        Assert.Equal(22, graph.Convolutions.Count);
        Assert.Equal(new ConvGeometry(7, 7, 2, 2, new Padding2d(3, 3, 2, 2)), graph.Convolutions["conv1"].Geometry);
        Assert.Equal(new ConvGeometry(3, 3, 2, 2, new Padding2d(1, 1, 0, 0)), graph.MaxPool);
        Assert.Equal(new ConvGeometry(3, 3, 2, 2, new Padding2d(1, 1, 0, 0)), graph.Convolutions["layer3.0.conv1"].Geometry);
        Assert.Equal(new ConvGeometry(1, 1, 2, 2, default), graph.Convolutions["layer4.0.downsample"].Geometry);
        Assert.Equal("Convolution387", graph.Convolutions["layer4.2.conv2"].ConvNode);
        Assert.Equal([512L, 512, 3, 3], graph.Convolutions["layer4.2.conv2"].Weight.Shape);
        Assert.Equal("Pooling395_Output_0", graph.PooledValue);
    }

    [Fact]
    public void Import_SaysSo_WhenTheFileIsMissing()
    {
        using var folder = new TempDirectory();
        string path = folder.File("ResNet18.onnx");

        var error = Assert.Throws<BackboneImportException>(() => ResNetOnnxImporter.Import(path));

        Assert.Equal($"{path}: the file does not exist.", error.Message);
    }

    [Fact]
    public void Import_SaysSo_WhenTheFileIsCutShort()
    {
        using var folder = new TempDirectory();
        string path = folder.File("ResNet18.onnx");
        using (var source = File.OpenRead(fixture.Files.NetworkFile))
        using (var target = File.Create(path))
        {
            var buffer = new byte[1 << 20];
            source.ReadExactly(buffer);
            target.Write(buffer);
        }

        var error = Assert.Throws<BackboneImportException>(() => ResNetOnnxImporter.Import(path));

        Assert.StartsWith($"{path}: not a readable ONNX model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RejectsTheWrongOnnxFile_NamingWhatItFound()
    {
        var error = Assert.Throws<BackboneImportException>(() => ResNetOnnxImporter.Import(fixture.Files.PreprocessFile));

        Assert.Contains("expected the stem convolution (Conv)", error.Message, StringComparison.Ordinal);
        Assert.Contains("found Split", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NamesTheNode_WhenAnOperatorIsNotTheOneWeBuild()
    {
        var model = fixture.CopyOfNetwork();
        model.Graph.Node.Single(n => n.Name == "ReLU269").OpType = "Sigmoid";

        var error = Assert.Throws<BackboneImportException>(() => ImportChanged(model));

        Assert.Contains("layer1.0's output ReLU (Relu)", error.Message, StringComparison.Ordinal);
        Assert.Contains("found Sigmoid 'ReLU269'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RejectsAGraphWithNodesOutsideTheNetwork()
    {
        var model = fixture.CopyOfNetwork();
        model.Graph.Node.Add(new NodeProto { OpType = "Relu", Name = "Stray", Input = { "Pooling395_Output_0" }, Output = { "stray_out" } });

        var error = Assert.Throws<BackboneImportException>(() => ImportChanged(model));

        Assert.Contains("Relu 'Stray'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesTheLayer_WhenItsPaddingDiffersFromOurModule()
    {
        var model = fixture.CopyOfNetwork();
        var pads = model.Graph.Node.Single(n => n.Name == "Convolution257").Attribute.Single(a => a.Name == "pads");
        pads.Ints.Clear();
        pads.Ints.Add([2, 2, 2, 2]);

        var error = Assert.Throws<BackboneImportException>(() => LoadChanged(model));

        Assert.Contains("Conv 'Convolution257' (layer1.0.conv1) has kernel 3x3, stride 1x1, pads 2/2/2/2; our module has kernel 3x3, stride 1x1, pads 1/1/1/1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesTheLayer_WhenAWeightHasAnotherShape()
    {
        var model = fixture.CopyOfNetwork();
        var weight = model.Graph.Initializer.Single(t => t.Name == "Parameter86");
        weight.Dims.Clear();
        weight.Dims.Add([64, 32, 3, 3]);
        var halved = weight.FloatData.Take(64 * 32 * 9).ToArray();
        weight.FloatData.Clear();
        weight.FloatData.Add(halved);

        var error = Assert.Throws<BackboneImportException>(() => LoadChanged(model));

        Assert.Contains("Conv 'Convolution257' (layer1.0.conv1) has weight 64x32x3x3; our module expects 64x64x3x3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RejectsAWeightWhoseValuesDoNotFillItsShape()
    {
        var model = fixture.CopyOfNetwork();
        var weight = model.Graph.Initializer.Single(t => t.Name == "Parameter91");
        weight.FloatData.RemoveAt(0);

        var error = Assert.Throws<BackboneImportException>(() => ImportChanged(model));

        Assert.Contains("tensor 'Parameter91' of shape 64x3x7x7 holds 9407 values, not 9408", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportMeanImage_RejectsAPreprocessingThatKeepsRgbOrder()
    {
        using var folder = new TempDirectory();
        var model = ReadOnly(fixture.Files.PreprocessFile);
        var concat = model.Graph.Node.Single(n => n.OpType == "Concat");
        var order = concat.Input.Reverse().ToArray();
        concat.Input.Clear();
        concat.Input.Add(order);
        string path = folder.File("ResNetPreprocess.onnx");
        File.WriteAllBytes(path, model.ToByteArray());

        var error = Assert.Throws<BackboneImportException>(() => ResNetPreprocessImporter.ImportMeanImage(path));

        Assert.Contains("reverses the split channels (RGB to BGR)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportMeanImage_ReadsTheStoredBgrMeanImage()
    {
        var mean = ResNetPreprocessImporter.ImportMeanImage(fixture.Files.PreprocessFile);

        Assert.Equal([1L, 3, 224, 224], mean.Shape);
        int plane = 224 * 224;
        double Average(int channel) => mean.Values.Skip(channel * plane).Take(plane).Average();
        // ImageNet's mean colour in BGR order, roughly 104 / 117 / 123 on the 0-255 scale.
        Assert.InRange(Average(0), 95, 112);
        Assert.InRange(Average(1), 110, 124);
        Assert.InRange(Average(2), 118, 130);
    }

    private static ResNetOnnxGraph ImportChanged(ModelProto model)
    {
        using var folder = new TempDirectory();
        string path = folder.File("ResNet18.onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return ResNetOnnxImporter.Import(path);
    }

    private static void LoadChanged(ModelProto model)
    {
        using var folder = new TempDirectory();
        string path = folder.File("ResNet18.onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        ResNetBackbone.FromOnnx(path).Dispose();
    }

    private static ModelProto ReadOnly(string path)
    {
        using var stream = File.OpenRead(path);
        return ModelProto.Parser.ParseFrom(stream);
    }
}
