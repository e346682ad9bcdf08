using M6Search.Catalog.Queries;

namespace M6Search.Evaluation.Tests.TestDoubles;

/// <summary>Short builders for hand-made queries and judgments.</summary>
internal static class Judged
{
    public static IReadOnlyDictionary<string, int> Grades(params (string Id, int Grade)[] grades) =>
        grades.ToDictionary(g => g.Id, g => g.Grade);

    public static LabeledQuery Query(string id, string text, string lang, string[] traits, params (string Id, int Grade)[] grades) =>
        new() { Id = id, Text = text, Lang = lang, Traits = traits, Relevance = Grades(grades) };
}
