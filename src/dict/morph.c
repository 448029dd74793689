/*
** morph.c: verb-form and nisba-adjective expansion for the dictionary
** stage (src/dict).
**
** Dictionary writers give a verb once, as the 3rd person masculine singular
** perfect (V:اتفق) or imperfect (I:يتفق); this file produces the forms news
** text actually uses, so the index can match them with one hash lookup.
** Input: a normalized word (ى already ي, ة already ه, hamza seats folded).
** Unvocalized Arabic writes the passive like the active, so the same forms
** also cover the passive reading.  Typical output: 10-40 forms per word.
** A nationality adjective is given in its singular (نيكاراغوي); its
** plural and dual forms name the people (آلاف النيكاراغويين).
*/
#include "dict.h"

#include <string.h>

/* Perfect endings: ت ا تا وا ن نا تم تن (ta, alif, ta-alif, waw-alif, nun,
** nun-alif, ta-mim, ta-nun). */
static const char *const perfect_endings[] = {
    "", "\xd8\xaa", "\xd8\xa7", "\xd8\xaa\xd8\xa7", "\xd9\x88\xd8\xa7",
    "\xd9\x86", "\xd9\x86\xd8\xa7", "\xd8\xaa\xd9\x85", "\xd8\xaa\xd9\x86"};

/* Imperfect person prefixes replacing the initial ya: ي ت ن ا. */
static const char *const imperfect_prefixes[] = {"\xd9\x8a", "\xd8\xaa",
                                                  "\xd9\x86", "\xd8\xa7"};
/* Imperfect endings: ان ون ين ن وا (alif-nun, waw-nun, ya-nun, nun,
** waw-alif). */
static const char *const imperfect_endings[] = {
    "", "\xd8\xa7\xd9\x86", "\xd9\x88\xd9\x86", "\xd9\x8a\xd9\x86",
    "\xd9\x86", "\xd9\x88\xd8\xa7"};

/* Weak-final perfect endings after dropping the last letter: ت تا وا. */
static const char *const weak_endings[] = {"\xd8\xaa", "\xd8\xaa\xd8\xa7",
                                           "\xd9\x88\xd8\xa7"};

#define YA "\xd9\x8a"    /* U+064A ya */
#define ALIF "\xd8\xa7"  /* U+0627 alif */

/* The forms of one dict_morph_expand call: out[0..*n) (cap entries) and
** the byte length of each form this call added (forms before `first`,
** or past MORPH_LENS, are measured with strlen).  Why: every new form is
** compared with all the earlier ones, and measuring each of them again
** was most of the expansion's cost. */
#define MORPH_LENS 64
typedef struct form_set {
  wa_arena *ar;
  const char **out;
  size_t *n, cap, first;
  uint16_t lens[MORPH_LENS];
} form_set;

/* Append a+b as a new arena string unless out is full or it is a duplicate.
** The form is written before it is compared: one inline compare per
** earlier form of its length, instead of two library calls each; a
** duplicate leaves its few bytes unused in the arena. */
static int add_form(form_set *fs, const char *a, size_t alen, const char *b) {
  size_t blen = strlen(b), len = alen + blen;
  if (len == 0 || *fs->n >= fs->cap) return WASIT_OK;
  char *s = arena_alloc(fs->ar, len + 1);
  if (!s) return WASIT_ENOMEM;
  memcpy(s, a, alen);
  for (size_t k = 0; k < blen; k++) s[alen + k] = b[k];   /* 0-6 bytes */
  s[len] = '\0';
  /* compare with every earlier form of its length, in three runs: forms
  ** before this call's and past MORPH_LENS (measured), this call's (their
  ** lengths at hand) */
  size_t n = *fs->n, first = fs->first < n ? fs->first : n;
  size_t mine = n - first < MORPH_LENS ? n : first + MORPH_LENS;
  for (size_t i = 0; i < first; i++)
    if (strlen(fs->out[i]) == len && wa_bytes_eq(fs->out[i], s, len))
      return WASIT_OK;
  for (size_t i = first; i < mine; i++)
    if (fs->lens[i - first] == len && wa_bytes_eq(fs->out[i], s, len))
      return WASIT_OK;
  for (size_t i = mine; i < n; i++)
    if (strlen(fs->out[i]) == len && wa_bytes_eq(fs->out[i], s, len))
      return WASIT_OK;
  if (n - fs->first < MORPH_LENS)
    fs->lens[n - fs->first] = (uint16_t)len;
  fs->out[(*fs->n)++] = s;
  return WASIT_OK;
}

static bool ends_with(const char *s, size_t len, const char *suf) {
  size_t k = strlen(suf);
  return len >= k && memcmp(s + len - k, suf, k) == 0;
}

/* Does the letter at position i of an Arabic word (two bytes a
** letter) equal the UTF-8 letter c? */
static bool letter_is(const char *word, size_t i, const char *c) {
  return memcmp(word + 2 * i, c, 2) == 0;
}

/* Forms of one perfect stem, including the weak-final variants (التقى ->
** التقت, التقوا; دعا -> دعت, دعوا). */
static int expand_perfect(form_set *fs, const char *s, size_t len) {
  int rc;
  for (size_t e = 0; e < sizeof perfect_endings / sizeof *perfect_endings; e++) {
    /* a two-letter (doubled) stem would make ordinary words with the nun
    ** endings: ضم + ن = ضمن ("within"); its real forms are ضممن, ضممنا */
    if (len <= 4 && strstr(perfect_endings[e], "\xd9\x86")) /* nun */
      continue;
    if ((rc = add_form(fs, s, len, perfect_endings[e]))) return rc;
  }
  if ((ends_with(s, len, YA) || ends_with(s, len, ALIF)) && len > 4) {
    size_t base = len - 2;
    for (size_t e = 0; e < 3; e++)
      if ((rc = add_form(fs, s, base, weak_endings[e]))) return rc;
  }
  return WASIT_OK;
}

/* Contract in dict.h. */
int dict_morph_expand(wa_arena *ar, const char *stem, size_t len,
                      int imperfect, const char **out, size_t *n, size_t cap) {
  form_set fs = {ar, out, n, cap, *n, {0}};
  if (!imperfect) return expand_perfect(&fs, stem, len);
  if (len < 4 || !letter_is(stem, 0, YA)) return WASIT_EDICT;
  const char *rest = stem + 2;
  size_t rlen = len - 2;
  char tmp[256];
  if (rlen + 2 > sizeof tmp) return WASIT_EDICT;
  for (size_t p = 0; p < 4; p++) {
    memcpy(tmp, imperfect_prefixes[p], 2);
    memcpy(tmp + 2, rest, rlen);
    int rc;
    for (size_t e = 0;
         e < sizeof imperfect_endings / sizeof *imperfect_endings; e++)
      if ((rc = add_form(&fs, tmp, rlen + 2, imperfect_endings[e]))) return rc;
    if (ends_with(rest, rlen, YA) && rlen > 2) {
      /* weak final ya: يلتقي -> يلتقون, يلتقوا */
      if ((rc = add_form(&fs, tmp, rlen, "\xd9\x88\xd9\x86")) ||
          (rc = add_form(&fs, tmp, rlen, "\xd9\x88\xd8\xa7")))
        return rc;
    }
  }
  return WASIT_OK;
}

/* Nisba endings after the final ي: the accusative ا ("محتجزا
** إسرائيليا"), the plurals ون and ين ("المتظاهرين الكينيين"), the dual
** ان, and the feminine dual تان/تين and plural ات ("مدمرتان
** أمريكيتان", "قوات أمريكية": the feminine singular is listed).  Why
** generated: most states' adjective lines list the singulars only, and
** the plural is what reports of crowds, detainees and troops use. */
static const char *const nisba_endings[] = {
    "\xd8\xa7", "\xd9\x88\xd9\x86", "\xd9\x8a\xd9\x86",
    "\xd8\xa7\xd9\x86", "\xd8\xaa\xd8\xa7\xd9\x86",
    "\xd8\xaa\xd9\x8a\xd9\x86", "\xd8\xa7\xd8\xaa"};

/* Contract in dict.h. */
int dict_morph_hamza(wa_arena *ar, const char *word, size_t len,
                     const char **out, size_t *n, size_t cap) {
  /* the final hamza after alif sits on ya or waw before a suffix
  ** (لقائه، لقاؤه), which normalization writes ي and و */
  if (len < 6 || !ends_with(word, len, ALIF "\xd8\xa1")) return WASIT_OK;
  form_set fs = {ar, out, n, cap, *n, {0}};
  int rc = add_form(&fs, word, len - 2, YA);
  if (!rc) rc = add_form(&fs, word, len - 2, "\xd9\x88");
  return rc;
}

/* Contract in dict.h. */
int dict_morph_hal(wa_arena *ar, const char *word, size_t len,
                   const char **out, size_t *n, size_t cap) {
  /* an active participle (dict_morph_participle: معربا، مؤكدا، واصفا), at
  ** least four letters, ending in the accusative alif; a perfect dual or
  ** plural (وعدا، قبلتا، شكروا) is no participle */
  if (len < 8 || !ends_with(word, len, ALIF) || !dict_morph_participle(word, len))
    return WASIT_OK;
  form_set fs = {ar, out, n, cap, *n, {0}};
  size_t stem = len - 2;
  if (ends_with(word, stem, YA)) /* داعيا: the plural داعين only (داعية is a preacher) */
    return add_form(&fs, word, stem - 2, YA "\xd9\x86");
  int rc = add_form(&fs, word, stem, "\xd9\x87");   /* ة, normalized ه */
  if (!rc) rc = add_form(&fs, word, stem, YA "\xd9\x86"); /* ين */
  return rc;
}

/* Contract in dict.h. */
bool dict_morph_participle(const char *word, size_t len) {
  /* م... (derived forms: مؤكدا) or فاعل (داعية, رافضا), ending in the
  ** accusative alif (not a perfect dual or plural: وعدا، قبلتا، شكروا),
  ** ة (normalized ه), ين or ون */
  if (len < 6 || (!letter_is(word, 0, "\xd9\x85") && !letter_is(word, 1, ALIF)))
    return false;
  if (ends_with(word, len, ALIF))
    return !ends_with(word, len, "\xd9\x88" ALIF) && !ends_with(word, len, "\xd8\xaa" ALIF);
  return ends_with(word, len, "\xd9\x87") || ends_with(word, len, YA "\xd9\x86") ||
         ends_with(word, len, "\xd9\x88\xd9\x86");
}

/* Contract in dict.h. */
bool dict_morph_verbal_noun(const char *word, size_t len) {
  static const char *const suffixes[] = {"\xd9\x87\xd9\x85\xd8\xa7",
                                         "\xd9\x87\xd8\xa7", "\xd9\x87\xd9\x85",
                                         "\xd9\x87", ""}; /* هما ها هم ه */
  const char *ta = "\xd8\xaa", *sin = "\xd8\xb3", *nun = "\xd9\x86";
  for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
    if (!ends_with(word, len, suffixes[i])) continue;
    size_t n = (len - strlen(suffixes[i])) / 2; /* letters left */
    if ((n == 5 && letter_is(word, 0, ta) && letter_is(word, 3, YA)) ||   /* تفعيل */
        (n == 5 && letter_is(word, 0, ALIF) && letter_is(word, 3, ALIF)) || /* إفعال */
        (n == 6 && letter_is(word, 0, ALIF) && letter_is(word, 4, ALIF) &&
         (letter_is(word, 2, ta) || letter_is(word, 1, nun))) ||   /* افتعال، انفعال */
        (n == 7 && letter_is(word, 0, ALIF) && letter_is(word, 1, sin) &&
         letter_is(word, 2, ta) && letter_is(word, 5, ALIF)))      /* استفعال */
      return true;
  }
  return false;
}

/* Contract in dict.h. */
int dict_morph_nisba(wa_arena *ar, const char *adj, size_t len,
                     const char **out, size_t *n, size_t cap) {
  if (len < 4 || !ends_with(adj, len, YA)) return WASIT_OK;
  form_set fs = {ar, out, n, cap, *n, {0}};
  for (size_t e = 0; e < sizeof nisba_endings / sizeof *nisba_endings; e++) {
    int rc = add_form(&fs, adj, len, nisba_endings[e]);
    if (rc) return rc;
  }
  return WASIT_OK;
}
