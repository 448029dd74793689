/*
** fuzz_coder.c: libFuzzer target for the whole pipeline: wasit_coder_run
** with the real dictionary (dict/ar of the source tree, or $WASIT_DICT),
** then both writers.  Input: "YYYY-MM-DD|" optional date prefix, then the
** article bytes.  The dictionary is loaded once in LLVMFuzzerInitialize and
** kept in a file-scope variable (fuzz harness only; the library has none).
*/
#include "base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef WASIT_DICT_DIR
#define WASIT_DICT_DIR "dict/ar"
#endif

static wasit_dict *fuzz_dict;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *dir = getenv("WASIT_DICT");
  wasit_error err;
  if (wasit_dict_load(&fuzz_dict, dir && *dir ? dir : WASIT_DICT_DIR, NULL,
                      &err) != WASIT_OK) {
    fprintf(stderr, "fuzz_coder: %s:%d: %s\n", err.where, err.line,
            err.message);
    abort();
  }
  return 0;
}

static int discard(void *ud, const char *buf, size_t len) {
  (void)buf;
  *(size_t *)ud += len;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char date[11];
  wasit_doc doc = {0};
  doc.id = "fuzz";
  doc.text = (const char *)data;
  doc.text_len = size;
  if (size >= 11 && data[10] == '|') {
    memcpy(date, data, 10);
    date[10] = '\0';
    doc.date = date;
    doc.text += 11;
    doc.text_len -= 11;
  }
  wasit_coder *c = NULL;
  wasit_error err;
  if (wasit_coder_new(&c, fuzz_dict, NULL, &err) != WASIT_OK) abort();
  const wasit_result *res = NULL;
  if (wasit_coder_run(c, &doc, &res, &err) == WASIT_OK) {
    for (size_t i = 0; i < res->n_events; i++) {
      const wasit_event *e = &res->events[i];
      if (e->source == NULL || e->sentence < 0 ||
          (size_t)e->sentence >= res->n_sentences || e->quad_class < 1 ||
          e->quad_class > 4)
        abort();
    }
    size_t n = 0;
    if (wasit_write_events(res, WASIT_FORMAT_JSONL, discard, &n) != WASIT_OK ||
        wasit_write_events(res, WASIT_FORMAT_TSV, discard, &n) != WASIT_OK)
      abort();
  }
  wasit_coder_free(c);
  return 0;
}
