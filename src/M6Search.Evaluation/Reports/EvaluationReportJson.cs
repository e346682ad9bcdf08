using System.Text.Json;
using System.Text.Json.Serialization;

namespace M6Search.Evaluation.Reports;

/// <summary>Writes an <see cref="EvaluationReport"/> as indented camelCase JSON, modes as their lower-case names.</summary>
public static class EvaluationReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Options);
    }

    /// <summary>Writes the report to <paramref name="path"/>, creating its folder.</summary>
    public static async Task WriteAsync(EvaluationReport report, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await using FileStream stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, Options, cancellationToken).ConfigureAwait(false);
    }
}
