/*
** text_dump.c: wasit_text_dump(), the debugging view of the text layer
** (io stage; used by `wasit text`).
**
** For one document it runs txt_analyze() and writes one JSON line per
** sentence:
**   {"doc_id", "sentence" (0-based index), "text" (original sentence),
**    "tokens": [{"text" (original), "norm", "kind", "splits":
**                [{"stem", "clitics": ["wa","al",...]}...]}...],
**    "numbers": [{"value", "approx", "text"}],
**    "dates": [{"date": "YYYY-MM-DD"|"YYYY-MM"|"YYYY", "text",
**               "relative", "hijri"}]}
** JSON strings go through buf_json_str (src/base).  Memory: one arena and
** one line buffer per call, both released before returning.
*/
#include "text/text.h"
#include <math.h>
#include <string.h>

/* Names of enum txt_token_kind, in order. */
static const char *const dump_kinds[] = {"word", "num", "punct", "latin",
                                         "other"};

/* Names of enum txt_clitic bits, lowest bit first. */
static const char *const dump_clitics[] = {"wa", "fa", "bi", "li",
                                           "ka", "al", "sa", "enc"};

/* A number as JSON: a run of 400 digits is +inf as a double; JSON has no
** infinity, so such values are written as null. */
static void put_number(wa_buf *b, double v) {
  if (isfinite(v)) buf_printf(b, "%.15g", v);
  else buf_puts(b, "null");
}

static void put_key(wa_buf *b, const char *key) {
  buf_json_str(b, key, strlen(key));
  buf_append(b, ":", 1);
}

static void put_token(wa_buf *b, const txt_doc *d, const txt_token *t) {
  buf_append(b, "{", 1);
  put_key(b, "text");
  buf_json_str(b, d->text + t->orig_start, t->orig_len);
  buf_append(b, ",", 1);
  put_key(b, "norm");
  buf_json_str(b, d->norm + t->norm_start, t->norm_len);
  buf_append(b, ",", 1);
  put_key(b, "kind");
  buf_puts(b, "\"");
  buf_puts(b, t->kind < 5 ? dump_kinds[t->kind] : "other");
  buf_puts(b, "\"");
  if (t->kind == TXT_NUM) {
    buf_puts(b, ",\"value\":");
    put_number(b, t->value);
  }
  buf_append(b, ",", 1);
  put_key(b, "splits");
  buf_append(b, "[", 1);
  for (int k = 0; k < t->n_splits; k++) {
    size_t len;
    const char *stem = txt_tok_stem(d, t, k, &len);
    if (k > 0) buf_append(b, ",", 1);
    buf_append(b, "{", 1);
    put_key(b, "stem");
    buf_json_str(b, stem, len);
    buf_append(b, ",", 1);
    put_key(b, "clitics");
    buf_append(b, "[", 1);
    int n = 0;
    for (int bit = 0; bit < 8; bit++) {
      if (!(t->splits[k].clitics & (1u << bit))) continue;
      if (n++ > 0) buf_append(b, ",", 1);
      buf_printf(b, "\"%s\"", dump_clitics[bit]);
    }
    buf_append(b, "]}", 2);
  }
  buf_append(b, "]}", 2);
}

/* The original text spanned by tokens [start, start+count) as JSON. */
static void put_span(wa_buf *b, const txt_doc *d, uint32_t start,
                     uint32_t count) {
  if (count == 0 || start + count > d->n_tokens) {
    buf_puts(b, "\"\"");
    return;
  }
  const txt_token *f = &d->tokens[start], *l = &d->tokens[start + count - 1];
  uint32_t end = l->orig_start + l->orig_len;
  buf_json_str(b, d->text + f->orig_start,
               end > f->orig_start ? end - f->orig_start : 0);
}

/* One sentence line into b; *ni / *di are cursors into numbers/dates. */
static void put_sentence(wa_buf *b, const wasit_doc *doc, const txt_doc *d,
                         size_t si, size_t *ni, size_t *di) {
  const txt_sentence *s = &d->sentences[si];
  buf_append(b, "{", 1);
  put_key(b, "doc_id");
  buf_json_str(b, doc->id ? doc->id : "", doc->id ? strlen(doc->id) : 0);
  buf_printf(b, ",\"sentence\":%zu,", si);
  put_key(b, "text");
  buf_json_str(b, d->text + s->orig_start, s->orig_len);
  buf_append(b, ",", 1);
  put_key(b, "tokens");
  buf_append(b, "[", 1);
  for (uint32_t i = 0; i < s->tok_count; i++) {
    if (i > 0) buf_append(b, ",", 1);
    put_token(b, d, &d->tokens[s->tok_start + i]);
  }
  buf_append(b, "],", 2);
  put_key(b, "numbers");
  buf_append(b, "[", 1);
  int n = 0;
  for (; *ni < d->n_numbers && d->numbers[*ni].sentence <= si; (*ni)++) {
    const txt_number *x = &d->numbers[*ni];
    if (x->sentence != si) continue;
    if (n++ > 0) buf_append(b, ",", 1);
    buf_puts(b, "{\"value\":");
    put_number(b, x->value);
    buf_printf(b, ",\"approx\":%s,\"text\":", x->approx ? "true" : "false");
    put_span(b, d, x->tok_start, x->tok_count);
    buf_append(b, "}", 1);
  }
  buf_append(b, "],", 2);
  put_key(b, "dates");
  buf_append(b, "[", 1);
  n = 0;
  for (; *di < d->n_dates && d->dates[*di].sentence <= si; (*di)++) {
    const txt_date *x = &d->dates[*di];
    if (x->sentence != si) continue;
    if (n++ > 0) buf_append(b, ",", 1);
    if (x->precision >= TXT_DATE_DAY)
      buf_printf(b, "{\"date\":\"%04d-%02d-%02d\"", x->year, x->month, x->day);
    else if (x->precision == TXT_DATE_MONTH)
      buf_printf(b, "{\"date\":\"%04d-%02d\"", x->year, x->month);
    else
      buf_printf(b, "{\"date\":\"%04d\"", x->year);
    buf_puts(b, ",\"text\":");
    put_span(b, d, x->tok_start, x->tok_count);
    buf_printf(b, ",\"relative\":%s,\"hijri\":%s}",
               x->relative ? "true" : "false", x->hijri ? "true" : "false");
  }
  buf_append(b, "]}\n", 3);
}

/* See wasit.h.  `doc` and its strings are borrowed; nothing is kept.
** Returns WASIT_OK, WASIT_EINVAL (NULL arguments, malformed doc->date),
** WASIT_ENOMEM, or WASIT_EIO when `write` returns non-zero. */
int wasit_text_dump(const wasit_doc *doc, const wasit_allocator *alloc,
                    wasit_write_fn write, void *ud, wasit_error *err) {
  if (doc == NULL || write == NULL)
    return WA_ERR(err, WASIT_EINVAL, "wasit_text_dump: NULL argument");
  wa_arena ar;
  arena_init(&ar, alloc);
  wa_buf b;
  buf_init(&b, alloc);
  txt_doc d;
  int rc = txt_analyze(&d, &ar, doc->text, doc->text ? doc->text_len : 0,
                       doc->date, err);
  size_t ni = 0, di = 0;
  for (size_t si = 0; rc == WASIT_OK && si < d.n_sentences; si++) {
    buf_reset(&b);
    put_sentence(&b, doc, &d, si, &ni, &di);
    if (b.failed) {
      rc = WA_ERR(err, WASIT_ENOMEM, "out of memory writing sentence %zu", si);
    } else if (write(ud, b.data, b.len) != 0) {
      rc = WA_ERR(err, WASIT_EIO, "cannot write the text dump");
    }
  }
  buf_free(&b);
  arena_free(&ar);
  return rc;
}
