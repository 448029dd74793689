/*
** test_normalize.c: Arabic normalization for matching (normalize.c) and
** the generated tables (build/gen/tables.c from dict/ar/text).
**
** Rows are {id, input, expected normalized form}; inputs are news-style
** phrases written for these tests (Nagorno-Karabakh war, Putin's visits,
** Gaza casualty counts ...), spelled the ways Arabic sites spell them.
*/
#include "testutil.h"
#include "text/text.h"

typedef struct norm_row {
  const char *id;
  const char *in;
  const char *expect;
} norm_row;

static const norm_row norm_rows[] = {
    /* hamza variants of "announced" / "announcement" all meet */
    {"hamza-above", "أعلنت وزارة الدفاع", "اعلنت وزاره الدفاع"},
    {"hamza-none", "اعلنت وزارة الدفاع", "اعلنت وزاره الدفاع"},
    {"hamza-below", "إعلان وقف إطلاق النار", "اعلان وقف اطلاق النار"},
    {"madda", "آلاف النازحين", "الاف النازحين"},
    {"alef-wasla", "ٱلجيش", "الجيش"},
    {"waw-hamza", "مسؤول أمريكي", "مسوول امريكي"},
    {"ya-hamza", "رئيس الوزراء الإسرائيلي", "رييس الوزراء الاسراييلي"},
    {"alef-maqsura", "وصل إلى موسكو", "وصل الي موسكو"},
    {"ta-marbuta", "مدينة غزة", "مدينه غزه"},
    /* kashida (tatweel) used for emphasis and justification */
    {"kashida", "الرئيس بـــوتين", "الرييس بوتين"},
    /* full diacritics, as in agency headlines */
    {"harakat", "الْجَيْشُ الأَرْمَنِيُّ", "الجيش الارمني"},
    {"tanwin", "قُتِلَ خمسونَ شخصاً", "قتل خمسون شخصا"},
    {"dagger-alef", "هٰذا الاتفاق", "هذا الاتفاق"},
    /* digits: Arabic-Indic and Persian become ASCII */
    {"arabic-indic", "مقتل ١٣٥ شخصا", "مقتل 135 شخصا"},
    {"persian", "مقتل ۱۳۵ شخصا", "مقتل 135 شخصا"},
    {"arabic-separators", "١٬٢٠٠ جندي و٢٫٥ مليون", "1,200 جندي و2.5 مليون"},
    /* presentation forms (old PDFs and some CMS output) */
    {"lam-alef-ligature", "ﻻ تعليق", "لا تعليق"},
    {"allah-ligature", "رحمه ﷲ", "رحمه الله"},
    {"isolated-forms", "ﺑﺎﻛﻮ", "باكو"},
    {"hamza-presentation", "ﺃﺭﻣﻴﻨﻴﺎ", "ارمينيا"},
    {"lam-alef-hamza", "ﻷن الهدنة انهارت", "لان الهدنه انهارت"},
    /* punctuation is kept for sentence and punctuation tokens */
    {"arabic-punct", "هل انتهت الحرب؟ نعم، انتهت؛ قال.", "هل انتهت الحرب؟ نعم، انتهت؛ قال."},
    {"latin-lower", "وكالة Reuters وAFP", "وكاله reuters وafp"},
    /* invisible characters break words in the middle */
    {"zwnj", "الأمم\xE2\x80\x8C المتحدة", "الامم المتحده"},
    {"nbsp", "كابول\xC2\xA0اليوم", "كابول اليوم"},
    /* deletions and 1-byte digits inside a run, then a code point outside
    ** the Arabic block (ZWNJ): the output is shorter than the input */
    {"harakat-zwnj-digits", "قُتِلَ\xE2\x80\x8C ١٣٥ جنديًا", "قتل 135 جنديا"},
    {"empty", "", ""},
};

static void test_norm_rows(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof norm_rows / sizeof norm_rows[0]; i++) {
    const norm_row *r = &norm_rows[i];
    const char *expect = r->expect;
    wa_buf out;
    buf_init(&out, NULL);
    int rc = txt_normalize_with(txt_default_normmap(), r->in, strlen(r->in),
                                &out, NULL);
    const char *got = out.data ? out.data : "";
    if (rc != WASIT_OK || strcmp(got, expect) != 0)
      print_error("row %s: got [%s] want [%s]\n", r->id, got, expect);
    assert_int_equal(rc, WASIT_OK);
    assert_string_equal(got, expect);
    assert_int_equal(out.len, strlen(expect));   /* no stray bytes */
    buf_free(&out);
  }
}

/* Presentation forms get real NFKC (decompose, then compose): with an
** empty map the hamza forms come back as the precomposed letters. */
static void test_nfkc_without_map(void **state) {
  (void)state;
  const txt_normmap empty = {NULL, 0, NULL, NULL};
  const norm_row rows[] = {
      {"alef-hamza-below-isolated", "\xEF\xBA\x87", "إ"},      /* U+FE87 */
      {"lam-alef-hamza-isolated", "\xEF\xBB\xB7", "لأ"},       /* U+FEF7 */
      {"waw-hamza-isolated", "\xEF\xBA\x85", "ؤ"},             /* U+FE85 */
      {"allah", "\xEF\xB7\xB2", "الله"},                       /* U+FDF2 */
      {"plain-text-untouched", "أعلنت إيران", "أعلنت إيران"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    wa_buf out;
    buf_init(&out, NULL);
    assert_int_equal(txt_normalize_with(&empty, rows[i].in, strlen(rows[i].in),
                                        &out, NULL), WASIT_OK);
    if (strcmp(out.data, rows[i].expect) != 0)
      print_error("row %s: got [%s]\n", rows[i].id, out.data);
    assert_string_equal(out.data, rows[i].expect);
    buf_free(&out);
  }
}

/* Every output byte maps back to the input byte that produced it. */
static void test_offsets(void **state) {
  (void)state;
  /* "the army" with harakat, a kashida, then a ligature and a digit */
  const char *in = "الْجَيْشُ بـوتين ﻻ ٣";
  wa_buf out, offs;
  buf_init(&out, NULL);
  buf_init(&offs, NULL);
  assert_int_equal(txt_normalize_with(txt_default_normmap(), in, strlen(in),
                                      &out, &offs), WASIT_OK);
  assert_string_equal(out.data, "الجيش بوتين لا 3");
  assert_int_equal(offs.len, out.len * sizeof(uint32_t));
  uint32_t *o = (uint32_t *)(void *)offs.data;
  /* each output byte's source, decoded and re-normalized, contains it */
  const char *jim = strstr(out.data, "جيش");
  size_t at = (size_t)(jim - out.data);
  assert_memory_equal(in + o[at], "جَ", strlen("جَ"));
  const char *b = strstr(out.data, "بوتين");
  at = (size_t)(b - out.data);
  assert_memory_equal(in + o[at], "بـوتين", 2);
  assert_memory_equal(in + o[at + 2], "وتين", 2); /* kashida skipped */
  const char *lam = strstr(out.data, "لا");
  at = (size_t)(lam - out.data);
  /* both letters of the expanded ligature point at the ligature */
  assert_int_equal(o[at], o[at + 2]);
  assert_memory_equal(in + o[at], "ﻻ", strlen("ﻻ"));
  at = out.len - 1; /* the digit */
  assert_memory_equal(in + o[at], "٣", strlen("٣"));
  /* offsets never decrease */
  for (size_t i = 1; i < out.len; i++) assert_true(o[i] >= o[i - 1]);
  buf_free(&out);
  buf_free(&offs);
}

static void test_normalize_str(void **state) {
  (void)state;
  wa_arena ar;
  arena_init(&ar, NULL);
  size_t n = 0;
  const char *s = "إيران تُعلن";
  char *r = txt_normalize_str(&ar, s, strlen(s), &n);
  assert_non_null(r);
  assert_string_equal(r, "ايران تعلن");
  assert_int_equal(n, strlen("ايران تعلن"));
  arena_free(&ar);
}

static void test_enomem(void **state) {
  (void)state;
  const char *in = "أعلنت وزارة الدفاع الأذربيجانية السيطرة على مدينة شوشا";
  for (long fail_at = 1; fail_at <= 3; fail_at++) {
    test_failing_alloc fa = {0, fail_at};
    wasit_allocator a = {test_failing_realloc, &fa};
    wa_buf out, offs;
    buf_init(&out, &a);
    buf_init(&offs, &a);
    int rc = txt_normalize_with(txt_default_normmap(), in, strlen(in), &out,
                                &offs);
    if (fail_at <= 2) assert_int_equal(rc, WASIT_ENOMEM);
    buf_free(&out);
    buf_free(&offs);
  }
  test_failing_alloc fa = {0, 1};
  wasit_allocator a = {test_failing_realloc, &fa};
  wa_arena ar;
  arena_init(&ar, &a);
  assert_null(txt_normalize_str(&ar, in, strlen(in), NULL));
  arena_free(&ar);
}

/* The generated map is sorted, has no duplicates, and holds the rules of
** dict/ar/text/normalize.txt. */
static void test_default_map(void **state) {
  (void)state;
  const txt_normmap *m = txt_default_normmap();
  assert_non_null(m);
  assert_true(m->n_rules > 50);
  for (size_t i = 1; i < m->n_rules; i++)
    assert_true(m->rules[i - 1].from < m->rules[i].from);
  typedef struct { uint32_t from; const char *to; } want;
  const want w[] = {{0x0623, "ا"}, {0x0649, "ي"}, {0x0629, "ه"},
                    {0x0640, ""},  {0x064E, ""},  {0x0663, "3"},
                    {0x06F5, "5"}, {0x066B, "."}};
  for (size_t k = 0; k < sizeof w / sizeof w[0]; k++) {
    const txt_normrule *hit = NULL;
    for (size_t i = 0; i < m->n_rules; i++)
      if (m->rules[i].from == w[k].from) hit = &m->rules[i];
    assert_non_null(hit);
    assert_string_equal(hit->to, w[k].to);
  }
  /* the generated direct index of the Arabic block agrees with the rules */
  assert_non_null(m->arabic_index);
  for (uint32_t cp = 0x0600; cp <= 0x06FF; cp++) {
    size_t want = 0;
    for (size_t i = 0; i < m->n_rules; i++)
      if (m->rules[i].from == cp) want = i + 1;
    assert_int_equal(m->arabic_index[cp - 0x0600], want);
  }
  /* punctuation is not mapped */
  for (size_t i = 0; i < m->n_rules; i++) {
    assert_true(m->rules[i].from != 0x060C); /* ، */
    assert_true(m->rules[i].from != 0x061F); /* ؟ */
    assert_true(m->rules[i].from != 0x061B); /* ؛ */
  }
}

/* Generic tables: found by name, keys normalized and sorted, and
** txt_table_find agrees with a linear scan. */
static void test_tables(void **state) {
  (void)state;
  assert_null(txt_table_get("no_such_table"));
  assert_null(txt_table_get(NULL));
  assert_null(txt_table_find(NULL, "x", 1));
  const char *names[] = {"months", "weekdays", "numbers", "relative",
                         "furniture"};
  int found = 0;
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
    const txt_table *t = txt_table_get(names[k]);
    if (t == NULL) continue;
    found++;
    for (size_t i = 0; i < t->n; i++) {
      const char *key = t->items[i].key;
      if (i > 0) assert_true(strcmp(t->items[i - 1].key, key) < 0);
      /* keys are already normalized: normalizing again changes nothing */
      wa_buf b;
      buf_init(&b, NULL);
      assert_int_equal(txt_normalize_with(txt_default_normmap(), key,
                                          strlen(key), &b, NULL), WASIT_OK);
      assert_string_equal(b.data, key);
      buf_free(&b);
      assert_ptr_equal(txt_table_find(t, key, strlen(key)), &t->items[i]);
      /* a prefix of a key is not that key */
      if (strlen(key) > 2) {
        const txt_kv *p = txt_table_find(t, key, strlen(key) - 1);
        assert_true(p == NULL || p != &t->items[i]);
      }
    }
  }
  assert_true(found >= 1);
  const txt_table *months = txt_table_get("months");
  if (months != NULL) {
    /* "October" with hamza written and without: one key */
    const char *n = "اكتوبر";
    const txt_kv *kv = txt_table_find(months, n, strlen(n));
    assert_non_null(kv);
    assert_int_equal(kv->value, 10);
  }
}

/* The generated first-word and phrase-prefix filters: no false
** negatives (every key, its first word and every proper word prefix
** pass), and they do reject ordinary news words. */
static void test_table_filters(void **state) {
  (void)state;
  const char *names[] = {"months", "weekdays", "numbers", "relative",
                         "furniture"};
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
    const txt_table *t = txt_table_get(names[k]);
    assert_non_null(t);
    assert_non_null(t->first);
    assert_non_null(t->prefix);
    for (size_t i = 0; i < t->n; i++) {
      const char *key = t->items[i].key;
      size_t len = strlen(key);
      assert_true(txt_table_may_start(t, key, len));
      const char *sp = strchr(key, ' ');
      size_t w = sp ? (size_t)(sp - key) : len;
      assert_true(txt_table_may_start(t, key, w));
      assert_true(txt_table_sig_in(t, txt_word_sig(key, w)));
      for (; sp != NULL; sp = strchr(sp + 1, ' '))
        assert_true(txt_table_may_extend(t, key, (size_t)(sp - key)));
    }
  }
  assert_false(txt_table_may_start(NULL, "x", 1));
  assert_false(txt_table_may_extend(NULL, "x", 1));
  /* words of "the Egyptian foreign minister met his Turkish counterpart in
  ** Cairo on Tuesday to discuss the war in Gaza": none is a month */
  const char *words[] = {"وزير", "الخارجيه", "المصري", "سامح", "شكري",
                         "التقي", "نظيره", "التركي", "مولود", "جاويش",
                         "اوغلو", "القاهره", "لبحث", "الحرب", "غزه",
                         "والعلاقات", "الثنائيه", "البلدين", "مؤتمر",
                         "صحفي"};
  const txt_table *months = txt_table_get("months");
  size_t rejected = 0;
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    size_t n = strlen(words[i]);
    assert_null(txt_table_find(months, words[i], n));
    if (!txt_table_may_start(months, words[i], n)) rejected++;
  }
  assert_true(rejected >= 17);
  /* "تشرين الأول": the one-word prefix may extend, a month alone not */
  const char *tishrin = "تشرين";
  assert_true(txt_table_may_start(months, tishrin, strlen(tishrin)));
  assert_true(txt_table_may_extend(months, tishrin, strlen(tishrin)));
  assert_false(txt_table_may_extend(months, "سبتمبر", strlen("سبتمبر")));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_norm_rows),
      cmocka_unit_test(test_nfkc_without_map),
      cmocka_unit_test(test_offsets),
      cmocka_unit_test(test_normalize_str),
      cmocka_unit_test(test_enomem),
      cmocka_unit_test(test_default_map),
      cmocka_unit_test(test_tables),
      cmocka_unit_test(test_table_filters),
  };
  return cmocka_run_group_tests_name("normalize", tests, NULL, NULL);
}
