/*
** normalize.c: Arabic normalization for matching (text layer, stage 1d).
**
** Input: valid UTF-8 (txt_utf8_repair ran before; stray invalid bytes are
** still read as U+FFFD, never trusted).  Output: the matching form of the
** text, plus (optionally) a map from every output byte back to the input
** byte it came from, so token spans in the normalized text point back to
** the original.  The original text itself is never changed.
**
** Steps per code point:
**   1. Arabic presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFF) get
**      NFKC through libutf8proc (compatibility decomposition, then
**      canonical composition): the lam-alef ligature becomes lam + alef,
**      U+FDF2 the four letters of "Allah", the initial form of hamza-alef
**      the plain letter U+0623.  Other text is not NFKC'd: only these
**      blocks hold compatibility forms that occur in Arabic news.
**   2. the map from dict/ar/text/normalize.txt (alef forms, ta marbuta,
**      harakat, tatweel, digits ...), found by the generated direct index
**      for the Arabic block U+0600..U+06FF, else by binary search;
**   3. ASCII A-Z lowered.
** The map is data: it is passed in (txt_normmap), and the built-in one is
** generated into build/gen/tables.c.  Under WASIT_GENTABLES this file is
** compiled into the generator itself, which has no generated tables yet.
*/
#include "text.h"
#include <string.h>
#include <utf8proc.h>

/* The rule for cp, or NULL (rules sorted by `from`). */
static const txt_normrule *rule_find(const txt_normmap *map, uint32_t cp) {
  if (map->arabic_index != NULL && cp >= 0x0600 && cp <= 0x06FF) {
    uint16_t k = map->arabic_index[cp - 0x0600];
    return k ? &map->rules[k - 1] : NULL;
  }
  size_t lo = 0, hi = map->n_rules;
  if (hi == 0 || cp < map->rules[0].from || cp > map->rules[hi - 1].from)
    return NULL;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    uint32_t f = map->rules[mid].from;
    if (f == cp) return &map->rules[mid];
    if (f < cp) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

/* Steps 2 and 3 for one code point; writes at most 4 bytes (replacements
** are limited to 4 bytes by the generator) and returns the length. */
static int map_one(const txt_normmap *map, uint32_t cp, char *out) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    const txt_normrule *r = rule_find(map, cp);
    if (r == NULL) {
      out[0] = (char)cp;
      return 1;
    }
    size_t n = strlen(r->to);
    memcpy(out, r->to, n > 4 ? 4 : n);
    return (int)(n > 4 ? 4 : n);
  }
  const txt_normrule *r = rule_find(map, cp);
  if (r == NULL) return txt_utf8_encode(cp, out);
  size_t n = strlen(r->to);
  if (n > 4) n = 4;
  memcpy(out, r->to, n);
  return (int)n;
}

static bool is_presentation_form(uint32_t cp) {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

/* See text.h. */
int txt_normalize_cp(const txt_normmap *map, uint32_t cp, char *out) {
  if (!is_presentation_form(cp)) return map_one(map, cp, out);
  utf8proc_int32_t dec[32];
  int bound = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      (utf8proc_int32_t)cp, dec, 32, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT,
      &bound);
  if (n <= 0 || n > 32) return map_one(map, cp, out);
  /* recompose (NFKC): the hamza form of alef stays one code point, so the
  ** map alone decides what becomes of it */
  utf8proc_ssize_t m = utf8proc_normalize_utf32(dec, n, UTF8PROC_COMPOSE);
  if (m > 0) n = m;
  int len = 0;
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    if (len + 4 > TXT_NORM_CP_MAX) break;
    len += map_one(map, (uint32_t)dec[i], out + len);
  }
  return len;
}

/* Append n copies of input index `at` to the offsets buffer. */
static bool offsets_put(wa_buf *offs, uint32_t at, int n) {
  if (!buf_room(offs, (size_t)n * sizeof at)) return false;
  for (int i = 0; i < n; i++) {
    memcpy(offs->data + offs->len, &at, sizeof at);
    offs->len += sizeof at;
  }
  offs->data[offs->len] = '\0';
  return true;
}

/* The fast path of normalization: ASCII below every rule (lowered) and
** the Arabic block U+0600..U+06FF where the direct index (which the map
** must have) gives no rule or one of <= 2 bytes: nearly all of an
** article.  Normalizes u[*i..len) from *i on into o, as the general step
** would, up to the first other code point or the end; advances *i and
** returns the new end of the output.  The output of a run is never
** longer than its input, so o needs len - *i bytes. */
static char *fast_run(const txt_normmap *map, const unsigned char *u,
                      size_t len, size_t *pi, char *o) {
  uint32_t ascii_max = map->n_rules > 0 ? map->rules[0].from : 0;
  if (ascii_max > 0x80) ascii_max = 0x80;
  size_t i = *pi;
  const uint16_t *letters = map->arabic_letter;
  while (i < len) {
    /* two code points a step while the map makes both letters (most of
    ** Arabic text): arabic_letter holds what the step below writes for
    ** them (txt_letter_pair) */
    unsigned r0, r1;
    if (letters != NULL && i + 3 < len &&
        txt_letter_pair(letters, u + i, &r0, &r1)) {
      txt_put_letter_pair(o, r0, r1);
      o += 4;
      i += 4;
      continue;
    }
    unsigned char b = u[i];
    if (b < ascii_max) {
      *o++ = (char)(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      i++;
    } else if ((b & 0xFC) == 0xD8 && i + 1 < len &&
               (u[i + 1] & 0xC0) == 0x80) {
      /* lead bytes D8..DB with a continuation byte are exactly the
      ** two-byte code points U+0600..U+06FF: the low 8 bits index the
      ** table without decoding the code point */
      uint16_t x = map->arabic_index[((b & 3u) << 6) | (u[i + 1] & 0x3Fu)];
      if (x == 0) {
        o[0] = (char)b;
        o[1] = (char)u[i + 1];
        o += 2;
      } else {
        /* a rule of at most 2 bytes (أ->ا, ة->ه, harakat -> "",
        ** ٣ -> 3): what map_one writes, and no longer than the input */
        const char *to = map->rules[x - 1].to;
        if (to[0] != '\0' && to[1] != '\0' && to[2] != '\0') break;
        while (*to != '\0') *o++ = *to++;
      }
      i += 2;
    } else {
      break;
    }
  }
  *pi = i;
  return o;
}

/* See text.h.  `offsets` receives one uint32_t (native byte order) per
** output byte: the index in s of the first byte of the code point that
** produced it.  Inputs longer than 4 GiB are not supported with offsets.
** On WASIT_ENOMEM the buffers hold a prefix and have `failed` set. */
int txt_normalize_with(const txt_normmap *map, const char *s, size_t len,
                       wa_buf *out, wa_buf *offsets) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  if (!buf_room(out, len)) return WASIT_ENOMEM;
  /* the common code points go through fast_run, with one room check per
  ** run; not with offsets, which the general step writes */
  bool fast = offsets == NULL && map->arabic_index != NULL;
  while (i < len) {
    if (fast) {
      if (!buf_room(out, len - i)) return WASIT_ENOMEM;
      char *o = fast_run(map, u, len, &i, out->data + out->len);
      out->len = (size_t)(o - out->data);
      out->data[out->len] = '\0';
      if (i >= len) break;
    }
    uint32_t cp;
    int k = txt_utf8_next(u + i, len - i, &cp);
    if (!buf_room(out, TXT_NORM_CP_MAX)) return WASIT_ENOMEM;
    char *o = out->data + out->len;
    int n;
    if (cp < 0x80 && map->n_rules > 0 && cp < map->rules[0].from) {
      /* ASCII below every rule: only case folding applies */
      o[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
      n = 1;
    } else if (k == 2 && cp >= 0x0600 && cp <= 0x06FF &&
               map->arabic_index != NULL &&
               map->arabic_index[cp - 0x0600] == 0) {
      o[0] = (char)u[i];   /* an Arabic letter no rule touches */
      o[1] = (char)u[i + 1];
      n = 2;
    } else {
      n = txt_normalize_cp(map, cp, o);
    }
    out->len += (size_t)n;
    out->data[out->len] = '\0';
    if (offsets != NULL && !offsets_put(offsets, (uint32_t)i, n))
      return WASIT_ENOMEM;
    i += (size_t)k;
  }
  if (out->data != NULL) out->data[out->len] = '\0';
  return WASIT_OK;
}

#ifndef WASIT_GENTABLES
/* See text.h.  Returns NULL when memory runs out; *out_len may be NULL.
** Dictionary loading normalizes ~2 x 10^4 words with it: a word that
** fast_run covers whole is written straight into the arena (no scratch
** buffer to allocate and free); any other goes the general way. */
char *txt_normalize_str(wa_arena *ar, const char *s, size_t len,
                        size_t *out_len) {
  const txt_normmap *map = txt_default_normmap();
  if (map->arabic_index != NULL) {
    char *res = arena_alloc(ar, len + 1);
    if (res == NULL) return NULL;
    size_t i = 0;
    char *o = fast_run(map, (const unsigned char *)s, len, &i, res);
    if (i == len) {
      *o = '\0';
      if (out_len != NULL) *out_len = (size_t)(o - res);
      return res;
    }
  }
  wa_buf b;
  buf_init(&b, ar->alloc);
  char *res = NULL;
  if (txt_normalize_with(map, s, len, &b, NULL) == WASIT_OK) {
    res = arena_strndup(ar, b.data ? b.data : "", b.len);
    if (res != NULL && out_len != NULL) *out_len = b.len;
  }
  buf_free(&b);
  return res;
}
#endif
