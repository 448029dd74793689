/*
** base.h: internal foundations shared by every stage of libwasit.
**
** Three small things every module needs and none should write again:
**   - errors:  WA_ERR() fills a wasit_error with status, message and the
**              library source position, and returns the status;
**   - memory:  wa_alloc/wa_realloc/wa_free route through the caller's
**              wasit_allocator (NULL means the C library);
**   - arenas:  a bump allocator for per-document data.  Everything a
**              document produces (sentences, tokens, dates, events) comes
**              from one arena; arena_reset() frees it all at once, so the
**              hot path never frees one token at a time.
**
** Invariant: no function here keeps state outside its arguments.
*/
#ifndef WASIT_BASE_H
#define WASIT_BASE_H

#include "wasit.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ----------------------------------------------------------------- errors */

/* Fill `err` (may be NULL) and return `code`.  `where`/`line` name the
** input (may be NULL/0).  Use through WA_ERR / WA_ERR_AT. */
int wa_error_set(wasit_error *err, int code, const char *where, int line,
                 const char *src_file, int src_line, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

#define WA_ERR(err, code, ...) \
  wa_error_set((err), (code), NULL, 0, __FILE__, __LINE__, __VA_ARGS__)
#define WA_ERR_AT(err, code, where, line, ...) \
  wa_error_set((err), (code), (where), (line), __FILE__, __LINE__, __VA_ARGS__)

/* Clear `err` to WASIT_OK (NULL is fine). */
void wa_error_clear(wasit_error *err);

/* ----------------------------------------------------------------- memory */

void *wa_alloc(const wasit_allocator *a, size_t size);
void *wa_calloc(const wasit_allocator *a, size_t n, size_t size);
void *wa_realloc(const wasit_allocator *a, void *p, size_t size);
void wa_free(const wasit_allocator *a, void *p);
char *wa_strndup(const wasit_allocator *a, const char *s, size_t n);

/* Huge pages for the tables read at random about once per token: the
** coder's and the text layer's word memos and the dictionary (its arena,
** phrase table and index).  With 4 KB pages most of those reads also
** missed the TLB.  wa_alloc_huge returns `size` uninitialised bytes
** starting on a WA_HUGE_PAGE boundary, which the kernel is asked to back
** with huge pages (madvise MADV_HUGEPAGE: honoured where transparent huge
** pages are enabled always or on request, ignored elsewhere), or NULL
** when out of memory.  It takes up to 2 WA_HUGE_PAGE more address space
** than `size`; only touched pages are resident (a huge page is touched
** whole).  Release with wa_free_huge and the same allocator (NULL is
** fine). */
#define WA_HUGE_PAGE ((size_t)2 << 20)
void *wa_alloc_huge(const wasit_allocator *a, size_t size);
void wa_free_huge(const wasit_allocator *a, void *p);

/* Grow a dynamic array so that it holds at least `need` items of `size`
** bytes.  *items and *cap are updated; returns false (array untouched)
** when memory runs out. */
bool wa_grow(const wasit_allocator *a, void **items, size_t *cap, size_t need,
             size_t size);

/* True when a[0..n) and b[0..n) are the same bytes.  For the short keys of
** the hot path (dictionary probes, token keys: 2-20 bytes) this inline
** 8-bytes-at-a-time compare beats a call to memcmp.  The last bytes are
** one more word that overlaps the ones compared (8 bytes, or 4 for keys
** of 4-7 bytes), not a byte loop: Arabic words are seldom a multiple of
** eight bytes. */
static inline bool wa_bytes_eq(const char *a, const char *b, size_t n) {
  if (n >= 8) {
    for (; n > 8; a += 8, b += 8, n -= 8) {
      uint64_t x, y;
      memcpy(&x, a, 8);
      memcpy(&y, b, 8);
      if (x != y) return false;
    }
    uint64_t x, y;   /* the last 8 bytes, maybe overlapping */
    memcpy(&x, a + n - 8, 8);
    memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    uint32_t x0, y0, x1, y1;
    memcpy(&x0, a, 4);
    memcpy(&y0, b, 4);
    memcpy(&x1, a + n - 4, 4);
    memcpy(&y1, b + n - 4, 4);
    return x0 == y0 && x1 == y1;
  }
  for (; n > 0; a++, b++, n--)
    if (*a != *b) return false;
  return true;
}

/* ----------------------------------------------------------------- arena */

typedef struct wa_arena_chunk wa_arena_chunk;

typedef struct wa_arena {
  const wasit_allocator *alloc; /* borrowed, may be NULL */
  wa_arena_chunk *head;         /* chunk being filled; older ones follow */
  char *next;                   /* first free byte of head (NULL: none) */
  size_t room;                  /* free bytes from next to head's end */
  size_t chunk_size;            /* default size of new chunks */
  bool huge;                    /* chunks from wa_alloc_huge (arena_init_huge) */
} wa_arena;

/* Every arena block is a multiple of this, so each is aligned for any type. */
#define WA_ARENA_ALIGN (sizeof(max_align_t))

/* Under AddressSanitizer every arena block is followed, and every chunk's
** first block preceded, by WA_ARENA_REDZONE poisoned bytes, and a chunk's
** free room stays poisoned: a read past one block (or before the first,
** "s->actors[-1]") is reported as ASan reports one past a malloc block.
** Room for an element of most arrays before one block.  0 otherwise. */
#if defined(__SANITIZE_ADDRESS__)
#define WA_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WA_ARENA_ASAN 1
#endif
#endif
#ifdef WA_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define WA_ARENA_REDZONE ((size_t)128)
#define WA_ARENA_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define WA_ARENA_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define WA_ARENA_REDZONE ((size_t)0)
#define WA_ARENA_POISON(p, n) ((void)(p), (void)(n))
#define WA_ARENA_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* Initialise an empty arena; it allocates nothing until first use. */
void arena_init(wa_arena *ar, const wasit_allocator *alloc);
/* The same for an arena that lives long and is read at random (the
** dictionary's): its chunks are whole huge pages (wa_alloc_huge). */
void arena_init_huge(wa_arena *ar, const wasit_allocator *alloc);
/* arena_alloc's slow path: `need` (> ar->room, a multiple of
** WA_ARENA_ALIGN, its redzone included) bytes from a new chunk, or NULL
** when out of memory. */
void *arena_alloc_chunk(wa_arena *ar, size_t need);
/* Memory aligned for any type, or NULL when out of memory.  Never freed
** one by one: it lives until arena_reset()/arena_free().  Inline: the
** text layer and the coder make hundreds of thousands of small blocks
** per megabyte of news, and the call cost more than the bump itself. */
static inline void *arena_alloc(wa_arena *ar, size_t size) {
  size_t need = (size + WA_ARENA_ALIGN - 1) & ~(WA_ARENA_ALIGN - 1);
  if (need == 0) need = WA_ARENA_ALIGN;
  if (need < size || need + WA_ARENA_REDZONE < need) return NULL; /* overflow */
  need += WA_ARENA_REDZONE;
  void *p;
  if (need > ar->room) {
    p = arena_alloc_chunk(ar, need);
  } else {
    p = ar->next;
    ar->next += need;
    ar->room -= need;
  }
  if (p != NULL) WA_ARENA_UNPOISON(p, size);
  return p;
}
/* arena_alloc of n * size bytes, zeroed; NULL when out of memory or when
** n * size overflows.  Inline like arena_alloc: the coder zeroes a few
** small arrays per sentence, and the call cost more than the bump. */
static inline void *arena_calloc(wa_arena *ar, size_t n, size_t size) {
  if (size != 0 && n > SIZE_MAX / size) return NULL;
  void *p = arena_alloc(ar, n * size);
  if (p != NULL) memset(p, 0, n * size);
  return p;
}
/* A NUL-terminated copy of s[0..n) (n bytes, NULs included) in the
** arena, or NULL when out of memory or when n + 1 overflows (as
** arena_calloc refuses a product that does).  Inline: the coder copies
** each sentence twice and three spans of each event. */
static inline char *arena_strndup(wa_arena *ar, const char *s, size_t n) {
  if (n == SIZE_MAX) return NULL;
  char *d = arena_alloc(ar, n + 1);
  if (d == NULL) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}
/* Grow an arena array (old contents copied; old block simply abandoned). */
bool arena_grow(wa_arena *ar, void **items, size_t *cap, size_t need,
                size_t size);
/* Forget everything allocated; keeps the first chunk for reuse. */
void arena_reset(wa_arena *ar);
/* Release all memory; the arena may be arena_init()ed again. */
void arena_free(wa_arena *ar);

/* ------------------------------------------------------- growable buffer */

/* A byte buffer that grows through an allocator; always NUL-terminated
** when len > 0.  `failed` latches the first allocation failure so callers
** can append freely and check once. */
typedef struct wa_buf {
  const wasit_allocator *alloc;
  char *data;
  size_t len, cap;
  bool failed;
} wa_buf;

void buf_init(wa_buf *b, const wasit_allocator *alloc);
/* Make room for len + n + 1 bytes (the slow path of buf_append; also a
** way to reserve ahead).  Returns false, and latches `failed`, when memory
** runs out. */
bool buf_reserve(wa_buf *b, size_t n);
/* Room for n more bytes and a NUL at the end of b, for a caller that
** writes through b->data + b->len and then sets len and the NUL itself.
** false when b has failed or memory runs out. */
static inline bool buf_room(wa_buf *b, size_t n) {
  return !b->failed && (b->len + n + 1 <= b->cap || buf_reserve(b, n));
}
/* Append s[0..n).  Inline because writers append many short pieces: the
** common case, room left, is a bounds test and a memcpy the compiler can
** expand for constant n. */
static inline void buf_append(wa_buf *b, const char *s, size_t n) {
  if (!buf_room(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}
void buf_puts(wa_buf *b, const char *s);
void buf_printf(wa_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Nonzero when one of the 8 bytes of w is below 0x20, '"' or '\\': the
** "has a zero byte" test (x - ONES) & ~x & HIGHS, applied to w - 0x20 per
** byte (bytes >= 0x80 cannot borrow: ~w clears their high bit) and to
** w XOR '"' and w XOR '\\'.  Exact for "any byte", all callers ask. */
static inline uint64_t wa_json_special_word(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
  return (((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) &
         highs;
}
/* Bytes wa_json_put may write for a string of n bytes: every byte may
** become a six-byte \u00XX, and the two quotes. */
#define WA_JSON_MAX(n) (6 * (size_t)(n) + 2)
/* Write s[0..n) as a JSON string literal, quotes included, at o, which
** has room for WA_JSON_MAX(n) bytes; returns the end of what it wrote
** (no NUL).  Plain runs are copied eight bytes at a time as they are
** tested, so news text (which rarely needs an escape) costs one pass. */
char *wa_json_put(char *o, const char *s, size_t n);
/* Append `s` as a JSON string literal, quotes included. */
void buf_json_str(wa_buf *b, const char *s, size_t n);
void buf_reset(wa_buf *b);   /* len = 0, memory kept */
void buf_free(wa_buf *b);

#endif /* WASIT_BASE_H */
