/*
** memory.c: the allocation hook, per-document arenas and growable buffers.
**
** All heap memory of the library passes through wa_realloc(), so a test can
** hand in an allocator that fails after N calls and walk every ENOMEM path.
** Arenas serve the hot path: a document's tokens, sentences and events are
** bump-allocated and released together by arena_reset().
*/
#include "base.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
}

/* Contract in base.h.  The new chunk becomes the head even when the old
** head has room left: that room is abandoned until arena_reset(). */
void *arena_alloc_chunk(wa_arena *ar, size_t need) {
  size_t csize = need > ar->chunk_size ? need : ar->chunk_size;
  wa_arena_chunk *c = wa_alloc(ar->alloc, sizeof *c + csize);
  if (c == NULL) return NULL;
  c->size = csize;
  c->next = ar->head;
  ar->head = c;
  ar->next = (char *)c->data + need;
  ar->room = csize - need;
  return c->data;
}

void *arena_calloc(wa_arena *ar, size_t n, size_t size) {
  if (size != 0 && n > SIZE_MAX / size) return NULL;
  void *p = arena_alloc(ar, n * size);
  if (p != NULL) memset(p, 0, n * size);
  return p;
}

char *arena_strndup(wa_arena *ar, const char *s, size_t n) {
  char *d = arena_alloc(ar, n + 1);
  if (d == NULL) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
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
    wa_free(ar->alloc, c);
    c = next;
  }
  ar->head->next = NULL;
  ar->next = (char *)ar->head->data;
  ar->room = ar->head->size;
}

void arena_free(wa_arena *ar) {
  wa_arena_chunk *c = ar->head;
  while (c != NULL) {
    wa_arena_chunk *next = c->next;
    wa_free(ar->alloc, c);
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

void buf_json_str(wa_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  buf_append(b, "\"", 1);
  size_t run = 0; /* start of the pending run of plain bytes */
  for (size_t i = 0; i < n; i++) {
    /* skip plain bytes 8 at a time (news text rarely needs escapes) */
    i += wa_json_plain_len(s + i, n - i);
    if (i >= n) break;
    unsigned char c = (unsigned char)s[i];
    buf_append(b, s + run, i - run);
    run = i + 1;
    switch (c) {
    case '"': buf_append(b, "\\\"", 2); break;
    case '\\': buf_append(b, "\\\\", 2); break;
    case '\n': buf_append(b, "\\n", 2); break;
    case '\r': buf_append(b, "\\r", 2); break;
    case '\t': buf_append(b, "\\t", 2); break;
    default: {
      char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      buf_append(b, u, 6);
    }
    }
  }
  buf_append(b, s + run, n - run);
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
