/*
** test_store_plan.c: the event filters of the store (src/store/query.c)
** return the same rows in the same order as the plain GLOB definition of
** a code prefix, and SQLite answers them from indexes, not by scanning
** the events table.
**
** The store is realistic: examples/articles.jsonl and the Kazakhstan .txt
** article are coded by the real dictionaries and coder, then widened the
** way bench/load.sh widens its store (each dated event copied onto 40
** later dates), and roughened with what real stores hold: undated events,
** month-only dates, events without a target.  Each query row is run
** through wasit_store_query and, independently, as a reference SQL text
** written here with GLOB prefixes (the definition the README gives:
** actor=ARM matches any code starting with ARM as source or target); the
** totals, event ids and (dedup) report counts must be equal.
**
** The plan rows pin EXPLAIN QUERY PLAN: every filter on actor, source,
** target, dyad or code must SEARCH an index; a "SCAN e" (the whole events
** table) fails, before and after ANALYZE.
*/
#include "testutil.h"
#include "store/store.h"

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <unistd.h>

/* -------------------------------------------------------------- fixture */

typedef struct fixture {
  char dir[64], path[96];
  wasit_store *st;    /* read-only connection, as the server has */
  sqlite3 *db;        /* plain connection for the reference queries */
} fixture;

/* Code one input file into st (real reader, dictionaries and coder). */
static void code_file(wasit_store *st, wasit_coder *coder, const char *path) {
  wasit_reader *r = NULL;
  wasit_error err = {0};
  assert_int_equal(wasit_reader_open(&r, path, NULL, &err), WASIT_OK);
  wasit_doc doc;
  int rc;
  while ((rc = wasit_reader_next(r, &doc, &err)) != WASIT_EOF) {
    assert_int_equal(rc, WASIT_OK);
    const wasit_result *res = NULL;
    assert_int_equal(wasit_coder_run(coder, &doc, &res, &err), WASIT_OK);
    assert_int_equal(wasit_store_put(st, res, &err), WASIT_OK);
  }
  wasit_reader_close(r);
}

/* Statements that widen the coded events into a store of a few thousand
** rows with the awkward values real stores have. */
static const char widen_sql[] =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
    " WHERE i < 40)"
    " INSERT INTO events(doc_id, sentence, date, source, target,"
    " source_text, target_text, trigger, code, root, quad_class, goldstein,"
    " location_name, location_country, lat, lon, killed, wounded, mode,"
    " pattern)"
    " SELECT e.doc_id, e.sentence, date(e.date, '+' || (n.i * 3) || ' days'),"
    " e.source, e.target, e.source_text, e.target_text, e.trigger, e.code,"
    " e.root, e.quad_class, e.goldstein, e.location_name,"
    " e.location_country, e.lat, e.lon, e.killed, e.wounded, e.mode,"
    " e.pattern FROM events e, n WHERE length(e.date) = 10;"
    "UPDATE events SET date = NULL WHERE id % 17 = 3;"
    "UPDATE events SET date = substr(date, 1, 7) WHERE id % 23 = 5;"
    "UPDATE events SET target = NULL WHERE id % 19 = 7;";

static int setup(void **state) {
  fixture *fx = calloc(1, sizeof *fx);
  snprintf(fx->dir, sizeof fx->dir, "/tmp/wasit-plan.XXXXXX");
  assert_non_null(mkdtemp(fx->dir));
  snprintf(fx->path, sizeof fx->path, "%s/events.db", fx->dir);
  wasit_error err = {0};
  wasit_dict *dict = NULL;
  wasit_coder *coder = NULL;
  wasit_store *w = NULL;
  assert_int_equal(wasit_dict_load(&dict, WASIT_TEST_DICT, NULL, &err),
                   WASIT_OK);
  assert_int_equal(wasit_coder_new(&coder, dict, NULL, &err), WASIT_OK);
  assert_int_equal(wasit_store_open(&w, fx->path, 0, &err), WASIT_OK);
  assert_int_equal(wasit_store_begin(w, &err), WASIT_OK);
  code_file(w, coder, "examples/articles.jsonl");
  code_file(w, coder, "examples/kazakhstan-2022-01-06.txt");
  assert_int_equal(wasit_store_commit(w, &err), WASIT_OK);
  wasit_store_close(w);
  wasit_coder_free(coder);
  wasit_dict_free(dict);
  assert_int_equal(sqlite3_open(fx->path, &fx->db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(fx->db, widen_sql, NULL, NULL, NULL),
                   SQLITE_OK);
  assert_int_equal(
      wasit_store_open(&fx->st, fx->path, WASIT_STORE_READONLY, &err),
      WASIT_OK);
  *state = fx;
  return 0;
}

static int teardown(void **state) {
  fixture *fx = *state;
  wasit_store_close(fx->st);
  sqlite3_close(fx->db);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
  assert_int_equal(system(cmd), 0);
  free(fx);
  return 0;
}

/* ------------------------------------------------------------ the rows */

typedef struct qrow {
  const char *id;
  wasit_query q;
  int want_rows;   /* 1: the reference must find events (no empty pass) */
} qrow;

static const qrow rows[] = {
    {"actor ARM, all", {.actor = "ARM", .limit = 10000}, 1},
    {"actor arm lower case, page 3", {.actor = "arm", .limit = 50, .offset = 100}, 1},
    {"actor AR spans ARM, ARE, ...", {.actor = "AR", .limit = 10000}, 1},
    {"actor AZEGOV", {.actor = "AZEGOV", .limit = 10000}, 1},
    {"actor RUS newest first", {.actor = "RUS", .limit = 20, .offset = 5, .desc = 1}, 1},
    {"actor KAZ, Q1 2022", {.actor = "KAZ", .from = "2022-01-01", .to = "2022-03-31", .limit = 10000}, 1},
    {"source ARM", {.source = "ARM", .limit = 10000}, 1},
    {"target AZE", {.target = "AZE", .limit = 10000}, 1},
    {"source AZE target ARM", {.source = "AZE", .target = "ARM", .limit = 10000}, 1},
    {"dyad ARM,AZE", {.dyad_a = "ARM", .dyad_b = "AZE", .limit = 10000}, 1},
    {"dyad ARM,AZE autumn 2022", {.dyad_a = "ARM", .dyad_b = "AZE", .from = "2022-09-01", .to = "2022-12-31", .limit = 10000}, 1},
    {"code prefix 04", {.code = "04", .limit = 10000}, 1},
    /* last byte Z or 9: the range's upper end is "A[" or "1:" */
    {"actor AZ (ends in Z)", {.actor = "AZ", .limit = 10000}, 1},
    {"code prefix 19 (ends in 9)", {.code = "19", .limit = 10000}, 1},
    {"actor ARM root 19 desc", {.actor = "ARM", .root = "19", .desc = 1, .limit = 10000}, 1},
    {"actor ARM dedup", {.actor = "ARM", .dedup = 1, .limit = 10000}, 1},
    {"dyad AZE,ARM dedup newest, page 2", {.dyad_a = "AZE", .dyad_b = "ARM", .dedup = 1, .desc = 1, .limit = 7, .offset = 7}, 1},
    {"actor ZZZ matches nothing", {.actor = "ZZZ", .limit = 10000}, 0},
};

/* "col GLOB 'PREFIX*'" with the prefix upper-cased (sqlite3_free it). */
static char *glob_term(const char *col, const char *prefix) {
  char up[64];
  size_t n = strlen(prefix);
  assert_true(n < sizeof up);
  for (size_t i = 0; i <= n; i++)
    up[i] = (char)(prefix[i] >= 'a' && prefix[i] <= 'z' ? prefix[i] - 32 : prefix[i]);
  return sqlite3_mprintf("%s GLOB '%q*'", col, up);
}

/* w AND (a op b), consuming w, a and b. */
static char *and2(char *w, char *a, const char *op, char *b) {
  char *r = b ? sqlite3_mprintf("%s AND (%s %s %s)", w, a, op, b)
              : sqlite3_mprintf("%s AND %s", w, a);
  sqlite3_free(w);
  sqlite3_free(a);
  sqlite3_free(b);
  return r;
}

/* The reference query for q: its WHERE clause in GLOB terms. */
static char *ref_where(const wasit_query *q) {
  char *w = sqlite3_mprintf("1");
  if (q->actor)
    w = and2(w, glob_term("source", q->actor), "OR", glob_term("target", q->actor));
  if (q->source) w = and2(w, glob_term("source", q->source), "", NULL);
  if (q->target) w = and2(w, glob_term("target", q->target), "", NULL);
  if (q->dyad_a) {
    char *ab = and2(glob_term("source", q->dyad_a), glob_term("target", q->dyad_b), "", NULL);
    char *ba = and2(glob_term("source", q->dyad_b), glob_term("target", q->dyad_a), "", NULL);
    w = and2(w, sqlite3_mprintf("(%z)", ab), "OR", sqlite3_mprintf("(%z)", ba));
  }
  if (q->code) w = and2(w, glob_term("code", q->code), "", NULL);
  if (q->root) w = and2(w, sqlite3_mprintf("root = '%q'", q->root), "", NULL);
  if (q->from) w = and2(w, sqlite3_mprintf("date >= '%q'", q->from), "", NULL);
  if (q->to) w = and2(w, sqlite3_mprintf("date <= '%q'", q->to), "", NULL);
  return w;
}

/* Run the reference for q: total, then ids (and reports) of the page. */
static void ref_run(sqlite3 *db, const wasit_query *q, long *total,
                    long *ids, long *reports, long *n) {
  char *w = ref_where(q);
  const char *dir = q->desc ? "DESC" : "";
  char *count_sql, *page_sql;
  if (q->dedup) {
    count_sql = sqlite3_mprintf(
        "SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE %s"
        " GROUP BY date, source, target, code)", w);
    page_sql = sqlite3_mprintf(
        "SELECT MIN(id) AS fid, COUNT(*), date FROM events WHERE %s"
        " GROUP BY date, source, target, code"
        " ORDER BY date IS NULL, date %s, fid %s LIMIT %ld OFFSET %ld",
        w, dir, dir, q->limit, q->offset);
  } else {
    count_sql = sqlite3_mprintf("SELECT COUNT(*) FROM events WHERE %s", w);
    page_sql = sqlite3_mprintf(
        "SELECT id, 1 FROM events WHERE %s"
        " ORDER BY date IS NULL, date %s, id %s LIMIT %ld OFFSET %ld",
        w, dir, dir, q->limit, q->offset);
  }
  sqlite3_stmt *s = NULL;
  assert_int_equal(sqlite3_prepare_v2(db, count_sql, -1, &s, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  *total = (long)sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  assert_int_equal(sqlite3_prepare_v2(db, page_sql, -1, &s, NULL), SQLITE_OK);
  *n = 0;
  while (sqlite3_step(s) == SQLITE_ROW) {
    ids[*n] = (long)sqlite3_column_int64(s, 0);
    reports[*n] = (long)sqlite3_column_int64(s, 1);
    (*n)++;
  }
  sqlite3_finalize(s);
  sqlite3_free(count_sql);
  sqlite3_free(page_sql);
  sqlite3_free(w);
}

typedef struct sink {
  char *data;
  size_t len;
} sink;

static int sink_write(void *ud, const char *buf, size_t len) {
  sink *k = ud;
  k->data = realloc(k->data, k->len + len + 1);
  memcpy(k->data + k->len, buf, len);
  k->len += len;
  k->data[k->len] = '\0';
  return 0;
}

#define MAX_IDS 10000

/* ---------------------------------------------------------------- tests */

/* Every row: wasit_store_query gives the reference's total, ids, order. */
static void test_same_rows_as_glob(void **state) {
  fixture *fx = *state;
  static long ids[MAX_IDS], reports[MAX_IDS];
  long events = 0, n = 0, total = 0;
  sqlite3_stmt *s = NULL;
  sqlite3_prepare_v2(fx->db, "SELECT COUNT(*) FROM events", -1, &s, NULL);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  events = (long)sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  assert_true(events > 1000); /* the widened store, not a toy */
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const qrow *r = &rows[i];
    ref_run(fx->db, &r->q, &total, ids, reports, &n);
    if (r->want_rows && n == 0) fail_msg("row '%s': reference finds nothing", r->id);
    sink k = {0};
    wasit_error err = {0};
    int rc = wasit_store_query(fx->st, &r->q, WASIT_QUERY_JSON, sink_write, &k, &err);
    if (rc != WASIT_OK) fail_msg("row '%s': %s", r->id, err.message);
    cJSON *j = cJSON_Parse(k.data);
    free(k.data);
    assert_non_null(j);
    long got_total = (long)cJSON_GetObjectItem(j, "total")->valuedouble;
    const cJSON *evs = cJSON_GetObjectItem(j, "events");
    if (got_total != total || cJSON_GetArraySize(evs) != n)
      fail_msg("row '%s': total %ld rows %d, reference total %ld rows %ld",
               r->id, got_total, cJSON_GetArraySize(evs), total, n);
    long k2 = 0;
    for (const cJSON *e = evs ? evs->child : NULL; e; e = e->next, k2++) {
      long id = (long)cJSON_GetObjectItem(e, "id")->valuedouble;
      long rep = r->q.dedup ? (long)cJSON_GetObjectItem(e, "reports")->valuedouble : 1;
      if (id != ids[k2] || rep != reports[k2])
        fail_msg("row '%s': event %ld is id %ld (%ld reports), reference id %ld (%ld)",
                 r->id, k2, id, rep, ids[k2], reports[k2]);
    }
    cJSON_Delete(j);
  }
}

/* The plan of q has no full scan of the events table and holds each
** line of `need` (NULL-terminated). */
static void check_plan(fixture *fx, const char *id, const wasit_query *q,
                       const char *const *need, const char *when) {
  wa_buf plan;
  buf_init(&plan, NULL);
  wasit_error err = {0};
  if (store_query_plan(fx->st, q, &plan, &err) != WASIT_OK)
    fail_msg("plan '%s': %s", id, err.message);
  buf_append(&plan, "", 1); /* NUL-terminate */
  const char *p = plan.data;
  if (strstr(p, "SCAN e\n") != NULL || strstr(p, "SCAN e USING") != NULL ||
      strstr(p, "SCAN events") != NULL)
    fail_msg("plan '%s' (%s) scans the events table:\n%s", id, when, p);
  for (size_t i = 0; need[i] != NULL; i++)
    if (strstr(p, need[i]) == NULL)
      fail_msg("plan '%s' (%s) lacks '%s':\n%s", id, when, need[i], p);
  /* The count and the page are both planned (two parts). */
  assert_non_null(strstr(p, "\n--\n"));
  buf_free(&plan);
}

typedef struct prow {
  const char *id;
  wasit_query q;
  const char *need[3];
} prow;

static const prow plan_rows[] = {
    {"actor ARM", {.actor = "ARM"},
     {"SEARCH e USING INDEX events_source (source>? AND source<?)",
      "SEARCH e USING INDEX events_target (target>? AND target<?)"}},
    {"actor ARM dedup", {.actor = "ARM", .dedup = 1},
     {"SEARCH e USING INDEX events_source", "SEARCH e USING INDEX events_target"}},
    {"source AZE", {.source = "AZE"}, {"USING INDEX events_source"}},
    {"target ARM", {.target = "ARM"}, {"USING INDEX events_target"}},
    {"dyad ARM,AZE", {.dyad_a = "ARM", .dyad_b = "AZE"},
     {"MULTI-INDEX OR", "SEARCH e USING INDEX events_"}},
    {"code 19", {.code = "19"}, {"USING INDEX events_code"}},
};

static void test_plans_use_indexes(void **state) {
  fixture *fx = *state;
  for (int pass = 0; pass < 2; pass++) {
    const char *when = pass ? "after ANALYZE" : "no statistics";
    if (pass) {
      assert_int_equal(sqlite3_exec(fx->db, "ANALYZE", NULL, NULL, NULL), SQLITE_OK);
      /* a new connection reads the statistics */
      wasit_store_close(fx->st);
      wasit_error err = {0};
      assert_int_equal(wasit_store_open(&fx->st, fx->path, WASIT_STORE_READONLY, &err),
                       WASIT_OK);
    }
    for (size_t i = 0; i < sizeof plan_rows / sizeof plan_rows[0]; i++)
      check_plan(fx, plan_rows[i].id, &plan_rows[i].q, plan_rows[i].need, when);
  }
}

/* The plan helper itself: a bad filter is EINVAL, as for the query. */
static void test_plan_bad_filter(void **state) {
  fixture *fx = *state;
  wa_buf plan;
  buf_init(&plan, NULL);
  wasit_error err = {0};
  wasit_query q = {.actor = "AR'M"};
  assert_int_equal(store_query_plan(fx->st, &q, &plan, &err), WASIT_EINVAL);
  assert_non_null(strstr(err.message, "actor"));
  buf_free(&plan);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_same_rows_as_glob, setup, teardown),
      cmocka_unit_test_setup_teardown(test_plans_use_indexes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_plan_bad_filter, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
