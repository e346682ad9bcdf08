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
            // Read-only and shared: the file may be a read-only hard link into the NuGet cache that other processes
            // read at the same time (OnnxSharp's ParseFromFile asks for write access, which takes an exclusive lock).
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            model = ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new BackboneImportException(path, $"not a readable ONNX model ({ex.Message}).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
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
