using M6Search.Deploy.Tests.Commands;
using M6Search.Deploy.Tests.Configuration;
using M6Search.Web.Configuration;
using Microsoft.Extensions.Configuration;

namespace M6Search.Deploy.Tests;

/// <summary>Every configuration key in deploy/ must be one the web app reads (M6Options, section "M6").</summary>
public sealed class ConfigurationKeysTests
{
    /// <summary>Variables an app container may have besides M6__ keys: standard .NET and ASP.NET Core ones.</summary>
    private static readonly string[] StandardPrefixes = ["ASPNETCORE_", "DOTNET_", "Logging__"];

    /// <summary>Variables the m6 CLI itself reads (Program.cs).</summary>
    private static readonly string[] IndexerVariables = ["M6_DEBUG"];

    /// <summary>
    /// Standard variables of the OpenTelemetry SDK and its OTLP exporter (the OpenTelemetry environment-variable
    /// specification), allowed in a container whose program uses OpenTelemetry. Listed by name, so a misspelt one fails.
    /// </summary>
    private static readonly string[] OpenTelemetryVariables =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TIMEOUT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES",
        "OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG", "OTEL_METRIC_EXPORT_INTERVAL", "OTEL_METRIC_EXPORT_TIMEOUT",
    ];

    [Fact]
    public void EveryM6Key_UnderDeploy_IsABindablePathOfM6Options()
    {
        IReadOnlyList<ConfigurationKeyReference> keys = ConfigurationKeyScanner.ScanDeployFolder();

        Assert.True(keys.Count >= 10, $"expected the deploy files to set the app's settings (M6__...), found only {keys.Count} keys.");
        List<string> problems = keys
            .Select(key => (key, problem: OptionsPathResolver.Problem(typeof(M6Options), M6Options.SectionName, key.Key)))
            .Where(result => result.problem is not null)
            .Select(result => $"{result.key}: {result.problem}")
            .ToList();
        Assert.True(problems.Count == 0, "keys that M6Options does not have:\n" + string.Join('\n', problems));
    }

    [Theory]
    [InlineData("M6:Store")]
    [InlineData("M6:qdrant:replicationfactor")]
    [InlineData("M6:Qdrant:Timeout")]
    [InlineData("M6:Qdrant:IndexedAttributeKeys:0")]
    [InlineData("M6:Qdrant")]
    public void PathResolver_AcceptsKeys_ThatM6OptionsBinds(string key)
    {
        Assert.Null(OptionsPathResolver.Problem(typeof(M6Options), M6Options.SectionName, key));
    }

    [Theory]
    [InlineData("M6:Qdrant:Replicas")]
    [InlineData("M6:Store:Kind")]
    [InlineData("M6:Qdrant:IndexedAttributeKeys:first")]
    [InlineData("M6:Qdrant:Url:Host")]
    [InlineData("M6:Otel:Endpoint")]
    public void PathResolver_RejectsKeys_ThatM6OptionsDoesNotHave(string key)
    {
        Assert.NotNull(OptionsPathResolver.Problem(typeof(M6Options), M6Options.SectionName, key));
    }

    [Fact]
    public void Scanner_FindsEnvironmentAndColonKeys_ButNotTheCommandName()
    {
        List<string> keys = ConfigurationKeyScanner
            .ScanLine("f", 1, "M6__Qdrant__Url=x m6 index --store qdrant:http://q:6333 (M6:Qdrant:ApiKey) m6: error M6_DEBUG")
            .Select(key => key.Key)
            .ToList();

        Assert.Equal(["M6:Qdrant:Url", "M6:Qdrant:ApiKey"], keys);
    }

    [Fact]
    public void EveryAppContainer_BindsItsEnvironment_WithTheAppsOwnBinder()
    {
        List<DeployedContainer> apps = DeployedContainers.All().Where(container => container.IsApp).ToList();
        Assert.True(apps.Count >= 4, $"expected the web app and the indexer in compose and Kubernetes, found: {string.Join(", ", apps)}");

        var failures = new List<string>();
        foreach (DeployedContainer container in apps)
        {
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (EnvironmentVariable variable in container.Environment.Where(v => ConfigurationKeyScanner.IsAppVariable(v.Name)))
            {
                // Secrets and ${VARIABLES} are unknown here; any text is a valid value for the string settings they feed.
                values[variable.Name.Replace("__", ":", StringComparison.Ordinal)] = variable.Value ?? "value-from-secret";
            }

            // The indexer names its store on the command line (--store qdrant:URL); the URL is its M6:Qdrant:Url.
            string? store = M6InvocationScanner.ScanText(container.Source, 0, container.CommandText)
                .Select(invocation => invocation.ValueOf("--store"))
                .FirstOrDefault(value => value is not null && value.StartsWith("qdrant:", StringComparison.Ordinal));
            if (store is not null)
            {
                values.TryAdd("M6:Qdrant:Url", store["qdrant:".Length..]);
            }

            IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
            try
            {
                M6Options options = configuration.GetSection(M6Options.SectionName).Get<M6Options>(binder => binder.ErrorOnUnknownConfiguration = true)
                    ?? new M6Options();
                if (options.Store == StoreKind.Qdrant || store is not null)
                {
                    failures.AddRange(options.Qdrant.Validate().Select(error => $"{container}: {error}"));
                }
            }
            catch (InvalidOperationException ex)
            {
                failures.Add($"{container}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void AppContainers_SetOnlyVariables_ThatTheAppOrDotNetReads()
    {
        var unknown = new List<string>();
        foreach (DeployedContainer container in DeployedContainers.All().Where(container => container.IsApp))
        {
            bool readsOpenTelemetry = ProgramUsesOpenTelemetry(container);
            foreach (EnvironmentVariable variable in container.Environment)
            {
                bool known = ConfigurationKeyScanner.IsAppVariable(variable.Name)
                    || StandardPrefixes.Any(prefix => variable.Name.StartsWith(prefix, StringComparison.Ordinal))
                    || IndexerVariables.Contains(variable.Name)
                    || (readsOpenTelemetry && OpenTelemetryVariables.Contains(variable.Name));
                if (!known)
                {
                    unknown.Add($"{container}: {variable.Name}{(variable.Name.StartsWith("OTEL_", StringComparison.Ordinal) && !readsOpenTelemetry ? " (this program does not use OpenTelemetry)" : string.Empty)}");
                }
            }
        }

        Assert.True(unknown.Count == 0, "variables that nothing in the app reads (OTEL_*: only the standard names, and only where the program uses OpenTelemetry):\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void TheBuiltIndexer_UsesOpenTelemetry_SoItsContainersMaySetOtelVariables()
    {
        Assert.True(ProgramUsesOpenTelemetry(new DeployedContainer("test", "m6search/indexer:dev", [], [])));
    }

    /// <summary>
    /// Whether the container's program references OpenTelemetry (or M6Search.Telemetry, which wraps it): the web app
    /// through its assembly, the indexer through the built m6.dll's metadata (it is not loaded).
    /// </summary>
    private static bool ProgramUsesOpenTelemetry(DeployedContainer container)
    {
        static bool IsTelemetry(string? name) =>
            name is not null && (name.StartsWith("OpenTelemetry", StringComparison.Ordinal) || name == "M6Search.Telemetry");

        if (container.Image.StartsWith("m6search/indexer", StringComparison.Ordinal))
        {
            using FileStream file = File.OpenRead(M6Help.AssemblyPath);
            using var pe = new System.Reflection.PortableExecutable.PEReader(file);
            System.Reflection.Metadata.MetadataReader metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return metadata.AssemblyReferences.Any(handle => IsTelemetry(metadata.GetString(metadata.GetAssemblyReference(handle).Name)));
        }

        return typeof(M6Options).Assembly.GetReferencedAssemblies().Any(name => IsTelemetry(name.Name));
    }

    [Fact]
    public void QdrantApiKey_IsNeverWrittenIntoADeployFile()
    {
        var literal = new List<string>();
        foreach (DeployedContainer container in DeployedContainers.All())
        {
            foreach (EnvironmentVariable variable in container.Environment.Where(v => v.Name is "M6__Qdrant__ApiKey" or "QDRANT__SERVICE__API_KEY"))
            {
                bool fromSecret = variable.Written == "(valueFrom)" || ComposeInterpolation.IsReferenceTo(variable.Written, "QDRANT_API_KEY");
                if (!fromSecret)
                {
                    literal.Add($"{container}: {variable.Name}={variable.Written}");
                }
            }
        }

        Assert.True(literal.Count == 0, "API keys must come from a secret or ${QDRANT_API_KEY}:\n" + string.Join('\n', literal));
    }
}
