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

#include <assert.h>
#include <stddef.h>
#include <string.h>

/* Clitics a "plain" reading may carry (coder_tok_is without any_split). */
#define PLAIN_CLITICS (TXT_CL_WA | TXT_CL_FA | TXT_CL_ENC | TXT_CL_AL)

static uint8_t punct_class(const char *s, size_t len) {
  /* ، (U+060C) and ',' separate phrases; . ! ? ؟ ؛ ; : end a clause */
  if (len == 1)   /* strchr(".!?;:", c) inline (it also finds c = NUL) */
    switch (*s) {
    case ',': return 2;
    case '.': case '!': case '?': case ';': case ':': case '\0': return 1;
    default: return 0;
    }
  if (len == 2 && (unsigned char)s[0] == 0xD8) {
    unsigned char c = (unsigned char)s[1];
    if (c == 0x8C) return 2;               /* U+060C Arabic comma */
    if (c == 0x9F || c == 0x9B) return 1;  /* U+061F ؟, U+061B ؛ */
  }
  return 0;
}

/* Add key k[0..len) (clitic bits cl, strip: ال was stripped) to token c,
** whose keys are keys[0..c->nk), unless it has it already.  One hash
** probe gives the key's phrases, id and word classes; the token's
** summaries (class masks, clitic bits, Bloom filter) and the key's
** readings (ok) are made here, once, so the matching and the rules never
** loop over keys for them. */
static void add_key(const coder_sent *s, coder_tok *c, coder_key *keys,
                    const char *k, size_t len, uint8_t cl, uint8_t strip,
                    bool noun) {
  for (uint8_t j = 0; j < c->nk; j++)
    if (keys[j].len == len && wa_bytes_eq(keys[j].s, k, len)) return;
  if (c->nk >= CODER_MAX_KEYS) return;
  dict_hits h = dict_lookup(s->dict, k, len);
  /* a verb form takes no article and no ب/ك: للأمم is no أمم, بايدن no
  ** أيد + ن; a name written with ال needs ال on the text word too */
  uint8_t ok = 0;
  if (h.key != DICT_NO_KEY) {
    ok |= CODER_K_ID;
    c->bloom |= dict_key_bloom(h.key);
  }
  if (!strip && !noun && !(cl & (TXT_CL_AL | TXT_CL_BI | TXT_CL_KA)))
    ok |= CODER_K_VERB;
  ok |= strip || (cl & TXT_CL_AL) ? CODER_K_ART : CODER_K_BARE;
  keys[c->nk++] = (coder_key){h, k, (uint16_t)len, cl, strip, ok};
  c->names |= (uint64_t)1 << coder_name_bit(k, len);
  c->cl_any |= cl;
  if (h.n_act) c->cands |= CODER_C_ACTOR;
  if (h.n > h.n_act) c->cands |= CODER_C_OTHER;
  if (h.one_word_place) c->cands |= CODER_C_PLACE;
  if (cl & TXT_CL_SA) c->cands |= CODER_C_SA;
  if (h.classes) {
    if (dict_cls_meet(*h.classes, CODER_MENTION_CLASSES))
      c->cands |= CODER_C_MENTION;
    if (dict_cls_has(*h.classes, CW_INSTRUMENT)) c->cands |= CODER_C_INSTRUMENT;
    c->cls_any = dict_cls_or(c->cls_any, *h.classes);
    if (!(cl & ~PLAIN_CLITICS)) c->cls_plain = dict_cls_or(c->cls_plain, *h.classes);
  }
}

/* Does token t's original end in ة (ta marbuta, which normalization makes
** ه)?  Its keys depend on it (token_keys), so the memo keys on it too. */
static bool ends_in_ta_marbuta(const coder_sent *s, const txt_token *t) {
  return txt_tok_orig_ends(s->doc, t, "\xd8\xa9");
}

/* The keys of word or Latin token t into keys (room for CODER_MAX_KEYS)
** and the summaries of c (zeroed): one add_key per clitic split, and one
** more for the split with a leading ال stripped. */
static void token_keys(const coder_sent *s, const txt_token *t, coder_tok *c,
                       coder_key *keys) {
  bool ta_marbuta = ends_in_ta_marbuta(s, t);
  bool ends_in_ya = txt_tok_ends(s->doc, t, "\xd9\x8a"); /* ي */
  for (int k = 0; k < t->n_splits && k < TXT_MAX_SPLITS; k++) {
    size_t len;
    const char *stem = txt_tok_stem(s->doc, t, k, &len);
    if (len == 0 || len > t->norm_len) continue;
    /* the split removed a one-letter enclitic pronoun (ه ك ي) */
    bool one_letter = t->splits[k].suf == 2 &&
                      (t->splits[k].clitics & TXT_CL_ENC);
    /* a final ة is no enclitic pronoun: وزارة must not read as و + زار + ه */
    if (one_letter && ta_marbuta) continue;
    /* a verb takes "me" as ني, never as ي: "على أيدي مسلحين" (hands) is
    ** no أيد (to back) + ي */
    bool noun = one_letter && ends_in_ya;
    size_t slen = len;
    const char *stripped = dict_key_strip(stem, &slen);
    add_key(s, c, keys, stem, len, t->splits[k].clitics, 0, noun);
    if (stripped != stem)
      add_key(s, c, keys, stripped, slen, t->splits[k].clitics, 1, noun);
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
** met last: a direct-mapped table of CODER_MEMO_SLOTS entries, each
** replaced by the next form that maps to its slot.
**
** The record of a word form is shared with the text layer: its word memo
** gave the token the id of its form (txt_token.form), and the entry is
** found by that id and the ة flag, with no hash and no compare of bytes.
** Invariant (token.c): tokens with the same nonzero form have the same
** bytes, so an entry made for (form, ة) is right for every token with
** them; the coder's memo must only ever see the forms of one txt_memo
** (wasit_coder owns one of each).  Words without a form (Latin words,
** words over TXT_MEMO_WORD_MAX bytes) and tokens with more than
** MEMO_KEYS keys (under 1% of the forms of Arabic news) are not kept.
**
** A hit is one copy of the token the entry keeps (coder_tok, as
** coder_keys makes it), and its keys are not copied: they point into the
** entry, whose keys[].s point into its own copy of the word.  Invariant:
** an entry whose keys a token of the current document took (doc equal to
** the memo's count of documents, coder_memo_doc) is not replaced until
** the next document; a form that maps to it meanwhile has its keys made
** in the arena, as for words not kept (and words with no key).  So the
** keys of every sentence of a document stay as they were made until the
** document is done.
**
** Sizes: 8192 slots of 392 bytes (3.2 MB); 4096 held the forms of about
** half the tokens of real news, and doubling them took 2% of the
** instructions off the GSR file (more words of real news are found
** again; measured when an entry was smaller: at 384 bytes the second
** half costs 1.6 MB per thread); the table is not cleared (see
** txt_memo_block).
*/
#define MEMO_KEYS 4

typedef struct memo_entry {
  uint32_t form;            /* txt_token.form of the word */
  uint32_t doc;             /* coder_memo.doc when a token last took it */
  coder_tok tok;            /* the token as coder_keys makes it, keys
                               pointing to keys[] (nk > 0) and no marks:
                               a hit is one copy */
  coder_key keys[MEMO_KEYS];/* as token_keys made them, but for keys[].s,
                               which point into word */
  char word[TXT_MEMO_WORD_MAX];
} memo_entry;

struct coder_memo {
  uint64_t used[CODER_MEMO_SLOTS / 64]; /* bit i: slot[i] holds an entry */
  uint32_t doc;                     /* documents begun (coder_memo_doc) */
  memo_entry slot[CODER_MEMO_SLOTS];/* not cleared: read only when used */
};

/* Contract in coder.h. */
coder_memo *coder_memo_new(const wasit_allocator *alloc) {
  coder_memo *m = txt_memo_block(alloc, sizeof(coder_memo),
                                 sizeof(((coder_memo *)0)->used));
  if (m != NULL) m->doc = 0;
  return m;
}

/* Contract in coder.h. */
void coder_memo_free(coder_memo *m, const wasit_allocator *alloc) {
  wa_free_huge(alloc, m);
}

/* Contract in coder.h.  After 2^32 documents the count comes back to a
** value that entries may hold: they then stay until the next document,
** which costs hits, not results. */
void coder_memo_doc(coder_memo *m) { m->doc++; }

/* The memo slot number of form `form` (nonzero) with ة flag tm.  Ids are
** given in order, so the forms met last fill distinct slots; the forms
** whose original ends in ة take the other half's.  So the two readings
** of a form never share a slot, and the slot and the form give the flag:
** an entry is found by its form alone. */
static uint32_t memo_slot(uint32_t form, bool tm) {
  return (form ^ (tm ? CODER_MEMO_SLOTS / 2 : 0)) & (CODER_MEMO_SLOTS - 1);
}

/* The entry of slot i (memo_slot of token t) of m when it holds t, else
** NULL. */
static memo_entry *memo_find(coder_memo *m, uint32_t i, const txt_token *t) {
  memo_entry *e = &m->slot[i];
  if (!txt_memo_used(m->used, i) || e->form != t->form) return NULL;
  return e;
}

/* Set c to the token of entry e, whose keys it now holds until the
** document's end. */
static void memo_get(const coder_memo *m, memo_entry *e, coder_tok *c) {
  e->doc = m->doc;
  *c = e->tok;
}

/* Keep token c (as coder_keys made it, 0 < nk), whose keys are
** keys[0..c->nk), of word w, in slot i (its memo_slot) of m and return its
** entry; NULL when they do not fit or a token of this document holds the
** slot (see above). */
static memo_entry *memo_put(coder_memo *m, uint32_t i, const txt_token *t,
                            const char *w, const coder_tok *c,
                            const coder_key *keys) {
  memo_entry *e = &m->slot[i];
  if (c->nk > MEMO_KEYS || (txt_memo_used(m->used, i) && e->doc == m->doc))
    return NULL;
  /* a word with a form fits: the word memo gives none to a longer one */
  assert(t->form != 0 && t->norm_len <= sizeof e->word);
  txt_memo_set_used(m->used, i);
  memcpy(e->word, w, t->norm_len);
  for (uint8_t k = 0; k < c->nk; k++) {
    e->keys[k] = keys[k];
    e->keys[k].s = e->word + (keys[k].s - w);
  }
  e->form = t->form;
  e->tok = *c;
  e->tok.keys = e->keys;
  return e;
}

/* The memo slot of token t, or MEMO_NONE when t bypasses the memo;
** the slot's first lines are prefetched. */
#define MEMO_NONE UINT32_MAX
static uint32_t memo_prefetch(const coder_sent *s, const txt_token *t) {
  if (t->form == 0) return MEMO_NONE;   /* no form: not kept */
  bool tm = ends_in_ta_marbuta(s, t);
  uint32_t slot = memo_slot(t->form, tm);
  const char *e = (const char *)&s->memo->slot[slot];
  __builtin_prefetch(e);
  __builtin_prefetch(e + 64);
  __builtin_prefetch(e + 128);
  return slot;
}

/* ------------------------------------------------------------ gap memo */
/*
** The candidate phrases of a token often share a gap and the plain word
** after it (dozens of appeal patterns are "دعا * إلى ..."), and each one
** walked the same landings to find that word.  A sentence keeps its last
** such walks in a small direct-mapped table: for a gap whose landings
** are tokens j..last and a next word of one key id (key, need: gap_next),
** the mask of the landings j + b that hold it (bit b; a gap spans at most
** CODER_GAP_MAX tokens, so 17 bits).  Invariant: an entry's mask is that
** of its (j, last, key, need) in the sentence of coder_keys, which
** empties the table; the keys of a token never change after it.
*/
#define GAP_MEMO_SLOTS 8    /* a power of two */

typedef struct gap_walk {
  uint32_t j;               /* the gap's first token; UINT32_MAX: empty */
  uint32_t last;            /* its last landing (maybe n, past the end) */
  uint32_t key;             /* the next word's key id */
  uint32_t mask;            /* bit b: token j + b holds it */
  uint8_t need;             /* the readings its key needs (dict_word.need) */
} gap_walk;

struct coder_gapmemo {
  gap_walk slot[GAP_MEMO_SLOTS];
};

static void gap_memo_clear(struct coder_gapmemo *g) {
  for (size_t i = 0; i < GAP_MEMO_SLOTS; i++) g->slot[i].j = UINT32_MAX;
}

/* Fill s->ct[i] from token i, whose memo slot is `slot` (MEMO_NONE: it
** bypasses the memo), with scratch room for its keys.  WASIT_OK/ENOMEM. */
static int token_fill(coder_sent *s, uint32_t i, uint32_t slot,
                      coder_key *scratch, wa_arena *ar) {
  const txt_token *t = &s->toks[i];
  coder_tok *c = &s->ct[i];
  memo_entry *e = slot == MEMO_NONE ? NULL : memo_find(s->memo, slot, t);
  if (e != NULL) {
    memo_get(s->memo, e, c);
    return WASIT_OK;
  }
  memset(c, 0, sizeof *c);
  /* no gap filter yet (every bit set: match_gap always looks); the
  ** actors, matched next, have no gaps, and coder.c sets the real
  ** filters once the free marks are known (coder_gap_blooms) */
  c->gap_bloom = ~(uint64_t)0;
  c->gap_span = CODER_GAP_UNKNOWN;
  if (t->kind == TXT_PUNCT) {
    c->punct = punct_class(txt_tok_norm(s->doc, t), t->norm_len);
    c->cands = CODER_C_PUNCT;
    return WASIT_OK;
  }
  if (t->kind != TXT_WORD && t->kind != TXT_LATIN) return WASIT_OK;
  token_keys(s, t, c, scratch);
  if (c->nk == 0) return WASIT_OK;
  const char *w = txt_tok_norm(s->doc, t);
  e = slot == MEMO_NONE ? NULL : memo_put(s->memo, slot, t, w, c, scratch);
  if (e != NULL) {
    memo_get(s->memo, e, c);
    return WASIT_OK;
  }
  coder_key *keys = arena_alloc(ar, c->nk * sizeof *keys);
  if (!keys) return WASIT_ENOMEM;
  for (uint8_t k = 0; k < c->nk; k++) keys[k] = scratch[k];
  c->keys = keys;
  return WASIT_OK;
}

/* Contract in coder.h.  Words with a form go through the memo when there
** is one (see above): a token takes its keys from the memo's entry, or
** they are made in a scratch array and kept there, or, when the entry
** cannot take them, packed into the arena.  The memo slots of a
** sentence's tokens are found first, and prefetched: the table is larger
** than the L2 cache, and a probe that waited for its slot was a tenth of
** coder_keys' time.
**
** The lists of the tokens coder_triggers, coder_actors and mark_free
** visit (s->visit) are made in the same pass: a third of the tokens or
** fewer are on each, and their loops asked two to four tests of every
** token.  A word's `cands` bits are made once per word form (add_key,
** kept in the memo), so a token costs one load here.  Invariant: list l
** holds, in order, exactly the tokens whose cands meet its CODER_V_*
** bits; cands never changes after this pass. */
int coder_keys(coder_sent *s, wa_arena *ar) {
  uint32_t n = s->n ? s->n : 1;
  s->ct = arena_alloc(ar, n * sizeof *s->ct);
  uint32_t *slots = s->memo ? arena_alloc(ar, n * sizeof *slots) : NULL;
  s->gaps = arena_alloc(ar, sizeof *s->gaps);
  s->visit = arena_alloc(ar, CODER_VISITS * (size_t)n * sizeof *s->visit);
  if (!s->ct || (s->memo && !slots) || !s->gaps || !s->visit)
    return WASIT_ENOMEM;
  gap_memo_clear(s->gaps);
  if (slots)
    for (uint32_t i = 0; i < s->n; i++) slots[i] = memo_prefetch(s, &s->toks[i]);
  coder_key scratch[CODER_MAX_KEYS];
  /* the sentence's summaries, in the same pass (ct[i] is final after
  ** token_fill), in locals that need not be stored for each token */
  dict_classes any = {{0}}, plain = {{0}};
  uint32_t *trig_at = s->visit, *ment_at = trig_at + s->n,
           *mark_at = ment_at + s->n;   /* the lists, as coder_visit */
  uint32_t n_trig = 0, n_ment = 0, n_mark = 0;   /* their lengths */
  for (uint32_t i = 0; i < s->n; i++) {
    if (token_fill(s, i, slots ? slots[i] : MEMO_NONE, scratch, ar))
      return WASIT_ENOMEM;
    const coder_tok *c = &s->ct[i];
    any = dict_cls_or(any, c->cls_any);
    plain = dict_cls_or(plain, c->cls_plain);
    uint8_t cands = c->cands;
    if (cands & CODER_V_TRIG) trig_at[n_trig++] = i;
    if (cands & CODER_V_MENTION) ment_at[n_ment++] = i;
    if (cands & CODER_V_MARK) mark_at[n_mark++] = i;
  }
  s->cls_any = any;
  s->cls_plain = plain;
  s->n_visit[CODER_VISIT_TRIG] = n_trig;
  s->n_visit[CODER_VISIT_MENTION] = n_ment;
  s->n_visit[CODER_VISIT_MARK] = n_mark;
  return WASIT_OK;
}

/* Does token x open a clause of its own after a comma with "meanwhile"
** or "also" (فيما, بينما, كما)?  A gap does not run into it: "طالب
** بتحقيق مستقل، كما دانت الخارجية الفرنسية الانتهاكات" is no inquiry
** into violations, and the condemnation is an act of its own. */
static inline bool comma_clause(const coder_sent *s, uint32_t x) {
  return x > 0 && s->ct[x - 1].punct == 2 &&
         (coder_tok_is(s, x, CW_MEANWHILE, false) || coder_tok_is(s, x, CW_ALSO, false));
}

/* Contract in coder.h. */
bool coder_gap_swallows(const coder_sent *s, uint32_t j, uint32_t x,
                        uint32_t *counted) {
  if (x >= s->n || x - j >= CODER_GAP_MAX || s->ct[x].punct == 1) return false;
  if (comma_clause(s, x)) return false;
  if (s->ct[x].free || s->ct[x].aside) return true;
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
** past j, or ends a clause (punct 1), or opens one after a comma
** (comma_clause), or is no free word (neither `free`
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
    if (t->punct == 1 || comma_clause(s, j)) {
      stop = j;
    } else if (!t->free && !t->aside) {
      /* و first: few words carry it, and t is at hand */
      if ((t->cl_any & TXT_CL_WA) && j > 0 && s->ct[j - 1].punct == 2) {
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

/* Does some key of t allow the readings `need` and have id `key`? */
static bool tok_has_key(const coder_tok *t, uint8_t need, uint32_t key) {
  for (uint8_t k = 0; k < t->nk; k++)
    if ((t->keys[k].ok & need) == need && t->keys[k].hits.key == key)
      return true;
  return false;
}

/* Does some key of token i equal an alternative of w and allow w's reading
** (CODER_K_*)?  Integer work only: the Bloom filters reject most words at
** once; the survivors compare key ids. */
static bool word_match(const coder_sent *s, const dict_word *w, uint32_t i) {
  const coder_tok *t = &s->ct[i];
  if (!(t->bloom & w->alt_bloom)) return false;
  uint8_t need = w->need;
  if (w->key1 != DICT_NO_KEY) return tok_has_key(t, need, w->key1);
  for (uint8_t k = 0; k < t->nk; k++) {
    if ((t->keys[k].ok & need) != need) continue;
    uint32_t id = t->keys[k].hits.key;
    for (uint16_t a = 0; a < w->n_alts; a++)
      if (w->alt_keys[a] == id) return true;
  }
  return false;
}

static uint32_t match_from(const coder_sent *s, const dict_phrase *p,
                           uint32_t wi, uint32_t j, uint32_t *pos);

/* What a gap's walk knows of the plain word after the gap. */
typedef struct gap_next {
  uint64_t bloom;        /* its Bloom filter, 0 when there is no such word */
  uint32_t key;          /* its one alternative's key id, or DICT_NO_KEY */
  uint8_t need;          /* the readings a key needs for it (dict_word.need) */
} gap_next;

/* May landing x of a gap hold the word after it (nx's filter)?  Most
** landings fail this, which the walks test inline: far cheaper than a
** call. */
static inline bool gap_may_land(const coder_sent *s, uint32_t x,
                                const gap_next *nx) {
  return !nx->bloom || (x < s->n && (s->ct[x].bloom & nx->bloom));
}

/* May words wi + 2.. of p match from token j, the token after landing j - 1
** of the gap at word wi that holds word wi + 1?  false only when they
** certainly do not: for the first gap, word wi + 2's Bloom bit from the
** phrase table (dict_phrase.gap_after_bit), as word_match would test it
** at j first; a quotation mark at j, which match_from reads through, is
** left to match_from.  Why: most landings fail there, and match_from's
** first read of p->words is a cache miss. */
static inline bool gap_after_may(const coder_sent *s, const dict_phrase *p,
                                 uint32_t wi, uint32_t j) {
  if (wi != p->first_run || p->gap_after_bit == DICT_NO_BIT) return true;
  if (j < s->n && s->ct[j].quote) return true;
  return j < s->n && ((s->ct[j].bloom >> p->gap_after_bit) & 1u);
}

/* Words wi + 1.. of p from landing x of the gap at word wi, which passed
** gap_may_land.  A next word of one key (from the phrase's summary: see
** coder_match_at) is matched here, so that p->words is read only for a
** landing that holds it. */
static uint32_t gap_landing(const coder_sent *s, const dict_phrase *p,
                            uint32_t wi, uint32_t x, const gap_next *nx,
                            uint32_t *pos) {
  if (nx->key == DICT_NO_KEY) return match_from(s, p, wi + 1, x, pos);
  if (x >= s->n || !tok_has_key(&s->ct[x], nx->need, nx->key)) return 0;
  if (!gap_after_may(s, p, wi, x + 1)) return 0;
  if (pos) pos[wi + 1] = x;
  return match_from(s, p, wi + 2, x + 1, pos);
}

/* The landings of the gap at j (last: its last landing) that hold the
** next word nx of one key, as a mask (bit b: token j + b), from s->gaps
** or walked and kept there.  The walk keeps exactly the landings where
** the walk of match_gap would go on to the words after nx. */
__attribute__((always_inline)) static inline uint32_t
gap_landings(const coder_sent *s, uint32_t j, uint32_t last,
             const gap_next *nx) {
  gap_walk *w = &s->gaps->slot[(nx->key ^ nx->need ^ j) & (GAP_MEMO_SLOTS - 1)];
  if (w->j == j && w->last == last && w->key == nx->key && w->need == nx->need)
    return w->mask;
  /* gap_may_land's loads and its end test taken out of the loop: the
  ** landings are j..min(last, s->n - 1) */
  uint32_t m = 0, end = last < s->n ? last + 1 : s->n;
  const uint64_t bloom = nx->bloom;
  for (uint32_t x = j; x < end; x++)
    if ((!bloom || (s->ct[x].bloom & bloom)) &&
        tok_has_key(&s->ct[x], nx->need, nx->key))
      m |= (uint32_t)1 << (x - j);
  *w = (gap_walk){j, last, nx->key, m, nx->need};
  return m;
}

/* The token after landing x of a word that the summary lk's phrases wait
** for: what gap_after_may would read there. */
static inline void lands_after(const coder_sent *s, uint32_t x,
                               coder_lands *lk) {
  if (x + 1 >= s->n) return;
  lk->after |= s->ct[x + 1].bloom;
  lk->after_gap |= s->ct[x + 1].gap_bloom;
  lk->quote |= s->ct[x + 1].quote;
}

/* Contract in coder.h.  One gap: the walk of match_gap_walk through the
** gap memo, whose landings match_gap_walk then reads again for the
** phrases that pass; gap_after_may's test at each landing that holds the
** word is the OR `after` (a bit is in the OR exactly when it is in the
** filter of some such landing's next token) and `quote`.
** Two gaps: the first gap's landings x are j..last (those past the
** sentence fail in match_from), and the second's from x are x..x +
** gap_span (match_gap_walk through gap_landings); these ranges all
** start within the first and so make one range, j to the farthest end.
** A token there that holds the word is where match_from would try the
** word after it (the second gap is not the first run's, so no
** gap_after_bit is tested on the way: this test is p's own). */
void coder_lands_fill(const coder_sent *s, uint32_t i, uint32_t key,
                      uint8_t need, uint8_t gaps, coder_lands *lk) {
  *lk = (coder_lands){key, need, gaps, 1, 1, 0, 0};
  uint32_t j = i + 1;
  if (j >= s->n || s->ct[j].gap_span == CODER_GAP_UNKNOWN || !s->gaps) return;
  uint32_t last = j + s->ct[j].gap_span;
  gap_next nx = {dict_key_bloom(key), key, need};
  lk->hit = lk->quote = 0;
  if (gaps == 1) {
    uint32_t m = gap_landings(s, j, last, &nx);
    lk->hit = m != 0;
    for (; m; m &= m - 1) lands_after(s, j + (uint32_t)__builtin_ctz(m), lk);
    return;
  }
  uint32_t reach = last;
  for (uint32_t x = j; x <= last && x < s->n; x++) {
    if (s->ct[x].gap_span == CODER_GAP_UNKNOWN) {
      lk->hit = lk->quote = 1;
      return;
    }
    if (x + s->ct[x].gap_span > reach) reach = x + s->ct[x].gap_span;
  }
  for (uint32_t y = j; y <= reach && y < s->n; y++)
    if (gap_may_land(s, y, &nx) && tok_has_key(&s->ct[y], need, key)) {
      lk->hit = 1;
      lands_after(s, y, lk);
    }
}

/* Words wi.. of p from token j, where word wi is a gap `*`: it skips what
** coder_gap_swallows allows (up to three words, not counting actor names
** and dates: the VSO subject sits between a verb and its object); the shortest
** skip that lets the rest match wins.  Returns the end token or 0.  nx
** describes the word after the gap (gap_landing). */
static uint32_t match_gap_walk(const coder_sent *s, const dict_phrase *p,
                               uint32_t wi, uint32_t j, const gap_next *nx,
                               uint32_t *pos) {
  if (j < s->n && s->ct[j].gap_span != CODER_GAP_UNKNOWN) {
    /* the landings are known (coder_gap_blooms): the same walk as below,
    ** for a next word of one key through the sentence's gap memo */
    if (nx->key != DICT_NO_KEY && s->gaps) {
      for (uint32_t m = gap_landings(s, j, j + s->ct[j].gap_span, nx); m;
           m &= m - 1) {
        uint32_t x = j + (uint32_t)__builtin_ctz(m);
        if (!gap_after_may(s, p, wi, x + 1)) continue;
        if (pos) pos[wi + 1] = x;
        uint32_t r = match_from(s, p, wi + 2, x + 1, pos);
        if (r) return r;
      }
      return 0;
    }
    for (uint32_t x = j, last = j + s->ct[j].gap_span; x <= last; x++)
      if (gap_may_land(s, x, nx)) {
        uint32_t r = gap_landing(s, p, wi, x, nx, pos);
        if (r) return r;
      }
    return 0;
  }
  uint32_t counted = 0;
  for (uint32_t x = j;; x++) {  /* x: where the rest would start */
    if (gap_may_land(s, x, nx)) {
      uint32_t r = gap_landing(s, p, wi, x, nx, pos);
      if (r) return r;
    }
    if (!coder_gap_swallows(s, j, x, &counted)) break;
  }
  return 0;
}

/* match_gap_walk after the test of the landings' filter: no landing at
** all can hold the next word, and the gap is done at once. */
static uint32_t match_gap(const coder_sent *s, const dict_phrase *p,
                          uint32_t wi, uint32_t j, const gap_next *nx,
                          uint32_t *pos) {
  if (nx->bloom && (j >= s->n || !(s->ct[j].gap_bloom & nx->bloom))) return 0;
  return match_gap_walk(s, p, wi, j, nx, pos);
}

/* Words wi.. of p from token j: the end token, or 0 when they do not
** match.  Runs of plain words are a loop; only a gap recurses (through
** match_gap), so the recursion depth is the number of gaps. */
static uint32_t match_from(const coder_sent *s, const dict_phrase *p,
                           uint32_t wi, uint32_t j, uint32_t *pos) {
  for (; wi < p->n_words; wi++, j++) {
    const dict_word *w = &p->words[wi];
    /* "أعرب عن "قلقه البالغ"": past the first gap, a quotation mark
    ** between two words of a run is read through (the word after a gap
    ** is where the gap landed, and the first run is filtered by the
    ** index summaries, so neither is moved) */
    if (j < s->n && s->ct[j].quote && wi >= p->first_run && !p->words[wi - 1].gap)
      while (j < s->n && s->ct[j].quote) j++;
    if (w->gap) {
      const dict_word *next = wi + 1 < p->n_words ? w + 1 : NULL;
      gap_next nx = {0, DICT_NO_KEY, 0};
      if (next && !next->gap)
        nx = (gap_next){next->alt_bloom, next->key1,
                        next->need};
      return match_gap(s, p, wi, j, &nx, pos);
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
** is an alternative exactly when p is among its hits (the index lists the
** phrases by first word), which key hit_key is known to be (coder_match).
** The word's reading limits are copied into p.
** Why: loading p->words cost a cache miss per candidate phrase. */
static int first_word_key(const coder_sent *s, const dict_phrase *p,
                          uint32_t i, int hit_key) {
  const coder_tok *t = &s->ct[i];
  uint8_t need = p->w0_need;
  for (uint8_t k = 0; k < t->nk; k++) {
    if ((t->keys[k].ok & need) != need) continue;
    if (k == hit_key) return k;
    const dict_hits *h = &t->keys[k].hits;
    if (p->w0_key != DICT_NO_KEY) {
      if (h->key == p->w0_key) return k;
    } else if (dict_key_bloom(h->key) & p->w0_bloom) {
      /* the index lists actor phrases apart from the others (dict_hits) */
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
                        int hit_key, uint32_t *first_end, uint8_t *cl0,
                        uint32_t *pos) {
  int k0 = first_word_key(s, p, i, hit_key);
  if (k0 < 0) return 0;
  if (pos) pos[0] = i;
  /* the plain word after the first (and a gap) from the phrase's
  ** summary, as word_match would: most candidates that get here fail on
  ** it, and then p->words, a cache miss, is never read (nor for a
  ** two-word phrase that matches) */
  uint8_t next_need = p->next_need;
  uint32_t end;
  if (p->n_words > 1 && p->first_run == 1) {
    gap_next nx = {p->gap1_bloom, p->next_key, next_need};
    /* match_gap's first test (nx.bloom against the landings' filter of
    ** i + 1) is coder_match's gap1_bloom test, which every caller has
    ** made (the contract in coder.h): the walk is called directly */
    end = match_gap_walk(s, p, 1, i + 1, &nx, pos);
  } else if (p->next_key != DICT_NO_KEY) {
    if (i + 1 >= s->n || !tok_has_key(&s->ct[i + 1], next_need, p->next_key))
      return 0;
    if (pos) pos[1] = i + 1;
    end = match_from(s, p, 2, i + 2, pos);
  } else if (p->n_words == 1) {
    end = i + 1;   /* what match_from answers at once, without its frame */
  } else {
    end = match_from(s, p, 1, i + 1, pos);
  }
  if (!end) return 0;
  *first_end = i + p->first_run;
  *cl0 = s->ct[i].keys[k0].cl;
  return end;
}
