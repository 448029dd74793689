/*
** test_sentence.c: the sentence splitter (src/text/sentence.c,
** txt_sentences_split), including abbreviations, quotes, brackets and
** datelines.
**
** Rows are {id, input, expected sentences}.  Inputs are news-style
** sentences written for these tests (Karabakh 2020-2022, Sudan 2023,
** Egyptian and Gulf politics); nothing is copied.  Lines of the input are
** passed as the kept ranges, as txt_analyze does after the furniture scan.
*/
#include "testutil.h"
#include "text/text.h"

#define MAX_SENTS 6

typedef struct sent_row {
  const char *id;
  const char *text;
  const char *want[MAX_SENTS];   /* NULL-terminated */
} sent_row;

static const sent_row rows[] = {
    {"abbr-doctor",
     "قال د. أحمد الطيب إن الحوار ضروري. وأضاف أن الأزهر يدعم السلام.",
     {"قال د. أحمد الطيب إن الحوار ضروري.", "وأضاف أن الأزهر يدعم السلام."}},
    {"abbr-ustadh",
     "وأوضح أ. محمود السيد أن المفاوضات مستمرة.",
     {"وأوضح أ. محمود السيد أن المفاوضات مستمرة."}},
    {"abbr-bc", "بنيت المدينة في القرن الخامس ق.م. على ضفاف النهر",
     {"بنيت المدينة في القرن الخامس ق.م. على ضفاف النهر"}},
    {"abbr-hijri-tatweel", "توفي الشيخ سنة 1420 هـ. عن عمر ناهز التسعين",
     {"توفي الشيخ سنة 1420 هـ. عن عمر ناهز التسعين"}},
    {"question-exclamation",
     "هل تنجح الوساطة الروسية؟ يبدو ذلك صعبا! لكن المحادثات مستمرة.",
     {"هل تنجح الوساطة الروسية؟", "يبدو ذلك صعبا!",
      "لكن المحادثات مستمرة."}},
    {"latin-question", "هل انتهت الحرب? لا أحد يعرف.",
     {"هل انتهت الحرب?", "لا أحد يعرف."}},
    {"mark-run", "أين المجتمع الدولي؟! تساءل اللاجئون.",
     {"أين المجتمع الدولي؟!", "تساءل اللاجئون."}},
    {"guillemets",
     "وقال بوتين «لن نسمح بتوسع الناتو.» وأضاف أن العقوبات فشلت.",
     {"وقال بوتين «لن نسمح بتوسع الناتو.»", "وأضاف أن العقوبات فشلت."}},
    {"straight-quotes",
     "وقالت الوزارة: \"انتهى القتال.\" ثم عقدت مؤتمرا صحفيا.",
     {"وقالت الوزارة: \"انتهى القتال.\"", "ثم عقدت مؤتمرا صحفيا."}},
    {"brackets",
     "سيطر الجيش السوداني على الجسر (بحسب مصادر محلية). وتستمر المعارك.",
     {"سيطر الجيش السوداني على الجسر (بحسب مصادر محلية).",
      "وتستمر المعارك."}},
    {"bracket-after-mark",
     "أعلنت الهدنة (لمدة 72 ساعة.) ثم خرقت.",
     {"أعلنت الهدنة (لمدة 72 ساعة.)", "ثم خرقت."}},
    {"comma-semicolon",
     "اجتمع الوزراء، وناقشوا الأزمة؛ ثم أصدروا بيانا ختاميا.",
     {"اجتمع الوزراء، وناقشوا الأزمة؛ ثم أصدروا بيانا ختاميا."}},
    {"decimal", "ارتفع التضخم إلى 2.5 بالمئة في مصر. وتراجع الجنيه.",
     {"ارتفع التضخم إلى 2.5 بالمئة في مصر.", "وتراجع الجنيه."}},
    {"arabic-indic-decimal", "بلغ النمو ٣.٥ في المئة. وتحسنت الصادرات.",
     {"بلغ النمو ٣.٥ في المئة.", "وتحسنت الصادرات."}},
    {"latin-initials",
     "التقى وفد من U.S. بالمسؤولين في بغداد. وناقش الطرفان الأمن.",
     {"التقى وفد من U.S. بالمسؤولين في بغداد.", "وناقش الطرفان الأمن."}},
    {"url", "نشر البيان على موقع www.mofa.gov.sa مساء الأحد.",
     {"نشر البيان على موقع www.mofa.gov.sa مساء الأحد."}},
    {"no-space-after-dot",
     "انتهت الجلسة.وقال الرئيس إن المفاوضات ستستمر.",
     {"انتهت الجلسة.", "وقال الرئيس إن المفاوضات ستستمر."}},
    {"ellipsis", "وقال إن الأمر انتهى... ثم صمت طويلا.",
     {"وقال إن الأمر انتهى...", "ثم صمت طويلا."}},
    {"line-breaks",
     "أذربيجان تعلن السيطرة على شوشا\nقال الرئيس علييف إن الجيش دخل المدينة",
     {"أذربيجان تعلن السيطرة على شوشا",
      "قال الرئيس علييف إن الجيش دخل المدينة"}},
    /* datelines are cut off the first sentence */
    {"dateline-afp",
     "باكو 19 - 9 ( أ ف ب ) - اتهمت أذربيجان أرمينيا بخرق وقف إطلاق النار.",
     {"اتهمت أذربيجان أرمينيا بخرق وقف إطلاق النار."}},
    {"dateline-reuters",
     "موسكو - (رويترز) - قالت وزارة الخارجية الروسية إن موسكو مستعدة "
     "للوساطة.",
     {"قالت وزارة الخارجية الروسية إن موسكو مستعدة للوساطة."}},
    {"dateline-colon",
     "القاهرة - مصراوي: أعلن مجلس الوزراء المصري خطة جديدة للدعم.",
     {"أعلن مجلس الوزراء المصري خطة جديدة للدعم."}},
    {"dateline-dotted-agency",
     "بيروت (أ.ف.ب) - عقد البرلمان اللبناني جلسة لانتخاب رئيس.",
     {"عقد البرلمان اللبناني جلسة لانتخاب رئيس."}},
    {"dateline-tatweel-quote",
     "واشنطن ـ «القدس العربي»: فرضت الخزانة الأمريكية عقوبات جديدة.",
     {"فرضت الخزانة الأمريكية عقوبات جديدة."}},
    {"dateline-with-date",
     "الخرطوم 15 أبريل/نيسان (رويترز) - اندلعت اشتباكات عنيفة في العاصمة.",
     {"اندلعت اشتباكات عنيفة في العاصمة."}},
    {"dateline-mena",
     "القاهرة (أ ش أ) - استقبل الرئيس المصري وزير الخارجية الأمريكي.",
     {"استقبل الرئيس المصري وزير الخارجية الأمريكي."}},
    {"dateline-only", "موسكو - (رويترز) -", {NULL}},
    {"not-dateline-speaker",
     "وقال المتحدث (باسم الوزارة): إن الهجوم فشل.",
     {"وقال المتحدث (باسم الوزارة): إن الهجوم فشل."}},
    {"not-dateline-dashes",
     "قال لافروف - وزير الخارجية - إن الحل سياسي.",
     {"قال لافروف - وزير الخارجية - إن الحل سياسي."}},
    /* malformed and empty */
    {"empty", "", {NULL}},
    {"spaces", "   \t  ", {NULL}},
    {"punct-only", "... !! ؟", {NULL}},
    {"trailing-spaces", "  وصل الوفد إلى الخرطوم .  ",
     {"وصل الوفد إلى الخرطوم ."}},
};

/* Split text into lines (the kept ranges) and then into sentences. */
static void run_row(const sent_row *r) {
  wa_arena ar;
  arena_init(&ar, NULL);
  size_t len = strlen(r->text), n_kept = 0;
  txt_range kept[16];
  for (size_t s = 0; s <= len && n_kept < 16;) {
    const char *nl = memchr(r->text + s, '\n', len - s);
    size_t e = nl ? (size_t)(nl - r->text) : len;
    kept[n_kept].start = (uint32_t)s;
    kept[n_kept].len = (uint32_t)(e - s);
    n_kept++;
    s = e + 1;
  }
  txt_range *sents = NULL;
  size_t n = 0;
  assert_int_equal(
      txt_sentences_split(&ar, r->text, kept, n_kept, &sents, &n), WASIT_OK);
  size_t want = 0;
  while (want < MAX_SENTS && r->want[want] != NULL) want++;
  if (n != want) {
    print_error("row %s: %zu sentences, want %zu\n", r->id, n, want);
    for (size_t i = 0; i < n; i++)
      print_error("  [%.*s]\n", (int)sents[i].len, r->text + sents[i].start);
  }
  assert_int_equal(n, want);
  for (size_t i = 0; i < n; i++) {
    const char *w = r->want[i];
    if (sents[i].len != strlen(w) ||
        memcmp(r->text + sents[i].start, w, sents[i].len) != 0)
      print_error("row %s sentence %zu: [%.*s] want [%s]\n", r->id, i,
                  (int)sents[i].len, r->text + sents[i].start, w);
    assert_int_equal(sents[i].len, strlen(w));
    assert_memory_equal(r->text + sents[i].start, w, sents[i].len);
  }
  arena_free(&ar);
}

static void test_rows(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) run_row(&rows[i]);
}

/* Through txt_analyze: furniture + split + tokens agree. */
static void test_analyze(void **state) {
  (void)state;
  const char *text =
      "يريفان - (أ ف ب) - اتهمت أرمينيا أذربيجان بقصف مواقعها. وردت باكو "
      "بأن يريفان بدأت الهجوم؟\n"
      "شارك\n"
      "وقال د. نيكول باشينيان إن بلاده ستلجأ إلى منظمة معاهدة الأمن الجماعي.";
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  assert_int_equal(txt_analyze(&d, &ar, text, strlen(text), "2022-09-13",
                               NULL),
                   WASIT_OK);
  assert_int_equal(d.n_sentences, 3);
  assert_int_equal(d.dropped_lines, 1);
  const char *first = "اتهمت أرمينيا أذربيجان بقصف مواقعها.";
  assert_int_equal(d.sentences[0].orig_len, strlen(first));
  assert_memory_equal(d.text + d.sentences[0].orig_start, first,
                      strlen(first));
  arena_free(&ar);
}

/* The end-mark scan (sentence.c sen_next_stop) reads 16 or 8 bytes a
** step: the first sentence is lengthened a byte at a time (a leading
** "x" run, then Arabic), so each end mark ("." "!" "?" "؟" "…" "۔"),
** a line break, and an ignored byte 0x9F inside a letter (ٟ is D9 9F)
** fall at every offset of a block.  Two sentences each time. */
static void test_end_mark_every_offset(void **state) {
  (void)state;
  static const char *const marks[] = {".", "!", "?", "\xd8\x9f",
                                      "\xe2\x80\xa6", "\xdb\x94", "\n"};
  for (size_t mi = 0; mi < sizeof marks / sizeof *marks; mi++)
    for (size_t pad = 1; pad < 40; pad++) {
      char text[256], first[128];
      size_t n = 0;
      for (size_t k = 0; k < pad; k++) first[n++] = 'x';
      /* a letter whose second byte is 0x9F (U+065F), which is no ؟ */
      n += (size_t)sprintf(first + n, " قصف\xd9\x9f الجيش%s", marks[mi]);
      first[n] = '\0';
      snprintf(text, sizeof text, "%s وردت باكو بالمثل.", first);
      bool nl = marks[mi][0] == '\n';
      sent_row r = {"end-mark-offset", text, {NULL}};
      char want0[128];
      /* a line break is not part of the sentence it ends */
      snprintf(want0, sizeof want0, "%.*s", (int)(n - (nl ? 1 : 0)), first);
      r.want[0] = want0;
      r.want[1] = "وردت باكو بالمثل.";
      run_row(&r);
    }
}

/* Allocation failure gives WASIT_ENOMEM. */
static void test_enomem(void **state) {
  (void)state;
  const char *text = "قال د. أحمد إن الحوار ضروري. وأضاف أن الأزهر يدعم "
                     "السلام. هل تنجح الوساطة؟ نعم!";
  txt_range kept = {0, (uint32_t)strlen(text)};
  bool saw_fail = false;
  for (long n = 1; n < 10; n++) {
    test_failing_alloc fa = {0, n};
    wasit_allocator al = {test_failing_realloc, &fa};
    wa_arena ar;
    arena_init(&ar, &al);
    txt_range *s;
    size_t ns;
    int rc = txt_sentences_split(&ar, text, &kept, 1, &s, &ns);
    assert_true(rc == WASIT_OK || rc == WASIT_ENOMEM);
    if (rc == WASIT_ENOMEM) saw_fail = true;
    else assert_int_equal(ns, 4);
    arena_free(&ar);
  }
  assert_true(saw_fail);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rows),
      cmocka_unit_test(test_analyze),
      cmocka_unit_test(test_end_mark_every_offset),
      cmocka_unit_test(test_enomem),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
