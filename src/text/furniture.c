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
** Everything else is kept: a sentence that merely contains a furniture
** word ("شارك آلاف المتظاهرين في مسيرة ...") is article text.
** Empty lines are neither kept nor counted as dropped.
*/
#include "text.h"

#include <string.h>

#define FUR_MAX_PHRASE_WORDS 6   /* longest phrase tried, in words */
#define FUR_ALL_MAX_WORDS 8      /* rule 5 */
#define FUR_SHORT_MAX_WORDS 10   /* rule 6, two-word phrases */
#define FUR_LONG_PHRASE_MAX_WORDS 20 /* rule 6, phrases of 3+ words */
#define FUR_KEY_MAX 256          /* bytes of a joined phrase key */
#define FUR_PREFIX_BYTES 320     /* long lines: bytes judged first */

enum fur_item_kind { FUR_WORD, FUR_NUM, FUR_OTHER };

typedef struct fur_item {
  uint32_t off, len;   /* span in the normalized line */
  uint8_t kind;        /* enum fur_item_kind */
  bool colon;          /* a ':' follows (before the next item) */
} fur_item;

typedef struct fur_line {
  fur_item *items;
  size_t n, cap;
  size_t n_words;
  bool sentence_punct;
  bool truncated;      /* split stopped after FUR_LONG_PHRASE_MAX_WORDS + 1
                          words: a long line (only rules 3 and 4 apply) */
} fur_line;

/* Letters of the scripts news pages use: Arabic blocks and Latin. */
static bool fur_is_letter(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) ||
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
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f' ||
         cp == 0xA0 || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
         cp == 0xFEFF || cp == 0x202A || cp == 0x202B || cp == 0x202C ||
         cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

static uint32_t fur_cp(const char *s, size_t n, size_t i, int *k) {
  uint32_t cp;
  *k = txt_utf8_next((const unsigned char *)s + i, n - i, &cp);
  return cp;
}

static bool fur_push(fur_line *ln, wa_arena *ar, fur_item it) {
  if (ln->n == ln->cap &&
      !arena_grow(ar, (void **)&ln->items, &ln->cap, ln->n + 1,
                  sizeof *ln->items))
    return false;
  ln->items[ln->n++] = it;
  if (it.kind == FUR_WORD) ln->n_words++;
  return true;
}

/* A whitespace-free chunk that is a URL, an e-mail or a hashtag. */
static bool fur_is_other_chunk(const char *c, size_t n) {
  if (n >= 2 && c[0] == '#') return true;
  if (n >= 2 && c[0] == '@') return true;
  for (size_t i = 0; i + 3 <= n; i++) {
    if (memcmp(c + i, "://", 3) == 0) return true;
    if (i + 4 <= n && memcmp(c + i, "www.", 4) == 0) return true;
  }
  const char *at = memchr(c, '@', n);
  if (at != NULL && memchr(at, '.', n - (size_t)(at - c)) != NULL) return true;
  return false;
}

/* Split the normalized line s[0..n) into items.  Stops (truncated) before
** the word after FUR_LONG_PHRASE_MAX_WORDS + 1 words: no rule needs more
** of a line that long, and article paragraphs are long. */
static int fur_split(const char *s, size_t n, wa_arena *ar, fur_line *ln) {
  size_t i = 0;
  ln->n = ln->n_words = 0;
  ln->sentence_punct = false;
  ln->truncated = false;
  while (i < n) {
    int k;
    uint32_t cp = fur_cp(s, n, i, &k);
    if (fur_is_space(cp)) {
      i += (size_t)k;
      continue;
    }
    size_t cs = i;   /* chunk = run of non-space */
    while (i < n) {
      cp = fur_cp(s, n, i, &k);
      if (fur_is_space(cp)) break;
      i += (size_t)k;
    }
    if (fur_is_other_chunk(s + cs, i - cs)) {
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

/* Longest phrase of `tab` starting at word item `at`, made of consecutive
** word items (a number or other item breaks a phrase).  Returns the number
** of items it covers (0 = none) and sets *kind.  A single word is also
** tried without a leading و (U+0648) conjunction ("وتويتر"). */
static size_t fur_match(const txt_table *tab, const char *s,
                        const fur_line *ln, size_t at, int *kind) {
  char key[FUR_KEY_MAX];
  size_t klen = 0, best = 0;
  /* no phrase begins with this word: skip the joined keys */
  bool may = at < ln->n &&
             txt_table_may_start(tab, s + ln->items[at].off, ln->items[at].len);
  for (size_t w = 0; may && w < FUR_MAX_PHRASE_WORDS && at + w < ln->n; w++) {
    const fur_item *it = &ln->items[at + w];
    if (it->kind != FUR_WORD) break;
    if (w > 0 && it[-1].colon) break;   /* a phrase never spans a ':' */
    if (klen + 1 + it->len > sizeof key) break;
    if (w > 0) key[klen++] = ' ';
    memcpy(key + klen, s + it->off, it->len);
    klen += it->len;
    const txt_kv *kv = txt_table_find(tab, key, klen);
    if (kv != NULL) {
      best = w + 1;
      *kind = kv->kind;
    }
    if (!txt_table_may_extend(tab, key, klen)) break;   /* no longer key */
  }
  if (best == 0 && at < ln->n && ln->items[at].kind == FUR_WORD) {
    const fur_item *it = &ln->items[at];
    /* و is 0xD9 0x88 in UTF-8 */
    if (it->len > 4 && (unsigned char)s[it->off] == 0xD9 &&
        (unsigned char)s[it->off + 1] == 0x88 &&
        txt_table_may_start(tab, s + it->off + 2, it->len - 2)) {
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
  size_t m = fur_match(tab, s, ln, first, &kind);
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
    m = fur_match(tab, s, ln, i, &kind);
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
  /* prefix cuts (below) need ' ' to normalize to itself */
  char sp_norm[TXT_NORM_CP_MAX];
  bool space_plain = txt_normalize_cp(txt_default_normmap(), ' ', sp_norm) == 1 &&
                     sp_norm[0] == ' ';
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
    /* A long line is first judged on a prefix cut at a space: normalizing
    ** is per code point, so the prefix normalizes to a prefix of the
    ** line's normalized form with the same items, and when it already
    ** holds more than FUR_LONG_PHRASE_MAX_WORDS words (truncated) the
    ** verdict is the whole line's. */
    size_t cut = e;
    if (space_plain && e - s > FUR_PREFIX_BYTES) {
      const char *sp = memchr(text + s + FUR_PREFIX_BYTES, ' ',
                              e - s - FUR_PREFIX_BYTES);
      if (sp != NULL) cut = (size_t)(sp - text);
    }
    const char *ns;
    for (;;) {
      buf_reset(&norm);
      rc = txt_normalize_with(txt_default_normmap(), text + s, cut - s, &norm,
                              NULL);
      if (rc != WASIT_OK) goto done;
      ns = norm.data ? norm.data : "";
      rc = fur_split(ns, norm.len, ar, &ln);
      if (rc != WASIT_OK) goto done;
      if (cut == e || ln.truncated) break;
      cut = e;   /* the prefix was not enough: the whole line */
    }
    int v = fur_judge(tab, ns, &ln);
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
