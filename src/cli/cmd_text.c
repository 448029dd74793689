/*
** cmd_text.c: `wasit text`, the debugging view of the text layer (src/cli).
**
**   wasit text [--help] [FILE...]
**
** Reads documents (JSON lines or .txt files; standard input when no FILE
** or "-") with the io reader and writes, for every sentence, one JSON line
** made by wasit_text_dump(): the sentence, its tokens with normalized form
** and clitic splits, its numbers and dates.  A malformed record or a
** document the text layer refuses (e.g. a bad date) prints FILE:LINE:
** reason on stderr and is skipped.
** Exit status: 0 all good, 1 something was rejected, 2 usage error.
*/
#include "cli.h"
#include "io/io.h"

#include <stdio.h>
#include <string.h>

static const char *const text_usage =
    "usage: wasit text [--help] [FILE...]\n"
    "Show how wasit reads Arabic text: one JSON line per sentence with its\n"
    "tokens (original, normalized, kind, clitic splits), numbers and dates.\n"
    "\n"
    "Input: JSON lines {\"id\",\"text\"[,\"date\",...]}, or .txt files (one\n"
    "document each); standard input when no FILE or -.\n"
    "\n"
    "Exit status: 0 ok, 1 some record rejected or a failure, 2 usage error.\n";

/* Dump every document of one input; returns CLI_OK or CLI_INPUT. */
static int text_file(const char *path) {
  wasit_error err;
  wasit_reader *r = NULL;
  memset(&err, 0, sizeof err);
  if (wasit_reader_open(&r, path, NULL, &err) != WASIT_OK) {
    cli_report(&err);
    return CLI_INPUT;
  }
  int status = CLI_OK;
  for (;;) {
    wasit_doc doc;
    memset(&err, 0, sizeof err);
    int rc = wasit_reader_next(r, &doc, &err);
    if (rc == WASIT_EOF) break;
    if (rc != WASIT_OK) {
      cli_report(&err);
      status = CLI_INPUT;
      if (rc == WASIT_EPARSE) continue;
      break; /* I/O error or out of memory: stop this input */
    }
    memset(&err, 0, sizeof err);
    rc = wasit_text_dump(&doc, NULL, cli_write_file, stdout, &err);
    if (rc != WASIT_OK) {
      if (err.where[0] == '\0') {
        snprintf(err.where, sizeof err.where, "%s", io_reader_name(r));
        err.line = io_reader_line(r);
      }
      cli_report(&err);
      status = CLI_INPUT;
      if (rc == WASIT_EIO) break;
    }
  }
  wasit_reader_close(r);
  return status;
}

/* See cli.h: argv[0] is "text". */
int cmd_text(int argc, char **argv) {
  int first = argc;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) {
      first = i + 1;
      break;
    }
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      fputs(text_usage, stdout);
      return CLI_OK;
    }
    if (argv[i][0] == '-' && argv[i][1] != '\0')
      return cli_usage_error("text", "unknown option '%s'", argv[i]);
  }
  int status = CLI_OK;
  int n_files = 0;
  for (int i = 1; i < argc; i++) {
    if (i < first && strcmp(argv[i], "--") == 0) continue;
    n_files++;
    if (text_file(argv[i]) != CLI_OK) status = CLI_INPUT;
  }
  if (n_files == 0) status = text_file("-");
  if (fflush(stdout) != 0) {
    fputs("wasit: text: cannot write to standard output\n", stderr);
    status = CLI_INPUT;
  }
  return status;
}
