/*
** text.c: txt_analyze(), the driver of the text layer (stage 1).
**
** txt_analyze runs, for one document: UTF-8 repair (utf8.c) -> page
** furniture scan (furniture.c) -> per kept line, per sentence: sentence
** split (sentence.c) in one pass with normalization + tokens (token.c),
** then numbers (number.c), dates (date.c).  Everything it produces
** lives in the caller's arena; nothing is freed one by one.  Typical
** input: a news article of 1-20 KB.
** (txt_table_get and txt_table_find live in the generated tables.c, so a
** stage that only looks up tables does not pull in the whole layer.)
*/
#include "text.h"
#include <string.h>

/* See text.h. */
int txt_analyze(txt_doc *out, wa_arena *ar, const char *text, size_t len,
                const char *doc_date, wasit_error *err) {
  return txt_analyze_memo(out, ar, NULL, text, len, doc_date, err);
}

/* See text.h.  On any error *out is left consistent (counts match the
** arrays) but partial; the caller resets the arena. */
int txt_analyze_memo(txt_doc *out, wa_arena *ar, txt_memo *memo,
                     const char *text, size_t len, const char *doc_date,
                     wasit_error *err) {
  memset(out, 0, sizeof *out);
  out->memo = memo;
  if (memo != NULL) {
    out->memo_doc = txt_memo_doc(memo);
    txt_memo_tables(memo, out);
  } else {
    out->tab_numbers = txt_table_get("numbers");
    out->tab_weekdays = txt_table_get("weekdays");
    out->tab_months = txt_table_get("months");
    out->tab_relative = txt_table_get("relative");
  }
  if (text == NULL && len > 0)
    return WA_ERR(err, WASIT_EINVAL, "document text is NULL");
  if (doc_date != NULL && doc_date[0] != '\0') {
    int y, m, d;
    if (!txt_parse_iso_date(doc_date, &y, &m, &d))
      return WA_ERR(err, WASIT_EINVAL,
                    "malformed document date '%.40s' (expected YYYY-MM-DD)",
                    doc_date);
    out->doc_year = y;
    out->doc_month = m;
    out->doc_day = d;
  }
  int rc = txt_utf8_repair(ar, text ? text : "", len, &out->text,
                           &out->text_len, &out->invalid_utf8);
  if (rc != WASIT_OK) goto oom;

  txt_range *kept = NULL;
  size_t n_kept = 0;
  rc = txt_furniture_scan(ar, out->text, out->text_len, &kept, &n_kept,
                          &out->dropped_lines);
  if (rc != WASIT_OK) goto fail;

  size_t tok_cap = 0, num_cap = 0, date_cap = 0, sent_cap = 0;
  /* Size norm and the token array once for the whole document, from the
  ** kept lines' bytes (news text has a token per 10-12 bytes), so that
  ** token.c seldom grows and copies them; it still grows them on need. */
  size_t kept_bytes = 0;
  for (size_t r = 0; r < n_kept; r++) kept_bytes += kept[r].len;
  if (n_kept > 0) {
    size_t norm_cap = kept_bytes + kept_bytes / 4 + n_kept + 16;
    out->norm = arena_alloc(ar, norm_cap);
    tok_cap = kept_bytes / 8 + 16;
    out->tokens = arena_alloc(ar, tok_cap * sizeof *out->tokens);
    if (out->norm == NULL || out->tokens == NULL) goto oom;
    out->norm[0] = '\0';
    out->norm_cap = norm_cap;
  }
  /* One pass over each kept line: the tokenizer finds where each
  ** sentence ends as it reads it (txt_tokenize_line), and the next one
  ** starts at txt_line_next.  The sentences are those of
  ** txt_sentences_split, in order. */
  bool after_dateline = false;   /* the line before was only a dateline */
  for (size_t r = 0; r < n_kept; r++) {
    txt_line ln;
    size_t i = txt_line_open(&ln, out->text, kept[r].start,
                             (size_t)kept[r].start + kept[r].len);
    /* the story under a dateline set on its own line opens after it, as
    ** after one cut off its own line */
    if (after_dateline && ln.lead == TXT_LINE_START) ln.lead = TXT_HEAD_CUT;
    after_dateline = ln.dateline && i < ln.b;
    while (i < ln.b) {
      size_t si = out->n_sentences;
      if (si == sent_cap &&
          !arena_grow(ar, (void **)&out->sentences, &sent_cap, si + 1,
                      sizeof *out->sentences))
        goto oom;
      txt_sentence *s = &out->sentences[si];
      memset(s, 0, sizeof *s);   /* (its padding too: tests compare bytes) */
      s->orig_start = (uint32_t)i;
      s->live_entry = ln.live;
      s->line_lead = ln.lead;
      s->dateline = ln.dateline;
      ln.live = false;   /* (the line's later sentences go on with the entry) */
      ln.dateline = false;
      ln.lead = TXT_MID_LINE;
      out->n_sentences = si + 1;
      rc = txt_tokenize_line(out, ar, si, &tok_cap, &ln);
      if (rc == WASIT_OK) rc = txt_numbers_find(out, ar, si, &num_cap);
      if (rc == WASIT_OK) rc = txt_dates_find(out, ar, si, &date_cap);
      if (rc != WASIT_OK) goto fail;
      i = txt_line_next(&ln, (size_t)s->orig_start + s->orig_len);
    }
  }
  if (out->norm == NULL) {
    out->norm = arena_calloc(ar, 1, 1);
    if (out->norm == NULL) goto oom;
    out->norm_cap = 1;
  }
  return WASIT_OK;
fail:
  if (rc == WASIT_ENOMEM) goto oom;
  return WA_ERR(err, rc, "text analysis failed: %s", wasit_strerror(rc));
oom:
  return WA_ERR(err, WASIT_ENOMEM, "out of memory in the text layer");
}

/* Can the stem s[0..len) (sig g) begin an entry of table t?  The
** first-word filter lets through many stems that are no entry (في, عن);
** the entry itself, or a longer key it may start, settles it.  The date
** and number lookups (date.c, number.c) ask exactly this of a stem before
** reading more words, so a stem refused here is one they never match. */
static bool gate_entry(const txt_table *t, uint32_t g, const char *s,
                       size_t len) {
  return txt_table_sig_in(t, g) &&
         (txt_table_may_extend(t, s, len) || txt_table_find(t, s, len) != NULL);
}

/* See text.h. */
uint8_t txt_word_gate(const txt_doc *d, const txt_token *t) {
  return txt_word_gate_dates(d, t, NULL);
}

/* See text.h.  The gate's date bits are gate_entry's answers, taken from
** the two lookups that also fill fd. */
uint8_t txt_word_gate_dates(const txt_doc *d, const txt_token *t,
                            txt_form_dates *fd) {
  uint8_t bits = TXT_GATE_KNOWN;
  if (fd != NULL) memset(fd, 0, sizeof *fd);
  if (t->kind != TXT_WORD && t->kind != TXT_LATIN) return bits;
  /* in the order of their gate bits (TXT_GATE_MONTHS << x) */
  const txt_table *dates[3] = {txt_doc_table(d->tab_months, "months"),
                               txt_doc_table(d->tab_weekdays, "weekdays"),
                               txt_doc_table(d->tab_relative, "relative")};
  const txt_table *num = txt_doc_table(d->tab_numbers, "numbers");
  const char *w = d->norm + t->norm_start;
  for (int x = 0; x < 3; x++)
    if (txt_table_may_continue(dates[x], w, t->norm_len))
      bits |= (uint8_t)((TXT_GATE_MONTHS << x) << TXT_GATE_LATER_SHIFT);
  for (int k = 0; k < t->n_splits; k++) {
    size_t slen;
    const char *stem = txt_tok_stem(d, t, k, &slen);
    if (slen == 0 || slen >= TXT_GATE_KEY_MAX) continue;
    uint32_t g = t->splits[k].sig;
    for (int x = 0; x < 3; x++) {
      if (!txt_table_sig_in(dates[x], g)) continue;
      bool extend = txt_table_may_extend(dates[x], stem, slen);
      const txt_kv *kv = fd != NULL || !extend
                             ? txt_table_find(dates[x], stem, slen)
                             : NULL;
      if (extend || kv != NULL) bits |= (uint8_t)(TXT_GATE_MONTHS << x);
      if (fd == NULL) continue;
      if (fd->one[x] == NULL) fd->one[x] = kv;
      if (extend) fd->extend[x] |= (uint8_t)(1u << k);
    }
    if (gate_entry(num, g, stem, slen)) bits |= TXT_GATE_NUMBERS;
  }
  return bits;
}
