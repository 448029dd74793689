/*
** bench_text.c: throughput of the text layer alone (bench/ tool).
**
**   bench_text FILE.jsonl
**
** Reads every document with wasit_reader and runs txt_analyze_memo over
** it (one arena, reset per document; one word memo for the whole run, as
** a wasit_coder keeps), then prints one line:
**   text: BYTES bytes, DOCS docs, SENTS sentences, SECONDS s, MB/s, sent/s
** Only the txt_analyze calls are timed (not reading/parsing JSON).
*/
#include "text/text.h"

#include <stdio.h>
#include <time.h>

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: bench_text FILE.jsonl\n", stderr);
    return 2;
  }
  wasit_reader *r = NULL;
  wasit_error err;
  if (wasit_reader_open(&r, argv[1], NULL, &err) != WASIT_OK) {
    fprintf(stderr, "%s: %s\n", err.where, err.message);
    return 1;
  }
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_memo *memo = txt_memo_new(NULL);
  if (memo == NULL) {
    fputs("bench_text: out of memory\n", stderr);
    return 1;
  }
  unsigned long long bytes = 0, docs = 0, sents = 0, tokens = 0;
  double spent = 0;
  for (;;) {
    wasit_doc doc;
    int rc = wasit_reader_next(r, &doc, &err);
    if (rc == WASIT_EOF) break;
    if (rc != WASIT_OK) continue;
    txt_doc td;
    double t0 = now_s();
    rc = txt_analyze_memo(&td, &ar, memo, doc.text, doc.text_len, doc.date,
                          &err);
    spent += now_s() - t0;
    if (rc == WASIT_OK) {
      sents += td.n_sentences;
      tokens += td.n_tokens;
    }
    bytes += doc.text_len;
    docs++;
    arena_reset(&ar);
  }
  arena_free(&ar);
  txt_memo_free(memo, NULL);
  wasit_reader_close(r);
  printf("text: %llu bytes, %llu docs, %llu sentences, %llu tokens, %.3f s, "
         "%.1f MB/s, %.0f sent/s\n",
         bytes, docs, sents, tokens, spent,
         spent > 0 ? (double)bytes / 1e6 / spent : 0,
         spent > 0 ? (double)sents / spent : 0);
  return 0;
}
