/*
** wasit.h: the one public header of libwasit.
**
** wasit (Arabic "mediator") reads Arabic news and writes political event
** records coded in CAMEO: who did what to whom, when and where.  This header
** is the whole contract between the library and its clients (the CLI in
** src/cli/, the server in src/serve/, embedding programs).
**
** Pipeline, top to bottom; each stage only calls the ones above it:
**   text   (src/text)   UTF-8 repair, normalization, sentences, tokens,
**                       numbers, dates, page furniture
**   dict   (src/dict)   plain-text dictionaries in dict/ar/ -> read-only index
**   coder  (src/coder)  actors, event patterns, CAMEO records
**   io     (src/io)     JSON-lines reader, JSONL/TSV writers
**   store  (src/store)  SQLite store, queries, statistics
**   serve  (src/serve)  HTTP API and dashboard
**
** Conventions (apply to every function below unless its comment says else):
**   - Calls return int: WASIT_OK (0) or a negative WASIT_E* status.  When
**     the optional `err` argument is non-NULL it is filled with the status,
**     a message, and where the problem is (input name and line).
**   - Objects made by *_new / *_open / *_load are released with the matching
**     *_free / *_close, which accept NULL and cannot fail.
**   - Borrowed pointers (results, events, dictionary strings) live until
**     their owner is run again, reset, or freed; the comment says who owns.
**   - The library has no mutable global state: a loaded wasit_dict is
**     immutable and may be shared by any number of threads; each thread
**     owns its own wasit_coder.
**   - The library never prints, never calls exit(), never aborts on input.
*/
#ifndef WASIT_H
#define WASIT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WASIT_VERSION "0.1.0"

/* ---------------------------------------------------------------- status */

enum wasit_status {
  WASIT_OK = 0,
  WASIT_ENOMEM = -1,   /* an allocation failed */
  WASIT_EINVAL = -2,   /* bad argument from the caller */
  WASIT_EIO = -3,      /* a file could not be read or written */
  WASIT_EPARSE = -4,   /* a malformed input record (JSON line, document) */
  WASIT_EDICT = -5,    /* a malformed dictionary line */
  WASIT_ESTORE = -6,   /* the SQLite store failed */
  WASIT_ERANGE = -7,   /* a value out of range (date, limit, size) */
  WASIT_EOF = -8       /* no more input: not an error for readers */
};

/* Where an error began.  `where` names the input (file name or "-") and
** `line` its 1-based line (0 when not tied to a line); src_file/src_line
** are the library source position that raised it, for bug reports. */
typedef struct wasit_error {
  int code;
  int line;
  char where[256];
  char message[512];
  const char *src_file;
  int src_line;
} wasit_error;

/* Static English text for a status code; never NULL. */
const char *wasit_strerror(int code);

/* The library version string (WASIT_VERSION). */
const char *wasit_version(void);

/* ------------------------------------------------------------- allocation */

/* Every allocation of an object goes through one of these (Lua style):
** realloc(ud, NULL, n) allocates, realloc(ud, p, 0) frees and returns NULL,
** otherwise it resizes.  Pass NULL wherever a wasit_allocator is taken to
** use the C library.  Tests pass a failing allocator to reach ENOMEM paths. */
typedef struct wasit_allocator {
  void *(*realloc)(void *ud, void *ptr, size_t size);
  void *ud;
} wasit_allocator;

/* ---------------------------------------------------------------- records */

/* One input document.  All strings are borrowed from the caller; `text` is
** `text_len` bytes and need not be NUL-terminated nor valid UTF-8.
** `date` is the publication date "YYYY-MM-DD" or NULL. */
typedef struct wasit_doc {
  const char *id;
  const char *text;
  size_t text_len;
  const char *date;
  const char *title;
  const char *url;
} wasit_doc;

typedef struct wasit_location {
  const char *name;     /* as written in the dictionary */
  const char *country;  /* ISO 3166 alpha-3 */
  double lat, lon;
} wasit_location;

/* Event modes (bit set).  0 is a plain factual report. */
enum wasit_mode {
  WASIT_MODE_REPORTED = 1,    /* inside reported speech: "said that Y did Z" */
  WASIT_MODE_FUTURE = 2,      /* announced, planned, threatened to happen */
  WASIT_MODE_HISTORICAL = 4,  /* dated well before the document date */
  WASIT_MODE_CONDITIONAL = 8  /* under if/unless */
};

#define WASIT_COUNT_NONE (-1) /* killed/wounded not stated */

/* One coded event.  Strings are owned by the coder's result. */
typedef struct wasit_event {
  int sentence;              /* 0-based sentence index in the document */
  char date[11];             /* "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" */
  const char *source;        /* CAMEO actor code, never NULL */
  const char *target;        /* CAMEO actor code or NULL */
  const char *source_text;   /* words that named the source, or NULL */
  const char *target_text;   /* words that named the target, or NULL */
  const char *trigger;       /* words that carried the event */
  char code[5];              /* CAMEO event code, e.g. "0871" */
  char root[3];              /* its root, e.g. "08" */
  int quad_class;            /* 1..4 */
  double goldstein;          /* Goldstein value of code, -10..10 */
  const wasit_location *location; /* NULL when none */
  int killed, wounded;       /* counts or WASIT_COUNT_NONE */
  unsigned mode;             /* enum wasit_mode bits */
  const char *pattern;       /* id of the dictionary entry that fired */
} wasit_event;

/* One sentence of a coded document. */
typedef struct wasit_sentence {
  size_t offset, length;     /* byte span in the (UTF-8 repaired) text */
  const char *text;          /* the sentence as written, NUL-terminated */
  const char *normalized;    /* normalized for matching and search */
  char date[11];             /* the sentence's own date, else the doc date */
} wasit_sentence;

/* Everything the coder found in one document.  Owned by the coder; valid
** until the next wasit_coder_run() on the same coder or wasit_coder_free(). */
typedef struct wasit_result {
  const wasit_doc *doc;
  const wasit_sentence *sentences;
  size_t n_sentences;
  const wasit_event *events;
  size_t n_events;
  size_t invalid_utf8;       /* byte sequences replaced by U+FFFD */
  size_t dropped_lines;      /* page-furniture lines removed */
} wasit_result;

/* ------------------------------------------------------------ dictionary */

typedef struct wasit_dict wasit_dict;

/* Load every dictionary file in directory `dir` (normally dict/ar).  Any
** malformed line fails the whole load with WASIT_EDICT and `err` naming the
** file and line: wasit never codes with half a dictionary. */
int wasit_dict_load(wasit_dict **out, const char *dir,
                    const wasit_allocator *alloc, wasit_error *err);
void wasit_dict_free(wasit_dict *dict);

/* ----------------------------------------------------------------- coder */

typedef struct wasit_coder wasit_coder;

/* A coder borrows `dict`, which must outlive it. */
int wasit_coder_new(wasit_coder **out, const wasit_dict *dict,
                    const wasit_allocator *alloc, wasit_error *err);
void wasit_coder_free(wasit_coder *coder);

/* Code one document.  *out points into the coder (see wasit_result). */
int wasit_coder_run(wasit_coder *coder, const wasit_doc *doc,
                    const wasit_result **out, wasit_error *err);

/* -------------------------------------------------------------- text dump */

/* A sink for output bytes; returns 0 on success, non-zero to stop. */
typedef int (*wasit_write_fn)(void *ud, const char *buf, size_t len);

/* The debugging view of the text layer (`wasit text`): one JSON line per
** sentence of `doc` with its text, tokens and clitic splits, numbers and
** dates, written to `write`. */
int wasit_text_dump(const wasit_doc *doc, const wasit_allocator *alloc,
                    wasit_write_fn write, void *ud, wasit_error *err);

/* ------------------------------------------------------------ reader (io) */

typedef struct wasit_reader wasit_reader;

/* Open `path` for reading documents ("-" or NULL: standard input); the
** path is used in error messages.
** A name ending in ".txt" makes the whole input one document whose id is the
** file's base name; otherwise each line is a JSON object with "id" and
** "text" (strings, required) and optional "date", "title", "url". */
int wasit_reader_open(wasit_reader **out, const char *path,
                      const wasit_allocator *alloc, wasit_error *err);
/* Next document.  Returns WASIT_OK with *doc filled (borrowed until the next
** call), WASIT_EOF at the end, or WASIT_EPARSE for a bad record, with `err`
** naming file and line; the caller may go on reading after EPARSE. */
int wasit_reader_next(wasit_reader *r, wasit_doc *doc, wasit_error *err);
/* Bytes consumed so far and the total size when known (else 0). */
void wasit_reader_progress(const wasit_reader *r, uint64_t *done,
                           uint64_t *total);
void wasit_reader_close(wasit_reader *r);

/* ----------------------------------------------------------- writer (io) */

enum wasit_format { WASIT_FORMAT_JSONL = 0, WASIT_FORMAT_TSV = 1 };

/* Column names in output order, NULL-terminated (shared by JSONL and TSV). */
const char *const *wasit_event_columns(void);

/* Write the TSV header line. */
int wasit_write_header(int format, wasit_write_fn write, void *ud);
/* Write every event of `res`, one line each. */
int wasit_write_events(const wasit_result *res, int format,
                       wasit_write_fn write, void *ud);

/* ------------------------------------------------------------------ store */
/* WASIT_STORE_API_BEGIN */
typedef struct wasit_store wasit_store;

enum wasit_store_flags {
  WASIT_STORE_READONLY = 1   /* open an existing store read-only (server) */
};

/* Open or create the SQLite store at `path` (WAL mode). */
int wasit_store_open(wasit_store **out, const char *path, int flags,
                     wasit_error *err);
void wasit_store_close(wasit_store *store);

/* Batched writes: puts between begin and commit share one transaction.
** wasit_store_put replaces every row of res->doc->id (document, sentences,
** events): re-ingesting a document never duplicates it. */
int wasit_store_begin(wasit_store *store, wasit_error *err);
int wasit_store_put(wasit_store *store, const wasit_result *res,
                    wasit_error *err);
int wasit_store_commit(wasit_store *store, wasit_error *err);

/* A query over stored events.  NULL / 0 fields do not filter.  Actor codes
** match by prefix: actor "ARM" matches ARMGOV, ARMMIL ... as source or
** target; dyad matches either direction.  Dates are YYYY-MM-DD. */
typedef struct wasit_query {
  const char *actor, *source, *target;
  const char *dyad_a, *dyad_b;
  const char *root, *code;
  const char *from, *to;
  const char *text;          /* words searched in the normalized sentence */
  int dedup;                 /* collapse same date/source/target/code */
  long limit, offset;        /* limit 0 means the default (100) */
  int desc;                  /* 1: newest first; 0: oldest first */
} wasit_query;

enum wasit_query_format {
  WASIT_QUERY_JSON = 0,      /* {"events": [...], "total": N} */
  WASIT_QUERY_JSONL,         /* one event object per line */
  WASIT_QUERY_CSV,
  WASIT_QUERY_TABLE          /* aligned text for a terminal */
};

/* Run `q` and write the events in `format`.  Bad filter values (a date that
** is not a date, a limit out of range) give WASIT_EINVAL and a message. */
int wasit_store_query(wasit_store *store, const wasit_query *q, int format,
                      wasit_write_fn write, void *ud, wasit_error *err);

/* Event counts per quad class and summed Goldstein per period between
** actor prefixes a and b (either direction), `by` = "day"|"week"|"month",
** within q's date range; written as JSON. */
int wasit_store_dyad_json(wasit_store *store, const char *a, const char *b,
                          const char *by, const wasit_query *q,
                          wasit_write_fn write, void *ud, wasit_error *err);
/* Actors with event counts, as JSON. */
int wasit_store_actors_json(wasit_store *store, wasit_write_fn write,
                            void *ud, wasit_error *err);
/* Counts by root, by month, top actors and dyads; `json` selects JSON, else
** a text report. */
int wasit_store_stats(wasit_store *store, int json, wasit_write_fn write,
                      void *ud, wasit_error *err);
/* One stored document (id, title, url, date, text, sentences) as JSON. */
int wasit_store_doc_json(wasit_store *store, const char *doc_id,
                         wasit_write_fn write, void *ud, wasit_error *err);
/* WASIT_STORE_API_END */

#ifdef __cplusplus
}
#endif
#endif /* WASIT_H */
