using System.Globalization;

namespace M6Search.Deploy.Tests.Yaml;

/// <summary>
/// A read-only view of a parsed YAML value (mapping, sequence or scalar) that remembers where it came from, so that a
/// failed assertion names the file and the path inside it.
/// </summary>
public sealed class YamlTree
{
    private readonly object? _value;

    public YamlTree(object? value, string path)
    {
        _value = value;
        Path = path;
    }

    /// <summary>Where this value lies, such as "deploy/k8s/web.yaml#0: spec.template.spec".</summary>
    public string Path { get; }

    /// <summary>False when the key or index that led here was absent.</summary>
    public bool Exists => _value is not null;

    public bool IsMapping => _value is IDictionary<object, object>;

    public bool IsSequence => _value is IList<object>;

    /// <summary>The scalar as text, or null when absent or not a scalar.</summary>
    public string? Text => _value as string;

    /// <summary>The value of a key of a mapping (absent when this is not a mapping or lacks the key).</summary>
    public YamlTree this[string key]
    {
        get
        {
            string path = Path + "." + key;
            return _value is IDictionary<object, object> map && map.TryGetValue(key, out object? child)
                ? new YamlTree(child, path)
                : new YamlTree(null, path);
        }
    }

    /// <summary>The items of a sequence (empty when this is not one).</summary>
    public IReadOnlyList<YamlTree> Items => _value is IList<object> list
        ? list.Select((item, i) => new YamlTree(item, $"{Path}[{i}]")).ToList()
        : [];

    /// <summary>The entries of a mapping, keys as text (empty when this is not one).</summary>
    public IReadOnlyList<KeyValuePair<string, YamlTree>> Entries => _value is IDictionary<object, object> map
        ? map.Select(entry => new KeyValuePair<string, YamlTree>(
            Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty,
            new YamlTree(entry.Value, Path + "." + entry.Key))).ToList()
        : [];

    /// <summary>The scalar as a string; fails naming the path when absent or not a scalar.</summary>
    public string RequireText() => Text ?? throw new InvalidOperationException($"{Path}: expected a scalar value.");

    /// <summary>The scalar as an integer; fails naming the path otherwise.</summary>
    public int RequireInt() => int.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
        ? value
        : throw new InvalidOperationException($"{Path}: expected an integer, got '{Text}'.");

    /// <summary>A scalar, or the items of a sequence of scalars, as strings (a compose "command" can be either).</summary>
    public IReadOnlyList<string> TextOrItems() => Text is { } text ? [text] : Items.Select(item => item.Text ?? string.Empty).ToList();

    public override string ToString() => Path;
}
