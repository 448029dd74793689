/*
** store.h: internal interface of the SQLite store (src/store), stage 5 of
** the pipeline.  Input: wasit_result records from the coder (put) and
** wasit_query filters (query, dyad, stats).  Output: rows in one SQLite
** file, and JSON / JSONL / CSV / text written to a wasit_write_fn.
**
** Files:
**   schema.c  open/close, schema creation and version check (the schema
**             itself is documented there)
**   store.c   batched writes: begin, put (replace a document), commit
**   query.c   filter validation, the shared filtered-events SQL, event
**             output in four formats (JSON shapes documented there)
**   stats.c   dyad time series, actor list, stats report, one document
**
** All SQL is fixed text chosen from constant fragments; every user value
** is bound with sqlite3_bind_*.  One wasit_store is one connection and is
** used by one thread at a time.
*/
#ifndef WASIT_STORE_H
#define WASIT_STORE_H

#include "../base/base.h"
#include <sqlite3.h>

#define STORE_SCHEMA_VERSION 1
#define STORE_LIMIT_DEFAULT 100
#define STORE_LIMIT_MAX 10000
#define STORE_ACTOR_MAX 40   /* longest actor code prefix accepted */

struct wasit_store {
  sqlite3 *db;
  char path[256];          /* for err->where */
  int readonly;            /* opened with WASIT_STORE_READONLY */
  int in_batch;            /* between wasit_store_begin and _commit */
  /* Prepared on first put (writable stores only). */
  sqlite3_stmt *st_doc, *st_del_ev, *st_del_sent, *st_sent, *st_ev;
};

/* Fill err with WASIT_ESTORE, the sqlite message of st->db and the store
** path as err->where; `what` says which step failed.  Returns WASIT_ESTORE. */
int store_sql_error(const wasit_store *st, wasit_error *err, const char *what,
                    const char *src_file, int src_line);
#define STORE_ERR(st, err, what) \
  store_sql_error((st), (err), (what), __FILE__, __LINE__)

/* Run one fixed SQL text without results.  Returns WASIT_OK or ESTORE. */
int store_exec(wasit_store *st, const char *sql, wasit_error *err);

/* ------------------------------------------------------------- filters */

/* A code prefix as a half-open range of strings: the codes that start
** with prefix `lo` are exactly those with lo <= code < hi in SQLite's
** BINARY (memcmp) order, where hi is lo with its last byte plus one.
** Prefixes are ASCII letters/digits, so the last byte never overflows.
** A range (unlike GLOB 'ARM*') is served by an index on the column
** whatever the bound value, without re-preparing.  lo NULL: no filter. */
typedef struct store_range {
  const char *lo, *hi;
} store_range;

/* A validated copy of a wasit_query: actor prefixes upper-cased into
** ranges, the code prefix a range, the text turned into an FTS5 query of
** normalized words, limit defaulted.  Strings live in `ar`. */
typedef struct store_filter {
  store_range actor, source, target, dyad_a, dyad_b, code;
  const char *root;
  const char *from, *to;
  const char *fts;           /* FTS5 MATCH expression or NULL */
  int dedup, desc;
  long limit, offset;
} store_filter;

/* Validate q (NULL = no filters) into f.  Returns WASIT_OK, WASIT_EINVAL
** with a message naming the bad field, or WASIT_ENOMEM. */
int store_filter_make(store_filter *f, const wasit_query *q, wa_arena *ar,
                      wasit_error *err);

/* Append "WHERE ..." (or nothing) over table alias e for the filters set
** in f; bind with store_filter_bind starting at parameter `first`. */
void store_filter_sql(wa_buf *sql, const store_filter *f);
/* Bind f's values in the order store_filter_sql used; returns the next
** free parameter index, or -1 on a bind failure. */
int store_filter_bind(sqlite3_stmt *stmt, const store_filter *f, int first);

/* Append to out the EXPLAIN QUERY PLAN lines (one "detail" per line) of
** the two statements wasit_store_query runs for q: the count, then
** "--" and the page.  For tests that pin the plans (index searches, no
** full scans).  EINVAL for bad filters, ESTORE, ENOMEM. */
int store_query_plan(wasit_store *st, const wasit_query *q, wa_buf *out,
                     wasit_error *err);

/* Prepare sql (which may have failed to build: ENOMEM). */
int store_prepare(wasit_store *st, const wa_buf *sql, sqlite3_stmt **out,
                  wasit_error *err);

/* Append to b the JSON array of mode names for the bits in `mode`. */
void store_mode_json(wa_buf *b, unsigned mode);

/* Append one event object read from `row` (columns in STORE_EV_COLS
** order, then reports and doc_ids when `dedup`) to b. */
void store_event_json(wa_buf *b, sqlite3_stmt *row, int dedup);

/* The select list every event query uses; tables e (events), s
** (sentences) and d (documents). */
#define STORE_EV_COLS                                                      \
  "e.doc_id, e.sentence, e.date, e.source, e.target, e.source_text, "      \
  "e.target_text, e.trigger, e.code, e.root, e.quad_class, e.goldstein, "  \
  "e.location_name, e.location_country, e.lat, e.lon, e.killed, "          \
  "e.wounded, e.mode, e.pattern, s.text, d.url, d.title, e.id"
#define STORE_EV_NCOLS 24

/* Write b's contents through write() and reset b; ENOMEM if b failed,
** EIO if the sink refused. */
int store_flush(wa_buf *b, wasit_write_fn write, void *ud, wasit_error *err);

#endif /* WASIT_STORE_H */
