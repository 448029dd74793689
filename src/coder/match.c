/*
** match.c: token keys and phrase matching for the coder (src/coder, 3).
**
** A token is read through every clitic split the text layer offers
** (وبالجيش -> و + ب + ال + جيش); each split's stem, with a leading ال
** stripped by the dictionary's own rule (dict_key_strip), is one match key.
** A dictionary phrase matches at token i when each of its words has an
** alternative equal to one key of the next token; `*` skips up to three
** tokens but never a punctuation mark.  Input: tokens of one sentence.
**
** Cost: each key costs one hash probe, when the token is read (coder_keys);
** it yields the key's id, its candidate phrases and its word classes.  A
** phrase word is then checked against a token by integer compares only:
** first a 64-bit Bloom filter (token key ids against the word's alternative
** ids) rejects most words with one AND, then the few survivors compare ids.
**
** The closed word classes the rules test (negation, future, conditional
** particles, casualty nouns ...) come from dict/ar/grammar.txt; each token
** ORs its keys' classes once, so a rule's test is a single bit test.
*/
#include "coder.h"

#include <stddef.h>
#include <string.h>

/* Clitics a "plain" reading may carry (coder_tok_is without any_split). */
#define PLAIN_CLITICS (TXT_CL_WA | TXT_CL_FA | TXT_CL_ENC | TXT_CL_AL)

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

/* Add key k[0..len) (clitic bits cl, strip: ال was stripped) to token c
** unless it has it already.  One hash probe gives the key's phrases, id
** and word classes; the token's summaries (class masks, clitic bits,
** Bloom filter) and the key's kok[] readings are made here, once, so the
** matching and the rules never loop over keys for them. */
static void add_key(const coder_sent *s, coder_tok *c, const char *k,
                    size_t len, uint8_t cl, uint8_t strip) {
  for (uint8_t j = 0; j < c->nk; j++)
    if (c->klen[j] == len && wa_bytes_eq(c->key[j], k, len)) return;
  if (c->nk >= CODER_MAX_KEYS) return;
  uint8_t n = c->nk++;
  dict_hits h = dict_lookup(s->dict, k, len);
  c->key[n] = k;
  c->klen[n] = (uint16_t)len;
  c->kcl[n] = cl;
  c->kstrip[n] = strip;
  c->hits[n] = h;
  c->kclass[n] = h.classes;
  c->kid[n] = h.key;
  /* a verb form takes no article and no ب/ك: للأمم is no أمم, بايدن no
  ** أيد + ن; a name written with ال needs ال on the text word too */
  uint8_t ok = 0;
  if (h.key != DICT_NO_KEY) {
    ok |= CODER_K_ID;
    c->bloom |= dict_key_bloom(h.key);
  }
  if (!strip && !(cl & (TXT_CL_AL | TXT_CL_BI | TXT_CL_KA))) ok |= CODER_K_VERB;
  if (strip || (cl & TXT_CL_AL)) ok |= CODER_K_ART;
  c->kok[n] = ok;
  c->cl_any |= cl;
  c->cls_any |= h.classes;
  if (!(cl & ~PLAIN_CLITICS)) c->cls_plain |= h.classes;
}

/* The keys of word or Latin token t into c (whose fields from nk on are
** clear): one add_key per clitic split, and one more for the split with
** a leading ال stripped. */
static void token_keys(const coder_sent *s, const txt_token *t, coder_tok *c) {
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

/* ------------------------------------------------------------ key memo */
/*
** The keys of a token depend only on its normalized bytes, its kind and
** whether the original ends in ة (see token_keys): the splits are made
** from the normalized bytes, and each key's hash probe, classes and
** readings from the key.  News repeats its words (the same few thousand
** forms make most of the tokens), and the probes were the coder's most
** cache-missing work, so one coder remembers the key sets of the forms it
** met last: a direct-mapped table of MEMO_SLOTS entries, each replaced by
** the next form that hashes to its slot.  A hit copies the entry into
** the token; key strings are kept as offsets into the word, so they
** point into the current document.  Words longer than MEMO_WORD_MAX
** bytes and tokens with more than MEMO_KEYS keys (under 1% of the forms
** of Arabic news) are not kept.  Sizes: 8192 slots of 224 bytes (1.8
** MB); 4096 held the forms of about half the tokens of real news, and
** doubling them took 2% of the instructions off the GSR file (more
** words of real news are found again) for 0.9 MB more per thread; the
** table is not cleared (see txt_memo_block).
*/
#define MEMO_SLOTS 8192     /* a power of two */
#define MEMO_WORD_MAX 32
#define MEMO_KEYS 4

typedef struct memo_key {
  dict_hits hits;           /* kid and kclass are hits.key, hits.classes */
  uint16_t len;
  uint8_t off;              /* the key starts off bytes into the word */
  uint8_t cl, strip, kok;
} memo_key;

typedef struct memo_entry {
  uint8_t len;              /* word bytes */
  uint8_t kind;             /* enum txt_token_kind */
  uint8_t tm;               /* the original ends in ة */
  uint8_t nk, cl_any;
  dict_classes cls_any, cls_plain;
  uint64_t bloom;
  char word[MEMO_WORD_MAX];
  memo_key keys[MEMO_KEYS];
} memo_entry;

struct coder_memo {
  uint64_t used[MEMO_SLOTS / 64];   /* bit i: slot[i] holds an entry */
  memo_entry slot[MEMO_SLOTS];      /* not cleared: read only when used */
};

/* Contract in coder.h. */
coder_memo *coder_memo_new(const wasit_allocator *alloc) {
  return txt_memo_block(alloc, sizeof(coder_memo),
                        sizeof(((coder_memo *)0)->used));
}

/* Contract in coder.h. */
void coder_memo_free(coder_memo *m, const wasit_allocator *alloc) {
  wa_free(alloc, m);
}

/* The memo slot number for token t (word w[0..n), ta marbuta flag tm). */
static uint32_t memo_slot(const txt_token *t, const char *w, size_t n,
                          bool tm) {
  uint32_t h = txt_hash(w, n) ^ (uint32_t)t->kind * 0x9E3779B1u ^
               (tm ? 0x5bd1e995u : 0);
  return (h ^ h >> 16) & (MEMO_SLOTS - 1);
}

/* Fill c from slot i of m when it holds token word w; true on a hit. */
static bool memo_get(const coder_memo *m, uint32_t i, const txt_token *t,
                     const char *w, bool tm, coder_tok *c) {
  if (!txt_memo_used(m->used, i)) return false;
  const memo_entry *e = &m->slot[i];
  if (e->len != t->norm_len || e->kind != t->kind || e->tm != tm ||
      !wa_bytes_eq(e->word, w, e->len))
    return false;
  for (uint8_t k = 0; k < e->nk; k++) {
    const memo_key *mk = &e->keys[k];
    c->key[k] = w + mk->off;
    c->klen[k] = mk->len;
    c->kcl[k] = mk->cl;
    c->kstrip[k] = mk->strip;
    c->hits[k] = mk->hits;
    c->kclass[k] = mk->hits.classes;
    c->kid[k] = mk->hits.key;
    c->kok[k] = mk->kok;
  }
  c->nk = e->nk;
  c->cl_any = e->cl_any;
  c->cls_any = e->cls_any;
  c->cls_plain = e->cls_plain;
  c->bloom = e->bloom;
  return true;
}

/* Keep c, the keys of token word w, in slot i of m (when they fit). */
static void memo_put(coder_memo *m, uint32_t i, const txt_token *t,
                     const char *w, bool tm, const coder_tok *c) {
  if (c->nk > MEMO_KEYS) return;
  txt_memo_set_used(m->used, i);
  memo_entry *e = &m->slot[i];
  for (uint8_t k = 0; k < c->nk; k++)
    e->keys[k] = (memo_key){c->hits[k], c->klen[k], (uint8_t)(c->key[k] - w),
                            c->kcl[k], c->kstrip[k], c->kok[k]};
  e->len = (uint8_t)t->norm_len;
  e->kind = t->kind;
  e->tm = tm;
  e->nk = c->nk;
  e->cl_any = c->cl_any;
  e->cls_any = c->cls_any;
  e->cls_plain = c->cls_plain;
  e->bloom = c->bloom;
  memcpy(e->word, w, t->norm_len);
}

/* Contract in coder.h.  The tokens are not zeroed whole (a coder_tok is
** about a kilobyte, mostly per-key arrays that add_key fills): only the
** fields from nk on are cleared; the whole-token memset was 6% of the
** instructions.  Word and Latin tokens go through the memo when there is
** one (see above). */
int coder_keys(coder_sent *s, wa_arena *ar) {
  s->ct = arena_alloc(ar, (s->n ? s->n : 1) * sizeof *s->ct);
  if (!s->ct) return WASIT_ENOMEM;
  const size_t head = offsetof(coder_tok, nk);
  for (uint32_t i = 0; i < s->n; i++) {
    const txt_token *t = &s->toks[i];
    coder_tok *c = &s->ct[i];
    memset((char *)c + head, 0, sizeof *c - head);
    /* no gap filter yet (every bit set: match_gap always looks); the
    ** actors, matched next, have no gaps, and coder.c sets the real
    ** filters once the free marks are known (coder_gap_blooms) */
    c->gap_bloom = ~(uint64_t)0;
    c->gap_span = CODER_GAP_UNKNOWN;
    if (t->kind == TXT_PUNCT) {
      c->punct = punct_class(txt_tok_norm(s->doc, t), t->norm_len);
      continue;
    }
    if (t->kind != TXT_WORD && t->kind != TXT_LATIN) continue;
    const char *w = txt_tok_norm(s->doc, t);
    if (s->memo == NULL || t->norm_len == 0 || t->norm_len > MEMO_WORD_MAX) {
      token_keys(s, t, c);
      continue;
    }
    bool tm = t->orig_len >= 2 &&
              memcmp(s->doc->text + t->orig_start + t->orig_len - 2,
                     "\xd8\xa9", 2) == 0;
    uint32_t slot = memo_slot(t, w, t->norm_len, tm);
    if (memo_get(s->memo, slot, t, w, tm, c)) continue;
    token_keys(s, t, c);
    memo_put(s->memo, slot, t, w, tm, c);
  }
  return WASIT_OK;
}

/* Contract in coder.h. */
bool coder_gap_swallows(const coder_sent *s, uint32_t j, uint32_t x,
                        uint32_t *counted) {
  if (x >= s->n || x - j >= CODER_GAP_MAX || s->ct[x].punct == 1) return false;
  if (s->ct[x].free || s->ct[x].place) return true;
  if (x > 0 && s->ct[x - 1].punct == 2 && coder_tok_has_clitic(s, x, TXT_CL_WA))
    return false;
  return ++*counted <= 3;
}

/* Contract in coder.h.  The landings of a gap at j follow match_gap's
** rule; their OR-ed filters let match_gap reject a gap without a loop,
** and the last landing (gap_span) lets it walk them without asking
** coder_gap_swallows at each one.
**
** coder_gap_swallows refuses the first token x >= j that is CODER_GAP_MAX
** past j, or ends a clause (punct 1), or is no free word (neither `free`
** nor `place`) and follows a comma with و, or is the fourth word it counts
** (not free).  Only the
** first test depends on j, so one backward pass keeps the nearest
** stopping token and the four nearest counted ones, and a gap's last
** landing is the nearest of those limits.
**
** The landings' filter is an OR over a window [j, last] whose two ends
** only move left as j does.  With a pivot p inside it, that is the OR of
** [j, p) (grown one token at a time) and of [p, last] (read from the
** prefix ORs made from p when it was chosen); when last passes left of
** p, the window starts a new pivot at j.  Each token enters the prefix
** ORs once, so a sentence costs a few operations per token (sentences of
** more than GAP_PIVOT_MAX tokens OR each window in a loop). */
#define GAP_PIVOT_MAX 1024
void coder_gap_blooms(coder_sent *s) {
  uint32_t n = s->n, stop = n;   /* first stopping token at or after j */
  uint32_t counted[4] = {n, n, n, n};   /* counted tokens at or after j,
                                           nearest first */
  uint64_t pre[GAP_PIVOT_MAX];   /* pre[k] = OR of blooms p..k */
  uint64_t front = 0;            /* OR of blooms j+1..p-1 */
  uint32_t p = n;                /* the pivot */
  for (uint32_t j = n; j-- > 0;) {
    coder_tok *t = &s->ct[j];
    if (t->punct == 1) {
      stop = j;
    } else if (!t->free && !t->place) {
      if (j > 0 && s->ct[j - 1].punct == 2 && (t->cl_any & TXT_CL_WA)) {
        stop = j;
      } else {
        counted[3] = counted[2];
        counted[2] = counted[1];
        counted[1] = counted[0];
        counted[0] = j;
      }
    }
    uint32_t last = j + CODER_GAP_MAX;   /* may be n: past the end */
    if (stop < last) last = stop;
    if (counted[3] < last) last = counted[3];
    uint32_t e = last < n ? last : n - 1;   /* the last real landing */
    uint64_t b = 0;
    if (n > GAP_PIVOT_MAX) {
      for (uint32_t x = j; x <= e; x++) b |= s->ct[x].bloom;
    } else if (e < p) {   /* a new pivot at j */
      p = j;
      front = 0;
      for (uint32_t x = j; x <= e; x++) pre[x] = b |= s->ct[x].bloom;
    } else {
      front |= t->bloom;
      b = front | pre[e];
    }
    t->gap_bloom = b;
    t->gap_span = (uint8_t)(last - j);
  }
}

/* Does some key of token i equal an alternative of w and allow w's reading
** (CODER_K_*)?  Integer work only: the Bloom filters reject most words at
** once; the survivors compare key ids. */
static bool word_match(const coder_sent *s, const dict_word *w, uint32_t i) {
  const coder_tok *t = &s->ct[i];
  if (!(t->bloom & w->alt_bloom)) return false;
  uint8_t need = CODER_K_ID | (w->verbal ? CODER_K_VERB : 0) |
                 (w->article ? CODER_K_ART : 0);
  for (uint8_t k = 0; k < t->nk; k++) {
    if ((t->kok[k] & need) != need) continue;
    uint32_t id = t->kid[k];
    if (w->key1 != DICT_NO_KEY) {
      if (id == w->key1) return true;
      continue;
    }
    for (uint16_t a = 0; a < w->n_alts; a++)
      if (w->alt_keys[a] == id) return true;
  }
  return false;
}

static uint32_t match_from(const coder_sent *s, const dict_phrase *p,
                           uint32_t wi, uint32_t j, uint32_t *pos);

/* Words wi.. of p from token j, where word wi is a gap `*`: it skips what
** coder_gap_swallows allows (up to three words, not counting actor names
** and dates: the VSO subject sits between a verb and its object); the shortest
** skip that lets the rest match wins.  Returns the end token or 0.
** `need` is the Bloom filter of the plain word after the gap (0 when
** there is none): a landing token that misses it is passed over here, as
** most are, which is far cheaper than a call. */
static uint32_t match_gap(const coder_sent *s, const dict_phrase *p,
                          uint32_t wi, uint32_t j, uint64_t need,
                          uint32_t *pos) {
  /* no landing at all can hold the next word: done at once */
  if (need && (j >= s->n || !(s->ct[j].gap_bloom & need))) return 0;
  if (j < s->n && s->ct[j].gap_span != CODER_GAP_UNKNOWN) {
    /* the landings are known (coder_gap_blooms): the same walk as below */
    for (uint32_t x = j, last = j + s->ct[j].gap_span; x <= last; x++)
      if (!need || (x < s->n && (s->ct[x].bloom & need))) {
        uint32_t r = match_from(s, p, wi + 1, x, pos);
        if (r) return r;
      }
    return 0;
  }
  uint32_t counted = 0;
  for (uint32_t x = j;; x++) {  /* x: where the rest would start */
    if (!need || (x < s->n && (s->ct[x].bloom & need))) {
      uint32_t r = match_from(s, p, wi + 1, x, pos);
      if (r) return r;
    }
    if (!coder_gap_swallows(s, j, x, &counted)) break;
  }
  return 0;
}

/* Words wi.. of p from token j: the end token, or 0 when they do not
** match.  Runs of plain words are a loop; only a gap recurses (through
** match_gap), so the recursion depth is the number of gaps. */
static uint32_t match_from(const coder_sent *s, const dict_phrase *p,
                           uint32_t wi, uint32_t j, uint32_t *pos) {
  for (; wi < p->n_words; wi++, j++) {
    const dict_word *w = &p->words[wi];
    if (w->gap) {
      const dict_word *next = wi + 1 < p->n_words ? w + 1 : NULL;
      return match_gap(s, p, wi, j, next && !next->gap ? next->alt_bloom : 0,
                       pos);
    }
    if (j >= s->n || !word_match(s, w, j)) return 0;
    if (pos) pos[wi] = j;
  }
  return j;
}

/* True when phrase id x is in the ascending list ids[0..n).  Branch-free
** halving (the compiler makes the step a conditional move): the lists
** are hot, but an ordinary binary search mispredicts at every step. */
static bool has_phrase(const uint32_t *ids, size_t n, uint32_t x) {
  if (n == 0) return false;
  const uint32_t *base = ids;
  while (n > 1) {
    size_t half = n / 2;
    base = base[half] <= x ? base + half : base;
    n -= half;
  }
  return *base == x;
}

/* word_match() for the first word of p, giving the first key that
** matches (or -1), answered from the token and the phrase table alone:
** a one-alternative word is its key id (p->w0_key); otherwise key k's id
** is an alternative exactly when p is among hits[k] (the index lists the
** phrases by first word).  The word's reading limits are copied into p.
** Why: loading p->words cost a cache miss per candidate phrase. */
static int first_word_key(const coder_sent *s, const dict_phrase *p,
                          uint32_t i) {
  const coder_tok *t = &s->ct[i];
  uint8_t need = CODER_K_ID | (p->w0_verbal ? CODER_K_VERB : 0) |
                 (p->w0_article ? CODER_K_ART : 0);
  for (uint8_t k = 0; k < t->nk; k++) {
    if ((t->kok[k] & need) != need) continue;
    if (p->w0_key != DICT_NO_KEY) {
      if (t->kid[k] == p->w0_key) return k;
    } else if (dict_key_bloom(t->kid[k]) & p->w0_bloom) {
      /* the index lists actor phrases apart from the others (dict_hits) */
      const dict_hits *h = &t->hits[k];
      bool found = p->cat == DICT_C_ACTOR
                       ? has_phrase(h->ids, h->n_act, p->id)
                       : has_phrase(h->ids + h->n_act, h->n - h->n_act, p->id);
      if (found) return k;
    }
  }
  return -1;
}

/* Contract in coder.h (coder_match, which has already tested i and the
** second word's Bloom filter).  Most candidates are settled by the
** summaries in the phrase itself (dict.h); the phrase's words are read
** only for a candidate that survives. */
uint32_t coder_match_at(const coder_sent *s, const dict_phrase *p, uint32_t i,
                        uint32_t *first_end, uint8_t *cl0, uint32_t *pos) {
  int k0 = first_word_key(s, p, i);
  if (k0 < 0) return 0;
  if (pos) pos[0] = i;
  uint32_t end = p->n_words > 1 && p->first_run == 1
                     ? match_gap(s, p, 1, i + 1, p->gap1_bloom, pos)
                     : match_from(s, p, 1, i + 1, pos);
  if (!end) return 0;
  *first_end = i + p->first_run;
  *cl0 = s->ct[i].kcl[k0];
  return end;
}
