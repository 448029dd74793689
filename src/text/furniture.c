/*
** furniture.c: page-furniture filter (text layer, stage 2 of txt_analyze).
**
** Input: the repaired original text of one document (valid UTF-8; maybe a
** scraped web page with share bars, comment forms, keyword lines and lists
** of other articles).  Output: the byte ranges of the lines to keep, in
** order.  Typical input: 2-20 KB, 10-200 lines.
**
** The furniture phrases are data: dict/ar/text/furniture.txt (table
** "furniture", kinds drop/readalso), looked up on the normalized line.
**
** A line is split into items: words (runs containing a letter), numbers
** (runs of digits) and "other" chunks (hashtags, URLs, e-mails).  The rules,
** applied to each non-empty line in order:
**   1. After a readalso line, every line is dropped.
**   2. A line with no word at all (only digits, punctuation, hashtags,
**      URLs, e-mails: "12:30", "#أرمينيا #أذربيجان", "-----") is dropped.
**   3. READ ALSO: a line whose first words are a readalso phrase ("اقرأ
**      أيضا", "مواضيع ذات صلة", "الأكثر قراءة" ...), alone or followed by
**      ':' and a headline, is dropped together with everything after it.
**      This is the lead's rule, chosen because it is simple and
**      predictable: what follows such a marker on a news page is a list of
**      other headlines or a whole other article, and a second article
**      coded as part of this one is worse than a lost closing paragraph.
**   4. LABEL: a line that starts with a drop phrase followed by ':'
**      ("المصدر: وكالات", "الوسوم: أرمينيا، أذربيجان", "الاسم:") is dropped.
**   5. ALL FURNITURE: a line of at most 8 words in which every word is
**      covered by drop phrases (numbers, hashtags, URLs and punctuation
**      allowed in between: "فيسبوك تويتر واتساب", "منذ 3 ساعات",
**      "التعليقات (3)") is dropped.
**   6. SHORT WITH A PHRASE: a line that contains a drop phrase of 3+
**      words and has at most 20 words ("© 2022 جميع الحقوق محفوظة لقناة
**      الجزيرة", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك. موافق"), or
**      a two-word phrase and at most 10 words and no sentence punctuation
**      (. ! ? ؟) ("تابعونا على تلغرام"), is dropped.  Two-word phrases
**      (سياسة الخصوصية) can occur in real headlines, hence the stricter
**      test.
**   7. BREADCRUMB: a line of at most 8 words that opens with a drop phrase
**      and holds a trail separator (> » › / |): "الرئيسية > أخبار > العالم >
**      أمريكا اللاتينية".  The trail names the page's section, often a
**      state or region; read as text it made that state an actor of the
**      article.  The separator is required because short headlines may
**      open with a drop word ("رفض أمريكي ...").
** Everything else is kept: a sentence that merely contains a furniture
** word ("شارك آلاف المتظاهرين في مسيرة ...") is article text.
** Empty lines are neither kept nor counted as dropped.
**
** Cost: a line made of Arabic words, digits and punctuation (nearly every
** line of a news article) is split into items straight from its raw bytes
** (fur_raw_split); only other lines are normalized first (fur_judge_line).
** A paragraph is split only until its first words are final; a count of
** its remaining chunks that looks at ASCII bytes only then proves it long
** (fur_chunk_words_at_least).
*/
#include "text.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define FUR_MAX_PHRASE_WORDS 6   /* longest phrase tried, in words */
#define FUR_ALL_MAX_WORDS 8      /* rule 5 */
#define FUR_SHORT_MAX_WORDS 10   /* rule 6, two-word phrases */
#define FUR_LONG_PHRASE_MAX_WORDS 20 /* rule 6, phrases of 3+ words */
#define FUR_KEY_MAX 256          /* bytes of a joined phrase key */
#define FUR_PIECE_BYTES 24       /* normalize-and-split step (see below) */
/* fur_raw_split's long-line proof (see there): asked at this word, and
** only when the rest of the line has this many bytes per missing word
** (an Arabic word and its space are 8-12 bytes; ' ' and one letter, 3,
** are the least a counted word takes) */
#define FUR_LONG_CHECK_WORDS (FUR_MAX_PHRASE_WORDS + 1)
#define FUR_LONG_REST_BYTES 10
/* FUR_LONG_CHECK_WORDS words: the first word and FUR_MAX_PHRASE_WORDS
** after it, so fur_prefix_final holds */
_Static_assert(FUR_LONG_CHECK_WORDS >= FUR_MAX_PHRASE_WORDS + 1,
               "the long-line proof needs the prefix final");

enum fur_item_kind { FUR_WORD, FUR_NUM, FUR_OTHER };

typedef struct fur_item {
  uint32_t off, len;   /* span in the normalized line */
  uint8_t kind;        /* enum fur_item_kind */
  bool colon;          /* a ':' follows (before the next item) */
} fur_item;

typedef struct fur_line {
  fur_item *items;
  size_t n, cap;
  size_t done;         /* bytes of the normalized line split so far */
  size_t n_words;
  bool sentence_punct;
  bool truncated;      /* split stopped after FUR_LONG_PHRASE_MAX_WORDS + 1
                          words: a long line (only rules 3 and 4 apply) */
} fur_line;

/* Letters of the scripts news pages use: Arabic blocks and Latin. */
static bool fur_is_letter(uint32_t cp) {
  return (cp >= 0x0621 && cp <= 0x064A) ||   /* the common case first */
         (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x066E && cp <= 0x06D3) ||
         (cp >= 0x06FA && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0x08A0 && cp <= 0x08FF);
}

static bool fur_is_digit(uint32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) ||
         (cp >= 0x06F0 && cp <= 0x06F9);
}

/* White space, including NBSP and the invisible marks pages scatter
** (ZWSP, LRM/RLM, BOM). */
static bool fur_is_space(uint32_t cp) {
  if (cp > ' ' && cp < 0xA0) return false;   /* most code points: one test */
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f' ||
         cp == 0xA0 || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
         cp == 0xFEFF || cp == 0x202A || cp == 0x202B || cp == 0x202C ||
         cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

/* Bytes that may begin a code point of fur_is_space: ASCII up to ' ' and
** the lead bytes of U+00A0 (C2), U+2000..U+202F (E2), U+3000 (E3) and
** U+FEFF (EF). */
static const unsigned char fur_space_lead[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
    [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1,
    [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1,
    [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
    [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1,
    [0x1E] = 1, [0x1F] = 1, [' '] = 1,
    [0xC2] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1};

static uint32_t fur_cp(const char *s, size_t n, size_t i, int *k) {
  uint32_t cp;
  *k = txt_utf8_next((const unsigned char *)s + i, n - i, &cp);
  return cp;
}

static inline bool fur_push(fur_line *ln, wa_arena *ar, fur_item it) {
  if (ln->n == ln->cap &&
      !arena_grow(ar, (void **)&ln->items, &ln->cap, ln->n + 1,
                  sizeof *ln->items))
    return false;
  ln->items[ln->n++] = it;
  if (it.kind == FUR_WORD) ln->n_words++;
  return true;
}

/* Does c[0..n) contain pat[0..m)?  memchr finds the candidates, so an
** Arabic chunk (no ASCII byte) costs one library call. */
static bool fur_contains(const char *c, size_t n, const char *pat, size_t m) {
  const char *end = c + n;
  for (const char *p = c;
       p < end && (p = memchr(p, pat[0], (size_t)(end - p))) != NULL; p++)
    if ((size_t)(end - p) >= m && memcmp(p, pat, m) == 0) return true;
  return false;
}

/* A whitespace-free chunk that is a URL, an e-mail or a hashtag. */
static bool fur_is_other_chunk(const char *c, size_t n) {
  if (n >= 2 && c[0] == '#') return true;
  if (n >= 2 && c[0] == '@') return true;
  if (fur_contains(c, n, "://", 3) || fur_contains(c, n, "www.", 4))
    return true;
  const char *at = memchr(c, '@', n);
  if (at != NULL && memchr(at, '.', n - (size_t)(at - c)) != NULL) return true;
  return false;
}

/* Start splitting a new line (see fur_split). */
static void fur_line_reset(fur_line *ln) {
  ln->n = ln->n_words = ln->done = 0;
  ln->sentence_punct = false;
  ln->truncated = false;
}

/* Split the normalized line s[0..n) into items, going on from ln->done
** (the line is normalized piece by piece; every piece but the last ends
** with a space, so no chunk spans two calls and the items are those of
** one call over the whole line).  Stops (truncated) before the word after
** FUR_LONG_PHRASE_MAX_WORDS + 1 words: no rule needs more of a line that
** long, and article paragraphs are long. */
static int fur_split(const char *s, size_t n, wa_arena *ar, fur_line *ln) {
  size_t i = ln->done;
  ln->done = n;
  while (i < n) {
    int k;
    uint32_t cp = fur_cp(s, n, i, &k);
    if (fur_is_space(cp)) {
      i += (size_t)k;
      continue;
    }
    size_t cs = i;   /* chunk = run of non-space */
    unsigned char all = 0xFF;   /* AND of the chunk's bytes */
    while (i < n) {
      /* bytes that cannot start white space (see fur_space_lead) are
      ** skipped without decoding; none of those is a continuation byte,
      ** so the scan stays on code point boundaries */
      unsigned char b = (unsigned char)s[i];
      if (!fur_space_lead[b]) {
        all &= b;
        i++;
        continue;
      }
      cp = fur_cp(s, n, i, &k);
      if (fur_is_space(cp)) break;
      all &= b;
      i += (size_t)k;
    }
    bool ascii = (all & 0x80) == 0;   /* some byte of the chunk is ASCII */
    /* URLs, e-mails and hashtags are recognised by ASCII characters only */
    if (ascii && fur_is_other_chunk(s + cs, i - cs)) {
      if (!fur_push(ln, ar, (fur_item){(uint32_t)cs, (uint32_t)(i - cs),
                                       FUR_OTHER, false}))
        return WASIT_ENOMEM;
      continue;
    }
    /* Inside the chunk: runs of letters/digits are items. */
    size_t j = cs;
    while (j < i) {
      cp = fur_cp(s, i, j, &k);
      if (fur_is_letter(cp) || fur_is_digit(cp)) {
        size_t ws = j;
        bool letter = false;
        while (j < i) {
          /* the common case, U+0621..U+064A but tatweel, decoded inline
          ** with tests that are almost always true (no D8/D9 guessing) */
          unsigned char b0 = (unsigned char)s[j];
          unsigned char b1 = j + 1 < i ? (unsigned char)s[j + 1] : 0;
          if ((b0 & 0xFE) == 0xD8 && (b1 & 0xC0) == 0x80) {
            uint32_t c2 = ((uint32_t)(b0 & 0x1F) << 6) | (b1 & 0x3F);
            if (c2 >= 0x0621 && c2 <= 0x064A && c2 != 0x0640) {
              letter = true;
              j += 2;
              continue;
            }
          }
          cp = fur_cp(s, i, j, &k);
          if (fur_is_letter(cp)) letter = true;
          else if (!fur_is_digit(cp)) break;
          j += (size_t)k;
        }
        if (letter && ln->n_words > FUR_LONG_PHRASE_MAX_WORDS) {
          ln->truncated = true;
          return WASIT_OK;
        }
        if (!fur_push(ln, ar, (fur_item){(uint32_t)ws, (uint32_t)(j - ws),
                                         letter ? FUR_WORD : FUR_NUM, false}))
          return WASIT_ENOMEM;
        continue;
      }
      if (cp == ':' && ln->n > 0) ln->items[ln->n - 1].colon = true;
      if (cp == '.' || cp == '!' || cp == '?' || cp == 0x061F)
        ln->sentence_punct = true;
      j += (size_t)k;
    }
  }
  return WASIT_OK;
}

/* ------------------------------------------------------- long lines */
/*
** An article paragraph has more than FUR_LONG_PHRASE_MAX_WORDS + 1 words,
** so fur_split stops (truncated) and only its first words are judged
** (rules 3 and 4).  Normalizing and splitting those 22 words was most of
** this file's cost.  fur_words_at_least counts words on the raw line
** instead, cheaply and never more than fur_split would find; when it
** proves a line long, the scan stops as soon as the items rules 3 and 4
** read are final (see fur_prefix_final).
*/

/* How fur_split sees the normalized form of one code point of the raw
** line: a letter, a digit, nothing (deleted), another character that
** separates word runs, or anything the count does not model. */
enum fur_raw_class { FR_LETTER, FR_DIGIT, FR_DELETED, FR_SEP, FR_UNKNOWN };

/* The class of U+0600..U+06FF code point cp under `map` (with its direct
** index): its rule's output when it has one, else cp itself. */
static int fur_raw_class(const txt_normmap *map, uint32_t cp) {
  uint16_t x = map->arabic_index[cp - 0x0600];
  if (x != 0) {
    const unsigned char *to = (const unsigned char *)map->rules[x - 1].to;
    if (to[0] == '\0') return FR_DELETED;
    if (to[0] >= '0' && to[0] <= '9' && to[1] == '\0') return FR_DIGIT;
    if (to[0] < 0xC2 || to[0] > 0xDF || (to[1] & 0xC0) != 0x80 || to[2] != '\0')
      return FR_UNKNOWN;   /* ASCII punctuation, longer outputs */
    cp = ((uint32_t)(to[0] & 0x1F) << 6) | (to[1] & 0x3F);
  }
  if (fur_is_letter(cp)) return FR_LETTER;
  if (fur_is_digit(cp)) return FR_DIGIT;
  if (fur_is_space(cp)) return FR_UNKNOWN;
  return FR_SEP;
}

/* A lower bound on the word items fur_split finds in the normalized form
** of the raw line t[0..n), counting stops at `enough`.  Only chunks (runs
** between ASCII white space, which normalizes to itself) made wholly of
** U+0600..U+06FF code points of known class are counted, each exactly:
** one word per run of letters and digits (deleted code points joining
** them) that holds a letter.  Such a chunk has no ASCII byte but digits
** once normalized, so it is never a URL, e-mail or hashtag item.  Any
** other chunk counts 0.  The caller checks that the map leaves ASCII
** alone. */
static size_t fur_words_at_least(const txt_normmap *map, const char *t,
                                 size_t n, size_t enough) {
  const unsigned char *u = (const unsigned char *)t;
  size_t words = 0, i = 0;
  while (i < n && words < enough) {
    unsigned char b = u[i];
    if (b == ' ' || b == '\t' || b == '\r' || b == '\v' || b == '\f') {
      i++;
      continue;
    }
    bool pure = true, in_run = false, letter = false;
    size_t runs = 0;
    for (; i < n; i++) {
      b = u[i];
      if (b < 0x80) {
        if (b == ' ' || b == '\t' || b == '\r' || b == '\v' || b == '\f') break;
        pure = false;   /* ASCII in the chunk: not modelled */
        continue;
      }
      if ((b & 0xFC) != 0xD8) {   /* valid UTF-8: D8..DB lead a pair */
        pure = false;   /* other scripts: not modelled */
        continue;
      }
      uint32_t cp = ((uint32_t)(b & 0x1F) << 6) | (u[i + 1] & 0x3F);
      i++;
      /* most code points are letters no rule touches: no call */
      int cls = map->arabic_index[cp - 0x0600] == 0 && cp >= 0x0621 &&
                        cp <= 0x064A
                    ? FR_LETTER
                    : fur_raw_class(map, cp);
      switch (cls) {
      case FR_LETTER: in_run = letter = true; break;
      case FR_DIGIT: in_run = true; break;
      case FR_DELETED: break;
      case FR_SEP:
        if (in_run && letter) runs++;
        in_run = letter = false;
        break;
      default: pure = false;
      }
    }
    if (in_run && letter) runs++;
    if (pure) words += runs;
  }
  return words;
}

/* How fur_split sees a code point U+0080..U+00BF of the raw line (two
** bytes c2 b1): through the map, deleted (soft hyphen) or a separator
** (« » and other signs: neither letter, digit nor space to fur_split)
** when it stays itself; else FR_UNKNOWN. */
static int fur_latin1_class(const txt_normmap *map, unsigned b1) {
  uint32_t cp = 0x80u | (b1 & 0x3Fu);
  char o[TXT_NORM_CP_MAX];
  int k = txt_normalize_cp(map, cp, o);
  if (k == 0) return FR_DELETED;
  if (cp >= 0xA1 && k == 2 && (unsigned char)o[0] == 0xC2 &&
      (unsigned char)o[1] == b1)
    return FR_SEP;
  return FR_UNKNOWN;
}

/* The run of U+0600..U+067F code points at u[*i..n) that the map makes
** letters or deletes (arabic_letter): their letters are written to o
** (never more bytes than the run has), *i moves past the run, and the
** bytes written are returned.  Most of a line, one load per code point,
** in a small loop of its own. */
static size_t fur_letter_run(const uint16_t *letters, const unsigned char *u,
                             size_t *i, size_t n, char *o) {
  size_t j = *i, k = 0;
  unsigned r0, r1;   /* two letters a step first (txt_letter_pair) */
  while (j + 3 < n && txt_letter_pair(letters, u + j, &r0, &r1) &&
         r0 != 0xD8A0 && r1 != 0xD8A0) {
    txt_put_letter_pair(o + k, r0, r1);
    k += 4;
    j += 4;
  }
  while (j < n && (u[j] & 0xFE) == 0xD8) {
    unsigned r = letters[((u[j] & 1u) << 6) | (u[j + 1] & 0x3Fu)];
    if (r != 1) {   /* 1: deleted (harakat, tatweel) */
      if (r == 0 || r == 0xD8A0) break;   /* no letter (U+0620 is none) */
      o[k] = (char)(r >> 8);
      o[k + 1] = (char)r;
      k += 2;
    }
    j += 2;
  }
  *i = j;
  return k;
}

/* Are the items rules 3 and 4 read (the first word and up to
** FUR_MAX_PHRASE_WORDS - 1 after it, with their ':' marks) final?  They
** are once one more item follows them. */
static bool fur_prefix_final(const fur_line *ln) {
  size_t first = 0;
  while (first < ln->n && ln->items[first].kind != FUR_WORD) first++;
  return first < ln->n && ln->n > first + FUR_MAX_PHRASE_WORDS;
}

/* The first position >= i (< n) of t[0..n) holding an ASCII byte; n when
** there is none.  16 bytes a step with SSE2 (every x86-64 has it): in
** Arabic text an ASCII byte (a space, mostly) comes every 6-10 bytes. */
static size_t fur_next_ascii(const unsigned char *u, size_t i, size_t n) {
#ifdef __SSE2__
  for (; i + 16 <= n; i += 16) {
    unsigned m = ~(unsigned)_mm_movemask_epi8(
                     _mm_loadu_si128((const __m128i *)(u + i))) & 0xFFFFu;
    if (m != 0) return i + (size_t)__builtin_ctz(m);
  }
#endif
  while (i < n && u[i] >= 0x80) i++;
  return i;
}

/* A lower bound on the word items fur_split finds in the chunks of the
** raw line that begin inside t[0..n) (valid UTF-8), counting stops at
** `enough`: the runs of bytes between two ASCII spaces (or a space and
** the end) that start with a code point the map makes a letter
** (arabic_letter, as fur_letter_run reads it) and hold no ASCII byte.
** Each such run holds a word (its first letter starts one), is split
** only by non-ASCII white space into chunks that have no ASCII byte, so
** none is a URL, e-mail or hashtag item; and runs are disjoint.  Only
** ASCII bytes are looked at one by one (fur_next_ascii skips the rest),
** so it costs a fraction of splitting: the long-line proof of
** fur_raw_split.  Runs with ASCII punctuation ("الشبان.") are not
** counted: a lower bound, not the count. */
static size_t fur_chunk_words_at_least(const uint16_t *letters,
                                       const unsigned char *u, size_t n,
                                       size_t enough) {
  size_t words = 0;
  bool open = false;   /* in a run that began with ' ' and a letter */
  for (size_t i = 0; words < enough; i++) {
    i = fur_next_ascii(u, i, n);
    if (i >= n) {
      words += open;   /* the end of the line ends the run */
      break;
    }
    if (open && u[i] == ' ') words++;
    open = false;
    if (u[i] == ' ' && i + 2 < n && (u[i + 1] & 0xFE) == 0xD8) {
      unsigned r = letters[((u[i + 1] & 1u) << 6) | (u[i + 2] & 0x3Fu)];
      open = r > 1 && r != 0xD8A0;   /* as fur_letter_run: a letter */
    }
  }
  return words;
}

/* ------------------------------------------------------- raw lines */
/*
** Most lines (article paragraphs and sentences) are made of Arabic words,
** digits and punctuation only.  For them fur_raw_split finds fur_split's
** items on the raw bytes, in one pass, with the words' normalized bytes
** built on the way: no normalizing of the line, no second pass to split
** it.  A line with anything else goes the general way (fur_judge_line).
*/

/* What fur_raw_split makes of an ASCII byte (the map leaves ASCII
** alone): a separator (white space, punctuation; FA_COLON ':', FA_STOP a
** sentence end mark . ! ?), a digit, or FA_NO: a letter, a control
** character, or '#' '@' '/' that may make a chunk a hashtag, an e-mail or
** a URL. */
enum fur_ascii { FA_NO, FA_SEP, FA_DIGIT, FA_COLON, FA_STOP };
static const unsigned char fur_ascii_class[128] = {
    ['\t'] = FA_SEP,  ['\v'] = FA_SEP,  ['\f'] = FA_SEP,  ['\r'] = FA_SEP,
    [' '] = FA_SEP,   ['!'] = FA_STOP,  ['"'] = FA_SEP,   ['$'] = FA_SEP,
    ['%'] = FA_SEP,   ['&'] = FA_SEP,   ['\''] = FA_SEP,  ['('] = FA_SEP,
    [')'] = FA_SEP,   ['*'] = FA_SEP,   ['+'] = FA_SEP,   [','] = FA_SEP,
    ['-'] = FA_SEP,   ['.'] = FA_STOP,  ['0'] = FA_DIGIT, ['1'] = FA_DIGIT,
    ['2'] = FA_DIGIT, ['3'] = FA_DIGIT, ['4'] = FA_DIGIT, ['5'] = FA_DIGIT,
    ['6'] = FA_DIGIT, ['7'] = FA_DIGIT, ['8'] = FA_DIGIT, ['9'] = FA_DIGIT,
    [':'] = FA_COLON, [';'] = FA_SEP,   ['<'] = FA_SEP,   ['='] = FA_SEP,
    ['>'] = FA_SEP,   ['?'] = FA_STOP,  ['['] = FA_SEP,   ['\\'] = FA_SEP,
    [']'] = FA_SEP,   ['^'] = FA_SEP,   ['_'] = FA_SEP,   ['`'] = FA_SEP,
    ['{'] = FA_SEP,   ['|'] = FA_SEP,   ['}'] = FA_SEP,   ['~'] = FA_SEP};

/* Split the raw line t[0..n) (trimmed, valid UTF-8) into ln's items, as
** fur_split splits its normalized form, when every code point of it is
** one this model knows: Arabic code points the map makes letters
** (arabic_letter), deletes, or leaves as digits and separators
** (fur_raw_class, without a rule for a separator), signs U+00A1..U+00BF
** the map leaves alone or deletes, ASCII white space, digits and
** punctuation but '#', '@' and '/' (so no chunk is a URL, e-mail or
** hashtag item), and no run of digits and letters together ("135قتيلا").
** The words' normalized bytes go to `words` (the items point into it).
** Like fur_split, it stops (truncated) at the word after
** FUR_LONG_PHRASE_MAX_WORDS + 1 words.  *done is false when the line holds
** something else (ln and words are then garbage).  The caller checks that
** the map leaves ASCII alone and has its arabic_index and arabic_letter
** tables.  Returns WASIT_OK or WASIT_ENOMEM.  Kept out of line: inlined
** in the caller's big loop, its letter loop ran out of registers. */
__attribute__((noinline)) static int fur_raw_split(const txt_normmap *map,
                                                   wa_arena *ar, const char *t,
                                                   size_t n, wa_buf *words,
                                                   fur_line *ln, bool *done) {
  const unsigned char *u = (const unsigned char *)t;
  const uint16_t *letters = map->arabic_letter;
  *done = false;
  buf_reset(words);
  fur_line_reset(ln);
  if (!buf_room(words, n)) return WASIT_ENOMEM;   /* words are shorter */
  char *o = words->data;
  size_t at = 0;         /* where the item being read starts in o */
  size_t wl = 0;         /* bytes of it, when it is a word */
  bool digits = false;   /* it is a number */
  bool long_checked = false;   /* fur_chunk_words_at_least was asked */
  for (size_t i = 0;;) {
    if (!digits) wl += fur_letter_run(letters, u, &i, n, o + at + wl);
    int cls = FR_SEP;   /* the end of the line ends an item */
    unsigned r = 0;
    bool colon = false, stop = false;   /* ':'; a sentence end mark */
    unsigned char b = i < n ? u[i] : ' ';
    if ((b & 0xFC) == 0xD8) {   /* U+0600..U+06FF (valid UTF-8) */
      uint32_t cp = ((uint32_t)(b & 0x1F) << 6) | (u[i + 1] & 0x3Fu);
      if (b <= 0xD9) r = letters[cp & 0x7Fu];
      if (r == 1) {
        cls = FR_DELETED;
      } else if (r > 1 && r != 0xD8A0) {
        cls = FR_LETTER;
      } else {
        cls = fur_raw_class(map, cp);
        /* a letter's bytes are not at hand; a separator with a rule may
        ** become one that ends a sentence */
        if (cls == FR_LETTER ||
            (cls == FR_SEP && map->arabic_index[cp - 0x0600] != 0))
          return WASIT_OK;
        stop = cp == 0x061F;   /* ؟ */
      }
      i += 2;
    } else if (b < 0x80) {
      int a = fur_ascii_class[b];
      if (a == FA_NO) return WASIT_OK;
      if (a == FA_DIGIT) cls = FR_DIGIT;
      colon = a == FA_COLON;
      stop = a == FA_STOP;
      i++;   /* else white space or punctuation: a separator */
    } else if (b == 0xC2 && (u[i + 1] & 0xC0) == 0x80) {
      cls = fur_latin1_class(map, u[i + 1]);
      i += 2;
    } else {
      return WASIT_OK;   /* other scripts, other spaces */
    }
    switch (cls) {
    case FR_DELETED: break;
    case FR_LETTER:
      if (digits) return WASIT_OK;
      o[at + wl] = (char)(r >> 8);
      o[at + wl + 1] = (char)r;
      wl += 2;
      break;
    case FR_DIGIT:
      if (wl > 0) return WASIT_OK;
      digits = true;
      break;
    case FR_SEP:
      if (wl > 0 && ln->n_words > FUR_LONG_PHRASE_MAX_WORDS) {
        ln->truncated = true;   /* as fur_split: the word is not kept */
        *done = true;
        return WASIT_OK;
      }
      if (wl > 0 || digits) {
        fur_item it = {(uint32_t)at, (uint32_t)wl, wl > 0 ? FUR_WORD : FUR_NUM,
                       false};
        if (!fur_push(ln, ar, it)) return WASIT_ENOMEM;
        at += wl;
        wl = 0;
        digits = false;
      }
      if (colon && ln->n > 0) ln->items[ln->n - 1].colon = true;
      if (stop) ln->sentence_punct = true;
      if (i > n) {
        words->len = at;
        *done = true;
        return WASIT_OK;
      }
      /* once the items rules 3 and 4 read are final, a line proved long
      ** by a cheap count of the rest is judged as fur_split's truncated
      ** line (same items): an article paragraph is split no further.
      ** The proof is optional (a line not proved long is split on, and
      ** truncated with the same items should it be long), so it may be
      ** asked at any point after the prefix is final, or not at all:
      ** - it is asked at the FUR_LONG_CHECK_WORDS-th word, when the
      **   prefix is always final (see the static assert) and no walk
      **   over the items (fur_prefix_final) is needed;
      ** - it is asked only when the rest of the line has
      **   FUR_LONG_REST_BYTES bytes for each word it must find: on the
      **   sample, two lines in five that get this far are short headlines
      **   and sentences, and a count over their rest was wasted. */
      if (!long_checked && ln->n_words >= FUR_LONG_CHECK_WORDS) {
        long_checked = true;
        const size_t enough = FUR_LONG_PHRASE_MAX_WORDS + 2;
        /* from the space before i, if any: the chunk at i counts too */
        size_t from = u[i - 1] == ' ' ? i - 1 : i;
        if (ln->n_words >= enough ||
            (n - from >= FUR_LONG_REST_BYTES * (enough - ln->n_words) &&
             ln->n_words + fur_chunk_words_at_least(letters, u + from,
                                                    n - from,
                                                    enough - ln->n_words) >=
                 enough)) {
          ln->truncated = true;
          words->len = at;
          *done = true;
          return WASIT_OK;
        }
      }
      break;
    default: return WASIT_OK;
    }
  }
}

/* Longest phrase of `tab` starting at word item `at`, made of consecutive
** word items (a number or other item breaks a phrase).  Returns the number
** of items it covers (0 = none) and sets *kind.  A single word is also
** tried without a leading و (U+0648) conjunction ("وتويتر").  With
** multi_only, phrases of one word are not looked up (0 is returned where
** one would be found): fur_judge's rule 5-6 walk asks so once a word of
** the line is no furniture, when only the longer phrases count. */
static size_t fur_match(const txt_table *tab, const char *s,
                        const fur_line *ln, size_t at, bool multi_only,
                        int *kind) {
  char key[FUR_KEY_MAX];
  size_t klen = 0, best = 0;
  /* no phrase begins with this word: skip the joined keys (an item holds
  ** no ' ', so its sig is its first-word filter bit) */
  bool may = at < ln->n &&
             txt_table_sig_in(tab, txt_word_sig(s + ln->items[at].off,
                                                ln->items[at].len));
  for (size_t w = 0; may && w < FUR_MAX_PHRASE_WORDS && at + w < ln->n; w++) {
    const fur_item *it = &ln->items[at + w];
    if (it->kind != FUR_WORD) break;
    if (w > 0 && it[-1].colon) break;   /* a phrase never spans a ':' */
    if (klen + 1 + it->len > sizeof key) break;
    if (w > 0) key[klen++] = ' ';
    memcpy(key + klen, s + it->off, it->len);
    klen += it->len;
    const txt_kv *kv =
        w == 0 && multi_only ? NULL : txt_table_find(tab, key, klen);
    if (kv != NULL) {
      best = w + 1;
      *kind = kv->kind;
    }
    if (!txt_table_may_extend(tab, key, klen)) break;   /* no longer key */
  }
  if (best == 0 && !multi_only && at < ln->n &&
      ln->items[at].kind == FUR_WORD) {
    const fur_item *it = &ln->items[at];
    /* و is 0xD9 0x88 in UTF-8 */
    if (it->len > 4 && (unsigned char)s[it->off] == 0xD9 &&
        (unsigned char)s[it->off + 1] == 0x88 &&
        txt_table_sig_in(tab, txt_word_sig(s + it->off + 2, it->len - 2))) {
      const txt_kv *kv = txt_table_find(tab, s + it->off + 2, it->len - 2);
      if (kv != NULL) {
        best = 1;
        *kind = kv->kind;
      }
    }
  }
  return best;
}

/* The first item that is a word, or ln->n. */
static size_t fur_first_word(const fur_line *ln) {
  size_t i = 0;
  while (i < ln->n && ln->items[i].kind != FUR_WORD) i++;
  return i;
}

enum fur_verdict { FUR_KEEP, FUR_DROP, FUR_READALSO };

/* Apply rules 2-6 (see the top of the file) to one normalized line. */
static int fur_judge(const txt_table *tab, const char *s, const fur_line *ln) {
  if (ln->n_words == 0) return FUR_DROP;                      /* rule 2 */
  if (tab == NULL) return FUR_KEEP;
  size_t first = fur_first_word(ln);
  int kind = TXT_K_NONE;
  size_t m = fur_match(tab, s, ln, first, false, &kind);
  /* rule 3: only when nothing but punctuation precedes the marker */
  if (m > 0 && first == 0 && kind == TXT_K_READALSO) return FUR_READALSO;
  if (m > 0 && kind == TXT_K_DROP && ln->items[first + m - 1].colon)
    return FUR_DROP;                                          /* rule 4 */
  if (ln->truncated) return FUR_KEEP;   /* > 20 words: rules 5, 6 fail */
  bool all = ln->n_words <= FUR_ALL_MAX_WORDS;
  size_t multi = 0;   /* words of the longest multi-word phrase seen */
  for (size_t i = 0; i < ln->n;) {
    if (ln->items[i].kind != FUR_WORD) {
      i++;
      continue;
    }
    kind = TXT_K_NONE;
    /* once `all` is false, a one-word phrase changes nothing: i moves
    ** on by one either way and multi is only tested for 2 and more */
    m = fur_match(tab, s, ln, i, !all, &kind);
    if (m == 0 || kind != TXT_K_DROP) {
      all = false;
      i++;
      continue;
    }
    if (m > multi) multi = m;
    i += m;
  }
  if (all) return FUR_DROP;                                   /* rule 5 */
  if (multi >= 3 && ln->n_words <= FUR_LONG_PHRASE_MAX_WORDS)
    return FUR_DROP;                                          /* rule 6 */
  if (multi == 2 && ln->n_words <= FUR_SHORT_MAX_WORDS && !ln->sentence_punct)
    return FUR_DROP;                                          /* rule 6 */
  return FUR_KEEP;
}

/* Rule 7: is the line raw[0..n), split into ln (normalized s), a
** navigation trail? */
static bool fur_breadcrumb(const txt_table *tab, const char *s,
                           const fur_line *ln, const char *raw, size_t n) {
  if (tab == NULL || ln->truncated || ln->n_words > FUR_ALL_MAX_WORDS ||
      ln->sentence_punct)
    return false;
  int kind = TXT_K_NONE;
  size_t first = fur_first_word(ln);
  if (first != 0 || fur_match(tab, s, ln, first, false, &kind) == 0 ||
      kind != TXT_K_DROP)
    return false;
  return memchr(raw, '>', n) || memchr(raw, '/', n) || memchr(raw, '|', n) ||
         fur_contains(raw, n, "\xc2\xbb", 2) ||                        /* » */
         fur_contains(raw, n, "\xe2\x80\xba", 3);                     /* › */
}

/* Trim white space (see fur_is_space) from both ends of text[*s..*e). */
static void fur_trim(const char *text, size_t *s, size_t *e) {
  while (*s < *e) {
    int k;
    uint32_t cp = fur_cp(text, *e, *s, &k);
    if (!fur_is_space(cp)) break;
    *s += (size_t)k;
  }
  while (*e > *s) {
    /* step back to the start of the last code point */
    size_t b = *e - 1;
    while (b > *s && ((unsigned char)text[b] & 0xC0) == 0x80) b--;
    int k;
    uint32_t cp = fur_cp(text, *e, b, &k);
    if (!fur_is_space(cp) || b + (size_t)k != *e) break;
    *e = b;
  }
}

/* The verdict (enum fur_verdict) on the trimmed, non-empty line
** text[s..e) into *verdict, normalizing and splitting it into ln with the
** scratch buffer norm.  space_plain: ' ' normalizes to itself;
** raw_count: fur_words_at_least may be used.  Returns WASIT_OK or
** WASIT_ENOMEM. */
static int fur_judge_line(wa_arena *ar, const txt_normmap *map,
                          const txt_table *tab, const char *text, size_t s,
                          size_t e, bool space_plain, bool raw_count,
                          wa_buf *norm, fur_line *ln, int *verdict) {
  /* The line is normalized and split piece by piece, each piece ending
  ** just after a ' ' found FUR_PIECE_BYTES or more into it: normalizing
  ** is per code point, so the pieces normalize to consecutive parts of
  ** the line's normalized form, each ending with a space.  A line
  ** split past FUR_LONG_PHRASE_MAX_WORDS words (truncated) already has
  ** its verdict, so the rest of an article paragraph is never
  ** normalized here. */
  buf_reset(norm);
  fur_line_reset(ln);
  const char *ns = "";
  /* a line proved long is split only until its first words are final;
  ** it is then judged as fur_split's truncated line (same items).  The
  ** proof: once those words are final, the words split so far plus a
  ** raw count of the rest of the line (it starts after a space, so its
  ** chunks are the line's) reach FUR_LONG_PHRASE_MAX_WORDS + 2.  A line
  ** not proved long is split on; should it be long after all, fur_split
  ** truncates it with the same first items, so the verdict is the same. */
  bool long_checked = !raw_count;
  for (size_t ps = s; ps < e && !ln->truncated;) {
    size_t pe = e;
    if (space_plain && e - ps > FUR_PIECE_BYTES) {
      const char *sp = memchr(text + ps + FUR_PIECE_BYTES, ' ',
                              e - ps - FUR_PIECE_BYTES);
      if (sp != NULL) pe = (size_t)(sp - text) + 1;
    }
    int rc = txt_normalize_with(map, text + ps, pe - ps, norm, NULL);
    if (rc != WASIT_OK) return rc;
    ns = norm->data ? norm->data : "";
    rc = fur_split(ns, norm->len, ar, ln);
    if (rc != WASIT_OK) return rc;
    ps = pe;
    if (!long_checked && !ln->truncated && fur_prefix_final(ln)) {
      long_checked = true;
      size_t enough = FUR_LONG_PHRASE_MAX_WORDS + 2;
      if (ln->n_words >= enough ||
          ln->n_words + fur_words_at_least(map, text + ps, e - ps,
                                           enough - ln->n_words) >= enough)
        ln->truncated = true;
    }
  }
  *verdict = fur_judge(tab, ns, ln);
  return WASIT_OK;
}

/* See text.h.  `text` must be valid UTF-8 (txt_utf8_repair output).
** *kept is an arena array (NULL when nothing is kept); *dropped counts the
** non-empty lines left out.  Returns WASIT_OK, or WASIT_ENOMEM (outputs
** then undefined). */
int txt_furniture_scan(wa_arena *ar, const char *text, size_t len,
                       txt_range **kept, size_t *n_kept, size_t *dropped) {
  const txt_table *tab = txt_table_get("furniture");
  txt_range *out = NULL;
  size_t n_out = 0, cap = 0, n_drop = 0;
  bool after_readalso = false;
  fur_line ln = {0};
  wa_buf norm;
  int rc = WASIT_OK;

  buf_init(&norm, ar->alloc);
  /* room for the longest line at once, not grown line by line: one
  ** allocation per document (a failure shows at the first line) */
  (void)buf_reserve(&norm, len);
  /* piece cuts (fur_judge_line) need ' ' to normalize to itself */
  const txt_normmap *map = txt_default_normmap();
  char sp_norm[TXT_NORM_CP_MAX];
  bool space_plain = txt_normalize_cp(map, ' ', sp_norm) == 1 &&
                     sp_norm[0] == ' ';
  /* the raw word count (fur_words_at_least) needs ASCII left alone and
  ** the direct index of the Arabic block */
  bool raw_count = space_plain && map->arabic_index != NULL &&
                   map->n_rules > 0 && map->rules[0].from >= 0x80;
  bool raw_split = raw_count && map->arabic_letter != NULL;
  *kept = NULL;
  *n_kept = 0;
  *dropped = 0;
  for (size_t pos = 0; pos < len;) {
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - text) : len;
    size_t s = pos, e = end;
    pos = nl ? end + 1 : len;
    fur_trim(text, &s, &e);
    if (s == e) continue;
    if (after_readalso) {
      n_drop++;
      continue;
    }
    bool split = false;
    if (raw_split) {
      rc = fur_raw_split(map, ar, text + s, e - s, &norm, &ln, &split);
      if (rc != WASIT_OK) goto done;
    }
    int v;
    if (split) {
      v = fur_judge(tab, norm.data, &ln);
    } else {
      rc = fur_judge_line(ar, map, tab, text, s, e, space_plain, raw_count,
                          &norm, &ln, &v);
      if (rc != WASIT_OK) goto done;
    }
    if (v == FUR_KEEP && fur_breadcrumb(tab, norm.data, &ln, text + s, e - s))
      v = FUR_DROP;
    if (v == FUR_READALSO) after_readalso = true;
    if (v != FUR_KEEP) {
      n_drop++;
      continue;
    }
    if (n_out == cap &&
        !arena_grow(ar, (void **)&out, &cap, n_out + 1, sizeof *out)) {
      rc = WASIT_ENOMEM;
      goto done;
    }
    out[n_out].start = (uint32_t)s;
    out[n_out].len = (uint32_t)(e - s);
    n_out++;
  }
  *kept = out;
  *n_kept = n_out;
  *dropped = n_drop;
done:
  buf_free(&norm);
  return rc;
}
