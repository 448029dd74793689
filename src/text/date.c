/*
** date.c: dates in one sentence, resolved against the document date (text
** layer, stage 1g of txt_analyze, run after numbers), plus the calendar
** arithmetic (Gregorian and tabular Hijri) behind them.
**
** Input: the tokens of one tokenized sentence; doc->doc_year/month/day
** (0 = unknown).  Output: txt_date records appended to doc->dates.  Words
** are data: dict/ar/text/months.txt (all calendars), weekdays.txt, and
** relative.txt (relative dates and the context words past/next/lead/part/
** era; see that file).
**
** Forms recognised (first match at a token wins, then scanning resumes
** after the date):
**   numeric      "2022-09-13", "13/9/2022", "13.9.2022" (4-digit year)
**   explicit     [day] month [(alt month) | /alt month] [year [era]]:
**                "13 سبتمبر 2022", "19th, September 2023", "September 19,
**                2023", "تشرين الأول (أكتوبر) 2022", "أكتوبر/تشرين الأول",
**                "15 رمضان 1443 هـ" (Hijri, converted; hijri = 1)
**   weekday      [يوم|مساء|اليوم ...] weekday [الماضي|المقبل] [explicit]
**   relative     أمس, أول أمس, غدا, صباح اليوم, الأسبوع الماضي, الشهر
**                الماضي, العام الماضي ... (+ a weekday after a day word:
**                "أمس الاثنين")
**   part         منتصف/مطلع/أواخر + month, relative month or year; an
**                ordinal day + من the same way ("الخامس من يوليو",
**                "السابع من الشهر الجاري")
**   year         عام/سنة/في/منذ/خلال + 4-digit year, or year + era
**                ("عام 1991", "في 1991", "1443 هـ"): year precision
**   month alone  only after a context word ("في سبتمبر", "شهر أيار"):
**                month names double as ordinary words (مارس "practised",
**                آب "father", صفر "zero").
** Decisions:
**   - Day and month without a year take the document's year, or the year
**     before when that would put the date more than 7 days after the
**     document date; with المقبل/القادم after it the first such date after
**     the document date.  Without a document date such dates, weekdays and
**     relative words are not reported.
**   - Weekdays: bare or after يوم = the most recent such day on or before
**     the document date; with الماضي strictly before; with المقبل/القادم
**     strictly after.  An explicit date right after a weekday wins and the
**     two make ONE txt_date ("الثلاثاء الماضي 13 سبتمبر 2022").
**   - "الأسبوع الماضي": the document date minus 7 days, day precision
**     (there is no week precision).  Month/year words: month/year
**     precision.  "منتصف" + month: day 15, day precision; other parts
**     (مطلع, أواخر) keep month precision.
**   - Bare "اليوم" is not a date (see relative.txt).
**   - A Hijri year alone ("1443 هـ") gives the Gregorian year in which
**     that Hijri year begins (year precision, hijri = 1).
**   - Hijri dates use the tabular Islamic civil calendar (30-year cycle,
**     leap years 2 5 7 10 13 16 18 21 24 26 29, epoch 1 Muharram 1 = JDN
**     1948440).  It can differ by a day or two from the dates announced
**     from moon sighting: tabular 1 رمضان 1445 = 2024-03-11 agrees with
**     the observed start, but tabular 1 شوال 1444 = 2023-04-22 while Eid
**     al-Fitr 2023 was kept on 2023-04-21.  Tests assert tabular values.
**   - A Hijri month with neither day nor year ("في رمضان") is not
**     reported.  With a year but no day ("رمضان 1443") it gives the
**     Gregorian month in which the Hijri month begins (month precision).  With a day but no year ("20 رمضان") the Hijri
**     year of the document date is used (same 7-day rule as above).
**   - Numbers inside a date are removed from doc->numbers here (numbers
**     run first; see number.c).
*/
#include "text.h"

#include <string.h>

#define DT_MAX_PHRASE 4          /* tokens of the longest table phrase */
#define DT_KEY_MAX 256
#define DT_FUTURE_SLACK 7        /* days a yearless date may lie ahead */
#define DT_HIJRI_EPOCH 1948440L  /* JDN of 1 Muharram 1 AH (civil) */
#define DT_MIN_YEAR 1000
#define DT_MAX_YEAR 2200

/* ------------------------------------------------------------ calendars */

static bool dt_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static const unsigned char dt_month_days[12] = {31, 28, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};

static int dt_mdays(int y, int m) {
  if (m < 1 || m > 12) return 0;
  return dt_month_days[m - 1] + (m == 2 && dt_leap(y));
}

/* Julian day number of a proleptic Gregorian date. */
static long dt_jdn(int y, int m, int d) {
  long a = (14 - m) / 12, yy = y + 4800L - a, mm = m + 12 * a - 3;
  return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 -
         32045;
}

static void dt_from_jdn(long j, int *y, int *m, int *d) {
  long a = j + 32044, b = (4 * a + 3) / 146097, c = a - 146097 * b / 4;
  long dd = (4 * c + 3) / 1461, e = c - 1461 * dd / 4, mm = (5 * e + 2) / 153;
  *d = (int)(e - (153 * mm + 2) / 5 + 1);
  *m = (int)(mm + 3 - 12 * (mm / 10));
  *y = (int)(100 * b + dd - 4800 + mm / 10);
}

/* 0 = Sunday ... 6 = Saturday. */
static int dt_weekday(long j) { return (int)((j + 1) % 7); }

static long dt_hijri_jdn(int y, int m, int d) {
  return d + (59L * (m - 1) + 1) / 2 + (y - 1) * 354L + (3 + 11L * y) / 30 +
         DT_HIJRI_EPOCH - 1;
}

static void dt_hijri_from_jdn(long j, int *hy, int *hm, int *hd) {
  int y = (int)((30 * (j - DT_HIJRI_EPOCH) + 10646) / 10631);
  while (y > 1 && j < dt_hijri_jdn(y, 1, 1)) y--;
  while (j >= dt_hijri_jdn(y + 1, 1, 1)) y++;
  int m = 1;
  while (m < 12 && j >= dt_hijri_jdn(y, m + 1, 1)) m++;
  *hy = y;
  *hm = m;
  *hd = (int)(j - dt_hijri_jdn(y, m, 1) + 1);
}

/* See text.h.  hm 1-12, hd 1-30; no range check beyond arithmetic. */
void txt_hijri_to_gregorian(int hy, int hm, int hd, int *y, int *m, int *d) {
  dt_from_jdn(dt_hijri_jdn(hy, hm, hd), y, m, d);
}

/* See text.h. */
void txt_days_later(int y, int m, int d, int days, int *oy, int *om, int *od) {
  dt_from_jdn(dt_jdn(y, m, d) + days, oy, om, od);
}

/* See text.h.  Exactly "YYYY-MM-DD" (no trailing text), a real calendar
** day, year 1-9999.  y/m/d are set only on success. */
bool txt_parse_iso_date(const char *s, int *y, int *m, int *d) {
  if (s == NULL) return false;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) {
      if (s[i] != '-') return false;
    } else if (s[i] < '0' || s[i] > '9') {
      return false;
    }
  }
  if (s[10] != '\0') return false;
  int yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
           (s[3] - '0');
  int mm = (s[5] - '0') * 10 + (s[6] - '0');
  int dd = (s[8] - '0') * 10 + (s[9] - '0');
  if (yy < 1 || mm < 1 || mm > 12 || dd < 1 || dd > dt_mdays(yy, mm))
    return false;
  *y = yy;
  *m = mm;
  *d = dd;
  return true;
}

/* ---------------------------------------------------------------- tokens */

/* dt_lookup results of one sentence, one per (table, token): dt_at tries
** up to seven forms at every token and most of them look the same tokens
** up in the same tables, so each lookup is done once. */
#define DT_MEMO_TOKENS 256   /* longer sentences are not memoized */
enum { DT_T_MONTHS, DT_T_WD, DT_T_REL, DT_T_COUNT };
/* a token's gate (txt_word_gate) has bit DT_T_x for table x */
_Static_assert(1 << DT_T_MONTHS == TXT_GATE_MONTHS &&
                   1 << DT_T_WD == TXT_GATE_WEEKDAYS &&
                   1 << DT_T_REL == TXT_GATE_RELATIVE,
               "date table bits are gate bits");
_Static_assert(DT_KEY_MAX == TXT_GATE_KEY_MAX, "the gate sees every stem");
/* and bit DT_T_x << TXT_GATE_LATER_SHIFT for table x's later words */
_Static_assert(TXT_GATE_MONTHS << TXT_GATE_LATER_SHIFT ==
                       TXT_GATE_LATER_MONTHS &&
                   TXT_GATE_WEEKDAYS << TXT_GATE_LATER_SHIFT ==
                       TXT_GATE_LATER_WEEKDAYS &&
                   TXT_GATE_RELATIVE << TXT_GATE_LATER_SHIFT ==
                       TXT_GATE_LATER_RELATIVE,
               "later-word bits are the table bits shifted");
#define DT_GATE_DATES (TXT_GATE_MONTHS | TXT_GATE_WEEKDAYS | TXT_GATE_RELATIVE)


typedef struct dt_ctx {
  txt_doc *d;
  const txt_table *months, *wd, *rel;
  size_t si, end;
  bool has_doc;
  long doc_jdn;
  uint8_t *memo;      /* NULL or DT_T_COUNT x (end - base) entries, one
                         per token and table: 0 = not looked up yet, else
                         1 + tokens matched */
  uint8_t *gate;      /* with memo, per token: 0 = not computed, else
                         its txt_word_gate() (bit DT_T_* set when a split
                         of the token passes that table's filter) */
  size_t base;        /* the sentence's first token */
  const txt_kv **memo_kv; /* with memo, parallel to it: the entry found,
                         set only where memo > 1.  Apart from the states
                         because only those must be zeroed per sentence:
                         one byte per entry, not a pointer and a byte */
} dt_ctx;

typedef struct dt_res {
  int y, m, d;
  int prec;       /* enum txt_date_precision */
  bool rel, hijri;
  bool bare_weekday; /* see txt_date.bare_weekday */
  size_t end;     /* token after the date */
} dt_res;

static const txt_token *dt_tok(const dt_ctx *c, size_t i) {
  return &c->d->tokens[i];
}

/* Is token i (< end) punctuation spelled exactly `s`? */
static bool dt_punct(const dt_ctx *c, size_t i, const char *s) {
  if (i >= c->end) return false;
  const txt_token *t = dt_tok(c, i);
  size_t n = strlen(s);
  return t->kind == TXT_PUNCT && t->norm_len == n &&
         memcmp(txt_tok_norm(c->d, t), s, n) == 0;
}

/* Skip one ',' or '،' (U+060C) token. */
static size_t dt_skip_comma(const dt_ctx *c, size_t i) {
  return (dt_punct(c, i, ",") || dt_punct(c, i, "\xD8\x8C")) ? i + 1 : i;
}

/* Which of c's tables tab is (DT_T_*). */
static inline int dt_which(const dt_ctx *c, const txt_table *tab) {
  return tab == c->months ? DT_T_MONTHS : tab == c->wd ? DT_T_WD : DT_T_REL;
}

/* The phrases of `tab` at token i that go on from the stem s[0..slen) of
** one split of token i (whose stem may start a longer key): the longest
** entry of two or more tokens, the tokens after i taken whole, if longer
** than `best` (tokens; then *kv is set).  Returns the new best.
** A later token whose stored gate (the word memo's) lacks the table's
** later-word bit stands in no key after its first word, so the phrase
** stops before it without building the key: that key and every longer
** one are no entry (the filter has no false negatives).  A token without
** a stored gate (0) is looked up as before. */
static size_t dt_lookup_on(const dt_ctx *c, const txt_table *tab, size_t i,
                           const char *s, size_t slen, size_t best,
                           const txt_kv **kv) {
  unsigned later = (1u << dt_which(c, tab)) << TXT_GATE_LATER_SHIFT;
  char key[DT_KEY_MAX];
  size_t klen = slen;
  for (size_t w = 1; w < DT_MAX_PHRASE && i + w < c->end; w++) {
    const txt_token *t = dt_tok(c, i + w);
    if (t->kind != TXT_WORD && t->kind != TXT_LATIN) break;
    if (t->gate != 0 && !(t->gate & later)) break;
    if (klen + 1 + t->norm_len > sizeof key) break;
    if (w == 1) memcpy(key, s, slen);
    key[klen++] = ' ';
    memcpy(key + klen, txt_tok_norm(c->d, t), t->norm_len);
    klen += t->norm_len;
    const txt_kv *e = txt_table_find(tab, key, klen);
    if (e != NULL && w + 1 > best) {
      best = w + 1;
      *kv = e;
    }
    if (!txt_table_may_extend(tab, key, klen)) break;   /* no longer key */
  }
  return best;
}

/* Longest entry of `tab` at token i: the first token through any of its
** splits, the others whole.  Returns tokens matched, 0 when none.
** Of several of the same length, the one met first, splits in order:
** so the one-token entry is the first split's that is a key. */
static size_t dt_lookup_uncached(const dt_ctx *c, const txt_table *tab,
                                 size_t i, const txt_kv **kv) {
  size_t best = 0;
  const txt_token *t0 = dt_tok(c, i);
  if (t0->kind != TXT_WORD && t0->kind != TXT_LATIN) return 0;
  for (int k = 0; k < t0->n_splits; k++) {
    size_t slen;
    const char *stem = txt_tok_stem(c->d, t0, k, &slen);
    if (slen == 0 || slen >= DT_KEY_MAX) continue;
    /* most stems start no entry: skip them before building keys */
    if (!txt_table_sig_in(tab, t0->splits[k].sig)) continue;
    const txt_kv *e = txt_table_find(tab, stem, slen);
    if (e != NULL && best == 0) {
      best = 1;
      *kv = e;
    }
    if (txt_table_may_extend(tab, stem, slen))
      best = dt_lookup_on(c, tab, i, stem, slen, best, kv);
  }
  return best;
}

/* dt_lookup_uncached through the record of token i's form when it has
** one (txt_token_dates): its first-token answers, made once per form
** when the word memo met it, stand for the lookups of the stems; only
** the splits that may start a longer key are read on.  The same answer:
** the one-token entry is the first split's that is a key (fd->one), and
** dt_lookup_on is asked for the same splits in the same order. */
static size_t dt_lookup_first(const dt_ctx *c, const txt_table *tab,
                              size_t i, const txt_kv **kv) {
  const txt_token *t0 = dt_tok(c, i);
  const txt_form_dates *fd = txt_token_dates(t0);
  if (fd == NULL) return dt_lookup_uncached(c, tab, i, kv);
  int x = dt_which(c, tab);
  size_t best = 0;
  if (fd->one[x] != NULL) {
    best = 1;
    *kv = fd->one[x];
  }
  for (unsigned m = fd->extend[x]; m != 0; m &= m - 1) {
    size_t slen;
    const char *stem = txt_tok_stem(c->d, t0, __builtin_ctz(m), &slen);
    best = dt_lookup_on(c, tab, i, stem, slen, best, kv);
  }
  return best;
}

/* The gate bits of token i (see dt_ctx): the word memo's when it has
** them, else computed.  The DT_T_* bits are TXT_GATE_* bits. */
static uint8_t dt_gate(const dt_ctx *c, size_t i) {
  const txt_token *t = dt_tok(c, i);
  return t->gate != 0 ? t->gate : txt_word_gate(c->d, t);
}

/* Fill memo entry m (an index into c->memo), for table `which` (tab) at
** token i, whose gate has that table's bit, and return dt_lookup's
** answer.  Kept out of line: dt_lookup is asked ten times per date-like
** token and nearly always answers from the memo or the gate, which the
** inline part below does without this function's frame (its key
** buffer). */
__attribute__((noinline)) static size_t dt_lookup_fill(const dt_ctx *c,
                                                       const txt_table *tab,
                                                       size_t i, size_t m,
                                                       const txt_kv **kv) {
  const txt_kv *e = NULL;
  size_t n = dt_lookup_first(c, tab, i, &e);
  c->memo_kv[m] = e;
  c->memo[m] = (uint8_t)(n + 1);
  if (n > 0) *kv = e;
  return n;
}

/* dt_gate of token i: the token's own gate when the word memo gave it one
** (most words), read before anything else; else kept in the sentence's
** gate memo when there is one (0 there means not yet computed: dt_gate is
** never 0). */
static inline uint8_t dt_gate_at(const dt_ctx *c, size_t i) {
  uint8_t tg = dt_tok(c, i)->gate;
  if (tg != 0) return tg;
  if (c->gate == NULL || i < c->base) return dt_gate(c, i);
  uint8_t *g = &c->gate[i - c->base];
  if (*g == 0) *g = dt_gate(c, i);
  return *g;
}

/* Longest entry of `tab` (one of c's tables) at token i: as
** dt_lookup_uncached, through the sentence's memo when there is one. */
static inline size_t dt_lookup(const dt_ctx *c, const txt_table *tab,
                               size_t i, const txt_kv **kv) {
  if (tab == NULL || i >= c->end) return 0;
  if (c->memo == NULL || i < c->base) return dt_lookup_first(c, tab, i, kv);
  int which = dt_which(c, tab);
  size_t m = (i - c->base) * DT_T_COUNT + (size_t)which;
  if (c->memo[m] == 0) {
    if (!(dt_gate_at(c, i) & (1u << which))) {
      c->memo[m] = 1;   /* no split can start an entry */
      return 0;
    }
    return dt_lookup_fill(c, tab, i, m, kv);
  }
  if (c->memo[m] > 1) *kv = c->memo_kv[m];
  return (size_t)c->memo[m] - 1;
}

/* Can any date form start at token i?  Every form of dt_at begins with a
** number token or with an entry of one of the three tables at i (see each
** form), so a word none of whose splits passes a table's first-word
** filter starts no date.  Most tokens of a sentence are such words: this
** one filter test per token spares them the seven dt_at attempts.
** A word that passes the filter is then looked up in the three tables
** (the lookups dt_at's forms would make first, kept in the memo): the
** filter lets through many words that are no entry (في, عن ...), and
** for them the lookups are cheaper than the forms' attempts. */
static bool dt_may_start(const dt_ctx *c, size_t i) {
  const txt_token *t = dt_tok(c, i);
  if (t->kind == TXT_NUM) return true;
  if (t->kind != TXT_WORD && t->kind != TXT_LATIN) return false;
  if (!(dt_gate_at(c, i) & DT_GATE_DATES)) return false;
  const txt_kv *kv = NULL;
  return dt_lookup(c, c->rel, i, &kv) > 0 || dt_lookup(c, c->wd, i, &kv) > 0 ||
         dt_lookup(c, c->months, i, &kv) > 0;
}

/* A relative.txt word of the given kind at i: returns tokens and value. */
static size_t dt_word(const dt_ctx *c, size_t i, int kind, int *value) {
  const txt_kv *kv = NULL;
  size_t n = dt_lookup(c, c->rel, i, &kv);
  if (n == 0 || kv->kind != kind) return 0;
  if (value != NULL) *value = kv->value;
  return n;
}

/* An integer NUM token with at most `digits` digits; value in *v. */
static bool dt_int(const dt_ctx *c, size_t i, size_t digits, int *v) {
  if (i >= c->end) return false;
  const txt_token *t = dt_tok(c, i);
  if (t->kind != TXT_NUM || t->norm_len > digits) return false;
  const char *s = txt_tok_norm(c->d, t);
  for (size_t k = 0; k < t->norm_len; k++)
    if (s[k] < '0' || s[k] > '9') return false;
  *v = (int)t->value;
  return true;
}

/* A day of month: 1-31, with an optional glued Latin ordinal ("19th"). */
static size_t dt_day(const dt_ctx *c, size_t i, int *day) {
  int v;
  if (!dt_int(c, i, 2, &v) || v < 1 || v > 31) return 0;
  *day = v;
  size_t n = 1;
  if (i + 1 < c->end) {
    const txt_token *a = dt_tok(c, i), *b = dt_tok(c, i + 1);
    const char *s = txt_tok_norm(c->d, b);
    if (b->kind == TXT_LATIN && b->norm_len == 2 &&
        b->norm_start == a->norm_start + a->norm_len &&
        (memcmp(s, "st", 2) == 0 || memcmp(s, "nd", 2) == 0 ||
         memcmp(s, "rd", 2) == 0 || memcmp(s, "th", 2) == 0))
      n = 2;
  }
  return n;
}

/* A month name, with an optional second name of the same month in
** brackets or after '/': "تشرين الأول (أكتوبر)", "أكتوبر/تشرين الأول". */
static size_t dt_month(const dt_ctx *c, size_t i, int *month, bool *hijri) {
  const txt_kv *kv = NULL;
  size_t n = dt_lookup(c, c->months, i, &kv);
  if (n == 0) return 0;
  *month = kv->value;
  *hijri = kv->kind == TXT_K_HIJRI;
  size_t j = i + n;
  const txt_kv *alt = NULL;
  size_t an;
  if (dt_punct(c, j, "(") && (an = dt_lookup(c, c->months, j + 1, &alt)) > 0 &&
      alt->value == kv->value && dt_punct(c, j + 1 + an, ")"))
    j += an + 2;
  else if (dt_punct(c, j, "/") &&
           (an = dt_lookup(c, c->months, j + 1, &alt)) > 0 &&
           alt->value == kv->value)
    j += an + 1;
  return j - i;
}

/* A year: a 3-4 digit integer, then an optional era word (م, هـ).  With
** hijri_hint (a Hijri month came before) or era هـ the year is Hijri. */
static size_t dt_year(const dt_ctx *c, size_t i, bool hijri_hint, int *year,
                      bool *hijri, bool need_era) {
  int v, era = -1;
  if (!dt_int(c, i, 4, &v)) return 0;
  size_t n = 1, e = dt_word(c, i + 1, TXT_K_ERA, &era);
  if (e > 0) n += e;
  else if (need_era) return 0;
  *hijri = era == 1 || (era != 0 && hijri_hint);
  if (*hijri ? (v < 1 || v > 1700) : (v < DT_MIN_YEAR || v > DT_MAX_YEAR))
    return 0;
  *year = v;
  return n;
}

static void dt_set_jdn(dt_res *r, long j) {
  dt_from_jdn(j, &r->y, &r->m, &r->d);
  r->prec = TXT_DATE_DAY;
}

/* Year for a yearless day/month (day 0 = whole month) in the calendar whose
** day numbering is jdn, starting from y, the document date's year in that
** calendar; next: the date was marked المقبل/القادم, so it lies after the
** document date (a whole month after the document's month).  Only
** Gregorian calls pass day 0: a Hijri month alone is not guessed. */
static int dt_guess_year(const dt_ctx *c, long (*jdn)(int, int, int), int y,
                         int m, int d, bool next) {
  if (next) {
    if (d > 0 ? jdn(y, m, d) <= c->doc_jdn : m <= c->d->doc_month) y++;
  } else if (jdn(y, m, d > 0 ? d : 1) > c->doc_jdn + DT_FUTURE_SLACK) {
    y--;
  }
  return y;
}

/* [day] month [alt] [,] [year [era]], or Latin "month day, year".
** month_alone: accept a bare month (a context word came before). */
static bool dt_explicit(const dt_ctx *c, size_t i, bool month_alone,
                        dt_res *r) {
  int day = 0, month = 0, year = 0;
  bool hmonth = false, hyear = false;
  size_t j = i, n = dt_day(c, j, &day);
  if (n > 0) {
    j += n;
    if (dt_tok(c, i)->kind == TXT_NUM && n == 2) j = dt_skip_comma(c, j);
  }
  size_t mn = dt_month(c, j, &month, &hmonth);
  if (mn == 0) return false;
  int prev_day;
  if (n == 0 && i > c->d->sentences[c->si].tok_start &&
      dt_int(c, i - 1, 2, &prev_day))
    return false;   /* "31 فبراير 2022" was rejected: no month fallback */
  bool latin_month = dt_tok(c, j)->kind == TXT_LATIN;
  j += mn;
  if (day == 0 && latin_month && (n = dt_day(c, j, &day)) > 0) j += n;
  size_t k = dt_skip_comma(c, j);
  if ((n = dt_year(c, k, hmonth, &year, &hyear, false)) > 0) {
    j = k + n;
  } else {
    year = 0;
    hyear = hmonth;
  }
  if (day == 0 && year == 0 && !month_alone) return false;
  /* "15 مارس المقبل": a yearless date marked next is the next such date
  ** after the document date, even when this year's lies long past. */
  int next_word = 0;
  size_t nn = year == 0 ? dt_word(c, j, TXT_K_NEXT, &next_word) : 0;
  memset(r, 0, sizeof *r);
  r->end = j + nn;
  if (hyear || hmonth) {
    r->hijri = true;
    if (year == 0) {   /* the Hijri year of the document date */
      if (!c->has_doc || day == 0) return false;
      int hy, hm, hd;
      dt_hijri_from_jdn(c->doc_jdn, &hy, &hm, &hd);
      year = dt_guess_year(c, dt_hijri_jdn, hy, month, day, nn > 0);
    }
    if (day > 30) return false;
    if (day == 0) {
      dt_from_jdn(dt_hijri_jdn(year, month, 1), &r->y, &r->m, &r->d);
      r->d = 0;
      r->prec = TXT_DATE_MONTH;
    } else {
      dt_set_jdn(r, dt_hijri_jdn(year, month, day));
    }
    return true;
  }
  if (year == 0) {
    if (!c->has_doc) return false;
    year = dt_guess_year(c, dt_jdn, c->d->doc_year, month, day, nn > 0);
    r->rel = false;
  }
  if (day > dt_mdays(year, month)) return false;
  r->y = year;
  r->m = month;
  r->d = day;
  r->prec = day > 0 ? TXT_DATE_DAY : TXT_DATE_MONTH;
  return true;
}

/* "2022-09-13", "13/9/2022", "13.9.2022" written without spaces. */
static bool dt_numeric(const dt_ctx *c, size_t i, dt_res *r) {
  const txt_token *t = dt_tok(c, i);
  if (t->kind != TXT_NUM) return false;
  const char *s = c->d->norm + t->norm_start;
  size_t lim = c->d->norm_len - t->norm_start, p = 0;
  int g[3] = {0, 0, 0};
  size_t glen[3] = {0, 0, 0};
  char sep = 0;
  for (int k = 0; k < 3; k++) {
    if (k > 0) {
      if (p >= lim || (s[p] != '/' && s[p] != '-' && s[p] != '.')) return false;
      if (sep == 0) sep = s[p];
      else if (s[p] != sep) return false;
      p++;
    }
    while (p < lim && s[p] >= '0' && s[p] <= '9' && glen[k] < 5) {
      g[k] = g[k] * 10 + (s[p] - '0');
      glen[k]++;
      p++;
    }
    if (glen[k] == 0) return false;
  }
  if (p < lim && s[p] >= '0' && s[p] <= '9') return false;
  int y, m, d;
  if (glen[0] == 4 && glen[1] <= 2 && glen[2] <= 2) {
    y = g[0];
    m = g[1];
    d = g[2];
  } else if (glen[2] == 4 && glen[0] <= 2 && glen[1] <= 2) {
    d = g[0];
    m = g[1];
    y = g[2];
  } else {
    return false;
  }
  if (y < DT_MIN_YEAR || y > DT_MAX_YEAR || m < 1 || m > 12 || d < 1 ||
      d > dt_mdays(y, m))
    return false;
  memset(r, 0, sizeof *r);
  r->y = y;
  r->m = m;
  r->d = d;
  r->prec = TXT_DATE_DAY;
  size_t j = i;
  uint32_t stop = t->norm_start + (uint32_t)p;
  while (j < c->end && dt_tok(c, j)->norm_start < stop) j++;
  r->end = j;
  return true;
}

/* A weekday name at i; *wd = 0..6.  Returns tokens. */
static size_t dt_weekday_name(const dt_ctx *c, size_t i, int *wd) {
  const txt_kv *kv = NULL;
  size_t n = dt_lookup(c, c->wd, i, &kv);
  if (n == 0) return 0;
  *wd = kv->value;
  return n;
}

static bool dt_part(const dt_ctx *c, size_t i, dt_res *r);

/* An ordinal day + من and its month at i ("الخامس من سبتمبر"): a part of
** two words or more (منتصف, مطلع are one, and vaguer than a weekday). */
static bool dt_ordinal_day(const dt_ctx *c, size_t i, dt_res *r) {
  int pv;
  return dt_word(c, i, TXT_K_PART, &pv) >= 2 && dt_part(c, i, r);
}

/* [lead words] weekday [past|next] [, explicit date]. */
static bool dt_weekday_phrase(const dt_ctx *c, size_t i, dt_res *r) {
  size_t j = i, n;
  int lv, w, dummy;
  for (int k = 0; k < 2; k++) {   /* "مساء يوم الاثنين" */
    if ((n = dt_word(c, j, TXT_K_LEAD, &lv)) == 0 || lv != 0) break;
    j += n;
  }
  if ((n = dt_weekday_name(c, j, &w)) == 0) return false;
  j += n;
  int dir = 0;
  if ((n = dt_word(c, j, TXT_K_PAST, &dummy)) > 0) {
    dir = -1;
    j += n;
  } else if ((n = dt_word(c, j, TXT_K_NEXT, &dummy)) > 0) {
    dir = 1;
    j += n;
  }
  size_t k = dt_skip_comma(c, j);
  if (k < c->end && (dt_numeric(c, k, r) || dt_explicit(c, k, false, r) ||
                     dt_ordinal_day(c, k, r)))
    return true;   /* the explicit date wins, an ordinal day too ("الثلاثاء
                      الخامس من سبتمبر"); r->end covers it */
  if (!c->has_doc) return false;
  int dow = dt_weekday(c->doc_jdn);
  long off;
  if (dir > 0) {
    off = (w - dow + 7) % 7;
    if (off == 0) off = 7;
  } else {
    off = -((dow - w + 7) % 7);
    if (dir < 0 && off == 0) off = -7;
  }
  memset(r, 0, sizeof *r);
  dt_set_jdn(r, c->doc_jdn + off);
  r->rel = true;
  r->bare_weekday = dir == 0;
  r->end = j;
  return true;
}

/* Apply a relative.txt entry (kind day/week/month/year, value offset). */
static bool dt_apply_relative(const dt_ctx *c, int kind, int value,
                              dt_res *r) {
  memset(r, 0, sizeof *r);
  r->rel = true;
  int y = c->d->doc_year, m = c->d->doc_month;
  switch (kind) {
  case TXT_K_DAY:
  case TXT_K_WEEK:
    dt_set_jdn(r, c->doc_jdn + value);
    return true;
  case TXT_K_MONTH: {
    long mi = (long)y * 12 + (m - 1) + value;
    r->y = (int)(mi / 12);
    r->m = (int)(mi % 12) + 1;
    r->prec = TXT_DATE_MONTH;
    return true;
  }
  case TXT_K_YEAR:
    r->y = y + value;
    r->prec = TXT_DATE_YEAR;
    return true;
  default:
    return false;
  }
}

/* أمس, الأسبوع الماضي ... (+ a weekday after a day word). */
static bool dt_relative(const dt_ctx *c, size_t i, dt_res *r) {
  const txt_kv *kv = NULL;
  size_t n = dt_lookup(c, c->rel, i, &kv);
  if (n == 0 || !c->has_doc) return false;
  if (!dt_apply_relative(c, kv->kind, kv->value, r)) return false;
  size_t j = dt_skip_comma(c, i + n);
  int w;
  size_t wn;
  if (kv->kind == TXT_K_DAY && (wn = dt_weekday_name(c, j, &w)) > 0)
    j += wn;   /* "أمس الاثنين": the weekday restates the day */
  else
    j = i + n;
  r->end = j;
  return true;
}

/* A year after a context word, or a year with its era ("1443 هـ"). */
static bool dt_year_alone(const dt_ctx *c, size_t i, bool need_era,
                          dt_res *r) {
  int y;
  bool hijri;
  size_t n = dt_year(c, i, false, &y, &hijri, need_era);
  if (n == 0 || dt_tok(c, i)->norm_len < (hijri ? 3u : 4u)) return false;
  if (dt_numeric(c, i, r)) return false;   /* "في 2022-09-13": not a year */
  memset(r, 0, sizeof *r);
  if (hijri) {
    int gm, gd;
    dt_from_jdn(dt_hijri_jdn(y, 1, 1), &r->y, &gm, &gd);
    r->hijri = true;
  } else {
    r->y = y;
  }
  r->prec = TXT_DATE_YEAR;
  r->end = i + n;
  return true;
}

/* Context word (عام, في, منذ, شهر ...) + year or bare month. */
static bool dt_context(const dt_ctx *c, size_t i, dt_res *r) {
  int lv;
  size_t n = dt_word(c, i, TXT_K_LEAD, &lv);
  if (n == 0 || lv < 1) return false;
  if (dt_explicit(c, i + n, true, r)) return true;
  if (lv == 1 && dt_year_alone(c, i + n, false, r)) return true;
  return false;
}

/* منتصف/مطلع/أواخر + month, relative month/year or year. */
static bool dt_part(const dt_ctx *c, size_t i, dt_res *r) {
  int pv, lv;
  size_t n = dt_word(c, i, TXT_K_PART, &pv);
  if (n == 0) return false;
  size_t j = i + n, ln = dt_word(c, j, TXT_K_LEAD, &lv);
  if (ln > 0 && lv >= 1) j += ln;   /* "منتصف شهر", "مطلع عام" */
  const txt_kv *kv = NULL;
  size_t rn = dt_lookup(c, c->rel, j, &kv);
  if (rn > 0 && c->has_doc &&
      (kv->kind == TXT_K_MONTH || kv->kind == TXT_K_YEAR ||
       kv->kind == TXT_K_WEEK)) {
    if (!dt_apply_relative(c, kv->kind, kv->value, r)) return false;
    r->end = j + rn;
  } else if (!dt_explicit(c, j, true, r) && !dt_year_alone(c, j, false, r)) {
    return false;
  }
  if (r->prec == TXT_DATE_MONTH && pv > 0 && !r->hijri) {
    r->d = pv;
    r->prec = TXT_DATE_DAY;
  }
  return true;
}

/* The date starting at token i, if any: the first form that reads one,
** in this order.  A number is no table entry, so of the forms only those
** that start with a number can match at one (dt_numeric, dt_explicit's
** day, dt_year_alone's year); at a word, only those that start with an
** entry.  Asking each token only its own forms keeps the order and
** spares the others' calls. */
static bool dt_at(const dt_ctx *c, size_t i, dt_res *r) {
  if (dt_tok(c, i)->kind == TXT_NUM)
    return dt_numeric(c, i, r) || dt_explicit(c, i, false, r) ||
           dt_year_alone(c, i, true, r);
  return dt_part(c, i, r) || dt_weekday_phrase(c, i, r) ||
         dt_relative(c, i, r) || dt_explicit(c, i, false, r) ||
         dt_context(c, i, r);
}

/* Drop the numbers of sentence si that overlap one of its dates. */
static void dt_remove_numbers(txt_doc *d, size_t si, size_t first_date) {
  size_t k = d->n_numbers;
  while (k > 0 && d->numbers[k - 1].sentence == si) k--;
  size_t w = k;
  for (size_t r = k; r < d->n_numbers; r++) {
    const txt_number *nb = &d->numbers[r];
    bool hit = false;
    for (size_t q = first_date; q < d->n_dates && !hit; q++) {
      const txt_date *dt = &d->dates[q];
      hit = nb->tok_start < dt->tok_start + dt->tok_count &&
            dt->tok_start < nb->tok_start + nb->tok_count;
    }
    if (!hit) d->numbers[w++] = *nb;
  }
  d->n_numbers = w;
}

/* See text.h.  Sentence si must be tokenized; *cap is the allocated length
** of doc->dates (0 at the start of a document).  Returns WASIT_OK or
** WASIT_ENOMEM (doc->dates then holds what was found before). */
int txt_dates_find(txt_doc *doc, wa_arena *ar, size_t si, size_t *cap) {
  if (si >= doc->n_sentences) return WASIT_OK;
  const txt_sentence *s = &doc->sentences[si];
  dt_ctx c = {doc,
              txt_doc_table(doc->tab_months, "months"),
              txt_doc_table(doc->tab_weekdays, "weekdays"),
              txt_doc_table(doc->tab_relative, "relative"),
              si,
              (size_t)s->tok_start + s->tok_count,
              false,
              0,
              NULL,
              NULL,
              s->tok_start,
              NULL};
  uint8_t memo[DT_MEMO_TOKENS * DT_T_COUNT];
  const txt_kv *memo_kv[DT_MEMO_TOKENS * DT_T_COUNT];
  uint8_t gate[DT_MEMO_TOKENS];
  bool ready = false;   /* memos and doc date set: at the first token */
  size_t first = doc->n_dates;
  for (size_t i = s->tok_start;
       (i = txt_next_gated(doc->tokens, i, c.end, DT_GATE_DATES)) < c.end;) {
    if (!ready) {   /* a sentence with no such token (a quarter) skips it */
      ready = true;
      if (s->tok_count <= DT_MEMO_TOKENS) {
        memset(memo, 0, (size_t)s->tok_count * DT_T_COUNT);
        memset(gate, 0, s->tok_count);
        c.memo = memo;
        c.memo_kv = memo_kv;
        c.gate = gate;
      }
      if (doc->doc_year > 0 && doc->doc_month >= 1 && doc->doc_month <= 12 &&
          doc->doc_day >= 1 &&
          doc->doc_day <= dt_mdays(doc->doc_year, doc->doc_month)) {
        c.has_doc = true;
        c.doc_jdn = dt_jdn(doc->doc_year, doc->doc_month, doc->doc_day);
      }
    }
    dt_res r;
    if (!dt_may_start(&c, i) || !dt_at(&c, i, &r) || r.end <= i) {
      i++;
      continue;
    }
    if (doc->n_dates == *cap &&
        !arena_grow(ar, (void **)&doc->dates, cap, doc->n_dates + 1,
                    sizeof *doc->dates))
      return WASIT_ENOMEM;
    txt_date *dt = &doc->dates[doc->n_dates++];
    dt->year = r.y;
    dt->month = r.prec >= TXT_DATE_MONTH ? r.m : 0;
    dt->day = r.prec == TXT_DATE_DAY ? r.d : 0;
    dt->precision = (uint8_t)r.prec;
    dt->relative = r.rel;
    dt->hijri = r.hijri;
    dt->bare_weekday = r.bare_weekday;
    dt->sentence = (uint32_t)si;
    dt->tok_start = (uint32_t)i;
    dt->tok_count = (uint32_t)(r.end - i);
    i = r.end;
  }
  if (doc->n_dates > first) dt_remove_numbers(doc, si, first);
  return WASIT_OK;
}
