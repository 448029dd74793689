/* cmd_text.c: placeholder until the owning module lands (replaced, not kept). */
#include "cli.h"
int cmd_text(int argc, char **argv) { (void)argc; (void)argv; fputs("wasit: text: not built yet\n", stderr); return CLI_INPUT; }
