/*
** test_text.c: txt_analyze() (src/text/text.c) over whole documents, and
** wasit_text_dump() (src/io/text_dump.c).
**
** Documents are short news items written for these tests about well-known
** events (the 2020 Karabakh war, Gaza, Kabul 2021); none is copied.  Rows
** are {id, text, doc date, expected}.  Stage details (sentence rules,
** number words, dates) are tested by their own files; here we check that
** the stages are chained, that all spans agree with each other, and the
** error paths (bad date, broken UTF-8, allocation failure, failed write).
*/
#include "testutil.h"
#include "text/text.h"
#include <cjson/cJSON.h>

/* Check every invariant that ties the spans of a txt_doc together. */
static void check_spans(const txt_doc *d, wa_arena *ar, const char *id) {
  uint32_t prev_tok = 0;
  for (size_t si = 0; si < d->n_sentences; si++) {
    const txt_sentence *s = &d->sentences[si];
    assert_true(s->orig_start + s->orig_len <= d->text_len);
    assert_true(s->norm_start + s->norm_len <= d->norm_len);
    assert_int_equal(s->tok_start, prev_tok);
    prev_tok = s->tok_start + s->tok_count;
    if (si > 0) assert_int_equal(d->norm[s->norm_start - 1], '\n');
    for (uint32_t k = s->tok_start; k < s->tok_start + s->tok_count; k++) {
      const txt_token *t = &d->tokens[k];
      /* token inside its sentence, in both texts */
      assert_true(t->orig_start >= s->orig_start);
      assert_true(t->orig_start + t->orig_len <= s->orig_start + s->orig_len);
      assert_true(t->norm_start >= s->norm_start);
      assert_true(t->norm_start + t->norm_len <= s->norm_start + s->norm_len);
      /* the original text of a token normalizes to its norm */
      size_t nl;
      char *n = txt_normalize_str(ar, d->text + t->orig_start, t->orig_len, &nl);
      assert_non_null(n);
      if (nl != t->norm_len || memcmp(n, d->norm + t->norm_start, nl) != 0)
        print_error("row %s: token [%.*s] norm [%.*s] vs [%s]\n", id,
                    (int)t->orig_len, d->text + t->orig_start,
                    (int)t->norm_len, d->norm + t->norm_start, n);
      assert_int_equal(nl, t->norm_len);
      assert_memory_equal(n, d->norm + t->norm_start, nl);
    }
  }
  assert_int_equal(prev_tok, d->n_tokens);
  assert_int_equal(strlen(d->norm), d->norm_len);
}

typedef struct doc_row {
  const char *id;
  const char *text;
  const char *date;
  size_t sentences;     /* expected count */
  size_t invalid;       /* expected U+FFFD replacements */
  const char *norm;     /* expected normalized text, sentences '\n'-joined */
} doc_row;

static const doc_row doc_rows[] = {
    {"empty", "", "2020-10-01", 0, 0, ""},
    {"no-date", "أعلنت وزارة الدفاع الأذربيجانية السيطرة على شوشا.", NULL, 1, 0,
     "اعلنت وزاره الدفاع الاذربيجانيه السيطره علي شوشا."},
    {"two-sentences",
     "قصفت القوات الأرمينية مدينة كنجة. وردت أذربيجان بقصف ستيباناكرت.",
     "2020-10-11", 2, 0,
     "قصفت القوات الارمينيه مدينه كنجه.\nوردت اذربيجان بقصف ستيباناكرت."},
    {"question-mark", "هل تصمد الهدنة؟ لا أحد يعرف.", "2020-10-10", 2, 0,
     "هل تصمد الهدنه؟\nلا احد يعرف."},
    {"broken-utf8", "سيطرت حركة طالبان على كابول\xD9 اليوم\x80.", "2021-08-15",
     1, 2, "سيطرت حركه طالبان علي كابول\xEF\xBF\xBD اليوم\xEF\xBF\xBD."},
    {"diacritics-digits", "قُتِلَ ١٣٥ شخصاً في غزة.", "2014-07-20", 1, 0,
     "قتل 135 شخصا في غزه."},
};

static void test_doc_rows(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof doc_rows / sizeof doc_rows[0]; i++) {
    const doc_row *r = &doc_rows[i];
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc d;
    wasit_error err;
    memset(&err, 0, sizeof err);
    int rc = txt_analyze(&d, &ar, r->text, strlen(r->text), r->date, &err);
    if (rc != WASIT_OK) print_error("row %s: rc %d %s\n", r->id, rc, err.message);
    assert_int_equal(rc, WASIT_OK);
    if (d.n_sentences != r->sentences || strcmp(d.norm, r->norm) != 0)
      print_error("row %s: %zu sentences, norm [%s]\n", r->id, d.n_sentences,
                  d.norm);
    assert_int_equal(d.n_sentences, r->sentences);
    assert_int_equal(d.invalid_utf8, r->invalid);
    assert_string_equal(d.norm, r->norm);
    if (r->date != NULL) {
      int y, m, dd;
      assert_int_equal(sscanf(r->date, "%d-%d-%d", &y, &m, &dd), 3);
      assert_int_equal(d.doc_year, y);
      assert_int_equal(d.doc_month, m);
      assert_int_equal(d.doc_day, dd);
    } else {
      assert_int_equal(d.doc_year, 0);
    }
    check_spans(&d, &ar, r->id);
    arena_free(&ar);
  }
}

/* The later stages run on every sentence: numbers and dates appear. */
static void test_stages_chained(void **state) {
  (void)state;
  const char *text = "قالت وزارة الصحة في غزة إن 135 شخصا قتلوا. "
                     "وبدأت الحرب في 8 يوليو 2014.";
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  assert_int_equal(txt_analyze(&d, &ar, text, strlen(text), "2014-07-20",
                               NULL), WASIT_OK);
  assert_int_equal(d.n_sentences, 2);
  bool saw135 = false;
  for (size_t i = 0; i < d.n_numbers; i++)
    if (d.numbers[i].value == 135 && d.numbers[i].sentence == 0) saw135 = true;
  assert_true(saw135);
  bool saw_date = false;
  for (size_t i = 0; i < d.n_dates; i++)
    if (d.dates[i].year == 2014 && d.dates[i].month == 7 &&
        d.dates[i].day == 8 && d.dates[i].sentence == 1)
      saw_date = true;
  assert_true(saw_date);
  check_spans(&d, &ar, "chained");

  /* page furniture is dropped before sentences are split */
  const char *page = "شارك\nقصفت القوات الأرمينية مواقع أذربيجانية.\n";
  assert_int_equal(txt_analyze(&d, &ar, page, strlen(page), NULL, NULL),
                   WASIT_OK);
  assert_int_equal(d.dropped_lines, 1);
  assert_int_equal(d.n_sentences, 1);
  assert_string_equal(d.norm, "قصفت القوات الارمينيه مواقع اذربيجانيه.");
  arena_free(&ar);
}

static void test_bad_date(void **state) {
  (void)state;
  const char *bad[] = {"2020-13-01", "yesterday", "2020/10/01", "2020-02-30"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc d;
    wasit_error err;
    memset(&err, 0, sizeof err);
    const char *text = "اتفق الطرفان على هدنة.";
    int rc = txt_analyze(&d, &ar, text, strlen(text), bad[i], &err);
    if (rc != WASIT_EINVAL) print_error("date %s: rc %d\n", bad[i], rc);
    assert_int_equal(rc, WASIT_EINVAL);
    assert_int_equal(err.code, WASIT_EINVAL);
    assert_non_null(strstr(err.message, "date"));
    arena_free(&ar);
  }
}

/* Allocation failure anywhere: WASIT_ENOMEM with the error filled, no
** crash, no leak (ASan build); enough memory: success. */
static void test_enomem(void **state) {
  (void)state;
  const char *text =
      "أعلنت وزارة الدفاع الأذربيجانية، يوم الأحد، أن قواتها سيطرت على 12 "
      "قرية.\nوقال المتحدث إن ١٣٥ جنديا أرمينيا قتلوا في 27 سبتمبر 2020. "
      "ونفت يريفان ذلك؟";
  bool ok = false;
  for (long fail_at = 1; fail_at < 200 && !ok; fail_at++) {
    test_failing_alloc fa = {0, fail_at};
    wasit_allocator a = {test_failing_realloc, &fa};
    wa_arena ar;
    arena_init(&ar, &a);
    ar.chunk_size = 256; /* many small chunks: more failure points */
    txt_doc d;
    wasit_error err;
    memset(&err, 0, sizeof err);
    int rc = txt_analyze(&d, &ar, text, strlen(text), "2020-10-04", &err);
    if (rc == WASIT_OK) {
      ok = true;
      assert_int_equal(d.n_sentences, 3);
    } else {
      assert_int_equal(rc, WASIT_ENOMEM);
      assert_int_equal(err.code, WASIT_ENOMEM);
    }
    arena_free(&ar);
  }
  assert_true(ok);
}

/* ---------------------------------------------------------- text dump */

typedef struct sink {
  char buf[65536];
  size_t len;
  int fail;
} sink;

static int sink_write(void *ud, const char *b, size_t n) {
  sink *s = ud;
  if (s->fail) return -1;
  if (s->len + n >= sizeof s->buf) return -1;
  memcpy(s->buf + s->len, b, n);
  s->len += n;
  s->buf[s->len] = '\0';
  return 0;
}

static void test_dump(void **state) {
  (void)state;
  wasit_doc doc = {0};
  doc.id = "karabakh-1";
  doc.text = "والجيش الأذربيجاني قصف 135 موقعا.\nوقال المتحدث \"لا تعليق\".";
  doc.text_len = strlen(doc.text);
  doc.date = "2020-10-04";
  sink *s = calloc(1, sizeof *s);
  assert_non_null(s);
  wasit_error err;
  memset(&err, 0, sizeof err);
  assert_int_equal(wasit_text_dump(&doc, NULL, sink_write, s, &err), WASIT_OK);
  /* one valid JSON object per line */
  int lines = 0;
  bool saw_wa_al = false, saw_num = false, saw_quote = false;
  for (char *line = s->buf, *nl; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
    *nl = '\0';
    cJSON *j = cJSON_Parse(line);
    if (j == NULL) print_error("bad JSON: %s\n", line);
    assert_non_null(j);
    assert_string_equal(cJSON_GetObjectItem(j, "doc_id")->valuestring,
                        "karabakh-1");
    assert_int_equal(cJSON_GetObjectItem(j, "sentence")->valueint, lines);
    assert_true(cJSON_IsString(cJSON_GetObjectItem(j, "text")));
    assert_true(cJSON_IsArray(cJSON_GetObjectItem(j, "numbers")));
    assert_true(cJSON_IsArray(cJSON_GetObjectItem(j, "dates")));
    cJSON *tok;
    cJSON_ArrayForEach(tok, cJSON_GetObjectItem(j, "tokens")) {
      const char *norm = cJSON_GetObjectItem(tok, "norm")->valuestring;
      const char *kind = cJSON_GetObjectItem(tok, "kind")->valuestring;
      cJSON *splits = cJSON_GetObjectItem(tok, "splits");
      assert_true(cJSON_GetArraySize(splits) >= 1);
      if (strcmp(norm, "والجيش") == 0) {
        cJSON *sp = cJSON_GetArrayItem(splits, 1);
        assert_string_equal(cJSON_GetObjectItem(sp, "stem")->valuestring, "جيش");
        cJSON *cl = cJSON_GetObjectItem(sp, "clitics");
        assert_int_equal(cJSON_GetArraySize(cl), 2);
        assert_string_equal(cJSON_GetArrayItem(cl, 0)->valuestring, "wa");
        assert_string_equal(cJSON_GetArrayItem(cl, 1)->valuestring, "al");
        saw_wa_al = true;
      }
      if (strcmp(kind, "num") == 0 &&
          cJSON_GetObjectItem(tok, "value")->valuedouble == 135)
        saw_num = true;
      if (strcmp(kind, "punct") == 0 &&
          strcmp(cJSON_GetObjectItem(tok, "text")->valuestring, "\"") == 0)
        saw_quote = true;
    }
    cJSON_Delete(j);
    lines++;
  }
  assert_int_equal(lines, 2);
  assert_true(saw_wa_al && saw_num && saw_quote);

  /* a 400-digit number is not finite as a double: JSON null, still valid */
  char big[520] = "بلغت الخسائر ";
  size_t bl = strlen(big);
  memset(big + bl, '9', 400);
  big[bl + 400] = '\0';
  wasit_doc bigdoc = {0};
  bigdoc.id = "big";
  bigdoc.text = big;
  bigdoc.text_len = strlen(big);
  s->len = 0;
  assert_int_equal(wasit_text_dump(&bigdoc, NULL, sink_write, s, &err), WASIT_OK);
  cJSON *bj = cJSON_Parse(s->buf);
  assert_non_null(bj);
  cJSON_Delete(bj);
  assert_non_null(strstr(s->buf, "\"value\":null"));

  /* a failing sink stops with WASIT_EIO */
  s->len = 0;
  s->fail = 1;
  assert_int_equal(wasit_text_dump(&doc, NULL, sink_write, s, &err), WASIT_EIO);
  /* a bad date is refused */
  s->fail = 0;
  doc.date = "04/10/2020";
  assert_int_equal(wasit_text_dump(&doc, NULL, sink_write, s, &err),
                   WASIT_EINVAL);
  assert_int_equal(s->len, 0);
  /* allocation failure */
  doc.date = NULL;
  test_failing_alloc fa = {0, 1};
  wasit_allocator a = {test_failing_realloc, &fa};
  assert_int_equal(wasit_text_dump(&doc, &a, sink_write, s, &err), WASIT_ENOMEM);
  free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_doc_rows),
      cmocka_unit_test(test_stages_chained),
      cmocka_unit_test(test_bad_date),
      cmocka_unit_test(test_enomem),
      cmocka_unit_test(test_dump),
  };
  return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
