using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;
using Sprache;

using static Extractor.Assembly.Placement;

namespace Extractor.Assembly;

/// <summary>Places the rows above the funds block: 项目名称, 主管部门, 实施单位 and other label/value pairs.</summary>
internal static class HeadPlacer
{
    public static void PlaceLabelValues(FormBuilder form, RowLine line, LabelValueRow row)
    {
        foreach (var pair in row.Pairs)
        {
            switch (Vocabulary.HeadLabelOf(pair.Label)?.Field)
            {
                case HeadField.ProjectName:
                    form.ProjectName = Join(form.ProjectName, pair.Value);
                    break;
                case HeadField.SupervisingDepartment:
                    form.SupervisingDepartment = Join(form.SupervisingDepartment, pair.Value);
                    break;
                case HeadField.ImplementingUnit:
                    form.ImplementingUnit = Join(form.ImplementingUnit, pair.Value);
                    break;
                default:
                    if (pair.Value is not null)
                    {
                        form.Diagnostics.Add(Unplaced(line, pair.Label + "：" + pair.Value, "head field the contract has no place for"));
                    }

                    break;
            }
        }
    }
}
