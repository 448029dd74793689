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
#include "textutil.h"

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
    /* a line that is only a dateline is one sentence (txt_sentence.dateline):
    ** its place is the story's */
    {"dateline-only", "موسكو - (رويترز) -", {"موسكو - (رويترز) -"}},
    {"dateline-own-line-local",
     "الفاشر - خاص - 14 مارس 2021 -\nاندلعت اشتباكات في سوق المدينة.",
     {"الفاشر - خاص - 14 مارس 2021 -", "اندلعت اشتباكات في سوق المدينة."}},
    {"dateline-own-line-site",
     "غاو - «صدى الصحراء» - 3 مايو 2019 -\nهاجم مسلحون قافلة للجيش.",
     {"غاو - «صدى الصحراء» - 3 مايو 2019 -", "هاجم مسلحون قافلة للجيش."}},
    {"dateline-own-line-outlet-last",
     "عمان - 2 نيسان (أبريل) 1989 - «نشرة الجنوب»\nتظاهر مئات الطلاب.",
     {"عمان - 2 نيسان (أبريل) 1989 - «نشرة الجنوب»", "تظاهر مئات الطلاب."}},
    {"dateline-own-line-bureau", "بيروت - «الحياة»\nاستقال الوزير.",
     {"بيروت - «الحياة»", "استقال الوزير."}},
    {"dateline-own-line-colon", "غزة - خاص:\nقصفت الطائرات مواقع.",
     {"غزة - خاص:", "قصفت الطائرات مواقع."}},
    /* a short story after a cut dateline, and a headline set off by a dash,
    ** are none: no dash ends them */
    {"not-dateline-line-short-story", "كابول (رويترز) - قتل خمسة.",
     {"قتل خمسة."}},
    {"not-dateline-line-headline", "بغداد - مقتل 14 في تفجير",
     {"بغداد - مقتل 14 في تفجير"}},
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
    /* a dateline in Latin letters, and digits glued to a word */
    {"latin-dateline", "WASHINGTON (AP) - وصل 3وزراء إلى g20. وقال.",
     {"وصل 3وزراء إلى g20.", "وقال."}},
    {"digit-word-lead-cut", "باكو 19 3وفود ب4 - (رويترز) - قصف.",
     {"قصف."}},
    {"digit-word-lead-kept", "باكو 19 3وفود ب4 غزة - (رويترز) - قصف.",
     {"باكو 19 3وفود ب4 غزة - (رويترز) - قصف."}},
    /* a dot after Arabic letters and before a Latin letter or a digit */
    {"dot-before-latin", "نشر الموقع.com الخبر. وبلغ العدد.5 مليون.",
     {"نشر الموقع.com الخبر.", "وبلغ العدد.5 مليون."}},
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
  txt_doc d;
  analyze_text(&d, &ar, text, "2022-09-13");
  assert_int_equal(d.n_sentences, 3);
  assert_int_equal(d.dropped_lines, 1);
  const char *first = "اتهمت أرمينيا أذربيجان بقصف مواقعها.";
  assert_int_equal(d.sentences[0].orig_len, strlen(first));
  assert_memory_equal(d.text + d.sentences[0].orig_start, first,
                      strlen(first));
  arena_free(&ar);
}

/* What stands before each sentence on its line (txt_sentence.line_lead),
** as txt_analyze marks it for the coder: nothing, a dateline or live
** head that was cut off (with a date, an agency in brackets with dots, a
** time stamp) or a line above that is only a dateline, or another
** sentence, also one skipped for want of content. */
static void test_line_lead(void **state) {
  (void)state;
  const char *text =
      "القاهرة 12 مايو (أ.ف.ب) - دعت مصر إلى وقف إطلاق النار. ورحبت قطر "
      "بالدعوة.\n"
      "بيشاور (باكستان) - قتل عشرة أشخاص في تفجير.\n"
      "16:20 - عاجل | الجيش يعلن السيطرة على المدينة.\n"
      "  وقال الوزير إن المحادثات ستستأنف.\n"
      "... واتهمت المعارضة الحكومة بتزوير الانتخابات.\n"
      "كسلا - «راديو الشرق» - 9 يونيو 2023 -\n"
      "أغلق محتجون الطريق القومي.";
  static const struct {
    const char *starts;   /* the sentence's first words */
    uint8_t lead;
    bool live;
  } want[] = {
      {"دعت مصر", TXT_HEAD_CUT, false},
      {"ورحبت قطر", TXT_MID_LINE, false},
      {"قتل عشرة", TXT_HEAD_CUT, false},
      {"الجيش يعلن", TXT_HEAD_CUT, true},
      {"وقال الوزير", TXT_LINE_START, false},
      {"واتهمت المعارضة", TXT_MID_LINE, false},
      {"كسلا - «راديو", TXT_LINE_START, false},
      {"أغلق محتجون", TXT_HEAD_CUT, false},
  };
  wa_arena ar;
  txt_doc d;
  analyze_text(&d, &ar, text, "2024-05-12");
  assert_int_equal(d.n_sentences, sizeof want / sizeof *want);
  for (size_t i = 0; i < d.n_sentences; i++) {
    const txt_sentence *x = &d.sentences[i];
    size_t n = strlen(want[i].starts);
    assert_true(x->orig_len >= n);
    assert_memory_equal(d.text + x->orig_start, want[i].starts, n);
    if (x->line_lead != want[i].lead)
      print_error("sentence %zu [%s]: line_lead %d, want %d\n", i,
                  want[i].starts, x->line_lead, want[i].lead);
    assert_int_equal(x->line_lead, want[i].lead);
    assert_int_equal(x->live_entry, want[i].live);
    /* only the line that is a dateline is marked one */
    assert_int_equal(x->dateline, i == 6);
  }
  arena_free(&ar);
}

/* Each end mark ("." "!" "?" "؟" "…" "۔"), a line break, and a byte 0x9F
** inside a letter (ٟ is D9 9F, no ؟) at every offset of the line up to
** 40: the first sentence is lengthened a byte at a time (a leading "x"
** run, then Arabic).  Two sentences each time. */
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

/* ------------------------------------------------------------------
** txt_analyze finds the sentence ends in the tokenizer's pass
** (txt_tokenize_line).  Model: the splitter alone (txt_sentences_split)
** on the furniture's lines, then each sentence tokenized alone
** (txt_tokenize_sentence), its numbers and its dates, as txt_analyze did
** in four passes.  Both must give the same sentences, norm, tokens
** (forms too: each side has a fresh word memo), numbers and dates. */

static uint64_t fused_rng = 0x9E3779B97F4A7C15ULL;

static unsigned fused_next(unsigned n) {
  fused_rng ^= fused_rng << 13;   /* xorshift64 */
  fused_rng ^= fused_rng >> 7;
  fused_rng ^= fused_rng << 17;
  return (unsigned)(fused_rng >> 33) % n;
}

/* Pieces of random lines: words (with harakat, tatweel, a hamza seat, a
** glued number), numbers and decimals, single letters before a dot (د.
** هـ.), Latin, every end mark and runs of them, closers and openers,
** white space that only the splitter trims (NBSP, ZWSP, LRM, an em
** space, a tab), a line break, datelines and near-datelines. */
static const char *const fused_pieces[] = {
    "قال", "الوزير", "وأضاف", "إن", "الجيش", "قصفَ", "المدينـة", "مؤتمر",
    "135قتيلا", "في", "باكو", "2020", "3.5", "1,200", "١٤٤٣", "د", "أ",
    "هـ", "U.S", "www.x.com", "g7", ".", ".", ".", "!", "?", "؟", "…",
    "۔", "...", "؟!", "»", "«", ")", "(", "\"", "'", "،", ":", "-", "ـ",
    "/", "\xc2\xa0", "\xe2\x80\x8b", "\xe2\x80\x8e", "\xe2\x80\x83", "\t",
    "\n", "موسكو - (رويترز) -", "القاهرة - مصراوي:", "بيروت (أ.ف.ب) -",
    "باكو 19 - 9 ( أ ف ب ) -", "عدن - خاص - 31 يناير 2018 -", "ﷲ", "ﻻ", "٫", "$", "%", "#وسم"};

static void fused_text(char *out, size_t cap) {
  size_t n = 0, pieces = 1 + fused_next(80);
  for (size_t p = 0; p < pieces; p++) {
    const char *w = fused_pieces[fused_next(sizeof fused_pieces /
                                            sizeof *fused_pieces)];
    size_t len = strlen(w);
    if (n + len + 2 >= cap) break;
    memcpy(out + n, w, len);
    n += len;
    if (fused_next(4) != 0) out[n++] = ' ';   /* mostly a space between */
  }
  out[n] = '\0';
}

/* The model: txt_analyze as four passes. */
static void fused_model(txt_doc *d, wa_arena *ar, txt_memo *memo,
                        const char *text) {
  memset(d, 0, sizeof *d);
  d->memo = memo;
  d->memo_doc = txt_memo_doc(memo);   /* as txt_analyze_memo: a new document */
  txt_memo_tables(memo, d);
  d->doc_year = 2022;
  d->doc_month = 9;
  d->doc_day = 13;
  d->text = text;   /* valid UTF-8 without NUL: the repair copies nothing */
  d->text_len = strlen(text);
  txt_range *kept, *sents;
  size_t n_kept, n_sents;
  assert_int_equal(txt_furniture_scan(ar, text, d->text_len, &kept, &n_kept,
                                      &d->dropped_lines),
                   WASIT_OK);
  assert_int_equal(
      txt_sentences_split(ar, text, kept, n_kept, &sents, &n_sents),
      WASIT_OK);
  d->sentences = arena_calloc(ar, n_sents + 1, sizeof *d->sentences);
  size_t tok_cap = 0, num_cap = 0, date_cap = 0;
  /* a kept line's first sentence has the marks its txt_line_open gives;
  ** the others are in mid-line (calloc: TXT_MID_LINE, not live) */
  bool after_dateline = false;   /* a line that is only a dateline, above */
  for (size_t r = 0, i = 0; r < n_kept; r++) {
    txt_line ln;
    size_t first = txt_line_open(&ln, text, kept[r].start,
                                 (size_t)kept[r].start + kept[r].len);
    if (after_dateline && ln.lead == TXT_LINE_START) ln.lead = TXT_HEAD_CUT;
    after_dateline = ln.dateline && first < ln.b;
    while (i < n_sents && sents[i].start < first) i++;
    if (i < n_sents && sents[i].start == first) {
      d->sentences[i].line_lead = ln.lead;
      d->sentences[i].live_entry = ln.live;
      d->sentences[i].dateline = ln.dateline;
    }
  }
  for (size_t i = 0; i < n_sents; i++) {
    d->sentences[i].orig_start = sents[i].start;
    d->sentences[i].orig_len = sents[i].len;
    d->n_sentences = i + 1;
    assert_int_equal(txt_tokenize_sentence(d, ar, i, &tok_cap), WASIT_OK);
    assert_int_equal(txt_numbers_find(d, ar, i, &num_cap), WASIT_OK);
    assert_int_equal(txt_dates_find(d, ar, i, &date_cap), WASIT_OK);
  }
  if (d->norm == NULL) d->norm = "";
}

static void fused_compare(const txt_doc *a, const txt_doc *b,
                          const char *text) {
  if (a->n_sentences != b->n_sentences)
    print_error("text [%s]: %zu sentences, model %zu\n", text,
                a->n_sentences, b->n_sentences);
  assert_int_equal(a->n_sentences, b->n_sentences);
  for (size_t i = 0; i < a->n_sentences; i++) {
    const txt_sentence *x = &a->sentences[i], *y = &b->sentences[i];
    if (x->orig_start != y->orig_start || x->orig_len != y->orig_len)
      print_error("text [%s] sentence %zu: [%.*s], model [%.*s]\n", text, i,
                  (int)x->orig_len, a->text + x->orig_start,
                  (int)y->orig_len, b->text + y->orig_start);
    assert_memory_equal(x, y, sizeof *x);
  }
  assert_int_equal(a->norm_len, b->norm_len);
  assert_memory_equal(a->norm, b->norm, a->norm_len + 1);
  assert_int_equal(a->n_tokens, b->n_tokens);
  for (size_t i = 0; i < a->n_tokens; i++) {
    const txt_token *x = &a->tokens[i], *y = &b->tokens[i];
    assert_int_equal(x->norm_start, y->norm_start);
    assert_int_equal(x->norm_len, y->norm_len);
    assert_int_equal(x->orig_start, y->orig_start);
    assert_int_equal(x->orig_len, y->orig_len);
    assert_int_equal(x->kind, y->kind);
    assert_int_equal(x->n_splits, y->n_splits);
    assert_int_equal(x->gate, y->gate);
    assert_int_equal(x->form, y->form);
    for (int k = 0; k < x->n_splits; k++) {   /* field by field: padding */
      assert_int_equal(x->splits[k].pre, y->splits[k].pre);
      assert_int_equal(x->splits[k].suf, y->splits[k].suf);
      assert_int_equal(x->splits[k].clitics, y->splits[k].clitics);
      assert_int_equal(x->splits[k].sig, y->splits[k].sig);
    }
    assert_true(x->value == y->value);
  }
  assert_int_equal(a->n_numbers, b->n_numbers);
  for (size_t i = 0; i < a->n_numbers; i++) {   /* fields: padding */
    const txt_number *x = &a->numbers[i], *y = &b->numbers[i];
    assert_true(x->value == y->value);
    assert_int_equal(x->approx, y->approx);
    assert_int_equal(x->sentence, y->sentence);
    assert_int_equal(x->tok_start, y->tok_start);
    assert_int_equal(x->tok_count, y->tok_count);
  }
  assert_int_equal(a->n_dates, b->n_dates);
  for (size_t i = 0; i < a->n_dates; i++) {
    const txt_date *x = &a->dates[i], *y = &b->dates[i];
    assert_int_equal(x->year, y->year);
    assert_int_equal(x->month, y->month);
    assert_int_equal(x->day, y->day);
    assert_int_equal(x->precision, y->precision);
    assert_int_equal(x->relative, y->relative);
    assert_int_equal(x->hijri, y->hijri);
    assert_int_equal(x->bare_weekday, y->bare_weekday);
    assert_int_equal(x->sentence, y->sentence);
    assert_int_equal(x->tok_start, y->tok_start);
    assert_int_equal(x->tok_count, y->tok_count);
  }
  assert_int_equal(a->dropped_lines, b->dropped_lines);
}

static void test_fused_model(void **state) {
  (void)state;
  txt_memo *m_fused = txt_memo_new(NULL), *m_model = txt_memo_new(NULL);
  assert_non_null(m_fused);
  assert_non_null(m_model);
  size_t sentences = 0, skipped = 0, datelines = 0;
  for (int doc = 0; doc < 5000; doc++) {
    char text[1024];
    fused_text(text, sizeof text);
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc a, b;
    assert_int_equal(txt_analyze_memo(&a, &ar, m_fused, text, strlen(text),
                                      "2022-09-13", NULL),
                     WASIT_OK);
    fused_model(&b, &ar, m_model, text);
    fused_compare(&a, &b, text);
    sentences += a.n_sentences;
    /* how often the cases the fused pass must get right come up: a
    ** sentence after one without content, a line's dateline cut */
    for (size_t i = 0; i < a.n_sentences; i++) {
      const txt_sentence *x = &a.sentences[i];
      txt_line ln = {.t = text, .a = x->orig_start, .b = strlen(text)};
      size_t e = x->orig_start + x->orig_len;
      size_t next = e < ln.b ? txt_line_next(&ln, e) : e;
      bool mark = false;
      for (size_t j = e; j < next && text[j] != '\n'; j++)
        mark |= text[j] == '.' || text[j] == '!' || text[j] == '?';
      if (mark) skipped++;   /* an end mark between: a sentence skipped */
    }
    txt_range *kept;
    size_t n_kept, dropped;
    assert_int_equal(txt_furniture_scan(&ar, text, strlen(text), &kept,
                                        &n_kept, &dropped),
                     WASIT_OK);
    for (size_t r = 0; r < n_kept; r++) {
      txt_line ln;
      size_t i = txt_line_open(&ln, text, kept[r].start,
                               kept[r].start + kept[r].len);
      if (i != txt_line_next(&ln, ln.a)) datelines++;
    }
    arena_free(&ar);
  }
  txt_memo_free(m_fused, NULL);
  txt_memo_free(m_model, NULL);
  /* enough sentences, skipped sentences without content and cut
  ** datelines for the comparison to mean something */
  print_message("fused: %zu sentences, %zu after a skipped one, %zu datelines\n", sentences, skipped, datelines);
  assert_true(sentences > 20000);
  assert_true(skipped > 2000);
  assert_true(datelines > 500);
}

/* The splitter's byte-level fast paths (sen_plain_lead, the common dot
** of sen_dot_is_inner, the common end of txt_line_end_at and the common
** start of txt_line_next) read only ' ' as white space; a tab is white space
** to every rule but takes the general path.  So a line and the same line
** with each ' ' made a tab must split at the same offsets.  Lines open
** with 1-5 words (or a tatweel dash or a number among them) and then, in
** most, a dateline's rest, so that leads of three words (cut) and four
** (kept) both come up. */
static const char *const lead_words[] = {
    "باكو", "مدينة", "الكويتِ", "الجديدة", "غزة", "د", "أ", "هـ",
    "ـ" /* a dash */, "١٩" /* a number */};
static const char *const lead_rest[] = {
    "- (رويترز) - قال الوزير.", "- مصراوي: وصل الوفد.",
    "(أ.ف.ب) - اتهم الجيش.", "19 - 9 ( أ ف ب ) - قصف.",
    "قال د. أحمد إن الحوار ضروري. وأضاف.", "وصل. ثم غادر.",
    ": قال المتحدث.", "- قال لافروف - إن الحل.", "ب. ثم. قال",
    "وصل. ؟ ثم غادر! » قال.. نعم"};

static void test_fast_paths_tabs(void **state) {
  (void)state;
  size_t cut = 0, uncut = 0;
  for (int row = 0; row < 20000; row++) {
    char sp[512], tab[512];
    size_t n = 0, lead = 1 + fused_next(5);
    for (size_t w = 0; w < lead; w++)
      n += (size_t)sprintf(sp + n, "%s ", lead_words[fused_next(
                                              sizeof lead_words /
                                              sizeof *lead_words)]);
    n += (size_t)sprintf(sp + n, "%s",
                         lead_rest[fused_next(sizeof lead_rest /
                                              sizeof *lead_rest)]);
    for (size_t j = 0; j <= n; j++) tab[j] = sp[j] == ' ' ? '\t' : sp[j];
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_range kept = {0, (uint32_t)n}, *a, *b;
    size_t na, nb;
    assert_int_equal(txt_sentences_split(&ar, sp, &kept, 1, &a, &na),
                     WASIT_OK);
    assert_int_equal(txt_sentences_split(&ar, tab, &kept, 1, &b, &nb),
                     WASIT_OK);
    if (na != nb || (na > 0 && memcmp(a, b, na * sizeof *a) != 0))
      print_error("[%s]: %zu sentences, with tabs %zu\n", sp, na, nb);
    assert_int_equal(na, nb);
    if (na > 0) assert_memory_equal(a, b, na * sizeof *a);
    txt_line ln;
    if (txt_line_open(&ln, sp, 0, n) != txt_line_next(&ln, 0)) cut++;
    else if (lead >= 4) uncut++;   /* the fast path's lines */
    arena_free(&ar);
  }
  assert_true(cut > 2000);
  assert_true(uncut > 5000);
}

/* sen_dateline_rest's fast path: a rest after a cut dateline that opens
** with more than SEN_DL_MAX_LEAD plain words (sen_plain_lead) is no
** dateline's rest.  Read with tabs for spaces, the same lines take the
** general path only (sen_plain_lead reads only ' '), and each line must
** be marked a dateline alone (txt_line.dateline) as expected both ways:
** a rest of one to three plain words and a dash is one, four words are
** none.  Fails when the fast path proves too much (fewer words, or a
** word that a bracket or a number breaks). */
static void test_dateline_rest_fast_path(void **state) {
  (void)state;
  static const struct {
    const char *line;
    bool dateline;
  } rows[] = {
      {"عدن - خاص -", true},
      {"عدن - خاص بالموقع -", true},
      {"عدن - مراسل الموقع الخاص -", true},
      {"عدن - مراسل الموقع الخاص هنا -", false},
      {"عدن - مراسل الموقع «الخاص» -", true},
      {"عدن - مراسل الموقع 12 -", true},
      {"عدن - مراسل الموقع الخاص", false},
      {"عدن - قتل خمسة أشخاص في تفجير -", false},
      {"عدن (خاص) - مراسل الموقع الخاص -", true},
      {"عدن (خاص) - قتل خمسة أشخاص في تفجير -", false},
  };
  for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
    char sp[256], tab[256];
    size_t n = strlen(rows[r].line);
    assert_true(n < sizeof sp);
    for (size_t j = 0; j <= n; j++) {
      sp[j] = rows[r].line[j];
      tab[j] = sp[j] == ' ' ? '\t' : sp[j];
    }
    txt_line a, b;
    txt_line_open(&a, sp, 0, n);
    txt_line_open(&b, tab, 0, n);
    if (a.dateline != rows[r].dateline || b.dateline != rows[r].dateline)
      print_error("[%s]: dateline %d, with tabs %d, expected %d\n", sp,
                  a.dateline, b.dateline, rows[r].dateline);
    assert_int_equal(a.dateline, rows[r].dateline);
    assert_int_equal(b.dateline, rows[r].dateline);
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
      cmocka_unit_test(test_line_lead),
      cmocka_unit_test(test_end_mark_every_offset),
      cmocka_unit_test(test_enomem),
      cmocka_unit_test(test_fused_model),
      cmocka_unit_test(test_fast_paths_tabs),
      cmocka_unit_test(test_dateline_rest_fast_path),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
