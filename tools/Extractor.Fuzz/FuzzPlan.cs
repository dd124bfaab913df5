using System.Globalization;

namespace Extractor.Fuzz;

/// <summary>Which cases a run covers, by id: crafted ones by name, mutated ones by seed number.</summary>
public sealed class FuzzPlan(FuzzCorpus corpus)
{
    private readonly Mutator mutator = new(corpus);

    /// <summary>The ids of a run: every crafted case (when asked), then the seeds from <paramref name="firstSeed"/> on.</summary>
    public static List<string> Ids(long firstSeed, int mutated, bool crafted)
    {
        var ids = new List<string>();
        if (crafted)
        {
            ids.AddRange(CraftedCases.All.Select(c => "crafted/" + c.Name));
        }

        for (long i = 0; i < mutated; i++)
        {
            ids.Add((firstSeed + i).ToString(CultureInfo.InvariantCulture));
        }

        return ids;
    }

    /// <summary>Builds the case of an id.</summary>
    public FuzzCase Build(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.StartsWith("crafted/", StringComparison.Ordinal))
        {
            return CraftedCases.Get(id["crafted/".Length..]).ToCase();
        }

        if (!long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            throw new ArgumentException($"a case id is a seed number or crafted/NAME, not '{id}'", nameof(id));
        }

        return mutator.Create(seed);
    }
}
