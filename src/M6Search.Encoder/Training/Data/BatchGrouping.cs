namespace M6Search.Encoder.Training.Data;

/// <summary>
/// Hard negatives by batch composition: an epoch's order is built from runs of <paramref name="GroupSize"/> products that
/// share the values of <paramref name="Fields"/> (for example <c>category,color</c>), so that many in-batch negatives
/// differ from a product only in what those fields do not fix (texture, material, shape). The runs are shuffled, so a
/// batch still mixes many groups.
/// </summary>
/// <param name="Fields">
/// Comma-separated catalog fields: <c>category</c>, <c>merchant</c>, <c>lang</c>, or the name of a key of the product's
/// <c>attributes</c> object. A product that lacks one of them is not grouped.
/// </param>
/// <param name="GroupSize">Products per run (at least 2).</param>
public sealed record BatchGrouping(string Fields, int GroupSize)
{
    /// <summary>The field names, trimmed, in order.</summary>
    public IReadOnlyList<string> FieldNames() =>
        Fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses <c>--group-by</c> and <c>--group-size</c>.</summary>
    /// <exception cref="ArgumentException">No field is named, a name is repeated, or the size is below 2.</exception>
    public static BatchGrouping Parse(string fields, int groupSize)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string[] names = fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException("Batch grouping names no field (expected for example 'category,color').", nameof(fields));
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException($"Batch grouping '{fields}' names a field twice.", nameof(fields));
        }

        if (groupSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, "A hard-negative group needs at least 2 products.");
        }

        return new BatchGrouping(string.Join(',', names), groupSize);
    }
}
