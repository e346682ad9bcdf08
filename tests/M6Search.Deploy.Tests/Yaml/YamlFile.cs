using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace M6Search.Deploy.Tests.Yaml;

/// <summary>Reads YAML files into <see cref="YamlTree"/> documents; merge keys (&lt;&lt;: *anchor) are applied.</summary>
public static class YamlFile
{
    /// <summary>Every document of the file (a Kubernetes manifest may hold several, separated by ---).</summary>
    /// <exception cref="YamlException">The file is not valid YAML; the message has the line and column.</exception>
    public static IReadOnlyList<YamlTree> LoadDocuments(string path)
    {
        string name = Support.RepositoryLayout.Relative(path);
        using var reader = new StreamReader(path);
        var parser = new MergingParser(new Parser(reader));
        IDeserializer deserializer = new DeserializerBuilder().Build();
        var documents = new List<YamlTree>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            object? value = deserializer.Deserialize(parser);
            if (value is not null)
            {
                documents.Add(new YamlTree(value, $"{name}#{documents.Count}:"));
            }
        }

        return documents;
    }

    /// <summary>The one document of a file that must hold exactly one.</summary>
    public static YamlTree LoadSingle(string path)
    {
        IReadOnlyList<YamlTree> documents = LoadDocuments(path);
        return documents.Count == 1
            ? documents[0]
            : throw new InvalidOperationException($"{path}: expected one YAML document, found {documents.Count}.");
    }
}
