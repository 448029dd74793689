/*
** fuzz_text.c: libFuzzer target for the text layer (txt_analyze).
**
** Input: arbitrary bytes as an article (invalid UTF-8, NULs, huge numbers,
** odd dates).  When the input starts with "YYYY-MM-DD|" that prefix is the
** document date.  Checks the spans the coder relies on stay inside their
** buffers.
*/
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  char date[11];
  const char *doc_date = NULL;
  if (size >= 11 && data[10] == '|') {
    memcpy(date, data, 10);
    date[10] = '\0';
    doc_date = date;
    text += 11;
    size -= 11;
  }
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  wasit_error err;
  if (txt_analyze(&d, &ar, text, size, doc_date, &err) == WASIT_OK) {
    for (size_t i = 0; i < d.n_sentences; i++) {
      const txt_sentence *s = &d.sentences[i];
      if ((size_t)s->orig_start + s->orig_len > d.text_len ||
          (size_t)s->norm_start + s->norm_len > d.norm_len ||
          (size_t)s->tok_start + s->tok_count > d.n_tokens)
        abort();
    }
    for (size_t i = 0; i < d.n_tokens; i++) {
      const txt_token *t = &d.tokens[i];
      if ((size_t)t->norm_start + t->norm_len > d.norm_len ||
          (size_t)t->orig_start + t->orig_len > d.text_len ||
          t->n_splits < 1 || t->n_splits > TXT_MAX_SPLITS)
        abort();
    }
  }
  arena_free(&ar);
  return 0;
}
