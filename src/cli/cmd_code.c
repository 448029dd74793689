/* cmd_code.c: placeholder until the owning module lands (replaced, not kept). */
#include "cli.h"
int cmd_code(int argc, char **argv) { (void)argc; (void)argv; fputs("wasit: code: not built yet\n", stderr); return CLI_INPUT; }
