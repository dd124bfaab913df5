namespace Extractor.Export;

/// <summary>The SQLite schema of the batch export (documented in docs/sqlite.md).</summary>
internal static class SqliteSchema
{
    /// <summary>The schema version, kept in <c>PRAGMA user_version</c>.</summary>
    public const int Version = 2;

    /// <summary>Creates the tables and indexes that are missing.</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS documents (
          docKey         TEXT PRIMARY KEY,
          relPath        TEXT NOT NULL UNIQUE,
          path           TEXT NOT NULL,
          sha256         TEXT NOT NULL,
          kind           TEXT NOT NULL,
          pages          INTEGER NOT NULL,
          schemaVersion  INTEGER NOT NULL,
          formCount      INTEGER NOT NULL,
          indicatorCount INTEGER NOT NULL,
          output         TEXT NOT NULL,
          updatedAt      TEXT NOT NULL,
          status         TEXT NOT NULL DEFAULT 'ok',
          statusReasons  TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE IF NOT EXISTS forms (
          docKey                TEXT NOT NULL REFERENCES documents(docKey) ON DELETE CASCADE,
          formIndex             INTEGER NOT NULL,
          title                 TEXT,
          year                  INTEGER,
          projectName           TEXT,
          supervisingDepartment TEXT,
          implementingUnit      TEXT,
          funds_unit            TEXT,
          goals_expected        TEXT,
          goals_actual          TEXT,
          total_weight          REAL,
          total_score           REAL,
          source_pages          TEXT,
          yearSource            TEXT,
          PRIMARY KEY (docKey, formIndex)
        );
        CREATE TABLE IF NOT EXISTS fund_rows (
          docKey               TEXT NOT NULL,
          formIndex            INTEGER NOT NULL,
          rowIndex             INTEGER NOT NULL,
          label                TEXT NOT NULL,
          "key"                TEXT,
          initialBudget        REAL,
          annualBudget         REAL,
          executed             REAL,
          weight               REAL,
          executionRatePercent REAL,
          score                REAL,
          source_pages         TEXT,
          source_lines         TEXT,
          source_boxes         TEXT,
          initialBudgetYuan    REAL,
          annualBudgetYuan     REAL,
          executedYuan         REAL,
          PRIMARY KEY (docKey, formIndex, rowIndex),
          FOREIGN KEY (docKey, formIndex) REFERENCES forms(docKey, formIndex) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS indicators (
          docKey          TEXT NOT NULL,
          formIndex       INTEGER NOT NULL,
          indicatorIndex  INTEGER NOT NULL,
          level1          TEXT,
          level2          TEXT,
          name            TEXT NOT NULL,
          target_raw      TEXT,
          target_operator TEXT,
          target_value    REAL,
          target_unit     TEXT,
          target_text     TEXT,
          actual_raw      TEXT,
          actual_operator TEXT,
          actual_value    REAL,
          actual_unit     TEXT,
          actual_text     TEXT,
          weight          REAL,
          score           REAL,
          deviationReason TEXT,
          source_pages    TEXT,
          source_lines    TEXT,
          source_boxes    TEXT,
          met             INTEGER,
          PRIMARY KEY (docKey, formIndex, indicatorIndex),
          FOREIGN KEY (docKey, formIndex) REFERENCES forms(docKey, formIndex) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS checks (
          docKey     TEXT NOT NULL,
          formIndex  INTEGER NOT NULL,
          checkIndex INTEGER NOT NULL,
          code       TEXT NOT NULL,
          severity   TEXT NOT NULL,
          message    TEXT NOT NULL,
          path       TEXT NOT NULL,
          expected   REAL,
          found      REAL,
          PRIMARY KEY (docKey, formIndex, checkIndex),
          FOREIGN KEY (docKey, formIndex) REFERENCES forms(docKey, formIndex) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS diagnostics (
          docKey          TEXT NOT NULL REFERENCES documents(docKey) ON DELETE CASCADE,
          diagnosticIndex INTEGER NOT NULL,
          code            TEXT NOT NULL,
          severity        TEXT NOT NULL,
          message         TEXT NOT NULL,
          page            INTEGER,
          line            INTEGER,
          text            TEXT,
          path            TEXT,
          PRIMARY KEY (docKey, diagnosticIndex)
        );
        CREATE TABLE IF NOT EXISTS failures (
          relPath  TEXT PRIMARY KEY,
          path     TEXT NOT NULL,
          sha256   TEXT,
          code     TEXT NOT NULL,
          reason   TEXT NOT NULL,
          failedAt TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
        CREATE INDEX IF NOT EXISTS forms_year ON forms(year);
        CREATE INDEX IF NOT EXISTS forms_projectName ON forms(projectName);
        CREATE INDEX IF NOT EXISTS forms_supervisingDepartment ON forms(supervisingDepartment);
        CREATE INDEX IF NOT EXISTS indicators_level ON indicators(level1, level2);
        CREATE INDEX IF NOT EXISTS checks_code ON checks(code);
        CREATE INDEX IF NOT EXISTS diagnostics_code ON diagnostics(code);
        CREATE INDEX IF NOT EXISTS failures_code ON failures(code);
        CREATE INDEX IF NOT EXISTS documents_status ON documents(status);
        CREATE INDEX IF NOT EXISTS indicators_met ON indicators(met);
        """;

    /// <summary>From version 1: the columns version 2 added (status, amounts in 元, met, yearSource, a diagnostic's path).</summary>
    public const string FromVersion1 = """
        ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'ok';
        ALTER TABLE documents ADD COLUMN statusReasons TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE forms ADD COLUMN yearSource TEXT;
        ALTER TABLE fund_rows ADD COLUMN initialBudgetYuan REAL;
        ALTER TABLE fund_rows ADD COLUMN annualBudgetYuan REAL;
        ALTER TABLE fund_rows ADD COLUMN executedYuan REAL;
        ALTER TABLE indicators ADD COLUMN met INTEGER;
        ALTER TABLE diagnostics ADD COLUMN path TEXT;
        """;

    /// <summary>
    /// The views for the usual questions (docs/sqlite.md). Dropped and made again on every open, so that a
    /// database always has this version's definitions.
    /// </summary>
    public const string Views = """
        DROP VIEW IF EXISTS funds_yuan;
        CREATE VIEW funds_yuan AS
          SELECT d.relPath, f.formIndex, f.year, f.yearSource, f.supervisingDepartment, f.implementingUnit, f.projectName,
                 d.status, f.funds_unit, r.label, r.initialBudgetYuan, r.annualBudgetYuan, r.executedYuan, r.executionRatePercent
          FROM fund_rows r JOIN forms f USING (docKey, formIndex) JOIN documents d USING (docKey)
          WHERE r."key" = 'total';
        DROP VIEW IF EXISTS funds_by_year_department;
        CREATE VIEW funds_by_year_department AS
          SELECT year, supervisingDepartment, count(*) AS forms, count(annualBudgetYuan) AS formsWithAmounts,
                 sum(initialBudgetYuan) AS initialBudgetYuan, sum(annualBudgetYuan) AS annualBudgetYuan, sum(executedYuan) AS executedYuan,
                 round(100.0 * sum(executedYuan) / nullif(sum(annualBudgetYuan), 0), 2) AS executionRatePercent
          FROM funds_yuan
          GROUP BY year, supervisingDepartment;
        DROP VIEW IF EXISTS missed_targets;
        CREATE VIEW missed_targets AS
          SELECT d.relPath, f.formIndex, f.year, f.supervisingDepartment, f.projectName, i.indicatorIndex, i.level1, i.level2, i.name,
                 i.target_raw, i.actual_raw, i.weight, i.score, i.deviationReason, d.status
          FROM indicators i JOIN forms f USING (docKey, formIndex) JOIN documents d USING (docKey)
          WHERE i.met = 0;
        DROP VIEW IF EXISTS forms_by_status;
        CREATE VIEW forms_by_status AS
          SELECT status, count(*) AS documents, sum(formCount) AS forms FROM documents GROUP BY status
          UNION ALL
          SELECT 'failed', count(*), 0 FROM failures HAVING count(*) > 0;
        DROP VIEW IF EXISTS failed_checks;
        CREATE VIEW failed_checks AS
          SELECT d.relPath, f.formIndex, f.year, f.supervisingDepartment, f.projectName, c.checkIndex, c.code, c.severity,
                 c.message, c.path, c.expected, c.found, d.status
          FROM checks c JOIN forms f USING (docKey, formIndex) JOIN documents d USING (docKey)
          WHERE c.severity IN ('error', 'warning');
        """;
}
