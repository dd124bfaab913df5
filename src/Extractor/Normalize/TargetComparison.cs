using Extractor.Model;

namespace Extractor.Normalize;

/// <summary>Whether an indicator's actual value meets its target: the one place the operators are applied.</summary>
internal static class TargetComparison
{
    /// <summary>
    /// True or false when the actual can be held against the target: both numbers in the same unit (the
    /// target's operator applied; a target without operator is met only by the same number, since its direction
    /// is not printed), or the same text. Null when they cannot be compared: a measure missing, different
    /// units, different texts, a number against a text.
    /// </summary>
    public static bool? Met(Measure? target, Measure? actual)
    {
        if (target is null || actual is null)
        {
            return null;
        }

        if (target.Value is { } goal && actual.Value is { } value)
        {
            if (!string.Equals(target.Unit, actual.Unit, StringComparison.Ordinal))
            {
                return null;
            }

            return target.Operator switch
            {
                "=" => value == goal,
                ">=" => value >= goal,
                "<=" => value <= goal,
                ">" => value > goal,
                "<" => value < goal,
                _ => value == goal ? true : null,
            };
        }

        // Text (及时, 良好, 达成预期指标): only the same words can be said to meet it.
        return string.Equals(target.Raw, actual.Raw, StringComparison.Ordinal) ? true : null;
    }
}
