using M6Search.Encoder.Model;

namespace M6Search.Encoder.Serialization;

/// <summary>
/// An encoder read from a model file, with the file's header and, for an encoder whose backbone weights were trained,
/// those weights (<see cref="ImageTower.Load"/> takes them). The caller owns (and disposes) the model.
/// </summary>
public sealed record LoadedModel(MultimodalEncoder Model, ModelFileHeader Header, byte[]? BackboneWeights = null);
