using System.Text.RegularExpressions;

namespace M6Search.Deploy.Tests.Configuration;

/// <summary>Compose's ${VARIABLE} forms, resolved the way a fresh checkout without .env would see them.</summary>
public static partial class ComposeInterpolation
{
    /// <summary>
    /// The value with ${NAME:-default} and ${NAME-default} replaced by their defaults; null when any reference has no
    /// default (${NAME}, ${NAME:?message}): its value comes from the operator's environment.
    /// </summary>
    public static string? ResolveDefaults(string value)
    {
        bool fromEnvironment = false;
        string resolved = Reference().Replace(value, match =>
        {
            string operation = match.Groups["op"].Value;
            if (operation is ":-" or "-")
            {
                return match.Groups["arg"].Value;
            }

            fromEnvironment = true;
            return string.Empty;
        });
        return fromEnvironment ? null : resolved.Replace("$$", "$", StringComparison.Ordinal);
    }

    /// <summary>True when the value is exactly one ${NAME...} reference to <paramref name="variable"/>.</summary>
    public static bool IsReferenceTo(string value, string variable)
    {
        Match match = Reference().Match(value);
        return match.Success && match.Value == value && match.Groups["name"].Value == variable;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?|:\+|\+)(?<arg>[^}]*))?\}")]
    private static partial Regex Reference();
}
