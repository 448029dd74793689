/*
** query.c: selecting stored events (wasit_store_query) and the helpers the
** other store queries share: filter validation, the filter SQL, event rows
** as JSON / JSONL / CSV / aligned text.
**
** Stage 5 (store).  Input: a wasit_query from the CLI or the server, with
** untrusted strings.  Every value is validated here (EINVAL naming the
** field) and bound as an SQL parameter; the SQL text is assembled only from
** the constant fragments below.  Output goes through a wasit_write_fn in
** chunks of about 64 KiB.  Typical store: 10^4..10^6 events.
**
** JSON shapes (the server relies on these; keys always present):
**
**   event object (same keys and order as a `wasit code` JSONL record, then
**   the stored extras):
**     {"doc_id":s, "sentence":n, "date":s|null, "source":s, "target":s|null,
**      "source_text":s|null, "target_text":s|null, "trigger":s|null,
**      "code":s, "root":s, "quad_class":n, "goldstein":x (one decimal),
**      "location":null|{"name":s,"country":s,"lat":x,"lon":x},
**      "killed":n|null, "wounded":n|null,
**      "mode":["reported"|"future"|"historical"|"conditional", ...],
**      "text":s|null (the sentence), "pattern":s|null,
**      "url":s|null, "title":s|null, "id":n (event row id)}
**   dedup rows add  "reports":n (events collapsed), "doc_ids":[s, ...];
**   the other fields are those of the first stored event of the group.
**
**   wasit_store_query JSON:  {"events":[event...], "total":N}
**       in date order (q->desc: newest first), undated events last, ties
**       in the order they were stored;
**       total = matching events (dedup: groups) before limit/offset.
**   JSONL: one event object per line.  CSV: a header line, then the
**   columns below (mode comma-joined, doc_ids comma-joined).  TABLE:
**   aligned columns and a closing "N of TOTAL events" line.
**
**   wasit_store_dyad_json (stats.c):
**     {"a":s, "b":s, "by":"day"|"week"|"month",
**      "periods":[{"period":s, "q1":n, "q2":n, "q3":n, "q4":n,
**                  "goldstein":x (sum), "events":n}, ...]}
**     period: "YYYY-MM-DD" (day), ISO week's Monday "YYYY-MM-DD" (week),
**     "YYYY-MM" (month); ascending; only periods with events.  Events
**     without a precise enough date are left out.
**   wasit_store_actors_json:
**     {"actors":[{"code":s, "country":s|null, "events":n}, ...]}
**     events = as source plus as target; most frequent first; country =
**     the first three letters when the code has at least three.
**   wasit_store_stats JSON:
**     {"documents":n, "sentences":n, "events":n,
**      "by_root":[{"root":s, "events":n}...]          (by root code)
**      "by_month":[{"month":"YYYY-MM", "events":n}...] (ascending)
**      "top_actors":[{"code":s, "events":n}...]        (top 20)
**      "top_dyads":[{"source":s, "target":s, "events":n}...]} (top 20)
**   wasit_store_doc_json:
**     {"id":s, "date":s|null, "title":s|null, "url":s|null, "text":s,
**      "sentences":[{"idx":n, "text":s, "date":s|null}...],
**      "events":[event...]}
**     A missing document is WASIT_EINVAL with message "no such document".
*/
#include "store.h"
#include "../text/text.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLUSH_AT (64 * 1024)
#define TEXT_MAX 1000        /* longest --text accepted, bytes */
#define OFFSET_MAX 1000000000L

/* ------------------------------------------------------------ validation */

/* Set r to the range of codes starting with p[0..n) (see store_range);
** the bytes are copied into ar.  False on ENOMEM (err filled). */
static bool prefix_range(store_range *r, const char *p, size_t n,
                         wa_arena *ar, wasit_error *err) {
  char *lo = arena_alloc(ar, 2 * (n + 1));
  if (lo == NULL) {
    WA_ERR(err, WASIT_ENOMEM, "out of memory");
    return false;
  }
  char *hi = lo + n + 1;
  memcpy(lo, p, n);
  lo[n] = '\0';
  memcpy(hi, lo, n + 1);
  hi[n - 1] = (char)(hi[n - 1] + 1); /* ASCII letter/digit: no overflow */
  r->lo = lo;
  r->hi = hi;
  return true;
}

/* Validate one actor prefix (1..STORE_ACTOR_MAX ASCII letters/digits,
** upper-cased) into r.  False with err (EINVAL naming `field`, ENOMEM). */
static bool actor_range(store_range *r, const char *code, const char *field,
                        wa_arena *ar, wasit_error *err) {
  char up[STORE_ACTOR_MAX];
  size_t n = strlen(code);
  if (n == 0 || n > STORE_ACTOR_MAX) {
    WA_ERR(err, WASIT_EINVAL, "%s: actor code must be 1-%d letters/digits",
           field, STORE_ACTOR_MAX);
    return false;
  }
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)code[i];
    if (!isascii(c) || !isalnum(c)) {
      WA_ERR(err, WASIT_EINVAL, "%s: '%s' is not an actor code (A-Z, 0-9)",
             field, code);
      return false;
    }
    up[i] = (char)toupper(c);
  }
  return prefix_range(r, up, n, ar, err);
}

static const int month_days[12] = {31, 28, 31, 30, 31, 30,
                                   31, 31, 30, 31, 30, 31};

/* True when s is "YYYY-MM-DD" naming a real calendar day. */
static bool valid_date(const char *s) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !isdigit((unsigned char)s[i])) return false;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  int max = month_days[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
  return d <= max;
}

/* True when s is n1..n2 ASCII digits. */
static bool all_digits(const char *s, size_t n1, size_t n2) {
  size_t n = strlen(s);
  if (n < n1 || n > n2) return false;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return false;
  return true;
}

/* Append FTS5 phrase "pre"+"w" (quotes doubled), a prefix query when
** `prefix`. */
static void fts_phrase(wa_buf *b, const char *pre, const char *w, size_t n,
                       bool prefix) {
  buf_append(b, "\"", 1);
  buf_puts(b, pre);
  for (size_t i = 0; i < n; i++) {
    if (w[i] == '"') buf_append(b, "\"", 1);
    buf_append(b, w + i, 1);
  }
  buf_append(b, "\"", 1);
  if (prefix) buf_append(b, " *", 2);
}

/* Proclitics a search word may carry in the text (normalized UTF-8): a
** conjunction, then a preposition and/or the article.  FTS5 indexes whole
** space-separated words, so "اذربيجان" must also look for "واذربيجان".
** Spelled here because they only concern search (the tokenizer's split
** rules work on code points in src/text/token.c). */
static const char *const fts_conj[] = {"", "\xD9\x88" /* wa */,
                                       "\xD9\x81" /* fa */};
static const char *const fts_prep[] = {
    "", "\xD8\xA8" /* bi */, "\xD9\x84" /* li */, "\xD9\x83" /* ka */,
    "\xD8\xA7\xD9\x84" /* al */, "\xD8\xA8\xD8\xA7\xD9\x84" /* bil */,
    "\xD9\x84\xD9\x84" /* lil */, "\xD9\x83\xD8\xA7\xD9\x84" /* kal */};
#define FTS_AL "\xD8\xA7\xD9\x84"
#define FTS_PREP_AL 4 /* fts_prep[4..] carry the article */

/* Number of UTF-8 code points in w[0..n). */
static size_t utf8_count(const char *w, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)w[i] & 0xC0) != 0x80;
  return k;
}

/* Append one search word: the word itself, and for an Arabic word of at
** least three letters an OR group of its proclitic forms (a word written
** with ال is looked for with ال, بال, لل, كال and و/ف before them). */
static void fts_word(wa_buf *b, const char *w, size_t n, bool prefix) {
  if (b->len > 0) buf_append(b, " AND ", 5); /* implicit AND breaks on "(" */
  unsigned char c0 = (unsigned char)w[0];
  bool arabic = c0 >= 0xD8 && c0 <= 0xDB;
  size_t first = 0;
  if (arabic && n > 4 && memcmp(w, FTS_AL, 4) == 0 &&
      utf8_count(w + 4, n - 4) >= 2) {
    w += 4, n -= 4;          /* stem after the article */
    first = FTS_PREP_AL;
  } else if (!arabic || utf8_count(w, n) < 3) {
    fts_phrase(b, "", w, n, prefix);
    return;
  }
  buf_append(b, "(", 1);
  bool sep = false;
  for (size_t c = 0; c < sizeof fts_conj / sizeof fts_conj[0]; c++)
    for (size_t p = first; p < sizeof fts_prep / sizeof fts_prep[0]; p++) {
      char pre[16];
      snprintf(pre, sizeof pre, "%s%s", fts_conj[c], fts_prep[p]);
      if (sep) buf_append(b, " OR ", 4);
      fts_phrase(b, pre, w, n, prefix);
      sep = true;
    }
  buf_append(b, ")", 1);
}

/* Turn free text into an FTS5 query: each whitespace-separated word is
** normalized (hamza/alef forms folded, harakat dropped) and quoted, so
** FTS syntax in user input is inert; a trailing '*' asks for a prefix;
** Arabic words also match with attached proclitics (see fts_word).  All
** words must occur (implicit AND). */
static int fts_query(const char *text, wa_arena *ar, const char **out,
                     wasit_error *err) {
  *out = NULL;
  size_t len = strlen(text);
  if (len > TEXT_MAX)
    return WA_ERR(err, WASIT_EINVAL, "text: longer than %d bytes", TEXT_MAX);
  wa_buf b;
  buf_init(&b, NULL);
  const char *p = text, *end = text + len;
  int rc = WASIT_OK;
  while (p < end) {
    while (p < end && isspace((unsigned char)*p)) p++;
    const char *w = p;
    while (p < end && !isspace((unsigned char)*p)) p++;
    if (p == w) break;
    bool prefix = p[-1] == '*';
    size_t wn = (size_t)(p - w) - (prefix ? 1 : 0), nn = 0;
    char *norm = txt_normalize_str(ar, w, wn, &nn);
    if (norm == NULL) {
      rc = WA_ERR(err, WASIT_ENOMEM, "out of memory");
      break;
    }
    if (nn > 0) fts_word(&b, norm, nn, prefix);
  }
  if (rc == WASIT_OK && b.failed) rc = WA_ERR(err, WASIT_ENOMEM, "out of memory");
  if (rc == WASIT_OK && b.len == 0)
    rc = WA_ERR(err, WASIT_EINVAL, "text: no words to search for");
  if (rc == WASIT_OK && (*out = arena_strndup(ar, b.data, b.len)) == NULL)
    rc = WA_ERR(err, WASIT_ENOMEM, "out of memory");
  buf_free(&b);
  return rc;
}

/* Validate q into f (see store.h). */
int store_filter_make(store_filter *f, const wasit_query *q, wa_arena *ar,
                      wasit_error *err) {
  memset(f, 0, sizeof *f);
  f->limit = STORE_LIMIT_DEFAULT;
  if (q == NULL) return WASIT_OK;
  struct {
    const char *in, *name;
    store_range *out;
  } actors[] = {{q->actor, "actor", &f->actor},
                {q->source, "source", &f->source},
                {q->target, "target", &f->target},
                {q->dyad_a, "dyad", &f->dyad_a},
                {q->dyad_b, "dyad", &f->dyad_b}};
  for (size_t i = 0; i < sizeof actors / sizeof actors[0]; i++)
    if (actors[i].in != NULL &&
        !actor_range(actors[i].out, actors[i].in, actors[i].name, ar, err))
      return err ? err->code : WASIT_EINVAL;
  if ((f->dyad_a.lo == NULL) != (f->dyad_b.lo == NULL))
    return WA_ERR(err, WASIT_EINVAL, "dyad: needs two actor codes A,B");
  if (q->root != NULL) {
    if (!all_digits(q->root, 2, 2) || atoi(q->root) < 1 || atoi(q->root) > 20)
      return WA_ERR(err, WASIT_EINVAL,
                    "root: '%s' is not a CAMEO root (two digits 01-20)",
                    q->root);
    f->root = q->root;
  }
  if (q->code != NULL) {
    if (!all_digits(q->code, 2, 4))
      return WA_ERR(err, WASIT_EINVAL,
                    "code: '%s' is not a CAMEO code (2-4 digits)", q->code);
    if (!prefix_range(&f->code, q->code, strlen(q->code), ar, err))
      return WASIT_ENOMEM;
  }
  if (q->from != NULL && !valid_date(q->from))
    return WA_ERR(err, WASIT_EINVAL, "from: '%s' is not a date YYYY-MM-DD",
                  q->from);
  if (q->to != NULL && !valid_date(q->to))
    return WA_ERR(err, WASIT_EINVAL, "to: '%s' is not a date YYYY-MM-DD",
                  q->to);
  if (q->from != NULL && q->to != NULL && strcmp(q->from, q->to) > 0)
    return WA_ERR(err, WASIT_EINVAL, "from %s is after to %s", q->from, q->to);
  f->from = q->from;
  f->to = q->to;
  if (q->text != NULL) {
    int rc = fts_query(q->text, ar, &f->fts, err);
    if (rc != WASIT_OK) return rc;
  }
  if (q->limit != 0) {
    if (q->limit < 1 || q->limit > STORE_LIMIT_MAX)
      return WA_ERR(err, WASIT_EINVAL, "limit: %ld is not in 1..%d", q->limit,
                    STORE_LIMIT_MAX);
    f->limit = q->limit;
  }
  if (q->offset < 0 || q->offset > OFFSET_MAX)
    return WA_ERR(err, WASIT_EINVAL, "offset: %ld is not in 0..%ld",
                  q->offset, OFFSET_MAX);
  f->offset = q->offset;
  f->dedup = q->dedup != 0;
  f->desc = q->desc != 0;
  return WASIT_OK;
}

/* ------------------------------------------------------------ filter SQL */

/* The fragments, in binding order.  Each '?' gets one value; a prefix
** is a range (lo, hi) per column, so each column test is an index SEARCH
** (the OR over source and target becomes a MULTI-INDEX OR of two). */
#define SQL_IN_SRC "e.source >= ? AND e.source < ?"
#define SQL_IN_TGT "e.target >= ? AND e.target < ?"
#define SQL_ACTOR "(" SQL_IN_SRC " OR " SQL_IN_TGT ")"
#define SQL_SOURCE SQL_IN_SRC
#define SQL_TARGET SQL_IN_TGT
#define SQL_DYAD                                                       \
  "((" SQL_IN_SRC " AND " SQL_IN_TGT ") OR (" SQL_IN_SRC " AND " SQL_IN_TGT "))"
#define SQL_ROOT "e.root = ?"
#define SQL_CODE "e.code >= ? AND e.code < ?"
#define SQL_FROM "e.date >= ?"
#define SQL_TO "e.date <= ?"
#define SQL_TEXT                                                          \
  "(e.doc_id, e.sentence) IN (SELECT s2.doc_id, s2.idx FROM sentences_fts" \
  " JOIN sentences s2 ON s2.id = sentences_fts.rowid"                     \
  " WHERE sentences_fts MATCH ?)"

void store_filter_sql(wa_buf *sql, const store_filter *f) {
  const char *parts[9];
  size_t n = 0;
  if (f->actor.lo) parts[n++] = SQL_ACTOR;
  if (f->source.lo) parts[n++] = SQL_SOURCE;
  if (f->target.lo) parts[n++] = SQL_TARGET;
  if (f->dyad_a.lo) parts[n++] = SQL_DYAD;
  if (f->root) parts[n++] = SQL_ROOT;
  if (f->code.lo) parts[n++] = SQL_CODE;
  if (f->from) parts[n++] = SQL_FROM;
  if (f->to) parts[n++] = SQL_TO;
  if (f->fts) parts[n++] = SQL_TEXT;
  for (size_t i = 0; i < n; i++) {
    buf_puts(sql, i == 0 ? " WHERE " : " AND ");
    buf_puts(sql, parts[i]);
  }
}

/* Add range r's two bounds to vals. */
#define PUSH_RANGE(vals, n, r) ((vals)[(n)++] = (r).lo, (vals)[(n)++] = (r).hi)

int store_filter_bind(sqlite3_stmt *stmt, const store_filter *f, int first) {
  const char *vals[24]; /* at most 4+2+2+8+1+2+1+1+1 */
  int n = 0;
  if (f->actor.lo) PUSH_RANGE(vals, n, f->actor), PUSH_RANGE(vals, n, f->actor);
  if (f->source.lo) PUSH_RANGE(vals, n, f->source);
  if (f->target.lo) PUSH_RANGE(vals, n, f->target);
  if (f->dyad_a.lo) {
    PUSH_RANGE(vals, n, f->dyad_a), PUSH_RANGE(vals, n, f->dyad_b);
    PUSH_RANGE(vals, n, f->dyad_b), PUSH_RANGE(vals, n, f->dyad_a);
  }
  if (f->root) vals[n++] = f->root;
  if (f->code.lo) PUSH_RANGE(vals, n, f->code);
  if (f->from) vals[n++] = f->from;
  if (f->to) vals[n++] = f->to;
  if (f->fts) vals[n++] = f->fts;
  for (int i = 0; i < n; i++)
    if (sqlite3_bind_text(stmt, first + i, vals[i], -1, SQLITE_STATIC) !=
        SQLITE_OK)
      return -1;
  return first + n;
}

/* ---------------------------------------------------------------- output */

int store_flush(wa_buf *b, wasit_write_fn write, void *ud, wasit_error *err) {
  if (b->failed) return WA_ERR(err, WASIT_ENOMEM, "out of memory writing");
  if (b->len > 0 && write(ud, b->data, b->len) != 0)
    return WA_ERR(err, WASIT_EIO, "output refused by the writer");
  buf_reset(b);
  return WASIT_OK;
}

static const char *const mode_names[] = {"reported", "future", "historical",
                                         "conditional"};

void store_mode_json(wa_buf *b, unsigned mode) {
  buf_append(b, "[", 1);
  bool first = true;
  for (unsigned i = 0; i < 4; i++) {
    if (!(mode & (1u << i))) continue;
    buf_puts(b, first ? "\"" : ",\"");
    buf_puts(b, mode_names[i]);
    buf_append(b, "\"", 1);
    first = false;
  }
  buf_append(b, "]", 1);
}

/* Column indexes in STORE_EV_COLS. */
enum {
  C_DOC, C_SENT, C_DATE, C_SRC, C_TGT, C_SRC_TEXT, C_TGT_TEXT, C_TRIGGER,
  C_CODE, C_ROOT, C_QUAD, C_GOLD, C_LOC_NAME, C_LOC_COUNTRY, C_LAT, C_LON,
  C_KILLED, C_WOUNDED, C_MODE, C_PATTERN, C_TEXT, C_URL, C_TITLE, C_ID,
  C_REPORTS, C_DOC_IDS_JSON, C_DOC_IDS_LIST
};

/* A text column as a JSON string, or null. */
static void col_json(wa_buf *b, sqlite3_stmt *r, int c) {
  const unsigned char *s = sqlite3_column_text(r, c);
  if (s == NULL) buf_append(b, "null", 4);
  else buf_json_str(b, (const char *)s, (size_t)sqlite3_column_bytes(r, c));
}

/* An integer column, or null. */
static void col_int(wa_buf *b, sqlite3_stmt *r, int c) {
  if (sqlite3_column_type(r, c) == SQLITE_NULL) buf_append(b, "null", 4);
  else buf_printf(b, "%lld", (long long)sqlite3_column_int64(r, c));
}

/* A real column with `prec` decimals ("-0.0" written "0.0"), or null. */
static void col_fixed(wa_buf *b, sqlite3_stmt *r, int c, int prec) {
  if (sqlite3_column_type(r, c) == SQLITE_NULL) {
    buf_append(b, "null", 4);
    return;
  }
  double v = sqlite3_column_double(r, c);
  if (!isfinite(v)) {
    buf_append(b, "null", 4);
    return;
  }
  if (v == 0) v = 0; /* drops the sign of -0.0 */
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.*f", prec, v);
  if (tmp[0] == '-' && strspn(tmp + 1, "0.") == strlen(tmp + 1))
    buf_puts(b, tmp + 1);
  else buf_puts(b, tmp);
}

/* The leading keys of an event object and their columns. */
static const struct {
  const char *key;
  int col;
  char kind; /* s string, i integer */
} event_head[] = {{"{\"doc_id\":", C_DOC, 's'},       {",\"sentence\":", C_SENT, 'i'},
              {",\"date\":", C_DATE, 's'},        {",\"source\":", C_SRC, 's'},
              {",\"target\":", C_TGT, 's'},       {",\"source_text\":", C_SRC_TEXT, 's'},
              {",\"target_text\":", C_TGT_TEXT, 's'}, {",\"trigger\":", C_TRIGGER, 's'},
              {",\"code\":", C_CODE, 's'},        {",\"root\":", C_ROOT, 's'},
              {",\"quad_class\":", C_QUAD, 'i'}};

void store_event_json(wa_buf *b, sqlite3_stmt *r, int dedup) {
  for (size_t i = 0; i < sizeof event_head / sizeof event_head[0]; i++) {
    buf_puts(b, event_head[i].key);
    if (event_head[i].kind == 's') col_json(b, r, event_head[i].col);
    else col_int(b, r, event_head[i].col);
  }
  buf_puts(b, ",\"goldstein\":");
  col_fixed(b, r, C_GOLD, 1);
  buf_puts(b, ",\"location\":");
  if (sqlite3_column_type(r, C_LOC_NAME) == SQLITE_NULL &&
      sqlite3_column_type(r, C_LOC_COUNTRY) == SQLITE_NULL) {
    buf_puts(b, "null");
  } else {
    buf_puts(b, "{\"name\":");
    col_json(b, r, C_LOC_NAME);
    buf_puts(b, ",\"country\":");
    col_json(b, r, C_LOC_COUNTRY);
    buf_puts(b, ",\"lat\":");
    col_fixed(b, r, C_LAT, 4);
    buf_puts(b, ",\"lon\":");
    col_fixed(b, r, C_LON, 4);
    buf_puts(b, "}");
  }
  buf_puts(b, ",\"killed\":");
  col_int(b, r, C_KILLED);
  buf_puts(b, ",\"wounded\":");
  col_int(b, r, C_WOUNDED);
  buf_puts(b, ",\"mode\":");
  store_mode_json(b, (unsigned)sqlite3_column_int(r, C_MODE));
  buf_puts(b, ",\"text\":");
  col_json(b, r, C_TEXT);
  buf_puts(b, ",\"pattern\":");
  col_json(b, r, C_PATTERN);
  buf_puts(b, ",\"url\":");
  col_json(b, r, C_URL);
  buf_puts(b, ",\"title\":");
  col_json(b, r, C_TITLE);
  buf_puts(b, ",\"id\":");
  col_int(b, r, C_ID);
  if (dedup) {
    buf_puts(b, ",\"reports\":");
    col_int(b, r, C_REPORTS);
    buf_puts(b, ",\"doc_ids\":");
    const unsigned char *ids = sqlite3_column_text(r, C_DOC_IDS_JSON);
    buf_puts(b, ids ? (const char *)ids : "[]"); /* SQLite made it JSON */
  }
  buf_append(b, "}", 1);
}

/* ------------------------------------------------------------------ CSV */

static const char csv_header[] =
    "doc_id,sentence,date,source,target,source_text,target_text,trigger,"
    "code,root,quad_class,goldstein,location_name,location_country,lat,lon,"
    "killed,wounded,mode,text,pattern,url,title,id";

/* One CSV field (RFC 4180: quoted when it holds , " CR or LF). */
static void csv_field(wa_buf *b, const char *s, size_t n) {
  if (strcspn(s, ",\"\r\n") >= n) {
    buf_append(b, s, n);
    return;
  }
  buf_append(b, "\"", 1);
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '"') buf_append(b, "\"", 1);
    buf_append(b, s + i, 1);
  }
  buf_append(b, "\"", 1);
}

/* A column as CSV text: NULL is the empty field; reals fixed-point. */
static void csv_col(wa_buf *b, sqlite3_stmt *r, int c) {
  int t = sqlite3_column_type(r, c);
  if (t == SQLITE_NULL) return;
  if (t == SQLITE_FLOAT) {
    col_fixed(b, r, c, (c == C_LAT || c == C_LON) ? 4 : 1);
    return;
  }
  const char *s = (const char *)sqlite3_column_text(r, c);
  if (s != NULL) csv_field(b, s, (size_t)sqlite3_column_bytes(r, c));
}

static void csv_row(wa_buf *b, sqlite3_stmt *r, int dedup) {
  for (int c = 0; c < STORE_EV_NCOLS; c++) {
    if (c > 0) buf_append(b, ",", 1);
    if (c == C_MODE) {
      unsigned m = (unsigned)sqlite3_column_int(r, c);
      bool first = true;
      wa_buf tmp;
      buf_init(&tmp, NULL);
      for (unsigned i = 0; i < 4; i++) {
        if (!(m & (1u << i))) continue;
        if (!first) buf_append(&tmp, ",", 1);
        buf_puts(&tmp, mode_names[i]);
        first = false;
      }
      if (tmp.failed) b->failed = true;
      else if (tmp.len > 0) csv_field(b, tmp.data, tmp.len);
      buf_free(&tmp);
    } else if (c == C_GOLD) {
      col_fixed(b, r, c, 1);
    } else {
      csv_col(b, r, c);
    }
  }
  if (dedup) {
    buf_append(b, ",", 1);
    csv_col(b, r, C_REPORTS);
    buf_append(b, ",", 1);
    csv_col(b, r, C_DOC_IDS_LIST);
  }
  buf_append(b, "\r\n", 2);
}

/* ---------------------------------------------------------------- table */

/* Append s padded or cut to `width` code points (UTF-8 aware). */
static void table_cell(wa_buf *b, const char *s, size_t width, bool last) {
  if (s == NULL) s = "-";
  size_t i = 0, cps = 0;
  while (s[i] != '\0' && cps < width) {
    i++;
    while ((s[i] & 0xC0) == 0x80) i++;
    cps++;
  }
  bool cut = s[i] != '\0';
  if (cut && i > 0) { /* leave room for an ellipsis */
    do i--; while (i > 0 && (s[i] & 0xC0) == 0x80);
    cps--;
  }
  for (size_t k = 0; k < i; k++)
    if (s[k] == '\n' || s[k] == '\t') buf_append(b, " ", 1);
    else buf_append(b, s + k, 1);
  if (cut) buf_puts(b, "\xE2\x80\xA6"), cps++; /* U+2026 ellipsis */
  if (!last)
    for (; cps <= width; cps++) buf_append(b, " ", 1);
}

static void table_header(wa_buf *b, int dedup) {
  buf_puts(b, "DATE       SOURCE       TARGET       CODE  GOLD   ");
  if (dedup) buf_puts(b, "REP  ");
  buf_puts(b, "DOC              TEXT\n");
}

static void table_row(wa_buf *b, sqlite3_stmt *r, int dedup) {
  char gold[16] = "-", rep[16];
  if (sqlite3_column_type(r, C_GOLD) != SQLITE_NULL)
    snprintf(gold, sizeof gold, "%.1f", sqlite3_column_double(r, C_GOLD));
  table_cell(b, (const char *)sqlite3_column_text(r, C_DATE), 10, false);
  table_cell(b, (const char *)sqlite3_column_text(r, C_SRC), 12, false);
  table_cell(b, (const char *)sqlite3_column_text(r, C_TGT), 12, false);
  table_cell(b, (const char *)sqlite3_column_text(r, C_CODE), 5, false);
  table_cell(b, gold, 6, false);
  if (dedup) {
    snprintf(rep, sizeof rep, "%d", sqlite3_column_int(r, C_REPORTS));
    table_cell(b, rep, 4, false);
  }
  table_cell(b, (const char *)sqlite3_column_text(r, C_DOC), 16, false);
  table_cell(b, (const char *)sqlite3_column_text(r, C_TEXT), 70, true);
  buf_append(b, "\n", 1);
}

/* ---------------------------------------------------------------- query */

/* The sort order of a page: date order (q->desc: newest first), undated
** events last either way, ties by row id (= storing order).  %s is the
** date column and %s the id column of the inner query. */
#define ORDER_ASC " ORDER BY %s IS NULL, %s, %s"
#define ORDER_DESC " ORDER BY %s IS NULL, %s DESC, %s DESC"

static void query_order(wa_buf *sql, const store_filter *f, const char *date,
                        const char *id) {
  buf_printf(sql, f->desc ? ORDER_DESC : ORDER_ASC, date, date, id);
}

/* Build the page query.  The page is chosen first over events alone (row
** ids, or dedup groups: first id and counts), sorted and cut to
** LIMIT/OFFSET; only then are its rows joined to their sentences and
** documents.  Joining before the sort fetched the sentence text of every
** matching event (a whole actor's history for one page of 100). */
static void query_page_sql(wa_buf *sql, const store_filter *f) {
  buf_puts(sql, "SELECT " STORE_EV_COLS);
  if (f->dedup) {
    buf_puts(sql, ", g.reports, g.ids_json, g.ids_list FROM"
                  " (SELECT MIN(e.id) AS first_id, e.date AS gdate,"
                  " COUNT(*) AS reports,"
                  " json_group_array(DISTINCT e.doc_id) AS ids_json,"
                  " group_concat(DISTINCT e.doc_id) AS ids_list FROM events e");
    store_filter_sql(sql, f);
    buf_puts(sql, " GROUP BY e.date, e.source, e.target, e.code");
    query_order(sql, f, "gdate", "first_id");
    buf_puts(sql, " LIMIT ? OFFSET ?) AS g JOIN events e ON e.id = g.first_id");
  } else {
    buf_puts(sql, " FROM (SELECT e.id AS pid FROM events e");
    store_filter_sql(sql, f);
    query_order(sql, f, "e.date", "e.id");
    buf_puts(sql, " LIMIT ? OFFSET ?) AS p JOIN events e ON e.id = p.pid");
  }
  buf_puts(sql, " LEFT JOIN sentences s ON s.doc_id = e.doc_id"
                " AND s.idx = e.sentence"
                " LEFT JOIN documents d ON d.id = e.doc_id");
  query_order(sql, f, "e.date", "e.id");
}

/* Build the count of matching events (dedup: groups). */
static void query_total_sql(wa_buf *sql, const store_filter *f) {
  buf_puts(sql, f->dedup ? "SELECT COUNT(*) FROM (SELECT 1 FROM events e"
                         : "SELECT COUNT(*) FROM events e");
  store_filter_sql(sql, f);
  if (f->dedup) buf_puts(sql, " GROUP BY e.date, e.source, e.target, e.code)");
}

/* Prepare `sql` prefixed with `pre` (may be "") and bind f, then limit
** and offset when the statement has room for them. */
static int query_prepare(wasit_store *st, const char *pre, const wa_buf *sql,
                         const store_filter *f, sqlite3_stmt **s,
                         wasit_error *err) {
  wa_buf full;
  buf_init(&full, NULL);
  buf_puts(&full, pre);
  if (sql->data != NULL) buf_append(&full, sql->data, sql->len);
  if (sql->failed) full.failed = true;
  int rc = store_prepare(st, &full, s, err);
  buf_free(&full);
  if (rc != WASIT_OK) return rc;
  int next = store_filter_bind(*s, f, 1);
  if (next < 0 ||
      (sqlite3_bind_parameter_count(*s) >= next + 1 &&
       (sqlite3_bind_int64(*s, next, f->limit) != SQLITE_OK ||
        sqlite3_bind_int64(*s, next + 1, f->offset) != SQLITE_OK))) {
    rc = STORE_ERR(st, err, "bind");
    sqlite3_finalize(*s);
    *s = NULL;
  }
  return rc;
}

/* Count matching events (dedup: groups) into *total. */
static int query_total(wasit_store *st, const store_filter *f, long *total,
                       wasit_error *err) {
  wa_buf sql;
  buf_init(&sql, NULL);
  query_total_sql(&sql, f);
  sqlite3_stmt *s = NULL;
  int rc = query_prepare(st, "", &sql, f, &s, err);
  buf_free(&sql);
  if (rc != WASIT_OK) return rc;
  if (sqlite3_step(s) != SQLITE_ROW) rc = STORE_ERR(st, err, "count");
  else *total = (long)sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return rc;
}

/* Append the plan of sql to out, one detail per line. */
static int plan_lines(wasit_store *st, const wa_buf *sql,
                      const store_filter *f, wa_buf *out, wasit_error *err) {
  sqlite3_stmt *s = NULL;
  int rc = query_prepare(st, "EXPLAIN QUERY PLAN ", sql, f, &s, err), step;
  if (rc != WASIT_OK) return rc;
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    const char *d = (const char *)sqlite3_column_text(s, 3);
    buf_puts(out, d ? d : "");
    buf_append(out, "\n", 1);
  }
  if (step != SQLITE_DONE) rc = STORE_ERR(st, err, "explain");
  sqlite3_finalize(s);
  return rc;
}

/* EXPLAIN QUERY PLAN of the count and the page (see store.h). */
int store_query_plan(wasit_store *st, const wasit_query *q, wa_buf *out,
                     wasit_error *err) {
  wa_arena ar;
  arena_init(&ar, NULL);
  wa_buf sql;
  buf_init(&sql, NULL);
  store_filter f;
  int rc = store_filter_make(&f, q, &ar, err);
  if (rc == WASIT_OK) {
    query_total_sql(&sql, &f);
    rc = plan_lines(st, &sql, &f, out, err);
  }
  if (rc == WASIT_OK) {
    buf_puts(out, "--\n");
    buf_reset(&sql);
    query_page_sql(&sql, &f);
    rc = plan_lines(st, &sql, &f, out, err);
  }
  if (rc == WASIT_OK && out->failed)
    rc = WA_ERR(err, WASIT_ENOMEM, "out of memory");
  buf_free(&sql);
  arena_free(&ar);
  return rc;
}

/* Run q; see wasit.h and the shapes above.  EINVAL for bad filter values
** or an unknown format (nothing written then); ESTORE, ENOMEM, or EIO when
** `write` refuses (output may be partial). */
int wasit_store_query(wasit_store *st, const wasit_query *q, int format,
                      wasit_write_fn write, void *ud, wasit_error *err) {
  if (st == NULL || write == NULL)
    return WA_ERR(err, WASIT_EINVAL, "store_query: NULL store or writer");
  if (format < WASIT_QUERY_JSON || format > WASIT_QUERY_TABLE)
    return WA_ERR(err, WASIT_EINVAL, "store_query: unknown format %d", format);
  wa_arena ar;
  arena_init(&ar, NULL);
  store_filter f;
  wa_buf sql, out;
  buf_init(&sql, NULL);
  buf_init(&out, NULL);
  sqlite3_stmt *s = NULL;
  long total = 0, rows = 0;
  /* Count and page from one snapshot, unless a batch is already open. */
  int own_tx = sqlite3_get_autocommit(st->db) &&
               sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  int rc = store_filter_make(&f, q, &ar, err);
  if (rc == WASIT_OK) rc = query_total(st, &f, &total, err);
  if (rc != WASIT_OK) goto done;
  query_page_sql(&sql, &f);
  if ((rc = query_prepare(st, "", &sql, &f, &s, err)) != WASIT_OK) goto done;
  if (format == WASIT_QUERY_JSON) buf_puts(&out, "{\"events\":[");
  else if (format == WASIT_QUERY_CSV) {
    buf_puts(&out, csv_header);
    buf_puts(&out, f.dedup ? ",reports,doc_ids\r\n" : "\r\n");
  }
  else if (format == WASIT_QUERY_TABLE) table_header(&out, f.dedup);
  int step;
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    switch (format) {
    case WASIT_QUERY_JSON:
      if (rows > 0) buf_append(&out, ",", 1);
      store_event_json(&out, s, f.dedup);
      break;
    case WASIT_QUERY_JSONL:
      store_event_json(&out, s, f.dedup);
      buf_append(&out, "\n", 1);
      break;
    case WASIT_QUERY_CSV: csv_row(&out, s, f.dedup); break;
    default: table_row(&out, s, f.dedup); break;
    }
    rows++;
    if (out.len >= FLUSH_AT && (rc = store_flush(&out, write, ud, err)) != 0)
      goto done;
  }
  if (step != SQLITE_DONE) {
    rc = STORE_ERR(st, err, "query");
    goto done;
  }
  if (format == WASIT_QUERY_JSON) buf_printf(&out, "],\"total\":%ld}\n", total);
  else if (format == WASIT_QUERY_TABLE)
    buf_printf(&out, "%ld of %ld %s (offset %ld)\n", rows, total,
               f.dedup ? "deduplicated events" : "events", f.offset);
  rc = store_flush(&out, write, ud, err);
done:
  sqlite3_finalize(s);
  if (own_tx) sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
  buf_free(&sql);
  buf_free(&out);
  arena_free(&ar);
  return rc;
}
