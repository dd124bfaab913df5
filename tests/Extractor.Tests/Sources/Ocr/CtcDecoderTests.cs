using Extractor.Sources.Ocr.Paddle;

namespace Extractor.Tests.Sources.Ocr;

public sealed class CtcDecoderTests
{
    // Classes: 0 blank, 1 甲, 2 乙, 3 丙, 4 space.
    private static readonly Alphabet Letters = Alphabet.FromKeys("甲\n乙\n丙\n");

    [Fact]
    public void TheKeysFileIsFramedByTheBlankAndTheSpace()
    {
        Assert.Equal(5, Letters.Count);
        Assert.Equal(string.Empty, Letters[0]);
        Assert.Equal("甲", Letters[1]);
        Assert.Equal(" ", Letters[4]);
        Assert.Equal(5, Alphabet.FromKeys("甲\r\n乙\r\n丙").Count);
    }

    [Fact]
    public void RunsAreTakenOnceAndBlanksSeparateRepeats()
    {
        // 甲 甲 _ 甲 乙 _ _ 丙 丙: 甲, 甲 again after the blank, 乙, 丙.
        var steps = Steps(1, 1, 0, 1, 2, 0, 0, 3, 3);
        var emissions = CtcDecoder.Decode(steps, 9, Letters);
        Assert.Equal(["甲", "甲", "乙", "丙"], emissions.Select(e => e.Text));
        Assert.Equal([(0, 1), (3, 3), (4, 4), (7, 8)], emissions.Select(e => (e.FirstStep, e.LastStep)));
        Assert.All(emissions, e => Assert.Equal(0.7f, e.Probability, 3));
    }

    [Fact]
    public void RunnersUpAreTheNextLikeliestClasses()
    {
        var steps = new float[] { 0.05f, 0.6f, 0.1f, 0.25f, 0f };
        var emission = Assert.Single(CtcDecoder.Decode(steps, 1, Letters));
        Assert.Equal("甲", emission.Text);
        Assert.Equal(["丙", "乙"], emission.RunnersUp.Select(a => a.Text));
        Assert.Equal(0.25f, emission.RunnersUp[0].Probability, 3);
    }

    [Fact]
    public void CharactersAreSpreadAlongTheCropAndTileIt()
    {
        // Ten steps over the whole crop: characters at steps 1, 4–5 and 8.
        var emissions = CtcDecoder.Decode(Steps(0, 1, 0, 0, 2, 2, 0, 0, 3, 0), 10, Letters);
        var reading = Spans.Place(emissions, 0.1);
        Assert.Equal("甲乙丙", reading.Text);
        Assert.Equal([0.15f, 0.5f, 0.85f], reading.Characters.Select(c => c.Centre), new Tolerance(1e-4f));
        Assert.Equal(0, reading.Characters[0].Start);
        Assert.Equal(reading.Characters[0].End, reading.Characters[1].Start);
        Assert.Equal((0.5f + 0.85f) / 2, reading.Characters[1].End, 4);
        Assert.Equal(1, reading.Characters[^1].End);
        Assert.Equal(0.7f, reading.Confidence, 3);
    }

    [Fact]
    public void NothingReadIsAnEmptyReadingOfNoConfidence()
    {
        var reading = Spans.Place(CtcDecoder.Decode(Steps(0, 0, 0), 3, Letters), 1 / 3.0);
        Assert.Same(RecognizedText.Empty, reading);
    }

    // One step per class given, that class at 0.7 and the rest shared.
    private static float[] Steps(params int[] classes)
    {
        var values = new float[classes.Length * Letters.Count];
        for (var t = 0; t < classes.Length; t++)
        {
            for (var c = 0; c < Letters.Count; c++)
            {
                values[(t * Letters.Count) + c] = c == classes[t] ? 0.7f : 0.3f / (Letters.Count - 1);
            }
        }

        return values;
    }

    private sealed class Tolerance(float within) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= within;

        public int GetHashCode(float obj) => 0;
    }
}
