/* cmd_serve.c: placeholder until the server module lands (replaced, not kept). */
#include "cli.h"
int cmd_serve(int argc, char **argv) { (void)argc; (void)argv; fputs("wasit: serve: not built yet\n", stderr); return CLI_INPUT; }
