namespace M6Search.Deploy.Tests.Configuration;

/// <summary>A configuration key found in a deploy file: as written, and as a colon path ("M6:Qdrant:Url").</summary>
public sealed record ConfigurationKeyReference(string File, int Line, string Written, string Key)
{
    public override string ToString() => $"{File}:{Line}: {Written}";
}
