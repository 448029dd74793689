/*
** fuzz_reader.c: libFuzzer target for the JSON-lines reader (src/io).
**
** The input is used twice: as one record line (io_parse_record, the
** per-line parser) and as a whole file read through wasit_reader over a
** memfd (line splitting, BOM, CRLF, blank lines, no final newline).  Every
** returned document must have a non-empty id, text_len == strlen(text)
** and a valid date when it has one.
*/
#define _GNU_SOURCE
#include "io/io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void check_doc(const wasit_doc *doc) {
  if (doc->id == NULL || doc->id[0] == '\0' || doc->text == NULL ||
      strlen(doc->text) != doc->text_len ||
      (doc->date != NULL && !io_valid_date(doc->date)))
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  io_json *tree = NULL;
  wasit_doc doc;
  wasit_error err;
  if (io_parse_record((const char *)data, size, "fuzz", 1, &tree, &doc,
                      &err) == WASIT_OK)
    check_doc(&doc);
  io_json_free(tree);

  int fd = memfd_create("fuzz_reader", MFD_CLOEXEC);
  if (fd < 0) return 0;
  size_t off = 0;
  while (off < size) {
    ssize_t w = write(fd, data + off, size - off);
    if (w <= 0) break;
    off += (size_t)w;
  }
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  wasit_reader *r = NULL;
  if (wasit_reader_open(&r, path, NULL, &err) == WASIT_OK) {
    int rc, n = 0;
    while ((rc = wasit_reader_next(r, &doc, &err)) != WASIT_EOF && n < 100000) {
      if (rc == WASIT_OK) check_doc(&doc);
      else if (rc != WASIT_EPARSE) break;
      n++;
    }
    uint64_t done, total;
    wasit_reader_progress(r, &done, &total);
    if (rc == WASIT_EOF && done != total) abort();
    wasit_reader_close(r);
  }
  close(fd);
  return 0;
}
