using Microsoft.Data.Sqlite;

namespace Extractor.Cli.Tests.Trust;

/// <summary>A database of schema version 1 (before status, 元 amounts, met and the views) is upgraded in place by the next batch.</summary>
public sealed class SqliteUpgradeTests
{
    [Fact]
    public void AVersion1DatabaseGetsTheNewColumnsAndViews()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        Assert.Equal(0, CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--sqlite", "all.db").ExitCode);

        // Back to version 1: its tables without the columns version 2 added, no views.
        using (var db = Open(t["all.db"]))
        {
            Execute(db, """
                DROP VIEW funds_yuan; DROP VIEW funds_by_year_department; DROP VIEW missed_targets; DROP VIEW forms_by_status; DROP VIEW failed_checks;
                DROP INDEX documents_status; DROP INDEX indicators_met;
                ALTER TABLE documents DROP COLUMN status; ALTER TABLE documents DROP COLUMN statusReasons;
                ALTER TABLE forms DROP COLUMN yearSource;
                ALTER TABLE fund_rows DROP COLUMN initialBudgetYuan; ALTER TABLE fund_rows DROP COLUMN annualBudgetYuan; ALTER TABLE fund_rows DROP COLUMN executedYuan;
                ALTER TABLE indicators DROP COLUMN met; ALTER TABLE diagnostics DROP COLUMN path;
                PRAGMA user_version = 1;
                """);
        }

        File.AppendAllText(t["in/a.txt"], "\n");
        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--sqlite", "all.db");

        Assert.Equal(0, run.ExitCode);
        using var upgraded = Open(t["all.db"]);
        Assert.Equal("2", Scalar(upgraded, "PRAGMA user_version"));
        Assert.Equal("ok", Scalar(upgraded, "SELECT status FROM documents"));
        Assert.Equal("3", Scalar(upgraded, "SELECT count(*) FROM funds_yuan"));
        Assert.Equal("2", Scalar(upgraded, "SELECT count(*) FROM missed_targets WHERE projectName = '党群中心劳务费及分摊费'"));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
