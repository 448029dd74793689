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
** whole.  JSON is parsed with cJSON, which allocates through its own
** (process-wide) hooks, not through the wasit_allocator; everything else
** here does.
*/
#include "io.h"

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
  io_json *tree;                /* cJSON tree of the last document */
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

/* A required string member: sets *out or fills err with the reason. */
static int get_required(const cJSON *obj, const char *key, const char *where,
                        int lineno, const char **out, wasit_error *err) {
  const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
  if (it == NULL)
    return WA_ERR_AT(err, WASIT_EPARSE, where, lineno, "missing \"%s\"", key);
  if (!cJSON_IsString(it) || it->valuestring == NULL)
    return WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                     "\"%s\" is not a string", key);
  *out = it->valuestring;
  return WASIT_OK;
}

/* An optional string member: absent or null gives NULL. */
static int get_optional(const cJSON *obj, const char *key, const char *where,
                        int lineno, const char **out, wasit_error *err) {
  const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  if (it == NULL || cJSON_IsNull(it)) return WASIT_OK;
  if (!cJSON_IsString(it) || it->valuestring == NULL)
    return WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                     "\"%s\" is not a string", key);
  *out = it->valuestring;
  return WASIT_OK;
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
  char *copy = NULL;
  size_t first = find_nul_escape(line, len, 0);
  if (first < len) {
    if ((copy = nul_escapes_to_fffd(line, len, first)) == NULL)
      return WA_ERR_AT(err, WASIT_ENOMEM, where, lineno, "out of memory");
    line = copy;
  }
  const char *end = NULL;
  cJSON *obj = cJSON_ParseWithLengthOpts(line, len, &end, 0);
  size_t end_at = end != NULL && end >= line && end <= line + len
                      ? (size_t)(end - line) : len + 1; /* len+1: unknown */
  bool trail_blank = end_at >= len || is_blank(line + end_at, len - end_at);
  wa_free(NULL, copy); /* cJSON copied what it keeps */
  if (obj == NULL)
    return WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                     "invalid JSON near column %zu",
                     end_at <= len ? end_at + 1 : 1);
  int rc = WASIT_OK;
  if (end_at < len && !trail_blank) {
    rc = WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                   "text after the JSON value at column %zu", end_at + 1);
    goto fail;
  }
  if (!cJSON_IsObject(obj)) {
    rc = WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                   "record is not a JSON object");
    goto fail;
  }
  if ((rc = get_required(obj, "id", where, lineno, &doc->id, err)) != 0 ||
      (rc = get_required(obj, "text", where, lineno, &doc->text, err)) != 0 ||
      (rc = get_optional(obj, "date", where, lineno, &doc->date, err)) != 0 ||
      (rc = get_optional(obj, "title", where, lineno, &doc->title, err)) != 0 ||
      (rc = get_optional(obj, "url", where, lineno, &doc->url, err)) != 0)
    goto fail;
  if (doc->id[0] == '\0') {
    rc = WA_ERR_AT(err, WASIT_EPARSE, where, lineno, "empty \"id\"");
    goto fail;
  }
  if (doc->date != NULL && doc->date[0] == '\0') doc->date = NULL;
  if (doc->date != NULL && !io_valid_date(doc->date)) {
    rc = WA_ERR_AT(err, WASIT_EPARSE, where, lineno,
                   "\"date\" is not a YYYY-MM-DD date: \"%.40s\"", doc->date);
    goto fail;
  }
  doc->text_len = strlen(doc->text);
  *tree = obj;
  return WASIT_OK;
fail:
  cJSON_Delete(obj);
  memset(doc, 0, sizeof *doc);
  return rc;
}

void io_json_free(io_json *tree) { cJSON_Delete(tree); }

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
