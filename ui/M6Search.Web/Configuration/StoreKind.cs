namespace M6Search.Web.Configuration;

/// <summary>The vector store behind the web app (configuration key <c>M6:Store</c>).</summary>
public enum StoreKind
{
    /// <summary>The embedded store under <c>M6:DataDir</c>: one machine, no server to run.</summary>
    Embedded,

    /// <summary>A Qdrant server or cluster at <c>M6:Qdrant:Url</c>.</summary>
    Qdrant,
}
