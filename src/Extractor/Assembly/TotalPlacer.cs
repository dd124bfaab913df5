using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;
using Sprache;

using static Extractor.Assembly.Placement;

namespace Extractor.Assembly;

/// <summary>Places the 总分 row: 分值 and 得分 as printed.</summary>
internal static class TotalPlacer
{
    public static void PlaceTotal(FormBuilder form, RowLine line, TotalRow total)
    {
        form.FlushPending();
        form.SawTotal = true;
        form.Section = Section.Done;

        // 分值 then 得分 in reading order; a lone number is the 分值 unless it matches the scores only.
        var numbers = total.Values;
        if (numbers.Length >= 2)
        {
            form.TotalWeight = numbers[0].Value;
            form.TotalScore = numbers[1].Value;
            foreach (var more in numbers.Skip(2))
            {
                form.Diagnostics.Add(Unplaced(line, more.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "extra number in the 总分 row"));
            }
        }
        else if (numbers.Length == 1)
        {
            var value = numbers[0].Value;
            var sums = form.Sums();
            if (sums.Score == value && sums.Weight != value)
            {
                form.TotalScore = value;
            }
            else
            {
                form.TotalWeight = value;
            }
        }

        foreach (var other in total.Other)
        {
            form.Diagnostics.Add(Unplaced(line, other.Value, "text in the 总分 row"));
        }
    }
}
