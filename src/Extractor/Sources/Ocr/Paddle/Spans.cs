namespace Extractor.Sources.Ocr.Paddle;

/// <summary>Places decoded characters along their crop.</summary>
internal static class Spans
{
    /// <summary>
    /// The reading of <paramref name="emissions"/>, each time step being <paramref name="stepFraction"/> of
    /// the crop's width. A character sits at the middle of its CTC run; spans meet halfway between
    /// neighbouring characters, the first starting at the crop's left and the last ending at its right
    /// (the detector's box is the line's extent).
    /// </summary>
    public static RecognizedText Place(IReadOnlyList<CtcDecoder.Emission> emissions, double stepFraction)
    {
        ArgumentNullException.ThrowIfNull(emissions);
        if (emissions.Count == 0)
        {
            return RecognizedText.Empty;
        }

        var centres = emissions.Select(e => (float)Math.Clamp((e.FirstStep + e.LastStep + 1) / 2.0 * stepFraction, 0, 1)).ToArray();
        var spans = new CharacterSpan[emissions.Count];
        for (var i = 0; i < spans.Length; i++)
        {
            var start = i == 0 ? 0 : (centres[i - 1] + centres[i]) / 2;
            var end = i == spans.Length - 1 ? 1 : (centres[i] + centres[i + 1]) / 2;
            spans[i] = new CharacterSpan(emissions[i].Text, emissions[i].Probability, start, centres[i], end, emissions[i].RunnersUp);
        }

        var text = string.Concat(emissions.Select(e => e.Text));
        return new RecognizedText(text, emissions.Average(e => e.Probability), [.. spans]);
    }
}
