/*
** test_reader.c: the JSON-lines / .txt document reader (src/io/reader.c).
**
** One file mixes good records with every rejection reason; the table gives,
** line by line, what wasit_reader_next must return (status, line number,
** id or a piece of the reason).  Other tests: BOM, CRLF and no final
** newline, .txt documents, an empty file, a 10 MB line, progress, escapes
** and invalid UTF-8 passed through, open errors and allocation failure,
** the \u0000 escape read as U+FFFD (the document still coded), and the
** record fast path checked against cJSON as the model.
** The Arabic sentences are news-style sentences written for these tests.
*/
#include "testutil.h"

#include <unistd.h>

#include "io/io.h"

#include <cjson/cJSON.h>

/* Write `data` (len bytes) to a fresh temp file ending in `suffix`; the
** caller unlinks `path` afterwards. */
static void make_file(char *path, size_t cap, const char *suffix,
                      const char *data, size_t len) {
  snprintf(path, cap, "/tmp/wasit_test_reader_XXXXXX%s", suffix);
  int fd = mkstemps(path, (int)strlen(suffix));
  assert_true(fd >= 0);
  size_t off = 0;
  while (off < len) {
    ssize_t w = write(fd, data + off, len - off);
    assert_true(w > 0);
    off += (size_t)w;
  }
  close(fd);
}

#define T_EGY "أعلنت وزارة الخارجية المصرية أن القاهرة تجري اتصالات مكثفة لوقف إطلاق النار."
#define T_LEB "قصفت طائرات حربية إسرائيلية مواقع في جنوب لبنان فجر الاثنين."
#define T_JOR "استقبل العاهل الأردني الملك عبد الله الثاني وزير الخارجية الأمريكي في عمان."
#define T_SDN "تظاهر آلاف السودانيين في الخرطوم للمطالبة بحكم مدني."

typedef struct row {
  const char *name;   /* row id */
  int rc;             /* expected status */
  int line;           /* expected line (err->line or io_reader_line) */
  const char *want;   /* id when rc == OK, else a piece of the message */
} row;

static const char mixed[] =
    "{\"id\":\"ahram-1\",\"date\":\"2023-10-07\",\"title\":\"الخارجية المصرية\","
    "\"url\":\"https://example.org/a/1\",\"text\":\"" T_EGY "\"}\n"        /* 1 */
    "\n"                                                                   /* 2 */
    "   \t  \n"                                                            /* 3 */
    "{\"id\":\"broken\",\"text\":\"" T_LEB "\n"                            /* 4 */
    "[\"" T_LEB "\"]\n"                                                    /* 5 */
    "{\"text\":\"" T_LEB "\"}\n"                                           /* 6 */
    "{\"id\":\"no-text\",\"date\":\"2024-01-02\"}\n"                       /* 7 */
    "{\"id\":2024,\"text\":\"" T_LEB "\"}\n"                               /* 8 */
    "{\"id\":\"arr\",\"text\":[\"" T_LEB "\"]}\n"                          /* 9 */
    "{\"id\":\"d1\",\"text\":\"" T_SDN "\",\"date\":\"07/10/2023\"}\n"     /* 10 */
    "{\"id\":\"\",\"text\":\"" T_SDN "\"}\n"                               /* 11 */
    "{\"id\":\"d2\",\"text\":\"" T_SDN "\",\"date\":\"2023-02-29\"}\n"     /* 12 */
    "{\"id\":\"t\",\"text\":\"" T_SDN "\",\"title\":7}\n"                  /* 13 */
    "{\"id\":\"g\",\"text\":\"" T_SDN "\"} {\"id\":\"h\"}\n"               /* 14 */
    "{\"id\":\"d3\",\"text\":\"" T_SDN "\",\"date\":20230101}\n"           /* 15 */
    "{\"id\":\"leap\",\"date\":\"2024-02-29\",\"text\":\"" T_SDN "\"}\n"   /* 16 */
    "{\"id\":\"nul\",\"text\":\"" T_JOR "\0\"}\n"                          /* 17 */
    "{\"id\":\"nodate\",\"date\":null,\"title\":null,\"text\":\"" T_JOR "\"}\r\n" /* 18 */
    "\"just a string\"\n"                                                  /* 19 */
    "{\"id\":\"last\",\"text\":\"" T_JOR "\"}";                            /* 20 */

static const row mixed_rows[] = {
    {"good first", WASIT_OK, 1, "ahram-1"},
    {"broken json", WASIT_EPARSE, 4, "invalid JSON"},
    {"array", WASIT_EPARSE, 5, "not a JSON object"},
    {"missing id", WASIT_EPARSE, 6, "missing \"id\""},
    {"missing text", WASIT_EPARSE, 7, "missing \"text\""},
    {"numeric id", WASIT_EPARSE, 8, "\"id\" is not a string"},
    {"array text", WASIT_EPARSE, 9, "\"text\" is not a string"},
    {"slash date", WASIT_EPARSE, 10, "not a YYYY-MM-DD date"},
    {"empty id", WASIT_EPARSE, 11, "empty \"id\""},
    {"feb 29 2023", WASIT_EPARSE, 12, "not a YYYY-MM-DD date"},
    {"numeric title", WASIT_EPARSE, 13, "\"title\" is not a string"},
    {"two objects", WASIT_EPARSE, 14, "text after the JSON value"},
    {"numeric date", WASIT_EPARSE, 15, "\"date\" is not a string"},
    {"leap day", WASIT_OK, 16, "leap"},
    {"raw NUL", WASIT_EPARSE, 17, "NUL byte"},
    {"null optionals, CRLF", WASIT_OK, 18, "nodate"},
    {"string record", WASIT_EPARSE, 19, "not a JSON object"},
    {"last, no newline", WASIT_OK, 20, "last"},
    {"end", WASIT_EOF, 0, NULL},
};

static void test_mixed_file(void **state) {
  (void)state;
  char path[128];
  make_file(path, sizeof path, ".jsonl", mixed, sizeof mixed - 1);
  wasit_reader *r = NULL;
  wasit_error err;
  assert_int_equal(wasit_reader_open(&r, path, NULL, &err), WASIT_OK);
  for (size_t i = 0; i < sizeof mixed_rows / sizeof mixed_rows[0]; i++) {
    const row *w = &mixed_rows[i];
    wasit_doc doc;
    memset(&err, 0, sizeof err);
    int rc = wasit_reader_next(r, &doc, &err);
    if (rc != w->rc) fail_msg("row '%s': rc %d, want %d (%s)", w->name, rc,
                              w->rc, err.message);
    if (rc == WASIT_OK) {
      if (strcmp(doc.id, w->want) != 0 || io_reader_line(r) != w->line)
        fail_msg("row '%s': got id %s line %d", w->name, doc.id,
                 io_reader_line(r));
      assert_int_equal(doc.text_len, strlen(doc.text));
    } else if (rc == WASIT_EPARSE) {
      if (err.line != w->line || strstr(err.message, w->want) == NULL ||
          strcmp(err.where, path) != 0)
        fail_msg("row '%s': got %s:%d: %s", w->name, err.where, err.line,
                 err.message);
      assert_int_equal(err.code, WASIT_EPARSE);
    }
    if (i == 0) {
      assert_string_equal(doc.text, T_EGY);
      assert_string_equal(doc.date, "2023-10-07");
      assert_string_equal(doc.title, "الخارجية المصرية");
      assert_string_equal(doc.url, "https://example.org/a/1");
    }
    if (rc == WASIT_OK && strcmp(doc.id, "nodate") == 0) {
      assert_null(doc.date);
      assert_null(doc.title);
      assert_null(doc.url);
      assert_string_equal(doc.text, T_JOR); /* the \r is not part of it */
    }
  }
  /* EOF is sticky */
  wasit_doc doc;
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_EOF);
  uint64_t done = 0, total = 0;
  wasit_reader_progress(r, &done, &total);
  assert_int_equal(total, sizeof mixed - 1);
  assert_int_equal(done, total);
  wasit_reader_close(r);
  unlink(path);
}

/* BOM at the start, CRLF line ends, JSON escapes, invalid UTF-8 passed on. */
static void test_bom_crlf_escapes(void **state) {
  (void)state;
  static const char data[] =
      "\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"" T_LEB "\"}\r\n"
      "\r\n"
      "{\"id\":\"esc\",\"text\":\"\\u0627\\u0644\\u0623\\u0631\\u062f\\u0646 "
      "\\\"quoted\\\"\\n\"}\r\n"
      "{\"id\":\"bad-utf8\",\"text\":\"\xD9 \xFF\xFE " T_SDN "\"}\r\n";
  char path[128];
  make_file(path, sizeof path, ".jsonl", data, sizeof data - 1);
  wasit_reader *r = NULL;
  wasit_error err;
  wasit_doc doc;
  assert_int_equal(wasit_reader_open(&r, path, NULL, &err), WASIT_OK);
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_OK);
  assert_string_equal(doc.id, "bom");
  assert_string_equal(doc.text, T_LEB);
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_OK);
  assert_string_equal(doc.id, "esc");
  assert_string_equal(doc.text, "الأردن \"quoted\"\n"); /* al-urdun */
  assert_int_equal(io_reader_line(r), 3);
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_OK);
  assert_string_equal(doc.id, "bad-utf8");
  assert_memory_equal(doc.text, "\xD9 \xFF\xFE ", 5);
  assert_int_equal(doc.text_len, 5 + strlen(T_SDN));
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_EOF);
  wasit_reader_close(r);
  unlink(path);
}

/* A .txt file is one document: id = base name, whole text, no date. */
static void test_txt_document(void **state) {
  (void)state;
  static const char data[] =
      "\xEF\xBB\xBF" T_JOR "\n\n" T_EGY "\n{\"id\":\"not json here\"}\n";
  char path[128];
  make_file(path, sizeof path, ".txt", data, sizeof data - 1);
  wasit_reader *r = NULL;
  wasit_error err;
  wasit_doc doc;
  assert_int_equal(wasit_reader_open(&r, path, NULL, &err), WASIT_OK);
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_OK);
  assert_string_equal(doc.id, strrchr(path, '/') + 1);
  assert_int_equal(doc.text_len, sizeof data - 1 - 3);
  assert_memory_equal(doc.text, data + 3, doc.text_len);
  assert_null(doc.date);
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_EOF);
  wasit_reader_close(r);
  unlink(path);
}

/* A .txt document takes its date from the first valid YYYY-MM-DD in its
** file name; an impossible date (2022-02-30) is no date. */
static void test_txt_date_from_name(void **state) {
  (void)state;
  static const struct {
    const char *id, *suffix, *date;
  } rows[] = {
      {"kaz-date", "-kazakhstan-2022-01-06.txt", "2022-01-06"},
      {"two-dates", "-2023-04-15-updated-2023-04-16.txt", "2023-04-15"},
      {"impossible", "-2022-02-30.txt", NULL},
      {"none", "-baku-report.txt", NULL},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char path[160];
    make_file(path, sizeof path, rows[i].suffix, T_JOR, strlen(T_JOR));
    wasit_reader *r = NULL;
    wasit_error err;
    wasit_doc doc;
    assert_int_equal(wasit_reader_open(&r, path, NULL, &err), WASIT_OK);
    assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_OK);
    if (rows[i].date == NULL) {
      if (doc.date != NULL) fail_msg("row %s: date %s", rows[i].id, doc.date);
    } else {
      if (doc.date == NULL || strcmp(doc.date, rows[i].date) != 0)
        fail_msg("row %s: date %s, want %s", rows[i].id,
                 doc.date ? doc.date : "(none)", rows[i].date);
    }
    wasit_reader_close(r);
    unlink(path);
  }
}

static void test_empty_files(void **state) {
  (void)state;
  static const char *const suffixes[] = {".jsonl", ".txt"};
  for (int i = 0; i < 2; i++) {
    char path[128];
    make_file(path, sizeof path, suffixes[i], "", 0);
    wasit_reader *r = NULL;
    wasit_error err;
    wasit_doc doc;
    assert_int_equal(wasit_reader_open(&r, path, NULL, &err), WASIT_OK);
    int rc = wasit_reader_next(r, &doc, &err);
    if (i == 0) {
      assert_int_equal(rc, WASIT_EOF);
    } else { /* an empty .txt is one empty document */
      assert_int_equal(rc, WASIT_OK);
      assert_int_equal(doc.text_len, 0);
      assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_EOF);
    }
    wasit_reader_close(r);
    unlink(path);
  }
}

/* A 10 MB line between two short ones. */
static void test_long_line(void **state) {
  (void)state;
  const size_t reps = (10u << 20) / strlen(T_LEB " ") + 1;
  size_t cap = reps * strlen(T_LEB " ") + 4096;
  char *data = malloc(cap);
  assert_non_null(data);
  size_t n = (size_t)sprintf(data, "{\"id\":\"a\",\"text\":\"%s\"}\n"
                                   "{\"id\":\"long\",\"text\":\"", T_SDN);
  for (size_t i = 0; i < reps; i++) {
    memcpy(data + n, T_LEB " ", strlen(T_LEB " "));
    n += strlen(T_LEB " ");
  }
  n += (size_t)sprintf(data + n, "\"}\n{\"id\":\"b\",\"text\":\"%s\"}\n", T_JOR);
  char path[128];
  make_file(path, sizeof path, ".jsonl", data, n);
  free(data);
  wasit_reader *r = NULL;
  wasit_error err;
  wasit_doc doc;
  assert_int_equal(wasit_reader_open(&r, path, NULL, &err), WASIT_OK);
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_OK);
  assert_string_equal(doc.id, "a");
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_OK);
  assert_string_equal(doc.id, "long");
  assert_int_equal(doc.text_len, reps * strlen(T_LEB " "));
  assert_true(doc.text_len >= (10u << 20));
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_OK);
  assert_string_equal(doc.id, "b");
  assert_int_equal(io_reader_line(r), 3);
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_EOF);
  wasit_reader_close(r);
  unlink(path);
}

static void test_open_errors(void **state) {
  (void)state;
  wasit_reader *r = NULL;
  wasit_error err;
  memset(&err, 0, sizeof err);
  assert_int_equal(
      wasit_reader_open(&r, "/nonexistent/akhbar.jsonl", NULL, &err), WASIT_EIO);
  assert_null(r);
  assert_string_equal(err.where, "/nonexistent/akhbar.jsonl");
  assert_non_null(strstr(err.message, "No such file"));
  assert_int_equal(wasit_reader_open(&r, "/tmp", NULL, &err), WASIT_EIO);
  assert_null(r);
  /* allocation failure at each step of open: ENOMEM, nothing leaked */
  for (long k = 1; k <= 2; k++) {
    test_failing_alloc fa = {0, k};
    wasit_allocator al = {test_failing_realloc, &fa};
    char path[128];
    make_file(path, sizeof path, ".jsonl", "{}\n", 3);
    assert_int_equal(wasit_reader_open(&r, path, &al, &err), WASIT_ENOMEM);
    assert_null(r);
    unlink(path);
  }
  wasit_reader_close(NULL);
}

/* io_parse_record directly: the fuzzer's entry point. */
static void test_parse_record(void **state) {
  (void)state;
  static const struct {
    const char *name, *line;
    int rc;
  } rows[] = {
      {"good", "{\"id\":\"x1\",\"text\":\"" T_SDN "\"}", WASIT_OK},
      {"trailing CR", "{\"id\":\"x1\",\"text\":\"" T_SDN "\"}\r", WASIT_OK},
      {"trailing space", "{\"id\":\"x1\",\"text\":\"\"}   ", WASIT_OK},
      {"month 13", "{\"id\":\"x\",\"text\":\"\",\"date\":\"2023-13-01\"}",
       WASIT_EPARSE},
      {"short date", "{\"id\":\"x\",\"text\":\"\",\"date\":\"2023-1-01\"}",
       WASIT_EPARSE},
      {"url number", "{\"id\":\"x\",\"text\":\"\",\"url\":1}", WASIT_EPARSE},
      {"truncated", "{\"id\":\"x\",\"te", WASIT_EPARSE},
      {"empty", "", WASIT_EPARSE},
      {"null", "null", WASIT_EPARSE},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    io_json *tree = NULL;
    wasit_doc doc;
    wasit_error err;
    int rc = io_parse_record(rows[i].line, strlen(rows[i].line), "t.jsonl", 42,
                             &tree, &doc, &err);
    if (rc != rows[i].rc) fail_msg("row '%s': rc %d", rows[i].name, rc);
    if (rc == WASIT_OK) {
      assert_non_null(tree);
      assert_string_equal(doc.id, "x1");
    } else {
      assert_null(tree);
      assert_int_equal(err.line, 42);
      assert_string_equal(err.where, "t.jsonl");
    }
    io_json_free(tree);
  }
  assert_true(io_valid_date("2000-02-29"));
  assert_false(io_valid_date("1900-02-29"));
  assert_false(io_valid_date("2023-04-31"));
  assert_false(io_valid_date("0000-01-01"));
  assert_false(io_valid_date("٢٠٢٣-١٠-٠٧")); /* Arabic-Indic digits */
}

/* The record fast path (reader.c) must read exactly what cJSON reads, and
** leave every other line to cJSON.  Each row is a record line; the model
** is cJSON itself: the test parses the line with cJSON (no \u0000 in
** these rows) and compares status, id and text bytes.  The rows cover the
** fast path (escapes, \u escapes as json.dumps writes Arabic with
** ensure_ascii, ", " and ": " spacing, null members, an escaped quote
** right before the closing one, other members holding arrays, objects,
** numbers and literals) and the lines it hands over (surrogate pairs, a
** repeated member, numbers JSON forbids, a tab before '{', raw control
** bytes, bad escapes, deep nesting, text after the object). */
static void test_fast_path_matches_cjson(void **state) {
  (void)state;
  static const struct {
    const char *name, *line;
  } rows[] = {
      {"plain", "{\"id\":\"egy-1\",\"date\":\"2023-10-07\",\"text\":\"" T_EGY "\"}"},
      {"escapes", "{\"id\":\"e\\/1\",\"text\":\"قال \\\"نعم\\\"\\n\\t\\\\ \\b\\f\\r.\"}"},
      {"quote last", "{\"id\":\"q\",\"text\":\"قال \\\"نعم\\\"\"}"},
      {"ascii escapes (json.dumps)",
       "{\"id\": \"lb-2\", \"text\": \"\\u0642\\u0635\\u0641\\u062a \\u0637\\u0627\\u0626\\u0631\\u0627\\u062a\", \"url\": null}"},
      {"two and three byte escapes", "{\"id\":\"u\",\"text\":\"\\u00e9\\u20AC\\uFDFA\\u0041\"}"},
      {"surrogate pair", "{\"id\":\"s\",\"text\":\"" T_SDN " \\ud83d\\ude00\"}"},
      {"lone low surrogate", "{\"id\":\"s\",\"text\":\"\\udc00\"}"},
      {"repeated id", "{\"id\":\"first\",\"id\":\"second\",\"text\":\"" T_LEB "\"}"},
      {"number member", "{\"id\":\"n\",\"words\":12,\"text\":\"" T_LEB "\"}"},
      {"tab before brace", "\t{\"id\":\"tab\",\"text\":\"" T_JOR "\"}"},
      {"raw tab in text", "{\"id\":\"rt\",\"text\":\"عمان\tالأردن\"}"},
      {"bad escape", "{\"id\":\"b\",\"text\":\"\\q\"}"},
      {"short u escape", "{\"id\":\"b\",\"text\":\"\\u06\"}"},
      {"text after", "{\"id\":\"x\",\"text\":\"" T_SDN "\"} x"},
      {"trailing comma", "{\"id\":\"x\",\"text\":\"" T_SDN "\",}"},
      {"unterminated", "{\"id\":\"x\",\"text\":\"" T_SDN},
      {"null text", "{\"id\":\"x\",\"text\":null}"},
      {"empty object", "{}"},
      {"spaces", "{ \"id\" : \"sp\" , \"text\" : \"" T_EGY "\" }  "},
      /* members the reader does not use, as labelled sets carry them:
      ** skipped by the fast path when they are plain JSON */
      {"label spans", "{\"id\": \"AAW-1\", \"text\": \"" T_SDN "\", "
       "\"event_type\": \"ASSAULT\", \"label\": \"yes\", \"spans\": "
       "[{\"source_actor\": [\"\u0645\u0633\u0644\u062d\u0648\u0646\"], "
       "\"verb\": [\"خطفوا\"], \"target_role\": {\"main\": \"KEN\", "
       "\"role\": \"CVL\"}}, {}, []]}"},
      {"numbers and literals", "{\"id\":\"n2\",\"n\":[0,-1,2.5,1e5,-0.25E-3,"
       "true,false,null],\"text\":\"" T_LEB "\"}"},
      {"leading zero", "{\"id\":\"n3\",\"n\":012,\"text\":\"" T_LEB "\"}"},
      {"bare dot", "{\"id\":\"n4\",\"n\":1.,\"text\":\"" T_LEB "\"}"},
      {"plus sign", "{\"id\":\"n5\",\"n\":+1,\"text\":\"" T_LEB "\"}"},
      {"minus alone", "{\"id\":\"n6\",\"n\":-,\"text\":\"" T_LEB "\"}"},
      {"number run", "{\"id\":\"n7\",\"n\":1-2,\"text\":\"" T_LEB "\"}"},
      {"trailing comma in array", "{\"id\":\"a\",\"s\":[1,],\"text\":\"" T_JOR "\"}"},
      {"missing colon inside", "{\"id\":\"a\",\"s\":{\"k\" 1},\"text\":\"" T_JOR "\"}"},
      {"broken literal", "{\"id\":\"a\",\"s\":[tru],\"text\":\"" T_JOR "\"}"},
      {"literal glued", "{\"id\":\"a\",\"s\":nullx,\"text\":\"" T_JOR "\"}"},
      {"unclosed array", "{\"id\":\"a\",\"s\":[1, 2"},
      {"deep nesting", "{\"id\":\"d\",\"s\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
       "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"text\":\"" T_EGY "\"}"},
      {"text is a number", "{\"id\":\"t\",\"text\":5}"},
      {"id is an array", "{\"id\":[\"x\"],\"text\":\"" T_EGY "\"}"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const char *line = rows[i].line;
    size_t len = strlen(line);
    cJSON *model = cJSON_ParseWithLength(line, len);
    const cJSON *mid = cJSON_GetObjectItemCaseSensitive(model, "id");
    const cJSON *mtext = cJSON_GetObjectItemCaseSensitive(model, "text");
    bool model_ok = cJSON_IsObject(model) && cJSON_IsString(mid) &&
                    cJSON_IsString(mtext) && mid->valuestring[0] != '\0';
    io_json *tree = NULL;
    wasit_doc doc;
    wasit_error err;
    int rc = io_parse_record(line, len, "fast.jsonl", 1, &tree, &doc, &err);
    /* cJSON stops at the object: text after it is reader.c's own check */
    if (strcmp(rows[i].name, "text after") == 0) model_ok = false;
    if ((rc == WASIT_OK) != model_ok)
      fail_msg("row '%s': rc %d, cJSON %s", rows[i].name, rc,
               model_ok ? "accepts" : "rejects");
    if (rc == WASIT_OK &&
        (strcmp(doc.id, mid->valuestring) != 0 ||
         doc.text_len != strlen(mtext->valuestring) ||
         memcmp(doc.text, mtext->valuestring, doc.text_len) != 0))
      fail_msg("row '%s': id '%s' text '%s', cJSON '%s' '%s'", rows[i].name,
               doc.id, doc.text, mid->valuestring, mtext->valuestring);
    io_json_free(tree);
    cJSON_Delete(model);
  }
}

/* The JSON escape \u0000 in "text" or "id" reads as U+FFFD: the whole
** text survives (cJSON would end the string at the NUL) and the document is
** still coded.  An escaped backslash before "u0000" is text, and a broken
** surrogate next to \u0000 is still an error.  The sentence ("Sudanese
** army and Rapid Support Forces clashed in Khartoum; the Sudanese army
** shelled Rapid Support positions") was written for this test; the NUL
** sits in the first sentence, the coded event in the second. */
#define T_NUL_A "اندلعت اشتباكات في الخرطوم\\u0000 صباح السبت."
#define T_NUL_B " وقصف الجيش السوداني مواقع قوات الدعم السريع في أم درمان."
#define FFFD "\xEF\xBF\xBD"

static void test_nul_escape(void **state) {
  (void)state;
  static const struct {
    const char *name, *line;
    int rc;
    const char *id, *text; /* expected, when rc == OK */
  } rows[] = {
      {"nul in text",
       "{\"id\":\"sdn-0415\",\"date\":\"2023-04-15\",\"text\":\"" T_NUL_A T_NUL_B "\"}",
       WASIT_OK, "sdn-0415",
       "اندلعت اشتباكات في الخرطوم" FFFD " صباح السبت." T_NUL_B},
      {"two nuls, one in id",
       "{\"id\":\"sdn\\u0000-2\",\"text\":\"\\u0000\\u0000" T_NUL_B "\"}",
       WASIT_OK, "sdn" FFFD "-2", FFFD FFFD T_NUL_B},
      {"escaped backslash then u0000 is text",
       "{\"id\":\"sdn-3\",\"text\":\"C:\\\\u0000" T_NUL_B "\"}",
       WASIT_OK, "sdn-3", "C:\\u0000" T_NUL_B},
      {"high surrogate then nul", "{\"id\":\"x\",\"text\":\"\\uD83D\\u0000\"}",
       WASIT_EPARSE, NULL, NULL},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    io_json *tree = NULL;
    wasit_doc doc;
    wasit_error err;
    memset(&err, 0, sizeof err);
    int rc = io_parse_record(rows[i].line, strlen(rows[i].line), "nul.jsonl",
                             3, &tree, &doc, &err);
    if (rc != rows[i].rc)
      fail_msg("row '%s': rc %d (%s)", rows[i].name, rc, err.message);
    if (rc != WASIT_OK) {
      assert_null(tree);
      assert_int_equal(err.line, 3);
      continue;
    }
    if (strcmp(doc.id, rows[i].id) != 0 || strcmp(doc.text, rows[i].text) != 0 ||
        doc.text_len != strlen(rows[i].text))
      fail_msg("row '%s': id '%s' text '%s'", rows[i].name, doc.id, doc.text);
    io_json_free(tree);
  }

  /* Through the reader and the coder: the text after the NUL is coded. */
  const char *file = "{\"id\":\"sdn-0415\",\"date\":\"2023-04-15\",\"text\":\"" T_NUL_A T_NUL_B "\"}\n";
  char path[128];
  make_file(path, sizeof path, ".jsonl", file, strlen(file));
  wasit_reader *r = NULL;
  wasit_dict *dict = NULL;
  wasit_coder *coder = NULL;
  wasit_error err;
  wasit_doc doc;
  const wasit_result *res = NULL;
  assert_int_equal(wasit_reader_open(&r, path, NULL, &err), WASIT_OK);
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_OK);
  assert_int_equal(wasit_dict_load(&dict, WASIT_TEST_DICT, NULL, &err), WASIT_OK);
  assert_int_equal(wasit_coder_new(&coder, dict, NULL, &err), WASIT_OK);
  assert_int_equal(wasit_coder_run(coder, &doc, &res, &err), WASIT_OK);
  int shelled = 0;
  for (size_t k = 0; k < res->n_events; k++)
    if (strncmp(res->events[k].source, "SDNMIL", 6) == 0 &&
        strcmp(res->events[k].root, "19") == 0 &&
        res->events[k].sentence == (int)res->n_sentences - 1)
      shelled = 1;
  if (!shelled) fail_msg("no SDNMIL root-19 event in the sentence after the NUL");
  assert_non_null(strstr(res->sentences[0].text, FFFD));
  assert_int_equal(wasit_reader_next(r, &doc, &err), WASIT_EOF);
  wasit_coder_free(coder);
  wasit_dict_free(dict);
  wasit_reader_close(r);
  unlink(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_mixed_file),
      cmocka_unit_test(test_bom_crlf_escapes),
      cmocka_unit_test(test_txt_document),
      cmocka_unit_test(test_txt_date_from_name),
      cmocka_unit_test(test_empty_files),
      cmocka_unit_test(test_long_line),
      cmocka_unit_test(test_open_errors),
      cmocka_unit_test(test_parse_record),
      cmocka_unit_test(test_fast_path_matches_cjson),
      cmocka_unit_test(test_nul_escape),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
