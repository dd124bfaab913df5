namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Greedy CTC decoding: the likeliest class at each time step, runs of one class taken once, blanks
/// dropped. Each character keeps the time steps its run covered, which place it along the line.
/// </summary>
internal static class CtcDecoder
{
    /// <summary>A decoded character and the time steps of its run.</summary>
    /// <param name="Text">The character.</param>
    /// <param name="Probability">The highest probability over its run.</param>
    /// <param name="FirstStep">The first time step of its run.</param>
    /// <param name="LastStep">The last time step of its run.</param>
    internal readonly record struct Emission(string Text, float Probability, int FirstStep, int LastStep);

    /// <summary>
    /// Decodes <paramref name="steps"/> time steps of <paramref name="probabilities"/> (step-major, each
    /// step <see cref="Alphabet.Count"/> classes).
    /// </summary>
    public static IReadOnlyList<Emission> Decode(ReadOnlySpan<float> probabilities, int steps, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        var classes = alphabet.Count;
        if (probabilities.Length < steps * classes)
        {
            throw new ArgumentException($"{probabilities.Length} values for {steps} steps of {classes} classes", nameof(probabilities));
        }

        var result = new List<Emission>();
        var previous = 0;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = 0;
            var bestP = row[0];
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > bestP)
                {
                    bestP = row[c];
                    best = c;
                }
            }

            if (best != 0)
            {
                if (best == previous && result.Count > 0)
                {
                    var last = result[^1];
                    result[^1] = last with { Probability = Math.Max(last.Probability, bestP), LastStep = t };
                }
                else
                {
                    result.Add(new Emission(alphabet[best], bestP, t, t));
                }
            }

            previous = best;
        }

        return result;
    }
}
