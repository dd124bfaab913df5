using Extractor.Sources.Ocr.Paddle;
using Extractor.Sources.Ocr.Paddle.OnnxFormat;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Extractor.Tests.Sources.Ocr;

public sealed class GraphFoldingTests
{
    private const int Channels = 4;

    [Fact]
    public void AFoldedBlockComputesWhatTheExportedOneDoes()
    {
        var exported = Block().ToByteArray();
        var (folded, report) = GraphFolding.Fold(exported);

        Assert.Equal(new FoldReport(AffineAfterConv: 2, HardSwish: 2, AffineBeforeConv: 1, AffineAsNormalization: 1), report);
        var ops = ModelProto.Parser.ParseFrom(folded).Graph.Node.Where(n => n.OpType != "Constant").Select(n => n.OpType).ToList();
        Assert.Equal(["Conv", "HardSigmoid", "Mul", "BatchNormalization", "Conv", "HardSigmoid", "Mul", "Conv"], ops);

        var input = RandomInput(new Random(7), [2, Channels, 7, 9]);
        var expected = Run(exported, input);
        var actual = Run(folded, input);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(2 * 3 * 7 * 9, actual.Length);
        var worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"largest difference {worst}");
        Assert.True(expected.Max(Math.Abs) > 0.1, "the block's output is not all near zero");
    }

    [Fact]
    public void AShiftBeforeAPaddedConvolutionIsNotFoldedIntoIt()
    {
        // Folding a shift into a convolution that pads would change the border (the padding would be shifted too):
        // the pair before the depthwise convolution becomes one BatchNormalization, the convolution keeps its weights.
        var exported = Block();
        var depthwise = exported.Graph.Node.Single(n => n.Name == "depthwise");
        var before = Floats(exported, depthwise.Input[1]);

        var folded = ModelProto.Parser.ParseFrom(GraphFolding.Fold(exported.ToByteArray()).Model);
        var after = folded.Graph.Node.Single(n => n.Name == "depthwise");
        Assert.Equal("BatchNormalization", folded.Graph.Node.Single(n => n.Output.Contains(after.Input[0])).OpType);

        // Its weights take only the per-channel scale after it (0.5, 1.5, −1, 2; nine weights a channel).
        float[] scale = [0.5f, 1.5f, -1f, 2f];
        Assert.Equal(before.Select((w, i) => w * scale[i / 9]), Floats(folded, after.Input[1]));
    }

    [Fact]
    public void BytesThatAreNoModelAreRefused()
    {
        Assert.ThrowsAny<Exception>(() => GraphFolding.Fold([0xff, 0xff, 0xff, 0x07]));
        Assert.Throws<InvalidDataException>(() => GraphFolding.Fold(new ModelProto { IrVersion = 7 }.ToByteArray()));
    }

    [Fact]
    public void TheRecognitionModelFoldsToTheSameReadings()
    {
        var models = ModelLocator.Locate(null);
        var exported = File.ReadAllBytes(models.Recognition);
        var (folded, report) = GraphFolding.Fold(exported);

        // PP-OCRv4's recogniser: 28 convolutions each followed by a scale and shift and a hard-swish; 12 of the
        // shifts after them feed 1×1 convolutions, 13 feed padded ones.
        Assert.Equal(new FoldReport(AffineAfterConv: 28, HardSwish: 28, AffineBeforeConv: 12, AffineAsNormalization: 13), report);
        int Operators(byte[] model) => ModelProto.Parser.ParseFrom(model).Graph.Node.Count(n => n.OpType != "Constant");
        Assert.Equal(Operators(exported) - (28 * 2) - (28 * 2) - (12 * 2) - 13, Operators(folded));

        var input = RandomInput(new Random(11), [2, 3, 48, 160]);
        var expected = Run(exported, input);
        var actual = Run(folded, input);
        var worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"largest difference of a class probability {worst}");
    }

    /// <summary>
    /// conv 3×3 → ×s +b → hard-swish (÷6) → ×s +b → depthwise 3×3 (padded) → ×s[c] +b[c] → hard-swish (×1/6)
    /// → ×s +b → conv 1×1 → output; constants first in their operators, as Paddle exports them; opset 9.
    /// </summary>
    private static ModelProto Block()
    {
        var random = new Random(3);
        var graph = new GraphProto { Name = "block" };
        graph.Input.Add(FloatMap("x"));
        graph.Output.Add(FloatMap("y"));
        Constant(graph, "w1", [Channels, Channels, 3, 3], Values(random, Channels * Channels * 9));
        Constant(graph, "b1", [Channels], Values(random, Channels));
        Node(graph, "Conv", "conv1", ["x", "w1", "b1"], "c1", ("pads", [1, 1, 1, 1]));
        Affine(graph, "conv1_after", "c1", "a1", 1.3f, -0.2f, scalarFirst: true);
        HardSwish(graph, "hswish0", "a1", "h1", divide: true);
        Affine(graph, "dw_after", "h1", "a2", 0.7f, 0.4f, scalarFirst: true);
        Constant(graph, "w2", [Channels, 1, 3, 3], Values(random, Channels * 9));
        Node(graph, "Conv", "depthwise", ["a2", "w2"], "c2", ("pads", [1, 1, 1, 1]), ("group", [Channels]));
        Constant(graph, "s_c2", [Channels, 1, 1], [0.5f, 1.5f, -1f, 2f]);
        Constant(graph, "b_c2", [1, Channels, 1, 1], [0.1f, -0.3f, 0.2f, 0f]);
        Node(graph, "Mul", "c2_scale", ["s_c2", "c2"], "m2");
        Node(graph, "Add", "c2_shift", ["m2", "b_c2"], "a3");
        HardSwish(graph, "hswish1", "a3", "h2", divide: false);
        Affine(graph, "pw_before", "h2", "a4", -0.9f, 0.25f, scalarFirst: false);
        Constant(graph, "w3", [3, Channels, 1, 1], Values(random, 3 * Channels));
        Node(graph, "Conv", "pointwise", ["a4", "w3"], "y");
        var model = new ModelProto { IrVersion = 7, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 9 });
        return model;
    }

    private static ValueInfoProto FloatMap(string name)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = 1, Shape = new TensorShapeProto() };
        foreach (var dim in new[] { "n", "c", "h", "w" })
        {
            tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = dim });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }

    private static void Affine(GraphProto graph, string name, string input, string output, float scale, float shift, bool scalarFirst)
    {
        Constant(graph, "s_" + name, [1], [scale]);
        Constant(graph, "b_" + name, [1], [shift]);
        Node(graph, "Mul", name + ".mul", scalarFirst ? ["s_" + name, input] : [input, "s_" + name], name + ".m");
        Node(graph, "Add", name + ".add", scalarFirst ? [name + ".m", "b_" + name] : ["b_" + name, name + ".m"], output);
    }

    private static void HardSwish(GraphProto graph, string name, string input, string output, bool divide)
    {
        Constant(graph, name + ".three", [], [3f]);
        Constant(graph, name + ".six", [], [divide ? 6f : 1f / 6]);
        Node(graph, "Add", name + ".add", [input, name + ".three"], name + ".a");
        var clip = Node(graph, "Clip", name + ".clip", [name + ".a"], name + ".c");
        clip.Attribute.Add(new AttributeProto { Name = "min", F = 0, Type = 1 });
        clip.Attribute.Add(new AttributeProto { Name = "max", F = 6, Type = 1 });
        Node(graph, "Mul", name + ".mul", [input, name + ".c"], name + ".m");
        Node(graph, divide ? "Div" : "Mul", name + ".div", [name + ".m", name + ".six"], output);
    }

    private static NodeProto Node(GraphProto graph, string op, string name, string[] inputs, string output, params (string Name, long[] Values)[] ints)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        foreach (var (attribute, values) in ints)
        {
            var a = new AttributeProto { Name = attribute, Type = values.Length == 1 && attribute == "group" ? 2 : 7 };
            if (a.Type == 2)
            {
                a.I = values[0];
            }
            else
            {
                a.Ints.AddRange(values);
            }

            node.Attribute.Add(a);
        }

        graph.Node.Add(node);
        return node;
    }

    private static void Constant(GraphProto graph, string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = 1 };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        var node = new NodeProto { OpType = "Constant", Name = name };
        node.Output.Add(name);
        node.Attribute.Add(new AttributeProto { Name = "value", T = tensor, Type = 4 });
        graph.Node.Add(node);
    }

    private static float[] Floats(ModelProto model, string name)
    {
        var tensor = model.Graph.Node.First(n => n.OpType == "Constant" && n.Output[0] == name).Attribute[0].T;
        return tensor.FloatData.Count > 0 ? [.. tensor.FloatData] : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
    }

    private static float[] Values(Random random, int count) => Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

    private static DenseTensor<float> RandomInput(Random random, int[] shape)
    {
        var tensor = new DenseTensor<float>(shape);
        for (var i = 0; i < tensor.Length; i++)
        {
            tensor.SetValue(i, (float)((random.NextDouble() * 4) - 2));
        }

        return tensor;
    }

    private static float[] Run(byte[] model, DenseTensor<float> input)
    {
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        using var session = new InferenceSession(model, options);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
        return results[0].AsTensor<float>().ToArray();
    }
}
