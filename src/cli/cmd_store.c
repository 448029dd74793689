/* cmd_store.c: placeholder until the store module lands (replaced, not kept). */
#include "cli.h"
int cmd_query(int argc, char **argv) { (void)argc; (void)argv; fputs("wasit: query: not built yet\n", stderr); return CLI_INPUT; }
int cmd_stats(int argc, char **argv) { (void)argc; (void)argv; fputs("wasit: stats: not built yet\n", stderr); return CLI_INPUT; }
