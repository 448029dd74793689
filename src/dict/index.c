/*
** index.c: the first-word hash index of the dictionary (src/dict, stage 2).
**
** After parsing, every alternative of every phrase word becomes a key with
** an id; the index maps a key to the sorted list of phrase ids whose FIRST
** word has it (empty for keys seen only later in phrases), and each phrase
** word records the key id of each alternative.  The coder looks up each
** token stem once (FNV-1a hash, open addressing with linear probing, load
** factor <= 0.5), then checks the rest of a candidate phrase by comparing
** key ids, never strings.  Built once, then read-only.  Typical size:
** 10^4 keys.
*/
#include "dict_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct pair {
  const char *key;
  uint32_t len;
  uint32_t id;     /* phrase index */
  bool first;      /* the alternative of the phrase's first word */
} pair;

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

static int pair_cmp(const void *a, const void *b) {
  const pair *x = a, *y = b;
  size_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp(x->key, y->key, n);
  if (c) return c;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  if (x->first != y->first) return x->first ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static bool same_key(const pair *a, const pair *b) {
  return a->len == b->len && memcmp(a->key, b->key, a->len) == 0;
}

/* Contract in dict_int.h. */
int dict_index_build(wasit_dict *d, wasit_error *err) {
  size_t np = 0;
  for (size_t i = 0; i < d->n_phrases; i++)
    for (size_t w = 0; w < d->phrases[i].n_words; w++)
      np += d->phrases[i].words[w].n_alts;
  pair *pairs = wa_alloc(d->alloc, (np ? np : 1) * sizeof *pairs);
  if (!pairs) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  size_t k = 0;
  for (size_t i = 0; i < d->n_phrases; i++)
    for (size_t w = 0; w < d->phrases[i].n_words; w++) {
      const dict_word *dw = &d->phrases[i].words[w];
      for (size_t a = 0; a < dw->n_alts; a++)
        pairs[k++] = (pair){dw->alts[a], dw->alt_lens[a], (uint32_t)i, w == 0};
    }
  qsort(pairs, np, sizeof *pairs, pair_cmp);
  /* first-word pairs of a key sort before the others, by phrase id */
  size_t nk = 0, nids = 0;
  for (size_t i = 0; i < np; i++) {
    bool new_key = i == 0 || !same_key(&pairs[i], &pairs[i - 1]);
    if (new_key) nk++;
    if (pairs[i].first &&
        (new_key || !pairs[i - 1].first || pairs[i].id != pairs[i - 1].id))
      nids++;
  }
  size_t nslots = 16;
  while (nslots < nk * 2) nslots *= 2;
  d->keys = wa_alloc(d->alloc, (nk ? nk : 1) * sizeof *d->keys);
  d->ids = wa_alloc(d->alloc, (nids ? nids : 1) * sizeof *d->ids);
  d->slots = wa_calloc(d->alloc, nslots, sizeof *d->slots);
  if (!d->keys || !d->ids || !d->slots) {
    wa_free(d->alloc, pairs);
    return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  }
  d->n_slots = nslots;
  size_t ki = 0, ii = 0;
  for (size_t i = 0; i < np; i++) {
    bool new_key = i == 0 || !same_key(&pairs[i], &pairs[i - 1]);
    if (new_key)
      d->keys[ki++] = (dict_key){pairs[i].key, pairs[i].len, (uint32_t)ii, 0};
    if (!pairs[i].first ||
        (!new_key && pairs[i - 1].first && pairs[i].id == pairs[i - 1].id))
      continue;
    d->ids[ii++] = pairs[i].id;
    d->keys[ki - 1].count++;
  }
  d->n_keys = nk;
  d->n_ids = nids;
  for (size_t i = 0; i < nk; i++) {
    size_t h = (size_t)hash_bytes(d->keys[i].key, d->keys[i].len) & (nslots - 1);
    while (d->slots[h]) h = (h + 1) & (nslots - 1);
    d->slots[h] = (uint32_t)(i + 1);
  }
  wa_free(d->alloc, pairs);
  /* every phrase word learns the key id of each alternative */
  for (size_t i = 0; i < d->n_phrases; i++)
    for (size_t w = 0; w < d->phrases[i].n_words; w++) {
      dict_word *dw = (dict_word *)&d->phrases[i].words[w]; /* ours */
      if (dw->n_alts == 0) continue;
      uint32_t *ids = arena_alloc(&d->ar, dw->n_alts * sizeof *ids);
      if (!ids) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
      for (size_t a = 0; a < dw->n_alts; a++)
        ids[a] = dict_lookup(d, dw->alts[a], dw->alt_lens[a]).key;
      dw->alt_keys = ids;
    }
  return WASIT_OK;
}

/* Contract in dict.h. */
dict_hits dict_lookup(const wasit_dict *d, const char *s, size_t len) {
  dict_hits none = {NULL, 0, DICT_NO_KEY};
  if (!d->n_slots || len == 0) return none;
  size_t mask = d->n_slots - 1;
  size_t h = (size_t)hash_bytes(s, len) & mask;
  while (d->slots[h]) {
    const dict_key *k = &d->keys[d->slots[h] - 1];
    if (k->len == len && memcmp(k->key, s, len) == 0)
      return (dict_hits){d->ids + k->start, k->count, d->slots[h] - 1};
    h = (h + 1) & mask;
  }
  return none;
}
