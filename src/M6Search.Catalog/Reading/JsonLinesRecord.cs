using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Reading;

/// <summary>One line of a queries or pairs file as read.</summary>
/// <typeparam name="T">The value type (<c>LabeledQuery</c> or <c>TrainingPair</c>).</typeparam>
/// <param name="Line">1-based line number.</param>
/// <param name="Value">The value; null when the line has at least one error.</param>
/// <param name="Issues">Errors and warnings of this line; empty for a clean line.</param>
/// <param name="IsDuplicate">The line's id was already used by an earlier line (reported as an error on this line).</param>
public sealed record JsonLinesRecord<T>(int Line, T? Value, IReadOnlyList<CatalogIssue> Issues, bool IsDuplicate = false)
    where T : class
{
    /// <summary>The line has no errors and <see cref="Value"/> is set.</summary>
    public bool IsValid => Value is not null;
}
