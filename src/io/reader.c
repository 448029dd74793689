/*
** reader.c: io stage, input side.  Turns a file (or standard input) into a
** stream of wasit_doc records for the coder.
**
** Two input kinds:
**   - JSON lines: one object per line with "id" and "text" (strings,
**     required) and optional "date" (YYYY-MM-DD), "title", "url".  The file
**     is streamed: only the current line (plus one read chunk) is in memory,
**     so a multi-gigabyte input or a 10 MB line both work.  A malformed line
**     yields WASIT_EPARSE naming file:line and reading goes on with the next
**     line.  Blank lines are skipped; CRLF, a UTF-8 BOM at the start and a
**     missing final newline are accepted.
**   - a name ending in ".txt": the whole input is one document whose id is
**     the base name of the file; its date is the first valid YYYY-MM-DD
**     inside that name (scrapers name files by date), else none.  It is read into memory whole.
**
** Input assumptions: bytes may be anything (invalid UTF-8, NUL bytes).  A
** raw NUL inside a JSON line is invalid JSON and rejects that line.  The
** escape \u0000 is valid JSON, but cJSON strings end at a NUL, so it would
** silently cut the text (or id) there: it is read as \uFFFD instead, so a
** NUL becomes U+FFFD like any other bad byte and the record is coded
** whole.  The usual flat record of strings is read by a small parser
** here (the record fast path below); any other line is parsed with cJSON,
** which allocates through its own (process-wide) hooks, not through the
** wasit_allocator.  A parsed record (io_json) is one block from the
** default allocator, like the \u0000 copy; the reader itself uses the
** caller's.
*/
#include "io.h"
#include "text/text.h"   /* txt_utf8_encode */

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK (1u << 18)   /* bytes asked of read() at a time */

struct wasit_reader {
  const wasit_allocator *alloc; /* borrowed */
  int fd;
  bool own_fd;                  /* close fd on wasit_reader_close */
  bool txt;                     /* whole input is one document */
  bool txt_done;
  bool eof;                     /* read() reported end of input */
  char *buf;                    /* bytes read, [start, end) not consumed */
  size_t cap, start, end;
  size_t scan;                  /* newline search resumes here */
  uint64_t done, total;         /* bytes consumed / input size (0: unknown) */
  int lineno;                   /* lines consumed so far */
  int doc_line;                 /* line where the last document began */
  io_json *tree;                /* the last document's parsed record */
  char name[256];               /* input name for messages */
  char id[256];                 /* .txt: the document id */
  char date[11];                /* .txt: YYYY-MM-DD found in its name, or "" */
};

/* ------------------------------------------------------------ validation */

bool io_valid_date(const char *s) {
  static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
          (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return false;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return false;
  return true;
}

/* The first valid YYYY-MM-DD inside `name` into out[11], else "". */
static void date_in_name(const char *name, char out[11]) {
  out[0] = '\0';
  for (size_t n = strlen(name), i = 0; i + 10 <= n; i++) {
    memcpy(out, name + i, 10);
    out[10] = '\0';
    if (io_valid_date(out)) return;
  }
  out[0] = '\0';
}

static bool is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n' &&
        s[i] != '\f' && s[i] != '\v')
      return false;
  return true;
}

/* ------------------------------------------------------------- records */

/* The members io_parse_record reads, in the order it checks them. */
enum { F_ID, F_TEXT, F_DATE, F_TITLE, F_URL, F_COUNT };
static const char *const field_names[F_COUNT] = {"id", "text", "date",
                                                 "title", "url"};

/* What a record holds for each member: absent, null, a string, or
** something else (a number, an object ...). */
enum { V_ABSENT, V_NULL, V_STRING, V_OTHER };

typedef struct rec_fields {
  uint8_t kind[F_COUNT];   /* V_* */
  const char *str[F_COUNT];/* V_STRING: the unescaped value */
  size_t len[F_COUNT];     /* its length */
} rec_fields;

/* A parsed record: the cJSON tree (general path) or, for a record the
** fast path read, its unescaped strings in `data`.  One allocation. */
struct io_json {
  cJSON *obj;
  char data[];
};

/* The member `key` of a cJSON object as a rec_fields entry. */
static void cjson_field(const cJSON *obj, int f, rec_fields *out) {
  const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, field_names[f]);
  out->kind[f] = V_OTHER;
  if (it == NULL) out->kind[f] = V_ABSENT;
  else if (cJSON_IsNull(it)) out->kind[f] = V_NULL;
  else if (cJSON_IsString(it) && it->valuestring != NULL) {
    out->kind[f] = V_STRING;
    out->str[f] = it->valuestring;
    out->len[f] = strlen(it->valuestring);
  }
}

/* Fill doc from the members, or fill err with the first problem in the
** order id, text (required strings), date, title, url (optional: absent
** or null gives NULL).  The messages are the same for both parse paths. */
static int check_fields(const rec_fields *f, const char *where, int lineno,
                        wasit_doc *doc, wasit_error *err) {
  const char **dst[F_COUNT] = {&doc->id, &doc->text, &doc->date, &doc->title,
                               &doc->url};
  for (int i = 0; i < F_COUNT; i++) {
    bool required = i <= F_TEXT;
    *dst[i] = NULL;
    if (f->kind[i] == V_ABSENT && required)
      return WA_ERR_AT(err, WASIT_EPARSE, where, lineno, "missing \"%s\"",
                       field_names[i]);
    if (f->kind[i] == V_OTHER || (required && f->kind[i] == V_NULL))
      return WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                       "\"%s\" is not a string", field_names[i]);
    if (f->kind[i] == V_STRING) *dst[i] = f->str[i];
  }
  if (doc->id[0] == '\0')
    return WA_ERR_AT(err, WASIT_EPARSE, where, lineno, "empty \"id\"");
  if (doc->date != NULL && doc->date[0] == '\0') doc->date = NULL;
  if (doc->date != NULL && !io_valid_date(doc->date))
    return WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                     "\"date\" is not a YYYY-MM-DD date: \"%.40s\"", doc->date);
  doc->text_len = f->len[F_TEXT];
  return WASIT_OK;
}

/* ----------------------------------------------------- record fast path */
/*
** cJSON builds a tree node per member and copies every string; that was
** the whole reader's cost (about 5% of `wasit code`).  Records as
** scrapers write them are one flat object of strings, so they are read
** here directly, unescaping each string once into the io_json block.
** The fast path accepts a strict subset of JSON on which it gives exactly
** cJSON's result: '{' first, members separated by ',' with optional
** spaces, keys without escapes, values that are strings or null (and, for
** members the reader does not use, also numbers, true, false, arrays and
** objects: see fast_skip_value), string
** escapes \" \\ \/ \b \f \n \r \t and \uXXXX outside the surrogates
** (\u0000 reads U+FFFD, as below), no repeated member, nothing but white
** space after the '}'.  Anything else (other value types, surrogate
** pairs, odd spacing, any error) returns false and the record goes
** through cJSON, which also words the errors.
*/

static int hex_digit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* The four hex digits after "\\u" at *pp as UTF-8 at *o (both advanced).
** false for a surrogate (pairs are left to cJSON) or a bad digit;
** \u0000 reads U+FFFD (see nul_escapes_to_fffd). */
static bool fast_u_escape(const char **pp, const char *end, char **o) {
  const char *p = *pp;
  if (end - p < 4) return false;
  uint32_t cp = 0;
  for (int i = 0; i < 4; i++) {
    int h = hex_digit((unsigned char)p[i]);
    if (h < 0) return false;
    cp = cp << 4 | (uint32_t)h;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp == 0) cp = 0xFFFD;
  *o += txt_utf8_encode(cp, *o);
  *pp = p + 4;
  return true;
}

/* The string at *pp (its opening '"') unescaped into *out (NUL-terminated;
** an unescaped string is never longer than its JSON form).  Advances *pp
** past the closing '"' and *out past the NUL; false: leave it to cJSON.
** The runs between escapes are found with memchr (news text has an escape
** every line or quotation, so runs are long); bytes are copied as they
** are, control bytes too, as cJSON does. */
static bool fast_string(const char **pp, const char *end, char **out) {
  const char *p = *pp + 1;
  char *o = *out;
  const char *q = memchr(p, '"', (size_t)(end - p));   /* closing, maybe */
  for (;;) {
    if (q == NULL) return false;
    const char *bs = memchr(p, '\\', (size_t)(q - p));
    const char *stop = bs ? bs : q;
    memcpy(o, p, (size_t)(stop - p));
    o += stop - p;
    p = stop;
    if (bs == NULL) break;
    if (end - p < 2) return false;
    char c = p[1];
    p += 2;
    switch (c) {
    case '"': case '\\': case '/': *o++ = c; break;
    case 'b': *o++ = '\b'; break;
    case 'f': *o++ = '\f'; break;
    case 'n': *o++ = '\n'; break;
    case 'r': *o++ = '\r'; break;
    case 't': *o++ = '\t'; break;
    case 'u':
      if (!fast_u_escape(&p, end, &o)) return false;
      break;
    default: return false;
    }
    /* an escaped '"' was taken for the closing one: look again */
    if (p > q) q = memchr(p, '"', (size_t)(end - p));
  }
  *o++ = '\0';
  *pp = p + 1;
  *out = o;
  return true;
}

static const char *skip_spaces(const char *p, const char *end) {
  while (p < end && *p == ' ') p++;
  return p;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* A number at *pp by the JSON grammar (-?int frac? exp?), advancing *pp.
** cJSON reads a number as the run of bytes from "0123456789+-.eE" (at
** most 63 of them) given to strtod; on a JSON number followed by none of
** those bytes that is exactly this number, so anything else (a longer
** run, "01", "1.", "+1") is left to cJSON. */
static bool fast_number(const char **pp, const char *end) {
  const char *p = *pp, *start = p;
  if (p < end && *p == '-') p++;
  if (p < end && *p == '0') p++;
  else if (p < end && *p >= '1' && *p <= '9') while (p < end && is_digit(*p)) p++;
  else return false;
  if (p < end && *p == '.') {
    if (++p == end || !is_digit(*p)) return false;
    while (p < end && is_digit(*p)) p++;
  }
  if (p < end && (*p == 'e' || *p == 'E')) {
    p++;
    if (p < end && (*p == '+' || *p == '-')) p++;
    if (p == end || !is_digit(*p)) return false;
    while (p < end && is_digit(*p)) p++;
  }
  if (p < end && (is_digit(*p) || *p == '+' || *p == '-' || *p == '.' ||
                  *p == 'e' || *p == 'E'))
    return false;
  if (p - start > 60) return false;
  *pp = p;
  return true;
}

/* Skip the JSON value at *pp (advancing it) of a member the reader does
** not use (scrapers add labels, spans, tags ...), with the same checks as
** the rest of the fast path: strings as fast_string reads them (unescaped
** into `scratch`, which has room for any string of the line, and then
** dropped), numbers as fast_number, true/false/null, and arrays and
** objects of those, at most 32 deep, with single spaces only.  false:
** leave the record to cJSON. */
static bool fast_skip_value(const char **pp, const char *end, char *scratch,
                            int depth) {
  const char *p = *pp;
  if (p == end || depth > 32) return false;
  char *o = scratch;
  switch (*p) {
  case '"':
    if (!fast_string(&p, end, &o)) return false;
    break;
  case '[':
  case '{': {
    char close = *p == '[' ? ']' : '}';
    p = skip_spaces(p + 1, end);
    if (p < end && *p == close) {
      p++;
      break;
    }
    for (;;) {
      if (close == '}') {   /* "key": */
        o = scratch;
        if (p == end || *p != '"' || !fast_string(&p, end, &o)) return false;
        p = skip_spaces(p, end);
        if (p == end || *p++ != ':') return false;
        p = skip_spaces(p, end);
      }
      if (!fast_skip_value(&p, end, scratch, depth + 1)) return false;
      p = skip_spaces(p, end);
      if (p == end) return false;
      if (*p == close) {
        p++;
        break;
      }
      if (*p++ != ',') return false;
      p = skip_spaces(p, end);
    }
    break;
  }
  case 't':
  case 'f':
  case 'n': {
    const char *word = *p == 't' ? "true" : *p == 'f' ? "false" : "null";
    size_t n = strlen(word);
    if ((size_t)(end - p) < n || memcmp(p, word, n) != 0) return false;
    p += n;
    break;
  }
  default:
    if (!fast_number(&p, end)) return false;
  }
  *pp = p;
  return true;
}

/* Read line[0..len) by the rules above into f, the strings into data
** (len + 1 bytes).  false: not a record of that simple shape. */
static bool fast_record(const char *line, size_t len, char *data,
                        rec_fields *f) {
  const char *p = line, *end = line + len;
  memset(f, 0, sizeof *f);
  if (p == end || *p++ != '{') return false;
  p = skip_spaces(p, end);
  if (p < end && *p == '}') {
    p++;
  } else {
    for (;;) {
      if (p == end || *p != '"') return false;
      const char *key = ++p;
      while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
        p++;
      if (p == end || *p != '"') return false;
      size_t klen = (size_t)(p - key);
      int fi = -1;
      for (int i = 0; i < F_COUNT; i++)
        if (strlen(field_names[i]) == klen &&
            memcmp(field_names[i], key, klen) == 0)
          fi = i;
      p = skip_spaces(p + 1, end);
      if (p == end || *p++ != ':') return false;
      p = skip_spaces(p, end);
      if (fi >= 0 && f->kind[fi] != V_ABSENT) return false;   /* repeated */
      if (p < end && *p == '"') {
        char *start = data;
        if (!fast_string(&p, end, &data)) return false;
        if (fi >= 0) {
          f->kind[fi] = V_STRING;
          f->str[fi] = start;
          f->len[fi] = (size_t)(data - start) - 1;
        }
      } else if (end - p >= 4 && memcmp(p, "null", 4) == 0) {
        p += 4;
        if (fi >= 0) f->kind[fi] = V_NULL;
      } else if (fi < 0) {   /* a member we do not read: any value */
        if (!fast_skip_value(&p, end, data, 0)) return false;
      } else {
        return false;
      }
      p = skip_spaces(p, end);
      if (p == end) return false;
      if (*p == '}') {
        p++;
        break;
      }
      if (*p++ != ',') return false;
      p = skip_spaces(p, end);
    }
  }
  return is_blank(p, (size_t)(end - p));
}

/* The offset of the first JSON escape \u0000 in s[0..n), or n.  Escapes
** are walked pair by pair, so an escaped backslash followed by "u0000"
** is text, not an escape. */
static size_t find_nul_escape(const char *s, size_t n, size_t from) {
  for (size_t i = from; i < n; i++) {
    const char *bs = memchr(s + i, '\\', n - i);
    if (bs == NULL) return n;
    i = (size_t)(bs - s);
    if (i + 5 < n && memcmp(s + i + 1, "u0000", 5) == 0) return i;
    i++; /* skip the escaped character */
  }
  return n;
}

/* A copy of line[0..len) in which every \u0000 escape reads \uFFFD (same
** length, so columns stay right); `first` is the first one.  NULL when
** out of memory; free with wa_free(NULL, ...). */
static char *nul_escapes_to_fffd(const char *line, size_t len, size_t first) {
  char *c = wa_alloc(NULL, len + 1);
  if (c == NULL) return NULL;
  memcpy(c, line, len);
  c[len] = '\0';
  for (size_t i = first; i < len; i = find_nul_escape(c, len, i + 6))
    memcpy(c + i + 2, "FFFD", 4);
  return c;
}

/* The general path: line[0..len) (no raw NUL) parsed by cJSON into *obj,
** which must be one object with nothing but white space after it.
** Returns WASIT_OK, WASIT_EPARSE (err says where) or WASIT_ENOMEM. */
static int parse_cjson(const char *line, size_t len, const char *where,
                       int lineno, cJSON **obj, wasit_error *err) {
  *obj = NULL;
  char *copy = NULL;
  size_t first = find_nul_escape(line, len, 0);
  if (first < len) {
    if ((copy = nul_escapes_to_fffd(line, len, first)) == NULL)
      return WA_ERR_AT(err, WASIT_ENOMEM, where, lineno, "out of memory");
    line = copy;
  }
  const char *end = NULL;
  cJSON *o = cJSON_ParseWithLengthOpts(line, len, &end, 0);
  size_t end_at = end != NULL && end >= line && end <= line + len
                      ? (size_t)(end - line) : len + 1; /* len+1: unknown */
  bool trail_blank = end_at >= len || is_blank(line + end_at, len - end_at);
  wa_free(NULL, copy); /* cJSON copied what it keeps */
  if (o == NULL)
    return WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                     "invalid JSON near column %zu",
                     end_at <= len ? end_at + 1 : 1);
  int rc = WASIT_OK;
  if (end_at < len && !trail_blank)
    rc = WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                   "text after the JSON value at column %zu", end_at + 1);
  else if (!cJSON_IsObject(o))
    rc = WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                   "record is not a JSON object");
  if (rc != WASIT_OK) cJSON_Delete(o);
  else *obj = o;
  return rc;
}

/* Contract in io.h.  The fast path above reads the usual record; any
** other line goes through cJSON (after the \u0000 rewrite). */
int io_parse_record(const char *line, size_t len, const char *where,
                    int lineno, io_json **tree, wasit_doc *doc,
                    wasit_error *err) {
  *tree = NULL;
  memset(doc, 0, sizeof *doc);
  if (len > 0 && line[len - 1] == '\r') len--;
  const char *nul = memchr(line, '\0', len);
  if (nul != NULL)
    return WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                     "NUL byte at column %zu", (size_t)(nul - line) + 1);
  io_json *j = wa_alloc(NULL, sizeof *j + len + 1);
  if (j == NULL) return WA_ERR_AT(err, WASIT_ENOMEM, where, lineno, "out of memory");
  j->obj = NULL;
  rec_fields f;
  int rc = WASIT_OK;
  if (!fast_record(line, len, j->data, &f)) {
    rc = parse_cjson(line, len, where, lineno, &j->obj, err);
    if (rc != WASIT_OK) goto fail;
    for (int i = 0; i < F_COUNT; i++) cjson_field(j->obj, i, &f);
  }
  rc = check_fields(&f, where, lineno, doc, err);
  if (rc != WASIT_OK) goto fail;
  *tree = j;
  return WASIT_OK;
fail:
  io_json_free(j);
  memset(doc, 0, sizeof *doc);
  return rc;
}

void io_json_free(io_json *tree) {
  if (tree == NULL) return;
  cJSON_Delete(tree->obj);
  wa_free(NULL, tree);
}


/* ---------------------------------------------------------------- reader */

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int wasit_reader_open(wasit_reader **out, const char *path,
                      const wasit_allocator *alloc, wasit_error *err) {
  *out = NULL;
  bool is_stdin = path == NULL || strcmp(path, "-") == 0;
  wasit_reader *r = wa_calloc(alloc, 1, sizeof *r);
  if (r == NULL) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  r->alloc = alloc;
  snprintf(r->name, sizeof r->name, "%s", is_stdin ? "-" : path);
  r->fd = -1;
  if (is_stdin) {
    r->fd = STDIN_FILENO;
  } else {
    r->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (r->fd < 0) {
      int e = errno;
      wa_free(alloc, r);
      return WA_ERR_AT(err, WASIT_EIO, path, 0, "%s", strerror(e));
    }
    r->own_fd = true;
    struct stat st;
    if (fstat(r->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      close(r->fd);
      wa_free(alloc, r);
      return WA_ERR_AT(err, WASIT_EIO, path, 0, "%s", strerror(EISDIR));
    }
    if (ends_with(path, ".txt")) {
      r->txt = true;
      const char *base = strrchr(path, '/');
      snprintf(r->id, sizeof r->id, "%s", base ? base + 1 : path);
      date_in_name(r->id, r->date);
    }
  }
  struct stat st;
  if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode))
    r->total = (uint64_t)st.st_size;
  r->cap = READ_CHUNK;
  r->buf = wa_alloc(alloc, r->cap + 1);
  if (r->buf == NULL) {
    wasit_reader_close(r);
    return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  }
  *out = r;
  return WASIT_OK;
}

/* Read more bytes after r->end, growing the buffer when it is full.
** Returns WASIT_OK (r->eof set at end of input), WASIT_EIO or ENOMEM. */
static int fill(wasit_reader *r, wasit_error *err) {
  if (r->start > 0 && (r->end == r->cap || r->start == r->end)) {
    memmove(r->buf, r->buf + r->start, r->end - r->start);
    r->end -= r->start;
    r->scan -= r->start;
    r->start = 0;
  }
  if (r->end == r->cap) {
    size_t ncap = r->cap * 2;
    char *nb = wa_realloc(r->alloc, r->buf, ncap + 1);
    if (nb == NULL)
      return WA_ERR_AT(err, WASIT_ENOMEM, r->name, r->lineno + 1,
                       "out of memory for a line of more than %zu bytes",
                       r->cap);
    r->buf = nb;
    r->cap = ncap;
  }
  for (;;) {
    size_t want = r->cap - r->end;
    ssize_t got = read(r->fd, r->buf + r->end, want);
    if (got > 0) {
      r->end += (size_t)got;
      return WASIT_OK;
    }
    if (got == 0) {
      r->eof = true;
      return WASIT_OK;
    }
    if (errno == EINTR) continue;
    int e = errno;
    r->eof = true;
    return WA_ERR_AT(err, WASIT_EIO, r->name, 0, "%s", strerror(e));
  }
}

/* The whole input as one document (.txt files). */
static int next_txt(wasit_reader *r, wasit_doc *doc, wasit_error *err) {
  if (r->txt_done) return WASIT_EOF;
  while (!r->eof) {
    int rc = fill(r, err);
    if (rc != WASIT_OK) return rc;
  }
  r->txt_done = true;
  size_t off = 0;
  if (r->end >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) off = 3;
  r->buf[r->end] = '\0';
  r->done = r->end;
  r->lineno = 1;
  r->doc_line = 1;
  doc->id = r->id;
  doc->date = r->date[0] ? r->date : NULL;
  doc->text = r->buf + off;
  doc->text_len = r->end - off;
  return WASIT_OK;
}

int wasit_reader_next(wasit_reader *r, wasit_doc *doc, wasit_error *err) {
  memset(doc, 0, sizeof *doc);
  io_json_free(r->tree);
  r->tree = NULL;
  if (r->txt) return next_txt(r, doc, err);
  for (;;) {
    char *nl = NULL;
    while ((nl = memchr(r->buf + r->scan, '\n', r->end - r->scan)) == NULL) {
      r->scan = r->end;
      if (r->eof) break;
      int rc = fill(r, err);
      if (rc != WASIT_OK) return rc;
    }
    if (nl == NULL && r->start == r->end) return WASIT_EOF;
    size_t line_end = nl ? (size_t)(nl - r->buf) : r->end;
    char *line = r->buf + r->start;
    size_t len = line_end - r->start;
    r->lineno++;
    r->done += len + (nl ? 1 : 0);
    r->start = r->scan = nl ? line_end + 1 : r->end;
    if (r->lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
      line += 3;
      len -= 3;
    }
    if (is_blank(line, len)) continue;
    r->doc_line = r->lineno;
    return io_parse_record(line, len, r->name, r->lineno, &r->tree, doc, err);
  }
}

void wasit_reader_progress(const wasit_reader *r, uint64_t *done,
                           uint64_t *total) {
  if (done != NULL) *done = r ? r->done : 0;
  if (total != NULL) *total = r ? r->total : 0;
}

int io_reader_line(const wasit_reader *r) { return r ? r->doc_line : 0; }

const char *io_reader_name(const wasit_reader *r) { return r ? r->name : ""; }

void wasit_reader_close(wasit_reader *r) {
  if (r == NULL) return;
  io_json_free(r->tree);
  if (r->own_fd && r->fd >= 0) close(r->fd);
  wa_free(r->alloc, r->buf);
  const wasit_allocator *alloc = r->alloc;
  wa_free(alloc, r);
}
