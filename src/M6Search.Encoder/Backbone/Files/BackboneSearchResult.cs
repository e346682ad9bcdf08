namespace M6Search.Encoder.Backbone.Files;

/// <summary>One place <see cref="BackboneLocator"/> looked at, and what it found there (for error messages).</summary>
/// <param name="Path">The file path that was checked.</param>
/// <param name="Finding">What was there, e.g. "not there" or "SHA-256 1a2b..., a different file".</param>
public sealed record BackboneSearchResult(string Path, string Finding);
