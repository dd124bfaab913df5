using System.Collections.Immutable;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Greedy CTC decoding: the likeliest class at each time step, runs of one class taken once, blanks
/// dropped. Each character keeps the time steps its run covered, which place it along the line, and the
/// runner-up classes at its most confident step, from which a caller may choose another reading (a lone
/// 0 read as o) when the domain says so.
/// </summary>
internal static class CtcDecoder
{
    /// <summary>Runner-ups kept for each character.</summary>
    public const int Alternatives = 2;

    /// <summary>A decoded character and the time steps of its run.</summary>
    /// <param name="Text">The character.</param>
    /// <param name="Probability">The highest probability over its run.</param>
    /// <param name="FirstStep">The first time step of its run.</param>
    /// <param name="LastStep">The last time step of its run.</param>
    /// <param name="RunnersUp">Other non-blank classes at the step of <paramref name="Probability"/>, likeliest first.</param>
    internal readonly record struct Emission(string Text, float Probability, int FirstStep, int LastStep, ImmutableArray<CharacterAlternative> RunnersUp);

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
        Span<int> top = stackalloc int[Alternatives];
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = ArgMax(row);
            if (best != 0)
            {
                var p = row[best];
                if (best == previous && result.Count > 0)
                {
                    var last = result[^1];
                    result[^1] = p > last.Probability
                        ? last with { Probability = p, LastStep = t, RunnersUp = RunnersUp(row, best, alphabet, top) }
                        : last with { LastStep = t };
                }
                else
                {
                    result.Add(new Emission(alphabet[best], p, t, t, RunnersUp(row, best, alphabet, top)));
                }
            }

            previous = best;
        }

        return result;
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The likeliest classes of <paramref name="row"/> other than the blank and <paramref name="chosen"/>.</summary>
    private static ImmutableArray<CharacterAlternative> RunnersUp(ReadOnlySpan<float> row, int chosen, Alphabet alphabet, Span<int> top)
    {
        var count = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (c == chosen)
            {
                continue;
            }

            // Insertion into a short list sorted by probability, likeliest first; when full, the last drops out.
            int at;
            if (count < Alternatives)
            {
                at = count++;
            }
            else if (row[c] > row[top[Alternatives - 1]])
            {
                at = Alternatives - 1;
            }
            else
            {
                continue;
            }

            while (at > 0 && row[top[at - 1]] < row[c])
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = c;
        }

        var builder = ImmutableArray.CreateBuilder<CharacterAlternative>(count);
        for (var i = 0; i < count; i++)
        {
            builder.Add(new CharacterAlternative(alphabet[top[i]], row[top[i]]));
        }

        return builder.MoveToImmutable();
    }
}
