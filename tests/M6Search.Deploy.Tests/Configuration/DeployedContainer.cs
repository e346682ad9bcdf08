namespace M6Search.Deploy.Tests.Configuration;

/// <summary>One container as a deploy file defines it: where, which image, its environment and its command line.</summary>
public sealed record DeployedContainer(string Source, string Image, IReadOnlyList<EnvironmentVariable> Environment, IReadOnlyList<string> Command)
{
    /// <summary>True for the web app's and the indexer's images (built from deploy/docker/).</summary>
    public bool IsApp => Image.StartsWith("m6search/", StringComparison.Ordinal);

    /// <summary>The command line as one text, for finding `m6 ...` invocations in it.</summary>
    public string CommandText => string.Join(' ', Command);

    public override string ToString() => Source;
}
