/*
** cli.h: the subcommands of the `wasit` program.
**
** src/cli is a thin layer over libwasit: it owns argv, files, threads,
** progress on stderr and exit statuses; the library does the work.
** Every command returns an exit status: 0 ok, 1 some input rejected or a
** run-time failure, 2 usage error.
*/
#ifndef WASIT_CLI_H
#define WASIT_CLI_H

#include "wasit.h"
#include <stdio.h>

enum cli_exit { CLI_OK = 0, CLI_INPUT = 1, CLI_USAGE = 2 };

int cmd_code(int argc, char **argv);   /* cmd_code.c */
int cmd_text(int argc, char **argv);   /* cmd_text.c */
int cmd_eval(int argc, char **argv);   /* cmd_eval.c */
int cmd_query(int argc, char **argv);  /* cmd_store.c */
int cmd_stats(int argc, char **argv);  /* cmd_store.c */
int cmd_serve(int argc, char **argv);  /* cmd_serve.c */

/* eval_events.c: `wasit eval --events FILE`: event F1 over (document,
** source country, target country, root) tuples of hand-coded articles. */
int cli_eval_events(const char *dict_dir, const char *path, int show_errors);

/* common.c */
/* The dictionary directory: --dict value, else $WASIT_DICT, else the
** dict/ar of the source tree wasit was built from, else ./dict/ar. */
const char *cli_dict_dir(const char *opt);
/* Print "wasit: CMD: message" plus a hint to stderr; returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Report a library error as "WHERE:LINE: message" (or "wasit: message"). */
void cli_report(const wasit_error *err);
/* wasit_write_fn for a FILE*. */
int cli_write_file(void *ud, const char *buf, size_t len);

#endif
