namespace M6Search.Stores.Qdrant;

/// <summary>
/// Settings of the Qdrant store, bound from the configuration section <see cref="SectionName"/> ("M6:Qdrant").
/// </summary>
public sealed class QdrantStoreOptions
{
    public const string SectionName = "M6:Qdrant";

    /// <summary>The REST port, which the store does not speak: a URL with it is refused, naming the gRPC port instead.</summary>
    public const int RestPort = 6333;

    /// <summary>Qdrant's default gRPC port.</summary>
    public const int GrpcPort = 6334;

    /// <summary>
    /// Address of Qdrant's gRPC API (the store speaks gRPC through Qdrant.Client), for example
    /// <c>http://localhost:6334</c> or <c>https://qdrant.internal:6334</c>.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Sent as the <c>api-key</c> metadata of every call when set. Use https when the server is not on this machine.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The collection this store reads and writes.</summary>
    public string Collection { get; set; } = "products";

    /// <summary>Shards of a new collection; null lets the server choose (1 standalone, the node count in a cluster).</summary>
    public int? ShardNumber { get; set; }

    /// <summary>Copies of each shard in a new collection; null means the server default (1).</summary>
    public int? ReplicationFactor { get; set; }

    /// <summary>Replicas that must apply a write before it succeeds; null means the server default (1).</summary>
    public int? WriteConsistencyFactor { get; set; }

    /// <summary>Ordering guarantee of every write (upsert, delete, payload index).</summary>
    public QdrantWriteOrdering WriteOrdering { get; set; } = QdrantWriteOrdering.Weak;

    /// <summary>Dense-vector quantisation of a collection this store creates; an existing collection keeps its own.</summary>
    public QdrantQuantization Quantization { get; set; } = QdrantQuantization.None;

    /// <summary>Limit of one attempt (its gRPC deadline); an attempt that takes longer is abandoned and retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit of one operation including all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries after the first attempt on the gRPC codes Unavailable, DeadlineExceeded, ResourceExhausted and Aborted.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First retry delay; it doubles on each retry, with jitter. Qdrant's "retry-after" trailer takes precedence.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Points per upsert request (and ids per delete request).</summary>
    public int UpsertBatchSize { get; set; } = 256;

    /// <summary>
    /// A PEM (one or more certificates) or DER file of the certificate authority that signed the server's certificate,
    /// for servers whose certificate the system trust store does not know. Host names are still checked.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Check revocation (CRL/OCSP) when validating against <see cref="CaCertificatePath"/>; private CAs often publish none.</summary>
    public bool CheckCertificateRevocation { get; set; }

    /// <summary>Attribute keys that filters use (for example "color"); each gets a keyword index on <c>attributes.KEY</c>.</summary>
    public IList<string> IndexedAttributeKeys { get; init; } = new List<string>();

    /// <summary>Every problem with these settings, each naming its configuration key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Url))
        {
            errors.Add($"{SectionName}:Url is required: Qdrant's gRPC address, for example http://localhost:{GrpcPort}.");
        }
        else if (!Uri.TryCreate(Url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{SectionName}:Url '{Url}' is not an absolute http or https URL.");
        }
        else if (uri.Port == RestPort)
        {
            errors.Add($"{SectionName}:Url '{Url}' names port {RestPort}, Qdrant's REST port; the store speaks gRPC, which Qdrant serves on port {GrpcPort} by default.");
        }
        else if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
        {
            errors.Add($"{SectionName}:Url '{Url}' has a path or a query; a gRPC address is only scheme, host and port.");
        }

        if (string.IsNullOrWhiteSpace(Collection))
        {
            errors.Add($"{SectionName}:Collection is required.");
        }
        else if (Collection.IndexOfAny(['/', '\\', '?', '#', '%']) >= 0 || Collection.Length > 255)
        {
            errors.Add($"{SectionName}:Collection '{Collection}' must be at most 255 characters without / \\ ? # %.");
        }

        RequireAtLeastOne(ShardNumber, nameof(ShardNumber), errors);
        RequireAtLeastOne(ReplicationFactor, nameof(ReplicationFactor), errors);
        RequireAtLeastOne(WriteConsistencyFactor, nameof(WriteConsistencyFactor), errors);
        if (WriteConsistencyFactor > (ReplicationFactor ?? 1))
        {
            errors.Add($"{SectionName}:WriteConsistencyFactor ({WriteConsistencyFactor}) cannot exceed {SectionName}:ReplicationFactor ({ReplicationFactor ?? 1}): no write could succeed.");
        }

        if (!Enum.IsDefined(WriteOrdering))
        {
            errors.Add($"{SectionName}:WriteOrdering must be weak, medium or strong.");
        }

        if (!Enum.IsDefined(Quantization))
        {
            errors.Add($"{SectionName}:Quantization must be none or int8.");
        }

        RequirePositive(Timeout, nameof(Timeout), errors);
        RequirePositive(TotalTimeout, nameof(TotalTimeout), errors);
        if (Timeout > TimeSpan.Zero && TotalTimeout > TimeSpan.Zero && TotalTimeout < Timeout)
        {
            errors.Add($"{SectionName}:TotalTimeout ({TotalTimeout}) must be at least {SectionName}:Timeout ({Timeout}).");
        }

        if (MaxRetryAttempts is < 0 or > 20)
        {
            errors.Add($"{SectionName}:MaxRetryAttempts must be between 0 and 20, not {MaxRetryAttempts}.");
        }

        RequirePositive(RetryBaseDelay, nameof(RetryBaseDelay), errors);
        RequirePositive(RetryMaxDelay, nameof(RetryMaxDelay), errors);
        if (UpsertBatchSize < 1)
        {
            errors.Add($"{SectionName}:UpsertBatchSize must be at least 1, not {UpsertBatchSize}.");
        }

        if (!string.IsNullOrEmpty(CaCertificatePath) && !File.Exists(CaCertificatePath))
        {
            errors.Add($"{SectionName}:CaCertificatePath '{CaCertificatePath}' does not exist.");
        }

        for (int i = 0; i < IndexedAttributeKeys.Count; i++)
        {
            string key = IndexedAttributeKeys[i];
            if (string.IsNullOrWhiteSpace(key) || key.Contains('.', StringComparison.Ordinal))
            {
                errors.Add($"{SectionName}:IndexedAttributeKeys:{i} '{key}' must be a non-empty attribute name without dots.");
            }
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, when there is one.</summary>
    public void ThrowIfInvalid()
    {
        IReadOnlyList<string> errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Qdrant store settings: " + string.Join(" ", errors));
        }
    }

    private static void RequireAtLeastOne(int? value, string name, List<string> errors)
    {
        if (value is < 1)
        {
            errors.Add($"{SectionName}:{name} must be at least 1, not {value}.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{name} must be positive, not {value}.");
        }
    }
}
