using System.Globalization;
using CsvHelper;

namespace Extractor.Export;

/// <summary>
/// CSV exports (docs/csv.md): one record per indicator (<see cref="CsvExporter(string)"/>), per fund row
/// (<see cref="ForFundRows"/>) or per check (<see cref="ForChecks"/>), each with the document's and the
/// form's fields so that a file can be filtered and pivoted on its own, and the input's <c>relPath</c> to join
/// them. UTF-8 with a byte-order mark so that Excel reads the Chinese text; text that a spreadsheet would take
/// for a formula gets a leading apostrophe. Failed inputs have no records.
/// </summary>
public sealed class CsvExporter : IDocumentExporter
{
    private readonly AtomicOutputFile _file;
    private readonly CsvWriter _csv;
    private readonly CsvRow _row;
    private readonly CsvTable _table;
    private bool _completed;

    /// <summary>Starts the indicators' file at <paramref name="path"/> (through a temporary file) and writes the header.</summary>
    public CsvExporter(string path)
        : this(path, CsvTable.Indicators)
    {
    }

    private CsvExporter(string path, CsvTable table)
    {
        _table = table;
        _file = new AtomicOutputFile(path);
        _csv = CsvWriter.Create(_file.Stream, CsvWriterOptions.Default with { WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        _csv.WriteHeader([.. table.Columns]);
        _row = new CsvRow(_csv);
    }

    /// <summary>The indicators' header, in column order.</summary>
    public static IReadOnlyList<string> Columns => CsvTable.Indicators.Columns;

    /// <summary>The fund rows' header, in column order.</summary>
    public static IReadOnlyList<string> FundRowColumns => CsvTable.FundRows.Columns;

    /// <summary>The checks' header, in column order.</summary>
    public static IReadOnlyList<string> CheckColumns => CsvTable.Checks.Columns;

    /// <summary>Starts a file of one record per fund row at <paramref name="path"/>.</summary>
    public static CsvExporter ForFundRows(string path) => new(path, CsvTable.FundRows);

    /// <summary>Starts a file of one record per check at <paramref name="path"/>.</summary>
    public static CsvExporter ForChecks(string path) => new(path, CsvTable.Checks);

    /// <summary>
    /// Where the fund rows' and the checks' files go beside the indicators' file <paramref name="path"/>:
    /// <c>all.csv</c> gives <c>all.funds.csv</c> and <c>all.checks.csv</c>.
    /// </summary>
    public static (string FundRows, string Checks) FilesBeside(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stem = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
        return (stem + ".funds.csv", stem + ".checks.csv");
    }

    /// <inheritdoc/>
    public void Add(ExportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Failure is not null)
        {
            return;
        }

        try
        {
            _table.Write(_row, item);
        }
        catch (IOException e)
        {
            throw OutputError.For(_file.Path, _file.TempPath, e);
        }
    }

    /// <inheritdoc/>
    public void Complete()
    {
        try
        {
            _csv.Dispose(); // flushes; the stream stays open for the commit
        }
        catch (IOException e)
        {
            throw OutputError.For(_file.Path, _file.TempPath, e);
        }

        _file.Commit();
        _completed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_completed)
        {
            try
            {
                _csv.Dispose();
            }
            catch (IOException)
            {
                // The temporary file is deleted below; the error that stopped the batch is reported.
            }
        }

        _file.Dispose();
    }
}
