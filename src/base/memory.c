/*
** memory.c: the allocation hook, per-document arenas and growable buffers.
**
** All heap memory of the library passes through wa_realloc(), so a test can
** hand in an allocator that fails after N calls and walk every ENOMEM path.
** Arenas serve the hot path: a document's tokens, sentences and events are
** bump-allocated and released together by arena_reset().  Tables read at
** random (the word memos, the dictionary) sit in huge pages
** (wa_alloc_huge, arena_init_huge).
*/
#include "base.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ----------------------------------------------------------------- memory */

void *wa_realloc(const wasit_allocator *a, void *p, size_t size) {
  if (a != NULL && a->realloc != NULL) return a->realloc(a->ud, p, size);
  if (size == 0) {
    free(p);
    return NULL;
  }
  return realloc(p, size);
}

void *wa_alloc(const wasit_allocator *a, size_t size) {
  return wa_realloc(a, NULL, size ? size : 1);
}

void *wa_calloc(const wasit_allocator *a, size_t n, size_t size) {
  if (size != 0 && n > SIZE_MAX / size) return NULL;
  void *p = wa_alloc(a, n * size);
  if (p != NULL && n * size > 0) memset(p, 0, n * size);
  return p;
}

void wa_free(const wasit_allocator *a, void *p) {
  if (p != NULL) wa_realloc(a, p, 0);
}

/* Contract in base.h.  The block is carved out of an allocation one
** WA_HUGE_PAGE (and a pointer) larger, rounded to whole huge pages, and
** the allocation's own address is kept in the pointer just before it,
** for wa_free_huge. */
void *wa_alloc_huge(const wasit_allocator *a, size_t size) {
  size_t span = (size + WA_HUGE_PAGE - 1) & ~(WA_HUGE_PAGE - 1);
  if (span < size || span > SIZE_MAX - WA_HUGE_PAGE - sizeof(void *))
    return NULL;
  char *raw = wa_alloc(a, span + WA_HUGE_PAGE + sizeof(void *));
  if (raw == NULL) return NULL;
  uintptr_t at = ((uintptr_t)raw + sizeof(void *) + WA_HUGE_PAGE - 1) &
                 ~(uintptr_t)(WA_HUGE_PAGE - 1);
  char *p = raw + (at - (uintptr_t)raw);
  memcpy(p - sizeof(void *), &raw, sizeof raw);
#ifdef MADV_HUGEPAGE
  (void)madvise(p, span, MADV_HUGEPAGE);   /* a hint: failure is harmless */
#endif
  return p;
}

void wa_free_huge(const wasit_allocator *a, void *p) {
  if (p == NULL) return;
  void *raw;
  memcpy(&raw, (char *)p - sizeof(void *), sizeof raw);
  wa_free(a, raw);
}

char *wa_strndup(const wasit_allocator *a, const char *s, size_t n) {
  char *d = wa_alloc(a, n + 1);
  if (d == NULL) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

/* Next capacity for an array that must hold `need` items. */
static size_t grown_capacity(size_t cap, size_t need) {
  size_t c = cap ? cap : 8;
  while (c < need) c = c * 2;
  return c;
}

bool wa_grow(const wasit_allocator *a, void **items, size_t *cap, size_t need,
             size_t size) {
  if (need <= *cap) return true;
  size_t c = grown_capacity(*cap, need);
  if (size != 0 && c > SIZE_MAX / size) return false;
  void *p = wa_realloc(a, *items, c * size);
  if (p == NULL) return false;
  *items = p;
  *cap = c;
  return true;
}

/* ----------------------------------------------------------------- arena */

struct wa_arena_chunk {
  wa_arena_chunk *next; /* older chunk */
  size_t size;          /* usable bytes in data[] */
  max_align_t data[];
};

#define ARENA_DEFAULT_CHUNK (64 * 1024)

void arena_init(wa_arena *ar, const wasit_allocator *alloc) {
  ar->alloc = alloc;
  ar->head = NULL;
  ar->next = NULL;
  ar->room = 0;
  ar->chunk_size = ARENA_DEFAULT_CHUNK;
  ar->huge = false;
}

void arena_init_huge(wa_arena *ar, const wasit_allocator *alloc) {
  arena_init(ar, alloc);
  ar->chunk_size = WA_HUGE_PAGE - sizeof(wa_arena_chunk);
  ar->huge = true;
}

/* Release chunk c of ar. */
static void chunk_free(wa_arena *ar, wa_arena_chunk *c) {
  WA_ARENA_UNPOISON(c->data, c->size); /* (the pages may come back) */
  if (ar->huge) wa_free_huge(ar->alloc, c);
  else wa_free(ar->alloc, c);
}

/* Contract in base.h.  The new chunk becomes the head even when the old
** head has room left: that room is abandoned until arena_reset(). */
void *arena_alloc_chunk(wa_arena *ar, size_t need) {
  size_t want = need + WA_ARENA_REDZONE; /* (the first block's redzone) */
  if (want < need) return NULL;    /* overflow */
  size_t csize = want > ar->chunk_size ? want : ar->chunk_size;
  if (ar->huge)   /* whole huge pages: the rounding is room, not waste */
    csize = ((sizeof(wa_arena_chunk) + csize + WA_HUGE_PAGE - 1) &
             ~(WA_HUGE_PAGE - 1)) - sizeof(wa_arena_chunk);
  if (csize < want) return NULL;   /* overflow */
  wa_arena_chunk *c = ar->huge ? wa_alloc_huge(ar->alloc, sizeof *c + csize)
                               : wa_alloc(ar->alloc, sizeof *c + csize);
  if (c == NULL) return NULL;
  c->size = csize;
  c->next = ar->head;
  ar->head = c;
  WA_ARENA_POISON(c->data, csize);
  ar->next = (char *)c->data + want;
  ar->room = csize - want;
  return (char *)c->data + WA_ARENA_REDZONE;
}

bool arena_grow(wa_arena *ar, void **items, size_t *cap, size_t need,
                size_t size) {
  if (need <= *cap) return true;
  size_t c = grown_capacity(*cap, need);
  if (size != 0 && c > SIZE_MAX / size) return false;
  void *p = arena_alloc(ar, c * size);
  if (p == NULL) return false;
  if (*cap) memcpy(p, *items, *cap * size);
  *items = p;
  *cap = c;
  return true;
}

void arena_reset(wa_arena *ar) {
  /* Keep the largest-so-far head chunk; free the rest.  A document much
  ** larger than usual therefore leaves one big chunk, reused next time. */
  if (ar->head == NULL) return;
  wa_arena_chunk *c = ar->head->next;
  while (c != NULL) {
    wa_arena_chunk *next = c->next;
    chunk_free(ar, c);
    c = next;
  }
  ar->head->next = NULL;
  WA_ARENA_POISON(ar->head->data, ar->head->size);
  ar->next = (char *)ar->head->data + WA_ARENA_REDZONE;
  ar->room = ar->head->size - WA_ARENA_REDZONE;
}

void arena_free(wa_arena *ar) {
  wa_arena_chunk *c = ar->head;
  while (c != NULL) {
    wa_arena_chunk *next = c->next;
    chunk_free(ar, c);
    c = next;
  }
  ar->head = NULL;
  ar->next = NULL;
  ar->room = 0;
}

/* ------------------------------------------------------- growable buffer */

void buf_init(wa_buf *b, const wasit_allocator *alloc) {
  memset(b, 0, sizeof *b);
  b->alloc = alloc;
}

/* Contract in base.h (buf_append, inline there, calls this when full). */
bool buf_reserve(wa_buf *b, size_t n) {
  if (b->failed) return false;
  if (!wa_grow(b->alloc, (void **)&b->data, &b->cap, b->len + n + 1, 1)) {
    b->failed = true;
    return false;
  }
  return true;
}

void buf_puts(wa_buf *b, const char *s) { buf_append(b, s, strlen(s)); }

void buf_printf(wa_buf *b, const char *fmt, ...) {
  char tmp[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->failed = true;
    return;
  }
  if ((size_t)n < sizeof tmp) {
    buf_append(b, tmp, (size_t)n);
    return;
  }
  if (b->failed ||
      !wa_grow(b->alloc, (void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1)) {
    b->failed = true;
    return;
  }
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* 1 for the bytes JSON escapes: controls (below 0x20), '"' and '\\'. */
static const unsigned char json_esc[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1};

/* Copy the longest prefix of s[0..n) that JSON takes as is (no byte
** below 0x20, no '"' or '\\') to o, and return its length.  Bytes past
** the prefix may be written too, never past o + n: the caller writes
** over them.  The bytes are copied as they are tested, 16 per step with
** SSE2 (every x86-64 has it) and else 8 (wa_json_special_word); the last
** few are one more step that overlaps the copied ones (two 4-byte words
** for strings of 4-7 bytes, the codes and short names), not a byte loop.
** Event lines are mostly sentence text, so this is most of the writer's
** work. */
static inline size_t json_copy_plain(char *o, const char *s, size_t n) {
  size_t i = 0;
#ifdef __SSE2__
  if (n >= 16) {
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                  ctl = _mm_set1_epi8(0x1F);
    for (;; i += 16) {
      if (i + 16 > n) i = n - 16;   /* the last step overlaps */
      __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
      _mm_storeu_si128((__m128i *)(o + i), x);
      /* x <= 0x1F unsigned: min(x, 0x1F) == x */
      __m128i special = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
          _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
      unsigned m = (unsigned)_mm_movemask_epi8(special);
      /* bytes before i are plain, so the first flagged one is the first */
      if (m != 0) return i + (size_t)__builtin_ctz(m);
      if (i + 16 == n) return n;
    }
  }
#endif
  uint64_t w;
  for (; i + 8 <= n; i += 8) {
    memcpy(&w, s + i, 8);
    memcpy(o + i, &w, 8);
    if (wa_json_special_word(w)) goto exact;
  }
  if (n >= 8) {
    memcpy(&w, s + n - 8, 8);
    memcpy(o + n - 8, &w, 8);
    if (!wa_json_special_word(w)) return n;
  } else if (n >= 4) {
    /* the two words in one test each, high halves made plain ('a') */
    uint32_t x, y;
    memcpy(&x, s, 4);
    memcpy(&y, s + n - 4, 4);
    if (!wa_json_special_word((uint64_t)x | 0x6161616100000000ULL) &&
        !wa_json_special_word((uint64_t)y | 0x6161616100000000ULL)) {
      memcpy(o, &x, 4);
      memcpy(o + n - 4, &y, 4);
      return n;
    }
  }
exact:   /* a byte to escape at i or after: find it */
  for (; i < n && !json_esc[(unsigned char)s[i]]; i++) o[i] = s[i];
  return i;
}

/* s[0..n) escaped for a JSON string, without the quotes, at o (room
** for 6 n bytes); returns the end. */
static inline char *json_escape_to(char *o, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  for (;;) {
    size_t run = json_copy_plain(o, s, n);
    o += run;
    s += run;
    n -= run;
    if (n == 0) return o;
    unsigned char c = (unsigned char)*s++;
    n--;
    *o++ = '\\';
    switch (c) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\n': *o++ = 'n'; break;
    case '\r': *o++ = 'r'; break;
    case '\t': *o++ = 't'; break;
    default:
      memcpy(o, "u00", 3);
      o[3] = hex[c >> 4];
      o[4] = hex[c & 15];
      o += 5;
    }
  }
}

/* See base.h. */
char *wa_json_put(char *o, const char *s, size_t n) {
  *o++ = '"';
  o = json_escape_to(o, s, n);
  *o++ = '"';
  return o;
}

/* Bytes of the string buf_json_str escapes per step: the room it reserves
** is 6 times that, not 6 times a whole (maybe huge) value. */
#define JSON_PIECE 4096

/* See base.h.  Reserves the worst case (6 bytes a byte) piece by piece;
** escaping is per byte, so the pieces join into the same literal. */
void buf_json_str(wa_buf *b, const char *s, size_t n) {
  buf_append(b, "\"", 1);
  for (size_t at = 0; at < n;) {
    size_t k = n - at < JSON_PIECE ? n - at : JSON_PIECE;
    if (!buf_room(b, 6 * k)) return;
    b->len = (size_t)(json_escape_to(b->data + b->len, s + at, k) - b->data);
    at += k;
  }
  buf_append(b, "\"", 1);
}

void buf_reset(wa_buf *b) {
  b->len = 0;
  b->failed = false;
  if (b->data) b->data[0] = '\0';
}

void buf_free(wa_buf *b) {
  wa_free(b->alloc, b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}
