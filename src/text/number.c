/*
** number.c: numbers in digits and in words (text layer, stage 1f of
** txt_analyze, run on each sentence after tokenization).
**
** Input: the tokens of one sentence (digits are already TXT_NUM tokens
** with their value, thousands separators and decimals resolved by
** token.c).  Output: txt_number records appended to doc->numbers.
** Number words are data: dict/ar/text/numbers.txt (table "numbers"); its
** kinds (unit, multiplier, plural, approx) are explained in that file.
**
** Grammar, per position:
**     [approx phrase] atom (multiplier | plural)* (و atom (mult|plural)*)*
**         [approx word]
** atom = digits | unit word | multiplier word | plural word.
**   - "ثلاثة آلاف" = 3 x 1000; "2.5 مليون" = 2500000; "مئتي" = 200.
**   - A plural without a number before it is vague: value 2 x its power,
**     approx = 1 ("عشرات" = 20, "مئات" = 200, "عشرات الآلاف" = 20000).
**   - "خمسة وعشرون" = 25: a و-joined part is added when it is smaller
**     than the number so far, or when units are followed by tens; any
**     other و ("ثلاثة وأربعة") starts a new number.
**   - A hedge before ("أكثر من 200", "نحو", "ما لا يقل عن") or after
**     ("200 تقريبا") gives approx = 1; its words join the span.
** Words may carry clitics (وثلاثة, بعشرات, الآلاف): each token's splits
** are tried after its whole form.
**
** Dates: digits that belong to a date (13 and 2022 in "13 سبتمبر 2022")
** must not be numbers.  txt_analyze runs numbers before dates, so date.c
** removes the numbers of the sentence that overlap a date it found (they
** are the last ones appended).  For the other order, this file also skips
** tokens already covered by a date of the same sentence.  A token that is
** a weekday name ("الاثنين", which also reads "the two") is never a number,
** nor are the words of a numbers.txt entry of kind "" (ordinals such as
** "القرن التاسع عشر", "الحادي عشر من سبتمبر").
*/
#include "text.h"

#include <string.h>

#define NUM_MAX_PHRASE 4       /* tokens in the longest table phrase */
#define NUM_KEY_MAX 256
_Static_assert(NUM_KEY_MAX == TXT_GATE_KEY_MAX, "the gate sees every stem");

/* Longest entry of `tab` starting at token i (< end).  The first token may
** be read through any of its splits (clitics removed); the following ones
** are taken whole.  Returns the number of tokens matched (0 = none) and
** sets *kv and *split. */
static size_t num_lookup(const txt_doc *d, const txt_table *tab, size_t i,
                         size_t end, const txt_kv **kv, int *split) {
  size_t best = 0;
  const txt_token *t0 = &d->tokens[i];
  if (tab == NULL || (t0->kind != TXT_WORD && t0->kind != TXT_LATIN))
    return 0;
  for (int k = 0; k < t0->n_splits; k++) {
    char key[NUM_KEY_MAX];
    size_t slen;
    const char *stem = txt_tok_stem(d, t0, k, &slen);
    if (slen == 0 || slen >= sizeof key) continue;
    /* most stems start no entry: skip them before building keys (word
    ** and Latin tokens hold no ' ': token.c ends them at white space) */
    if (!txt_table_sig_in(tab, t0->splits[k].sig)) continue;
    /* the key is the stem itself until a word is added to it: no copy
    ** for the one-word lookups, nearly all of them */
    const char *kp = stem;
    size_t klen = slen;
    for (size_t w = 0; w < NUM_MAX_PHRASE && i + w < end; w++) {
      if (w > 0) {
        const txt_token *t = &d->tokens[i + w];
        if (t->kind != TXT_WORD && t->kind != TXT_LATIN) break;
        if (klen + 1 + t->norm_len > sizeof key) break;
        if (kp != key) {
          memcpy(key, stem, slen);
          kp = key;
        }
        key[klen++] = ' ';
        memcpy(key + klen, txt_tok_norm(d, t), t->norm_len);
        klen += t->norm_len;
      }
      const txt_kv *e = txt_table_find(tab, kp, klen);
      if (e != NULL && w + 1 > best) {
        best = w + 1;
        *kv = e;
        *split = k;
      }
      if (!txt_table_may_extend(tab, kp, klen)) break;   /* no longer key */
    }
  }
  return best;
}

/* Is token i inside a date already found for sentence si? */
static bool num_in_date(const txt_doc *d, size_t si, size_t i) {
  for (size_t k = d->n_dates; k-- > 0;) {
    const txt_date *dt = &d->dates[k];
    if (dt->sentence != si) break;
    if (i >= dt->tok_start && i < (size_t)dt->tok_start + dt->tok_count)
      return true;
  }
  return false;
}

static bool num_is_weekday(const txt_doc *d, const txt_table *wd, size_t i) {
  const txt_token *t = &d->tokens[i];
  return t->kind == TXT_WORD &&
         txt_table_sig_in(wd, t->splits[0].sig) &&
         txt_table_find(wd, txt_tok_norm(d, t), t->norm_len) != NULL;
}

/* num_lookup results of one sentence, one per token: a position is tried
** as hedge, atom and skip word, and a failed parse retries the next
** token, so each token is looked up once. */
#define NUM_MEMO_TOKENS 256   /* longer sentences are not memoized */

typedef struct num_memo {
  const txt_kv *kv;   /* valid when n > 0 */
  uint8_t state;      /* 0: not looked up yet; else 1 + tokens matched */
  uint8_t split;
} num_memo;

typedef struct num_ctx {
  const txt_doc *d;
  const txt_table *tab, *wd;
  size_t si, end;
  num_memo *memo;     /* NULL or one entry per token from base to end */
  size_t base;        /* the sentence's first token */
} num_ctx;

/* num_lookup(c->d, c->tab, i, c->end, ...) through the memo. */
static size_t num_find(const num_ctx *c, size_t i, const txt_kv **kv,
                       int *split) {
  if (c->memo == NULL || i < c->base || i >= c->end)
    return num_lookup(c->d, c->tab, i, c->end, kv, split);
  num_memo *m = &c->memo[i - c->base];
  if (m->state == 0) {
    const txt_kv *e = NULL;
    int k = 0;
    size_t n = num_lookup(c->d, c->tab, i, c->end, &e, &k);
    m->kv = e;
    m->split = (uint8_t)k;
    m->state = (uint8_t)(n + 1);
  }
  if (m->state > 1) {
    *kv = m->kv;
    *split = m->split;
  }
  return (size_t)m->state - 1;
}

/* Can anything start at token i: a number, a hedge, or an entry skipped
** as a whole?  Each begins with digits or with an entry of the numbers
** table at i (num_parse, txt_numbers_find), and num_lookup tries nothing
** for a word none of whose splits passes the table's first-word filter.
** Most words are such words: this test spares them the parse attempts. */
static bool num_may_start(const num_ctx *c, size_t i) {
  const txt_token *t = &c->d->tokens[i];
  if (t->kind == TXT_NUM) return true;
  if (c->tab == NULL || (t->kind != TXT_WORD && t->kind != TXT_LATIN))
    return false;
  /* c->tab is the table of the gate's numbers bit; the word memo keeps
  ** the gate, else it is computed */
  uint8_t gate = t->gate != 0 ? t->gate : txt_word_gate(c->d, t);
  return (gate & TXT_GATE_NUMBERS) != 0;
}

/* Value word or digits at token i: kind set to TXT_K_UNIT for digits. */
static size_t num_atom(const num_ctx *c, size_t i, double *v, int *kind,
                       int *split) {
  const txt_token *t = &c->d->tokens[i];
  *split = 0;
  if (num_in_date(c->d, c->si, i) || num_is_weekday(c->d, c->wd, i)) return 0;
  if (t->kind == TXT_NUM) {
    *v = t->value;
    *kind = TXT_K_UNIT;
    return 1;
  }
  const txt_kv *kv = NULL;
  size_t n = num_find(c, i, &kv, split);
  if (n == 0) return 0;
  for (size_t j = i + 1; j < i + n; j++)
    if (num_in_date(c->d, c->si, j)) return 0;
  if (kv->kind != TXT_K_UNIT && kv->kind != TXT_K_MULTIPLIER &&
      kv->kind != TXT_K_PLURAL)
    return 0;
  /* "بالمئة", "في المئة" are "per cent", not 100: a singular power word
  ** with the article or a preposition is not a number. */
  if (kv->kind == TXT_K_MULTIPLIER &&
      (t->splits[*split].clitics &
       (TXT_CL_AL | TXT_CL_BI | TXT_CL_LI | TXT_CL_KA)))
    return 0;
  *v = kv->value;
  *kind = kv->kind;
  return n;
}

/* atom (multiplier | plural)*.  Returns tokens used; sets *v and *vague. */
static size_t num_term(const num_ctx *c, size_t i, double *v, bool *vague) {
  int kind, split;
  size_t n = num_atom(c, i, v, &kind, &split);
  if (n == 0) return 0;
  *vague = false;
  if (kind == TXT_K_PLURAL) {
    *v *= 2;
    *vague = true;
  }
  size_t j = i + n;
  while (j < c->end) {
    double m;
    size_t k = num_atom(c, j, &m, &kind, &split);
    if (k == 0 || c->d->tokens[j].kind == TXT_NUM) break;
    if (kind != TXT_K_MULTIPLIER && kind != TXT_K_PLURAL) break;
    if (c->d->tokens[j].splits[split].clitics &
        (TXT_CL_WA | TXT_CL_FA | TXT_CL_BI | TXT_CL_LI | TXT_CL_KA))
      break;   /* "مئة وألف" is not 100 x 1000 */
    *v *= m;
    j += k;
  }
  return j - i;
}

/* Is the token a hedge word (approx kind)?  Returns tokens matched. */
static size_t num_hedge(const num_ctx *c, size_t i) {
  const txt_kv *kv = NULL;
  int split;
  size_t n = num_find(c, i, &kv, &split);
  return (n > 0 && kv->kind == TXT_K_APPROX) ? n : 0;
}

/* A whole number at token i (hedges included).  Returns tokens used. */
static size_t num_parse(const num_ctx *c, size_t i, txt_number *out) {
  size_t j = i;
  bool approx = false;
  size_t h = num_hedge(c, j);
  if (h > 0) {
    approx = true;
    j += h;
  }
  if (j >= c->end) return 0;
  double v;
  bool vague;
  size_t n = num_term(c, j, &v, &vague);
  if (n == 0) return 0;
  if (vague) approx = true;
  j += n;
  /* و-joined parts: "خمسة وعشرون", "ثلاثة آلاف وخمسمئة" */
  while (j < c->end) {
    const txt_token *t = &c->d->tokens[j];
    if (t->kind != TXT_WORD || t->n_splits < 2) break;
    double add;
    int kind, split = 0;
    size_t k = num_atom(c, j, &add, &kind, &split);
    /* a unit read through a و split ("وعشرين", "وخمسمئة") */
    if (k == 0 || kind != TXT_K_UNIT || !(t->splits[split].clitics & TXT_CL_WA))
      break;
    bool tens = v < 10 && add >= 20 && add < 100;
    if (!(add < v) && !tens) break;
    v += add;
    j += k;
    /* a power after the sum applies to all of it: "خمسة وعشرون ألفا" */
    while (j < c->end) {
      double m;
      size_t q = num_atom(c, j, &m, &kind, &split);
      if (q == 0 || c->d->tokens[j].kind == TXT_NUM ||
          (kind != TXT_K_MULTIPLIER && kind != TXT_K_PLURAL) ||
          (c->d->tokens[j].splits[split].clitics & TXT_CL_WA))
        break;
      v *= m;
      j += q;
    }
  }
  /* a hedge after the number, unless it introduces the next one */
  h = j < c->end ? num_hedge(c, j) : 0;
  if (h > 0 && !(j + h < c->end && num_term(c, j + h, &(double){0},
                                            &(bool){false}) > 0)) {
    approx = true;
    j += h;
  }
  out->value = v;
  out->approx = approx;
  out->sentence = (uint32_t)c->si;
  out->tok_start = (uint32_t)i;
  out->tok_count = (uint32_t)(j - i);
  return j - i;
}

/* See text.h.  Sentence si must be tokenized; *cap is the allocated length
** of doc->numbers (0 at the start of a document).  Returns WASIT_OK or
** WASIT_ENOMEM (doc->numbers then holds what was found before). */
int txt_numbers_find(txt_doc *doc, wa_arena *ar, size_t si, size_t *cap) {
  if (si >= doc->n_sentences) return WASIT_OK;
  const txt_sentence *s = &doc->sentences[si];
  num_ctx c = {doc, txt_doc_table(doc->tab_numbers, "numbers"),
               txt_doc_table(doc->tab_weekdays, "weekdays"), si,
               (size_t)s->tok_start + s->tok_count, NULL, s->tok_start};
  num_memo memo[NUM_MEMO_TOKENS];
  bool memo_ready = false;   /* zeroed at the first token looked at */
  for (size_t i = s->tok_start;
       (i = txt_next_gated(doc->tokens, i, c.end, TXT_GATE_NUMBERS)) < c.end;) {
    txt_number nb;
    const txt_kv *kv = NULL;
    int split;
    if (!memo_ready) {   /* a sentence with none (two in five) skips it */
      memo_ready = true;
      if (s->tok_count <= NUM_MEMO_TOKENS) {
        memset(memo, 0, (size_t)s->tok_count * sizeof *memo);
        c.memo = memo;
      }
    }
    if (!num_may_start(&c, i)) {
      i++;
      continue;
    }
    size_t skip = num_find(&c, i, &kv, &split);
    if (skip > 0 && kv->kind == TXT_K_NONE) {   /* "التاسع عشر" */
      i += skip;
      continue;
    }
    size_t n = num_parse(&c, i, &nb);
    if (n == 0) {
      i++;
      continue;
    }
    if (doc->n_numbers == *cap &&
        !arena_grow(ar, (void **)&doc->numbers, cap, doc->n_numbers + 1,
                    sizeof *doc->numbers))
      return WASIT_ENOMEM;
    doc->numbers[doc->n_numbers++] = nb;
    i += n;
  }
  return WASIT_OK;
}
