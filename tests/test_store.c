/*
** test_store.c: the SQLite store (src/store): writes, re-puts, dedup,
** full-text search on normalized sentences, every query filter, bad
** filters, read-only stores, and the JSON the server reads (parsed back
** with cJSON).
**
** The corpus is four hand-built coded documents about the September 2022
** Armenia-Azerbaijan border fighting and the ceasefire that followed,
** written for this test in news style (not copied from any outlet):
**   tass-0913   2022-09-13  Azerbaijani shelling, 135 killed (194, q4)
**   armen-0913  2022-09-13  second report of the same shelling (194),
**                           "ارمينيا" spelled without hamza
**   ria-0914    2022-09-14  Russia mediates (RUSGOV -> ARMGOV 045), and
**                           Yerevan accuses Baku (ARMGOV -> AZEGOV 112)
**   anadolu-0919 2022-09-19 Armenia and Azerbaijan agree (057 both ways)
** Each test gets a fresh store in its own temp directory.
*/
#include "testutil.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------- fixtures */

typedef struct tdoc {
  const char *id, *date, *title, *url;
  const char *sents[3];
  size_t n_sents;
  wasit_event ev[3];
  size_t n_ev;
} tdoc;

static const wasit_location jermuk = {"جرموك", "ARM", 39.8406, 45.6722};

#define NOCOUNT .killed = WASIT_COUNT_NONE, .wounded = WASIT_COUNT_NONE

static const tdoc corpus[] = {
    {"tass-0913", "2022-09-13", "اشتباكات على الحدود", "https://example.org/tass/0913",
     /* "135 Armenian soldiers were killed in an Azerbaijani attack on border
        positions, the defence ministry in Yerevan said." */
     {"قُتل 135 جندياً في هجوم أذربيجاني على مواقع حدودية في أرمينيا، بحسب وزارة الدفاع في يريفان.",
      "وأفادت الوزارة بأن القصف استهدف مدينة جرموك بالمدفعية الثقيلة."},
     2,
     {{.sentence = 0, .date = "2022-09-13", .source = "AZEMIL", .target = "ARMMIL",
       .source_text = "أذربيجاني", .target_text = "جندياً", .trigger = "هجوم",
       .code = "194", .root = "19", .quad_class = 4, .goldstein = -10.0,
       .location = &jermuk, .killed = 135, .wounded = WASIT_COUNT_NONE,
       .mode = 0, .pattern = "194.hujum"}},
     1},
    {"armen-0913", "2022-09-13", "قصف جرموك", "https://example.org/armen/0913",
     /* "Yerevan announced that Azerbaijani forces shelled the town of Jermuk
        with heavy artillery"; Armenia written without hamza. */
     {"أعلنت ارمينيا أن القوات الأذربيجانية قصفت مدينة جرموك بالمدفعية الثقيلة.",
      "وقال رئيس الوزراء نيكول باشينيان إن الهجوم خرق واضح للهدنة."},
     2,
     {{.sentence = 0, .date = "2022-09-13", .source = "AZEMIL", .target = "ARMMIL",
       .trigger = "قصفت", .code = "194", .root = "19", .quad_class = 4,
       .goldstein = -10.0, NOCOUNT, .mode = WASIT_MODE_REPORTED,
       .pattern = "194.qasafa"}},
     1},
    {"ria-0914", "2022-09-14", "موسكو تتوسط", "https://example.org/ria/0914",
     /* "Russia mediated between Armenia and Azerbaijan to stop the
        fighting"; "Yerevan accused Baku of breaking the truce, the
        ministry said." */
     {"توسطت روسيا بين أرمينيا و أذربيجان لوقف القتال على الحدود.",
      "واتهمت يريفان باكو بخرق الهدنة, وفق ما قالت الخارجية."},
     2,
     {{.sentence = 0, .date = "2022-09-14", .source = "RUSGOV", .target = "ARMGOV",
       .trigger = "توسطت", .code = "045", .root = "04", .quad_class = 1,
       .goldstein = 5.0, NOCOUNT, .pattern = "045.tawassata"},
      {.sentence = 1, .date = "2022-09-14", .source = "ARMGOV", .target = "AZEGOV",
       .trigger = "اتهمت", .code = "112", .root = "11", .quad_class = 3,
       .goldstein = -2.0, NOCOUNT, .mode = WASIT_MODE_REPORTED,
       .pattern = "112.ittahama"}},
     2},
    {"anadolu-0919", "2022-09-19", "اتفاق على وقف إطلاق النار", "https://example.org/aa/0919",
     /* "Armenia and Azerbaijan agreed on a ceasefire after bloody border
        clashes." */
     {"اتفقت أرمينيا و أذربيجان على وقف إطلاق النار بعد اشتباكات حدودية دامية."},
     1,
     {{.sentence = 0, .date = "2022-09-19", .source = "ARMGOV", .target = "AZEGOV",
       .trigger = "اتفقت", .code = "057", .root = "05", .quad_class = 1,
       .goldstein = 8.0, NOCOUNT, .pattern = "057.ittafaqa"},
      {.sentence = 0, .date = "2022-09-19", .source = "AZEGOV", .target = "ARMGOV",
       .trigger = "اتفقت", .code = "057", .root = "05", .quad_class = 1,
       .goldstein = 8.0, NOCOUNT, .pattern = "057.ittafaqa"}},
     2},
};
#define N_CORPUS (sizeof corpus / sizeof corpus[0])
#define N_EVENTS 6
#define N_SENTS 7

typedef struct fx {
  char dir[64];
  char path[96];
  wasit_store *st;
} fx;

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  snprintf(f->dir, sizeof f->dir, "/tmp/wasit_test_store_XXXXXX");
  if (mkdtemp(f->dir) == NULL) return -1;
  snprintf(f->path, sizeof f->path, "%s/events.db", f->dir);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  wasit_store_close(f->st);
  const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
  char p[128];
  for (size_t i = 0; i < 4; i++) {
    snprintf(p, sizeof p, "%s%s", f->path, suffixes[i]);
    unlink(p);
  }
  rmdir(f->dir);
  free(f);
  return 0;
}

/* Store one tdoc through wasit_store_put (document text = its sentences
** joined by spaces; sentences left un-normalized so the store does it). */
static int put_tdoc(wasit_store *st, const tdoc *d, wasit_error *err) {
  char text[2048] = "";
  wasit_sentence s[3];
  memset(s, 0, sizeof s);
  for (size_t i = 0; i < d->n_sents; i++) {
    if (i) strcat(text, " ");
    s[i].offset = strlen(text);
    strcat(text, d->sents[i]);
    s[i].length = strlen(d->sents[i]);
    s[i].text = d->sents[i];
    snprintf(s[i].date, sizeof s[i].date, "%s", d->date);
  }
  wasit_doc doc = {d->id, text, strlen(text), d->date, d->title, d->url};
  wasit_result res = {&doc, s, d->n_sents, d->ev, d->n_ev, 0, 0};
  return wasit_store_put(st, &res, err);
}

/* Open f's store writable and put the whole corpus in one batch. */
static void load_corpus(fx *f) {
  wasit_error err = {0};
  assert_int_equal(wasit_store_open(&f->st, f->path, 0, &err), WASIT_OK);
  assert_int_equal(wasit_store_begin(f->st, &err), WASIT_OK);
  for (size_t i = 0; i < N_CORPUS; i++)
    assert_int_equal(put_tdoc(f->st, &corpus[i], &err), WASIT_OK);
  assert_int_equal(wasit_store_commit(f->st, &err), WASIT_OK);
}

/* One integer from a SQL statement on a separate connection. */
static long long sql_int(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  long long v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return v;
}

/* A sink collecting output; `fail` makes it refuse. */
typedef struct sink {
  char *data;
  size_t len;
  int fail;
} sink;

static int sink_write(void *ud, const char *buf, size_t len) {
  sink *k = ud;
  if (k->fail) return -1;
  k->data = realloc(k->data, k->len + len + 1);
  memcpy(k->data + k->len, buf, len);
  k->len += len;
  k->data[k->len] = '\0';
  return 0;
}

/* Run q as JSON and parse it; the caller frees the cJSON. */
static cJSON *query_json(wasit_store *st, const wasit_query *q) {
  sink k = {0};
  wasit_error err = {0};
  int rc = wasit_store_query(st, q, WASIT_QUERY_JSON, sink_write, &k, &err);
  if (rc != WASIT_OK) fprintf(stderr, "query: %s\n", err.message);
  assert_int_equal(rc, WASIT_OK);
  cJSON *j = cJSON_Parse(k.data);
  assert_non_null(j);
  free(k.data);
  return j;
}

static long json_total(const cJSON *j) {
  const cJSON *t = cJSON_GetObjectItemCaseSensitive(j, "total");
  assert_true(cJSON_IsNumber(t));
  return (long)t->valuedouble;
}

static const char *jstr(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double jnum(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  assert_true(cJSON_IsNumber(v));
  return v->valuedouble;
}

/* ---------------------------------------------------------------- tests */

static void test_put_counts_and_schema(void **state) {
  fx *f = *state;
  load_corpus(f);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM documents"), N_CORPUS);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM sentences"), N_SENTS);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM events"), N_EVENTS);
  assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 1);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM sqlite_master WHERE "
                                    "type = 'index' AND name LIKE 'events_%'"),
                   6);
  assert_int_equal(sql_int(f->path, "SELECT killed FROM events WHERE code = '194'"
                                    " AND doc_id = 'tass-0913'"),
                   135);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM events WHERE "
                                    "killed IS NULL"),
                   N_EVENTS - 1);
  /* The store normalized sentences itself: no hamza on alef remains. */
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM sentences WHERE "
                                    "instr(normalized, 'أ') > 0"),
                   0);
  /* WAL mode persists in the file. */
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
  sqlite3_finalize(s);
  sqlite3_close(db);
  /* Reopening an existing store keeps its rows. */
  wasit_store_close(f->st);
  f->st = NULL;
  wasit_error err = {0};
  assert_int_equal(wasit_store_open(&f->st, f->path, 0, &err), WASIT_OK);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM events"), N_EVENTS);
}

static void test_reput_replaces(void **state) {
  fx *f = *state;
  load_corpus(f);
  wasit_error err = {0};
  /* Baku (باكو) is named only in ria-0914's second sentence. */
  wasit_query q = {.text = "باكو"};
  cJSON *j = query_json(f->st, &q);
  assert_int_equal(json_total(j), 1);
  cJSON_Delete(j);
  /* The same documents again, outside a batch: nothing doubles. */
  for (size_t i = 0; i < N_CORPUS; i++)
    assert_int_equal(put_tdoc(f->st, &corpus[i], &err), WASIT_OK);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM documents"), N_CORPUS);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM sentences"), N_SENTS);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM events"), N_EVENTS);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM sentences_fts"), N_SENTS);
  /* A corrected version of ria-0914: one sentence, one event. */
  tdoc fixed = corpus[2];
  fixed.title = "موسكو تتوسط (محدث)";
  fixed.n_sents = 1;
  fixed.n_ev = 1;
  assert_int_equal(put_tdoc(f->st, &fixed, &err), WASIT_OK);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM documents"), N_CORPUS);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM sentences"), N_SENTS - 1);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM events"), N_EVENTS - 1);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM documents WHERE "
                                    "title LIKE '%محدث%'"),
                   1);
  /* The dropped sentence is gone from the search index too. */
  j = query_json(f->st, &q);
  assert_int_equal(json_total(j), 0);
  cJSON_Delete(j);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM sentences_fts "
                                    "WHERE sentences_fts MATCH 'باكو'"),
                   0);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM sentences_fts "
                                    "WHERE sentences_fts MATCH 'روسيا'"),
                   1);
}

static void test_put_failure_rolls_back(void **state) {
  fx *f = *state;
  load_corpus(f);
  wasit_error err = {0};
  tdoc bad = corpus[3];
  bad.id = "broken-0920";
  bad.ev[1].source = NULL; /* the second event has no source */
  assert_int_equal(put_tdoc(f->st, &bad, &err), WASIT_EINVAL);
  assert_non_null(strstr(err.message, "no source"));
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM documents WHERE "
                                    "id = 'broken-0920'"),
                   0);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM events"), N_EVENTS);
  /* Inside a batch, the failed put leaves the others of the batch. */
  assert_int_equal(wasit_store_begin(f->st, &err), WASIT_OK);
  assert_int_equal(wasit_store_begin(f->st, &err), WASIT_EINVAL);
  tdoc good = corpus[0];
  good.id = "tass-0913-copy";
  assert_int_equal(put_tdoc(f->st, &good, &err), WASIT_OK);
  assert_int_equal(put_tdoc(f->st, &bad, &err), WASIT_EINVAL);
  assert_int_equal(wasit_store_commit(f->st, &err), WASIT_OK);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM documents"), N_CORPUS + 1);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM events"), N_EVENTS + 1);
  /* A result without a document id. */
  wasit_result none = {0};
  assert_int_equal(wasit_store_put(f->st, &none, &err), WASIT_EINVAL);
}

static void test_dedup(void **state) {
  fx *f = *state;
  load_corpus(f);
  /* Two outlets reported the 13 September shelling: one row, 2 reports. */
  wasit_query q = {.dedup = 1, .code = "194"};
  cJSON *j = query_json(f->st, &q);
  assert_int_equal(json_total(j), 1);
  cJSON *evs = cJSON_GetObjectItemCaseSensitive(j, "events");
  assert_int_equal(cJSON_GetArraySize(evs), 1);
  cJSON *e = cJSON_GetArrayItem(evs, 0);
  assert_int_equal((int)jnum(e, "reports"), 2);
  cJSON *ids = cJSON_GetObjectItemCaseSensitive(e, "doc_ids");
  assert_int_equal(cJSON_GetArraySize(ids), 2);
  int seen_tass = 0, seen_armen = 0;
  for (int i = 0; i < 2; i++) {
    const char *id = cJSON_GetArrayItem(ids, i)->valuestring;
    seen_tass += strcmp(id, "tass-0913") == 0;
    seen_armen += strcmp(id, "armen-0913") == 0;
  }
  assert_int_equal(seen_tass + seen_armen, 2);
  /* The row is the first stored report (it carries the casualty count). */
  assert_string_equal(jstr(e, "doc_id"), "tass-0913");
  assert_int_equal((int)jnum(e, "killed"), 135);
  cJSON_Delete(j);
  /* Without dedup both reports are there; all events: 6 rows, 5 groups
     (the two 057s differ in direction and stay apart). */
  wasit_query q2 = {.code = "194"};
  j = query_json(f->st, &q2);
  assert_int_equal(json_total(j), 2);
  cJSON_Delete(j);
  wasit_query all = {.dedup = 1};
  j = query_json(f->st, &all);
  assert_int_equal(json_total(j), N_EVENTS - 1);
  cJSON_Delete(j);
  assert_int_equal(sql_int(f->path, "SELECT COUNT(*) FROM events_dedup"), N_EVENTS - 1);
  assert_int_equal(sql_int(f->path, "SELECT reports FROM events_dedup WHERE code = '194'"), 2);
}

typedef struct fts_row {
  const char *id, *text;
  long total;
} fts_row;

static void test_fts_normalized(void **state) {
  fx *f = *state;
  load_corpus(f);
  static const fts_row rows[] = {
      /* hamza form as written in three documents, bare alef in armen-0913;
         five event sentences name Armenia (not ria-0914's second one) */
      {"armenia-hamza", "أرمينيا", 5},
      {"armenia-bare", "ارمينيا", 5},
      {"armenia-harakat", "أَرْمِينِيَا", 5},
      {"ceasefire-hamza-kasra", "إطلاق النار", 2},
      {"ceasefire-bare", "اطلاق", 2},
      /* tass-0913 has both words only in its sentence without an event */
      {"two-words-and", "جرموك الثقيلة", 1},
      /* أذربيجاني (tass), الأذربيجانية (armen), أذربيجان (ria, anadolu x2) */
      {"prefix", "أذربيج*", 5},
      {"exact", "أذربيجان", 3},
      {"ta-marbuta", "مدينة", 1},
      {"ta-marbuta-as-ha", "مدينه", 1},
      {"no-match", "طهران", 0},
      /* proclitics: واتهمت; الهدنة and للهدنة (no event there); الحدود */
      {"clitic-wa", "اتهمت", 1},
      {"article-given", "الهدنة", 1},
      {"article-added", "حدود", 1},
      {"two-letter-word-as-is", "في", 1},
      {"fts-syntax-inert", "أرمينيا OR طهران", 0},
      {"quote-inert", "\"أرمينيا", 5},
      {"near-inert", "NEAR(أرمينيا", 0},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    wasit_query q = {.text = rows[i].text};
    cJSON *j = query_json(f->st, &q);
    long got = json_total(j);
    if (got != rows[i].total)
      fail_msg("row %s: '%s' found %ld events, want %ld", rows[i].id,
               rows[i].text, got, rows[i].total);
    cJSON_Delete(j);
  }
  /* The text filter selects the sentence, not just the document: Baku is
     named only in ria-0914's second sentence. */
  wasit_query q = {.text = "باكو"};
  cJSON *j = query_json(f->st, &q);
  assert_int_equal(json_total(j), 1);
  assert_string_equal(jstr(cJSON_GetArrayItem(
                               cJSON_GetObjectItemCaseSensitive(j, "events"), 0),
                           "code"),
                      "112");
  cJSON_Delete(j);
}

typedef struct filter_row {
  const char *id;
  wasit_query q;
  long total;
} filter_row;

static void test_filters(void **state) {
  fx *f = *state;
  load_corpus(f);
  static const filter_row rows[] = {
      {"none", {0}, 6},
      {"actor-country", {.actor = "ARM"}, 6},
      {"actor-full", {.actor = "ARMGOV"}, 4},
      {"actor-lowercase", {.actor = "rus"}, 1},
      {"actor-absent", {.actor = "IRN"}, 0},
      {"source", {.source = "AZE"}, 3},
      {"source-mil", {.source = "AZEMIL"}, 2},
      {"target", {.target = "ARMMIL"}, 2},
      {"target-gov", {.target = "AZEGOV"}, 2},
      {"dyad", {.dyad_a = "ARM", .dyad_b = "AZE"}, 5},
      {"dyad-reversed", {.dyad_a = "AZE", .dyad_b = "ARM"}, 5},
      {"dyad-gov", {.dyad_a = "ARMGOV", .dyad_b = "AZEGOV"}, 3},
      {"dyad-rus", {.dyad_a = "RUS", .dyad_b = "ARM"}, 1},
      {"root-19", {.root = "19"}, 2},
      {"root-05", {.root = "05"}, 2},
      {"root-20", {.root = "20"}, 0},
      {"code-prefix", {.code = "05"}, 2},
      {"code-full", {.code = "057"}, 2},
      {"code-4", {.code = "0571"}, 0},
      {"from", {.from = "2022-09-14"}, 4},
      {"to", {.to = "2022-09-13"}, 2},
      {"from-to-day", {.from = "2022-09-14", .to = "2022-09-14"}, 2},
      {"combined", {.actor = "ARM", .root = "19", .from = "2022-09-13",
                    .to = "2022-09-13", .text = "جرموك"}, 1},
      {"limit-keeps-total", {.limit = 1}, 6},
      {"offset-past-end", {.offset = 50}, 6},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    cJSON *j = query_json(f->st, &rows[i].q);
    long got = json_total(j);
    int n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "events"));
    long want_rows = rows[i].total - rows[i].q.offset;
    if (want_rows < 0) want_rows = 0;
    if (rows[i].q.limit > 0 && want_rows > rows[i].q.limit)
      want_rows = rows[i].q.limit;
    if (got != rows[i].total || n != want_rows)
      fail_msg("row %s: total %ld rows %d, want %ld and %ld", rows[i].id, got,
               n, rows[i].total, want_rows);
    cJSON_Delete(j);
  }
}

static void test_order_limit_offset(void **state) {
  fx *f = *state;
  load_corpus(f);
  wasit_query q = {.limit = 2, .offset = 1};
  cJSON *j = query_json(f->st, &q);
  cJSON *evs = cJSON_GetObjectItemCaseSensitive(j, "events");
  assert_int_equal(cJSON_GetArraySize(evs), 2);
  /* Oldest first: 13 (tass), 13 (armen), 14, 14, 19, 19. */
  assert_string_equal(jstr(cJSON_GetArrayItem(evs, 0), "doc_id"), "armen-0913");
  assert_string_equal(jstr(cJSON_GetArrayItem(evs, 1), "date"), "2022-09-14");
  cJSON_Delete(j);
  wasit_query n = {.limit = 1, .desc = 1};
  j = query_json(f->st, &n);
  evs = cJSON_GetObjectItemCaseSensitive(j, "events");
  assert_string_equal(jstr(cJSON_GetArrayItem(evs, 0), "date"), "2022-09-19");
  cJSON_Delete(j);
  /* An undated event (a background paragraph) comes last both ways, with
     "date": null, and the date filters leave it out. */
  tdoc undated = corpus[0];
  undated.id = "bg-undated";
  undated.date = "";
  undated.ev[0].date[0] = '\0';
  wasit_error err = {0};
  assert_int_equal(put_tdoc(f->st, &undated, &err), WASIT_OK);
  for (int desc = 0; desc <= 1; desc++) {
    wasit_query all = {.desc = desc};
    j = query_json(f->st, &all);
    evs = cJSON_GetObjectItemCaseSensitive(j, "events");
    assert_int_equal(cJSON_GetArraySize(evs), N_EVENTS + 1);
    cJSON *last = cJSON_GetArrayItem(evs, N_EVENTS);
    assert_string_equal(jstr(last, "doc_id"), "bg-undated");
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(last, "date")));
    cJSON_Delete(j);
  }
  wasit_query dated = {.to = "2030-01-01"};
  j = query_json(f->st, &dated);
  assert_int_equal(json_total(j), N_EVENTS);
  cJSON_Delete(j);
}

typedef struct bad_row {
  const char *id;
  wasit_query q;
  const char *msg; /* piece of the message */
} bad_row;

static void test_bad_filters(void **state) {
  fx *f = *state;
  load_corpus(f);
  static const bad_row rows[] = {
      {"month-13", {.from = "2022-13-01"}, "from"},
      {"feb-30", {.to = "2022-02-30"}, "to"},
      {"not-date", {.from = "yesterday"}, "from"},
      {"short-date", {.from = "2022-9-13"}, "from"},
      {"arabic-digits", {.from = "٢٠٢٢-٠٩-١٣"}, "from"},
      {"from-after-to", {.from = "2022-09-19", .to = "2022-09-13"}, "after"},
      {"root-21", {.root = "21"}, "root"},
      {"root-00", {.root = "00"}, "root"},
      {"root-one-digit", {.root = "5"}, "root"},
      {"code-short", {.code = "1"}, "code"},
      {"code-long", {.code = "19511"}, "code"},
      {"code-letters", {.code = "ab"}, "code"},
      {"limit-high", {.limit = 10001}, "limit"},
      {"limit-negative", {.limit = -1}, "limit"},
      {"offset-negative", {.offset = -5}, "offset"},
      {"actor-space", {.actor = "ARM GOV"}, "actor"},
      {"actor-glob", {.actor = "AR*"}, "actor"},
      {"actor-sql", {.source = "ARM' OR 1=1 --"}, "source"},
      {"actor-empty", {.target = ""}, "target"},
      {"actor-arabic", {.actor = "أرمينيا"}, "actor"},
      {"dyad-half", {.dyad_a = "ARM"}, "dyad"},
      {"text-empty", {.text = "   "}, "text"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    sink k = {0};
    wasit_error err = {0};
    int rc = wasit_store_query(f->st, &rows[i].q, WASIT_QUERY_JSON, sink_write,
                               &k, &err);
    if (rc != WASIT_EINVAL || strstr(err.message, rows[i].msg) == NULL)
      fail_msg("row %s: rc %d message '%s'", rows[i].id, rc, err.message);
    if (k.len != 0) fail_msg("row %s: wrote output on error", rows[i].id);
    free(k.data);
  }
  wasit_query q = {0};
  sink k = {0};
  wasit_error err = {0};
  assert_int_equal(wasit_store_query(f->st, &q, 42, sink_write, &k, &err),
                   WASIT_EINVAL);
  /* A sink that refuses: EIO. */
  k.fail = 1;
  assert_int_equal(wasit_store_query(f->st, &q, WASIT_QUERY_JSONL, sink_write,
                                     &k, &err),
                   WASIT_EIO);
}

static void test_readonly(void **state) {
  fx *f = *state;
  wasit_error err = {0};
  wasit_store *ro = NULL;
  /* Missing file: an error, and nothing is created. */
  assert_int_equal(wasit_store_open(&ro, f->path, WASIT_STORE_READONLY, &err),
                   WASIT_ESTORE);
  assert_null(ro);
  assert_string_equal(err.where, f->path);
  assert_int_not_equal(access(f->path, F_OK), 0);
  load_corpus(f);
  assert_int_equal(wasit_store_open(&ro, f->path, WASIT_STORE_READONLY, &err),
                   WASIT_OK);
  /* Reads work while the writer holds an open batch (WAL). */
  assert_int_equal(wasit_store_begin(f->st, &err), WASIT_OK);
  tdoc extra = corpus[3];
  extra.id = "anadolu-0919-b";
  assert_int_equal(put_tdoc(f->st, &extra, &err), WASIT_OK);
  wasit_query q = {0};
  cJSON *j = query_json(ro, &q);
  assert_int_equal(json_total(j), N_EVENTS); /* uncommitted rows unseen */
  cJSON_Delete(j);
  assert_int_equal(wasit_store_commit(f->st, &err), WASIT_OK);
  j = query_json(ro, &q);
  assert_int_equal(json_total(j), N_EVENTS + 2);
  cJSON_Delete(j);
  /* Writes are refused. */
  assert_int_equal(put_tdoc(ro, &corpus[0], &err), WASIT_EINVAL);
  assert_non_null(strstr(err.message, "read-only"));
  assert_int_equal(wasit_store_begin(ro, &err), WASIT_EINVAL);
  wasit_store_close(ro);
  /* A file that is not a wasit store. */
  char other[128];
  snprintf(other, sizeof other, "%s/other.db", f->dir);
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(other, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL),
                   SQLITE_OK);
  sqlite3_close(db);
  ro = NULL;
  assert_int_equal(wasit_store_open(&ro, other, WASIT_STORE_READONLY, &err),
                   WASIT_ESTORE);
  assert_non_null(strstr(err.message, "not a wasit store"));
  /* Opened for writing, the other database is not touched either. */
  assert_int_equal(wasit_store_open(&ro, other, 0, &err), WASIT_ESTORE);
  assert_null(ro);
  assert_int_equal(sql_int(other, "SELECT COUNT(*) FROM sqlite_master"), 1);
  assert_int_equal(sql_int(other, "PRAGMA user_version"), 0);
  unlink(other);
  /* Bad arguments. */
  assert_int_equal(wasit_store_open(&ro, "", 0, &err), WASIT_EINVAL);
  assert_int_equal(wasit_store_open(&ro, f->path, 8, &err), WASIT_EINVAL);
}

static void test_event_json_fields(void **state) {
  fx *f = *state;
  load_corpus(f);
  wasit_query q = {.source = "AZEMIL", .limit = 10};
  cJSON *j = query_json(f->st, &q);
  cJSON *evs = cJSON_GetObjectItemCaseSensitive(j, "events");
  assert_int_equal(cJSON_GetArraySize(evs), 2);
  cJSON *e = cJSON_GetArrayItem(evs, 0);
  assert_string_equal(jstr(e, "doc_id"), "tass-0913");
  assert_int_equal((int)jnum(e, "sentence"), 0);
  assert_string_equal(jstr(e, "date"), "2022-09-13");
  assert_string_equal(jstr(e, "source"), "AZEMIL");
  assert_string_equal(jstr(e, "target"), "ARMMIL");
  assert_string_equal(jstr(e, "source_text"), "أذربيجاني");
  assert_string_equal(jstr(e, "trigger"), "هجوم");
  assert_string_equal(jstr(e, "code"), "194");
  assert_string_equal(jstr(e, "root"), "19");
  assert_int_equal((int)jnum(e, "quad_class"), 4);
  assert_true(jnum(e, "goldstein") == -10.0);
  cJSON *loc = cJSON_GetObjectItemCaseSensitive(e, "location");
  assert_true(cJSON_IsObject(loc));
  assert_string_equal(jstr(loc, "name"), "جرموك");
  assert_string_equal(jstr(loc, "country"), "ARM");
  assert_true(fabs(jnum(loc, "lat") - 39.8406) < 1e-4);
  assert_true(fabs(jnum(loc, "lon") - 45.6722) < 1e-4);
  assert_int_equal((int)jnum(e, "killed"), 135);
  assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(e, "wounded")));
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(e, "mode")), 0);
  assert_string_equal(jstr(e, "text"), corpus[0].sents[0]);
  assert_string_equal(jstr(e, "pattern"), "194.hujum");
  assert_string_equal(jstr(e, "url"), "https://example.org/tass/0913");
  assert_string_equal(jstr(e, "title"), "اشتباكات على الحدود");
  assert_true(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(e, "id")));
  assert_null(cJSON_GetObjectItemCaseSensitive(e, "reports"));
  /* The second report: no location, reported speech. */
  e = cJSON_GetArrayItem(evs, 1);
  assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(e, "location")));
  assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(e, "killed")));
  assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(e, "source_text")));
  cJSON *mode = cJSON_GetObjectItemCaseSensitive(e, "mode");
  assert_int_equal(cJSON_GetArraySize(mode), 1);
  assert_string_equal(cJSON_GetArrayItem(mode, 0)->valuestring, "reported");
  cJSON_Delete(j);
  /* JSONL: one parseable object per line. */
  sink k = {0};
  wasit_error err = {0};
  wasit_query all = {0};
  assert_int_equal(wasit_store_query(f->st, &all, WASIT_QUERY_JSONL, sink_write,
                                     &k, &err),
                   WASIT_OK);
  int lines = 0;
  for (char *line = strtok(k.data, "\n"); line; line = strtok(NULL, "\n")) {
    cJSON *o = cJSON_Parse(line);
    assert_non_null(o);
    assert_non_null(jstr(o, "code"));
    cJSON_Delete(o);
    lines++;
  }
  assert_int_equal(lines, N_EVENTS);
  free(k.data);
}

static void test_csv_and_table(void **state) {
  fx *f = *state;
  load_corpus(f);
  sink k = {0};
  wasit_error err = {0};
  wasit_query q = {.code = "112"};
  assert_int_equal(wasit_store_query(f->st, &q, WASIT_QUERY_CSV, sink_write, &k,
                                     &err),
                   WASIT_OK);
  assert_true(strncmp(k.data, "doc_id,sentence,date,source,target,", 35) == 0);
  /* The sentence holds an ASCII comma, so it is quoted. */
  assert_non_null(strstr(k.data, ",\"واتهمت يريفان باكو بخرق الهدنة, وفق"));
  assert_non_null(strstr(k.data, "ria-0914,1,2022-09-14,ARMGOV,AZEGOV,"));
  assert_non_null(strstr(k.data, ",-2.0,"));
  assert_non_null(strstr(k.data, ",reported,"));
  int crlf = 0;
  for (char *p = k.data; (p = strstr(p, "\r\n")) != NULL; p += 2) crlf++;
  assert_int_equal(crlf, 2);
  free(k.data);
  /* Dedup CSV adds reports and doc_ids. */
  memset(&k, 0, sizeof k);
  wasit_query d = {.code = "194", .dedup = 1};
  assert_int_equal(wasit_store_query(f->st, &d, WASIT_QUERY_CSV, sink_write, &k,
                                     &err),
                   WASIT_OK);
  assert_non_null(strstr(k.data, ",reports,doc_ids\r\n"));
  assert_non_null(strstr(k.data, ",2,\""));
  free(k.data);
  /* Table: header, aligned rows, closing count. */
  memset(&k, 0, sizeof k);
  wasit_query t = {.actor = "ARMGOV", .limit = 3};
  assert_int_equal(wasit_store_query(f->st, &t, WASIT_QUERY_TABLE, sink_write,
                                     &k, &err),
                   WASIT_OK);
  assert_true(strncmp(k.data, "DATE ", 5) == 0);
  assert_non_null(strstr(k.data, "2022-09-14 RUSGOV       ARMGOV       045   5.0"));
  assert_non_null(strstr(k.data, "3 of 4 events (offset 0)\n"));
  free(k.data);
}

static void test_dyad_json(void **state) {
  fx *f = *state;
  load_corpus(f);
  const char *bys[] = {"day", "week", "month"};
  const int n_periods[] = {3, 2, 1};
  for (int i = 0; i < 3; i++) {
    sink k = {0};
    wasit_error err = {0};
    assert_int_equal(wasit_store_dyad_json(f->st, "arm", "AZE", bys[i], NULL,
                                           sink_write, &k, &err),
                     WASIT_OK);
    cJSON *j = cJSON_Parse(k.data);
    assert_non_null(j);
    assert_string_equal(jstr(j, "a"), "ARM");
    assert_string_equal(jstr(j, "b"), "AZE");
    assert_string_equal(jstr(j, "by"), bys[i]);
    cJSON *ps = cJSON_GetObjectItemCaseSensitive(j, "periods");
    if (cJSON_GetArraySize(ps) != n_periods[i])
      fail_msg("by %s: %d periods: %s", bys[i], cJSON_GetArraySize(ps), k.data);
    cJSON *p0 = cJSON_GetArrayItem(ps, 0);
    if (i == 0) {
      assert_string_equal(jstr(p0, "period"), "2022-09-13");
      assert_int_equal((int)jnum(p0, "q4"), 2);
      assert_true(jnum(p0, "goldstein") == -20.0);
    } else if (i == 1) {
      /* 13 and 14 September 2022 fall in the week of Monday the 12th; the
         19th is itself a Monday. */
      assert_string_equal(jstr(p0, "period"), "2022-09-12");
      assert_int_equal((int)jnum(p0, "events"), 3);
      assert_int_equal((int)jnum(p0, "q3"), 1);
      assert_int_equal((int)jnum(p0, "q4"), 2);
      assert_string_equal(jstr(cJSON_GetArrayItem(ps, 1), "period"), "2022-09-19");
      assert_int_equal((int)jnum(cJSON_GetArrayItem(ps, 1), "q1"), 2);
    } else {
      assert_string_equal(jstr(p0, "period"), "2022-09");
      assert_int_equal((int)jnum(p0, "events"), 5);
      assert_true(jnum(p0, "goldstein") == -6.0);
    }
    cJSON_Delete(j);
    free(k.data);
  }
  /* Dedup and a date range from the query. */
  sink k = {0};
  wasit_error err = {0};
  wasit_query q = {.dedup = 1, .to = "2022-09-14"};
  assert_int_equal(wasit_store_dyad_json(f->st, "AZE", "ARM", "month", &q,
                                         sink_write, &k, &err),
                   WASIT_OK);
  cJSON *j = cJSON_Parse(k.data);
  cJSON *p0 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(j, "periods"), 0);
  assert_int_equal((int)jnum(p0, "events"), 2); /* 194 once + 112 */
  cJSON_Delete(j);
  free(k.data);
  assert_int_equal(wasit_store_dyad_json(f->st, "ARM", "AZE", "year", NULL,
                                         sink_write, &k, &err),
                   WASIT_EINVAL);
  assert_int_equal(wasit_store_dyad_json(f->st, "ARM", "AZE;", "day", NULL,
                                         sink_write, &k, &err),
                   WASIT_EINVAL);
}

static void test_actors_stats_doc(void **state) {
  fx *f = *state;
  load_corpus(f);
  sink k = {0};
  wasit_error err = {0};
  assert_int_equal(wasit_store_actors_json(f->st, sink_write, &k, &err), WASIT_OK);
  cJSON *j = cJSON_Parse(k.data);
  cJSON *as = cJSON_GetObjectItemCaseSensitive(j, "actors");
  assert_int_equal(cJSON_GetArraySize(as), 5);
  cJSON *a0 = cJSON_GetArrayItem(as, 0);
  assert_string_equal(jstr(a0, "code"), "ARMGOV"); /* 4 events */
  assert_string_equal(jstr(a0, "country"), "ARM");
  assert_int_equal((int)jnum(a0, "events"), 4);
  cJSON_Delete(j);
  free(k.data);

  memset(&k, 0, sizeof k);
  assert_int_equal(wasit_store_stats(f->st, 1, sink_write, &k, &err), WASIT_OK);
  j = cJSON_Parse(k.data);
  assert_non_null(j);
  assert_int_equal((int)jnum(j, "documents"), 4);
  assert_int_equal((int)jnum(j, "events"), N_EVENTS);
  cJSON *roots = cJSON_GetObjectItemCaseSensitive(j, "by_root");
  assert_int_equal(cJSON_GetArraySize(roots), 4);
  assert_string_equal(jstr(cJSON_GetArrayItem(roots, 0), "root"), "04");
  cJSON *months = cJSON_GetObjectItemCaseSensitive(j, "by_month");
  assert_int_equal(cJSON_GetArraySize(months), 1);
  assert_int_equal((int)jnum(cJSON_GetArrayItem(months, 0), "events"), N_EVENTS);
  /* Two dyads have 2 events; ties go alphabetically. */
  cJSON *dy = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(j, "top_dyads"), 0);
  assert_string_equal(jstr(dy, "source"), "ARMGOV");
  assert_string_equal(jstr(dy, "target"), "AZEGOV");
  assert_int_equal((int)jnum(dy, "events"), 2);
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "top_actors")), 5);
  cJSON_Delete(j);
  free(k.data);

  memset(&k, 0, sizeof k);
  assert_int_equal(wasit_store_stats(f->st, 0, sink_write, &k, &err), WASIT_OK);
  assert_non_null(strstr(k.data, "events by CAMEO root:\n  04"));
  assert_non_null(strstr(k.data, "  AZEMIL       -> ARMMIL              2\n"));
  free(k.data);

  memset(&k, 0, sizeof k);
  assert_int_equal(wasit_store_doc_json(f->st, "ria-0914", sink_write, &k, &err),
                   WASIT_OK);
  j = cJSON_Parse(k.data);
  assert_non_null(j);
  assert_string_equal(jstr(j, "id"), "ria-0914");
  assert_string_equal(jstr(j, "title"), "موسكو تتوسط");
  assert_non_null(strstr(jstr(j, "text"), "توسطت روسيا"));
  cJSON *ss = cJSON_GetObjectItemCaseSensitive(j, "sentences");
  assert_int_equal(cJSON_GetArraySize(ss), 2);
  assert_string_equal(jstr(cJSON_GetArrayItem(ss, 1), "text"), corpus[2].sents[1]);
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "events")), 2);
  cJSON_Delete(j);
  free(k.data);
  memset(&k, 0, sizeof k);
  assert_int_equal(wasit_store_doc_json(f->st, "reuters-0920", sink_write, &k, &err),
                   WASIT_EINVAL);
  assert_string_equal(err.message, "no such document");
  assert_int_equal(k.len, 0);
}

static void test_invalid_utf8_doc_text(void **state) {
  fx *f = *state;
  wasit_error err = {0};
  assert_int_equal(wasit_store_open(&f->st, f->path, 0, &err), WASIT_OK);
  /* A scraped page cut in the middle of a two-byte Arabic letter. */
  static const char text[] = "هاجمت قوات \xd8";
  wasit_doc doc = {"cut-1", text, sizeof text - 1, "2022-09-13", NULL, NULL};
  wasit_result res = {&doc, NULL, 0, NULL, 0, 1, 0};
  assert_int_equal(wasit_store_put(f->st, &res, &err), WASIT_OK);
  sink k = {0};
  assert_int_equal(wasit_store_doc_json(f->st, "cut-1", sink_write, &k, &err),
                   WASIT_OK);
  cJSON *j = cJSON_Parse(k.data);
  assert_non_null(j);
  assert_non_null(strstr(jstr(j, "text"), "\xEF\xBF\xBD")); /* U+FFFD */
  assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(j, "title")));
  cJSON_Delete(j);
  free(k.data);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_put_counts_and_schema, setup, teardown),
      cmocka_unit_test_setup_teardown(test_reput_replaces, setup, teardown),
      cmocka_unit_test_setup_teardown(test_put_failure_rolls_back, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dedup, setup, teardown),
      cmocka_unit_test_setup_teardown(test_fts_normalized, setup, teardown),
      cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
      cmocka_unit_test_setup_teardown(test_order_limit_offset, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_filters, setup, teardown),
      cmocka_unit_test_setup_teardown(test_readonly, setup, teardown),
      cmocka_unit_test_setup_teardown(test_event_json_fields, setup, teardown),
      cmocka_unit_test_setup_teardown(test_csv_and_table, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dyad_json, setup, teardown),
      cmocka_unit_test_setup_teardown(test_actors_stats_doc, setup, teardown),
      cmocka_unit_test_setup_teardown(test_invalid_utf8_doc_text, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
