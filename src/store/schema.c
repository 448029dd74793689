/*
** schema.c: opening and closing the SQLite store, and its schema.
**
** Stage 5 (store).  One file per store; WAL journal so a reader (the
** server) and one writer (`wasit code --db`) work at the same time.  A
** read-only open never creates the file and sets query_only.
**
** Schema (PRAGMA user_version = STORE_SCHEMA_VERSION = 1):
**
**   documents(id TEXT PRIMARY KEY, date, title, url, text)
**       one row per input document; text is the UTF-8-repaired original.
**   sentences(id INTEGER PRIMARY KEY, doc_id, idx, text, normalized, date)
**       idx is the 0-based sentence index in the document; normalized is
**       the text layer's matching form (hamza/alef folded, no harakat).
**       UNIQUE(doc_id, idx).
**   sentences_fts  FTS5(normalized), external content = sentences,
**       content_rowid = id, kept in step by triggers on sentences.  Query
**       words are normalized the same way, so أرمينيا finds ارمينيا.
**   events(id INTEGER PRIMARY KEY, doc_id, sentence, date, source, target,
**          source_text, target_text, trigger, code, root, quad_class,
**          goldstein, location_name, location_country, lat, lon, killed,
**          wounded, mode, pattern)
**       sentence = sentences.idx of the same doc_id; date "YYYY-MM-DD",
**       "YYYY-MM", "YYYY" or NULL (no date); target/texts/location/killed/wounded NULL
**       when absent; mode = enum wasit_mode bits (0 = plain report).
**       Indexes on date, source, target, root, code, doc_id.
**   events_dedup  VIEW: events collapsed on (date, source, target, code),
**       the row of the first stored event plus reports (rows collapsed)
**       and doc_ids (JSON array of distinct documents): the one-a-day
**       filter.
**
** Re-putting a document deletes its sentences and events first, in the
** same transaction (store.c), so rows are never duplicated.
*/
#include "store.h"
#include <stdio.h>
#include <string.h>

#define STORE_STR_(x) #x
#define STORE_STR(x) STORE_STR_(x)

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS documents("
    " id TEXT PRIMARY KEY, date TEXT, title TEXT, url TEXT, text TEXT);"
    "CREATE TABLE IF NOT EXISTS sentences("
    " id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, idx INTEGER NOT NULL,"
    " text TEXT, normalized TEXT, date TEXT, UNIQUE(doc_id, idx));"
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5("
    " normalized, content='sentences', content_rowid='id');"
    "CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN"
    " INSERT INTO sentences_fts(rowid, normalized)"
    " VALUES (new.id, new.normalized); END;"
    "CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN"
    " INSERT INTO sentences_fts(sentences_fts, rowid, normalized)"
    " VALUES ('delete', old.id, old.normalized); END;"
    "CREATE TRIGGER IF NOT EXISTS sentences_au AFTER UPDATE ON sentences BEGIN"
    " INSERT INTO sentences_fts(sentences_fts, rowid, normalized)"
    " VALUES ('delete', old.id, old.normalized);"
    " INSERT INTO sentences_fts(rowid, normalized)"
    " VALUES (new.id, new.normalized); END;"
    "CREATE TABLE IF NOT EXISTS events("
    " id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, sentence INTEGER,"
    " date TEXT, source TEXT NOT NULL, target TEXT, source_text TEXT,"
    " target_text TEXT, trigger TEXT, code TEXT NOT NULL, root TEXT,"
    " quad_class INTEGER, goldstein REAL, location_name TEXT,"
    " location_country TEXT, lat REAL, lon REAL, killed INTEGER,"
    " wounded INTEGER, mode INTEGER NOT NULL DEFAULT 0, pattern TEXT);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_source ON events(source);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target);"
    "CREATE INDEX IF NOT EXISTS events_root ON events(root);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code);"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);"
    "CREATE VIEW IF NOT EXISTS events_dedup AS"
    " SELECT e.*, g.reports, g.doc_ids FROM"
    " (SELECT MIN(id) AS first_id, COUNT(*) AS reports,"
    "  json_group_array(DISTINCT doc_id) AS doc_ids"
    "  FROM events GROUP BY date, source, target, code) AS g"
    " JOIN events e ON e.id = g.first_id;";

int store_sql_error(const wasit_store *st, wasit_error *err, const char *what,
                    const char *src_file, int src_line) {
  const char *msg = st && st->db ? sqlite3_errmsg(st->db) : "no connection";
  return wa_error_set(err, WASIT_ESTORE, st ? st->path : NULL, 0, src_file,
                      src_line, "sqlite: %s: %s", what, msg);
}

int store_exec(wasit_store *st, const char *sql, wasit_error *err) {
  if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return STORE_ERR(st, err, "exec");
  return WASIT_OK;
}

int store_prepare(wasit_store *st, const wa_buf *sql, sqlite3_stmt **out,
                  wasit_error *err) {
  *out = NULL;
  if (sql->failed || sql->data == NULL)
    return WA_ERR(err, WASIT_ENOMEM, "out of memory building a query");
  if (sqlite3_prepare_v2(st->db, sql->data, (int)sql->len, out, NULL) !=
      SQLITE_OK)
    return STORE_ERR(st, err, "prepare");
  return WASIT_OK;
}

/* Read PRAGMA user_version into *v. */
static int schema_version(wasit_store *st, int *v, wasit_error *err) {
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) !=
      SQLITE_OK)
    return STORE_ERR(st, err, "read schema version");
  int rc = sqlite3_step(s);
  *v = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
  sqlite3_finalize(s);
  if (rc != SQLITE_ROW) return STORE_ERR(st, err, "read schema version");
  return WASIT_OK;
}

/* Count the tables, indexes and views already in the file. */
static int count_objects(wasit_store *st, int *n, wasit_error *err) {
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2(st->db, "SELECT COUNT(*) FROM sqlite_master", -1, &s,
                         NULL) != SQLITE_OK)
    return STORE_ERR(st, err, "read schema");
  int rc = sqlite3_step(s);
  *n = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
  sqlite3_finalize(s);
  return rc == SQLITE_ROW ? WASIT_OK : STORE_ERR(st, err, "read schema");
}

/* Create the schema in a new file, or check the version of an old one. */
static int schema_init(wasit_store *st, wasit_error *err) {
  int v = 0, rc = schema_version(st, &v, err);
  if (rc != WASIT_OK) return rc;
  if (v > STORE_SCHEMA_VERSION)
    return WA_ERR_AT(err, WASIT_ESTORE, st->path, 0,
                     "store schema version %d is newer than this wasit (%d)",
                     v, STORE_SCHEMA_VERSION);
  if (st->readonly) {
    if (v != STORE_SCHEMA_VERSION)
      return WA_ERR_AT(err, WASIT_ESTORE, st->path, 0,
                       "not a wasit store (schema version %d)", v);
    return WASIT_OK;
  }
  if (v == STORE_SCHEMA_VERSION) return WASIT_OK;
  int n_objects = 0;
  if ((rc = count_objects(st, &n_objects, err)) != WASIT_OK) return rc;
  if (n_objects > 0) /* someone else's database: leave it alone */
    return WA_ERR_AT(err, WASIT_ESTORE, st->path, 0,
                     "not a wasit store (schema version 0, has tables)");
  if ((rc = store_exec(st, "BEGIN IMMEDIATE", err)) != WASIT_OK) return rc;
  if (sqlite3_exec(st->db, schema_sql, NULL, NULL, NULL) != SQLITE_OK) {
    rc = STORE_ERR(st, err, "create schema");
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
  }
  /* PRAGMA takes no parameters; the value is a compile-time constant. */
  if ((rc = store_exec(st, "PRAGMA user_version = " STORE_STR(STORE_SCHEMA_VERSION) "; COMMIT", err)) !=
      WASIT_OK) {
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
  }
  return WASIT_OK;
}

/* Open `path` (see wasit.h).  READONLY opens an existing store without
** creating anything; otherwise the file and schema are created as needed.
** On error *out is NULL and err names the path. */
int wasit_store_open(wasit_store **out, const char *path, int flags,
                     wasit_error *err) {
  if (out == NULL) return WA_ERR(err, WASIT_EINVAL, "store_open: out is NULL");
  *out = NULL;
  if (path == NULL || *path == '\0')
    return WA_ERR(err, WASIT_EINVAL, "store_open: no database path");
  if (flags & ~WASIT_STORE_READONLY)
    return WA_ERR_AT(err, WASIT_EINVAL, path, 0, "unknown store flags %#x",
                     (unsigned)flags);
  wasit_store *st = wa_calloc(NULL, 1, sizeof *st);
  if (st == NULL) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  snprintf(st->path, sizeof st->path, "%s", path);
  st->readonly = (flags & WASIT_STORE_READONLY) != 0;
  int oflags = st->readonly ? SQLITE_OPEN_READONLY
                            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc;
  if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) !=
      SQLITE_OK) {
    rc = STORE_ERR(st, err, "open");
    goto fail;
  }
  sqlite3_extended_result_codes(st->db, 1);
  sqlite3_busy_timeout(st->db, 5000);
  if (st->readonly &&
      (rc = store_exec(st, "PRAGMA query_only = 1", err)) != WASIT_OK)
    goto fail;
  if ((rc = schema_init(st, err)) != WASIT_OK) goto fail;
  /* WAL only once the file is known to be ours. */
  if (!st->readonly &&
      (rc = store_exec(st, "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA cache_size = -32768",
                       err)) != WASIT_OK)
    goto fail;
  *out = st;
  return WASIT_OK;
fail:
  wasit_store_close(st);
  return rc;
}

/* Close the store; an open batch is rolled back.  NULL is fine. */
void wasit_store_close(wasit_store *st) {
  if (st == NULL) return;
  sqlite3_finalize(st->st_doc);
  sqlite3_finalize(st->st_del_ev);
  sqlite3_finalize(st->st_del_sent);
  sqlite3_finalize(st->st_sent);
  sqlite3_finalize(st->st_ev);
  if (st->db != NULL) {
    if (st->in_batch) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(st->db);
  }
  wa_free(NULL, st);
}
