using M6Search.Encoder.Model;

namespace M6Search.Encoder.Serialization;

/// <summary>An encoder read from a model file, with the file's header. The caller owns (and disposes) the model.</summary>
public sealed record LoadedModel(MultimodalEncoder Model, ModelFileHeader Header);
