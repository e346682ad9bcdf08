namespace M6Search.Encoder.Backbone.Files;

/// <summary>The two files of a backbone, found and checked against <see cref="Identity"/> by <see cref="BackboneLocator"/>.</summary>
/// <param name="Identity">What the files were checked against.</param>
/// <param name="NetworkFile">Full path of the network (.onnx).</param>
/// <param name="PreprocessFile">Full path of the preprocessing graph (.onnx).</param>
public sealed record BackboneFiles(BackboneIdentity Identity, string NetworkFile, string PreprocessFile);
