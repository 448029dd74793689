/*
** match.c: token keys and phrase matching for the coder (src/coder, 3).
**
** A token is read through every clitic split the text layer offers
** (وبالجيش -> و + ب + ال + جيش); each split's stem, with a leading ال
** stripped by the dictionary's own rule (dict_key_strip), is one match key.
** A dictionary phrase matches at token i when each of its words has an
** alternative equal to one key of the next token; `*` skips up to three
** tokens but never a punctuation mark.  Input: tokens of one sentence;
** cost is one hash lookup per key plus a few memcmp per candidate phrase.
**
** The closed word classes the rules test (negation, future, conditional
** particles, casualty nouns ...) come from dict/ar/grammar.txt; each key's
** classes are looked up once, when the key is made, so a rule's test is a
** bit test.
*/
#include "coder.h"

#include <string.h>

/* Contract in coder.h. */
bool coder_tok_is(const coder_sent *s, uint32_t i, int c, bool any_split) {
  if (i >= s->n) return false;
  const coder_tok *t = &s->ct[i];
  unsigned allowed = TXT_CL_WA | TXT_CL_FA | TXT_CL_ENC | TXT_CL_AL;
  for (uint8_t k = 0; k < t->nk; k++) {
    if (!any_split && (t->kcl[k] & ~allowed)) continue;
    if (t->kclass[k] & ((dict_classes)1 << c)) return true;
  }
  return false;
}

/* Contract in coder.h. */
bool coder_tok_has_clitic(const coder_sent *s, uint32_t i, unsigned cl) {
  if (i >= s->n) return false;
  const coder_tok *t = &s->ct[i];
  for (uint8_t k = 0; k < t->nk; k++)
    if (t->kcl[k] & cl) return true;
  return false;
}

static uint8_t punct_class(const char *s, size_t len) {
  /* ، (U+060C) and ',' separate phrases; . ! ? ؟ ؛ ; : end a clause */
  if (len == 1)
    return (*s == ',') ? 2 : strchr(".!?;:", *s) ? 1 : 0;
  if (len == 2 && (unsigned char)s[0] == 0xD8) {
    unsigned char c = (unsigned char)s[1];
    if (c == 0x8C) return 2;               /* U+060C Arabic comma */
    if (c == 0x9F || c == 0x9B) return 1;  /* U+061F ؟, U+061B ؛ */
  }
  return 0;
}

static void add_key(const coder_sent *s, coder_tok *c, const char *k,
                    size_t len, uint8_t cl, uint8_t strip) {
  for (uint8_t j = 0; j < c->nk; j++)
    if (c->klen[j] == len && memcmp(c->key[j], k, len) == 0) return;
  if (c->nk >= CODER_MAX_KEYS) return;
  c->key[c->nk] = k;
  c->klen[c->nk] = (uint16_t)len;
  c->kcl[c->nk] = cl;
  c->kstrip[c->nk] = strip;
  c->hits[c->nk] = dict_lookup(s->dict, k, len);
  c->kclass[c->nk] = dict_wordclass_mask(s->dict, k, len);
  c->nk++;
}

/* Contract in coder.h. */
int coder_keys(coder_sent *s, wa_arena *ar) {
  s->ct = arena_calloc(ar, s->n ? s->n : 1, sizeof *s->ct);
  if (!s->ct) return WASIT_ENOMEM;
  for (uint32_t i = 0; i < s->n; i++) {
    const txt_token *t = &s->toks[i];
    coder_tok *c = &s->ct[i];
    if (t->kind == TXT_PUNCT) {
      c->punct = punct_class(txt_tok_norm(s->doc, t), t->norm_len);
      continue;
    }
    if (t->kind != TXT_WORD && t->kind != TXT_LATIN) continue;
    for (int k = 0; k < t->n_splits && k < TXT_MAX_SPLITS; k++) {
      size_t len;
      const char *stem = txt_tok_stem(s->doc, t, k, &len);
      if (len == 0 || len > t->norm_len) continue;
      /* a final ة (ta marbuta, normalized to ه) is no enclitic pronoun:
      ** وزارة must not read as و + زار + ه */
      if (t->splits[k].suf == 2 && (t->splits[k].clitics & TXT_CL_ENC) &&
          t->orig_len >= 2 &&
          memcmp(s->doc->text + t->orig_start + t->orig_len - 2, "\xd8\xa9", 2) == 0)
        continue;
      size_t slen = len;
      const char *stripped = dict_key_strip(stem, &slen);
      add_key(s, c, stem, len, t->splits[k].clitics, 0);
      if (stripped != stem)
        add_key(s, c, stripped, slen, t->splits[k].clitics, 1);
    }
  }
  return WASIT_OK;
}

/* The index of the key of token i equal to an alternative of w, or -1. */
static int word_match(const coder_sent *s, const dict_word *w, uint32_t i) {
  const coder_tok *t = &s->ct[i];
  for (uint8_t k = 0; k < t->nk; k++) {
    /* a verb form takes no article and no ب/ك: للأمم is no أمم, بايدن
    ** no أيد + ن */
    if (w->verbal && (t->kstrip[k] ||
                      (t->kcl[k] & (TXT_CL_AL | TXT_CL_BI | TXT_CL_KA))))
      continue;
    if (w->article && !t->kstrip[k] && !(t->kcl[k] & TXT_CL_AL)) continue;
    uint32_t id = t->hits[k].key; /* the key's id in the dictionary */
    if (id == DICT_NO_KEY) continue;
    for (uint16_t a = 0; a < w->n_alts; a++)
      if (w->alt_keys[a] == id) return k;
  }
  return -1;
}

static uint32_t match_from(const coder_sent *s, const dict_phrase *p,
                           uint32_t wi, uint32_t j, uint32_t *pos) {
  if (wi == p->n_words) return j;
  const dict_word *w = &p->words[wi];
  if (w->gap) {
    /* up to three words, not counting actor names and dates (the VSO
    ** subject sits between a verb and its object), never punctuation */
    uint32_t counted = 0;
    for (uint32_t skip = 0; skip <= 12; skip++) {
      if (skip > 0) {
        uint32_t x = j + skip - 1;
        if (x >= s->n || s->ct[x].punct == 1) break;
        if (!s->ct[x].free && ++counted > 3) break;
      }
      uint32_t r = match_from(s, p, wi + 1, j + skip, pos);
      if (r) return r;
    }
    return 0;
  }
  if (j >= s->n || word_match(s, w, j) < 0) return 0;
  if (pos) pos[wi] = j;
  return match_from(s, p, wi + 1, j + 1, pos);
}

/* Contract in coder.h. */
uint32_t coder_match(const coder_sent *s, const dict_phrase *p, uint32_t i,
                     uint32_t *first_end, uint8_t *cl0, uint32_t *pos) {
  if (i >= s->n) return 0;
  int k0 = word_match(s, &p->words[0], i);
  if (k0 < 0) return 0;
  if (pos) pos[0] = i;
  uint32_t end = match_from(s, p, 1, i + 1, pos);
  if (!end) return 0;
  uint32_t g = 1;
  while (g < p->n_words && !p->words[g].gap) g++;
  *first_end = i + g;
  *cl0 = s->ct[i].kcl[k0];
  return end;
}
