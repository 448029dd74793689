/*
** dict_int.h: the private layout of wasit_dict, shared by load.c (parsing)
** and index.c (hash index).  Nothing outside src/dict includes it; the
** coder goes through dict.h.
*/
#ifndef WASIT_DICT_INT_H
#define WASIT_DICT_INT_H

#include "dict.h"

#include <string.h>

/* One distinct first-word key of the index: ids[start .. start+count),
** the n_act actor phrases first (see dict_hits). */
typedef struct dict_key {
  const char *key;
  uint32_t len;
  uint32_t start, count;
  uint32_t n_act;        /* actor phrases among the count */
  uint32_t one_word_place; /* dict_hits.one_word_place */
  uint32_t sieve;        /* dict_hits.sieve */
  const dict_classes *classes; /* dict_hits.classes: the mask of its
                            grammar word in gwords[], NULL for most keys */
} dict_key;

/* CAMEO codes are 2-4 digits: "DD" 0..99, "DDD" 100..1099, "DDDD"
** 1100..11099 (dict_code_slot in load.c). */
#define DICT_CODE_SLOTS 11100

struct wasit_dict {
  dict_head head;              /* must stay first (dict.h): head.phrases,
                                  .actors, .verbs, .places */
  const wasit_allocator *alloc;
  wasit_allocator alloc_copy;  /* the caller's allocator, copied */
  wa_arena ar;                 /* every string and phrase word, the
                                  index and, once frozen, the tables
                                  (arena_init_huge) */

  /* head.actors */      size_t n_actors, cap_actors;
  /* head.verbs */       size_t n_verbs, cap_verbs;
  /* head.places */      size_t n_places, cap_places;
  dict_cameo *cameo;    size_t n_cameo, cap_cameo;
  /* cameo_slot[dict_code_slot(code)]: 1 + the index in cameo[] of that
  ** code, 0 when none (dict_cameo_find: loading verbs.txt asks for the
  ** code of every pattern) */
  uint16_t cameo_slot[DICT_CODE_SLOTS];
  /* verb_slot[dict_code_slot(code)]: 1 + the index in verbs[] of the first
  ** verbs.txt entry with that code, 0 when none (dict_verb_find by code:
  ** the coder recodes events by code, and a scan of the verbs each time
  ** was a visible cost) */
  uint32_t verb_slot[DICT_CODE_SLOTS];
  /* verb_ids: open addressing (load factor <= 1/2) of 1 + an index in
  ** head.verbs, 0 = empty, by the hash of the pattern's id; until
  ** dict_finish.  Why: verbs.txt's duplicate-id check compared each new id
  ** with every earlier one (542 ids, 2.5 % of the load) */
  uint32_t *verb_ids;   size_t cap_verb_ids;
  const char **discards;size_t n_discards, cap_discards; /* ids */
  /* head.phrases */    size_t n_phrases, cap_phrases;
  size_t n_alts;        /* the alternatives of all phrase words, those of
                           words that share them (load.c, word_memo)
                           once: the most keys the index can find */
  dict_gword *gwords;   size_t n_gwords, cap_gwords; /* sorted at finish;
                           never moved after it (not even into ar): the
                           index's keys and every dict_hits point at the
                           masks here (dict_key.classes) */

  bool frozen;          /* dict_finish has moved phrases, actors, verbs,
                           places and cameo into ar (huge pages: the coder
                           reads them at random); they no longer grow and
                           are not freed one by one */

  /* index (dict_finish), in ar: read at random, in huge pages */
  dict_key *keys;       size_t n_keys;  /* phrase-word keys; grammar-only
                                           words follow them in keys[] */
  uint64_t *slots;      size_t n_slots;  /* 0 = empty, else key index + 1
                                           in the low 32 bits and the
                                           key's hash >> 32 above */
  uint32_t *ids;        size_t n_ids;
  dict_cand *cands;     /* n_ids: cands[j] describes phrase ids[j] */
};

/* Hash of s[0..n) for the slot table (index.c), for the index's scratch
** table and for load.c's word memo.  It reads 8 bytes at a time (a
** typical key is 6-14 bytes of Arabic, so one or two multiply rounds)
** where byte-wise FNV-1a needed a multiply per byte.  A short tail is read
** as two overlapping loads, which cover every byte once n is mixed in; the
** final shifts fold the high bits into the low bits the table mask keeps. */
static inline uint64_t dict_hash_bytes(const char *s, size_t n) {
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

/* index.c: build keys/slots/ids from phrases. */
int dict_index_build(wasit_dict *d, wasit_error *err);

#endif
