namespace M6Search.Deploy.Tests.Configuration;

/// <summary>
/// An environment variable given to a container. <see cref="Value"/> is the literal value, or null when it comes
/// from elsewhere: a Kubernetes secret or field, or a compose ${VARIABLE} without a default.
/// </summary>
public sealed record EnvironmentVariable(string Name, string? Value, string Written);
