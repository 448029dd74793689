/*
** utf8.c: UTF-8 decoding, encoding and repair (text layer, stage 1a).
**
** Input: raw article bytes, which may be anything (scraped pages, broken
** encodings, binary junk).  Output: valid UTF-8 in which every invalid
** sequence and every NUL byte became U+FFFD, so later stages can decode
** without checks.  Rules follow Unicode's "maximal subpart" practice:
** overlong forms (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF),
** code points above U+10FFFF (F4 90.., F5..FF) and truncated sequences are
** invalid; each maximal invalid subpart becomes one U+FFFD.
**
** Speed: news text is mostly valid, so repair first validates with fast
** paths for two-byte sequences (Arabic) and ASCII (16 or 8 bytes at a
** time when possible), and returns the input untouched when it is clean; only
** broken input is copied (two passes: size, write).
*/
#include "text.h"
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Bytes allowed as the second byte after lead byte b (inclusive range). */
static void second_range(unsigned char b, unsigned char *lo, unsigned char *hi) {
  *lo = 0x80;
  *hi = 0xBF;
  if (b == 0xE0) *lo = 0xA0;
  else if (b == 0xED) *hi = 0x9F;
  else if (b == 0xF0) *lo = 0x90;
  else if (b == 0xF4) *hi = 0x8F;
}

/* Decode one code point; see text.h.  Invalid input: *cp = U+FFFD and the
** length of the maximal invalid subpart (>= 1) is returned. */
int txt_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned char b = s[0];
  if (b < 0x80) {
    *cp = b;
    return 1;
  }
  int need;
  uint32_t c;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
    c = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    c = b & 0x0F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    c = b & 0x07;
  } else {
    *cp = 0xFFFD; /* lone continuation, C0/C1 overlong lead, F5..FF */
    return 1;
  }
  unsigned char lo, hi;
  second_range(b, &lo, &hi);
  for (int i = 1; i <= need; i++) {
    if ((size_t)i >= n) {
      *cp = 0xFFFD; /* truncated: the valid prefix is one subpart */
      return i;
    }
    unsigned char t = s[i];
    if (i == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xBF)) {
      *cp = 0xFFFD;
      return i;
    }
    c = (c << 6) | (t & 0x3F);
  }
  *cp = c;
  return need + 1;
}

/* Encode cp (<= U+10FFFF, not a surrogate) into out; returns 1..4.
** Anything else is encoded as U+FFFD. */
int txt_utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/* True when the 8 bytes at p are ASCII and none is NUL. */
static bool ascii8(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  return ((v | ((v - ones) & ~v)) & highs) == 0;
}

#ifdef __SSE2__
/* The byte classes of the 16 bytes at p as bit masks (bit k: byte k):
** ASCII but NUL is 01..7F (> 0 signed), a continuation 80..BF (< -64),
** a two-byte lead C2..DF (-63..-33). */
static inline void sse_classes(const unsigned char *p, unsigned *ascii,
                               unsigned *cont, unsigned *lead) {
  __m128i x = _mm_loadu_si128((const __m128i *)p);
  *ascii =
      (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, _mm_setzero_si128()));
  *cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8(-64)));
  *lead = (unsigned)_mm_movemask_epi8(
      _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(-63)),
                    _mm_cmplt_epi8(x, _mm_set1_epi8(-32))));
}
#endif

/* The length of the longest prefix of s[0..n) made of ASCII (but NUL) and
** valid two-byte sequences, tested 8 bytes at a time (whole words only),
** ending on a code point boundary.  In each 8-byte word w the high bits
** tell the classes apart: ASCII 0xxxxxxx, continuation 10xxxxxx, lead
** 110xxxxx; a lead must not be C0 or C1 (bits 4..1 zero) and every
** continuation must follow a lead (the lead mask shifted by one byte,
** plus a lead carried from the word before).  Arabic text is nearly all
** such bytes, so this replaces a test per byte by a few per 8 bytes. */
static size_t simple_run(const unsigned char *s, size_t n) {
  const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
  const uint64_t lows = ones * 0x7F;
  uint64_t carry = 0;   /* 0x80: the byte before this word is a lead */
  size_t i = 0;
#ifdef __SSE2__
  /* The same test 16 bytes a step with SSE2 (every x86-64 has it), the
  ** classes told apart by signed compares (sse_classes).  It accepts
  ** exactly the blocks whose two words the loop below would; that loop
  ** goes on where this one stops.  Two blocks are tested as one 32-bit
  ** mask first: the pair is accepted exactly when the 16-byte step would
  ** accept both in turn (bit 16 of lead << 1 is the first block's carry
  ** into the second), and a pair that fails is tested again block by
  ** block, so the run ends where it did. */
  unsigned lead_carry = 0;   /* 1: the byte before this block is a lead */
  unsigned ascii, cont, lead, ascii1, cont1, lead1;
  for (; i + 32 <= n; i += 32) {
    sse_classes(s + i, &ascii, &cont, &lead);
    sse_classes(s + i + 16, &ascii1, &cont1, &lead1);
    uint32_t a = ascii | ascii1 << 16, c = cont | cont1 << 16,
             l = lead | lead1 << 16;
    if ((a | c | l) != 0xFFFFFFFFu || c != ((l << 1) | lead_carry)) break;
    lead_carry = l >> 31;
  }
  for (; i + 16 <= n; i += 16) {
    sse_classes(s + i, &ascii, &cont, &lead);
    if ((ascii | cont | lead) != 0xFFFF ||
        cont != (((lead << 1) | lead_carry) & 0xFFFF))
      break;
    lead_carry = lead >> 15;
  }
  carry = lead_carry ? 0x80 : 0;
#endif
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    uint64_t b6 = (w << 1) & highs, b5 = (w << 2) & highs;
    uint64_t lead = w & highs & b6, cont = w & highs & ~b6;
    uint64_t nonzero = (((w & lows) + lows) | w) & highs;
    uint64_t mid = w & (ones * 0x1E);   /* bits 4..1 of each byte */
    uint64_t mid_nonzero = (((mid & lows) + lows) | mid) & highs;
    if ((~nonzero & highs) != 0 ||   /* a NUL */
        (lead & b5) != 0 ||          /* E0..FF: longer sequences */
        (lead & ~mid_nonzero) != 0 || /* C0, C1: overlong */
        cont != ((lead << 8) | carry))
      break;
    carry = (lead >> 56) & 0x80;
  }
  return carry ? i - 1 : i;
}

/* Scan s[0..len): returns the size of the repaired text and counts the
** replacements in *n_bad. */
static size_t repair_size(const unsigned char *s, size_t len, size_t *n_bad) {
  size_t i = 0, size = 0, bad = 0;
  while (i < len) {
    size_t run = simple_run(s + i, len - i);
    i += run;
    size += run;
    if (i >= len) break;
    /* a run of valid two-byte sequences (all of Arabic), tested first */
    size_t i0 = i;
    while (i + 1 < len && s[i] >= 0xC2 && s[i] <= 0xDF &&
           (s[i + 1] & 0xC0) == 0x80)
      i += 2;
    size += i - i0;
    if (i >= len) break;
    unsigned char b = s[i];
    if (b < 0x80 && b != 0) {   /* ASCII: 8 at a time when possible */
      size_t k = i + 8 <= len && ascii8(s + i) ? 8 : 1;
      i += k;
      size += k;
      continue;
    }
    uint32_t cp;
    int k;
    if (s[i] == 0) {
      cp = 0xFFFD;
      k = 1;
    } else {
      k = txt_utf8_next(s + i, len - i, &cp);
    }
    if (cp == 0xFFFD && !(k == 3 && s[i] == 0xEF && s[i + 1] == 0xBF &&
                          s[i + 2] == 0xBD)) {
      bad++;
      size += 3;
    } else {
      size += (size_t)k;
    }
    i += (size_t)k;
  }
  *n_bad = bad;
  return size;
}

/* See text.h.  The repaired copy (when needed) lives in `ar` and is
** NUL-terminated; a clean input is returned as is. */
int txt_utf8_repair(wa_arena *ar, const char *text, size_t len,
                    const char **out, size_t *out_len, size_t *n_bad) {
  const unsigned char *s = (const unsigned char *)text;
  size_t bad = 0;
  size_t size = repair_size(s, len, &bad);
  *n_bad = bad;
  if (bad == 0) {
    *out = text;
    *out_len = len;
    return WASIT_OK;
  }
  char *d = arena_alloc(ar, size + 1);
  if (d == NULL) return WASIT_ENOMEM;
  size_t i = 0, o = 0;
  while (i < len) {
    uint32_t cp;
    int k;
    if (s[i] == 0) {
      cp = 0xFFFD;
      k = 1;
    } else {
      k = txt_utf8_next(s + i, len - i, &cp);
    }
    if (cp == 0xFFFD) {
      o += (size_t)txt_utf8_encode(0xFFFD, d + o);
    } else {
      memcpy(d + o, s + i, (size_t)k);
      o += (size_t)k;
    }
    i += (size_t)k;
  }
  d[o] = '\0';
  *out = d;
  *out_len = o;
  return WASIT_OK;
}
