/*
** io.h: internal interface of the io stage (src/io): the JSON-lines reader
** and the JSONL/TSV event writers.  The public half is in wasit.h
** (wasit_reader_*, wasit_write_*); this header exposes the pieces that
** fuzzers, tests and the CLI need without going through a file.
**
** Input assumptions: a record line is arbitrary bytes (maybe invalid
** UTF-8, maybe containing NUL); nothing here trusts it.
*/
#ifndef WASIT_IO_H
#define WASIT_IO_H

#include "../base/base.h"

typedef struct io_json io_json; /* a parsed record (reader.c) */

/* Parse one record line line[0..len) (no line terminator; a trailing '\r'
** is ignored) into *doc.  On WASIT_OK *tree holds the parsed object that
** doc's strings point into; free it with io_json_free().  On WASIT_EPARSE
** (broken JSON, not an object, a missing or mistyped field, an empty id,
** a date that is not YYYY-MM-DD, a raw NUL byte) *tree is NULL and `err`
** names where:lineno with the reason.  `where` may be NULL.  Returns
** WASIT_OK, WASIT_EPARSE or WASIT_ENOMEM. */
int io_parse_record(const char *line, size_t len, const char *where,
                    int lineno, io_json **tree, wasit_doc *doc,
                    wasit_error *err);
/* Release a tree from io_parse_record (NULL is fine). */
void io_json_free(io_json *tree);

/* True when s is a valid calendar date "YYYY-MM-DD" (years 0001..9999). */
bool io_valid_date(const char *s);

/* What wasit_write_events writes for res (format WASIT_FORMAT_JSONL or
** WASIT_FORMAT_TSV), appended to `out` instead of handed to a write
** function: the CLI's batch buffer takes it without a copy.  Returns
** WASIT_OK, WASIT_EINVAL (NULL res or out, unknown format) or
** WASIT_ENOMEM (out has failed: its `failed` flag is latched). */
int io_format_events(const wasit_result *res, int format, wa_buf *out);

/* The 1-based line number where the last document returned by `r` began
** (0 before the first). */
int io_reader_line(const wasit_reader *r);
/* The input name `r` uses in messages ("-" for standard input). */
const char *io_reader_name(const wasit_reader *r);

#endif /* WASIT_IO_H */
