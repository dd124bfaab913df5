using Extractor.Sources.Ocr.Paddle.OnnxFormat;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>What <see cref="GraphFolding.Fold"/> changed in a model.</summary>
/// <param name="AffineAfterConv">Scales and shifts folded into the convolution before them.</param>
/// <param name="HardSwish">Hard-swish activations written out as add, clip, multiply and divide, now HardSigmoid × x.</param>
/// <param name="AffineBeforeConv">Scales and shifts folded into the 1×1 convolution after them.</param>
/// <param name="AffineAsNormalization">Scale-and-shift pairs left, each now one BatchNormalization.</param>
internal sealed record FoldReport(int AffineAfterConv, int HardSwish, int AffineBeforeConv, int AffineAsNormalization)
{
    /// <summary>Whether anything was changed.</summary>
    public bool Any => AffineAfterConv + HardSwish + AffineBeforeConv + AffineAsNormalization > 0;
}

/// <summary>
/// Rewrites a model's graph into one that computes the same function with fewer passes over memory.
/// PP-OCRv4's models (exported from Paddle at opset 9) follow every convolution with a learnable scale and
/// shift and a hard-swish spelt out as four element-wise operators, then another scale and shift: eight
/// passes over each feature map per convolution, which ONNX Runtime's own fusions leave as they are (the
/// constants are scalars first in their operators). Those passes cost more than the convolutions (half of
/// recognition's time, measured with ONNX Runtime's profiler). Each rewrite here is exact up to float
/// rounding:
/// <list type="bullet">
/// <item>Conv → Mul(s) → Add(b): W·s and B·s + b (s, b scalars or one per output channel).</item>
/// <item>x · Clip(x + 3, 0, 6) / 6 → x · HardSigmoid(x; α = 1/6, β = 1/2).</item>
/// <item>Mul(s) → Add(b) → Conv 1×1 without padding: W·s and B + Σ W·b (a convolution that pads would see
/// the shift in its padding, so only unpadded 1×1 convolutions take it).</item>
/// <item>Any other Mul(s) → Add(b) feeding a convolution: one BatchNormalization (mean 0, variance 1).</item>
/// </list>
/// </summary>
internal static class GraphFolding
{
    /// <summary>The folded model's bytes and what was changed; throws when the bytes are not an ONNX model.</summary>
    public static (byte[] Model, FoldReport Report) Fold(byte[] model)
    {
        var graph = OnnxGraph.Parse(model);
        var report = new FoldReport(
            AffineAfterConv: FoldAffineAfterConv(graph),
            HardSwish: SimplifyHardSwish(graph),
            AffineBeforeConv: FoldAffineBeforeConv(graph),
            AffineAsNormalization: AffineAsNormalization(graph));
        return (graph.ToBytes(), report);
    }

    private static int FoldAffineAfterConv(OnnxGraph graph)
    {
        var folded = new List<NodeProto>();
        int count = 0;
        foreach (var conv in graph.Nodes.Where(n => n.OpType == "Conv" && n.Input.Count >= 2).ToList())
        {
            var weights = graph.Floats(conv.Input[1]);
            var shape = graph.Shape(conv.Input[1]);
            if (weights is null || shape is not { Count: >= 3 } || Affine.After(graph, conv.Output[0], (int)shape[0]) is not { } affine)
            {
                continue;
            }

            int channels = (int)shape[0], per = weights.Length / channels;
            var bias = BiasOf(graph, conv, channels);
            for (int o = 0; o < channels; o++)
            {
                for (int k = 0; k < per; k++)
                {
                    weights[(o * per) + k] *= affine.Scale[o];
                }

                bias[o] = (bias[o] * affine.Scale[o]) + affine.Shift[o];
            }

            graph.SetFloats(conv.Input[1], weights);
            SetBias(graph, conv, bias);
            conv.Output[0] = affine.Output;
            folded.AddRange(affine.Nodes);
            graph.Changed();
            count++;
        }

        graph.Remove(folded);
        return count;
    }

    private static int SimplifyHardSwish(OnnxGraph graph)
    {
        var removed = new List<NodeProto>();
        int count = 0;
        foreach (var add in graph.Nodes.Where(n => n.OpType == "Add" && n.Input.Count == 2).ToList())
        {
            if (HardSwishFrom(graph, add) is not { } found)
            {
                continue;
            }

            add.OpType = "HardSigmoid";
            add.Input.Clear();
            add.Input.Add(found.X);
            add.Attribute.Clear();
            add.Attribute.Add(OnnxGraph.FloatAttributeOf("alpha", 1f / 6));
            add.Attribute.Add(OnnxGraph.FloatAttributeOf("beta", 0.5f));
            found.Multiply.Input.Clear();
            found.Multiply.Input.Add(found.X);
            found.Multiply.Input.Add(add.Output[0]);
            found.Multiply.Output[0] = found.Divide.Output[0];
            removed.Add(found.Clip);
            removed.Add(found.Divide);
            count++;
        }

        graph.Remove(removed);
        return count;
    }

    private static (string X, NodeProto Clip, NodeProto Multiply, NodeProto Divide)? HardSwishFrom(OnnxGraph graph, NodeProto add)
    {
        foreach (var x in add.Input)
        {
            var other = add.Input[0] == x ? add.Input[1] : add.Input[0];
            if (graph.Scalar(other) != 3f || graph.SoleUser(add.Output[0]) is not { OpType: "Clip" } clip || ClipBounds(graph, clip) != (0f, 6f))
            {
                continue;
            }

            if (graph.SoleUser(clip.Output[0]) is not { OpType: "Mul" } multiply || !multiply.Input.Contains(x) || !multiply.Input.Contains(clip.Output[0]))
            {
                continue;
            }

            var divide = graph.SoleUser(multiply.Output[0]);
            bool bySix = divide is { OpType: "Div", Input.Count: 2 } && divide.Input[0] == multiply.Output[0] && graph.Scalar(divide.Input[1]) == 6f;
            bool bySixth = divide is { OpType: "Mul", Input.Count: 2 } && Math.Abs((graph.Scalar(divide.Input[0] == multiply.Output[0] ? divide.Input[1] : divide.Input[0]) ?? 0) - (1f / 6)) < 1e-7f;
            if (bySix || bySixth)
            {
                return (x, clip, multiply, divide!);
            }
        }

        return null;
    }

    private static (float Min, float Max)? ClipBounds(OnnxGraph graph, NodeProto clip)
    {
        // Clip takes its bounds as attributes up to opset 10 and as inputs from 11.
        float? min = clip.Attribute.FirstOrDefault(a => a.Name == "min")?.F, max = clip.Attribute.FirstOrDefault(a => a.Name == "max")?.F;
        if (clip.Input.Count >= 3)
        {
            min = clip.Input[1].Length > 0 ? graph.Scalar(clip.Input[1]) : null;
            max = clip.Input[2].Length > 0 ? graph.Scalar(clip.Input[2]) : null;
        }

        return min is { } lo && max is { } hi ? (lo, hi) : null;
    }

    private static int FoldAffineBeforeConv(OnnxGraph graph)
    {
        var folded = new List<NodeProto>();
        int count = 0;
        foreach (var conv in graph.Nodes.Where(n => n.OpType == "Conv" && n.Input.Count >= 2).ToList())
        {
            var weights = graph.Floats(conv.Input[1]);
            var shape = graph.Shape(conv.Input[1]);
            if (weights is null || shape is not { Count: >= 3 } || !IsPointwise(conv, shape) || Affine.Before(graph, conv, (int)shape[1]) is not { } affine)
            {
                continue;
            }

            int outputs = (int)shape[0], inputs = (int)shape[1];
            float[] scale = affine.Scale, shift = affine.Shift;

            var bias = BiasOf(graph, conv, outputs);
            for (int o = 0; o < outputs; o++)
            {
                for (int i = 0; i < inputs; i++)
                {
                    bias[o] += weights[(o * inputs) + i] * shift[i];
                    weights[(o * inputs) + i] *= scale[i];
                }
            }

            graph.SetFloats(conv.Input[1], weights);
            SetBias(graph, conv, bias);
            conv.Input[0] = affine.Input;
            folded.AddRange(affine.Nodes);
            graph.Changed();
            count++;
        }

        graph.Remove(folded);
        return count;
    }

    private static int AffineAsNormalization(OnnxGraph graph)
    {
        int count = 0;
        var replaced = new List<NodeProto>();
        foreach (var conv in graph.Nodes.Where(n => n.OpType == "Conv" && n.Input.Count >= 2).ToList())
        {
            if (graph.Shape(conv.Input[1]) is not { Count: >= 3 } shape || Affine.Before(graph, conv, (int)(shape[1] * Group(conv))) is not { Nodes.Count: 2 } affine)
            {
                continue;
            }

            int channels = affine.Scale.Length;
            float[] scale = affine.Scale, shift = affine.Shift;

            string name = affine.Output + ".affine";
            var norm = new NodeProto { OpType = "BatchNormalization", Name = name };
            norm.Input.Add(affine.Input);
            norm.Input.Add(graph.AddConstant(name + ".scale", [channels], scale));
            norm.Input.Add(graph.AddConstant(name + ".shift", [channels], shift));
            norm.Input.Add(graph.AddConstant(name + ".mean", [channels], new float[channels]));
            norm.Input.Add(graph.AddConstant(name + ".variance", [channels], Enumerable.Repeat(1f, channels).ToArray()));
            norm.Attribute.Add(OnnxGraph.FloatAttributeOf("epsilon", 0));
            norm.Output.Add(affine.Output);
            graph.Nodes.Insert(graph.Nodes.IndexOf(affine.Nodes[0]), norm);
            replaced.AddRange(affine.Nodes);
            graph.Changed();
            count++;
        }

        graph.Remove(replaced);
        return count;
    }

    private static bool IsPointwise(NodeProto conv, IReadOnlyList<long> shape)
    {
        bool ones = shape.Skip(2).All(d => d == 1);
        bool unpadded = conv.Attribute.All(a => a.Name != "pads" || a.Ints.All(p => p == 0));
        bool noAutoPad = conv.Attribute.All(a => a.Name != "auto_pad" || a.S.ToStringUtf8() is "NOTSET" or "VALID");
        return ones && unpadded && noAutoPad && Group(conv) == 1;
    }

    private static long Group(NodeProto conv) => conv.Attribute.FirstOrDefault(a => a.Name == "group")?.I ?? 1;

    private static float[] BiasOf(OnnxGraph graph, NodeProto conv, int channels) =>
        conv.Input.Count > 2 && conv.Input[2].Length > 0 && graph.Floats(conv.Input[2]) is { } bias && bias.Length == channels ? bias : new float[channels];

    private static void SetBias(OnnxGraph graph, NodeProto conv, float[] bias)
    {
        if (conv.Input.Count > 2 && conv.Input[2].Length > 0 && graph.Floats(conv.Input[2]) is { } old && old.Length == bias.Length)
        {
            graph.SetFloats(conv.Input[2], bias);
            return;
        }

        string name = graph.AddConstant(conv.Output[0] + ".bias", [bias.Length], bias);
        if (conv.Input.Count > 2)
        {
            conv.Input[2] = name;
        }
        else
        {
            conv.Input.Add(name);
        }

        graph.Changed();
    }
}
