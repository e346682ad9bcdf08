using Onnx;

namespace M6Search.Encoder.Backbone.Import;

/// <summary>
/// Who produces and who reads each value of an ONNX graph, with bookkeeping of the nodes and initializers an importer
/// has matched, so that it can insist at the end that nothing in the file was left unexplained.
/// </summary>
internal sealed class OnnxGraphIndex
{
    private readonly Dictionary<string, List<NodeProto>> _consumers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorProto> _initializers = new(StringComparer.Ordinal);
    private readonly HashSet<NodeProto> _matchedNodes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _usedInitializers = new(StringComparer.Ordinal);

    public OnnxGraphIndex(GraphProto graph, string file)
    {
        Graph = graph;
        File = file;
        foreach (var initializer in graph.Initializer)
        {
            _initializers[initializer.Name] = initializer;
        }

        foreach (var node in graph.Node)
        {
            foreach (var input in node.Input)
            {
                if (input.Length == 0 || _initializers.ContainsKey(input))
                {
                    continue;
                }

                if (!_consumers.TryGetValue(input, out var list))
                {
                    _consumers[input] = list = [];
                }

                list.Add(node);
            }
        }
    }

    public GraphProto Graph { get; }

    public string File { get; }

    /// <summary>The single graph input that is not an initializer.</summary>
    public string DataInput()
    {
        var inputs = Graph.Input.Where(i => !_initializers.ContainsKey(i.Name)).Select(i => i.Name).ToList();
        if (inputs.Count != 1)
        {
            throw Fail($"expected one image input, found {inputs.Count} ({string.Join(", ", inputs)}).");
        }

        return inputs[0];
    }

    /// <summary>The nodes (not yet matched) that read <paramref name="value"/>.</summary>
    public IReadOnlyList<NodeProto> ConsumersOf(string value) =>
        _consumers.TryGetValue(value, out var list) ? list.Where(n => !_matchedNodes.Contains(n)).ToList() : [];

    /// <summary>The one node reading <paramref name="value"/>, which must be an <paramref name="opType"/>; marks it matched.</summary>
    public NodeProto SingleConsumer(string value, string opType, string role) =>
        Match(OnlyReader(value, opType, role), opType, role);

    /// <summary>The one node reading <paramref name="value"/>, which must be an <paramref name="opType"/>; not yet marked.</summary>
    public NodeProto OnlyReader(string value, string opType, string role)
    {
        var consumers = ConsumersOf(value);
        if (consumers.Count != 1 || consumers[0].OpType != opType)
        {
            throw Fail($"expected {role} ({opType}) to be the only reader of '{value}', found {Describe(consumers)}.");
        }

        return consumers[0];
    }

    /// <summary>Checks <paramref name="node"/> is an <paramref name="opType"/> with one output and marks it matched.</summary>
    public NodeProto Match(NodeProto node, string opType, string role)
    {
        if (node.OpType != opType)
        {
            throw Fail($"expected {role} ({opType}), found {Describe([node])}.");
        }

        if (node.Output.Count(o => o.Length > 0) != 1)
        {
            throw Fail($"{role} {Describe([node])} has {node.Output.Count} outputs; only inference graphs with one output per node are supported.");
        }

        return MarkMatched(node, opType, role);
    }

    /// <summary>Like <see cref="Match"/> for a node with any number of outputs.</summary>
    public NodeProto MarkMatched(NodeProto node, string opType, string role)
    {
        if (node.OpType != opType)
        {
            throw Fail($"expected {role} ({opType}), found {Describe([node])}.");
        }

        if (!_matchedNodes.Add(node))
        {
            throw Fail($"{role} {Describe([node])} was reached twice: the graph is wired differently from the network we build.");
        }

        return node;
    }

    /// <summary>The float initializer read by input <paramref name="index"/> of <paramref name="node"/>; marks it used.</summary>
    public OnnxFloatTensor Initializer(NodeProto node, int index, string role)
    {
        if (node.Input.Count <= index || !_initializers.TryGetValue(node.Input[index], out var tensor))
        {
            throw Fail($"{role} of {Describe([node])} should be a stored weight (an initializer), but input {index} is " +
                       (node.Input.Count <= index ? "missing." : $"'{node.Input[index]}', computed by the graph."));
        }

        _usedInitializers.Add(tensor.Name);
        return OnnxFloatTensor.Read(tensor, File);
    }

    /// <summary>True when <paramref name="value"/> is one of the graph's outputs.</summary>
    public bool IsGraphOutput(string value) => Graph.Output.Any(o => o.Name == value);

    /// <summary>Fails unless every node was matched and every initializer read.</summary>
    public void EnsureEverythingMatched()
    {
        var unmatched = Graph.Node.Where(n => !_matchedNodes.Contains(n)).ToList();
        if (unmatched.Count > 0)
        {
            throw Fail($"{unmatched.Count} node(s) are not part of the network we build: {Describe(unmatched.Take(5).ToList())}.");
        }

        var unused = _initializers.Keys.Where(k => !_usedInitializers.Contains(k)).ToList();
        if (unused.Count > 0)
        {
            throw Fail($"{unused.Count} stored tensor(s) are not used by the network we build: {string.Join(", ", unused.Take(5))}.");
        }
    }

    public BackboneImportException Fail(string detail) => new(File, detail);

    public static string Describe(IReadOnlyList<NodeProto> nodes) => nodes.Count == 0
        ? "nothing"
        : string.Join(", ", nodes.Select(n => $"{n.OpType} '{(n.Name.Length > 0 ? n.Name : string.Join(",", n.Output))}'"));
}
