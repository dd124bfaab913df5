using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extractor.Model;
using Microsoft.Data.Sqlite;

namespace Extractor.Export;

/// <summary>
/// SQLite export on one connection, in batched transactions. Each input replaces what the database held
/// for its relative path (delete, cascading to its rows, then insert, in the same transaction), so a
/// re-run never duplicates rows and a changed file replaces its older version. A failed input removes
/// the path's document and records the failure; a converted one clears the path's failure.
/// </summary>
public sealed class SqliteExporter : IDocumentExporter
{
    private const int MaxBatchDocuments = 256;
    private static readonly TimeSpan MaxBatchTime = TimeSpan.FromSeconds(2);

    private readonly SqliteConnection _connection;
    private readonly string _path;
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _deleteDocument;
    private readonly SqliteCommand _deleteFailure;
    private readonly SqliteCommand _insertDocument;
    private readonly SqliteCommand _insertForm;
    private readonly SqliteCommand _insertFundRow;
    private readonly SqliteCommand _insertIndicator;
    private readonly SqliteCommand _insertCheck;
    private readonly SqliteCommand _insertDiagnostic;
    private readonly SqliteCommand _upsertFailure;
    private readonly Stopwatch _batchAge = new();
    private SqliteTransaction? _transaction;
    private int _batchDocuments;

    /// <summary>Opens or creates the database at <paramref name="path"/> and creates missing tables.</summary>
    public SqliteExporter(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        _path = full;
        try
        {
            if (Directory.Exists(full))
            {
                throw new IOException($"cannot open the SQLite database {full}: it is a directory");
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            }
            catch (IOException e)
            {
                throw new IOException($"cannot open the SQLite database {full}: {e.Message}", e);
            }

            _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
            _connection.Open();
            Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            var version = Convert.ToInt64(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version > SqliteSchema.Version)
            {
                _connection.Dispose();
                throw new IOException($"{full}: the database has schema version {version}, newer than this program's {SqliteSchema.Version}");
            }

            using var transaction = _connection.BeginTransaction();
            if (version == 1)
            {
                Execute(SqliteSchema.FromVersion1, transaction);
            }

            Execute(SqliteSchema.Create, transaction);
            Execute(SqliteSchema.Views, transaction);
            Execute($"PRAGMA user_version = {SqliteSchema.Version}", transaction);
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            _connection?.Dispose();
            throw DatabaseError(full, "cannot open the SQLite database", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot open the SQLite database {full}: permission denied", e);
        }

        _deleteDocument = Command("DELETE FROM documents WHERE relPath = $p0", 1);
        _deleteFailure = Command("DELETE FROM failures WHERE relPath = $p0", 1);
        _insertDocument = Insert("documents", "docKey", "relPath", "path", "sha256", "kind", "pages", "schemaVersion", "formCount", "indicatorCount", "output", "updatedAt", "status", "statusReasons");
        _insertForm = Insert("forms", "docKey", "formIndex", "title", "year", "projectName", "supervisingDepartment", "implementingUnit", "funds_unit", "goals_expected", "goals_actual", "total_weight", "total_score", "source_pages", "yearSource");
        _insertFundRow = Insert(
            "fund_rows", "docKey", "formIndex", "rowIndex", "label", "\"key\"", "initialBudget", "annualBudget", "executed", "weight", "executionRatePercent", "score",
            "source_pages", "source_lines", "source_boxes", "initialBudgetYuan", "annualBudgetYuan", "executedYuan");
        _insertIndicator = Insert(
            "indicators", "docKey", "formIndex", "indicatorIndex", "level1", "level2", "name",
            "target_raw", "target_operator", "target_value", "target_unit", "target_text",
            "actual_raw", "actual_operator", "actual_value", "actual_unit", "actual_text",
            "weight", "score", "deviationReason", "source_pages", "source_lines", "source_boxes", "met");
        _insertCheck = Insert("checks", "docKey", "formIndex", "checkIndex", "code", "severity", "message", "path", "expected", "found");
        _insertDiagnostic = Insert("diagnostics", "docKey", "diagnosticIndex", "code", "severity", "message", "page", "line", "text", "path");
        _upsertFailure = Command(
            """
            INSERT INTO failures (relPath, path, sha256, code, reason, failedAt) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)
            ON CONFLICT (relPath) DO UPDATE SET path = excluded.path, sha256 = excluded.sha256, code = excluded.code,
              reason = excluded.reason, failedAt = excluded.failedAt
            """,
            6);
    }

    /// <summary>The key of a document: the first 32 hex digits of SHA-256 over its content hash, a line feed and its relative path.</summary>
    public static string DocumentKey(string sha256, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentNullException.ThrowIfNull(relativePath);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sha256}\n{relativePath}")))[..32];
    }

    /// <inheritdoc/>
    public void Add(ExportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            AddCore(item);
        }
        catch (SqliteException e)
        {
            throw DatabaseError(_path, "cannot write to the SQLite database", e);
        }
    }

    /// <inheritdoc/>
    public void Complete()
    {
        try
        {
            CommitBatch();
            Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException e)
        {
            throw DatabaseError(_path, "cannot write to the SQLite database", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _transaction?.Dispose(); // rolls back a batch that was not committed
        _transaction = null;
        foreach (var command in _commands)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    /// <summary>SQLite's error with the database's path, which SQLite's own message leaves out.</summary>
    private static IOException DatabaseError(string path, string what, SqliteException e) =>
        new($"{what} {path}: {e.Message}{(e.SqliteErrorCode == 14 ? " (its folder must be writable: SQLite keeps its journal beside it)" : string.Empty)}", e);

    private void AddCore(ExportItem item)
    {
        Begin();
        var relPath = item.RelativePath;
        Run(_deleteDocument, relPath);
        if (item.Failure is not null)
        {
            var failure = item.Failure;
            Run(_upsertFailure, relPath, failure.Path, failure.Sha256, failure.Code, failure.Reason, Time(failure.FailedAt));
        }
        else
        {
            Run(_deleteFailure, relPath);
            InsertDocument(item, item.Document);
        }

        _batchDocuments++;
        if (_batchDocuments >= MaxBatchDocuments || _batchAge.Elapsed >= MaxBatchTime)
        {
            CommitBatch();
        }
    }

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        decimal d => (double)d,
        bool b => b ? 1 : 0,
        _ => value,
    };

    private static string? Pages(ImmutableArray<int>? list) => list is { } l ? JsonSerializer.Serialize(l.ToArray()) : null;

    private static string? Boxes(ImmutableArray<PageBox>? boxes) =>
        boxes is { } b
            ? "[" + string.Join(',', b.Select(x => string.Create(CultureInfo.InvariantCulture, $"{{\"page\":{x.Page},\"x0\":{x.X0},\"y0\":{x.Y0},\"x1\":{x.X1},\"y1\":{x.Y1}}}"))) + "]"
            : null;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    private void InsertDocument(ExportItem input, Document document)
    {
        var key = DocumentKey(document.Source.Sha256, input.RelativePath);
        var source = document.Source;
        Run(
            _insertDocument, key, input.RelativePath, source.Path, source.Sha256, source.Kind, source.Pages, document.SchemaVersion,
            document.Forms.Length, document.Forms.Sum(f => f.Indicators.Length), input.OutputPath, Time(DateTimeOffset.UtcNow),
            document.Status, JsonSerializer.Serialize(document.StatusReasons));
        for (var d = 0; d < document.Diagnostics.Length; d++)
        {
            var diagnostic = document.Diagnostics[d];
            Run(_insertDiagnostic, key, d, diagnostic.Code, SeverityName(diagnostic.Severity), diagnostic.Message, diagnostic.Page, diagnostic.Line, diagnostic.Text, diagnostic.Path);
        }

        for (var f = 0; f < document.Forms.Length; f++)
        {
            var form = document.Forms[f];
            Run(
                _insertForm, key, f, form.Title, form.Year, form.ProjectName, form.SupervisingDepartment, form.ImplementingUnit,
                form.Funds.Unit, form.Goals.Expected, form.Goals.Actual, form.Total.Weight, form.Total.Score, Pages(form.Source.Pages), form.YearSource);
            for (var r = 0; r < form.Funds.Rows.Length; r++)
            {
                var row = form.Funds.Rows[r];
                Run(
                    _insertFundRow, key, f, r, row.Label, row.Key, row.InitialBudget, row.AnnualBudget, row.Executed, row.Weight,
                    row.ExecutionRatePercent, row.Score, Pages(row.Source.Pages), Pages(row.Source.Lines), Boxes(row.Source.Boxes),
                    row.InitialBudgetYuan, row.AnnualBudgetYuan, row.ExecutedYuan);
            }

            for (var i = 0; i < form.Indicators.Length; i++)
            {
                var x = form.Indicators[i];
                Run(
                    _insertIndicator, key, f, i, x.Level1, x.Level2, x.Name,
                    x.Target?.Raw, x.Target?.Operator, x.Target?.Value, x.Target?.Unit, x.Target?.Text,
                    x.Actual?.Raw, x.Actual?.Operator, x.Actual?.Value, x.Actual?.Unit, x.Actual?.Text,
                    x.Weight, x.Score, x.DeviationReason, Pages(x.Source.Pages), Pages(x.Source.Lines), Boxes(x.Source.Boxes), x.Met);
            }

            for (var c = 0; c < form.Checks.Length; c++)
            {
                var check = form.Checks[c];
                Run(_insertCheck, key, f, c, check.Code, SeverityName(check.Severity), check.Message, check.Path, check.Expected, check.Found);
            }
        }
    }

    private void Begin()
    {
        if (_transaction is not null)
        {
            return;
        }

        _transaction = _connection.BeginTransaction();
        foreach (var command in _commands)
        {
            command.Transaction = _transaction;
        }

        _batchDocuments = 0;
        _batchAge.Restart();
    }

    private void CommitBatch()
    {
        if (_transaction is null)
        {
            return;
        }

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    private SqliteCommand Insert(string table, params string[] columns) =>
        Command($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})", columns.Length);

    private SqliteCommand Command(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        }

        command.Prepare();
        _commands.Add(command);
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = Value(values[i]);
        }

        command.ExecuteNonQuery();
    }

    private void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
