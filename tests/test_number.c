/*
** test_number.c: numbers in digits and words (src/text/number.c,
** txt_numbers_find) and the table dict/ar/text/numbers.txt, run through
** txt_analyze so that tokens, clitic splits and the date stage are real.
**
** Rows are {id, sentence, expected numbers (value, approx, span text)}.
** Sentences are news-style, written for these tests (Karabakh 2022, the
** 2023 Turkey-Syria earthquake, Gaza, Sudan); nothing is copied.
*/
#include "testutil.h"
#include "text/text.h"
#include "textutil.h"

#define MAX_NUMS 6

typedef struct num_want {
  double value;
  int approx;
  const char *span;   /* original text of the number's tokens */
} num_want;

typedef struct num_row {
  const char *id;
  const char *text;
  size_t n;
  num_want want[MAX_NUMS];
} num_row;

static const num_row rows[] = {
    {"digits-killed", "خلفت الاشتباكات 286 قتيلاً من الجانبين.", 1,
     {{286, 0, "286"}}},
    {"issue-sentence-date-excluded",
     "تعرضت عدة مواقع أرمينية لقصف أذري منذ الثلاثاء الماضي 13 سبتمبر "
     "2022، أسفر عن سقوط 135 قتيلا",
     1, {{135, 0, "135"}}},
    {"arabic-indic", "قتل ١٣٥ شخصا في القصف.", 1, {{135, 0, "١٣٥"}}},
    {"thousands-sep", "نزح 1,200 مدني من القرى الحدودية.", 1,
     {{1200, 0, "1,200"}}},
    {"arabic-thousands-sep", "وصل عدد الجرحى إلى ١٬٥٠٠ جريح.", 1,
     {{1500, 0, "١٬٥٠٠"}}},
    {"more-than", "قتل أكثر من 200 شخص في الغارات.", 1,
     {{200, 1, "أكثر من 200"}}},
    {"at-least", "أصيب ما لا يقل عن 50 متظاهرا.", 1,
     {{50, 1, "ما لا يقل عن 50"}}},
    {"about-words", "فر نحو ثلاثة آلاف شخص من المدينة.", 1,
     {{3000, 1, "نحو ثلاثة آلاف"}}},
    {"hawali", "اعتقلت الشرطة حوالي 40 شخصا.", 1, {{40, 1, "حوالي 40"}}},
    {"qurabat", "دمر القصف قرابة مئة منزل.", 1, {{100, 1, "قرابة مئة"}}},
    {"three-thousand", "أرسلت تركيا ثلاثة آلاف جندي.", 1,
     {{3000, 0, "ثلاثة آلاف"}}},
    {"decimal-million", "نزح 2.5 مليون شخص بسبب الحرب في السودان.", 1,
     {{2500000, 0, "2.5 مليون"}}},
    {"tens-of-thousands", "خرج عشرات الآلاف في تظاهرات ضد الحكومة.", 1,
     {{20000, 1, "عشرات الآلاف"}}},
    {"hundreds-of-thousands", "تشرد مئات الآلاف بعد الزلزال.", 1,
     {{200000, 1, "مئات الآلاف"}}},
    {"dozens", "أصيب عشرات المدنيين في القصف.", 1, {{20, 1, "عشرات"}}},
    {"hundreds-clitic", "شارك المئات بالمسيرة وتجمع آلاف آخرون.", 2,
     {{200, 1, "المئات"}, {2000, 1, "آلاف"}}},
    {"millions", "يواجه ملايين السودانيين خطر المجاعة.", 1,
     {{2000000, 1, "ملايين"}}},
    {"compound-and", "قتل خمسة وعشرون جنديا في الهجوم.", 1,
     {{25, 0, "خمسة وعشرون"}}},
    {"compound-times", "بلغ عدد الضحايا خمسة وعشرين ألفا.", 1,
     {{25000, 0, "خمسة وعشرين ألفا"}}},
    {"thousands-and-hundreds", "وصل ثلاثة آلاف وخمسمئة لاجئ.", 1,
     {{3500, 0, "ثلاثة آلاف وخمسمئة"}}},
    /* the dual جنديان ("two soldiers") is itself a count of two */
    {"waw-clitic", "قتل جنديان وأصيب وثلاثة مدنيين.", 2,
     {{2, 0, "جنديان"}, {3, 0, "وثلاثة"}}},
    {"dual-person", "أسفر الانفجار عن مقتل شخصين.", 1, {{2, 0, "شخصين"}}},
    {"list-not-sum", "أصيب ثلاثة وأربعة آخرون في حادثين.", 2,
     {{3, 0, "ثلاثة"}, {4, 0, "وأربعة"}}},
    {"teen", "اعتقل ثلاثة عشر ناشطا.", 1, {{13, 0, "ثلاثة عشر"}}},
    {"tens-word", "أفرج عن عشرين معتقلا.", 1, {{20, 0, "عشرين"}}},
    {"two-hundred", "أفرج عن مئتين من الأسرى.", 1, {{200, 0, "مئتين"}}},
    {"three-hundred-two-words", "دمرت ثلاث مئة دبابة.", 1,
     {{300, 0, "ثلاث مئة"}}},
    {"billion", "تعهد المانحون بتقديم 7 مليار دولار.", 1,
     {{7e9, 0, "7 مليار"}}},
    {"approx-after", "قتل 300 تقريبا في الزلزال.", 1,
     {{300, 1, "300 تقريبا"}}},
    /* not numbers */
    {"percent", "ارتفع التضخم 5 بالمئة و3 في المئة.", 2,
     {{5, 0, "5"}, {3, 0, "3"}}},
    {"monday-not-two", "اتفقت أرمينيا وأذربيجان يوم الاثنين على الهدنة.", 0,
     {{0, 0, NULL}}},
    {"year-not-number", "انهار الاتحاد السوفيتي عام 1991.", 0,
     {{0, 0, NULL}}},
    {"ordinal-teen", "تعود الأزمة إلى القرن التاسع عشر وقتل 12 شخصا.", 1,
     {{12, 0, "12"}}},
    {"ordinal-911", "ذكرى هجمات الحادي عشر من سبتمبر.", 0, {{0, 0, NULL}}},
    {"towards-not-approx", "توجه الوفد نحو الحدود.", 0, {{0, 0, NULL}}},
    {"date-digits", "في 2022-09-13 قتل 49 جنديا أرمينيا.", 1,
     {{49, 0, "49"}}},
};

static void run_row(const num_row *r) {
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  assert_int_equal(
      txt_analyze(&d, &ar, r->text, strlen(r->text), "2022-09-15", NULL),
      WASIT_OK);
  if (d.n_numbers != r->n) {
    print_error("row %s: %zu numbers, want %zu\n", r->id, d.n_numbers, r->n);
    for (size_t i = 0; i < d.n_numbers; i++)
      print_error("  %g approx=%d\n", d.numbers[i].value, d.numbers[i].approx);
  }
  assert_int_equal(d.n_numbers, r->n);
  for (size_t i = 0; i < r->n; i++) {
    const txt_number *nb = &d.numbers[i];
    const num_want *w = &r->want[i];
    if (nb->value != w->value || nb->approx != w->approx)
      print_error("row %s #%zu: %g approx=%d, want %g approx=%d\n", r->id, i,
                  nb->value, nb->approx, w->value, w->approx);
    assert_true(nb->value == w->value);
    assert_int_equal(nb->approx, w->approx);
    assert_int_equal(nb->sentence, 0);
    /* span: from the first token to the last, in the original text */
    assert_true(nb->tok_count >= 1);
    const txt_token *a = &d.tokens[nb->tok_start];
    const txt_token *b = &d.tokens[nb->tok_start + nb->tok_count - 1];
    size_t len = b->orig_start + b->orig_len - a->orig_start;
    if (len != strlen(w->span) ||
        memcmp(d.text + a->orig_start, w->span, len) != 0)
      print_error("row %s #%zu: span [%.*s] want [%s]\n", r->id, i, (int)len,
                  d.text + a->orig_start, w->span);
    assert_int_equal(len, strlen(w->span));
    assert_memory_equal(d.text + a->orig_start, w->span, len);
  }
  arena_free(&ar);
}

static void test_rows(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) run_row(&rows[i]);
}

/* Numbers keep their sentence index across a document. */
static void test_sentence_index(void **state) {
  (void)state;
  const char *text = "ضرب زلزال جنوب تركيا. وقتل أكثر من 20 ألفا. وأصيب "
                     "عشرات الآلاف.";
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  assert_int_equal(txt_analyze(&d, &ar, text, strlen(text), NULL, NULL),
                   WASIT_OK);
  assert_int_equal(d.n_sentences, 3);
  assert_int_equal(d.n_numbers, 2);
  assert_true(d.numbers[0].value == 20000);
  assert_int_equal(d.numbers[0].approx, 1);
  assert_int_equal(d.numbers[0].sentence, 1);
  assert_true(d.numbers[1].value == 20000);
  assert_int_equal(d.numbers[1].sentence, 2);
  arena_free(&ar);
}

static void check_numbers_kept(const txt_doc *d) {
  assert_int_equal(d->n_numbers, 3);
}

/* Allocation failures anywhere in the pipeline give WASIT_ENOMEM. */
static void test_enomem(void **state) {
  (void)state;
  const char *text = "قتل أكثر من 200 شخص. وفر عشرات الآلاف. ونزح 2.5 مليون.";
  text_enomem_walk(text, NULL, 60, check_numbers_kept);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rows),
      cmocka_unit_test(test_sentence_index),
      cmocka_unit_test(test_enomem),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
