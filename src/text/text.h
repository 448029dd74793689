/*
** text.h: internal interface of the text layer (src/text), stage 1 of the
** pipeline.  Input: raw bytes of one article (maybe invalid UTF-8, maybe a
** scraped web page).  Output: a txt_doc whose sentences, tokens, numbers and
** dates the coder reads.  The text layer knows nothing of dictionaries.
**
** Data flow inside txt_analyze():
**   utf8.c       repair invalid UTF-8 (U+FFFD), count replacements
**   furniture.c  mark page-furniture lines to drop (share buttons, comment
**                forms, "read also" lists and everything after them)
**   sentence.c   split the kept lines into sentences (byte spans)
**   normalize.c  Arabic normalization for matching (table generated from
**                dict/ar/text/normalize.txt)
**   token.c      tokens with clitic split candidates
**   number.c     numbers in digits and in words
**   date.c       dates, resolved against the document date
**
** Offsets: `text` is the repaired original; `norm` is one normalized buffer
** holding every sentence's normalized form, sentences separated by '\n'.
** Token spans point into both.  All memory comes from the caller's arena.
** Strings in tables (months, number words ...) are stored normalized.
*/
#ifndef WASIT_TEXT_H
#define WASIT_TEXT_H

#include "../base/base.h"
#include <string.h>

/* ------------------------------------------------------------------ UTF-8 */

/* Decode one code point at s[0..n).  Returns its length (1..4) and sets *cp;
** on an invalid or truncated sequence sets *cp = 0xFFFD and returns the
** number of bytes to skip (>= 1).  n must be >= 1. */
int txt_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* txt_utf8_decode with the common cases inline: ASCII and the valid
** two-byte sequences (all of Arabic) cost no call.  Same contract and
** results as txt_utf8_decode. */
static inline int txt_utf8_next(const unsigned char *s, size_t n,
                                uint32_t *cp) {
  unsigned char b = s[0];
  if (b < 0x80) {
    *cp = b;
    return 1;
  }
  if (b >= 0xC2 && b <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
    *cp = ((uint32_t)(b & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  return txt_utf8_decode(s, n, cp);
}
/* Encode cp into out (>= 4 bytes); returns the length. */
int txt_utf8_encode(uint32_t cp, char *out);
/* Copy `text` replacing every invalid sequence and NUL byte by U+FFFD.
** When nothing needs repair, *out = text (no copy).  *n_bad counts
** replacements.  Returns WASIT_OK or WASIT_ENOMEM. */
int txt_utf8_repair(wa_arena *ar, const char *text, size_t len,
                    const char **out, size_t *out_len, size_t *n_bad);

/* ---------------------------------------------------------- normalization */

/* One normalization rule: code point `from` becomes the UTF-8 string `to`
** ("" deletes it).  Tables are sorted by `from`. */
typedef struct txt_normrule {
  uint32_t from;
  const char *to;
} txt_normrule;

typedef struct txt_normmap {
  const txt_normrule *rules;
  size_t n_rules;
  /* optional (NULL: binary search): for U+0600..U+06FF, 1 + the index of
  ** the code point's rule, or 0 when it has none (generated tables) */
  const uint16_t *arabic_index;
  /* optional (NULL: none), with arabic_index: for U+0600..U+067F (the
  ** two-byte code points led by D8 or D9, at ((b0 & 1) << 6) | (b1 &
  ** 0x3F)), what the map makes of it when that is one letter U+0620..
  ** U+064A: its two UTF-8 bytes as b0 << 8 | b1; 1 when it is deleted;
  ** 0 for anything else.  The tokenizer's word loop reads it instead of
  ** following arabic_index to the rule (generated tables). */
  const uint16_t *arabic_letter;
} txt_normmap;

/* Two code points at u[0..4) in one step, for the letter loops of
** token.c, furniture.c and normalize.c, which read most of the text:
** when both are led by D8 or D9 (U+0600..U+067F; in valid UTF-8 a
** continuation byte follows each lead) and `letters` (a txt_normmap's
** arabic_letter) makes both of them letters, sets *r0 and *r1 to their
** values and returns true, else false (*r0 and *r1 then hold whatever
** was read, or nothing).  The caller has 4 bytes at u.  Why: one load
** and one test for both leads (the compiler merges the byte loads),
** where a code point a step cost about twice the instructions; and one
** test for both letters, by the invariant that every letter's value
** (U+0620..U+064A: D8 A0 .. D9 8A) has D8 or D9 in its high byte, and
** every other value is 0 or 1, so r0 & r1 is above 1 exactly when both
** are (test_letter_pair checks this against each value alone). */
static inline bool txt_letter_pair(const uint16_t *letters,
                                   const unsigned char *u, unsigned *r0,
                                   unsigned *r1) {
  uint32_t w = (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 |
               (uint32_t)u[3] << 24;
  if ((w & 0x00FE00FEu) != 0x00D800D8u) return false;
  *r0 = letters[((w & 1u) << 6) | ((w >> 8) & 0x3Fu)];
  *r1 = letters[((w >> 10) & 0x40u) | ((w >> 24) & 0x3Fu)];
  return (*r0 & *r1) > 1;
}
/* Write the letters r0 and r1 (arabic_letter values: b0 << 8 | b1) at
** o[0..4).  Byte-swapped 16-bit stores where the target is little-endian:
** two moves where four byte stores became a dozen instructions. */
static inline void txt_put_letter_pair(char *o, unsigned r0, unsigned r1) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint16_t m0 = __builtin_bswap16((uint16_t)r0);
  uint16_t m1 = __builtin_bswap16((uint16_t)r1);
  memcpy(o, &m0, 2);
  memcpy(o + 2, &m1, 2);
#else
  o[0] = (char)(r0 >> 8);
  o[1] = (char)r0;
  o[2] = (char)(r1 >> 8);
  o[3] = (char)r1;
#endif
}

/* The built-in map, generated from dict/ar/text/normalize.txt. */
const txt_normmap *txt_default_normmap(void);

/* Normalize s[0..len) for matching: NFKC of presentation forms, then the
** map (alef/hamza forms -> alef, alef maqsura -> ya, ta marbuta -> ha,
** harakat/dagger alef/tatweel removed, Arabic-Indic and Persian digits ->
** ASCII), ASCII letters lowered.  Appends to `out`; if `offsets` is
** non-NULL, appends for every output byte the input byte index it came
** from, as one uint32_t (so norm spans map back to the original).
** Returns WASIT_OK or WASIT_ENOMEM. */
int txt_normalize_with(const txt_normmap *map, const char *s, size_t len,
                       wa_buf *out, wa_buf *offsets);
/* Normalize with the default map into an arena string (NUL-terminated). */
char *txt_normalize_str(wa_arena *ar, const char *s, size_t len,
                        size_t *out_len);
/* Normalize one code point (the step txt_normalize_with repeats): writes
** its normalized UTF-8 to out (room for TXT_NORM_CP_MAX bytes) and returns
** the length (0: deleted).  For callers with their own output buffer. */
#define TXT_NORM_CP_MAX 96
int txt_normalize_cp(const txt_normmap *map, uint32_t cp, char *out);

/* ------------------------------------------------------------- documents */

typedef struct txt_range {
  uint32_t start, len;
} txt_range;

enum txt_token_kind {
  TXT_WORD = 0,  /* Arabic word */
  TXT_NUM,       /* digits, value in txt_token.value */
  TXT_PUNCT,     /* punctuation: one token per mark */
  TXT_LATIN,     /* Latin-script word */
  TXT_OTHER
};

/* Clitic flags of one split. */
enum txt_clitic {
  TXT_CL_WA = 1 << 0,   /* و conjunction */
  TXT_CL_FA = 1 << 1,   /* ف conjunction */
  TXT_CL_BI = 1 << 2,   /* ب preposition */
  TXT_CL_LI = 1 << 3,   /* ل preposition (also لل = ل + ال) */
  TXT_CL_KA = 1 << 4,   /* ك preposition */
  TXT_CL_AL = 1 << 5,   /* ال definite article */
  TXT_CL_SA = 1 << 6,   /* س future prefix */
  TXT_CL_ENC = 1 << 7   /* an enclitic pronoun was removed */
};

#define TXT_MAX_SPLITS 8

/* One reading of a token: stem = norm[norm_start+pre .. norm_start+norm_len-suf). */
typedef struct txt_split {
  uint8_t pre, suf;    /* bytes removed at the front and at the back */
  uint8_t clitics;     /* enum txt_clitic bits */
  uint16_t sig;        /* TXT_WORD/TXT_LATIN: txt_word_sig() of the stem,
                          computed once for the table filters of numbers.c
                          and date.c; 0 for other kinds */
} txt_split;

typedef struct txt_token {
  uint32_t norm_start, norm_len;   /* span in txt_doc.norm */
  uint32_t orig_start, orig_len;   /* span in txt_doc.text */
  uint8_t kind;                    /* enum txt_token_kind */
  uint8_t n_splits;                /* >= 1; splits[0] is the whole token */
  uint8_t gate;                    /* 0, or txt_word_gate() of the token
                                      (kept in the word memo) */
  const txt_split *splits;         /* n_splits readings, most plausible
                                      first: in the word memo's record of
                                      the form, which lasts while the
                                      document is read (see token.c), in
                                      the document's arena, or a static
                                      split for kinds that are no word */
  uint32_t form;                   /* TXT_WORD: the id of its form in the
                                      document's word memo (txt_memo), which
                                      keys the coder's key memo too: words
                                      with the same nonzero form have the
                                      same normalized bytes, and one memo
                                      never gives an id to two forms (see
                                      token.c); 0 when the word is not kept
                                      there (no memo, a long word, or its
                                      memo slot is held by another word of
                                      this document) and for the other
                                      kinds */
  double value;                    /* TXT_NUM: numeric value */
} txt_token;

typedef struct txt_sentence {
  uint32_t orig_start, orig_len;   /* span in txt_doc.text, trimmed */
  uint32_t norm_start, norm_len;   /* span in txt_doc.norm */
  uint32_t tok_start, tok_count;   /* range in txt_doc.tokens */
  bool live_entry;                 /* the first sentence of a live-page
                                      entry, its head cut off (sentence.c) */
  uint8_t line_lead;               /* enum txt_line_lead: what stands before
                                      it on its line */
  bool dateline;                   /* a line that is only a dateline ("عدن -
                                      خاص - 31 يناير 2018 -", sentence.c):
                                      read for its place, it tells nothing;
                                      the next line's first sentence is
                                      TXT_HEAD_CUT */
} txt_sentence;

/* What stands before a sentence on its line (txt_sentence.line_lead):
** nothing (TXT_LINE_START); only a dateline or a live entry's head that
** sentence.c cut off, "بيشاور (باكستان) -", "القاهرة 12 مايو (رويترز) -",
** "16:20 - عاجل |", or a line above that is only a dateline
** (TXT_HEAD_CUT); or another sentence (TXT_MID_LINE).
** The coder reads a story's openings from it: where a dateline may name
** a state, where a page of several stories starts an item. */
enum txt_line_lead { TXT_MID_LINE, TXT_LINE_START, TXT_HEAD_CUT };

enum txt_date_precision { TXT_DATE_YEAR = 1, TXT_DATE_MONTH = 2, TXT_DATE_DAY = 3 };

typedef struct txt_date {
  int year, month, day;            /* Gregorian; month/day 0 when unknown */
  uint8_t precision;               /* enum txt_date_precision */
  uint8_t relative;                /* 1 when resolved from the doc date
                                      (weekday, أمس, الأسبوع الماضي) */
  uint8_t hijri;                   /* 1 when converted from a Hijri date */
  uint8_t bare_weekday;            /* 1: a weekday with no past/next word
                                      ("الثلاثاء"), resolved to the last one
                                      on or before the doc date; a plan
                                      for that day means the next one
                                      (txt_days_later) */
  uint32_t sentence;               /* sentence index */
  uint32_t tok_start, tok_count;   /* tokens that expressed it */
} txt_date;

typedef struct txt_number {
  double value;
  uint8_t approx;                  /* "أكثر من", "نحو", "مئات" ... */
  uint32_t sentence;
  uint32_t tok_start, tok_count;
} txt_number;

typedef struct txt_doc {
  const char *text;                /* repaired original, text_len bytes */
  size_t text_len;
  char *norm;                      /* normalized sentences, '\n'-separated */
  size_t norm_len;
  txt_sentence *sentences;  size_t n_sentences;
  txt_token *tokens;        size_t n_tokens;
  txt_number *numbers;      size_t n_numbers;   /* in text order */
  txt_date *dates;          size_t n_dates;     /* in text order */
  size_t invalid_utf8;             /* replacements made */
  size_t dropped_lines;            /* furniture lines dropped */
  int doc_year, doc_month, doc_day;/* parsed document date, 0 if none */
  size_t norm_cap;                 /* token.c: bytes allocated for norm */
  /* The tables numbers.c and date.c look up in every sentence, found once
  ** per document by txt_analyze (txt_table_get compares names); NULL:
  ** look it up (see txt_doc_table). */
  const struct txt_table *tab_numbers, *tab_weekdays, *tab_months,
      *tab_relative;
  struct txt_memo *memo;           /* token.c: word splits memo, or NULL */
  uint32_t memo_doc;               /* the document stamp txt_memo_doc gave
                                      memo for this document: token.c
                                      asserts it is memo's current one */
} txt_doc;

/* A memo of the clitic splits of recent word forms (token.c), kept by a
** caller that analyzes many documents on one thread (the coder).  It
** changes no result, only how often word_splits runs.  Its entries are
** the records of the forms: the word tokens of the document being read
** point into them (txt_token.splits; see txt_memo_doc). */
typedef struct txt_memo txt_memo;
/* The longest word (normalized bytes) the memo keeps, and so gives a
** form (txt_token.form). */
#define TXT_MEMO_WORD_MAX 32
/* A new empty memo, or NULL when out of memory; release it with
** txt_memo_free (NULL is fine) and the same allocator. */
txt_memo *txt_memo_new(const wasit_allocator *alloc);
void txt_memo_free(txt_memo *m, const wasit_allocator *alloc);
/* Begin a document analyzed through m: the tokens of the last one may
** point into m (txt_token.splits), and their records may be replaced from
** now on.  Returns the new document's stamp, for txt_doc.memo_doc: a
** caller that tokenizes through m without txt_analyze_memo (which calls
** it first) must call it and store the stamp, or token.c's assert
** fails. */
uint32_t txt_memo_doc(txt_memo *m);
/* Set d's tab_* fields from memo m (non-NULL), which looked them up once
** when it was made. */
void txt_memo_tables(const txt_memo *m, txt_doc *d);

/* The direct-mapped memos (this one, and the coder's key memo) are not
** cleared when made, so that they cost no start-up time: a bitmap of
** `used` bits at the start of the block says which slots hold an entry.
** txt_memo_block allocates such a block of `size` bytes whose first
** `used_bytes` (the bitmap) are zero, in huge pages (wa_alloc_huge: the
** memos are probed at random); NULL when out of memory; release it with
** wa_free_huge. */
void *txt_memo_block(const wasit_allocator *alloc, size_t size,
                     size_t used_bytes);
static inline bool txt_memo_used(const uint64_t *used, uint32_t slot) {
  return (used[slot / 64] >> (slot % 64)) & 1u;
}
static inline void txt_memo_set_used(uint64_t *used, uint32_t slot) {
  used[slot / 64] |= (uint64_t)1 << (slot % 64);
}

/* Run the whole text layer over one document.  `doc_date` is "YYYY-MM-DD"
** or NULL.  All output lives in `ar`.  Returns WASIT_OK, WASIT_ENOMEM, or
** WASIT_EINVAL for a malformed doc_date. */
int txt_analyze(txt_doc *out, wa_arena *ar, const char *text, size_t len,
                const char *doc_date, wasit_error *err);
/* txt_analyze with a word splits memo (may be NULL); same result.  The
** tokens of the document analyzed through memo before this one point
** into it (txt_token.splits): they must not be read after this call
** (txt_memo_doc). */
int txt_analyze_memo(txt_doc *out, wa_arena *ar, txt_memo *memo,
                     const char *text, size_t len, const char *doc_date,
                     wasit_error *err);

/* ------------------------------------------------- stages of txt_analyze */

/* furniture.c: the byte ranges of `text` to keep (whole lines, in order).
** Lines that are page furniture are left out and counted in *dropped;
** a "read also"-type marker line drops everything after it. */
int txt_furniture_scan(wa_arena *ar, const char *text, size_t len,
                       txt_range **kept, size_t *n_kept, size_t *dropped);

/* sentence.c: split the kept ranges (lines: no '\n' inside) into
** sentences, appended as orig spans (trimmed of white space) to *sents.
** The splitter alone; txt_analyze finds the same sentences in the
** tokenizer's pass (txt_tokenize_line) through the three steps below. */
int txt_sentences_split(wa_arena *ar, const char *text, const txt_range *kept,
                        size_t n_kept, txt_range **sents, size_t *n_sents);

/* One kept line as the sentence splitter reads it: t[a..b) is the line
** trimmed of white space. */
typedef struct txt_line {
  const char *t;
  size_t a, b;
  bool live;     /* it opened with a live-page entry's head ("14:35 - عاجل |") */
  bool dateline; /* it is only a dateline, kept whole as one sentence */
  uint8_t lead;  /* enum txt_line_lead of its first sentence */
} txt_line;
/* Open the line t[lo..hi) (valid UTF-8, no '\n'): trim it, cut off its
** dateline or live head, mark what stands before its first sentence
** (ln->lead, ln->live), and return where that sentence, the first with
** content, starts (b when it has none).  A line that is only a dateline
** is not cut: ln->dateline, and its one sentence starts at a. */
size_t txt_line_open(txt_line *ln, const char *t, size_t lo, size_t hi);
/* The start of the first sentence with content (a letter or a digit) at
** or after i, where a sentence ended or the dateline was cut; ln->b when
** there is none.  The sentences without content in between are skipped,
** as txt_sentences_split skips them. */
size_t txt_line_next(const txt_line *ln, size_t i);
/* When the code point cp at t[i] ends the sentence it is in (an end mark
** that is no abbreviation or decimal point): the end of that sentence,
** just after the run of end marks and the closers after it (> i).  0 when
** it ends none.  Only end marks do (txt_is_end_mark). */
size_t txt_line_end_at(const txt_line *ln, size_t i, uint32_t cp);
/* Can code point cp end a sentence: . ! ? ؟ … ۔ (see sentence.c)?  The
** tokenizer asks it of every code point of its general step. */
static inline bool txt_is_end_mark(uint32_t cp) {
  if (cp < 64)   /* '!' 33, '.' 46, '?' 63 */
    return (((uint64_t)1 << '!' | (uint64_t)1 << '.' | (uint64_t)1 << '?') >>
            cp) & 1u;
  return cp == 0x061F /* ؟ */ || cp == 0x2026 /* … */ || cp == 0x06D4 /* ۔ */;
}

/* token.c: tokenize sentence `s` (index si) of doc: appends its normalized
** form to doc->norm and its tokens to doc->tokens, filling the sentence's
** spans.  doc->text must be valid UTF-8 (txt_utf8_repair output) and the
** sentence's span must lie on code point boundaries. */
int txt_tokenize_sentence(txt_doc *doc, wa_arena *ar, size_t si,
                          size_t *tok_cap);
/* token.c: the same for the sentence of line ln that starts at
** doc->sentences[si].orig_start (a txt_line_open or txt_line_next
** result < ln->b): tokenizes it up to its end, which it finds as it
** reads (txt_line_end_at), and sets its orig_len. */
int txt_tokenize_line(txt_doc *doc, wa_arena *ar, size_t si, size_t *tok_cap,
                      const txt_line *ln);

/* Helpers for later stages. */
static inline const char *txt_tok_norm(const txt_doc *d, const txt_token *t) {
  return d->norm + t->norm_start;
}
/* Does token t's normalized form end in the bytes of suf (a UTF-8
** literal: "\xd8\xa7" for ا)?  The coding rules read endings of number,
** gender and pronouns this way. */
static inline bool txt_tok_ends(const txt_doc *d, const txt_token *t,
                                const char *suf) {
  size_t n = strlen(suf);
  return t->norm_len >= n &&
         memcmp(d->norm + t->norm_start + t->norm_len - n, suf, n) == 0;
}
/* The same for token t's original spelling, for the letters normalization
** merges (ة with ه, ى with ي). */
static inline bool txt_tok_orig_ends(const txt_doc *d, const txt_token *t,
                                     const char *suf) {
  size_t n = strlen(suf);
  return t->orig_len >= n &&
         memcmp(d->text + t->orig_start + t->orig_len - n, suf, n) == 0;
}
/* The stem of split k of token t: *len set to its byte length. */
static inline const char *txt_tok_stem(const txt_doc *d, const txt_token *t,
                                       int k, size_t *len) {
  const txt_split *sp = &t->splits[k];
  *len = t->norm_len - sp->pre - sp->suf;
  return d->norm + t->norm_start + sp->pre;
}

/* number.c: find numbers in sentence si (appends to doc->numbers). */
int txt_numbers_find(txt_doc *doc, wa_arena *ar, size_t si, size_t *cap);

/* date.c: parse "YYYY-MM-DD" into y/m/d; returns false when malformed. */
bool txt_parse_iso_date(const char *s, int *y, int *m, int *d);
/* date.c: find dates in sentence si (appends to doc->dates), resolving
** relative ones against doc->doc_year/month/day. */
int txt_dates_find(txt_doc *doc, wa_arena *ar, size_t si, size_t *cap);
/* date.c: the Gregorian date `days` days after y-m-d (negative: before). */
void txt_days_later(int y, int m, int d, int days, int *oy, int *om, int *od);
/* date.c: Hijri (islamic civil, tabular) to Gregorian. */
void txt_hijri_to_gregorian(int hy, int hm, int hd, int *y, int *m, int *d);

/* ------------------------------------------------------ generated tables */
/* tables.c is generated by tools/gentables from dict/ar/text/NAME.txt; its
** keys are normalized with the same map.  Do not edit it by hand. */

/* The words allowed in the `kind` column of dict/ar/text/NAME.txt, and the
** enum the generated tables use for them.  Add a kind here (one line) and
** both the generator and the readers see it. */
#define TXT_KINDS(X)                                                      \
  X(NONE, "")                                                             \
  X(GREGORIAN, "gregorian") X(SYRIAC, "syriac") X(MAGHREB, "maghreb")     \
  X(HIJRI, "hijri")                                                       \
  X(UNIT, "unit") X(MULTIPLIER, "multiplier") X(APPROX, "approx")         \
  X(DAY, "day") X(WEEK, "week") X(MONTH, "month") X(YEAR, "year")         \
  X(DROP, "drop") X(READALSO, "readalso")                                \
  X(PLURAL, "plural") X(PAST, "past") X(NEXT, "next") X(LEAD, "lead")     \
  X(PART, "part") X(ERA, "era")

#define TXT_KIND_ENUM(name, word) TXT_K_##name,
enum txt_kind { TXT_KINDS(TXT_KIND_ENUM) TXT_K_COUNT };
#undef TXT_KIND_ENUM

/* Generic table file format (all of dict/ar/text/ but normalize.txt):
**     phrases | value | kind
** phrases: comma-separated, normalized by the generator; value: integer
** (default 0); kind: one of TXT_KINDS (default ""). One txt_kv per phrase,
** sorted by key (bytewise) so readers can bsearch. */
typedef struct txt_kv {
  const char *key;    /* normalized phrase (words separated by one space) */
  int value;          /* meaning depends on the table */
  int kind;           /* meaning depends on the table */
} txt_kv;

typedef struct txt_table {
  const txt_kv *items;
  size_t n;
  /* optional index made by the generator (NULL: binary search): open
  ** addressing over txt_hash(key) with linear probing; hash_mask + 1
  ** slots, slot i is hash[2i] = txt_hash of its key and hash[2i+1] = 0
  ** (empty) or 1 + the item's index */
  const uint32_t *hash;
  uint32_t hash_mask;
  /* optional first-word filter made by the generator (NULL: none): a
  ** TXT_FIRST_BITS-bit set holding txt_first_sig() of the first word of
  ** every key.  A probe whose first word's bit is clear starts no entry,
  ** so callers skip it without building keys or hashing (see
  ** txt_table_may_start). */
  const uint64_t *first;
  /* optional phrase-prefix filter (NULL: none): a TXT_FIRST_BITS-bit set
  ** holding txt_hash(p) & (TXT_FIRST_BITS - 1) of every proper word prefix
  ** p of a key ("a", "a b" of "a b c").  A phrase whose bit is clear
  ** extends to no key (see txt_table_may_extend). */
  const uint64_t *prefix;
  /* optional later-word filter (NULL: none): a TXT_FIRST_BITS-bit set
  ** holding txt_hash(w) & (TXT_FIRST_BITS - 1) of every word w of a key
  ** but its first ("b", "c" of "a b c").  A word whose bit is clear is
  ** no key's second, third ... word (see txt_table_may_continue). */
  const uint64_t *later;
} txt_table;

/* Bits in a txt_table's first-word filter (a power of two). */
#define TXT_FIRST_BITS 16384u

/* The filter bit of the word w[0..n), which holds no ' '.  Mixes the
** word's length, first 4 and last 2 bytes: a few operations, no loop over
** the word.  Shared by the generator and the readers. */
static inline uint32_t txt_word_sig(const char *w, size_t n) {
  const unsigned char *u = (const unsigned char *)w;
  uint32_t head;
  if (n >= 4) {
    head = (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 |
           u[3];
  } else {
    head = 0;
    for (size_t i = 0; i < 4; i++) head = (head << 8) | (i < n ? u[i] : 0u);
  }
  uint32_t tail = n >= 2 ? ((uint32_t)u[n - 2] << 8 | u[n - 1])
                         : (n == 1 ? u[0] : 0u);
  uint32_t h = head * 0x9E3779B1u ^ (tail + ((uint32_t)n << 16)) * 0x85EBCA77u;
  h ^= h >> 15;
  h *= 0x2C1B3C6Du;
  h ^= h >> 13;
  return h & (TXT_FIRST_BITS - 1);
}

/* The filter bit of the first word of s[0..len) (the bytes before the
** first ' '). */
static inline uint32_t txt_first_sig(const char *s, size_t len) {
  size_t n = 0;
  while (n < len && s[n] != ' ') n++;
  return txt_word_sig(s, n);
}

/* Is bit g (a txt_word_sig/txt_first_sig value) set in t's filter?  true
** also when t has no filter; false when t is NULL. */
static inline bool txt_table_sig_in(const txt_table *t, uint32_t g) {
  if (t == NULL) return false;
  if (t->first == NULL) return true;
  return (t->first[g >> 6] >> (g & 63)) & 1u;
}

/* May some key of t begin with the first word of s[0..len)?  false means
** certainly not (so no key equals s, nor s + " " + more words); true means
** maybe.  A NULL t starts nothing; a table without a filter says maybe. */
static inline bool txt_table_may_start(const txt_table *t, const char *s,
                                       size_t len) {
  if (t == NULL) return false;
  if (t->first == NULL) return true;
  uint32_t g = txt_first_sig(s, len);
  return (t->first[g >> 6] >> (g & 63)) & 1u;
}

/* The hash of s[0..len) used by the generated table indexes; the
** generator and txt_table_find share this one definition.  Only the
** length, the first 8 and the last 8 bytes are mixed, so probing with long
** phrases costs O(1); 4 to 7 bytes are read as two overlapping 4-byte
** words (most Arabic words of two or three letters), not byte by byte.
** May depend on byte order: tables are generated on the build host. */
static inline uint32_t txt_hash(const char *s, size_t len) {
  uint64_t a = 0, b = 0;
  if (len >= 8) {
    memcpy(&a, s, 8); /* fixed sizes: plain loads, no call */
    memcpy(&b, s + len - 8, 8);
  } else if (len >= 4) {
    uint32_t x, y;
    memcpy(&x, s, 4);
    memcpy(&y, s + len - 4, 4);
    a = b = (uint64_t)x << 32 | y;
  } else {
    for (size_t i = 0; i < len; i++) a = (a << 8) | (unsigned char)s[i];
    b = a;
  }
  uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^
               ((b + (uint64_t)len) * 0xC2B2AE3D27D4EB4FULL);
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  return (uint32_t)(h ^ (h >> 32));
}

/* Does the hashed-bytes filter `bits` (a TXT_FIRST_BITS-bit set, NULL:
** none, which passes everything) hold txt_hash(s[0..len))?  The phrase
** prefix and later-word filters of a table are such sets. */
static inline bool txt_filter_has(const uint64_t *bits, const char *s,
                                  size_t len) {
  if (bits == NULL) return true;
  uint32_t g = txt_hash(s, len) & (TXT_FIRST_BITS - 1);
  return (bits[g >> 6] >> (g & 63)) & 1u;
}

/* May some key of t be s[0..len) + " " + more words?  false means
** certainly not, so a caller growing a phrase word by word can stop;
** true means maybe (always true for a table without the filter). */
static inline bool txt_table_may_extend(const txt_table *t, const char *s,
                                        size_t len) {
  if (t == NULL) return false;
  return txt_filter_has(t->prefix, s, len);
}

/* May the word w[0..len) (one word: no ' ') stand in some key of t after
** its first word?  false means certainly not, so a caller growing a
** phrase word by word can stop before adding w; true means maybe (always
** true for a table without the filter). */
static inline bool txt_table_may_continue(const txt_table *t, const char *w,
                                          size_t len) {
  if (t == NULL) return false;
  return txt_filter_has(t->later, w, len);
}

/* Each table, by the base name of the file it came from ("months"),
** or NULL when there is no such table. */
const txt_table *txt_table_get(const char *name);
/* The entry whose key equals s[0..len), or NULL (binary search). */
const txt_kv *txt_table_find(const txt_table *t, const char *s, size_t len);
/* `cached` (a txt_doc tab_* field) when set, else txt_table_get(name). */
static inline const txt_table *txt_doc_table(const txt_table *cached,
                                             const char *name) {
  return cached != NULL ? cached : txt_table_get(name);
}

/* Bits of txt_word_gate(): which of d's tables may hold an entry starting
** at a token, and which of the date tables may hold the token after a
** key's first word (TXT_GATE_LATER: the table's bit shifted left by
** TXT_GATE_LATER_SHIFT).  TXT_GATE_KNOWN is always set, so a gate is
** never 0. */
enum txt_gate {
  TXT_GATE_MONTHS = 1 << 0,
  TXT_GATE_WEEKDAYS = 1 << 1,
  TXT_GATE_RELATIVE = 1 << 2,
  TXT_GATE_NUMBERS = 1 << 3,
  TXT_GATE_LATER_MONTHS = 1 << 4,
  TXT_GATE_LATER_WEEKDAYS = 1 << 5,
  TXT_GATE_LATER_RELATIVE = 1 << 6,
  TXT_GATE_KNOWN = 1 << 7
};
#define TXT_GATE_LATER_SHIFT 4
/* Longest stem the gate (and the date and number lookups) consider. */
#define TXT_GATE_KEY_MAX 256

/* The gate of token t of d: TXT_GATE_KNOWN, plus the bit of each table
** (months, weekdays, relative words, numbers) whose first-word filter the
** sig of some split of t (stem 1..TXT_GATE_KEY_MAX-1 bytes) passes; only
** Word and Latin tokens can have table bits.  The stem must also be an
** entry of the table, or maybe start a longer one (txt_table_may_extend),
** for its bit.  A TXT_GATE_LATER_* bit is set when the whole token (its
** normalized bytes, as date.c appends them to a key) passes that date
** table's later-word filter (txt_table_may_continue); only Word and Latin
** tokens can have them.  date.c and number.c test
** every token with it; it depends only on t's kind and splits, so the
** word memo keeps it with the splits (token.c, t->gate) and they read
** that instead of testing the splits again. */
uint8_t txt_word_gate(const txt_doc *d, const txt_token *t);

/* What the date lookups (date.c) read of a word form before its next
** token: for each date table, indexed by the position of its gate bit
** (0 months, 1 weekdays, 2 relative), the entry whose key is the stem of
** the first split (in order) that is a key, NULL when none is, and the
** splits (bit k: split k) whose stem may start a longer key
** (txt_table_may_extend).  Only splits the gate looks at count (stem
** 1..TXT_GATE_KEY_MAX-1 bytes, sig in the table's first-word filter).
** It depends only on the token's kind and splits, as the gate does, so
** the word memo keeps it with them (txt_token_dates). */
typedef struct txt_form_dates {
  const txt_kv *one[3];
  uint8_t extend[3];
} txt_form_dates;
_Static_assert(TXT_MAX_SPLITS <= 8, "txt_form_dates.extend is 8 bits");

/* txt_word_gate(d, t), and when fd is not NULL t's txt_form_dates into
** *fd, from the same lookups. */
uint8_t txt_word_gate_dates(const txt_doc *d, const txt_token *t,
                            txt_form_dates *fd);

/* The txt_form_dates of token t's form, kept in the word memo's record of
** the form (token.c), or NULL when t has no form (t->form == 0).  The
** record lives as long as t's splits (see txt_memo_doc). */
const txt_form_dates *txt_token_dates(const txt_token *t);

/* The first of tokens tok[i..end) that a scan for numbers or for entries
** of the tables of gate `bits` must look at: a TXT_NUM token, a token
** whose stored gate has one of `bits`, or a Word or Latin token whose gate
** is not stored (0); end when there is none.  The tokens passed over are
** the ones whose gate says no split starts such an entry, and tokens of
** the other kinds (punctuation, symbols), which start neither: date.c and
** number.c would refuse each of them after a few tests, and this loop
** does only those tests.  tests/test_date.c checks it against
** txt_word_gate. */
static inline size_t txt_next_gated(const txt_token *tok, size_t i,
                                    size_t end, uint8_t bits) {
  for (; i < end; i++) {
    const txt_token *t = &tok[i];
    if ((t->gate & bits) != 0 || t->kind == TXT_NUM) break;
    if (t->gate == 0 && (t->kind == TXT_WORD || t->kind == TXT_LATIN)) break;
  }
  return i;
}

#endif /* WASIT_TEXT_H */
