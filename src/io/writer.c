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

static const char *const columns[] = {
    "doc_id",      "sentence",    "date",  "source",     "target",
    "source_text", "target_text", "trigger", "code",     "root",
    "quad_class",  "goldstein",   "location", "killed",  "wounded",
    "mode",        "text",        "pattern", NULL};

static const char *const mode_names[] = {"reported", "future", "historical",
                                         "conditional"};

/* The names of the mode bits, comma-separated, each in double quotes when
** `quoted` (JSON array items) or bare (TSV). */
static void put_modes(wa_buf *b, unsigned mode, bool quoted) {
  bool first = true;
  for (unsigned i = 0; i < sizeof mode_names / sizeof *mode_names; i++) {
    if (!(mode & (1u << i))) continue;
    if (!first) buf_append(b, ",", 1);
    first = false;
    if (quoted) buf_append(b, "\"", 1);
    buf_puts(b, mode_names[i]);
    if (quoted) buf_append(b, "\"", 1);
  }
}

const char *const *wasit_event_columns(void) { return columns; }

/* ------------------------------------------------------------- numbers */

/* The decimal digits of u, ending at end[-1]; returns the first digit. */
static char *utoa_back(char *end, unsigned long long u) {
  do *--end = (char)('0' + u % 10);
  while (u /= 10);
  return end;
}

/* v in decimal, as "%ld" would write it, without the printf machinery
** (which was most of the writer's time). */
static void put_int(wa_buf *b, long v) {
  char tmp[24];
  char *e = tmp + sizeof tmp;
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
                               : (unsigned long long)v;
  char *p = utoa_back(e, u);
  if (v < 0) *--p = '-';
  buf_append(b, p, (size_t)(e - p));
}

/* "%.*f" without a negative zero ("-0.0" becomes "0.0"): the slow,
** always exact path. */
static void put_fixed_printf(wa_buf *b, double v, int prec) {
  char tmp[64];
  int n = snprintf(tmp, sizeof tmp, "%.*f", prec, v);
  if (n <= 0 || n >= (int)sizeof tmp) return;
  const char *s = tmp;
  if (tmp[0] == '-') {
    bool zero = true;
    for (const char *p = tmp + 1; *p; p++)
      if (*p != '0' && *p != '.') zero = false;
    if (zero) s++, n--;
  }
  buf_append(b, s, (size_t)n);
}

/* The same bytes as put_fixed_printf for prec 0..4, in integer arithmetic.
** printf rounds the exact binary value of v to prec decimals.  x = v*10^prec
** in double is off by at most |x|*2^-53 (< 1e-7 for |x| < 1e9), so unless
** x lies within 1e-6 of a rounding tie, rounding x to the nearest integer
** gives the same digits; near a tie (and for big or odd values) the
** printf path decides.  Goldstein values and coordinates never come near
** a tie, so in practice printf is never called. */
static void put_fixed(wa_buf *b, double v, int prec) {
  static const double scale[] = {1, 10, 100, 1000, 10000};
  if (prec < 0 || prec > 4 || !isfinite(v)) {
    put_fixed_printf(b, v, prec);
    return;
  }
  double x = v * scale[prec];
  double ax = fabs(x);
  if (!(ax < 1e9)) {
    put_fixed_printf(b, v, prec);
    return;
  }
  /* 0 <= ax < 1e9: the conversion truncates, which is floor, without a
  ** library call; fl and frac are exact */
  unsigned long long fl = (unsigned long long)ax;
  double frac = ax - (double)fl;
  if (fabs(frac - 0.5) < 1e-6) {
    put_fixed_printf(b, v, prec);
    return;
  }
  unsigned long long r = fl + (frac > 0.5);
  /* a value that rounds to zero is written without its sign */
  bool negative = x < 0 && r != 0;
  char tmp[32];
  char *e = tmp + sizeof tmp, *p = e;
  for (int i = 0; i < prec; i++, r /= 10) *--p = (char)('0' + r % 10);
  if (prec > 0) *--p = '.';
  p = utoa_back(p, r);
  if (negative) *--p = '-';
  buf_append(b, p, (size_t)(e - p));
}

/* ---------------------------------------------------------------- JSONL */

/* Values up to this many bytes take the short path of json_str_or_null. */
#define JSON_SHORT 48

/* 1 for the bytes JSON escapes: controls (below 0x20), '"' and '\\'.  One
** load per byte; the three comparisons cost several times that. */
static const unsigned char json_esc[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1};

/* s as a JSON string, or null.  Most values are short (codes, ids, dates,
** actor names) and need no escape: they are copied with their quotes in
** one pass, eight bytes a step while eight are left (wa_json_special8
** tests them), where buf_json_str's scan and its four appends cost
** several times the copy.
** A value with a byte to escape, or a long one, goes to buf_json_str. */
static void json_str_or_null(wa_buf *b, const char *s) {
  if (s == NULL) {
    buf_append(b, "null", 4);
    return;
  }
  size_t n = strlen(s);
  if (n <= JSON_SHORT && !b->failed &&
      (b->len + n + 3 <= b->cap || buf_reserve(b, n + 2))) {
    char *o = b->data + b->len;
    size_t i = 0;
    for (; i + 8 <= n && !wa_json_special8(s + i); i += 8)
      memcpy(o + i + 1, s + i, 8);
    for (; i < n; i++) {
      unsigned char c = (unsigned char)s[i];
      if (json_esc[c]) break;
      o[i + 1] = (char)c;
    }
    if (i == n) {
      o[0] = '"';
      o[n + 1] = '"';
      o[n + 2] = '\0';
      b->len += n + 2;
      return;
    }
    b->data[b->len] = '\0';   /* the partial copy was never appended */
  }
  buf_json_str(b, s, n);
}

static void json_count(wa_buf *b, int v) {
  if (v < 0) buf_append(b, "null", 4);
  else put_int(b, v);
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
** the sentence text is most of the bytes of an event line. */
typedef struct json_text_memo {
  int sentence;   /* -1: none yet */
  size_t off, len;
} json_text_memo;

/* The "text" value of ev: a copy of the previous event's when it is the
** same sentence, else escaped and remembered in *m. */
static void json_event_text(wa_buf *b, const wasit_result *res,
                            const wasit_event *ev, json_text_memo *m) {
  const char *text = event_text(res, ev);
  if (text == NULL) {
    buf_append(b, "null", 4);
    return;
  }
  if (m->sentence == ev->sentence && m->off + m->len <= b->len) {
    /* room first: the copy's source is inside the buffer */
    if (b->len + m->len + 1 > b->cap && !buf_reserve(b, m->len)) return;
    buf_append(b, b->data + m->off, m->len);
    return;
  }
  size_t off = b->len;
  buf_json_str(b, text, strlen(text));
  *m = (json_text_memo){ev->sentence, off, b->len - off};
}

static void json_event(wa_buf *b, const wasit_result *res,
                       const wasit_event *ev, json_text_memo *m) {
  buf_append(b, "{\"doc_id\":", 10);
  json_str_or_null(b, res->doc ? res->doc->id : NULL);
  buf_append(b, ",\"sentence\":", 12);
  put_int(b, ev->sentence);
  buf_append(b, ",\"date\":", 8);
  json_str_or_null(b, ev->date[0] ? ev->date : NULL);
  buf_append(b, ",\"source\":", 10);
  json_str_or_null(b, ev->source);
  buf_append(b, ",\"target\":", 10);
  json_str_or_null(b, ev->target);
  buf_append(b, ",\"source_text\":", 15);
  json_str_or_null(b, ev->source_text);
  buf_append(b, ",\"target_text\":", 15);
  json_str_or_null(b, ev->target_text);
  buf_append(b, ",\"trigger\":", 11);
  json_str_or_null(b, ev->trigger);
  buf_append(b, ",\"code\":", 8);
  json_str_or_null(b, ev->code[0] ? ev->code : NULL);
  buf_append(b, ",\"root\":", 8);
  json_str_or_null(b, ev->root[0] ? ev->root : NULL);
  buf_append(b, ",\"quad_class\":", 14);
  put_int(b, ev->quad_class);
  buf_append(b, ",\"goldstein\":", 13);
  if (isfinite(ev->goldstein)) put_fixed(b, ev->goldstein, 1);
  else buf_append(b, "null", 4);
  buf_append(b, ",\"location\":", 12);
  const wasit_location *loc = ev->location;
  if (loc == NULL) {
    buf_append(b, "null", 4);
  } else {
    buf_append(b, "{\"name\":", 8);
    json_str_or_null(b, loc->name);
    buf_append(b, ",\"country\":", 11);
    json_str_or_null(b, loc->country);
    buf_append(b, ",\"lat\":", 7);
    if (isfinite(loc->lat)) put_fixed(b, loc->lat, 4);
    else buf_append(b, "null", 4);
    buf_append(b, ",\"lon\":", 7);
    if (isfinite(loc->lon)) put_fixed(b, loc->lon, 4);
    else buf_append(b, "null", 4);
    buf_append(b, "}", 1);
  }
  buf_append(b, ",\"killed\":", 10);
  json_count(b, ev->killed);
  buf_append(b, ",\"wounded\":", 11);
  json_count(b, ev->wounded);
  buf_append(b, ",\"mode\":[", 9);
  put_modes(b, ev->mode, true);
  buf_append(b, "],\"text\":", 9);
  json_event_text(b, res, ev, m);
  buf_append(b, ",\"pattern\":", 11);
  json_str_or_null(b, ev->pattern);
  buf_append(b, "}\n", 2);
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
  json_text_memo memo = {-1, 0, 0};
  for (size_t i = 0; i < res->n_events; i++) {
    if (format == WASIT_FORMAT_JSONL)
      json_event(&b, res, &res->events[i], &memo);
    else tsv_event(&b, res, &res->events[i]);
  }
  int rc = WASIT_OK;
  if (b.failed) rc = WASIT_ENOMEM;
  else if (write(ud, b.data, b.len) != 0) rc = WASIT_EIO;
  buf_free(&b);
  return rc;
}
