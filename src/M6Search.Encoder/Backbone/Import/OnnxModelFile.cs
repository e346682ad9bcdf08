using Google.Protobuf;
using Onnx;

namespace M6Search.Encoder.Backbone.Import;

/// <summary>Reads an .onnx file with OnnxSharp, turning every way it can fail into a <see cref="BackboneImportException"/>.</summary>
internal static class OnnxModelFile
{
    public static ModelProto Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new BackboneImportException(path, "the file does not exist.");
        }

        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFromFile(path);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new BackboneImportException(path, $"not a readable ONNX model ({ex.Message}).", ex);
        }
        catch (IOException ex)
        {
            throw new BackboneImportException(path, $"cannot be read ({ex.Message}).", ex);
        }

        if (model.Graph is null || model.Graph.Node.Count == 0)
        {
            throw new BackboneImportException(path, "not an ONNX model: it has no graph nodes.");
        }

        return model;
    }
}
