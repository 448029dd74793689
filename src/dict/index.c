/*
** index.c: the first-word hash index of the dictionary (src/dict, stage 2).
**
** After parsing, every alternative of every phrase word becomes a key with
** an id; the index maps a key to the sorted list of phrase ids whose FIRST
** word has it (empty for keys seen only later in phrases), and each phrase
** word records the key id of each alternative.  The coder looks up each
** token stem once (word-at-a-time hash, open addressing with linear
** probing, load factor <= 0.5), then checks the rest of a candidate phrase by comparing
** key ids, never strings.  The grammar words (grammar.txt word classes)
** live in the same table: a phrase key carries its classes, and a grammar
** word that is no phrase word gets an entry of its own after the phrase
** keys, so one probe per token stem answers both questions.  Built once,
** then read-only.  Typical size: 10^4 keys.
*/
#include "dict_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct pair {
  uint64_t pre, pre2;   /* key bytes 0-7 and 8-15 (see pair_prefix) */
  const char *key;
  uint32_t len;
  uint32_t id;     /* phrase index */
  bool first;      /* the alternative of the phrase's first word */
} pair;

/* Hash of s[0..n) for the slot table.  It reads 8 bytes at a time (a
** typical key is 6-14 bytes of Arabic, so one or two multiply rounds)
** where byte-wise FNV-1a needed a multiply per byte.  A short tail is read
** as two overlapping loads, which cover every byte once n is mixed in; the
** final shifts fold the high bits into the low bits the table mask keeps. */
static uint64_t hash_bytes(const char *s, size_t n) {
  const uint64_t k = 0x9E3779B97F4A7C15ULL;
  const char *end = s + n;
  uint64_t h = (uint64_t)n * k, w;
  for (; end - s >= 8; s += 8) {
    memcpy(&w, s, 8);
    h = (h ^ w) * k;
    h ^= h >> 29;
  }
  size_t r = (size_t)(end - s);
  if (r > 0) {
    if (n >= 8) {
      memcpy(&w, end - 8, 8);   /* overlaps bytes already hashed */
    } else if (r >= 4) {
      uint32_t a, b;
      memcpy(&a, s, 4);
      memcpy(&b, end - 4, 4);
      w = a | (uint64_t)b << 32;
    } else {
      w = (unsigned char)s[0] | (uint64_t)(unsigned char)s[r / 2] << 8 |
          (uint64_t)(unsigned char)s[r - 1] << 16;
    }
    h = (h ^ w) * k;
  }
  h ^= h >> 32;
  h *= k;
  return h ^ (h >> 29);
}

/* Bytes from..from+7 of s[0..n) as a big-endian number, missing bytes 0.
** Two keys whose prefixes differ compare as their prefixes do: where they
** first differ either both bytes are real (memcmp order) or one key has
** ended (the shorter sorts first, as in pair_cmp, and a real byte there
** is non-zero or the prefixes would not differ). */
static uint64_t pair_prefix(const char *s, size_t n, size_t from) {
  uint64_t v = 0;
  for (size_t i = from; i < from + 8; i++)
    v = v << 8 | (i < n ? (unsigned char)s[i] : 0u);
  return v;
}

/* Total order of pairs: key bytes, then key length, first-word pairs
** first, then phrase id.  Equal prefixes mean equal bytes 0-15, so only
** two keys both longer than that need memcmp (most keys are shorter). */
static int pair_cmp(const pair *x, const pair *y) {
  if (x->pre != y->pre) return x->pre < y->pre ? -1 : 1;
  if (x->pre2 != y->pre2) return x->pre2 < y->pre2 ? -1 : 1;
  size_t n = x->len < y->len ? x->len : y->len;
  int c = n > 16 ? memcmp(x->key + 16, y->key + 16, n - 16) : 0;
  if (c) return c;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  if (x->first != y->first) return x->first ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Sort a[0..n) by pair_cmp, stably, with tmp[0..n) as scratch.  Why not
** qsort: loading the dictionaries sorts ~10^5 pairs, and qsort's call
** through a pointer per comparison plus a memcmp call was half of the
** load time (a third of `wasit code` on a 1 MB file).  Insertion-sorted
** runs of 16, then bottom-up merges between a and tmp; the result is
** copied back when it ends in tmp. */
static void pair_sort(pair *a, pair *tmp, size_t n) {
  enum { RUN = 16 };
  for (size_t lo = 0; lo < n; lo += RUN) {
    size_t hi = lo + RUN < n ? lo + RUN : n;
    for (size_t i = lo + 1; i < hi; i++) {
      pair v = a[i];
      size_t j = i;
      for (; j > lo && pair_cmp(&v, &a[j - 1]) < 0; j--) a[j] = a[j - 1];
      a[j] = v;
    }
  }
  pair *src = a, *dst = tmp;
  for (size_t w = RUN; w < n; w *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * w) {
      size_t mid = lo + w < n ? lo + w : n;
      size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
      size_t i = lo, j = mid, o = lo;
      while (i < mid && j < hi)   /* ties take the left run: stable */
        dst[o++] = pair_cmp(&src[j], &src[i]) < 0 ? src[j++] : src[i++];
      while (i < mid) dst[o++] = src[i++];
      while (j < hi) dst[o++] = src[j++];
    }
    pair *t = src;
    src = dst;
    dst = t;
  }
  if (src != a) memcpy(a, src, n * sizeof *a);
}

static bool same_key(const pair *a, const pair *b) {
  return a->len == b->len && memcmp(a->key, b->key, a->len) == 0;
}

/* Put keys[i] into the first free slot of its probe sequence; the slot
** keeps the high half of the hash as a tag. */
static void slot_insert(wasit_dict *d, size_t i) {
  size_t mask = d->n_slots - 1;
  uint64_t h = hash_bytes(d->keys[i].key, d->keys[i].len);
  size_t at = (size_t)h & mask;
  while (d->slots[at]) at = (at + 1) & mask;
  d->slots[at] = (h >> 32 << 32) | (uint64_t)(i + 1);
}

/* The index of the key s[0..len) in d->keys, or -1.  A probe compares the
** slot's hash tag first, so a word that is not in the table (most text
** words) is rejected without touching keys[] or the key strings. */
static long key_find(const wasit_dict *d, const char *s, size_t len) {
  size_t mask = d->n_slots - 1;
  uint64_t h = hash_bytes(s, len);
  uint64_t tag = h >> 32;
  for (size_t at = (size_t)h & mask; d->slots[at]; at = (at + 1) & mask) {
    uint64_t v = d->slots[at];
    if (v >> 32 != tag) continue;
    uint32_t i = (uint32_t)v - 1;
    const dict_key *k = &d->keys[i];
    if (k->len == len && wa_bytes_eq(k->key, s, len)) return (long)i;
  }
  return -1;
}

/* Give every grammar word (sorted and merged by dict_finish) its classes
** in the table: on its phrase key when it has one, else on a new key with
** no phrases after the n_keys phrase keys.  keys[] and slots[] were sized
** for this.  Why: the coder then learns a token stem's phrases and classes
** with one probe instead of a hash probe plus a binary search. */
static void add_grammar_words(wasit_dict *d) {
  size_t n = d->n_keys;
  for (size_t g = 0; g < d->n_gwords; g++) {
    const dict_gword *gw = &d->gwords[g];
    if (gw->len == 0) continue;
    long i = key_find(d, gw->key, gw->len);
    if (i >= 0) {
      d->keys[i].classes |= gw->mask;
      continue;
    }
    d->keys[n] = (dict_key){gw->key, gw->len, 0, 0, gw->mask};
    slot_insert(d, n++);
  }
}

/* Contract in dict_int.h. */
int dict_index_build(wasit_dict *d, wasit_error *err) {
  size_t np = 0;
  for (size_t i = 0; i < d->n_phrases; i++)
    for (size_t w = 0; w < d->head.phrases[i].n_words; w++)
      np += d->head.phrases[i].words[w].n_alts;
  /* one block: the pairs, then the sort's scratch */
  pair *pairs = wa_alloc(d->alloc, (np ? 2 * np : 1) * sizeof *pairs);
  if (!pairs) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  size_t k = 0;
  for (size_t i = 0; i < d->n_phrases; i++)
    for (size_t w = 0; w < d->head.phrases[i].n_words; w++) {
      const dict_word *dw = &d->head.phrases[i].words[w];
      for (size_t a = 0; a < dw->n_alts; a++)
        pairs[k++] = (pair){pair_prefix(dw->alts[a], dw->alt_lens[a], 0),
                            pair_prefix(dw->alts[a], dw->alt_lens[a], 8),
                            dw->alts[a], dw->alt_lens[a], (uint32_t)i, w == 0};
    }
  pair_sort(pairs, pairs + np, np);
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
  while (nslots < (nk + d->n_gwords) * 2) nslots *= 2;
  d->keys = wa_alloc(d->alloc, (nk + d->n_gwords + 1) * sizeof *d->keys);
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
      d->keys[ki++] = (dict_key){pairs[i].key, pairs[i].len, (uint32_t)ii, 0, 0};
    if (!pairs[i].first ||
        (!new_key && pairs[i - 1].first && pairs[i].id == pairs[i - 1].id))
      continue;
    d->ids[ii++] = pairs[i].id;
    d->keys[ki - 1].count++;
  }
  d->n_keys = nk;
  d->n_ids = nids;
  for (size_t i = 0; i < nk; i++)
    slot_insert(d, i);
  wa_free(d->alloc, pairs);
  add_grammar_words(d);
  /* every phrase word learns the key id of each alternative, and the
  ** Bloom filter of those ids */
  for (size_t i = 0; i < d->n_phrases; i++)
    for (size_t w = 0; w < d->head.phrases[i].n_words; w++) {
      dict_word *dw = (dict_word *)&d->head.phrases[i].words[w]; /* ours */
      dw->alt_bloom = 0;
      dw->key1 = DICT_NO_KEY;
      if (dw->n_alts == 0) continue;
      uint32_t *ids = arena_alloc(&d->ar, dw->n_alts * sizeof *ids);
      if (!ids) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
      for (size_t a = 0; a < dw->n_alts; a++) {
        ids[a] = dict_lookup(d, dw->alts[a], dw->alt_lens[a]).key;
        dw->alt_bloom |= dict_key_bloom(ids[a]);
      }
      dw->alt_keys = ids;
      if (dw->n_alts == 1) dw->key1 = ids[0];
    }
  /* the word summaries each phrase carries for the matcher (dict.h) */
  for (size_t i = 0; i < d->n_phrases; i++) {
    dict_phrase *p = &d->head.phrases[i];
    const dict_word *w = p->words;
    uint8_t run = 1;
    while (run < p->n_words && !w[run].gap) run++;
    p->first_run = run;
    p->w0_bloom = w[0].alt_bloom;
    p->w1_bloom = p->n_words > 1 && !w[1].gap ? w[1].alt_bloom : 0;
    p->gap1_bloom = p->n_words > 2 && w[1].gap && !w[2].gap ? w[2].alt_bloom : 0;
    p->id = (uint32_t)i;
    p->w0_key = w[0].key1;
    p->w0_verbal = w[0].verbal;
    p->w0_article = w[0].article;
  }
  return WASIT_OK;
}

/* Contract in dict.h.  A grammar-only entry (index >= n_keys) reports
** DICT_NO_KEY: no phrase word has that form. */
dict_hits dict_lookup(const wasit_dict *d, const char *s, size_t len) {
  dict_hits none = {NULL, 0, DICT_NO_KEY, 0};
  if (!d->n_slots || len == 0) return none;
  long i = key_find(d, s, len);
  if (i < 0) return none;
  const dict_key *k = &d->keys[i];
  uint32_t id = (size_t)i < d->n_keys ? (uint32_t)i : DICT_NO_KEY;
  return (dict_hits){d->ids + k->start, k->count, id, k->classes};
}
