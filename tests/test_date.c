/*
** test_date.c: dates (src/text/date.c: txt_dates_find, txt_parse_iso_date,
** txt_hijri_to_gregorian) and the tables months.txt, weekdays.txt and
** relative.txt, run through txt_analyze.
**
** Rows are {id, document date, sentence, expected dates}.  Sentences are
** news-style, written for these tests (Karabakh 2020-2022, Ukraine, the
** Gulf, the Maghreb); nothing is copied.  Hijri expectations are the
** tabular Islamic civil calendar (see the top of date.c); where the date
** announced from moon sighting differs, the row says so.
** Spans are the original text from the first to the last token; token.c
** does not count a trailing tatweel as part of a token, so "هـ" spans
** end at "ه".
*/
#include "testutil.h"
#include "text/text.h"
#include "textutil.h"

#define MAX_DATES 4

typedef struct date_want {
  int y, m, d;
  int prec;
  int relative, hijri;
  const char *span;   /* original text of the date's tokens */
} date_want;

typedef struct date_row {
  const char *id;
  const char *doc_date;
  const char *text;
  size_t n;
  date_want want[MAX_DATES];
} date_row;

#define DAY TXT_DATE_DAY
#define MON TXT_DATE_MONTH
#define YEA TXT_DATE_YEAR

static const date_row rows[] = {
    /* the two sentences of the issue */
    {"issue-monday", "2022-09-21",
     "اتفقت أرمينيا وأذربيجان يوم الاثنين على عدم اللجوء إلى القوة", 1,
     {{2022, 9, 19, DAY, 1, 0, "يوم الاثنين"}}},
    {"issue-weekday-explicit-merge", "2022-09-15",
     "تعرضت عدة مواقع أرمينية لقصف أذري منذ الثلاثاء الماضي 13 سبتمبر 2022، "
     "أسفر عن سقوط 135 قتيلا",
     1, {{2022, 9, 13, DAY, 0, 0, "الثلاثاء الماضي 13 سبتمبر 2022"}}},
    /* an ordinal day after a weekday wins the same way (R42) */
    {"weekday-ordinal-day-merge", "2023-09-20",
     "قصفت المدفعية أطراف البلدة يوم الثلاثاء الخامس من سبتمبر.", 1,
     {{2023, 9, 5, DAY, 0, 0, "يوم الثلاثاء الخامس من سبتمبر"}}},
    /* explicit Gregorian dates */
    {"egyptian", "2022-09-15", "وقعت الاشتباكات في 13 سبتمبر 2022.", 1,
     {{2022, 9, 13, DAY, 0, 0, "في 13 سبتمبر 2022"}}},
    {"latin-ordinal", "2023-09-25",
     "بدأت العملية العسكرية في 19th, September 2023 في كاراباخ.", 1,
     {{2023, 9, 19, DAY, 0, 0, "في 19th, September 2023"}}},
    {"latin-month-first", "2023-09-25",
     "أعلنت باكو في بيان بتاريخ Sept 20, 2023 وقف العمليات.", 1,
     {{2023, 9, 20, DAY, 0, 0, "Sept 20, 2023"}}},
    {"slashes", "2022-09-15", "أعلنت الوزارة بتاريخ 13/9/2022 هدنة.", 1,
     {{2022, 9, 13, DAY, 0, 0, "13/9/2022"}}},
    {"iso", "2022-09-15", "صدر القرار 2022-09-13 عن مجلس الأمن.", 1,
     {{2022, 9, 13, DAY, 0, 0, "2022-09-13"}}},
    {"levantine", "2020-11-10",
     "اندلعت الحرب في 27 أيلول 2020 وانتهت في 10 تشرين الثاني 2020.", 2,
     {{2020, 9, 27, DAY, 0, 0, "في 27 أيلول 2020"},
      {2020, 11, 10, DAY, 0, 0, "في 10 تشرين الثاني 2020"}}},
    {"levantine-all", "2021-06-01",
     "في 3 كانون الثاني 2021 و4 شباط 2021 و5 آذار 2021 و6 نيسان 2021", 4,
     {{2021, 1, 3, DAY, 0, 0, "في 3 كانون الثاني 2021"},
      {2021, 2, 4, DAY, 0, 0, "4 شباط 2021"},
      {2021, 3, 5, DAY, 0, 0, "5 آذار 2021"},
      {2021, 4, 6, DAY, 0, 0, "6 نيسان 2021"}}},
    {"levantine-summer", "2021-12-30",
     "في 7 أيار 2021 و8 حزيران 2021 و9 تموز 2021 و10 آب 2021", 4,
     {{2021, 5, 7, DAY, 0, 0, "في 7 أيار 2021"},
      {2021, 6, 8, DAY, 0, 0, "8 حزيران 2021"},
      {2021, 7, 9, DAY, 0, 0, "9 تموز 2021"},
      {2021, 8, 10, DAY, 0, 0, "10 آب 2021"}}},
    {"levantine-autumn", "2021-12-30",
     "في 11 تشرين الأول 2021 و12 كانون الأول 2021", 2,
     {{2021, 10, 11, DAY, 0, 0, "في 11 تشرين الأول 2021"},
      {2021, 12, 12, DAY, 0, 0, "12 كانون الأول 2021"}}},
    /* (R72) Levantine and Iraqi papers drop the article of the second word */
    {"levantine-no-article", "2021-12-30",
     "في 3 كانون ثاني 2021 و4 تشرين أول 2021 و5 تشرين ثاني 2021 و6 كانون أول 2021", 4,
     {{2021, 1, 3, DAY, 0, 0, "في 3 كانون ثاني 2021"},
      {2021, 10, 4, DAY, 0, 0, "4 تشرين أول 2021"},
      {2021, 11, 5, DAY, 0, 0, "5 تشرين ثاني 2021"},
      {2021, 12, 6, DAY, 0, 0, "6 كانون أول 2021"}}},
    {"combined-brackets", "2020-10-20",
     "وقعت الهدنة الأولى في 10 تشرين الأول (أكتوبر) 2020 في موسكو.", 1,
     {{2020, 10, 10, DAY, 0, 0, "في 10 تشرين الأول (أكتوبر) 2020"}}},
    {"combined-slash", "2020-10-20",
     "انهارت الهدنة في 18 أكتوبر/تشرين الأول 2020.", 1,
     {{2020, 10, 18, DAY, 0, 0, "في 18 أكتوبر/تشرين الأول 2020"}}},
    {"egypt-variants", "2021-12-30",
     "في 3 مايو 2021 و4 يونيه 2021 و5 يوليه 2021 و6 اغسطس 2021", 4,
     {{2021, 5, 3, DAY, 0, 0, "في 3 مايو 2021"},
      {2021, 6, 4, DAY, 0, 0, "4 يونيه 2021"},
      {2021, 7, 5, DAY, 0, 0, "5 يوليه 2021"},
      {2021, 8, 6, DAY, 0, 0, "6 اغسطس 2021"}}},
    {"algeria-tunisia", "2021-12-30",
     "في 5 جانفي 2021 و6 فيفري 2021 و7 أفريل 2021 و8 جويلية 2021", 4,
     {{2021, 1, 5, DAY, 0, 0, "في 5 جانفي 2021"},
      {2021, 2, 6, DAY, 0, 0, "6 فيفري 2021"},
      {2021, 4, 7, DAY, 0, 0, "7 أفريل 2021"},
      {2021, 7, 8, DAY, 0, 0, "8 جويلية 2021"}}},
    {"algeria-2", "2021-12-30", "في 9 جوان 2021 و10 أوت 2021 و11 ماي 2021", 3,
     {{2021, 6, 9, DAY, 0, 0, "في 9 جوان 2021"},
      {2021, 8, 10, DAY, 0, 0, "10 أوت 2021"},
      {2021, 5, 11, DAY, 0, 0, "11 ماي 2021"}}},
    {"morocco", "2021-12-30",
     "في 1 يوليوز 2021 و2 غشت 2021 و3 شتنبر 2021 و4 دجنبر 2021", 4,
     {{2021, 7, 1, DAY, 0, 0, "في 1 يوليوز 2021"},
      {2021, 8, 2, DAY, 0, 0, "2 غشت 2021"},
      {2021, 9, 3, DAY, 0, 0, "3 شتنبر 2021"},
      {2021, 12, 4, DAY, 0, 0, "4 دجنبر 2021"}}},
    {"morocco-november", "2021-12-30", "صادق البرلمان في 15 نونبر 2021.", 1,
     {{2021, 11, 15, DAY, 0, 0, "في 15 نونبر 2021"}}},
    /* day and month without a year */
    {"no-year-same-year", "2022-09-15", "بدأ القصف في 13 سبتمبر.", 1,
     {{2022, 9, 13, DAY, 0, 0, "في 13 سبتمبر"}}},
    {"no-year-soon", "2022-09-15", "تعقد القمة في 20 سبتمبر.", 1,
     {{2022, 9, 20, DAY, 0, 0, "في 20 سبتمبر"}}},
    {"no-year-previous", "2022-01-03", "وقع الهجوم في 28 ديسمبر.", 1,
     {{2021, 12, 28, DAY, 0, 0, "في 28 ديسمبر"}}},
    {"no-year-no-doc", NULL, "وقع الهجوم في 28 ديسمبر.", 0, {{0}}},
    {"month-year", "2022-09-15", "اندلعت الحرب في سبتمبر 2020.", 1,
     {{2020, 9, 0, MON, 0, 0, "في سبتمبر 2020"}}},
    {"month-alone-context", "2022-09-15", "عقدت الجولة الأولى في أيار.", 1,
     {{2022, 5, 0, MON, 0, 0, "في أيار"}}},
    {"month-word-not-date", "2022-09-15", "مارس الجيش ضغوطا على المدنيين.", 0,
     {{0}}},
    /* weekdays */
    {"weekday-on-doc-day", "2022-09-19", "اجتمع الوزراء يوم الاثنين في بروكسل.",
     1, {{2022, 9, 19, DAY, 1, 0, "يوم الاثنين"}}},
    {"weekday-past-strict", "2022-09-19",
     "التقى الطرفان الاثنين الماضي في جنيف.", 1,
     {{2022, 9, 12, DAY, 1, 0, "الاثنين الماضي"}}},
    {"weekday-next", "2022-09-15", "تستأنف المحادثات الاثنين المقبل.", 1,
     {{2022, 9, 19, DAY, 1, 0, "الاثنين المقبل"}}},
    {"weekday-next-same-day", "2022-09-15", "يصل الوفد الخميس القادم.", 1,
     {{2022, 9, 22, DAY, 1, 0, "الخميس القادم"}}},
    {"weekday-evening", "2022-09-15", "قصفت المدفعية المواقع مساء الثلاثاء.",
     1, {{2022, 9, 13, DAY, 1, 0, "مساء الثلاثاء"}}},
    {"weekday-today", "2022-09-15", "أعلنت الوزارة اليوم الخميس الحداد.", 1,
     {{2022, 9, 15, DAY, 1, 0, "اليوم الخميس"}}},
    {"weekday-no-doc", NULL, "اجتمع الوزراء يوم الاثنين.", 0, {{0}}},
    /* relative words */
    {"yesterday", "2022-09-15", "قال المتحدث أمس إن القصف توقف.", 1,
     {{2022, 9, 14, DAY, 1, 0, "أمس"}}},
    {"yesterday-weekday", "2022-09-15", "وصل الوزير أمس الأربعاء إلى يريفان.",
     1, {{2022, 9, 14, DAY, 1, 0, "أمس الأربعاء"}}},
    {"day-before-yesterday", "2022-09-15", "وقع الانفجار أول أمس.", 1,
     {{2022, 9, 13, DAY, 1, 0, "أول أمس"}}},
    {"tomorrow", "2022-09-15", "يزور الرئيس موسكو غدا.", 1,
     {{2022, 9, 16, DAY, 1, 0, "غدا"}}},
    {"this-morning", "2022-09-15", "اندلعت اشتباكات صباح اليوم.", 1,
     {{2022, 9, 15, DAY, 1, 0, "صباح اليوم"}}},
    {"bare-today-not-date", "2022-09-15",
     "نقلت قناة روسيا اليوم عن مصدر عسكري.", 0, {{0}}},
    {"last-week", "2022-09-15", "تصاعد القصف الأسبوع الماضي.", 1,
     {{2022, 9, 8, DAY, 1, 0, "الأسبوع الماضي"}}},
    {"last-month", "2022-01-10", "وقعت الاشتباكات الشهر الماضي.", 1,
     {{2021, 12, 0, MON, 1, 0, "الشهر الماضي"}}},
    {"last-year", "2022-09-15", "انتهت الحرب العام الماضي.", 1,
     {{2021, 0, 0, YEA, 1, 0, "العام الماضي"}}},
    {"mid-month", "2022-09-30", "بدأ الهجوم في منتصف سبتمبر.", 1,
     {{2022, 9, 15, DAY, 0, 0, "منتصف سبتمبر"}}},
    {"mid-last-month", "2022-09-30", "انسحبت القوات منتصف الشهر الماضي.", 1,
     {{2022, 8, 15, DAY, 1, 0, "منتصف الشهر الماضي"}}},
    {"early-month", "2022-09-30", "وصلت التعزيزات مطلع أغسطس.", 1,
     {{2022, 8, 0, MON, 0, 0, "مطلع أغسطس"}}},
    {"late-month-year", "2022-09-30", "تجددت الاشتباكات أواخر يوليو 2021.", 1,
     {{2021, 7, 0, MON, 0, 0, "أواخر يوليو 2021"}}},
    /* an ordinal day before من: a part of the month naming its day */
    {"ordinal-day", "2022-09-30", "وقعت الغارة في الخامس من سبتمبر.", 1,
     {{2022, 9, 5, DAY, 0, 0, "الخامس من سبتمبر"}}},
    {"ordinal-compound-day", "2022-09-30",
     "انسحبت القوات في الحادي والعشرين من الشهر الماضي.", 1,
     {{2022, 8, 21, DAY, 1, 0, "الحادي والعشرين من الشهر الماضي"}}},
    {"ordinal-first-day", "2022-09-30", "بدأت الهدنة في الأول من أغسطس.", 1,
     {{2022, 8, 1, DAY, 0, 0, "الأول من أغسطس"}}},
    /* years */
    {"year-aam", "2022-09-15", "انهار الاتحاد السوفيتي عام 1991.", 1,
     {{1991, 0, 0, YEA, 0, 0, "عام 1991"}}},
    {"year-fi", "2022-09-15", "استقلت أرمينيا في 1991 عن موسكو.", 1,
     {{1991, 0, 0, YEA, 0, 0, "في 1991"}}},
    {"year-era-m", "2022-09-15", "تأسست المنظمة سنة 1945 م في سان فرانسيسكو.",
     1, {{1945, 0, 0, YEA, 0, 0, "سنة 1945 م"}}},
    {"year-hijri", "2022-09-15", "صدر الكتاب 1443 هـ في الرياض.", 1,
     {{2021, 0, 0, YEA, 0, 1, "1443 ه"}}},
    /* Hijri */
    {"hijri-ramadan", "2022-04-20", "بدأت الهدنة في 15 رمضان 1443 هـ.", 1,
     {{2022, 4, 17, DAY, 0, 1, "في 15 رمضان 1443 ه"}}},
    {"hijri-muharram", "2022-08-01", "يوافق 1 محرم 1444 هـ رأس السنة الهجرية.",
     1, {{2022, 7, 30, DAY, 0, 1, "1 محرم 1444 ه"}}},
    {"hijri-dhu-al-hijja", "2022-07-20", "وقف الحجاج بعرفة في 9 ذو الحجة 1443.",
     1, {{2022, 7, 9, DAY, 0, 1, "في 9 ذو الحجة 1443"}}},
    {"hijri-no-year", "2022-04-20", "أعلنت الهدنة في 20 رمضان.", 1,
     {{2022, 4, 22, DAY, 0, 1, "في 20 رمضان"}}},
    /* yearless Hijri days take the Hijri year of the document date, the
    ** year before when that lies ahead, the year after with المقبل */
    {"hijri-no-year-past", "2022-04-20", "وقف الحجاج بعرفة في 9 ذو الحجة.", 1,
     {{2021, 7, 19, DAY, 0, 1, "في 9 ذو الحجة"}}},
    {"hijri-no-year-next", "2022-04-20", "تبدأ الهدنة في 15 رمضان المقبل.", 1,
     {{2023, 4, 6, DAY, 0, 1, "في 15 رمضان المقبل"}}},
    {"hijri-and-gregorian", "2024-03-20",
     "بدأ الصيام في 1 رمضان 1445 هـ الموافق 11 مارس 2024.", 2,
     {{2024, 3, 11, DAY, 0, 1, "في 1 رمضان 1445 ه"},
      {2024, 3, 11, DAY, 0, 0, "11 مارس 2024"}}},
    /* malformed */
    {"impossible-day", "2022-09-15", "في 31 فبراير 2022 لا شيء.", 0, {{0}}},
    {"count-not-year", "2022-09-15", "قتل 5 في 135 غارة.", 0, {{0}}},
};

static void run_row(const date_row *r) {
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  assert_int_equal(
      txt_analyze(&d, &ar, r->text, strlen(r->text), r->doc_date, NULL),
      WASIT_OK);
  if (d.n_dates != r->n) {
    print_error("row %s: %zu dates, want %zu\n", r->id, d.n_dates, r->n);
    for (size_t i = 0; i < d.n_dates; i++)
      print_error("  %04d-%02d-%02d p%d\n", d.dates[i].year, d.dates[i].month,
                  d.dates[i].day, d.dates[i].precision);
  }
  assert_int_equal(d.n_dates, r->n);
  for (size_t i = 0; i < r->n; i++) {
    const txt_date *x = &d.dates[i];
    const date_want *w = &r->want[i];
    const txt_token *a = &d.tokens[x->tok_start];
    const txt_token *b = &d.tokens[x->tok_start + x->tok_count - 1];
    size_t len = b->orig_start + b->orig_len - a->orig_start;
    if (x->year != w->y || x->month != w->m || x->day != w->d ||
        x->precision != w->prec || x->relative != w->relative ||
        x->hijri != w->hijri || len != strlen(w->span) ||
        memcmp(d.text + a->orig_start, w->span, len) != 0)
      print_error("row %s #%zu: %04d-%02d-%02d p%d rel%d hij%d [%.*s]\n",
                  r->id, i, x->year, x->month, x->day, x->precision,
                  x->relative, x->hijri, (int)len, d.text + a->orig_start);
    assert_int_equal(x->year, w->y);
    assert_int_equal(x->month, w->m);
    assert_int_equal(x->day, w->d);
    assert_int_equal(x->precision, w->prec);
    assert_int_equal(x->relative, w->relative);
    assert_int_equal(x->hijri, w->hijri);
    assert_int_equal(x->sentence, 0);
    assert_int_equal(len, strlen(w->span));
    assert_memory_equal(d.text + a->orig_start, w->span, len);
  }
  arena_free(&ar);
}

static void test_rows(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) run_row(&rows[i]);
}

/* A sentence of more than 256 tokens is looked up without the per-token
** memo (date.c, DT_MEMO_TOKENS): its dates are found all the same.  The
** text is a long enumeration of the kind agency summaries contain. */
static void test_long_sentence(void **state) {
  (void)state;
  char text[8192];
  size_t n = 0;
  n += (size_t)snprintf(text + n, sizeof text - n, "%s",
                        "أعلنت الوزارة يوم الاثنين أسماء القرى المتضررة");
  for (int i = 0; i < 140; i++)   /* 280 tokens: "، قرية" */
    n += (size_t)snprintf(text + n, sizeof text - n, "%s", "، قرية");
  snprintf(text + n, sizeof text - n, "%s",
           " وذلك حتى 13 سبتمبر 2022 بحسب البيان.");
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  assert_int_equal(txt_analyze(&d, &ar, text, strlen(text), "2022-09-15", NULL),
                   WASIT_OK);
  assert_int_equal(d.n_sentences, 1);
  assert_true(d.sentences[0].tok_count > 256);
  assert_int_equal(d.n_dates, 2);
  assert_int_equal(d.dates[0].year, 2022);   /* يوم الاثنين: 12 September */
  assert_int_equal(d.dates[0].month, 9);
  assert_int_equal(d.dates[0].day, 12);
  assert_int_equal(d.dates[0].relative, 1);
  assert_int_equal(d.dates[1].day, 13);      /* 13 سبتمبر 2022 */
  assert_int_equal(d.dates[1].month, 9);
  assert_int_equal(d.dates[1].relative, 0);
  arena_free(&ar);
}

/* Digits inside dates are not numbers; other digits are. */
static void test_numbers_excluded(void **state) {
  (void)state;
  const char *text = "تعرضت عدة مواقع أرمينية لقصف أذري منذ الثلاثاء الماضي "
                     "13 سبتمبر 2022، أسفر عن سقوط 135 قتيلا. وفي 2022-09-14 "
                     "قتل 49 جنديا، وعام 1991 استقلت أرمينيا.";
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  assert_int_equal(
      txt_analyze(&d, &ar, text, strlen(text), "2022-09-15", NULL), WASIT_OK);
  assert_int_equal(d.n_sentences, 2);
  assert_int_equal(d.n_dates, 3);
  assert_int_equal(d.n_numbers, 2);
  assert_true(d.numbers[0].value == 135);
  assert_int_equal(d.numbers[0].sentence, 0);
  assert_true(d.numbers[1].value == 49);
  assert_int_equal(d.numbers[1].sentence, 1);
  assert_int_equal(d.dates[1].sentence, 1);
  assert_int_equal(d.dates[2].year, 1991);
  arena_free(&ar);
}

typedef struct hijri_row {
  const char *id;
  int hy, hm, hd;
  int y, m, d;
} hijri_row;

static const hijri_row hijri_rows[] = {
    {"epoch", 1, 1, 1, 622, 7, 19},   /* Julian 16 July 622, proleptic Greg. */
    {"new-year-1444", 1444, 1, 1, 2022, 7, 30},
    {"ramadan-15-1443", 1443, 9, 15, 2022, 4, 17},
    /* tabular 1 Ramadan 1445 = 2024-03-11, which is also the day most
    ** countries began fasting */
    {"ramadan-1445", 1445, 9, 1, 2024, 3, 11},
    /* tabular 1 Shawwal 1444 = 2023-04-22, while Eid al-Fitr 2023 was kept
    ** on 21 April in most countries: the tabular date is a day later */
    {"shawwal-1444", 1444, 10, 1, 2023, 4, 22},
    /* tabular 10 Dhu al-Hijja 1443 = 2022-07-10; Eid al-Adha 2022 was
    ** kept on 9 July in Saudi Arabia: the tabular date is a day later */
    {"adha-1443", 1443, 12, 10, 2022, 7, 10},
    {"new-year-1400", 1400, 1, 1, 1979, 11, 21},
};

static void test_hijri(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof hijri_rows / sizeof hijri_rows[0]; i++) {
    const hijri_row *r = &hijri_rows[i];
    int y, m, d;
    txt_hijri_to_gregorian(r->hy, r->hm, r->hd, &y, &m, &d);
    if (y != r->y || m != r->m || d != r->d)
      print_error("row %s: %04d-%02d-%02d\n", r->id, y, m, d);
    assert_int_equal(y, r->y);
    assert_int_equal(m, r->m);
    assert_int_equal(d, r->d);
  }
}

typedef struct iso_row {
  const char *s;
  bool ok;
  int y, m, d;
} iso_row;

static const iso_row iso_rows[] = {
    {"2022-09-13", true, 2022, 9, 13}, {"2024-02-29", true, 2024, 2, 29},
    {"2000-02-29", true, 2000, 2, 29}, {"1900-02-29", false, 0, 0, 0},
    {"2023-02-29", false, 0, 0, 0},    {"2022-13-01", false, 0, 0, 0},
    {"2022-00-10", false, 0, 0, 0},    {"2022-09-31", false, 0, 0, 0},
    {"2022-9-13", false, 0, 0, 0},     {"2022-09-13x", false, 0, 0, 0},
    {"13/09/2022", false, 0, 0, 0},    {"", false, 0, 0, 0},
    {"0000-01-01", false, 0, 0, 0},
};

static void test_iso(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof iso_rows / sizeof iso_rows[0]; i++) {
    const iso_row *r = &iso_rows[i];
    int y = -1, m = -1, d = -1;
    bool ok = txt_parse_iso_date(r->s, &y, &m, &d);
    if (ok != r->ok) print_error("iso row [%s]\n", r->s);
    assert_int_equal(ok, r->ok);
    if (ok) {
      assert_int_equal(y, r->y);
      assert_int_equal(m, r->m);
      assert_int_equal(d, r->d);
    }
  }
  int y;
  assert_false(txt_parse_iso_date(NULL, &y, &y, &y));
}

/* A bare weekday ("الثلاثاء") is flagged, as the coder moves a plan for
** it a week on; one with الماضي/المقبل, or a named date, is not.
** txt_days_later crosses month and year ends and leap days. */
static void test_bare_weekday(void **state) {
  (void)state;
  static const struct {
    const char *text;
    int y, m, d, bare;
  } rows[] = {
      {"ومن المقرر أن يجتمع البرلمان الثلاثاء.", 2019, 11, 5, 1},
      {"اجتمع البرلمان الثلاثاء الماضي.", 2019, 11, 5, 0},
      {"يجتمع البرلمان الثلاثاء المقبل.", 2019, 11, 12, 0},
      {"اجتمع البرلمان في 5 نوفمبر 2019.", 2019, 11, 5, 0},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc d;
    assert_int_equal(txt_analyze(&d, &ar, rows[i].text, strlen(rows[i].text),
                                 "2019-11-11", NULL),
                     WASIT_OK);
    assert_int_equal(d.n_dates, 1);
    assert_int_equal(d.dates[0].year, rows[i].y);
    assert_int_equal(d.dates[0].month, rows[i].m);
    assert_int_equal(d.dates[0].day, rows[i].d);
    assert_int_equal(d.dates[0].bare_weekday, rows[i].bare);
    arena_free(&ar);
  }
  int y, m, dd;
  txt_days_later(2019, 11, 5, 7, &y, &m, &dd);
  assert_true(y == 2019 && m == 11 && dd == 12);
  txt_days_later(2008, 12, 29, 7, &y, &m, &dd);
  assert_true(y == 2009 && m == 1 && dd == 5);
  txt_days_later(2024, 2, 25, 7, &y, &m, &dd);
  assert_true(y == 2024 && m == 3 && dd == 3);
  txt_days_later(2024, 3, 3, -7, &y, &m, &dd);
  assert_true(y == 2024 && m == 2 && dd == 25);
}

/* A malformed document date is an error of txt_analyze. */
static void test_bad_doc_date(void **state) {
  (void)state;
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  wasit_error err;
  const char *t = "قال المتحدث أمس إن القصف توقف.";
  assert_int_equal(txt_analyze(&d, &ar, t, strlen(t), "2022-02-30", &err),
                   WASIT_EINVAL);
  arena_free(&ar);
}

/* The dates of a and b (the same text) are the same; else fail naming
** `what`. */
static void dates_equal(const txt_doc *a, const txt_doc *b, const char *what) {
  if (a->n_dates != b->n_dates)
    fail_msg("%s: %zu dates, %zu with the memo", what, a->n_dates, b->n_dates);
  for (size_t i = 0; i < a->n_dates; i++) {
    const txt_date *x = &a->dates[i], *y = &b->dates[i];
    if (x->year != y->year || x->month != y->month || x->day != y->day ||
        x->precision != y->precision || x->relative != y->relative ||
        x->hijri != y->hijri || x->bare_weekday != y->bare_weekday ||
        x->sentence != y->sentence || x->tok_start != y->tok_start ||
        x->tok_count != y->tok_count)
      fail_msg("%s: date %zu differs with the memo", what, i);
  }
}

/* Every token of d (analyzed through a word memo) with a form has the
** txt_form_dates of a model that looks its splits up in order (the
** record date.c reads instead of the first token's lookups); a token
** without one has none.  Else fail naming `what`. */
static void check_form_dates(const txt_doc *d, const char *what) {
  static const char *const names[] = {"months", "weekdays", "relative"};
  for (size_t i = 0; i < d->n_tokens; i++) {
    const txt_token *t = &d->tokens[i];
    const txt_form_dates *fd = txt_token_dates(t);
    if ((fd != NULL) != (t->form != 0))
      fail_msg("%s: token %zu form %u, record %p", what, i, t->form,
               (const void *)fd);
    if (fd == NULL) continue;
    for (int x = 0; x < 3; x++) {
      const txt_table *tab = txt_table_get(names[x]);
      const txt_kv *one = NULL;
      unsigned extend = 0;
      for (int k = 0; k < t->n_splits && t->kind == TXT_WORD; k++) {
        size_t slen;
        const char *stem = txt_tok_stem(d, t, k, &slen);
        if (slen == 0 || slen >= TXT_GATE_KEY_MAX ||
            !txt_table_sig_in(tab, t->splits[k].sig))
          continue;
        const txt_kv *kv = txt_table_find(tab, stem, slen);
        if (one == NULL) one = kv;
        if (txt_table_may_extend(tab, stem, slen)) extend |= 1u << k;
      }
      if (fd->one[x] != one || fd->extend[x] != extend)
        fail_msg("%s: token %zu %s: record %p 0x%x, model %p 0x%x", what, i,
                 names[x], (const void *)fd->one[x], fd->extend[x],
                 (const void *)one, extend);
    }
  }
}

/* Is token t one that txt_next_gated must stop at for `bits`: a number,
** or a word whose gate, computed, has one of `bits`?  (The slow test:
** what date.c and number.c would look at.) */
static bool gated_slow(const txt_doc *d, const txt_token *t, uint8_t bits) {
  return t->kind == TXT_NUM || (txt_word_gate(d, t) & bits) != 0;
}

/* txt_next_gated (text.h), the skip of txt_dates_find and
** txt_numbers_find, passes over no token they must look at: on every row
** above analyzed through a warm word memo (gates stored), each token it
** skips fails the slow test, for the date tables' bits and for the
** numbers bit; and the dates and numbers found are those found without a
** memo, where no word has a stored gate and nothing but punctuation is
** skipped.  A skip that passed over numbers, or over words of a table,
** fails it.  Each token's form record (txt_token_dates) is also checked
** against a model (check_form_dates). */
static void test_next_gated(void **state) {
  (void)state;
  static const uint8_t masks[] = {
      TXT_GATE_MONTHS | TXT_GATE_WEEKDAYS | TXT_GATE_RELATIVE,
      TXT_GATE_NUMBERS};
  txt_memo *memo = txt_memo_new(NULL);
  assert_non_null(memo);
  size_t skipped = 0, dates = 0, numbers = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
      const date_row *row = &rows[r];
      wa_arena ar;
      arena_init(&ar, NULL);
      txt_doc plain, memod;
      size_t n = strlen(row->text);
      assert_int_equal(
          txt_analyze(&plain, &ar, row->text, n, row->doc_date, NULL),
          WASIT_OK);
      assert_int_equal(txt_analyze_memo(&memod, &ar, memo, row->text, n,
                                        row->doc_date, NULL),
                       WASIT_OK);
      for (size_t si = 0; si < memod.n_sentences; si++) {
        const txt_sentence *s = &memod.sentences[si];
        size_t end = (size_t)s->tok_start + s->tok_count;
        for (size_t m = 0; m < sizeof masks; m++)
          for (size_t i = s->tok_start; i < end; i++) {
            size_t j = txt_next_gated(memod.tokens, i, end, masks[m]);
            assert_true(j >= i && j <= end);
            if (j > i) {   /* i is skipped */
              skipped++;
              if (gated_slow(&memod, &memod.tokens[i], masks[m]))
                fail_msg("row %s token %zu: skipped for 0x%x", row->id, i,
                         masks[m]);
            }
          }
      }
      dates_equal(&plain, &memod, row->id);
      check_form_dates(&memod, row->id);
      assert_int_equal(memod.n_numbers, plain.n_numbers);
      for (size_t i = 0; i < plain.n_numbers; i++) {
        const txt_number *a = &plain.numbers[i], *b = &memod.numbers[i];
        if (a->value != b->value || a->approx != b->approx ||
            a->sentence != b->sentence || a->tok_start != b->tok_start ||
            a->tok_count != b->tok_count)
          fail_msg("row %s number %zu: differs with the memo", row->id, i);
      }
      dates += plain.n_dates;
      numbers += plain.n_numbers;
      arena_free(&ar);
    }
  assert_true(skipped > 100 && dates > 20 && numbers > 0);
  txt_memo_free(memo, NULL);
}

/* The date tables' later-word bits (TXT_GATE_LATER_*, txt_word_gate), by
** which date.c stops a phrase before a word that stands in no key after
** its first word.  For every key of months, weekdays and relative: each
** of its later words passes the table's filter (txt_table_may_continue:
** no false negative), and sentences made around the key give, through a
** warm word memo (gates stored: the stop is used), the dates they give
** without one (no stored gate, no form record: every phrase is read on
** from every split).  Every word token's later bits are the filter's
** answers for its bytes, and its form record is the model's
** (check_form_dates).  A key is also tried with و glued to it, so that
** its first word is read through a later split. */
static void test_later_words(void **state) {
  (void)state;
  static const char *const names[] = {"months", "weekdays", "relative"};
  static const uint8_t later[] = {TXT_GATE_LATER_MONTHS,
                                  TXT_GATE_LATER_WEEKDAYS,
                                  TXT_GATE_LATER_RELATIVE};
  static const char *const frames[] = {
      "قال المتحدث %s إن القوات انسحبت من المدينة.",
      "وقع الهجوم %s 5 يوليو 2021 في المدينة.",
      "وصل الوفد %s يوليو الماضي، وغادر %s.",
      /* و glued to the key: its first word through a later split */
      "وغادر الوفد و%s 5 يوليو 2021."};
  txt_memo *memo = txt_memo_new(NULL);
  assert_non_null(memo);
  size_t multi = 0, dates = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t t = 0; t < 3; t++) {
      const txt_table *tab = txt_table_get(names[t]);
      assert_non_null(tab);
      for (size_t k = 0; k < tab->n; k++) {
        const char *key = tab->items[k].key;
        for (const char *w = strchr(key, ' '); w != NULL; w = strchr(w + 1, ' ')) {
          const char *e = strchr(w + 1, ' ');
          size_t wl = e ? (size_t)(e - w - 1) : strlen(w + 1);
          if (!txt_table_may_continue(tab, w + 1, wl))
            fail_msg("%s key %s: a later word fails the filter", names[t], key);
          multi += pass == 0 && w == strchr(key, ' ');
        }
        for (size_t f = 0; f < sizeof frames / sizeof frames[0]; f++) {
          char text[512];
          snprintf(text, sizeof text, frames[f], key, key);
          wa_arena ar;
          arena_init(&ar, NULL);
          txt_doc plain, memod;
          size_t n = strlen(text);
          assert_int_equal(
              txt_analyze(&plain, &ar, text, n, "2022-09-21", NULL), WASIT_OK);
          assert_int_equal(txt_analyze_memo(&memod, &ar, memo, text, n,
                                            "2022-09-21", NULL),
                           WASIT_OK);
          dates_equal(&plain, &memod, text);
          check_form_dates(&memod, text);
          for (size_t i = 0; i < memod.n_tokens; i++) {
            const txt_token *tk = &memod.tokens[i];
            uint8_t want = 0;
            for (size_t x = 0; x < 3; x++)
              if ((tk->kind == TXT_WORD || tk->kind == TXT_LATIN) &&
                  txt_table_may_continue(txt_table_get(names[x]),
                                         txt_tok_norm(&memod, tk),
                                         tk->norm_len))
                want |= later[x];
            if (tk->gate != 0 && (tk->gate & 0x70) != want)
              fail_msg("%s: token %zu later bits 0x%x, want 0x%x", text, i,
                       tk->gate & 0x70, want);
          }
          dates += plain.n_dates;
          arena_free(&ar);
        }
      }
    }
  assert_true(multi > 50 && dates > 200);
  txt_memo_free(memo, NULL);
}

static void check_dates_kept(const txt_doc *d) {
  assert_int_equal(d->n_dates, 3);
}

/* Allocation failures give WASIT_ENOMEM. */
static void test_enomem(void **state) {
  (void)state;
  const char *text = "اتفقت أرمينيا وأذربيجان يوم الاثنين. وفي 13 سبتمبر 2022 "
                     "تجدد القصف. وانتهت الحرب العام الماضي.";
  text_enomem_walk(text, "2022-09-21", 60, check_dates_kept);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rows),
      cmocka_unit_test(test_numbers_excluded),
      cmocka_unit_test(test_long_sentence),
      cmocka_unit_test(test_hijri),
      cmocka_unit_test(test_iso),
      cmocka_unit_test(test_bare_weekday),
      cmocka_unit_test(test_bad_doc_date),
      cmocka_unit_test(test_enomem),
      cmocka_unit_test(test_next_gated),
      cmocka_unit_test(test_later_words),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
