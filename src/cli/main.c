/*
** main.c: entry point of the `wasit` program; dispatches subcommands.
*/
#include "cli.h"
#include <string.h>

static const char *const usage_text =
    "usage: wasit COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "commands:\n"
    "  code    code documents into CAMEO events (JSONL or TSV, or a --db)\n"
    "  text    show sentences, tokens, numbers and dates (debugging view)\n"
    "  eval    score the coder on a gold file (ASSAULT/PROTEST)\n"
    "  query   select events from a store\n"
    "  stats   counts by root, month, actor and dyad in a store\n"
    "  serve   HTTP API and dashboard over a store\n"
    "\n"
    "wasit COMMAND --help shows a command's options; wasit --version.\n";

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"code", cmd_code},   {"text", cmd_text},   {"eval", cmd_eval},
    {"query", cmd_query}, {"stats", cmd_stats}, {"serve", cmd_serve},
};

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage_text, stderr);
    return CLI_USAGE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      strcmp(argv[1], "help") == 0) {
    fputs(usage_text, stdout);
    return CLI_OK;
  }
  if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
    printf("wasit %s\n", wasit_version());
    return CLI_OK;
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
