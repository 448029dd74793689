/*
** fuzz_dict.c: libFuzzer target for the dictionary parser (src/dict,
** dict_parse_file from a buffer).  The first input byte picks the file
** format (countries, actors, people, agents, verbs, cameo, places,
** discard); the rest is the file's contents.  verbs.txt is parsed after
** the real cameo.txt (read once at start-up into a file-scope buffer:
** fuzz harness only).  A parse error must name the file and a line.
*/
#include "dict/dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef WASIT_DICT_DIR
#define WASIT_DICT_DIR "dict/ar"
#endif

static char *cameo_buf;
static size_t cameo_len;

static const char *const names[] = {"countries.txt", "actors.txt",
                                    "people.txt",    "agents.txt",
                                    "verbs.txt",     "cameo.txt",
                                    "places.txt",    "discard.txt"};

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *dir = getenv("WASIT_DICT");
  char path[1024];
  snprintf(path, sizeof path, "%s/cameo.txt", dir && *dir ? dir : WASIT_DICT_DIR);
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    perror(path);
    abort();
  }
  cameo_buf = malloc(1 << 20);
  if (cameo_buf == NULL) abort();
  cameo_len = fread(cameo_buf, 1, 1 << 20, f);
  fclose(f);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  const char *name = names[data[0] % 8];
  wasit_dict *d = NULL;
  wasit_error err;
  if (dict_new(&d, NULL, &err) != WASIT_OK) return 0;
  int rc = WASIT_OK;
  if (strcmp(name, "verbs.txt") == 0)
    rc = dict_parse_file(d, "cameo.txt", cameo_buf, cameo_len, &err);
  if (rc == WASIT_OK)
    rc = dict_parse_file(d, name, (const char *)data + 1, size - 1, &err);
  if (rc == WASIT_EDICT && (err.line < 0 || err.where[0] == '\0')) abort();
  if (rc == WASIT_OK) dict_finish(d, &err);
  wasit_dict_free(d);
  return 0;
}
