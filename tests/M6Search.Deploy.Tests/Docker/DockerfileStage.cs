namespace M6Search.Deploy.Tests.Docker;

/// <summary>One FROM ... [AS name] stage of a Dockerfile and the instructions in it (keyword upper-cased, then the rest).</summary>
public sealed record DockerfileStage(string BaseImage, string? Name, IReadOnlyList<(string Keyword, string Arguments)> Instructions);
