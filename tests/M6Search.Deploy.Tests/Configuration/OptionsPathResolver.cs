using System.Collections;
using System.Globalization;
using System.Reflection;

namespace M6Search.Deploy.Tests.Configuration;

/// <summary>
/// Says whether a configuration path ("M6:Qdrant:Url") names something the configuration binder can set on an
/// options class: properties matched case-insensitively, nested classes, list items by index, dictionary entries by
/// key, and leaves (strings, numbers, booleans, enums, TimeSpan, Uri, nullable forms).
/// </summary>
public static class OptionsPathResolver
{
    /// <summary>Null when <paramref name="key"/> binds under <paramref name="section"/>; otherwise why not.</summary>
    public static string? Problem(Type optionsType, string section, string key)
    {
        string[] segments = key.Split(':');
        if (segments.Length == 0 || !string.Equals(segments[0], section, StringComparison.OrdinalIgnoreCase))
        {
            return $"'{key}' is not under the section '{section}'.";
        }

        return Walk(optionsType, segments, 1, section);
    }

    private static string? Walk(Type type, string[] segments, int index, string walked)
    {
        if (index == segments.Length)
        {
            return null;
        }

        string segment = segments[index];
        Type? element = ElementType(type);
        if (element is not null)
        {
            return int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? Walk(element, segments, index + 1, walked + ":" + segment)
                : $"'{walked}' is a list; '{segment}' is not an index.";
        }

        Type? value = DictionaryValueType(type);
        if (value is not null)
        {
            return Walk(value, segments, index + 1, walked + ":" + segment);
        }

        if (IsLeaf(type))
        {
            return $"'{walked}' is a single {Nullable.GetUnderlyingType(type)?.Name ?? type.Name} value; it has no '{segment}'.";
        }

        PropertyInfo? property = type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(candidate => string.Equals(candidate.Name, segment, StringComparison.OrdinalIgnoreCase));
        if (property is null || property.GetMethod is null || property.GetIndexParameters().Length > 0)
        {
            string known = string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name));
            return $"'{walked}' ({type.Name}) has no property '{segment}' (it has: {known}).";
        }

        if (IsLeaf(property.PropertyType) && property.SetMethod is not { IsPublic: true })
        {
            return $"'{walked}:{property.Name}' has no public setter, so configuration cannot set it.";
        }

        return Walk(property.PropertyType, segments, index + 1, walked + ":" + property.Name);
    }

    private static bool IsLeaf(Type type)
    {
        Type inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(decimal)
            || inner == typeof(TimeSpan) || inner == typeof(DateTime) || inner == typeof(DateTimeOffset)
            || inner == typeof(Guid) || inner == typeof(Uri);
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (DictionaryValueType(type) is not null || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        Type? enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static Type? DictionaryValueType(Type type)
    {
        Type? dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }
}
