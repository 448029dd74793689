/*
** writer.c: io stage, output side.  Formats the events of one coded
** document as JSON lines or TSV and hands the bytes to a wasit_write_fn.
**
** Both formats share one column list (wasit_event_columns) in one order.
** JSONL: one object per event, keys in column order; absent values are
** null; "location" is null or {"name","country","lat","lon"}; "mode" is an
** array of mode names ([] for a plain report).  TSV: the same columns,
** tab-separated, a header line from wasit_write_header; inside values
** backslash, tab, newline and carriage return are written as \\ \t \n \r;
** null is the empty field; location is name;country;lat;lon; mode is
** comma-joined.
**
** JSON is written by hand into a wa_buf (no DOM) for speed; numbers are
** formatted deterministically (goldstein "%.1f", lat/lon "%.4f", integers
** in decimal) so two runs over the same input give identical bytes; the
** formatting is integer arithmetic that writes exactly what printf would
** (put_fixed explains why), since printf was most of the writer's time.
** One write call per document.  Input assumptions: strings in the result
** are NUL-terminated (the coder's contract); they are escaped, not checked
** for valid UTF-8.
*/
#include "io.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static const char *const columns[] = {
    "doc_id",      "sentence",    "date",  "source",     "target",
    "source_text", "target_text", "trigger", "code",     "root",
    "quad_class",  "goldstein",   "location", "killed",  "wounded",
    "mode",        "text",        "pattern", NULL};

static const char *const mode_names[] = {"reported", "future", "historical",
                                         "conditional"};

/* Room put_modes_to may need: every mode name, quoted, with commas. */
#define MODES_MAX 64

/* The names of the mode bits, comma-separated, each in double quotes when
** `quoted` (JSON array items) or bare (TSV), at o (room for MODES_MAX
** bytes); returns the end. */
static char *put_modes_to(char *o, unsigned mode, bool quoted) {
  bool first = true;
  for (unsigned i = 0; i < sizeof mode_names / sizeof *mode_names; i++) {
    if (!(mode & (1u << i))) continue;
    if (!first) *o++ = ',';
    first = false;
    if (quoted) *o++ = '"';
    size_t n = strlen(mode_names[i]);
    memcpy(o, mode_names[i], n);
    o += n;
    if (quoted) *o++ = '"';
  }
  return o;
}

/* put_modes_to at the end of b. */
static void put_modes(wa_buf *b, unsigned mode, bool quoted) {
  if (!buf_room(b, MODES_MAX)) return;
  b->len = (size_t)(put_modes_to(b->data + b->len, mode, quoted) - b->data);
  b->data[b->len] = '\0';
}

const char *const *wasit_event_columns(void) { return columns; }

/* ------------------------------------------------------------- numbers */

/* Room put_int_to and put_fixed_to may need: a long in decimal, or what
** put_fixed_printf keeps (under 64 bytes). */
#define NUM_MAX 64

/* u in decimal at o; returns the end.  The digits are counted first so
** they are written in place, not through a buffer and a copy.  Most
** numbers of an event line (the sentence, the class, the counts, the
** integer part of the Goldstein value and of the coordinates) are under
** 100: one or two digits are written without the loops. */
static char *put_uint_to(char *o, unsigned long long u) {
  if (u < 10) {
    *o = (char)('0' + u);
    return o + 1;
  }
  if (u < 100) {
    o[0] = (char)('0' + u / 10);
    o[1] = (char)('0' + u % 10);
    return o + 2;
  }
  size_t n = 1;
  for (unsigned long long t = u; t >= 10; t /= 10) n++;
  char *e = o + n;
  do *--e = (char)('0' + u % 10);
  while (u /= 10);
  return o + n;
}

/* v in decimal, as "%ld" would write it, at o; returns the end.  Without
** the printf machinery, which was most of the writer's time. */
static char *put_int_to(char *o, long v) {
  if (v < 0) *o++ = '-';
  return put_uint_to(o, v < 0 ? 0ULL - (unsigned long long)v
                              : (unsigned long long)v);
}

/* "%.*f" without a negative zero ("-0.0" becomes "0.0") at o: the slow,
** always exact path.  A result of 64 bytes or more is left out. */
static char *put_fixed_printf(char *o, double v, int prec) {
  char tmp[64];
  int n = snprintf(tmp, sizeof tmp, "%.*f", prec, v);
  if (n <= 0 || n >= (int)sizeof tmp) return o;
  const char *s = tmp;
  if (tmp[0] == '-') {
    bool zero = true;
    for (const char *p = tmp + 1; *p; p++)
      if (*p != '0' && *p != '.') zero = false;
    if (zero) s++, n--;
  }
  memcpy(o, s, (size_t)n);
  return o + n;
}

/* The same bytes as put_fixed_printf for prec 0..4, in integer arithmetic,
** at o; returns the end.  printf rounds the exact binary value of v to
** prec decimals.  x = v*10^prec in double is off by at most |x|*2^-53
** (< 1e-7 for |x| < 1e9), so unless x lies within 1e-6 of a rounding tie,
** rounding x to the nearest integer gives the same digits; near a tie
** (and for big or odd values) the printf path decides.  Goldstein values
** and coordinates never come near a tie, so in practice printf is never
** called. */
static char *put_fixed_to(char *o, double v, int prec) {
  static const double scale[] = {1, 10, 100, 1000, 10000};
  if (prec < 0 || prec > 4 || !isfinite(v)) return put_fixed_printf(o, v, prec);
  double x = v * scale[prec];
  double ax = fabs(x);
  if (!(ax < 1e9)) return put_fixed_printf(o, v, prec);
  /* 0 <= ax < 1e9: the conversion truncates, which is floor, without a
  ** library call; fl and frac are exact */
  unsigned long long fl = (unsigned long long)ax;
  double frac = ax - (double)fl;
  if (fabs(frac - 0.5) < 1e-6) return put_fixed_printf(o, v, prec);
  unsigned long long r = fl + (frac > 0.5);
  static const unsigned long long pow10[] = {1, 10, 100, 1000, 10000};
  /* a value that rounds to zero is written without its sign */
  if (x < 0 && r != 0) *o++ = '-';
  o = put_uint_to(o, r / pow10[prec]);
  if (prec == 0) return o;
  *o++ = '.';
  r %= pow10[prec];
  for (int i = prec; i-- > 0; r /= 10) o[i] = (char)('0' + r % 10);
  return o + prec;
}

/* put_int_to and put_fixed_to at the end of b (the TSV writer). */
static void put_int(wa_buf *b, long v) {
  if (!buf_room(b, NUM_MAX)) return;
  b->len = (size_t)(put_int_to(b->data + b->len, v) - b->data);
  b->data[b->len] = '\0';
}
static void put_fixed(wa_buf *b, double v, int prec) {
  if (!buf_room(b, NUM_MAX)) return;
  b->len = (size_t)(put_fixed_to(b->data + b->len, v, prec) - b->data);
  b->data[b->len] = '\0';
}

/* ---------------------------------------------------------------- JSONL */
/*
** An event line is written through a plain pointer into room reserved
** once for the whole line: the string fields' lengths are taken first,
** the worst case (every byte escaped, every number at its longest) is
** reserved, and then each piece is a store or a fixed-size copy, with no
** bounds test and no length update per piece.
*/

/* Append the string literal LIT (a constant) at o and move o past it. */
#define PUT_LIT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) += sizeof(lit) - 1)

/* Room an event line needs besides its strings' WA_JSON_MAX: the keys
** and punctuation (about 250 bytes), six numbers of at most NUM_MAX
** bytes, and the modes. */
#define JSON_EVENT_FIXED (512 + 6 * NUM_MAX + MODES_MAX)

/* The string fields of an event, in the order the line has them. */
enum { JF_ID, JF_DATE, JF_SOURCE, JF_TARGET, JF_SOURCE_TEXT, JF_TARGET_TEXT,
       JF_TRIGGER, JF_CODE, JF_ROOT, JF_LOC_NAME, JF_LOC_COUNTRY, JF_PATTERN,
       JF_COUNT };

/* The keys before the run of string fields JF_SOURCE..JF_ROOT, in order.
** Each is copied as JSON_KEY_ROOM bytes, its tail then written over by
** what follows (the line's room is reserved first): a fixed-size copy is
** a move or two, a copy of the key's own length a library call. */
#define JSON_KEY_ROOM 16
static const struct { char key[JSON_KEY_ROOM]; size_t len; } json_keys[] = {
#define JSON_KEY(k) {",\"" k "\":", sizeof(",\"" k "\":") - 1}
    JSON_KEY("source"),      JSON_KEY("target"), JSON_KEY("source_text"),
    JSON_KEY("target_text"), JSON_KEY("trigger"), JSON_KEY("code"),
    JSON_KEY("root")
#undef JSON_KEY
};

/* Do the 16 bytes of lo and hi hold a byte that JSON escapes (below 0x20,
** '"' or '\\')?  One test of all 16 with SSE2 (every x86-64 has it), else two
** of wa_json_special_word. */
static inline bool json_special16(uint64_t lo, uint64_t hi) {
#ifdef __SSE2__
  __m128i x = _mm_set_epi64x((long long)hi, (long long)lo);
  __m128i special = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                   _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
      _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x));
  return _mm_movemask_epi8(special) != 0;
#else
  return (wa_json_special_word(lo) | wa_json_special_word(hi)) != 0;
#endif
}

/* wa_json_put for strings of under 16 bytes (the codes, dates, ids and
** most names: nine of an event line's eleven strings), inline and without
** a loop: the n bytes, read as two overlapping words (or for n < 4 as
** bytes 0, n/2 and n-1) and padded with plain bytes, are tested at once
** (json_special16) and written as they were read; a string that needs an
** escape, and every longer one, goes to wa_json_put.  The bytes written
** are the same.  Why: wa_json_put's call and its set-up cost about 90
** instructions a string, most of the writer's time besides the text. */
static inline char *json_put(char *o, const char *s, size_t n) {
  const uint64_t plain = 0x6161616161616161ULL;   /* 'a' bytes: no escape */
  if (n >= 8 && n < 16) {
    uint64_t a, b;
    memcpy(&a, s, 8);
    memcpy(&b, s + n - 8, 8);
    if (!json_special16(a, b)) {
      *o = '"';
      memcpy(o + 1, &a, 8);
      memcpy(o + 1 + n - 8, &b, 8);   /* overlaps the first word */
      o[n + 1] = '"';
      return o + n + 2;
    }
  } else if (n >= 4 && n < 8) {
    uint32_t x, y;
    memcpy(&x, s, 4);
    memcpy(&y, s + n - 4, 4);
    if (!json_special16((uint64_t)x | (uint64_t)y << 32, plain)) {
      *o = '"';
      memcpy(o + 1, &x, 4);
      memcpy(o + 1 + n - 4, &y, 4);   /* overlaps the first word */
      o[n + 1] = '"';
      return o + n + 2;
    }
  } else if (n < 4) {
    /* bytes 0, n/2 and n-1 are all of them (none when n is 0) */
    unsigned char c0 = n ? (unsigned char)s[0] : 'a';
    unsigned char c1 = n ? (unsigned char)s[n / 2] : 'a';
    unsigned char c2 = n ? (unsigned char)s[n - 1] : 'a';
    uint64_t w = (plain << 24) | (uint64_t)c2 << 16 | (uint64_t)c1 << 8 | c0;
    if (!json_special16(w, plain)) {
      *o = '"';
      if (n) {
        o[1] = (char)c0;
        o[1 + n / 2] = (char)c1;
        o[n] = (char)c2;
      }
      o[n + 1] = '"';
      return o + n + 2;
    }
  }
  return wa_json_put(o, s, n);
}

/* s (n bytes) as a JSON string at o, or null when s is NULL.  Inline at
** every field: json_put's short paths are a few instructions, its frame
** as many again. */
__attribute__((always_inline)) static inline char *
json_str_or_null(char *o, const char *s, size_t n) {
  if (s == NULL) {
    PUT_LIT(o, "null");
    return o;
  }
  return json_put(o, s, n);
}

/* v as a number, or null when it is not finite. */
static char *json_fixed(char *o, double v, int prec) {
  if (isfinite(v)) return put_fixed_to(o, v, prec);
  PUT_LIT(o, "null");
  return o;
}

static char *json_count(char *o, int v) {
  if (v >= 0) return put_int_to(o, v);
  PUT_LIT(o, "null");
  return o;
}

static const char *event_text(const wasit_result *res, const wasit_event *ev) {
  if (ev->sentence >= 0 && (size_t)ev->sentence < res->n_sentences &&
      res->sentences != NULL)
    return res->sentences[ev->sentence].text;
  return NULL;
}

/* Where the previous JSON event line wrote its sentence text in the
** buffer, escaped with its quotes.  Why: a sentence with several events
** (a quarter of the events in news) would be escaped again for each, and
** the sentence text is most of the bytes of an event line.  Also the
** length of the document's id, the same on every line of the document
** (io_format_events sets it): one strlen per document, not per line. */
typedef struct json_text_memo {
  int sentence;   /* -1: none yet */
  size_t off, len;
  size_t id_len;  /* strlen(res->doc->id), or 0 without an id */
} json_text_memo;

/* The length of the string in the array a[0..cap) (an event's date,
** code and root): its bytes up to the first NUL, or cap without one.
** Inline: these are a few bytes, where a call to strlen cost more than
** the count. */
static inline size_t json_array_len(const char *a, size_t cap) {
  size_t k = 0;
  while (k < cap && a[k] != '\0') k++;
  return k;
}

static void json_event(wa_buf *b, const wasit_result *res,
                       const wasit_event *ev, json_text_memo *m) {
  const wasit_location *loc = ev->location;
  const char *f[JF_COUNT] = {
      [JF_ID] = res->doc ? res->doc->id : NULL,
      [JF_DATE] = ev->date[0] ? ev->date : NULL,
      [JF_SOURCE] = ev->source,
      [JF_TARGET] = ev->target,
      [JF_SOURCE_TEXT] = ev->source_text,
      [JF_TARGET_TEXT] = ev->target_text,
      [JF_TRIGGER] = ev->trigger,
      [JF_CODE] = ev->code[0] ? ev->code : NULL,
      [JF_ROOT] = ev->root[0] ? ev->root : NULL,
      [JF_LOC_NAME] = loc ? loc->name : NULL,
      [JF_LOC_COUNTRY] = loc ? loc->country : NULL,
      [JF_PATTERN] = ev->pattern};
  size_t n[JF_COUNT], room = JSON_EVENT_FIXED;
  /* the id's length is the document's (m), the arrays' are counted
  ** inline, the rest are strlen; then the room, in a loop of its own
  ** (one loop doing both took 0.26 M more instructions on the sample) */
  n[JF_ID] = f[JF_ID] ? m->id_len : 0;
  n[JF_DATE] = json_array_len(ev->date, sizeof ev->date);
  n[JF_CODE] = json_array_len(ev->code, sizeof ev->code);
  n[JF_ROOT] = json_array_len(ev->root, sizeof ev->root);
  for (int k = 0; k < JF_COUNT; k++)
    if (k != JF_ID && k != JF_DATE && k != JF_CODE && k != JF_ROOT)
      n[k] = f[k] ? strlen(f[k]) : 0;
  for (int k = 0; k < JF_COUNT; k++) room += WA_JSON_MAX(n[k]);
  /* the text: a copy of the previous line's when it is the same sentence */
  const char *text = event_text(res, ev);
  bool text_again = text != NULL && m->sentence == ev->sentence &&
                    m->off + m->len <= b->len;
  size_t text_len = text == NULL || text_again ? 0 : strlen(text);
  room += text_again ? m->len : WA_JSON_MAX(text_len);
  if (!buf_room(b, room)) return;

  char *const o0 = b->data + b->len;
  char *o = o0;
  PUT_LIT(o, "{\"doc_id\":");
  o = json_str_or_null(o, f[JF_ID], n[JF_ID]);
  PUT_LIT(o, ",\"sentence\":");
  o = put_int_to(o, ev->sentence);
  PUT_LIT(o, ",\"date\":");
  o = json_str_or_null(o, f[JF_DATE], n[JF_DATE]);
  for (int k = JF_SOURCE; k <= JF_ROOT; k++) {
    memcpy(o, json_keys[k - JF_SOURCE].key, JSON_KEY_ROOM);
    o += json_keys[k - JF_SOURCE].len;
    o = json_str_or_null(o, f[k], n[k]);
  }
  PUT_LIT(o, ",\"quad_class\":");
  o = put_int_to(o, ev->quad_class);
  PUT_LIT(o, ",\"goldstein\":");
  o = json_fixed(o, ev->goldstein, 1);
  PUT_LIT(o, ",\"location\":");
  if (loc == NULL) {
    PUT_LIT(o, "null");
  } else {
    PUT_LIT(o, "{\"name\":");
    o = json_str_or_null(o, f[JF_LOC_NAME], n[JF_LOC_NAME]);
    PUT_LIT(o, ",\"country\":");
    o = json_str_or_null(o, f[JF_LOC_COUNTRY], n[JF_LOC_COUNTRY]);
    PUT_LIT(o, ",\"lat\":");
    o = json_fixed(o, loc->lat, 4);
    PUT_LIT(o, ",\"lon\":");
    o = json_fixed(o, loc->lon, 4);
    *o++ = '}';
  }
  PUT_LIT(o, ",\"killed\":");
  o = json_count(o, ev->killed);
  PUT_LIT(o, ",\"wounded\":");
  o = json_count(o, ev->wounded);
  PUT_LIT(o, ",\"mode\":[");
  o = put_modes_to(o, ev->mode, true);
  PUT_LIT(o, "],\"text\":");
  if (text == NULL) {
    PUT_LIT(o, "null");
  } else if (text_again) {
    memcpy(o, b->data + m->off, m->len);   /* earlier in b: no overlap */
    o += m->len;
  } else {
    size_t off = (size_t)(o - b->data);
    o = wa_json_put(o, text, text_len);
    m->sentence = ev->sentence;
    m->off = off;
    m->len = (size_t)(o - b->data) - off;
  }
  PUT_LIT(o, ",\"pattern\":");
  o = json_str_or_null(o, f[JF_PATTERN], n[JF_PATTERN]);
  PUT_LIT(o, "}\n");
  b->len += (size_t)(o - o0);
  b->data[b->len] = '\0';
}

/* ------------------------------------------------------------------ TSV */

/* Append s with \\ \t \n \r escaped; NULL appends nothing. */
static void tsv_str(wa_buf *b, const char *s) {
  if (s == NULL) return;
  const char *run = s;
  for (const char *p = s; *p; p++) {
    const char *esc = NULL;
    switch (*p) {
    case '\\': esc = "\\\\"; break;
    case '\t': esc = "\\t"; break;
    case '\n': esc = "\\n"; break;
    case '\r': esc = "\\r"; break;
    default: continue;
    }
    buf_append(b, run, (size_t)(p - run));
    buf_append(b, esc, 2);
    run = p + 1;
  }
  buf_puts(b, run);
}

static void tsv_count(wa_buf *b, int v) {
  if (v >= 0) put_int(b, v);
}

static void tsv_event(wa_buf *b, const wasit_result *res,
                      const wasit_event *ev) {
  tsv_str(b, res->doc ? res->doc->id : NULL);
  buf_append(b, "\t", 1);
  put_int(b, ev->sentence);
  buf_append(b, "\t", 1);
  tsv_str(b, ev->date);
  buf_append(b, "\t", 1);
  tsv_str(b, ev->source);
  buf_append(b, "\t", 1);
  tsv_str(b, ev->target);
  buf_append(b, "\t", 1);
  tsv_str(b, ev->source_text);
  buf_append(b, "\t", 1);
  tsv_str(b, ev->target_text);
  buf_append(b, "\t", 1);
  tsv_str(b, ev->trigger);
  buf_append(b, "\t", 1);
  tsv_str(b, ev->code);
  buf_append(b, "\t", 1);
  tsv_str(b, ev->root);
  buf_append(b, "\t", 1);
  put_int(b, ev->quad_class);
  buf_append(b, "\t", 1);
  if (isfinite(ev->goldstein)) put_fixed(b, ev->goldstein, 1);
  buf_append(b, "\t", 1);
  if (ev->location != NULL) {
    const wasit_location *loc = ev->location;
    tsv_str(b, loc->name);
    buf_append(b, ";", 1);
    tsv_str(b, loc->country);
    buf_append(b, ";", 1);
    if (isfinite(loc->lat)) put_fixed(b, loc->lat, 4);
    buf_append(b, ";", 1);
    if (isfinite(loc->lon)) put_fixed(b, loc->lon, 4);
  }
  buf_append(b, "\t", 1);
  tsv_count(b, ev->killed);
  buf_append(b, "\t", 1);
  tsv_count(b, ev->wounded);
  buf_append(b, "\t", 1);
  put_modes(b, ev->mode, false);
  buf_append(b, "\t", 1);
  tsv_str(b, event_text(res, ev));
  buf_append(b, "\t", 1);
  tsv_str(b, ev->pattern);
  buf_append(b, "\n", 1);
}

/* ---------------------------------------------------------------- public */

int wasit_write_header(int format, wasit_write_fn write, void *ud) {
  if (format == WASIT_FORMAT_JSONL) return WASIT_OK;
  if (format != WASIT_FORMAT_TSV || write == NULL) return WASIT_EINVAL;
  char line[256];
  size_t n = 0;
  for (size_t i = 0; columns[i] != NULL; i++) {
    size_t m = strlen(columns[i]);
    if (i > 0) line[n++] = '\t';
    memcpy(line + n, columns[i], m);
    n += m;
  }
  line[n++] = '\n';
  return write(ud, line, n) == 0 ? WASIT_OK : WASIT_EIO;
}

/* Contract in io.h. */
int io_format_events(const wasit_result *res, int format, wa_buf *out) {
  if (res == NULL || out == NULL ||
      (format != WASIT_FORMAT_JSONL && format != WASIT_FORMAT_TSV))
    return WASIT_EINVAL;
  json_text_memo memo = {-1, 0, 0,
                         res->doc && res->doc->id ? strlen(res->doc->id) : 0};
  for (size_t i = 0; i < res->n_events; i++) {
    if (format == WASIT_FORMAT_JSONL)
      json_event(out, res, &res->events[i], &memo);
    else tsv_event(out, res, &res->events[i]);
  }
  return out->failed ? WASIT_ENOMEM : WASIT_OK;
}

int wasit_write_events(const wasit_result *res, int format,
                       wasit_write_fn write, void *ud) {
  if (res == NULL || write == NULL ||
      (format != WASIT_FORMAT_JSONL && format != WASIT_FORMAT_TSV))
    return WASIT_EINVAL;
  if (res->n_events == 0) return WASIT_OK;
  wa_buf b;
  buf_init(&b, NULL);
  /* one allocation for a typical document (an event line is well under
  ** 1 KB) instead of doubling from a few bytes */
  size_t guess = res->n_events < 1024 ? res->n_events * 1024 : (size_t)1 << 20;
  buf_reserve(&b, guess);
  int rc = io_format_events(res, format, &b);
  if (rc == WASIT_OK && write(ud, b.data, b.len) != 0) rc = WASIT_EIO;
  buf_free(&b);
  return rc;
}
