/*
** cmd_code.c: `wasit code`, the main pipeline of the program (src/cli).
**
**   wasit code [--format jsonl|tsv] [--dict DIR] [--db FILE] [--threads N]
**              [--quiet] [FILE...]
**
** Loads the dictionary once, reads documents (JSON lines or .txt files;
** standard input when no FILE or "-"), codes them and writes the events to
** stdout, or with --db into the SQLite store (200 documents a transaction).
**
** Work is done in batches (up to BATCH_DOCS documents or BATCH_BYTES
** bytes): the main thread reads documents and copies their strings into a
** batch (reader results are borrowed); with --threads N > 1, N workers,
** each with its own wasit_coder over the one shared immutable dictionary,
** code batches in parallel and emit them strictly in batch order, so the
** output is byte-identical whatever N.  With one thread the main thread
** codes each batch itself, through the same functions.  At most
** 2N+2 batches are in flight, so memory stays flat whatever the input size.
**
** Bad input: a malformed record prints one line FILE:LINE: reason on stderr
** and is skipped; the other records are coded exactly as they would be
** alone.  An unreadable file prints FILE: reason and counts as rejected.
** Exit status: 0 all good, 1 something was rejected or failed, 2 usage.
** Summary on stderr unless --quiet:
**   wasit: N documents read, N coded, N rejected, N events
** where "read" counts records (good or malformed), "rejected" counts
** malformed records, documents the coder refused, and unreadable files.
*/
#include "cli.h"
#include "progress.h"

#include "base/base.h"
#include "io/io.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BATCH_DOCS 200                 /* documents per batch/transaction */
#define BATCH_BYTES (4u << 20)         /* or this much text, whichever first */
#define MAX_THREADS 256

static const char *const code_usage =
    "usage: wasit code [OPTIONS] [FILE...]\n"
    "Code Arabic news documents into CAMEO events.\n"
    "\n"
    "Input: JSON lines {\"id\",\"text\"[,\"date\",\"title\",\"url\"]}, or .txt files\n"
    "(one document each, id = file name); standard input when no FILE or -.\n"
    "\n"
    "  --format jsonl|tsv   output format on stdout (default jsonl)\n"
    "  --dict DIR           dictionary directory (default: dict/ar)\n"
    "  --db FILE            write into the SQLite store FILE, not stdout\n"
    "  --threads N          coding threads (default 1; 0 = all cores)\n"
    "  --quiet              no progress line and no summary\n"
    "\n"
    "Exit status: 0 ok, 1 some record rejected or a failure, 2 usage error.\n";

/* One document of a batch, its strings copied into the batch arena. */
typedef struct code_item {
  wasit_doc doc;
  const char *where;          /* input name, for coder errors */
  int line;
} code_item;

typedef struct code_batch {
  uint64_t seq;
  code_item *items;
  size_t n, cap, bytes;
  wa_arena in;                /* copied documents */
  wa_arena out;               /* cloned results (--db) */
  wasit_result *results;      /* --db: one per item, NULL when refused */
  wa_buf text;                /* formatted events (stdout) */
  wa_buf errs;                /* stderr lines of coder errors */
  uint64_t coded, rejected, events;
  struct code_batch *next;
} code_batch;

typedef struct code_opts {
  int format;
  const char *dict_dir;
  const char *db;
  int threads;
  bool quiet;
  char **files;
  int n_files;
} code_opts;

typedef struct code_ctx {
  code_opts o;
  wasit_dict *dict;
  wasit_store *store;
  FILE *out;
  cli_progress prog;
  /* counters: `read`/`rejected_in` by the reading thread, the rest by the
  ** thread that holds the output turn */
  uint64_t read, rejected_in, coded, rejected_out, events;
  bool failed;                /* output or store failed: stop */
  /* the pipeline (threads > 1) */
  pthread_mutex_t mu;
  pthread_cond_t cv_work, cv_space, cv_turn;
  code_batch *todo_head, *todo_tail;
  code_batch *free_list;
  size_t in_flight, max_in_flight;
  uint64_t next_out;
  bool closed;
} code_ctx;

/* ---------------------------------------------------------------- batches */

static code_batch *batch_new(void) {
  code_batch *b = calloc(1, sizeof *b);
  if (b == NULL) return NULL;
  arena_init(&b->in, NULL);
  arena_init(&b->out, NULL);
  b->in.chunk_size = b->out.chunk_size = 1u << 20;
  buf_init(&b->text, NULL);
  buf_init(&b->errs, NULL);
  return b;
}

static void batch_clear(code_batch *b) {
  arena_reset(&b->in);
  arena_reset(&b->out);
  buf_reset(&b->text);
  buf_reset(&b->errs);
  b->n = b->bytes = 0;
  b->coded = b->rejected = b->events = 0;
  b->next = NULL;
}

static void batch_free(code_batch *b) {
  if (b == NULL) return;
  arena_free(&b->in);
  arena_free(&b->out);
  buf_free(&b->text);
  buf_free(&b->errs);
  free(b->items);
  free(b->results);
  free(b);
}

static const char *dup_or_null(wa_arena *ar, const char *s) {
  return s ? arena_strndup(ar, s, strlen(s)) : NULL;
}

/* Copy *doc into batch b.  Returns false when out of memory. */
static bool batch_add(code_batch *b, const wasit_doc *doc, const char *where,
                      int line) {
  if (b->n == b->cap) {
    size_t ncap = b->cap ? b->cap * 2 : BATCH_DOCS;
    code_item *ni = realloc(b->items, ncap * sizeof *ni);
    if (ni == NULL) return false;
    b->items = ni;
    b->cap = ncap;
  }
  code_item *it = &b->items[b->n];
  memset(it, 0, sizeof *it);
  it->doc.id = dup_or_null(&b->in, doc->id);
  it->doc.text = arena_strndup(&b->in, doc->text, doc->text_len);
  it->doc.text_len = doc->text_len;
  it->doc.date = dup_or_null(&b->in, doc->date);
  it->doc.title = dup_or_null(&b->in, doc->title);
  it->doc.url = dup_or_null(&b->in, doc->url);
  it->where = where;
  it->line = line;
  if (it->doc.id == NULL || it->doc.text == NULL ||
      (doc->date && !it->doc.date) || (doc->title && !it->doc.title) ||
      (doc->url && !it->doc.url))
    return false;
  b->n++;
  b->bytes += doc->text_len;
  return true;
}

static bool batch_full(const code_batch *b) {
  return b->n >= BATCH_DOCS || b->bytes >= BATCH_BYTES;
}

/* Deep copy of a coder result into arena ar (the coder's is overwritten by
** its next run); doc points at the batch's copy.  NULL when out of memory. */
static wasit_result *clone_result(wa_arena *ar, const wasit_result *r,
                                  const wasit_doc *doc) {
  wasit_result *c = arena_calloc(ar, 1, sizeof *c);
  if (c == NULL) return NULL;
  *c = *r;
  c->doc = doc;
  wasit_sentence *s = NULL;
  wasit_event *e = NULL;
  if (r->n_sentences > 0) {
    s = arena_calloc(ar, r->n_sentences, sizeof *s);
    if (s == NULL) return NULL;
    for (size_t i = 0; i < r->n_sentences; i++) {
      s[i] = r->sentences[i];
      s[i].text = dup_or_null(ar, r->sentences[i].text);
      s[i].normalized = dup_or_null(ar, r->sentences[i].normalized);
    }
  }
  if (r->n_events > 0) {
    e = arena_calloc(ar, r->n_events, sizeof *e);
    if (e == NULL) return NULL;
    for (size_t i = 0; i < r->n_events; i++) {
      const wasit_event *o = &r->events[i];
      e[i] = *o;
      e[i].source = dup_or_null(ar, o->source);
      e[i].target = dup_or_null(ar, o->target);
      e[i].source_text = dup_or_null(ar, o->source_text);
      e[i].target_text = dup_or_null(ar, o->target_text);
      e[i].trigger = dup_or_null(ar, o->trigger);
      e[i].pattern = dup_or_null(ar, o->pattern);
      if (o->location != NULL) {
        wasit_location *l = arena_alloc(ar, sizeof *l);
        if (l == NULL) return NULL;
        *l = *o->location;
        l->name = dup_or_null(ar, o->location->name);
        l->country = dup_or_null(ar, o->location->country);
        e[i].location = l;
      }
    }
  }
  c->sentences = s;
  c->events = e;
  return c;
}

/* Code every document of b with `coder`: formatted events go to b->text
** (stdout) or clones to b->results (--db); coder errors to b->errs. */
static void batch_code(code_ctx *cx, code_batch *b, wasit_coder *coder) {
  if (cx->store != NULL) {
    wasit_result *nr = realloc(b->results, (b->n ? b->n : 1) * sizeof *nr);
    if (nr == NULL) {
      buf_puts(&b->errs, "wasit: code: out of memory\n");
      b->rejected += b->n;
      b->n = 0;
      return;
    }
    b->results = nr;
  }
  for (size_t i = 0; i < b->n; i++) {
    code_item *it = &b->items[i];
    const wasit_result *res = NULL;
    wasit_error err;
    wa_error_clear(&err);
    int rc = wasit_coder_run(coder, &it->doc, &res, &err);
    if (rc == WASIT_OK && res != NULL) {
      if (cx->store != NULL) {
        wasit_result *c = clone_result(&b->out, res, &it->doc);
        if (c == NULL) {
          rc = WASIT_ENOMEM;
        } else {
          b->results[i] = *c;
        }
      } else {
        /* straight into the batch's buffer: the events are most of the
        ** bytes that pass through here (wasit_write_events would format
        ** them into a buffer of its own and copy them) */
        rc = io_format_events(res, cx->o.format, &b->text);
      }
      if (rc == WASIT_OK) {
        b->coded++;
        b->events += res->n_events;
        continue;
      }
      wa_error_clear(&err);
      err.code = rc;
    }
    if (cx->store != NULL) memset(&b->results[i], 0, sizeof b->results[i]);
    b->rejected++;
    buf_printf(&b->errs, "%s:%d: %s: %s\n", it->where, it->line,
               it->doc.id ? it->doc.id : "",
               err.message[0] ? err.message : wasit_strerror(err.code));
  }
}

/* Emit a coded batch (caller holds the output turn); `failed` says output
** has already failed (then only the counts and errors are kept).  Returns
** false when this output fails. */
static bool batch_emit(code_ctx *cx, code_batch *b, bool failed) {
  if (b->errs.len > 0) fwrite(b->errs.data, 1, b->errs.len, stderr);
  cx->coded += b->coded;
  cx->rejected_out += b->rejected;
  cx->events += b->events;
  if (failed) return true;
  if (cx->store != NULL) {
    wasit_error err;
    wa_error_clear(&err);
    int rc = wasit_store_begin(cx->store, &err);
    for (size_t i = 0; rc == WASIT_OK && i < b->n; i++)
      if (b->results[i].doc != NULL)
        rc = wasit_store_put(cx->store, &b->results[i], &err);
    if (rc == WASIT_OK) rc = wasit_store_commit(cx->store, &err);
    if (rc != WASIT_OK) {
      cli_report(&err);
      return false;
    }
  } else if (b->text.failed) {
    fputs("wasit: code: out of memory formatting events\n", stderr);
    return false;
  } else if (b->text.len > 0 &&
             fwrite(b->text.data, 1, b->text.len, cx->out) != b->text.len) {
    fprintf(stderr, "wasit: code: write error: %s\n", strerror(errno));
    return false;
  }
  return true;
}

/* ---------------------------------------------------------------- workers */

static void *worker_main(void *arg) {
  code_ctx *cx = arg;
  wasit_coder *coder = NULL;
  wasit_error err;
  wa_error_clear(&err);
  if (wasit_coder_new(&coder, cx->dict, NULL, &err) != WASIT_OK) {
    pthread_mutex_lock(&cx->mu);
    cli_report(&err);
    cx->failed = true;
    pthread_mutex_unlock(&cx->mu);
  }
  for (;;) {
    pthread_mutex_lock(&cx->mu);
    while (cx->todo_head == NULL && !cx->closed)
      pthread_cond_wait(&cx->cv_work, &cx->mu);
    code_batch *b = cx->todo_head;
    if (b == NULL) {
      pthread_mutex_unlock(&cx->mu);
      break;
    }
    cx->todo_head = b->next;
    if (cx->todo_head == NULL) cx->todo_tail = NULL;
    pthread_mutex_unlock(&cx->mu);

    if (coder != NULL) {
      batch_code(cx, b, coder);
    } else {
      b->rejected += b->n;   /* no coder: counted, already reported */
      b->n = 0;
    }

    pthread_mutex_lock(&cx->mu);
    while (cx->next_out != b->seq) pthread_cond_wait(&cx->cv_turn, &cx->mu);
    bool failed = cx->failed;
    pthread_mutex_unlock(&cx->mu);
    bool ok = batch_emit(cx, b, failed);   /* only the turn holder is here */
    pthread_mutex_lock(&cx->mu);
    if (!ok) cx->failed = true;
    cx->next_out++;
    cx->in_flight--;
    batch_clear(b);
    b->next = cx->free_list;
    cx->free_list = b;
    pthread_cond_broadcast(&cx->cv_turn);
    pthread_cond_signal(&cx->cv_space);
    pthread_mutex_unlock(&cx->mu);
  }
  wasit_coder_free(coder);
  return NULL;
}

/* A free batch for the reader; waits while too many are in flight. */
static code_batch *take_batch(code_ctx *cx) {
  pthread_mutex_lock(&cx->mu);
  while (cx->in_flight >= cx->max_in_flight)
    pthread_cond_wait(&cx->cv_space, &cx->mu);
  code_batch *b = cx->free_list;
  if (b != NULL) cx->free_list = b->next;
  cx->in_flight++;
  pthread_mutex_unlock(&cx->mu);
  if (b == NULL) b = batch_new();
  if (b != NULL) b->next = NULL;
  return b;
}

static void push_batch(code_ctx *cx, code_batch *b) {
  pthread_mutex_lock(&cx->mu);
  if (cx->todo_tail) cx->todo_tail->next = b;
  else cx->todo_head = b;
  cx->todo_tail = b;
  pthread_cond_signal(&cx->cv_work);
  pthread_mutex_unlock(&cx->mu);
}

static bool is_failed(code_ctx *cx) {
  pthread_mutex_lock(&cx->mu);
  bool f = cx->failed;
  pthread_mutex_unlock(&cx->mu);
  return f;
}

/* ---------------------------------------------------------------- reading */

/* The batch sink: with workers, queue it; alone, code and emit it here. */
typedef struct code_sink {
  code_ctx *cx;
  wasit_coder *coder;         /* single-thread mode, else NULL */
  code_batch *cur;
  uint64_t seq;
} code_sink;

static bool sink_flush(code_sink *s) {
  code_batch *b = s->cur;
  if (b == NULL) return true;
  s->cur = NULL;
  b->seq = s->seq++;
  if (s->coder != NULL) {
    batch_code(s->cx, b, s->coder);
    if (!batch_emit(s->cx, b, s->cx->failed)) s->cx->failed = true;
    batch_clear(b);
    b->next = s->cx->free_list;
    s->cx->free_list = b;
    return !s->cx->failed;
  }
  push_batch(s->cx, b);
  return !is_failed(s->cx);
}

static bool sink_add(code_sink *s, const wasit_doc *doc, const char *where,
                     int line) {
  if (s->cur == NULL) {
    if (s->coder != NULL) {
      s->cur = s->cx->free_list;
      if (s->cur != NULL) s->cx->free_list = s->cur->next;
      else s->cur = batch_new();
    } else {
      s->cur = take_batch(s->cx);
    }
    if (s->cur == NULL) return false;
    s->cur->next = NULL;
  }
  if (!batch_add(s->cur, doc, where, line)) return false;
  if (batch_full(s->cur)) return sink_flush(s);
  return true;
}

static uint64_t input_size(const code_opts *o) {
  uint64_t total = 0;
  for (int i = 0; i < o->n_files; i++) {
    struct stat st;
    if (strcmp(o->files[i], "-") == 0) return 0;
    if (stat(o->files[i], &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    total += (uint64_t)st.st_size;
  }
  return total;
}

/* Read every input into the sink.  Returns false when out of memory or
** output failed (stop everything). */
static bool read_all(code_ctx *cx, code_sink *s) {
  uint64_t base = 0;
  for (int f = 0; f < cx->o.n_files; f++) {
    const char *path = cx->o.files[f];
    wasit_reader *r = NULL;
    wasit_error err;
    wa_error_clear(&err);
    if (wasit_reader_open(&r, path, NULL, &err) != WASIT_OK) {
      cli_report(&err);
      cx->rejected_in++;
      continue;
    }
    const char *where = path;   /* argv strings outlive the run */
    for (;;) {
      wasit_doc doc;
      wa_error_clear(&err);
      int rc = wasit_reader_next(r, &doc, &err);
      if (rc == WASIT_EOF) break;
      if (rc == WASIT_EPARSE) {
        cx->read++;
        cx->rejected_in++;
        cli_progress_done(&cx->prog);
        cli_report(&err);
        continue;
      }
      if (rc != WASIT_OK) {     /* read error or out of memory: next file */
        cli_progress_done(&cx->prog);
        cli_report(&err);
        cx->rejected_in++;
        break;
      }
      cx->read++;
      if (!sink_add(s, &doc, where, io_reader_line(r))) {
        wasit_reader_close(r);
        return false;
      }
      uint64_t done;
      wasit_reader_progress(r, &done, NULL);
      cli_progress_update(&cx->prog, cx->read, base + done);
    }
    uint64_t done;
    wasit_reader_progress(r, &done, NULL);
    base += done;
    wasit_reader_close(r);
  }
  return sink_flush(s);
}

/* ---------------------------------------------------------------- options */

static int parse_opts(code_opts *o, int argc, char **argv, bool *help) {
  memset(o, 0, sizeof *o);
  o->threads = 1;
  o->files = calloc((size_t)argc + 1, sizeof *o->files);
  if (o->files == NULL) return cli_usage_error("code", "out of memory");
  bool opts_done = false;
  for (int i = 1; i < argc; i++) {
    char *a = argv[i];
    if (opts_done || a[0] != '-' || strcmp(a, "-") == 0) {
      o->files[o->n_files++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      opts_done = true;
      continue;
    }
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      *help = true;
      return CLI_OK;
    }
    if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
      o->quiet = true;
      continue;
    }
    /* options with a value: --opt VALUE or --opt=VALUE */
    const char *names[] = {"--format", "--dict", "--db", "--threads"};
    const char *val = NULL;
    int which = -1;
    for (int k = 0; k < 4; k++) {
      size_t n = strlen(names[k]);
      if (strncmp(a, names[k], n) == 0 && (a[n] == '\0' || a[n] == '=')) {
        which = k;
        if (a[n] == '=') val = a + n + 1;
        else if (i + 1 < argc) val = argv[++i];
        else return cli_usage_error("code", "%s needs a value", names[k]);
        break;
      }
    }
    if (which < 0) return cli_usage_error("code", "unknown option '%s'", a);
    if (which == 0) {
      if (strcmp(val, "jsonl") == 0) o->format = WASIT_FORMAT_JSONL;
      else if (strcmp(val, "tsv") == 0) o->format = WASIT_FORMAT_TSV;
      else return cli_usage_error("code", "unknown format '%s' (jsonl, tsv)", val);
    } else if (which == 1) {
      o->dict_dir = val;
    } else if (which == 2) {
      if (val[0] == '\0') return cli_usage_error("code", "--db needs a file name");
      o->db = val;
    } else {
      char *end = NULL;
      errno = 0;
      long n = strtol(val, &end, 10);
      if (errno != 0 || end == val || *end != '\0' || n < 0 || n > MAX_THREADS)
        return cli_usage_error("code", "--threads wants 0..%d, not '%s'",
                               MAX_THREADS, val);
      o->threads = (int)n;
    }
  }
  if (o->n_files == 0) o->files[o->n_files++] = "-";
  if (o->threads == 0) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    o->threads = n > 0 ? (int)(n > MAX_THREADS ? MAX_THREADS : n) : 1;
  }
  return CLI_OK;
}

/* ------------------------------------------------------------------- run */

static void run_single(code_ctx *cx) {
  wasit_coder *coder = NULL;
  wasit_error err;
  wa_error_clear(&err);
  if (wasit_coder_new(&coder, cx->dict, NULL, &err) != WASIT_OK) {
    cli_report(&err);
    cx->failed = true;
    return;
  }
  code_sink s = {cx, coder, NULL, 0};
  if (!read_all(cx, &s) && !cx->failed) {
    fputs("wasit: code: out of memory\n", stderr);
    cx->failed = true;
  }
  batch_free(s.cur);
  wasit_coder_free(coder);
}

static void run_threads(code_ctx *cx) {
  int n = cx->o.threads;
  pthread_t *tid = calloc((size_t)n, sizeof *tid);
  if (tid == NULL) {
    fputs("wasit: code: out of memory\n", stderr);
    cx->failed = true;
    return;
  }
  cx->max_in_flight = 2 * (size_t)n + 2;
  int started = 0;
  for (; started < n; started++)
    if (pthread_create(&tid[started], NULL, worker_main, cx) != 0) break;
  if (started == 0) {
    fputs("wasit: code: cannot start threads\n", stderr);
    cx->failed = true;
    free(tid);
    return;
  }
  code_sink s = {cx, NULL, NULL, 0};
  bool ok = read_all(cx, &s);
  if (!ok && s.cur != NULL) sink_flush(&s); /* keep the batch order whole */
  pthread_mutex_lock(&cx->mu);
  if (!ok && !cx->failed) {
    fputs("wasit: code: out of memory\n", stderr);
    cx->failed = true;
  }
  cx->closed = true;
  pthread_cond_broadcast(&cx->cv_work);
  pthread_mutex_unlock(&cx->mu);
  for (int i = 0; i < started; i++) pthread_join(tid[i], NULL);
  free(tid);
}

int cmd_code(int argc, char **argv) {
  code_ctx cx;
  memset(&cx, 0, sizeof cx);
  bool help = false;
  int st = parse_opts(&cx.o, argc, argv, &help);
  if (st != CLI_OK || help) {
    if (help) fputs(code_usage, stdout);
    free(cx.o.files);
    return st;
  }
  wasit_error err;
  wa_error_clear(&err);
  if (wasit_dict_load(&cx.dict, cli_dict_dir(cx.o.dict_dir), NULL, &err) !=
      WASIT_OK) {
    cli_report(&err);
    free(cx.o.files);
    return CLI_INPUT;
  }
  if (cx.o.db != NULL &&
      wasit_store_open(&cx.store, cx.o.db, 0, &err) != WASIT_OK) {
    cli_report(&err);
    wasit_dict_free(cx.dict);
    free(cx.o.files);
    return CLI_INPUT;
  }
  cx.out = stdout;
  if (cx.store == NULL) {
    if (wasit_write_header(cx.o.format, cli_write_file, stdout) != WASIT_OK)
      cx.failed = true;
  }
  pthread_mutex_init(&cx.mu, NULL);
  pthread_cond_init(&cx.cv_work, NULL);
  pthread_cond_init(&cx.cv_space, NULL);
  pthread_cond_init(&cx.cv_turn, NULL);
  cli_progress_init(&cx.prog, !cx.o.quiet, input_size(&cx.o));

  if (!cx.failed) {
    if (cx.o.threads <= 1) run_single(&cx);
    else run_threads(&cx);
  }

  cli_progress_done(&cx.prog);
  if (cx.store == NULL && fflush(stdout) != 0 && !cx.failed) {
    fprintf(stderr, "wasit: code: write error: %s\n", strerror(errno));
    cx.failed = true;
  }
  uint64_t rejected = cx.rejected_in + cx.rejected_out;
  if (!cx.o.quiet)
    fprintf(stderr,
            "wasit: %llu documents read, %llu coded, %llu rejected, "
            "%llu events\n",
            (unsigned long long)cx.read, (unsigned long long)cx.coded,
            (unsigned long long)rejected, (unsigned long long)cx.events);
  while (cx.free_list != NULL) {
    code_batch *b = cx.free_list;
    cx.free_list = b->next;
    batch_free(b);
  }
  pthread_mutex_destroy(&cx.mu);
  pthread_cond_destroy(&cx.cv_work);
  pthread_cond_destroy(&cx.cv_space);
  pthread_cond_destroy(&cx.cv_turn);
  wasit_store_close(cx.store);
  wasit_dict_free(cx.dict);
  free(cx.o.files);
  return (cx.failed || rejected > 0) ? CLI_INPUT : CLI_OK;
}
