using Extractor.Sources.Ocr.Paddle.OnnxFormat;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// A scale and shift of a feature map's channels spelt out as Mul and Add with constants (either alone):
/// output = input × Scale[c] + Shift[c], the constants given one per channel.
/// </summary>
/// <param name="Input">The value scaled.</param>
/// <param name="Output">The value the last node gives.</param>
/// <param name="Nodes">The Mul and Add nodes, in order.</param>
/// <param name="Scale">One scale a channel.</param>
/// <param name="Shift">One shift a channel.</param>
internal sealed record Affine(string Input, string Output, IReadOnlyList<NodeProto> Nodes, float[] Scale, float[] Shift)
{
    /// <summary>The scale and shift that alone use <paramref name="value"/>, a map of <paramref name="channels"/> channels.</summary>
    public static Affine? After(OnnxGraph graph, string value, int channels)
    {
        if (graph.SoleUser(value) is not { } first || Constant(graph, first, value, channels) is not { } firstValues)
        {
            return null;
        }

        if (first.OpType == "Add")
        {
            return new Affine(value, first.Output[0], [first], Ones(channels), firstValues);
        }

        if (graph.SoleUser(first.Output[0]) is { OpType: "Add" } second && Constant(graph, second, first.Output[0], channels) is { } shift)
        {
            return new Affine(value, second.Output[0], [first, second], firstValues, shift);
        }

        return new Affine(value, first.Output[0], [first], firstValues, new float[channels]);
    }

    /// <summary>The scale and shift whose result only <paramref name="consumer"/> uses, as its first input, a map of <paramref name="channels"/> channels.</summary>
    public static Affine? Before(OnnxGraph graph, NodeProto consumer, int channels)
    {
        string value = consumer.Input[0];
        if (graph.Producer(value) is not { OpType: "Add" or "Mul" } last || graph.SoleUser(value) != consumer)
        {
            return null;
        }

        string lastInput = VariableInput(graph, last);
        if (Constant(graph, last, lastInput, channels) is not { } lastValues)
        {
            return null;
        }

        if (last.OpType == "Mul")
        {
            return new Affine(lastInput, value, [last], lastValues, new float[channels]);
        }

        if (graph.Producer(lastInput) is { OpType: "Mul" } first && graph.SoleUser(lastInput) == last)
        {
            string input = VariableInput(graph, first);
            if (Constant(graph, first, input, channels) is { } scale)
            {
                return new Affine(input, value, [first, last], scale, lastValues);
            }
        }

        return new Affine(lastInput, value, [last], Ones(channels), lastValues);
    }

    /// <summary>
    /// The constant that <paramref name="node"/> (Mul or Add of two inputs) combines with <paramref name="value"/>,
    /// one value a channel of an NCHW map: a single number, or C numbers shaped [C, 1, 1] (leading 1s allowed).
    /// </summary>
    private static float[]? Constant(OnnxGraph graph, NodeProto node, string value, int channels)
    {
        if (node.OpType is not ("Mul" or "Add") || node.Input.Count != 2 || (node.Input[0] != value && node.Input[1] != value) || node.Input[0] == node.Input[1])
        {
            return null;
        }

        string other = node.Input[0] == value ? node.Input[1] : node.Input[0];
        if (graph.Floats(other) is not { } values || graph.Shape(other) is not { } shape || shape.Count > 4)
        {
            return null;
        }

        if (values.Length == 1)
        {
            return Enumerable.Repeat(values[0], channels).ToArray();
        }

        var trimmed = shape.SkipWhile(d => d == 1).ToList();
        bool perChannel = values.Length == channels && trimmed.Count == 3 && trimmed[0] == channels && trimmed[1] == 1 && trimmed[2] == 1;
        return perChannel ? values : null;
    }

    private static string VariableInput(OnnxGraph graph, NodeProto node) =>
        node.Input.Count == 2 && graph.Floats(node.Input[0]) is not null ? node.Input[1] : node.Input[0];

    private static float[] Ones(int channels) => Enumerable.Repeat(1f, channels).ToArray();
}
