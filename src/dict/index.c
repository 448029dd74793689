/*
** index.c: the first-word hash index of the dictionary (src/dict, stage 2).
**
** After parsing, every alternative of every phrase word becomes a key with
** an id; the index maps a key to the list of phrase ids whose FIRST word
** has it (empty for keys seen only later in phrases): the actor phrases,
** then the others, each part sorted (dict_hits), and each phrase
** word records the key id of each alternative.  The coder looks up each
** token stem once (word-at-a-time hash, open addressing with linear
** probing, load factor <= 0.5), then checks the rest of a candidate phrase by comparing
** key ids, never strings.  The grammar words (grammar.txt word classes)
** live in the same table: a phrase key carries its classes, and a grammar
** word that is no phrase word gets an entry of its own after the phrase
** keys, so one probe per token stem answers both questions.  Built once,
** then read-only, in the dictionary's arena (huge pages: every table here
** is read at random).  Typical size: 10^4 keys.
*/
#include "dict_int.h"

#include <stdlib.h>
#include <string.h>

/* Put keys[i], whose dict_hash_bytes() is h, into the first free slot of its
** probe sequence; the slot keeps the high half of the hash as a tag. */
static void slot_insert(wasit_dict *d, size_t i, uint64_t h) {
  size_t mask = d->n_slots - 1;
  size_t at = (size_t)h & mask;
  while (d->slots[at]) at = (at + 1) & mask;
  d->slots[at] = (h >> 32 << 32) | (uint64_t)(i + 1);
}

/* The index of the key s[0..len) in d->keys, or -1.  A probe compares the
** slot's hash tag first, so a word that is not in the table (most text
** words) is rejected without touching keys[] or the key strings. */
static long key_find(const wasit_dict *d, const char *s, size_t len) {
  size_t mask = d->n_slots - 1;
  uint64_t h = dict_hash_bytes(s, len);
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
      /* a set, not an OR: dict_finish merged equal words, so each key
      ** has one grammar word at most */
      d->keys[i].classes = &gw->mask;
      continue;
    }
    d->keys[n] = (dict_key){.key = gw->key, .len = gw->len, .classes = &gw->mask};
    slot_insert(d, n, dict_hash_bytes(gw->key, gw->len));
    n++;
  }
}

/* The sieve words of the actor phrases cands[0, n) of a list (dict.h,
** dict_sieve_mask), or 0 when they get none; with `out` (zeroed), write
** them there. */
static size_t sieve_list(const dict_cand *cands, uint32_t n, uint64_t *out) {
  if (n < DICT_SIEVE_MIN || n > DICT_SIEVE_MAX) return 0;
  size_t nw = (n + 63) / 64;
  uint64_t present = 0;
  for (uint32_t x = 0; x < n; x++)
    if (cands[x].on == DICT_ON_WORD) present |= cands[x].next;
  size_t size = 1 + 2 * nw + dict_popcount(present) * nw;
  if (!out) return size;
  out[0] = present;
  for (uint32_t x = 0; x < n; x++) {
    uint64_t bit = (uint64_t)1 << (x % 64);
    if (cands[x].on == DICT_ON_ANY) {
      out[1 + x / 64] |= bit;
    } else if (cands[x].on == DICT_ON_GAP) {
      out[1 + nw + x / 64] |= bit;
    } else {
      for (uint64_t b = cands[x].next; b; b &= b - 1)
        out[1 + 2 * nw + dict_popcount(present & ((b & -b) - 1)) * nw +
            x / 64] |= bit;
    }
  }
  return size;
}

/* head.sieve and the keys' sieve offsets.  When the table would not fit
** the 31-bit offsets, no key gets one (the coder then tests every
** candidate). */
static int sieve_build(wasit_dict *d, wasit_error *err) {
  size_t total = 1;   /* word 0: offset 0 means none */
  for (size_t k = 0; k < d->n_keys; k++)
    total += sieve_list(d->cands + d->keys[k].start, d->keys[k].n_act, NULL);
  if (total == 1 || total > INT32_MAX) return WASIT_OK;
  uint64_t *sv = arena_calloc(&d->ar, total, sizeof *sv);
  if (!sv) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  size_t at = 1;
  for (size_t k = 0; k < d->n_keys; k++) {
    dict_key *key = &d->keys[k];
    size_t n = sieve_list(d->cands + key->start, key->n_act, sv + at);
    if (!n) continue;
    key->sieve = (uint32_t)at;
    at += n;
  }
  d->head.sieve = sv;
  return WASIT_OK;
}

/* The one Bloom bit of plain word w, when all its alternatives set the
** same one (the matcher's pre-tests read it as a single bit); else
** DICT_NO_BIT, and for a gap. */
static uint8_t sole_bloom_bit(const dict_word *w) {
  return !w->gap && __builtin_popcountll(w->alt_bloom) == 1
             ? (uint8_t)__builtin_ctzll(w->alt_bloom) : DICT_NO_BIT;
}

/* Contract in dict_int.h.
**
** Why hashing and not sorting: every alternative of every phrase word
** (a few 10^4; the words of a file with the same text share theirs, and
** the first of them resolves them, load.c word_memo) needs its key id,
** and the keys need their first-word phrase lists.  Sorting all (key,
** phrase) pairs to find the distinct keys was half of the loading time;
** one pass through a scratch hash table gives each distinct string an id
** in order of first appearance (ids are only compared for equality and
** fed to Bloom filters, so their order does not matter) and counts its
** first-word phrases, and a second pass fills the lists.  Phrases are
** visited in ascending order, so each part of a list comes out ascending
** without a sort. */
int dict_index_build(wasit_dict *d, wasit_error *err) {
  size_t np = d->n_alts;   /* every alternative a distinct key at most */
  size_t tslots = 16;
  while (tslots < np * 2) tslots *= 2;
  /* scratch, one block: per key its hash (written before it is read),
  ** then, zeroed, the last phrase (+1) that counted it and the scratch
  ** table (key index + 1; 0 = empty) */
  size_t scratch = np * (sizeof(uint64_t) + sizeof(uint32_t)) +
                   tslots * sizeof(uint32_t);
  char *blk = wa_alloc(d->alloc, scratch);
  /* keys[] is scratch too while pass 1 finds the keys (room for every
  ** alternative a distinct key); then the keys found move to the arena */
  dict_key *all_keys =
      wa_alloc(d->alloc, (np + d->n_gwords + 1) * sizeof *all_keys);
  d->keys = all_keys;
  if (!blk || !all_keys) {
    wa_free(d->alloc, blk);
    wa_free(d->alloc, all_keys);
    d->keys = NULL;
    return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  }
  memset(blk + np * sizeof(uint64_t), 0, scratch - np * sizeof(uint64_t));
  uint64_t *khash = (uint64_t *)(void *)blk;
  uint32_t *last = (uint32_t *)(void *)(blk + np * sizeof(uint64_t));
  uint32_t *tab = last + np;
  size_t tmask = tslots - 1, nk = 0, nids = 0;
  int rc = WASIT_OK;
  /* pass 1: key ids, each word's alt_keys and Bloom filter, and the
  ** number of distinct phrases each key starts */
  for (size_t i = 0; i < d->n_phrases; i++)
    for (size_t w = 0; w < d->head.phrases[i].n_words; w++) {
      dict_word *dw = (dict_word *)&d->head.phrases[i].words[w]; /* ours */
      dw->alt_bloom = 0;
      dw->key1 = DICT_NO_KEY;
      dw->need = dict_need_of(dw->verbal, dw->article);
      if (dw->n_alts == 0) continue;
      /* the words of one file with the same text share their alt_keys
      ** (load.c, word_memo): the first of them resolves them */
      uint32_t *ids = (uint32_t *)dw->alt_keys;   /* ours */
      bool resolve = ids[0] == DICT_NO_KEY;
      for (size_t a = 0; a < dw->n_alts; a++) {
        uint32_t k = ids[a];
        if (resolve) {
          const char *s = dw->alts[a];
          uint32_t len = dw->alt_lens[a];
          uint64_t h = dict_hash_bytes(s, len);
          size_t at = (size_t)h & tmask;
          for (;; at = (at + 1) & tmask) {
            if (tab[at] == 0) {   /* a new key */
              k = (uint32_t)nk++;
              tab[at] = k + 1;
              khash[k] = h;
              d->keys[k] = (dict_key){.key = s, .len = len};
              break;
            }
            k = tab[at] - 1;
            if (khash[k] == h && d->keys[k].len == len &&
                wa_bytes_eq(d->keys[k].key, s, len))
              break;
          }
          ids[a] = k;
        }
        dw->alt_bloom |= dict_key_bloom(k);
        if (w == 0 && last[k] != i + 1) {
          last[k] = (uint32_t)i + 1;
          d->keys[k].count++;
          if (d->head.phrases[i].cat == DICT_C_ACTOR) d->keys[k].n_act++;
          nids++;
        }
      }
      if (dw->n_alts == 1) dw->key1 = ids[0];
    }
  /* the keys found (about a third of that room) and the grammar words
  ** to come; then pass 2: the first-word lists, ascending by phrase id */
  dict_key *keys = arena_alloc(&d->ar, (nk + d->n_gwords + 1) * sizeof *keys);
  d->ids = arena_alloc(&d->ar, (nids ? nids : 1) * sizeof *d->ids);
  d->cands = arena_alloc(&d->ar, (nids ? nids : 1) * sizeof *d->cands);
  size_t nslots = 16;
  while (nslots < (nk + d->n_gwords) * 2) nslots *= 2;
  d->slots = arena_calloc(&d->ar, nslots, sizeof *d->slots);
  if (!keys || !d->ids || !d->cands || !d->slots) {
    rc = WA_ERR(err, WASIT_ENOMEM, "out of memory");
    goto done;
  }
  memcpy(keys, all_keys, nk * sizeof *keys);
  d->keys = keys;
  /* the scratch table is no longer needed (tslots >= 2 nk): its halves
  ** count the actor phrases and the other phrases of key k in place */
  uint32_t start = 0;
  for (size_t k = 0; k < nk; k++) {
    d->keys[k].start = start;
    start += d->keys[k].count;
    last[k] = 0;
  }
  uint32_t *fill_act = tab, *fill_other = tab + nk;
  memset(tab, 0, 2 * nk * sizeof *tab);
  for (size_t i = 0; i < d->n_phrases; i++) {
    if (d->head.phrases[i].n_words == 0) continue;
    const dict_word *dw = &d->head.phrases[i].words[0];
    bool actor = d->head.phrases[i].cat == DICT_C_ACTOR;
    for (size_t a = 0; a < dw->n_alts; a++) {
      uint32_t k = dw->alt_keys[a];
      if (last[k] == i + 1) continue;   /* a repeated alternative */
      last[k] = (uint32_t)i + 1;
      dict_key *key = &d->keys[k];
      d->ids[actor ? key->start + fill_act[k]++
                   : key->start + key->n_act + fill_other[k]++] = (uint32_t)i;
      if (d->head.phrases[i].cat == DICT_C_PLACE &&
          d->head.phrases[i].n_words == 1)
        key->one_word_place = 1;
    }
  }
  d->n_keys = nk;
  d->n_ids = nids;
  d->n_slots = nslots;
  for (size_t k = 0; k < nk; k++) slot_insert(d, k, khash[k]);
  add_grammar_words(d);
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
    const dict_word *nw = p->n_words > 1 && !w[1].gap   ? &w[1]
                          : p->n_words > 2 && !w[2].gap ? &w[2]
                                                        : NULL;
    p->next_key = nw ? nw->key1 : DICT_NO_KEY;
    p->w0_need = w[0].need;
    p->next_need = nw ? nw->need : DICT_N_ID;
    p->gap_after_bit = run + 2 < p->n_words && !w[run + 1].gap
                           ? sole_bloom_bit(&w[run + 2]) : DICT_NO_BIT;
    p->gap_gap_bit = run == 1 && p->n_words > 4 && p->next_key != DICT_NO_KEY &&
                             !w[2].gap && w[3].gap
                         ? sole_bloom_bit(&w[4]) : DICT_NO_BIT;
    p->gap2_key = DICT_NO_KEY;
    p->gap2_need = DICT_N_ID;
    p->gap2_bit = DICT_NO_BIT;
    if (run == 1 && p->n_words > 3 && w[2].gap && !w[3].gap &&
        w[3].key1 != DICT_NO_KEY) {
      p->gap2_key = w[3].key1;
      p->gap2_need = w[3].need;
      if (p->n_words > 4) p->gap2_bit = sole_bloom_bit(&w[4]);
    }
  }
  /* the candidate lists as the coder walks them (dict_cand) */
  for (size_t j = 0; j < nids; j++) {
    const dict_phrase *p = &d->head.phrases[d->ids[j]];
    dict_cand *c = &d->cands[j];
    c->id = d->ids[j];
    if (p->w1_bloom) {
      c->next = p->w1_bloom;
      c->on = DICT_ON_WORD;
    } else if (p->gap1_bloom) {
      c->next = p->gap1_bloom;
      c->on = DICT_ON_GAP;
    } else {
      c->next = ~(uint64_t)0;
      c->on = DICT_ON_ANY;
    }
  }
  rc = sieve_build(d, err);
done:
  wa_free(d->alloc, blk);
  if (d->keys == all_keys) d->keys = NULL;   /* failed before the move */
  wa_free(d->alloc, all_keys);
  return rc;
}

/* Contract in dict.h.  A grammar-only entry (index >= n_keys) reports
** DICT_NO_KEY: no phrase word has that form. */
dict_hits dict_lookup(const wasit_dict *d, const char *s, size_t len) {
  dict_hits none = {.key = DICT_NO_KEY};
  if (!d->n_slots || len == 0) return none;
  long i = key_find(d, s, len);
  if (i < 0) return none;
  const dict_key *k = &d->keys[i];
  uint32_t id = (size_t)i < d->n_keys ? (uint32_t)i : DICT_NO_KEY;
  return (dict_hits){.ids = d->ids + k->start,
                     .cands = d->cands + k->start,
                     .n = k->count,
                     .key = id,
                     .n_act = k->n_act,
                     .one_word_place = k->one_word_place,
                     .sieve = k->sieve,
                     .classes = k->classes};
}
