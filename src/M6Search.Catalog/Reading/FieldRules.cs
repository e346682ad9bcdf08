using System.Globalization;
using M6Search.Catalog.Images;

namespace M6Search.Catalog.Reading;

/// <summary>
/// Value rules shared by the JSON Lines and CSV readers and by the query and pair readers, applied after the value
/// has the right type. Each returns the accepted value, or null after reporting an error.
/// </summary>
internal static class FieldRules
{
    /// <summary>A non-blank string no longer than <paramref name="maxLength"/>.</summary>
    public static string? RequiredText(string field, string value, int maxLength, RowIssues issues)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            issues.Error(field, value.Length == 0 ? "must not be empty" : "must not be blank, got " + JsonText.Quote(value));
            return null;
        }

        if (value.Length > maxLength)
        {
            issues.Error(field, $"is {value.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {maxLength.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    /// <summary>An id: non-blank, within the limit, and free of control characters (ids end up in URLs and logs).</summary>
    public static string? Id(string field, string value, int maxLength, RowIssues issues)
    {
        if (RequiredText(field, value, maxLength, issues) is null)
        {
            return null;
        }

        int control = value.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        if (control < 0)
        {
            control = value.IndexOf('\u007f', StringComparison.Ordinal);
        }

        if (control >= 0)
        {
            issues.Error(field, $"contains the control character U+{((int)value[control]).ToString("X4", CultureInfo.InvariantCulture)}: {JsonText.Quote(value)}");
            return null;
        }

        return value;
    }

    public static string? Lang(string field, string value, RowIssues issues)
    {
        if (value is "en" or "zh")
        {
            return value;
        }

        issues.Error(field, "must be \"en\" or \"zh\", got " + JsonText.Quote(value));
        return null;
    }

    public static double? Price(string field, double value, RowIssues issues)
    {
        if (!double.IsFinite(value))
        {
            issues.Error(field, "must be a finite number, got " + JsonText.Number(value));
            return null;
        }

        if (value < 0)
        {
            issues.Error(field, "must not be negative, got " + JsonText.Number(value));
            return null;
        }

        return value;
    }

    /// <summary>An ISO 4217 style code: exactly three upper-case ASCII letters.</summary>
    public static string? Currency(string field, string value, RowIssues issues)
    {
        if (value.Length == 3 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]) && char.IsAsciiLetterUpper(value[2]))
        {
            return value;
        }

        issues.Error(field, "must be three upper-case letters such as \"USD\" or \"CNY\", got " + JsonText.Quote(value));
        return null;
    }

    /// <summary>An image reference: a relative or absolute path or an http(s) URL. Empty means no image (a warning).</summary>
    public static string? Image(string field, string value, RowIssues issues, bool warnWhenEmpty)
    {
        if (value.Length == 0)
        {
            if (warnWhenEmpty)
            {
                issues.Warning(field, "is empty; the product is read as having no image");
            }

            return null;
        }

        string? problem = ImageReferenceResolver.Check(value);
        if (problem is not null)
        {
            issues.Error(field, problem);
            return null;
        }

        return value;
    }
}
