/* cmd_eval.c: placeholder until the owning module lands (replaced, not kept). */
#include "cli.h"
int cmd_eval(int argc, char **argv) { (void)argc; (void)argv; fputs("wasit: eval: not built yet\n", stderr); return CLI_INPUT; }
