/*
** stats.c: summaries of a store: the dyad time series, the actor list,
** the stats report and one document with its sentences and events.
**
** Stage 5 (store).  Read-only queries; JSON shapes are documented at the
** top of query.c.  Filters come through store_filter (query.c), so every
** user value is validated and bound, never spliced into SQL.  Aggregates
** run in SQLite over the indexes on date/source/target/root.
*/
#include "store.h"
#include <stdio.h>
#include <string.h>

#define STATS_TOP 20

/* Prepare one constant SQL text. */
static int prep(wasit_store *st, const char *sql, sqlite3_stmt **s,
                wasit_error *err) {
  if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK)
    return STORE_ERR(st, err, "prepare");
  return WASIT_OK;
}

/* Append a JSON number with one decimal (no "-0.0"). */
static void json_real1(wa_buf *b, double v) {
  char tmp[64];
  if (v == 0) v = 0;
  snprintf(tmp, sizeof tmp, "%.1f", v);
  buf_puts(b, strcmp(tmp, "-0.0") == 0 ? "0.0" : tmp);
}

/* Append a text column as a JSON string (NULL -> null). */
static void json_col(wa_buf *b, sqlite3_stmt *s, int c) {
  const unsigned char *t = sqlite3_column_text(s, c);
  if (t == NULL) buf_puts(b, "null");
  else buf_json_str(b, (const char *)t, (size_t)sqlite3_column_bytes(s, c));
}

/* ------------------------------------------------------------------ dyad */

/* The period expression for `by`, or NULL when `by` is unknown.  Week
** periods start on the ISO week's Monday. */
static const char *period_expr(const char *by, const char **min_len) {
  if (strcmp(by, "day") == 0) {
    *min_len = "10";
    return "substr(e.date, 1, 10)";
  }
  if (strcmp(by, "week") == 0) {
    *min_len = "10";
    return "date(e.date, 'weekday 0', '-6 days')";
  }
  if (strcmp(by, "month") == 0) {
    *min_len = "7";
    return "substr(e.date, 1, 7)";
  }
  return NULL;
}

/* Dyad time series between actor prefixes a and b (see wasit.h); q may be
** NULL; its other filters apply too (limit/offset are ignored).  EINVAL for
** a bad code, `by` or filter. */
int wasit_store_dyad_json(wasit_store *st, const char *a, const char *b,
                          const char *by, const wasit_query *q,
                          wasit_write_fn write, void *ud, wasit_error *err) {
  if (st == NULL || write == NULL || a == NULL || b == NULL)
    return WA_ERR(err, WASIT_EINVAL, "dyad: needs a store, two actors, a writer");
  if (by == NULL) by = "month";
  const char *min_len = NULL, *pexpr = period_expr(by, &min_len);
  if (pexpr == NULL)
    return WA_ERR(err, WASIT_EINVAL, "by: '%s' is not day, week or month", by);
  wasit_query dq;
  if (q != NULL) dq = *q;
  else memset(&dq, 0, sizeof dq);
  dq.dyad_a = a;
  dq.dyad_b = b;
  dq.limit = 0;
  dq.offset = 0;
  wa_arena ar;
  arena_init(&ar, NULL);
  wa_buf sql, out;
  buf_init(&sql, NULL);
  buf_init(&out, NULL);
  sqlite3_stmt *s = NULL;
  store_filter f;
  int rc = store_filter_make(&f, &dq, &ar, err);
  if (rc != WASIT_OK) goto done;
  buf_puts(&sql, "SELECT ");
  buf_puts(&sql, pexpr);
  buf_puts(&sql, " AS p, SUM(e.quad_class = 1), SUM(e.quad_class = 2),"
                 " SUM(e.quad_class = 3), SUM(e.quad_class = 4),"
                 " TOTAL(e.goldstein), COUNT(*) FROM events e");
  if (f.dedup) {
    buf_puts(&sql, " WHERE e.id IN (SELECT MIN(e.id) FROM events e");
    store_filter_sql(&sql, &f);
    buf_puts(&sql, " GROUP BY e.date, e.source, e.target, e.code) AND ");
  } else {
    store_filter_sql(&sql, &f); /* dyad is set: a WHERE is always there */
    buf_puts(&sql, " AND ");
  }
  buf_puts(&sql, "length(e.date) >= ");
  buf_puts(&sql, min_len);
  buf_puts(&sql, " GROUP BY p ORDER BY p");
  if ((rc = store_prepare(st, &sql, &s, err)) != WASIT_OK) goto done;
  if (store_filter_bind(s, &f, 1) < 0) {
    rc = STORE_ERR(st, err, "bind");
    goto done;
  }
  buf_puts(&out, "{\"a\":");
  buf_json_str(&out, f.dyad_a.lo, strlen(f.dyad_a.lo));
  buf_puts(&out, ",\"b\":");
  buf_json_str(&out, f.dyad_b.lo, strlen(f.dyad_b.lo));
  buf_puts(&out, ",\"by\":");
  buf_json_str(&out, by, strlen(by));
  buf_puts(&out, ",\"periods\":[");
  int step, n = 0;
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    buf_puts(&out, n++ ? ",{\"period\":" : "{\"period\":");
    json_col(&out, s, 0);
    buf_printf(&out, ",\"q1\":%d,\"q2\":%d,\"q3\":%d,\"q4\":%d,\"goldstein\":",
               sqlite3_column_int(s, 1), sqlite3_column_int(s, 2),
               sqlite3_column_int(s, 3), sqlite3_column_int(s, 4));
    json_real1(&out, sqlite3_column_double(s, 5));
    buf_printf(&out, ",\"events\":%d}", sqlite3_column_int(s, 6));
  }
  if (step != SQLITE_DONE) {
    rc = STORE_ERR(st, err, "dyad");
    goto done;
  }
  buf_puts(&out, "]}\n");
  rc = store_flush(&out, write, ud, err);
done:
  sqlite3_finalize(s);
  buf_free(&sql);
  buf_free(&out);
  arena_free(&ar);
  return rc;
}

/* ---------------------------------------------------------------- actors */

static const char sql_actors[] =
    "SELECT code, COUNT(*) AS n FROM (SELECT source AS code FROM events"
    " UNION ALL SELECT target FROM events WHERE target IS NOT NULL)"
    " GROUP BY code ORDER BY n DESC, code";

/* Every actor code with its number of events (as source or target),
** most frequent first, as JSON. */
int wasit_store_actors_json(wasit_store *st, wasit_write_fn write, void *ud,
                            wasit_error *err) {
  if (st == NULL || write == NULL)
    return WA_ERR(err, WASIT_EINVAL, "actors: NULL store or writer");
  sqlite3_stmt *s = NULL;
  int rc = prep(st, sql_actors, &s, err);
  if (rc != WASIT_OK) return rc;
  wa_buf out;
  buf_init(&out, NULL);
  buf_puts(&out, "{\"actors\":[");
  int step, n = 0;
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    const char *code = (const char *)sqlite3_column_text(s, 0);
    size_t len = code ? strlen(code) : 0;
    buf_puts(&out, n++ ? ",{\"code\":" : "{\"code\":");
    json_col(&out, s, 0);
    buf_puts(&out, ",\"country\":");
    if (len >= 3) buf_json_str(&out, code, 3);
    else buf_puts(&out, "null");
    buf_printf(&out, ",\"events\":%d}", sqlite3_column_int(s, 1));
    if (out.len > 65536 && (rc = store_flush(&out, write, ud, err)) != 0)
      goto done;
  }
  if (step != SQLITE_DONE) {
    rc = STORE_ERR(st, err, "actors");
    goto done;
  }
  buf_puts(&out, "]}\n");
  rc = store_flush(&out, write, ud, err);
done:
  sqlite3_finalize(s);
  buf_free(&out);
  return rc;
}

/* ----------------------------------------------------------------- stats */

/* One section of the stats: its JSON key, text title and SQL.  Columns:
** the label(s), then the count. */
typedef struct stats_section {
  const char *key, *title, *sql;
  const char *label1, *label2;  /* JSON keys of the label columns */
} stats_section;

static const stats_section stats_sections[] = {
    {"by_root", "events by CAMEO root",
     "SELECT root, COUNT(*) FROM events GROUP BY root ORDER BY root", "root",
     NULL},
    {"by_month", "events by month",
     "SELECT substr(date, 1, 7) AS m, COUNT(*) FROM events"
     " WHERE length(date) >= 7 GROUP BY m ORDER BY m",
     "month", NULL},
    {"top_actors", "top actors (as source or target)",
     "SELECT code, COUNT(*) AS n FROM (SELECT source AS code FROM events"
     " UNION ALL SELECT target FROM events WHERE target IS NOT NULL)"
     " GROUP BY code ORDER BY n DESC, code LIMIT 20",
     "code", NULL},
    {"top_dyads", "top dyads (source -> target)",
     "SELECT source, target, COUNT(*) AS n FROM events"
     " WHERE target IS NOT NULL GROUP BY source, target"
     " ORDER BY n DESC, source, target LIMIT 20",
     "source", "target"},
};

static const char sql_totals[] =
    "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sentences),"
    " (SELECT COUNT(*) FROM events)";

/* Append one section to out, as JSON or as text. */
static int stats_section_write(wasit_store *st, const stats_section *sec,
                               int json, wa_buf *out, wasit_error *err) {
  sqlite3_stmt *s = NULL;
  int rc = prep(st, sec->sql, &s, err);
  if (rc != WASIT_OK) return rc;
  int ncol = sec->label2 ? 3 : 2, step, n = 0;
  if (json) {
    buf_printf(out, ",\"%s\":[", sec->key);
  } else {
    buf_printf(out, "\n%s:\n", sec->title);
  }
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    int count = sqlite3_column_int(s, ncol - 1);
    const char *l1 = (const char *)sqlite3_column_text(s, 0);
    const char *l2 = sec->label2 ? (const char *)sqlite3_column_text(s, 1)
                                 : NULL;
    if (json) {
      buf_printf(out, "%s{\"%s\":", n ? "," : "", sec->label1);
      json_col(out, s, 0);
      if (sec->label2) {
        buf_printf(out, ",\"%s\":", sec->label2);
        json_col(out, s, 1);
      }
      buf_printf(out, ",\"events\":%d}", count);
    } else if (sec->label2) {
      buf_printf(out, "  %-12s -> %-12s %8d\n", l1 ? l1 : "-", l2 ? l2 : "-",
                 count);
    } else {
      buf_printf(out, "  %-12s %8d\n", l1 ? l1 : "-", count);
    }
    n++;
  }
  if (step != SQLITE_DONE) rc = STORE_ERR(st, err, sec->key);
  else if (json) buf_puts(out, "]");
  else if (n == 0) buf_puts(out, "  (none)\n");
  sqlite3_finalize(s);
  return rc;
}

/* Counts by root, by month, top actors and top dyads (see wasit.h). */
int wasit_store_stats(wasit_store *st, int json, wasit_write_fn write,
                      void *ud, wasit_error *err) {
  if (st == NULL || write == NULL)
    return WA_ERR(err, WASIT_EINVAL, "stats: NULL store or writer");
  sqlite3_stmt *s = NULL;
  int rc = prep(st, sql_totals, &s, err);
  if (rc != WASIT_OK) return rc;
  wa_buf out;
  buf_init(&out, NULL);
  if (sqlite3_step(s) != SQLITE_ROW) {
    rc = STORE_ERR(st, err, "stats");
    goto done;
  }
  long long docs = sqlite3_column_int64(s, 0), sents = sqlite3_column_int64(s, 1),
            evs = sqlite3_column_int64(s, 2);
  if (json)
    buf_printf(&out, "{\"documents\":%lld,\"sentences\":%lld,\"events\":%lld",
               docs, sents, evs);
  else
    buf_printf(&out, "%s\n  documents %lld\n  sentences %lld\n  events    %lld\n",
               st->path, docs, sents, evs);
  for (size_t i = 0; i < sizeof stats_sections / sizeof stats_sections[0]; i++)
    if ((rc = stats_section_write(st, &stats_sections[i], json, &out, err)) !=
        WASIT_OK)
      goto done;
  if (json) buf_puts(&out, "}\n");
  rc = store_flush(&out, write, ud, err);
done:
  sqlite3_finalize(s);
  buf_free(&out);
  return rc;
}

/* -------------------------------------------------------------- document */

static const char sql_doc[] =
    "SELECT id, date, title, url, text FROM documents WHERE id = ?1";
static const char sql_doc_sents[] =
    "SELECT idx, text, date FROM sentences WHERE doc_id = ?1 ORDER BY idx";
static const char sql_doc_events[] =
    "SELECT " STORE_EV_COLS " FROM events e"
    " LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence"
    " LEFT JOIN documents d ON d.id = e.doc_id"
    " WHERE e.doc_id = ?1 ORDER BY e.sentence, e.id";

static const char *const doc_keys[] = {"{\"id\":", ",\"date\":",
                                       ",\"title\":", ",\"url\":",
                                       ",\"text\":"};

/* Append the sentences and events arrays of doc_id. */
static int doc_parts(wasit_store *st, const char *doc_id, wa_buf *out,
                     wasit_error *err) {
  sqlite3_stmt *s = NULL;
  int rc = prep(st, sql_doc_sents, &s, err), step, n = 0;
  if (rc != WASIT_OK) return rc;
  sqlite3_bind_text(s, 1, doc_id, -1, SQLITE_STATIC);
  buf_puts(out, ",\"sentences\":[");
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    buf_printf(out, "%s{\"idx\":%d,\"text\":", n++ ? "," : "",
               sqlite3_column_int(s, 0));
    json_col(out, s, 1);
    buf_puts(out, ",\"date\":");
    json_col(out, s, 2);
    buf_puts(out, "}");
  }
  sqlite3_finalize(s);
  if (step != SQLITE_DONE) return STORE_ERR(st, err, "sentences");
  if ((rc = prep(st, sql_doc_events, &s, err)) != WASIT_OK) return rc;
  sqlite3_bind_text(s, 1, doc_id, -1, SQLITE_STATIC);
  buf_puts(out, "],\"events\":[");
  n = 0;
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    if (n++) buf_puts(out, ",");
    store_event_json(out, s, 0);
  }
  sqlite3_finalize(s);
  if (step != SQLITE_DONE) return STORE_ERR(st, err, "events");
  buf_puts(out, "]");
  return WASIT_OK;
}

/* One document with its sentences and events as JSON; EINVAL "no such
** document" when doc_id is not stored. */
int wasit_store_doc_json(wasit_store *st, const char *doc_id,
                         wasit_write_fn write, void *ud, wasit_error *err) {
  if (st == NULL || write == NULL || doc_id == NULL)
    return WA_ERR(err, WASIT_EINVAL, "doc: NULL store, id or writer");
  sqlite3_stmt *s = NULL;
  int rc = prep(st, sql_doc, &s, err);
  if (rc != WASIT_OK) return rc;
  wa_buf out;
  buf_init(&out, NULL);
  sqlite3_bind_text(s, 1, doc_id, -1, SQLITE_STATIC);
  int step = sqlite3_step(s);
  if (step == SQLITE_DONE) {
    rc = WA_ERR(err, WASIT_EINVAL, "no such document");
    goto done;
  }
  if (step != SQLITE_ROW) {
    rc = STORE_ERR(st, err, "document");
    goto done;
  }
  for (int c = 0; c < 5; c++) {
    buf_puts(&out, doc_keys[c]);
    json_col(&out, s, c);
  }
  if ((rc = doc_parts(st, doc_id, &out, err)) != WASIT_OK) goto done;
  buf_puts(&out, "}\n");
  rc = store_flush(&out, write, ud, err);
done:
  sqlite3_finalize(s);
  buf_free(&out);
  return rc;
}
