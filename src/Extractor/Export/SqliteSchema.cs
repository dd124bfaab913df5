namespace Extractor.Export;

/// <summary>The SQLite schema of the batch export (documented in docs/sqlite.md).</summary>
internal static class SqliteSchema
{
    /// <summary>The schema version, kept in <c>PRAGMA user_version</c>.</summary>
    public const int Version = 1;

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
          updatedAt      TEXT NOT NULL
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
        """;
}
