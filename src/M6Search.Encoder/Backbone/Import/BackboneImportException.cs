using M6Search.Encoder.Backbone.Files;

namespace M6Search.Encoder.Backbone.Import;

/// <summary>
/// A backbone file cannot be read into our modules: missing, not ONNX, or a graph other than the expected one (an
/// unknown operator, a wiring or attribute we do not build, a weight of the wrong shape). The message names the file
/// and the node or parameter.
/// </summary>
public sealed class BackboneImportException : BackboneException
{
    public BackboneImportException(string file, string detail, Exception? innerException = null)
        : base($"{file}: {detail}", innerException)
    {
        File = file;
    }

    /// <summary>The file that was being read.</summary>
    public string File { get; }
}
