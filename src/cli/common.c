/*
** common.c: helpers shared by the subcommands (dictionary path, errors).
*/
#include "cli.h"
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef WASIT_DICT_DIR
#define WASIT_DICT_DIR "dict/ar"
#endif

const char *cli_dict_dir(const char *opt) {
  if (opt != NULL) return opt;
  const char *env = getenv("WASIT_DICT");
  if (env != NULL && *env != '\0') return env;
  if (access(WASIT_DICT_DIR "/verbs.txt", R_OK) == 0) return WASIT_DICT_DIR;
  return "dict/ar";
}

int cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("wasit: ", stderr);
  if (cmd != NULL) fprintf(stderr, "%s: ", cmd);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, " (try 'wasit %s%s--help')\n", cmd ? cmd : "", cmd ? " " : "");
  return CLI_USAGE;
}

void cli_report(const wasit_error *err) {
  if (err->where[0] != '\0' && err->line > 0)
    fprintf(stderr, "%s:%d: %s\n", err->where, err->line, err->message);
  else if (err->where[0] != '\0')
    fprintf(stderr, "%s: %s\n", err->where, err->message);
  else
    fprintf(stderr, "wasit: %s\n", err->message[0] ? err->message
                                                   : wasit_strerror(err->code));
}

int cli_write_file(void *ud, const char *buf, size_t len) {
  return fwrite(buf, 1, len, (FILE *)ud) == len ? 0 : -1;
}
