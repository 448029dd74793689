/*
** store.c: writing coded documents into the store (begin / put / commit).
**
** Stage 5 (store).  Input: a wasit_result from the coder, whose strings
** are borrowed until the next coder run; everything is copied into SQLite
** before put returns.  Each put runs inside a SAVEPOINT, so a failed put
** leaves the store (and an open batch) as it was, and a put outside a
** batch is its own transaction.  Re-putting a document id first deletes
** its sentences and events: no duplicates, ever.  Typical batch: a few
** hundred documents of 5-50 sentences and 0-20 events each.
*/
#include "store.h"
#include "../text/text.h"
#include <string.h>

static const char sql_doc[] =
    "INSERT INTO documents(id, date, title, url, text) VALUES (?1,?2,?3,?4,?5)"
    " ON CONFLICT(id) DO UPDATE SET date = excluded.date,"
    " title = excluded.title, url = excluded.url, text = excluded.text";
static const char sql_del_ev[] = "DELETE FROM events WHERE doc_id = ?1";
static const char sql_del_sent[] = "DELETE FROM sentences WHERE doc_id = ?1";
static const char sql_sent[] =
    "INSERT INTO sentences(doc_id, idx, text, normalized, date)"
    " VALUES (?1,?2,?3,?4,?5)";
static const char sql_ev[] =
    "INSERT INTO events(doc_id, sentence, date, source, target, source_text,"
    " target_text, trigger, code, root, quad_class, goldstein, location_name,"
    " location_country, lat, lon, killed, wounded, mode, pattern) VALUES"
    " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)";

/* Bind a NUL-terminated string or NULL (copied by SQLite). */
static int bind_str(sqlite3_stmt *s, int i, const char *v) {
  if (v == NULL) return sqlite3_bind_null(s, i);
  return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* Bind at most n bytes of a fixed char array, stopping at its NUL. */
static int bind_fixed(sqlite3_stmt *s, int i, const char *v, size_t n) {
  size_t len = 0;
  while (len < n && v[len] != '\0') len++;
  return sqlite3_bind_text(s, i, v, (int)len, SQLITE_TRANSIENT);
}

/* Bind a fixed-array date; "" (no date) is stored as NULL. */
static int bind_date(sqlite3_stmt *s, int i, const char *v, size_t n) {
  if (v[0] == '\0') return sqlite3_bind_null(s, i);
  return bind_fixed(s, i, v, n);
}

/* Step a write statement once, then reset it. */
static int step_done(wasit_store *st, sqlite3_stmt *s, int bind_rc,
                     const char *what, wasit_error *err) {
  int rc = bind_rc == SQLITE_OK ? sqlite3_step(s) : bind_rc;
  int out = WASIT_OK;
  if (rc != SQLITE_DONE) out = STORE_ERR(st, err, what);
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  return out;
}

/* Prepare the write statements once per store. */
static int prepare_writes(wasit_store *st, wasit_error *err) {
  if (st->st_ev != NULL) return WASIT_OK;
  struct {
    sqlite3_stmt **slot;
    const char *sql;
  } all[] = {{&st->st_doc, sql_doc},       {&st->st_del_ev, sql_del_ev},
             {&st->st_del_sent, sql_del_sent}, {&st->st_sent, sql_sent},
             {&st->st_ev, sql_ev}};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
    if (*all[i].slot != NULL) continue;
    if (sqlite3_prepare_v3(st->db, all[i].sql, -1, SQLITE_PREPARE_PERSISTENT,
                           all[i].slot, NULL) != SQLITE_OK)
      return STORE_ERR(st, err, "prepare write");
  }
  return WASIT_OK;
}

/* Refuse writes on a read-only store. */
static int check_writable(const wasit_store *st, wasit_error *err) {
  if (st == NULL) return WA_ERR(err, WASIT_EINVAL, "store is NULL");
  if (st->readonly)
    return WA_ERR_AT(err, WASIT_EINVAL, st->path, 0,
                     "store was opened read-only");
  return WASIT_OK;
}

/* Start a batch: the puts until wasit_store_commit share one transaction.
** EINVAL on a read-only store or when a batch is already open. */
int wasit_store_begin(wasit_store *st, wasit_error *err) {
  int rc = check_writable(st, err);
  if (rc != WASIT_OK) return rc;
  if (st->in_batch)
    return WA_ERR_AT(err, WASIT_EINVAL, st->path, 0, "batch already open");
  if ((rc = store_exec(st, "BEGIN IMMEDIATE", err)) != WASIT_OK) return rc;
  st->in_batch = 1;
  return WASIT_OK;
}

/* Commit the open batch; without one it does nothing.  On failure the
** batch is rolled back and ESTORE returned. */
int wasit_store_commit(wasit_store *st, wasit_error *err) {
  int rc = check_writable(st, err);
  if (rc != WASIT_OK || !st->in_batch) return rc;
  st->in_batch = 0;
  if ((rc = store_exec(st, "COMMIT", err)) != WASIT_OK)
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

/* Write the document row (text repaired to valid UTF-8). */
static int put_doc(wasit_store *st, const wasit_doc *d, wa_arena *ar,
                   wasit_error *err) {
  const char *text = d->text ? d->text : "";
  size_t len = d->text ? d->text_len : 0, bad = 0;
  int rc = txt_utf8_repair(ar, text, len, &text, &len, &bad);
  if (rc != WASIT_OK) return WA_ERR(err, rc, "out of memory storing %s", d->id);
  sqlite3_stmt *s = st->st_doc;
  int b = bind_str(s, 1, d->id);
  if (b == SQLITE_OK) b = bind_str(s, 2, d->date);
  if (b == SQLITE_OK) b = bind_str(s, 3, d->title);
  if (b == SQLITE_OK) b = bind_str(s, 4, d->url);
  if (b == SQLITE_OK) b = sqlite3_bind_text(s, 5, text, (int)len, SQLITE_STATIC);
  return step_done(st, s, b, "insert document", err);
}

/* Write sentence i of res. */
static int put_sentence(wasit_store *st, const wasit_result *res, size_t i,
                        wa_arena *ar, wasit_error *err) {
  const wasit_sentence *sn = &res->sentences[i];
  const char *text = sn->text ? sn->text : "";
  const char *norm = sn->normalized;
  if (norm == NULL) {
    norm = txt_normalize_str(ar, text, strlen(text), NULL);
    if (norm == NULL) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  }
  sqlite3_stmt *s = st->st_sent;
  int b = bind_str(s, 1, res->doc->id);
  if (b == SQLITE_OK) b = sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
  if (b == SQLITE_OK) b = bind_str(s, 3, text);
  if (b == SQLITE_OK) b = bind_str(s, 4, norm);
  if (b == SQLITE_OK) b = bind_date(s, 5, sn->date, sizeof sn->date);
  return step_done(st, s, b, "insert sentence", err);
}

/* Bind a count, NULL when not stated. */
static int bind_count(sqlite3_stmt *s, int i, int v) {
  return v < 0 ? sqlite3_bind_null(s, i) : sqlite3_bind_int(s, i, v);
}

/* Write event ev of document doc_id. */
static int put_event(wasit_store *st, const char *doc_id,
                     const wasit_event *ev, size_t k, wasit_error *err) {
  if (ev->source == NULL || ev->code[0] == '\0')
    return WA_ERR_AT(err, WASIT_EINVAL, doc_id, 0,
                     "event %zu has no source or no code", k);
  char root[3];
  if (ev->root[0] != '\0') memcpy(root, ev->root, 3);
  else memcpy(root, ev->code, 2);
  root[2] = '\0';
  sqlite3_stmt *s = st->st_ev;
  const wasit_location *loc = ev->location;
  int b = bind_str(s, 1, doc_id);
  if (b == SQLITE_OK) b = sqlite3_bind_int(s, 2, ev->sentence);
  if (b == SQLITE_OK) b = bind_date(s, 3, ev->date, sizeof ev->date);
  if (b == SQLITE_OK) b = bind_str(s, 4, ev->source);
  if (b == SQLITE_OK) b = bind_str(s, 5, ev->target);
  if (b == SQLITE_OK) b = bind_str(s, 6, ev->source_text);
  if (b == SQLITE_OK) b = bind_str(s, 7, ev->target_text);
  if (b == SQLITE_OK) b = bind_str(s, 8, ev->trigger);
  if (b == SQLITE_OK) b = bind_fixed(s, 9, ev->code, sizeof ev->code);
  if (b == SQLITE_OK) b = bind_str(s, 10, root);
  if (b == SQLITE_OK) b = sqlite3_bind_int(s, 11, ev->quad_class);
  if (b == SQLITE_OK) b = sqlite3_bind_double(s, 12, ev->goldstein);
  if (loc != NULL) {
    if (b == SQLITE_OK) b = bind_str(s, 13, loc->name);
    if (b == SQLITE_OK) b = bind_str(s, 14, loc->country);
    if (b == SQLITE_OK) b = sqlite3_bind_double(s, 15, loc->lat);
    if (b == SQLITE_OK) b = sqlite3_bind_double(s, 16, loc->lon);
  }
  if (b == SQLITE_OK) b = bind_count(s, 17, ev->killed);
  if (b == SQLITE_OK) b = bind_count(s, 18, ev->wounded);
  if (b == SQLITE_OK) b = sqlite3_bind_int64(s, 19, (sqlite3_int64)ev->mode);
  if (b == SQLITE_OK) b = bind_str(s, 20, ev->pattern);
  return step_done(st, s, b, "insert event", err);
}

/* The body of put, inside the savepoint. */
static int put_rows(wasit_store *st, const wasit_result *res, wa_arena *ar,
                    wasit_error *err) {
  const char *id = res->doc->id;
  int rc = put_doc(st, res->doc, ar, err);
  if (rc == WASIT_OK)
    rc = step_done(st, st->st_del_ev, bind_str(st->st_del_ev, 1, id),
                   "delete events", err);
  if (rc == WASIT_OK)
    rc = step_done(st, st->st_del_sent, bind_str(st->st_del_sent, 1, id),
                   "delete sentences", err);
  for (size_t i = 0; rc == WASIT_OK && i < res->n_sentences; i++)
    rc = put_sentence(st, res, i, ar, err);
  for (size_t k = 0; rc == WASIT_OK && k < res->n_events; k++)
    rc = put_event(st, id, &res->events[k], k, err);
  return rc;
}

/* Replace every row of res->doc->id with res's document, sentences and
** events.  res is only read.  On any error nothing of this put remains. */
int wasit_store_put(wasit_store *st, const wasit_result *res,
                    wasit_error *err) {
  int rc = check_writable(st, err);
  if (rc != WASIT_OK) return rc;
  if (res == NULL || res->doc == NULL || res->doc->id == NULL ||
      res->doc->id[0] == '\0')
    return WA_ERR_AT(err, WASIT_EINVAL, st->path, 0,
                     "store_put: result without a document id");
  if ((res->n_sentences > 0 && res->sentences == NULL) ||
      (res->n_events > 0 && res->events == NULL))
    return WA_ERR_AT(err, WASIT_EINVAL, res->doc->id, 0,
                     "store_put: counts without arrays");
  if ((rc = prepare_writes(st, err)) != WASIT_OK) return rc;
  if ((rc = store_exec(st, "SAVEPOINT wasit_put", err)) != WASIT_OK) return rc;
  wa_arena ar;
  arena_init(&ar, NULL);
  rc = put_rows(st, res, &ar, err);
  arena_free(&ar);
  if (rc != WASIT_OK) {
    sqlite3_exec(st->db, "ROLLBACK TO wasit_put; RELEASE wasit_put", NULL,
                 NULL, NULL);
    return rc;
  }
  return store_exec(st, "RELEASE wasit_put", err);
}
