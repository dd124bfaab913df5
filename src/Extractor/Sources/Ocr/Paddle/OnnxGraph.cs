using System.Runtime.InteropServices;
using Extractor.Sources.Ocr.Paddle.OnnxFormat;
using Google.Protobuf;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// An editable view of an ONNX model's main graph for <see cref="GraphFolding"/>: its float constants (from
/// <c>Constant</c> nodes or initializers) by name, and which nodes use each value.
/// </summary>
internal sealed class OnnxGraph
{
    private const int FloatType = 1;
    private const int TensorAttribute = 4;
    private const int FloatAttribute = 1;

    private readonly ModelProto model;
    private readonly Dictionary<string, TensorProto> constants = new(StringComparer.Ordinal);
    private readonly HashSet<string> graphOutputs;
    private Dictionary<string, List<NodeProto>>? users;
    private Dictionary<string, NodeProto>? producers;

    private OnnxGraph(ModelProto model)
    {
        this.model = model;
        foreach (var node in Nodes)
        {
            if (node.OpType == "Constant" && node.Output.Count == 1 && node.Attribute.Count == 1 && node.Attribute[0].T is { } value)
            {
                constants[node.Output[0]] = value;
            }
        }

        foreach (var initializer in model.Graph.Initializer)
        {
            constants[initializer.Name] = initializer;
        }

        graphOutputs = model.Graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The graph's nodes, in order.</summary>
    public IList<NodeProto> Nodes => model.Graph.Node;

    /// <summary>Reads a model; throws <see cref="InvalidProtocolBufferException"/> or <see cref="InvalidDataException"/> when the bytes are not one.</summary>
    public static OnnxGraph Parse(byte[] bytes)
    {
        var model = ModelProto.Parser.ParseFrom(bytes);
        if (model.Graph is null)
        {
            throw new InvalidDataException("the model has no graph");
        }

        return new OnnxGraph(model);
    }

    /// <summary>The values of a float constant, or null when <paramref name="name"/> is not one.</summary>
    public float[]? Floats(string name)
    {
        if (!constants.TryGetValue(name, out var tensor) || tensor.DataType != FloatType)
        {
            return null;
        }

        return tensor.FloatData.Count > 0 ? [.. tensor.FloatData] : MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
    }

    /// <summary>The shape of a constant, or null when <paramref name="name"/> is not one.</summary>
    public IReadOnlyList<long>? Shape(string name) => constants.TryGetValue(name, out var tensor) ? tensor.Dims : null;

    /// <summary>The value of a float constant holding one number, or null.</summary>
    public float? Scalar(string name) => Floats(name) is [var only] ? only : null;

    /// <summary>Replaces the values of the float constant <paramref name="name"/> (same count).</summary>
    public void SetFloats(string name, float[] values)
    {
        var tensor = constants[name];
        tensor.FloatData.Clear();
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Adds a float constant (as a <c>Constant</c> node at the graph's start) and gives its name.</summary>
    public string AddConstant(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = FloatType, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        var node = new NodeProto { OpType = "Constant", Name = name };
        node.Output.Add(name);
        node.Attribute.Add(new AttributeProto { Name = "value", T = tensor, Type = TensorAttribute });
        Nodes.Insert(0, node);
        constants[name] = tensor;
        users = null;
        producers = null;
        return name;
    }

    /// <summary>A float attribute of a node.</summary>
    public static AttributeProto FloatAttributeOf(string name, float value) => new() { Name = name, F = value, Type = FloatAttribute };

    /// <summary>The one node that uses <paramref name="value"/>, or null when several do, none does, or it is a graph output.</summary>
    public NodeProto? SoleUser(string value)
    {
        users ??= IndexUsers();
        return !graphOutputs.Contains(value) && users.TryGetValue(value, out var list) && list.Count == 1 ? list[0] : null;
    }

    /// <summary>The node that gives <paramref name="value"/>, or null for a graph input or constant.</summary>
    public NodeProto? Producer(string value)
    {
        producers ??= Nodes.SelectMany(n => n.Output.Select(o => (o, n))).GroupBy(p => p.o, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().n, StringComparer.Ordinal);
        return producers.TryGetValue(value, out var node) && node.OpType != "Constant" ? node : null;
    }

    /// <summary>Removes nodes (the indexes of users are made again when next asked).</summary>
    public void Remove(IEnumerable<NodeProto> nodes)
    {
        var gone = nodes.ToHashSet(ReferenceEqualityComparer.Instance);
        var kept = Nodes.Where(n => !gone.Contains(n)).ToList();
        Nodes.Clear();
        foreach (var node in kept)
        {
            Nodes.Add(node);
        }

        users = null;
        producers = null;
    }

    /// <summary>Tells the graph that nodes' inputs changed.</summary>
    public void Changed()
    {
        users = null;
        producers = null;
    }

    /// <summary>The model's bytes, without the constants no node uses any longer.</summary>
    public byte[] ToBytes()
    {
        users = IndexUsers();
        Remove(Nodes.Where(n => n.OpType == "Constant" && n.Output.Count == 1 && !users.ContainsKey(n.Output[0]) && !graphOutputs.Contains(n.Output[0])).ToList());
        users = IndexUsers();
        var inputs = model.Graph.Input.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var unused = model.Graph.Initializer.Where(i => !users.ContainsKey(i.Name) && !graphOutputs.Contains(i.Name) && !inputs.Contains(i.Name)).ToList();
        foreach (var initializer in unused)
        {
            model.Graph.Initializer.Remove(initializer);
        }

        return model.ToByteArray();
    }

    private Dictionary<string, List<NodeProto>> IndexUsers()
    {
        var index = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        foreach (var node in Nodes)
        {
            foreach (var input in node.Input.Where(i => i.Length > 0))
            {
                if (!index.TryGetValue(input, out var list))
                {
                    index[input] = list = [];
                }

                list.Add(node);
            }
        }

        return index;
    }
}
