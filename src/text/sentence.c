/*
** sentence.c: sentence splitter (text layer, stage 3 of txt_analyze).
**
** Input: the repaired original text (valid UTF-8) and the line ranges the
** furniture filter kept.  Output: sentence spans in the original text,
** trimmed of white space, in order.  Works on the original, not the
** normalized text, so spans map straight back to what the user sees.
**
** txt_analyze does not call txt_sentences_split: the tokenizer finds the
** ends as it reads each line (txt_tokenize_line, token.c), asking the
** three steps below that txt_sentences_split is made of: txt_line_open
** (trim, dateline, the first sentence), txt_line_end_at (does this code
** point end the sentence, and where) and txt_line_next (the next sentence
** with content).  So the rules live here once, and the bytes of a line
** are read once.
**
** Rules:
**   - A line break ends a sentence: each kept range is a line (it holds
**     no '\n') and is split on its own.
**   - . ! ? ؟ … and ۔ end a sentence; a run of them ("؟!", "...") counts as
**     one end.  ، and ؛ never end one.
**   - Closing quotes and brackets right after the end mark (» " ” ’ ' ) ]
**     } ›) belong to the sentence that ends.
**   - A '.' does not end a sentence when it is
**       * between digits (2.5, 1.200);
**       * followed directly by a Latin letter or digit (U.S., www.x.com);
**       * after a word of one letter, Arabic or Latin: Arabic single-letter
**         abbreviations (د. أ. م. ق.م. هـ. ص.ب) and initials (U.S.).
**         Tatweel does not count as a letter, so هـ is one letter.  Cost:
**         "... عام 1443 هـ. وقال ..." stays one sentence.
**   - DATELINES: a paragraph that opens with a dateline ("باكو 19 - 9 ( أ ف
**     ب ) -", "موسكو - (رويترز) -", "القاهرة - مصراوي:", "بيروت (أ.ف.ب) -")
**     has the dateline cut off: the first sentence starts after it, and
**     nothing of it is kept (decision: the dateline's place and agency are
**     not event participants, and leaving "موسكو" in the sentence would
**     let the coder take the dateline city as the actor).  A dateline is
**     recognised as: at most 3 words (and up to 3 numbers) before the first
**     separator, then an agency: bracketed (at most 5 words) or bare (at
**     most 2 words between separators); it ends either with a dash after
**     the bracketed agency ("X (Y) -", "X - (Y) -") or with a colon after
**     a dash ("X - Y:", "X - «Y»:").  Not datelines: a colon after a
**     bracket alone ("وقال المتحدث (باسم الوزارة): ..."), parenthetical
**     dashes ("قال لافروف - وزير الخارجية - إن ...").
**   - A LINE THAT IS ONLY A DATELINE, as local sites set one above the
**     story ("عدن - خاص - 31 يناير 2018 -", "موبتي - «مرصد الساحل» - 6
**     أبريل 2022 -", "موسكو - (رويترز) -"), is kept whole as one sentence
**     marked a dateline (txt_line.dateline, txt_sentence.dateline): the
**     coder reads its place as the story's (it tells nothing).  It
**     is a dateline as above followed by nothing, by what ends with a
**     dash (at most 3 words and 3 numbers: a date, a bare agency) or by
**     the outlet's name in brackets alone ("دمشق - 14 آذار (مارس) 1991 -
**     «نشرة الانتفاضة»"); or, uncut, a place of at most 3 words, a dash
**     and such a rest ending with a dash.  Decision: cut, it left its
**     date or the outlet's name as a sentence, or nothing, and the story
**     lost its place.  The next line's first sentence is marked as one
**     after a cut dateline (TXT_HEAD_CUT, text.c).
**   - LIVE-PAGE ENTRIES: a line of a live page ("تغطية مباشرة", "لحظة
**     بلحظة") opens with the entry's clock time and a separator, then
**     maybe a marker and its separator ("14:35 - عاجل | ...", "07:50 -
**     تحديث: ...", "تصحيح: ..."); that head is cut off like a dateline
**     (decision: the time and the marker are no part of the entry's
**     sentence, and read as words they stood where the coder looks for
**     the entry's first actor or its own dateline, "واشنطن: ...").  The
**     line is marked live (txt_line.live): its opening place is the
**     entry's, not the article's dateline.  A clock is 1-2 digits, ':'
**     and 2 digits; its separator a dash, '|' or ':'.  The markers are
**     عاجل, تحديث and تصحيح before '|' or ':'; a marker alone, with no
**     clock before it, is a head too.  A weekday before the clock
**     ("الجمعة 20:10 -") is the entry's date: such a line is left whole.
**   - Sentences without any letter or digit ("...", "»") are skipped.
*/
#include "text.h"

#include <string.h>

#define SEN_DL_MAX_WORDS 4      /* words outside brackets in a dateline */
#define SEN_DL_MAX_LEAD 3       /* words before the first separator */
#define SEN_DL_MAX_AGENCY 2     /* words of an unbracketed agency */
#define SEN_DL_MAX_NUMS 3
#define SEN_DL_MAX_BRACKET 5    /* words inside the agency bracket */
#define SEN_DL_MAX_ITEMS 24

static uint32_t sen_cp(const char *t, size_t e, size_t i, int *k) {
  uint32_t cp;
  *k = txt_utf8_next((const unsigned char *)t + i, e - i, &cp);
  return cp;
}

/* Start of the code point that ends just before t[i] (i > lo). */
static size_t sen_prev(const char *t, size_t lo, size_t i) {
  size_t b = i - 1;
  while (b > lo && ((unsigned char)t[b] & 0xC0) == 0x80) b--;
  return b;
}

static bool sen_is_latin(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

/* Letters (not tatweel U+0640, not digits). */
static bool sen_is_letter(uint32_t cp) {
  if (cp == 0x0640) return false;
  return (cp >= 0x0621 && cp <= 0x064A) || sen_is_latin(cp) ||  /* common first */
         (cp >= 0x066E && cp <= 0x06D3) || (cp >= 0x06FA && cp <= 0x06FF) ||
         (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF);
}

static bool sen_is_digit(uint32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) ||
         (cp >= 0x06F0 && cp <= 0x06F9);
}

/* The ASCII code points of sen_is_letter and sen_is_digit, in two
** tests: 0-9, a-z and A-Z. */
static bool sen_ascii_alnum(uint32_t cp) {
  return cp - '0' < 10 || (cp | 0x20) - 'a' < 26;
}

/* Harakat and other combining marks written on letters. */
static bool sen_is_mark(uint32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
         (cp >= 0x06D6 && cp <= 0x06ED);
}

static bool sen_is_space(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\v' ||
         cp == '\f' || cp == 0xA0 || cp == 0x200B || cp == 0x200E ||
         cp == 0x200F || cp == 0xFEFF || cp == 0x202A || cp == 0x202B ||
         cp == 0x202C || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

static bool sen_is_closer(uint32_t cp) {
  return cp == ')' || cp == ']' || cp == '}' || cp == '"' || cp == '\'' ||
         cp == 0xBB /* » */ || cp == 0x201D /* ” */ || cp == 0x2019 ||
         cp == 0x203A /* › */ || cp == 0xFD3F /* ﴿ ornate */;
}

static bool sen_is_opener(uint32_t cp) {
  return cp == '(' || cp == '[' || cp == '{' || cp == 0xAB /* « */ ||
         cp == 0x201C || cp == 0x2039 || cp == 0xFD3E;
}

static bool sen_is_dash(uint32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 ||
         cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212 ||
         cp == 0x0640 /* tatweel used as a dash: "واشنطن ـ" */;
}

/* The two bytes at u[0..2) as one number, u[0] << 8 | u[1], for the
** byte-level quick tests below.  In valid UTF-8, u need not be on a code
** point boundary (sen_dot_is_inner reads back 2 and 4 bytes blind): D8
** and D9 are only ever lead bytes, so a number D8A1..D99F is the code
** point U+0621..U+065F starting at u, and none other is. */
static uint32_t sen_pair(const unsigned char *u) {
  return (uint32_t)u[0] << 8 | u[1];
}

/* Is v (a sen_pair) an Arabic letter U+0621..U+064A, not tatweel (D9 80)? */
static bool sen_plain_letter(uint32_t v) {
  return v - 0xD8A1u <= 0xD98Au - 0xD8A1u && v != 0xD980u;
}

/* Is the '.' at t[i] (range [lo, hi)) an abbreviation or decimal point? */
static bool sen_dot_is_inner(const char *t, size_t lo, size_t hi, size_t i) {
  /* The common dot, after two Arabic letters and before a space or the
  ** end, is neither, as the tests below find (nothing after it is a digit
  ** or a Latin letter; the letter count stops at two): read from the
  ** bytes, without decoding back code point by code point. */
  const unsigned char *u = (const unsigned char *)t;
  if ((i + 1 >= hi || t[i + 1] == ' ') && i >= lo + 4 &&
      sen_plain_letter(sen_pair(u + i - 2)) &&
      sen_plain_letter(sen_pair(u + i - 4)))
    return false;
  int k;
  uint32_t next = i + 1 < hi ? sen_cp(t, hi, i + 1, &k) : 0;
  uint32_t prev = 0;
  size_t p = i;
  if (i > lo) {
    p = sen_prev(t, lo, i);
    prev = sen_cp(t, hi, p, &k);
  }
  if (sen_is_digit(prev) && sen_is_digit(next)) return true;
  if (sen_is_latin(next) || sen_is_digit(next)) return true;
  /* count the letters of the word before the dot */
  size_t letters = 0, q = i;
  while (q > lo) {
    size_t b = sen_prev(t, lo, q);
    uint32_t cp = sen_cp(t, hi, b, &k);
    if (sen_is_letter(cp)) letters++;
    else if (cp != 0x0640 && !sen_is_mark(cp)) break;
    q = b;
    if (letters > 1) break;
  }
  return letters == 1;
}

enum sen_item { SI_WORD, SI_NUM, SI_DASH, SI_COLON, SI_OPEN, SI_CLOSE,
                SI_SLASH, SI_DOT, SI_BAD };

/* Classify the item at t[i]; sets *next to just past it. */
static int sen_item_at(const char *t, size_t e, size_t i, size_t *next) {
  int k;
  uint32_t cp = sen_cp(t, e, i, &k);
  if (cp < 0x80 ? sen_ascii_alnum(cp) : sen_is_letter(cp) || sen_is_digit(cp)) {
    bool letter = false;
    size_t j = i;
    while (j < e) {
      unsigned char b0 = (unsigned char)t[j];
      if (b0 < 0x80) {   /* ASCII: only digits and letters go on */
        if (!sen_ascii_alnum(b0)) break;
        letter |= b0 > '9';
        j++;
        continue;
      }
      /* the common case, U+0621..U+064A but tatweel (a letter), decoded
      ** inline without the general tests */
      if ((b0 & 0xFE) == 0xD8 && j + 1 < e &&
          ((unsigned char)t[j + 1] & 0xC0) == 0x80) {
        uint32_t c2 = ((uint32_t)(b0 & 0x1F) << 6) | (t[j + 1] & 0x3F);
        if (c2 >= 0x0621 && c2 <= 0x064A && c2 != 0x0640) {
          letter = true;
          j += 2;
          continue;
        }
      }
      cp = sen_cp(t, e, j, &k);
      if (sen_is_letter(cp)) letter = true;
      else if (!sen_is_digit(cp) && !sen_is_mark(cp) && cp != 0x0640) break;
      j += (size_t)k;
    }
    *next = j;
    return letter ? SI_WORD : SI_NUM;
  }
  *next = i + (size_t)k;
  if (sen_is_dash(cp)) {
    while (*next < e && sen_cp(t, e, *next, &k) == 0x0640) *next += (size_t)k;
    return SI_DASH;
  }
  if (cp == ':') return SI_COLON;
  if (sen_is_opener(cp) || cp == '"') return cp == '"' ? SI_CLOSE : SI_OPEN;
  if (sen_is_closer(cp)) return SI_CLOSE;
  if (cp == '/') return SI_SLASH;
  if (cp == '.') return SI_DOT;
  return SI_BAD;
}

/* Does t[i..e) open with more than SEN_DL_MAX_LEAD plain words, each
** followed by spaces ' '?  A plain word is a letter U+0621..U+064A (not
** tatweel), then letters, tatweel and harakat (U+0621..U+065F).  Most
** lines do, and such a line has no dateline: sen_dateline reads each of
** these words as one SI_WORD item (its word loop stops at the ' '), and
** returns its start s (i here) at the fourth, which has no separator or
** bracket before it (or sooner, at SEN_DL_MAX_ITEMS items, after many
** spaces).  Read from the bytes, without the items' general tests: two
** lines in three of the bench corpus are proven so (txt_line_open: 6.9
** -> 4.7 M instructions on its 2 MB sample). */
static bool sen_plain_lead(const char *t, size_t i, size_t e) {
  const unsigned char *u = (const unsigned char *)t;
  for (int words = 0;;) {
    if (i + 1 >= e || !sen_plain_letter(sen_pair(u + i))) return false;
    if (++words > SEN_DL_MAX_LEAD) return true;
    for (i += 2; i + 1 < e && sen_pair(u + i) - 0xD8A1u <= 0xD99Fu - 0xD8A1u;)
      i += 2;   /* U+0621..U+065F */
    if (i >= e || u[i] != ' ') return false;
    while (i < e && u[i] == ' ') i++;
  }
}

/* If t[s..e) opens with a dateline (see the top of the file), return the
** offset just after it; otherwise return s. */
static size_t sen_dateline(const char *t, size_t s, size_t e) {
  if (sen_plain_lead(t, s, e)) return s;
  size_t i = s, words = 0, nums = 0, seps = 0, dashes = 0, items = 0;
  size_t br_words = 0, seg_words = 0;
  bool in_br = false, had_br = false, quote_open = false;
  while (i < e && items++ < SEN_DL_MAX_ITEMS) {
    int k;
    uint32_t cp = sen_cp(t, e, i, &k);
    if (sen_is_space(cp)) {
      i += (size_t)k;
      continue;
    }
    size_t next;
    int it = sen_item_at(t, e, i, &next);
    /* a straight quote opens or closes depending on the state */
    if (cp == '"') it = quote_open ? SI_CLOSE : SI_OPEN;
    switch (it) {
    case SI_WORD:
      if (in_br) {
        if (++br_words > SEN_DL_MAX_BRACKET) return s;
      } else {
        if (++words > SEN_DL_MAX_WORDS) return s;
        seg_words++;
        if (seps == 0 && !had_br && seg_words > SEN_DL_MAX_LEAD) return s;
        if (seps > 0 && seg_words > SEN_DL_MAX_AGENCY) return s;
      }
      break;
    case SI_NUM:
      if (in_br || ++nums > SEN_DL_MAX_NUMS) return s;
      break;
    case SI_SLASH:
      if (in_br) break;
      if (nums == 0) return s;
      break;
    case SI_DOT:
      if (!in_br) return s;   /* أ.ف.ب inside the bracket only */
      break;
    case SI_OPEN:
      if (in_br || had_br || (words == 0 && nums == 0 && i != s)) return s;
      in_br = true;
      quote_open = cp == '"';
      br_words = 0;
      break;
    case SI_CLOSE:
      if (!in_br || br_words == 0) return s;
      in_br = false;
      quote_open = false;
      had_br = true;
      break;
    case SI_DASH:
    case SI_COLON:
      if (in_br) return s;
      if (words == 0 && !had_br) return s;
      seps++;
      if (it == SI_DASH) dashes++;
      if ((had_br && it == SI_DASH) || (it == SI_COLON && dashes >= 1))
        return next;
      seg_words = 0;
      break;
    default:
      return s;
    }
    i = next;
  }
  return s;
}


/* Skip the white space at t[i..e); returns the first other offset. */
static size_t sen_skip_space(const char *t, size_t i, size_t e) {
  int k;
  while (i < e && sen_is_space(sen_cp(t, e, i, &k))) i += (size_t)k;
  return i;
}

/* If t[i..e) opens with a run of n digits, min <= n <= max, return the
** offset after it; otherwise i. */
static size_t sen_digits(const char *t, size_t i, size_t e, int min, int max) {
  size_t j = i;
  int n = 0, k;
  while (j < e && n <= max && sen_is_digit(sen_cp(t, e, j, &k))) {
    j += (size_t)k;
    n++;
  }
  return n >= min && n <= max ? j : i;
}

/* If t[i..e) opens, after white space, with one of the live head's
** separators ('|', ':', or a dash when `dash`), return the offset
** after it and the white space after it; otherwise i. */
static size_t sen_live_sep(const char *t, size_t i, size_t e, bool dash) {
  size_t j = sen_skip_space(t, i, e);
  int k;
  if (j >= e) return i;
  uint32_t cp = sen_cp(t, e, j, &k);
  if (cp != '|' && cp != ':' && !(dash && sen_is_dash(cp))) return i;
  return sen_skip_space(t, j + (size_t)k, e);
}

/* If t[s..e) opens with a live-page entry's head (see the top of the
** file), return the offset just after it; otherwise return s. */
static size_t sen_live_head(const char *t, size_t s, size_t e) {
  static const char *const markers[] = {
      "\xd8\xb9\xd8\xa7\xd8\xac\xd9\x84",                 /* عاجل */
      "\xd8\xaa\xd8\xad\xd8\xaf\xd9\x8a\xd8\xab",         /* تحديث */
      "\xd8\xaa\xd8\xb5\xd8\xad\xd9\x8a\xd8\xad"};        /* تصحيح */
  size_t i = s, j = sen_digits(t, s, e, 1, 2);
  if (j > s && j < e && t[j] == ':') {
    size_t m = sen_digits(t, j + 1, e, 2, 2);
    size_t after = m > j + 1 ? sen_live_sep(t, m, e, true) : m;
    if (after > m) i = after;
  }
  for (size_t x = 0; x < sizeof markers / sizeof *markers; x++) {
    size_t n = strlen(markers[x]);
    if (i + n <= e && memcmp(t + i, markers[x], n) == 0) {
      size_t after = sen_live_sep(t, i + n, e, false);
      if (after > i + n) return after;
    }
  }
  return i;
}

/* Trim [*a, *b) of white space. */
static void sen_trim(const char *t, size_t *a, size_t *b) {
  int k;
  *a = sen_skip_space(t, *a, *b);
  while (*b > *a) {
    size_t p = sen_prev(t, *a, *b);
    if (!sen_is_space(sen_cp(t, *b, p, &k))) break;
    *b = p;
  }
}

/* See text.h.  The rules at the top of the file, for the code point at
** t[i]: an end mark that is not an inner '.' ends the sentence, after
** the run of end marks and the closers that follow it. */
size_t txt_line_end_at(const txt_line *ln, size_t i, uint32_t cp) {
  const char *t = ln->t;
  size_t b = ln->b;
  if (!txt_is_end_mark(cp) || (cp == '.' && sen_dot_is_inner(t, ln->a, b, i)))
    return 0;
  /* past the end mark (1-3 bytes); a ' ' after it is no end mark or
  ** closer, and is what follows most */
  size_t j = i + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3);
  if (j >= b || t[j] == ' ') return j;
  int k;
  while (j < b && txt_is_end_mark(sen_cp(t, b, j, &k))) j += (size_t)k;
  while (j < b && sen_is_closer(sen_cp(t, b, j, &k))) j += (size_t)k;
  return j;
}

/* See text.h.  From i, white space is skipped; a sentence whose first
** code point is a letter or a digit has content (the common case).
** Otherwise its code points are read until the first letter or digit
** (content: the sentence starts at i) or the first end that
** txt_line_end_at finds (the sentence up to it has none and is skipped:
** its run of end marks and closers holds no letter or digit either). */
size_t txt_line_next(const txt_line *ln, size_t i) {
  const char *t = ln->t;
  size_t b = ln->b;
  /* most sentences start after one ' ' with an Arabic letter: what the
  ** loops below find there, read from the bytes */
  size_t q = i < b && t[i] == ' ' ? i + 1 : i;
  if (q + 1 < b && sen_plain_letter(sen_pair((const unsigned char *)t + q)))
    return q;
  int k;
  for (;;) {
    i = sen_skip_space(t, i, b);
    size_t p = i, j = 0;
    for (; p < b && j == 0; p += (size_t)k) {
      uint32_t cp = sen_cp(t, b, p, &k);
      if (sen_is_letter(cp) || sen_is_digit(cp)) return i;
      j = txt_line_end_at(ln, p, cp);
    }
    if (j == 0) return b;   /* the rest of the line has no content */
    i = j;
  }
}

/* Is t[i..e), what follows a dateline's place or its cut dateline on a
** line, no story: nothing; what ends with a dash, of at most
** SEN_DL_MAX_LEAD words outside brackets and SEN_DL_MAX_NUMS numbers
** ("خاص - 31 يناير 2018 -", "12 مايو (أيار) 1990 -"); or an outlet's
** name in brackets alone, of at most SEN_DL_MAX_BRACKET words
** ("«نشرة الانتفاضة»")?  A story's sentence after
** a dateline ends with no dash ("قتل 5 في تفجير") or has more words. */
static bool sen_dateline_rest(const char *t, size_t i, size_t e) {
  size_t words = 0, br_words = 0, nums = 0, items = 0;
  int last = SI_DASH;
  bool in_br = false;
  i = sen_skip_space(t, i, e);
  /* a story's sentence most often opens with more than SEN_DL_MAX_LEAD
  ** plain words (sen_plain_lead), which the loop below reads as as many
  ** SI_WORD items outside brackets: too many words, proven from the
  ** bytes (sen_dateline_rest: the sample's 1,447 calls 1.9 -> 0.6 M
  ** instructions; test_sentence's test_dateline_rest_fast_path) */
  if (sen_plain_lead(t, i, e)) return false;
  for (; i < e; i = sen_skip_space(t, i, e)) {
    size_t next;
    last = sen_item_at(t, e, i, &next);
    switch (last) {
    case SI_WORD: in_br ? br_words++ : words++; break;
    case SI_NUM: nums++; break;
    case SI_OPEN: in_br = true; break;
    case SI_CLOSE: in_br = false; break;
    case SI_DASH: break;
    default: return false;
    }
    if (words > SEN_DL_MAX_LEAD || br_words > SEN_DL_MAX_BRACKET ||
        nums > SEN_DL_MAX_NUMS || ++items > SEN_DL_MAX_ITEMS)
      return false;
    i = next;
  }
  return last == SI_DASH || (words == 0 && nums == 0);
}

/* Is the line t[a..b) only a dateline, set above its story as local
** sites set it ("عدن - خاص - 31 يناير 2018 -", "موبتي - «مرصد الساحل» -
** 6 أبريل 2022 -", "كسمايو - «صوت جوبا» -", "غزة - خاص:") or pan-Arab
** dailies their bureau ("بيروت - «الحياة»")?  cut is where sen_dateline
** cut it (a: it did not).  Uncut, it is a place of at most
** SEN_DL_MAX_LEAD words, a dash and a rest (sen_dateline_rest), and so
** ends with a dash or a closer. */
static bool sen_dateline_alone(const char *t, size_t a, size_t b, size_t cut) {
  if (cut > a) return sen_dateline_rest(t, cut, b);
  int k;
  if (b <= a) return false;
  uint32_t cp = sen_cp(t, b, sen_prev(t, a, b), &k);
  if (!sen_is_dash(cp) && !sen_is_closer(cp)) return false;
  size_t words = 0, next;
  for (size_t i = a; i < b; i = sen_skip_space(t, next, b)) {
    int it = sen_item_at(t, b, i, &next);
    if (it == SI_DASH)
      return words > 0 && sen_dateline_rest(t, next, b);
    if (it != SI_WORD || ++words > SEN_DL_MAX_LEAD) return false;
  }
  return false;
}

/* See text.h. */
size_t txt_line_open(txt_line *ln, const char *t, size_t lo, size_t hi) {
  ln->t = t;
  ln->a = lo;
  ln->b = hi;
  sen_trim(t, &ln->a, &ln->b);
  size_t i = sen_dateline(t, ln->a, ln->b);
  /* a line that is only a dateline is kept whole, one sentence that the
  ** coder reads for its place only (txt_sentence.dateline): cut, it
  ** left a date or the outlet's name as a sentence, or nothing, and the
  ** story lost its place */
  ln->dateline = sen_dateline_alone(t, ln->a, ln->b, i);
  if (ln->dateline) {
    ln->live = false;
    ln->lead = TXT_LINE_START;
    return ln->a;
  }
  size_t head = i == ln->a ? sen_live_head(t, i, ln->b) : i;
  ln->live = head > i;
  size_t first = txt_line_next(ln, head);
  /* the line's first sentence opens it (TXT_LINE_START), or follows a
  ** dateline or live head cut off before it (TXT_HEAD_CUT), or follows a
  ** sentence skipped for want of content ("... ": TXT_MID_LINE) */
  ln->lead = first == ln->a ? TXT_LINE_START
             : head > ln->a && first == sen_skip_space(t, head, ln->b)
                 ? TXT_HEAD_CUT
                 : TXT_MID_LINE;
  return first;
}

/* See text.h.  `text` must be valid UTF-8; `kept` ranges lie inside it
** and hold no '\n'.  *sents is an arena array (NULL when there is no
** sentence).  Returns WASIT_OK or WASIT_ENOMEM. */
int txt_sentences_split(wa_arena *ar, const char *text, const txt_range *kept,
                        size_t n_kept, txt_range **sents, size_t *n_sents) {
  txt_range *items = NULL;
  size_t n = 0, cap = 0;
  *sents = NULL;
  *n_sents = 0;
  for (size_t r = 0; r < n_kept; r++) {
    txt_line ln;
    size_t i = txt_line_open(&ln, text, kept[r].start,
                             (size_t)kept[r].start + kept[r].len);
    while (i < ln.b) {
      size_t j = ln.b;   /* the sentence's end: the line's, or an end mark's */
      int k;
      for (size_t p = i; p < ln.b; p += (size_t)k) {
        size_t e = txt_line_end_at(&ln, p, sen_cp(text, ln.b, p, &k));
        if (e > 0) {
          j = e;
          break;
        }
      }
      if (n == cap && !arena_grow(ar, (void **)&items, &cap, n + 1,
                                  sizeof *items))
        return WASIT_ENOMEM;
      items[n].start = (uint32_t)i;
      items[n].len = (uint32_t)(j - i);
      n++;
      i = txt_line_next(&ln, j);
    }
  }
  *sents = items;
  *n_sents = n;
  return WASIT_OK;
}
