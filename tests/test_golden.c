/*
** test_golden.c: runs every tests/data/golden_*.jsonl through the coder
** with the shipped dictionaries (dict/ar), one cmocka test per file.
**
** Row format (one JSON object per line):
**   {"id", "note", "date", "text", "expect": [partial events],
**    "forbid": [partial events], "exact": bool}
** A partial event may hold "source", "target" (prefix match; a null target
** means no target), "target_text" (a substring of the words the target
** was read from; null: the target, if any, was not read from the text but
** inferred from the article), "code" and "root" (prefix), "killed", "wounded",
** "date", "mode" (array of reported|future|historical|conditional, matched
** exactly) and "location" (country code).  Each expected event must match
** a distinct emitted event; no emitted event may match a forbidden one;
** "exact" also requires as many events as expected.  Every failing row is
** printed with its id, the expected and the emitted events.
*/
#include "testutil.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdbool.h>
#include <unistd.h>

typedef struct golden_env {
  const wasit_dict *dict;
  char path[512];
} golden_env;

static bool prefix(const char *want, const char *got) {
  return got && strncmp(want, got, strlen(want)) == 0;
}

static unsigned mode_bits(const cJSON *arr, bool *ok) {
  unsigned m = 0;
  const cJSON *x;
  *ok = true;
  cJSON_ArrayForEach(x, arr) {
    if (!cJSON_IsString(x)) *ok = false;
    else if (strcmp(x->valuestring, "reported") == 0) m |= WASIT_MODE_REPORTED;
    else if (strcmp(x->valuestring, "future") == 0) m |= WASIT_MODE_FUTURE;
    else if (strcmp(x->valuestring, "historical") == 0) m |= WASIT_MODE_HISTORICAL;
    else if (strcmp(x->valuestring, "conditional") == 0) m |= WASIT_MODE_CONDITIONAL;
    else *ok = false;
  }
  return m;
}

/* Does emitted event e satisfy the partial event p? */
static bool partial_match(const cJSON *p, const wasit_event *e) {
  const cJSON *v;
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "source")) &&
      !(cJSON_IsString(v) && prefix(v->valuestring, e->source)))
    return false;
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "target"))) {
    if (cJSON_IsNull(v)) {
      if (e->target) return false;
    } else if (!(cJSON_IsString(v) && prefix(v->valuestring, e->target)))
      return false;
  }
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "target_text"))) {
    if (cJSON_IsNull(v)) {
      if (e->target_text) return false;
    } else if (!(cJSON_IsString(v) && e->target_text &&
                 strstr(e->target_text, v->valuestring)))
      return false;
  }
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "code")) &&
      !(cJSON_IsString(v) && prefix(v->valuestring, e->code)))
    return false;
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "root")) &&
      !(cJSON_IsString(v) && prefix(v->valuestring, e->code)))
    return false;
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "killed")) &&
      !(cJSON_IsNumber(v) && v->valueint == e->killed))
    return false;
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "wounded")) &&
      !(cJSON_IsNumber(v) && v->valueint == e->wounded))
    return false;
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "date")) &&
      !(cJSON_IsString(v) && strcmp(v->valuestring, e->date) == 0))
    return false;
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "location")) &&
      !(cJSON_IsString(v) && e->location &&
        strcmp(v->valuestring, e->location->country) == 0))
    return false;
  if ((v = cJSON_GetObjectItemCaseSensitive(p, "mode"))) {
    bool ok;
    unsigned m = mode_bits(v, &ok);
    if (!ok || m != e->mode) return false;
  }
  return true;
}

static void print_events(const wasit_result *r) {
  if (!r->n_events) print_error("      (no events)\n");
  for (size_t i = 0; i < r->n_events; i++) {
    const wasit_event *e = &r->events[i];
    print_error("      + {\"source\": \"%s\", \"target\": %s%s%s, \"code\": \"%s\", "
                "\"mode\": %u, \"killed\": %d, \"wounded\": %d, \"date\": \"%s\", "
                "\"location\": \"%s\"}  [%s: %s]\n",
                e->source, e->target ? "\"" : "", e->target ? e->target : "null",
                e->target ? "\"" : "", e->code, e->mode, e->killed, e->wounded,
                e->date, e->location ? e->location->country : "",
                e->pattern, e->trigger);
  }
}

/* Check one row; returns 0 when it passes, prints a diff otherwise. */
static int check_row(wasit_coder *c, const char *file, int line,
                     const cJSON *row) {
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(row, "id");
  const cJSON *text = cJSON_GetObjectItemCaseSensitive(row, "text");
  const cJSON *date = cJSON_GetObjectItemCaseSensitive(row, "date");
  const cJSON *expect = cJSON_GetObjectItemCaseSensitive(row, "expect");
  const cJSON *forbid = cJSON_GetObjectItemCaseSensitive(row, "forbid");
  const cJSON *exact = cJSON_GetObjectItemCaseSensitive(row, "exact");
  if (!cJSON_IsString(id) || !cJSON_IsString(text) ||
      (expect && !cJSON_IsArray(expect))) {
    print_error("%s:%d: malformed golden row\n", file, line);
    return 1;
  }
  wasit_doc doc = {id->valuestring, text->valuestring, strlen(text->valuestring),
                   cJSON_IsString(date) ? date->valuestring : NULL, NULL, NULL};
  const wasit_result *res;
  wasit_error err;
  if (wasit_coder_run(c, &doc, &res, &err)) {
    print_error("%s: coder failed: %s\n", id->valuestring, err.message);
    return 1;
  }
  bool used[256] = {false};
  int bad = 0;
  const cJSON *x;
  cJSON_ArrayForEach(x, expect) {
    size_t i;
    for (i = 0; i < res->n_events && i < 256; i++)
      if (!used[i] && partial_match(x, &res->events[i])) break;
    if (i < res->n_events && i < 256) {
      used[i] = true;
    } else {
      char *s = cJSON_PrintUnformatted(x);
      if (!bad) print_error("FAIL %s (%s:%d)\n", id->valuestring, file, line);
      print_error("      - missing %s\n", s ? s : "?");
      cJSON_free(s);
      bad = 1;
    }
  }
  cJSON_ArrayForEach(x, forbid) {
    for (size_t i = 0; i < res->n_events; i++)
      if (partial_match(x, &res->events[i])) {
        char *s = cJSON_PrintUnformatted(x);
        if (!bad) print_error("FAIL %s (%s:%d)\n", id->valuestring, file, line);
        print_error("      - forbidden %s emitted\n", s ? s : "?");
        cJSON_free(s);
        bad = 1;
        break;
      }
  }
  if (cJSON_IsTrue(exact) && res->n_events != (size_t)cJSON_GetArraySize(expect)) {
    if (!bad) print_error("FAIL %s (%s:%d)\n", id->valuestring, file, line);
    print_error("      - %zu events emitted, exactly %d expected\n",
                res->n_events, cJSON_GetArraySize(expect));
    bad = 1;
  }
  if (bad) {
    print_error("      text: %s\n", text->valuestring);
    print_events(res);
  }
  return bad;
}

static void test_golden_file(void **state) {
  golden_env *env = *state;
  FILE *f = fopen(env->path, "rb");
  assert_non_null(f);
  wasit_coder *c;
  assert_int_equal(wasit_coder_new(&c, env->dict, NULL, NULL), WASIT_OK);
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  int lineno = 0, rows = 0, failed = 0;
  while ((n = getline(&line, &cap, f)) >= 0) {
    lineno++;
    if (n <= 1) continue;
    cJSON *row = cJSON_ParseWithLength(line, (size_t)n);
    if (!cJSON_IsObject(row)) {
      print_error("%s:%d: not a JSON object\n", env->path, lineno);
      failed++;
    } else {
      rows++;
      failed += check_row(c, env->path, lineno, row);
    }
    cJSON_Delete(row);
  }
  free(line);
  fclose(f);
  wasit_coder_free(c);
  print_message("%s: %d/%d rows pass\n", env->path, rows - failed, rows);
  assert_int_equal(failed, 0);
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const golden_env *)a)->path, ((const golden_env *)b)->path);
}

int main(void) {
  wasit_dict *dict = NULL;
  wasit_error err;
  if (wasit_dict_load(&dict, WASIT_TEST_DICT, NULL, &err)) {
    fprintf(stderr, "golden: %s:%d: %s\n", err.where, err.line, err.message);
    if (access(WASIT_TEST_DICT "/verbs.txt", R_OK) != 0) {
      puts("[  SKIPPED ] golden: dict/ar/verbs.txt not present");
      return 0;
    }
    return 1;
  }
  golden_env envs[64];
  size_t ne = 0;
  DIR *dir = opendir("tests/data");
  struct dirent *de;
  while (dir && (de = readdir(dir)) && ne < 64) {
    size_t l = strlen(de->d_name);
    if (strncmp(de->d_name, "golden_", 7) != 0 || l < 7 ||
        strcmp(de->d_name + l - 6, ".jsonl") != 0)
      continue;
    envs[ne].dict = dict;
    snprintf(envs[ne].path, sizeof envs[ne].path, "tests/data/%s", de->d_name);
    ne++;
  }
  if (dir) closedir(dir);
  qsort(envs, ne, sizeof *envs, by_name);
  struct CMUnitTest tests[64];
  for (size_t i = 0; i < ne; i++)
    tests[i] = (struct CMUnitTest){envs[i].path, test_golden_file, NULL, NULL,
                                   &envs[i]};
  int rc = ne ? _cmocka_run_group_tests("golden", tests, ne, NULL, NULL) : 0;
  if (!ne) puts("[  SKIPPED ] golden: no tests/data/golden_*.jsonl");
  wasit_dict_free(dict);
  return rc;
}
