/*
** coder.h: internal interface of the CAMEO coder (src/coder), stage 3 of the
** pipeline.  Input: a txt_doc from the text layer and a loaded wasit_dict.
** Output: wasit_event records (include/wasit.h) in the coder's arena.
**
** Steps per document (coder.c drives them):
**   match.c   per-token match keys (clitic splits, ال stripped), dictionary
**             phrase matching with gaps, closed-class word tests;
**   actors.c  actor mentions by longest match, agent+country combination,
**             dated roles, compound actors joined by و (groups);
**   events.c  triggers (verbs.txt), discard, negation, modes, clauses and
**             source/target assignment, casualties;
**   veto.c    frames in which a violent or protest word reports no new act
**             (trials, cause connectives, condemnations ...);
**   coder.c   wasit_coder_new/run/free, settling actor mentions (event
**             names, envoys' posts, constructs), dates, locations, records.
** Everything per document lives in the coder's arena, reset on each run.
*/
#ifndef WASIT_CODER_H
#define WASIT_CODER_H

#include "../base/base.h"
#include "../dict/dict.h"
#include "../text/text.h"

/* True when the NUL-terminated strings a and b are equal.  Inline: the
** rules compare actor and event codes (a few bytes) at every turn, and a
** strcmp call cost more than the comparison. */
static inline bool coder_streq(const char *a, const char *b) {
  /* b a short literal ("045", "NONE"): compare its bytes and NUL one by
  ** one against constants.  A byte of a is read only while the bytes
  ** before it matched b's (not NUL), so a is never read past its end. */
  if (__builtin_constant_p(__builtin_strlen(b)) && __builtin_strlen(b) < 8) {
    for (size_t i = 0; i <= __builtin_strlen(b); i++)
      if (a[i] != b[i]) return false;
    return true;
  }
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

/* The match keys of one token: stems of its clitic splits, as written and
** with a leading ال stripped, duplicates removed.  Punctuation and numbers
** have no keys. */
#define CODER_MAX_KEYS (2 * TXT_MAX_SPLITS)

/* One match key of a token. */
typedef struct coder_key {
  dict_hits hits;                /* dictionary phrases keyed by it; hits.key
                                    is its id (DICT_NO_KEY: none),
                                    hits.classes its grammar word classes
                                    (NULL: none) */
  const char *s;                 /* the key's bytes: in the document's
                                    normalized text, or in the key memo's
                                    copy of the word (match.c), which lasts
                                    until the document is coded */
  uint16_t len;
  uint8_t cl;                    /* clitic bits of that split */
  uint8_t strip;                 /* 1 when a leading ال was stripped */
  uint8_t ok;                    /* CODER_K_* readings the key allows */
} coder_key;

/* The bit (0..63) of the name key s[0..len), len > 0, in a 64-bit filter,
** from its length and two of its bytes.  Why: every token of a document
** is compared with every name learned so far (apply_names), and the
** filter rejects almost all of them with one AND. */
static inline uint8_t coder_name_bit(const char *s, size_t len) {
  unsigned h = (unsigned)len + 7u * (unsigned char)s[len - 1] +
               13u * (unsigned char)s[len / 2];
  return (uint8_t)(h % 64);
}

/* A token's keys lie apart from it, packed: a token is written once
** (coder_keys) and read many times, and a sentence's tokens and keys
** then fill a few kilobytes, where room for CODER_MAX_KEYS keys in each
** token spread them over a kilobyte per token. */
typedef struct coder_tok {
  const coder_key *keys;         /* nk keys in the coder's arena or in the
                                    key memo's entry for the word, which
                                    lasts until the document is coded
                                    (match.c); NULL when nk is 0 */
  uint8_t nk;
  uint8_t free;                  /* inside an actor name, a date or a
                                    number: a `*` gap skips it without
                                    counting */
  uint8_t aside;                 /* a place ("عفرين", "مدينة جلال
                                    آباد") or an instrument of force ("بالهراوات
                                    والغاز المسيل للدموع"): a `*` gap
                                    skips it without counting too, but
                                    it is no name for the rules that
                                    read `free` */
  uint8_t count;                 /* inside a number, digits or words
                                    ("13", "ثلاثة", "أكثر من ألف") */
  uint8_t inert;                 /* inside words that name no actor
                                    (actors.txt NONE: "اتفاقية فيينا"):
                                    no place is read there either */
  uint8_t honor;                 /* a courtesy word after a name: its
                                    father and house or a blessing ("بن
                                    عبدالعزيز آل سعود", "حفظه الله
                                    ورعاه"; coder.c mark_honorifics,
                                    join_courtesy): it starts no act */
  uint8_t punct;                 /* 1: clause-ending mark, 2: comma */
  uint8_t quote;                 /* a quotation mark (« » " “ ”): the
                                    words of a phrase after its first gap
                                    match across it ("أعرب عن "قلقه"") */
  uint16_t clause;               /* clause number within the sentence */
  uint8_t cl_any;                /* OR of keys[].cl */
  uint8_t cands;                 /* CODER_C_* bits: what the candidate
                                    lists of keys[].hits hold and what
                                    the token is, made with its keys;
                                    they put it on the visit lists
                                    (coder_sent.visit) of the actor,
                                    trigger and mark passes */
  uint8_t gap_span;              /* the last token a `*` gap starting here
                                    may land on (maybe n, past the end),
                                    which is the first one
                                    coder_gap_swallows refuses, minus this
                                    token's index: 0..CODER_GAP_MAX (set
                                    by coder_gap_blooms; CODER_GAP_UNKNOWN
                                    before) */
  uint64_t names;                /* OR of 1 << coder_name_bit() of the
                                    keys: the token's bits in the filter
                                    of learned names, made once per word
                                    form with its keys (kept in the key
                                    memo), so that the test of every
                                    token against the names (coder.c,
                                    known_name) is one AND */
  dict_classes cls_any;          /* OR of keys[].hits.classes */
  dict_classes cls_plain;        /* OR of keys[].hits.classes over the keys
                                    read without a proclitic other than
                                    و/ف */
  uint64_t bloom;                /* OR of dict_key_bloom(keys[].hits.key) */
  uint64_t gap_bloom;            /* OR of `bloom` over the tokens a `*` gap
                                    starting here may land on (set by
                                    coder_gap_blooms; all ones before) */
  uint32_t actor_from;           /* the index in s->actors of the first
                                    actor starting at or after this token
                                    (s->n_actors: none); set by
                                    coder_actor_index, read through
                                    coder_first_actor */
  uint8_t unused[12];            /* pads the token to 128 bytes, a power
                                    of two, so that finding s->ct[i] is a
                                    shift: at 112 bytes the multiplication
                                    cost 1.2% of the instructions */
} coder_tok;
_Static_assert(sizeof(coder_tok) == 128, "a token is 128 bytes (unused)");

/* coder_tok.cands bits. */
enum {
  CODER_C_ACTOR = 1, /* some key's hits list actor phrases (hits.n_act > 0) */
  CODER_C_OTHER = 2, /* some key's hits list other phrases (hits.n > n_act) */
  CODER_C_PLACE = 4, /* some key's hits list a one-word place
                        (hits.one_word_place) */
  CODER_C_SA = 8,    /* some key carries the future prefix س (cl_any &
                        TXT_CL_SA) */
  CODER_C_MENTION = 16, /* some key's classes meet CODER_MENTION_CLASSES */
  CODER_C_INSTRUMENT = 32, /* some key is in class `instrument` */
  CODER_C_PUNCT = 64 /* the token is punctuation (TXT_PUNCT), of any
                        punct class: a comma, a clause end, a quotation
                        mark, but also a dash or a bracket (punct 0) */
};

/* The word classes that make mentions of their own (actors.c, best_at). */
#define CODER_MENTION_CLASSES                                            \
  dict_cls_or(dict_cls_or(dict_cls_one(CW_STATES_WORD),                  \
                          dict_cls_one(CW_OWN_PEOPLE)),                   \
              dict_cls_or(dict_cls_one(CW_PARTIES), dict_cls_one(CW_OWN_COUNTRY)))

/* The lists of the tokens that three loops visit (coder_sent.visit): at
** any other token the loop would do nothing.  coder_triggers visits the
** first word of a phrase that is no actor's, and a word with س (a future
** verb no phrase names); coder_actors the first word of an actor phrase,
** and a word that makes a mention of its own; mark_free (coder.c) the
** punctuation, the one-word places and the instruments of force.  A
** token is on a list when its cands meet the list's bits below. */
enum { CODER_VISIT_TRIG, CODER_VISIT_MENTION, CODER_VISIT_MARK, CODER_VISITS };
#define CODER_V_TRIG (CODER_C_OTHER | CODER_C_SA)
#define CODER_V_MENTION (CODER_C_ACTOR | CODER_C_MENTION)
#define CODER_V_MARK (CODER_C_PUNCT | CODER_C_PLACE | CODER_C_INSTRUMENT)

/* coder_key.ok bits: what a key may stand for in a phrase word
** (word_match). */
enum {
  CODER_K_ID = DICT_N_ID,     /* the key is a dictionary key (hits.key !=
                                 DICT_NO_KEY) */
  CODER_K_VERB = DICT_N_VERB, /* it may be a verb form: no ال, ب or ك on it */
  CODER_K_ART = DICT_N_ART,   /* it carries the article ال */
  CODER_K_BARE = DICT_N_BARE  /* it carries no article */
};

/* One resolved actor in a sentence: tokens [start, end). */
typedef struct coder_actor {
  uint32_t start, end;
  char code[16];
  char country[4];       /* "" when none */
  char pair[4];          /* "الكوريتان": the second state of a name of
                            two (countries.txt kind pair); "" when none */
  int group;             /* actors joined by و share a group number */
  uint8_t adj_only;      /* a bare country adjective ("أرمينية") */
  uint8_t from_count;    /* counts toward the principal countries */
  uint8_t parties;       /* "البلدين": expanded from the principal pair
                            (1); "الدول الثلاث", "الدول الأربع": from the
                            article's first compound of that many (3, 4) */
  uint8_t own;           /* "بلاده": the state of an actor before it */
  uint8_t unknown;       /* "طائرات مجهولة": a role whose state is unknown */
  uint8_t capital;       /* a capital or seat named for its state */
  uint8_t person;        /* a named person of the dictionary, or one a
                            document taught (coder.c name memory) */
  uint8_t surname;       /* a person named by one word after a role:
                            1 when the role has no state ("حكومة بيريز":
                            the word may be a name the document taught),
                            2 when it has its own; such a mention teaches
                            no name */
  uint8_t cl0;           /* clitic bits of the first word's split */
} coder_actor;

/* One trigger (verbs.txt phrase) in a sentence. */
typedef struct coder_trig {
  uint32_t start, end;   /* tokens [start, end) */
  uint32_t first_end;    /* end of the words before the first gap */
  uint32_t verb;         /* dict_verb index */
  uint8_t verbal;        /* the phrase has a V:/I:/F: word; 2 when its
                            first word is an F: participle ("متهما") */
  uint8_t sa;            /* the first word carried the س future prefix */
  uint8_t cl0;           /* clitic bits of the first word's split */
  uint32_t fired;        /* the dict_verb that matched (verb may be
                            recoded from it: state forces shooting
                            protesters is repression, 175) */
} coder_trig;

/* A memo of token keys (match.c): what coder_keys() computed for a word
** form, kept across sentences and documents by one coder (one thread),
** under the form's id in the text layer's word memo (txt_token.form).
** Owned by the wasit_coder; tied to its dictionary and to one txt_memo:
** every document whose tokens it sees is analyzed through that memo. */
typedef struct coder_memo coder_memo;
#define CODER_MEMO_SLOTS 8192   /* a power of two (match.c) */

/* The per-sentence view the steps share. */
typedef struct coder_sent {
  const txt_doc *doc;
  const wasit_dict *dict;
  coder_memo *memo;      /* NULL: coder_keys computes every token */
  uint32_t future_verb;  /* 1 + the index of verbs.txt's intent.future.v,
                            the intent a future verb no phrase names is
                            coded as (events.c); 0: none, no such intents */
  uint32_t actor_index_end; /* ct[i].actor_from is set for i below it (the
                            last actor's start + 1; 0 without actors): no
                            actor starts at or after a later token (set by
                            coder_actor_index; it takes what was padding) */
  size_t index;          /* sentence index */
  const txt_token *toks; /* doc->tokens + tok_start */
  coder_tok *ct;         /* keys of each token */
  struct coder_gapmemo *gaps; /* walks of `*` gaps (match.c), set by
                            coder_keys; NULL: none kept */
  uint32_t n;            /* token count */
  uint32_t n_visit[CODER_VISITS]; /* the lengths of the lists in visit */
  dict_classes cls_any, cls_plain; /* OR of ct[].cls_any, ct[].cls_plain
                            (set by coder_keys): a scan for a word class
                            the sentence lacks is answered at once */
  coder_actor *actors;   size_t n_actors;
  coder_trig *trigs;     size_t n_trigs;
  const dict_place *place;
  uint32_t place_tok;    /* its first token */
  uint8_t place_cl0;     /* the clitics on it in the place's reading (ل in
                            "لبكين"; none in "لاهور", whose ل is a letter) */
  char dateline_state[4];/* a dateline that is a state's name or capital
                            ("الجزائر -", "الكويت -", "تونس -": the
                            capital named as its state, which places.txt
                            leaves out as it mostly means the state):
                            that state; "" otherwise (coder_actors) */
  bool live_entry;       /* it opens a live page's entry ("16:20 - واشنطن:
                            ..."), whose place is the entry's own */
  bool dateline_line;    /* a line that is only a dateline ("عدن - خاص - 31
                            يناير 2018 -", txt_sentence.dateline): its
                            place is the story's, and it tells nothing */
  int32_t date;          /* YYYYMMDD used for dated roles (0 unknown) */
  bool discard;          /* a discard phrase matched */
  int killed, wounded;   /* casualty counts stated (WASIT_COUNT_NONE) */
  bool casualty_words;   /* killed/wounded words, with or without a count */
  const char *open_issuer; /* the issuer a document spoke for as the
                            subject of its last verb with a subject
                            ("ويستنكر القرار ..."; NULL if another
                            subject or none): a clause verb opening the
                            next sentence goes on with it (events.c) */
  uint32_t *visit;       /* list l (CODER_VISIT_*) is coder_visit(s, l)
                            [0..n_visit[l]): the tokens i whose ct[i].cands
                            meet its CODER_V_* bits, in order (set by
                            coder_keys).  (It and n_visit take what was
                            padding: the coder zeroes an array of
                            coder_sent per document.) */
} coder_sent;

/* List l of s->visit (see there). */
static inline const uint32_t *coder_visit(const coder_sent *s, int l) {
  return s->visit + (size_t)l * s->n;
}

/* Set ct[].actor_from, up to the last actor's start, and
** actor_index_end from s->actors, which are in token order and do not
** overlap.  coder_triggers calls it first: the actors are final by
** then (the actor passes of wasit_coder_run come before it, and nothing
** after it moves, adds or drops an actor), so coder_first_actor answers
** from it through coder_triggers and coder_events. */
void coder_actor_index(coder_sent *s);

/* The index of the first actor of s starting at or after token pos
** (s->n_actors when none does): one load where a binary search over the
** actors took three to four steps, asked about 150,000 times on the 2 MB
** sample.  No actor starts at or after actor_index_end (see there).
** test_actor_index checks it against the binary search. */
static inline size_t coder_first_actor(const coder_sent *s, uint32_t pos) {
  return pos < s->actor_index_end ? s->ct[pos].actor_from : s->n_actors;
}

/* ---- match.c */

/* Fill s->ct from the sentence's tokens, through s->memo when it is set
** (the result is the same either way), with the sentence's summaries
** (cls_any, cls_plain, visit), and give s an empty s->gaps.
** The keys may lie in the memo: they last until coder_memo_doc is called
** on it.  Returns WASIT_OK/ENOMEM. */
int coder_keys(coder_sent *s, wa_arena *ar);
/* A new empty memo for dictionary-bound key sets, or NULL when out of
** memory.  Release with coder_memo_free (NULL is fine); the same
** allocator must be passed to both. */
coder_memo *coder_memo_new(const wasit_allocator *alloc);
void coder_memo_free(coder_memo *m, const wasit_allocator *alloc);
/* Begin a document: the keys coder_keys handed out from m before (the
** last document's) may be replaced from now on.  Call it before the
** first coder_keys of each document, once nothing reads the last one's
** keys. */
void coder_memo_doc(coder_memo *m);
/* A `*` gap spans at most this many tokens (actor names included). */
#define CODER_GAP_MAX 16
#define CODER_GAP_UNKNOWN 0xFF   /* coder_tok.gap_span not yet known */

/* May a `*` gap that starts at token j swallow token x (x >= j)?  Not
** past CODER_GAP_MAX tokens, a clause end, a fourth word that is no
** actor name or date, nor a word with و right after a comma ("نفت يريفان
** ذلك، واتهمت باكو": a new coordinated clause).  *counted carries the
** words counted so far. */
bool coder_gap_swallows(const coder_sent *s, uint32_t j, uint32_t x,
                        uint32_t *counted);

/* Set ct[].gap_bloom from the punct and free marks.  coder_keys() leaves
** every bit set (no filtering: always correct); whoever sets `free` or
** `punct` marks must call this before matching again, or gaps would be
** filtered by stale landings.  wasit_coder_run calls it once per
** sentence, after the last free marks (mark_free, name_office_holders)
** and before the triggers, the first matching after them (the actors
** are matched before any free mark, with every bit set). */
void coder_gap_blooms(coder_sent *s);
/* Does phrase p match at token i?  On success returns the end token
** (exclusive) and sets *first_end, *cl0 (clitics of the first word's
** split) and, when pos is non-NULL, pos[w] = the token of each non-gap
** word w (pos holds p->n_words entries); returns 0 when it does not
** match (pos then holds nothing of use).  hit_key is the index of a key
** of token i whose hits list p (the candidate loops find p there), or -1
** when unknown; with it, that key's test of the first word needs no
** search of its hits.  Inline: about half of all
** candidates fail on the second word's Bloom filter, and many of the
** phrases whose second word is a gap on the gap's landing filter (the
** first test of match_gap), which are tested here without a call; the
** rest goes to coder_match_at (match.c).  The candidate loops run the
** same first filters on the candidate list before they load p
** (coder_next_filters, or a list's sieve: dict_sieve_mask), so they call
** coder_match_at directly. */
uint32_t coder_match_at(const coder_sent *s, const dict_phrase *p, uint32_t i,
                        int hit_key, uint32_t *first_end, uint8_t *cl0,
                        uint32_t *pos);
/* What the gaps after token i offer a next word of key id `key` (needing
** `need`) when `gaps` gaps (1 or 2) come before it: a summary shared by
** every candidate at i that waits for the same word after its first
** gaps (dozens of appeal phrases are "دعا * إلى ...", dozens of
** statement phrases "أعرب * * عن ..."), so that one walk of the landings
** answers for all of them (coder_first_gap_lands).  Made by
** coder_lands_fill; key DICT_NO_KEY: none yet. */
typedef struct coder_lands {
  uint32_t key;
  uint8_t need;
  uint8_t gaps;
  uint8_t hit;           /* some landing holds the word (1 too when the
                            landings are not known: let all through) */
  uint8_t quote;         /* the token after one such landing is a
                            quotation mark (or: let all through) */
  uint64_t after;        /* OR of the Bloom filters of the tokens after
                            the landings that hold the word */
  uint64_t after_gap;    /* OR of their landing filters (gap_bloom): what
                            a gap right after the word may land on */
} coder_lands;

/* Fill *lk for the word (key, need) after `gaps` gaps starting at token
** i + 1.  For one gap the landings are those of match_gap_walk (through
** s->gaps); for two, every token the second gap reaches from some
** landing of the first.  When the landings are not known (before
** coder_gap_blooms, or no s->gaps) or i + 1 is past the end, *lk lets
** every phrase through. */
void coder_lands_fill(const coder_sent *s, uint32_t i, uint32_t key,
                      uint8_t need, uint8_t gaps, coder_lands *lk);

/* May phrase p match at token i as far as its first gaps go?  false only
** when p opens with one gap and a word of one key (next_key), or two gaps
** and such a word (gap2_key), and no landing of the gaps at i + 1 holds
** that word with, after it, a token that may start the word after it (a
** quotation mark, or one that has p's gap_after_bit or gap2_bit, or a
** gap that may land on p's gap_gap_bit); then
** coder_match_at(s, p, i, ...) returns 0, whatever its first word.  true
** for any other phrase.  *lk is the summary of the last such word at i
** (coder_lands; {.key = DICT_NO_KEY} at each new i): refilled when p
** waits for another word, so phrases that share the word share one walk.
** Why: most trigger candidates on a gap fail there, and this test, made
** before coder_match_at, spares them its frame and the first word's
** test (coder_triggers). */
static inline bool coder_first_gap_lands(const coder_sent *s,
                                         const dict_phrase *p, uint32_t i,
                                         coder_lands *lk) {
  if (p->first_run != 1) return true;
  uint32_t key = p->next_key;
  uint8_t need = p->next_need, bit = p->gap_after_bit, gaps = 1;
  if (key == DICT_NO_KEY) {
    if (p->gap2_key == DICT_NO_KEY) return true;
    key = p->gap2_key;
    need = p->gap2_need;
    bit = p->gap2_bit;
    gaps = 2;
  }
  if (lk->key != key || lk->need != need || lk->gaps != gaps)
    coder_lands_fill(s, i, key, need, gaps, lk);
  return lk->hit &&
         (lk->quote ||
          ((bit == DICT_NO_BIT || ((lk->after >> bit) & 1u)) &&
           (p->gap_gap_bit == DICT_NO_BIT ||
            ((lk->after_gap >> p->gap_gap_bit) & 1u))));
}
static inline uint32_t coder_match(const coder_sent *s, const dict_phrase *p,
                                   uint32_t i, int hit_key,
                                   uint32_t *first_end, uint8_t *cl0,
                                   uint32_t *pos) {
  if (i >= s->n) return 0;
  if (p->w1_bloom && (i + 1 >= s->n || !(s->ct[i + 1].bloom & p->w1_bloom)))
    return 0;
  if (p->gap1_bloom &&
      (i + 1 >= s->n || !(s->ct[i + 1].gap_bloom & p->gap1_bloom)))
    return 0;
  return coder_match_at(s, p, i, hit_key, first_end, cl0, pos);
}

/* The filters a candidate of token i tests the token after it with
** (indexed by enum dict_cand_on): none passes past the sentence's end.
** A candidate c may match at i only if f[c->on] & c->next (coder_match's
** first filters, read from the candidate list): the candidate loops ask
** this before they load the phrase, since most candidates fail here and
** the phrase table is the coder's most cache-missing read. */
static inline void coder_next_filters(const coder_sent *s, uint32_t i,
                                      uint64_t f[DICT_ON_COUNT]) {
  bool last = i + 1 >= s->n;
  f[DICT_ON_WORD] = last ? 0 : s->ct[i + 1].bloom;
  f[DICT_ON_GAP] = last ? 0 : s->ct[i + 1].gap_bloom;
  f[DICT_ON_ANY] = ~(uint64_t)0;
}
/* Closed word classes the rules need: enum dict_wordclass (CW_*), read
** from dict/ar/grammar.txt. */
/* True when token i (read without a proclitic other than و/ف unless
** `any_split`) is a word of class c.  A bit test on the class masks
** coder_keys() ORed together; inline because the rules ask it about
** every token (it was 1.4% of the instructions as a call).  Always
** inline: GCC kept an out-of-line part of it (coder_tok_is.part.0) and,
** weighing callers with its calls in them, left whole rule helpers out
** of line (mark_actors_free, resolve_agents, condition_said,
** behind_prep); forced, the 2 MB sample took 1.9 M instructions fewer
** (0.5%; measured by P30). */
static inline __attribute__((always_inline)) bool
coder_tok_is(const coder_sent *s, uint32_t i, int c, bool any_split) {
  if (i >= s->n) return false;
  const coder_tok *t = &s->ct[i];
  return dict_cls_has(any_split ? t->cls_any : t->cls_plain, c);
}
/* True when some token of s is a word of class c (coder_tok_is with the
** same any_split). */
static inline bool coder_sent_has(const coder_sent *s, int c, bool any_split) {
  return dict_cls_has(any_split ? s->cls_any : s->cls_plain, c);
}
/* True when token i has a split carrying clitic bits `cl`. */
static inline bool coder_tok_has_clitic(const coder_sent *s, uint32_t i,
                                        unsigned cl) {
  if (i >= s->n) return false;
  return (s->ct[i].cl_any & cl) != 0;
}
/* True when token i counts something: a word of a number ("13",
** "ثلاثة", "أكثر من ألف") or a quantity word ("عشرات", "عدد"). */
static inline bool coder_tok_count(const coder_sent *s, uint32_t i) {
  return i < s->n && (s->ct[i].count || coder_tok_is(s, i, CW_QUANT, true));
}
/* True when token i's normalized form is exactly the UTF-8 literal w, no
** clitic on it (a function word: "\xd9\x85\xd9\x86" for من); a class of
** grammar.txt would also take "ومن". */
static inline bool coder_tok_word(const coder_sent *s, uint32_t i,
                                  const char *w) {
  if (i >= s->n) return false;
  const txt_token *t = &s->toks[i];
  size_t n = strlen(w);
  return t->norm_len == n && memcmp(txt_tok_norm(s->doc, t), w, n) == 0;
}
/* True when token i is the preposition إلى (normalized "الي"). */
static inline bool coder_tok_ila(const coder_sent *s, uint32_t i) {
  return coder_tok_word(s, i, "\xd8\xa7\xd9\x84\xd9\x8a");
}
/* True when no token of [from, to) is punctuation. */
static inline bool coder_no_punct(const coder_sent *s, uint32_t from,
                                  uint32_t to) {
  for (uint32_t i = from; i < to && i < s->n; i++)
    if (s->ct[i].punct) return false;
  return true;
}
/* How many tokens before token i, at most `reach` back and with no
** punctuation between, is the nearest word of class c (read without a
** proclitic other than و/ف); 0 if none ("أن" before a reported verb,
** "حيث" opening a clause, "منذ" before a date). */
static inline uint32_t coder_class_before(const coder_sent *s, uint32_t i,
                                          int c, uint32_t reach) {
  if (!coder_sent_has(s, c, false)) return 0;
  for (uint32_t k = 1; k <= reach && k <= i; k++) {
    if (s->ct[i - k].punct) return 0;
    if (coder_tok_is(s, i - k, c, false)) return k;
  }
  return 0;
}
/* True when token i carries the article ال ("الهجوم", "بالقصف"): some key
** had it stripped or holds it as a clitic. */
static inline bool coder_tok_definite(const coder_sent *s, uint32_t i) {
  if (i >= s->n) return false;
  const coder_tok *t = &s->ct[i];
  for (uint8_t k = 0; k < t->nk; k++)
    if (t->keys[k].strip || (t->keys[k].cl & TXT_CL_AL)) return true;
  return false;
}
/* The verb of the relative clause that opens at the relative pronoun k
** (الذي/التي), past the auxiliary لا/ما زال ("التي لا تزال تشنها",
** "التي ما زالت تنفذها"): the token after k, or after the auxiliary.  The
** act goes on, as after a bare imperfect. */
static inline uint32_t coder_relative_verb(const coder_sent *s, uint32_t k) {
  if ((coder_tok_is(s, k + 1, CW_NEG_WILL, false) ||
       coder_tok_is(s, k + 1, CW_NEG_MA, false)) &&
      coder_tok_is(s, k + 2, CW_STILL, false))
    return k + 3;
  return k + 1;
}

/* ---- coder.c */

/* "وزير المياه والري الإثيوبي سيليشي بيكيلي": two or three words no
** dictionary knows right after an office holder (a title of class
** `title`) are his name; the first two may be words a dictionary knows
** only in actor names ("الرئيس الإكوادوري رافائيل كوريا", "جاكوب زوما").
** A word with و ("وجميع") or a pronoun ends the name.  Returns the end of
** the name after actor x of s, or 0 when none follows.  After mark_free
** (dates and numbers are no names).  The gates are inline (asked for
** every actor, about 43,000 times on the 2 MB sample, they answer most
** at once); the walk after them is coder_title_name_walk. */
uint32_t coder_title_name_walk(const coder_sent *s, size_t x);
static inline uint32_t coder_title_name_end(const coder_sent *s, size_t x) {
  const coder_actor *a = &s->actors[x];
  /* (a title with no state yet is named too: "وزير الخارجية سيجي
  ** مايهارا"; resolve_agents gives the name its state) */
  if (a->person || a->unknown) return 0;
  /* (the title tests of the walk, for the whole sentence at once) */
  if (!coder_sent_has(s, CW_TITLE, true) && !coder_sent_has(s, CW_COUNTERPART, true) &&
      !coder_sent_has(s, CW_OFFICE, true))
    return 0;
  return coder_title_name_walk(s, x);
}

/* ---- actors.c */

/* Find and combine the actors of sentence s into s->actors. */
int coder_actors(coder_sent *s, wa_arena *ar);
/* Is actor x of s one compound with the actor before it: joined by و
** ("A وB", "A و B"), in a list ("A، B وC"), on "ونظيره", or an adjacent
** nationality adjective?  (coder_actors groups by it; an actor whose
** mention grows later is joined again by it.) */
bool coder_joined(const coder_sent *s, size_t x);
/* The end of a dateline opening a sentence ("موسكو - أعلن ...", "الرياض
** – أعلنت ...", "ريمبو (السويد) - ..."; the lead is not always sentence
** 0 when page furniture precedes it): the token after a dash among its
** first six tokens, with only words and brackets before it; 0 when there
** is none.  The city of a dateline
** says where the news was filed, it is no actor (the place step still
** reads it as the sentence's place, and a state's name there is kept as
** the sentence's dateline_state). */
uint32_t coder_dateline_end(const coder_sent *s);
/* Choose the code of a person for date YYYYMMDD (0 = unknown). */
const char *coder_person_code(const dict_actor *a, int32_t date);

/* ---- events.c */

/* Find the triggers of sentence s (and the discard flag). */
int coder_triggers(coder_sent *s, wa_arena *ar);
/* Number the clauses of s (ct[].clause, from 0) after its triggers: a
** clause ends at a clause mark (punct 1) and before the complementizer
** (class comp) that a say or accuse trigger (DICT_F_SAY, or a code of
** root 11) governs within 12 tokens after it, with no clause mark
** before.  True when a clause mark is a question mark (most sentences
** have none, and coder_events then skips its question scan). */
bool coder_clauses(coder_sent *s);

/* What events.c hands back: one event before record building. */
typedef struct coder_ev {
  const coder_actor *src, *tgt;  /* tgt may be NULL */
  const char *src_code, *tgt_code;
  const coder_trig *trig;
  unsigned mode;
  int killed, wounded;
} coder_ev;

/* Document context for source/target decisions. */
#define CODER_MAX_DOERS 4
#define CODER_MAX_NAMES 16

/* A name the document taught: the ال-less key of a person's last name
** word and the code of the person it named in full ("تركي المالكي" ->
** المالكي SAUMIL), or the head noun of a group's name, which then stands
** for the group with the article ("حركة حماس" -> الحركة PSEREB). */
typedef struct coder_name {
  char key[40];
  uint8_t len;
  uint8_t head;          /* a head noun: matches only with ال */
  char code[16];
} coder_name;
/* The last actor that spoke against or attacked a state (a statement
** about it, a demand, an accusation, a rejection, a threat or an
** attack): whom that state's denial answers ("نفت موسكو ذلك") and its
** untargeted threats are aimed at. */
#define CODER_MAX_ACCUSERS 8
typedef struct coder_accuser {
  char accused[4];       /* the state's 3 letters */
  char by[16];           /* the speaker's actor code */
} coder_accuser;

#define CODER_MAX_LANDS 4
/* The most states told voting against or abstaining (coder_ctx.dissenters) */
#define CODER_MAX_DISSENTERS 8
typedef struct coder_ctx {
  char principal[2][4];  /* the two most mentioned countries ("" if none) */
  int principal_weight[2]; /* their weighted mention counts (principal_pair) */
  char dateline[4];      /* the state of the place the article opens with
                            ("كينشاسا - ..."; "" if none) */
  char parties[2][16];   /* the codes of the article's first compound of
                            two actors ("" if none): what البلدين and
                            الطرفين name before the principal countries */
  char many[2][4][16];   /* the codes of the article's first compound of
                            exactly three (many[0]) and of four (many[1])
                            actors of different states: what "الدول
                            الثلاث" and "الدول الأربع" name ("" if none) */
  const coder_sent *prev; /* the sentence before (NULL at the
                            first): whose states "الجانبان" may name */
  int32_t doc_date;      /* YYYYMMDD or 0 */
  char last_source[16];  /* the source of the last sentence's first event
                            ("" if none): who "القرار"/"البيان" speaks for */
  char adopter[16];      /* the last actor named right after a verb of
                            adopting or issuing a document named beside
                            it ("بيان رئاسي أصدره مجلس الأمن الدولي",
                            note_adopter; "" if none, or once a later
                            sentence gave last_source): who "البيان"
                            speaks for before last_source */
  coder_name names[CODER_MAX_NAMES];
  size_t n_names;
  uint64_t name_bits;    /* OR of the bits (coder_name_bit) of names[]: a token
                            with no key sharing a bit is no learned name,
                            found without comparing (coder.c) */
  char violent_doer[CODER_MAX_DOERS][16];
                         /* the sources of the article's first hostile
                            event (17-20) with a known doer, one per
                            member of a compound ("شنت الولايات المتحدة
                            وبريطانيا وفرنسا ضربات"; the attack or
                            seizure the article is about; "" after the
                            last, all "" if none): whom a condemned
                            "الهجوم" or "احتجاز السفينة" accuses; the
                            article's first claim of responsibility
                            replaces them (claimed_doer) */
  bool claimed_doer;     /* violent_doer holds the claimer of an attack
                            ("وتبنت حركة الشباب الهجوم") */
  bool toll_told;        /* the story has told a toll of dead or wounded
                            so far (the current sentence too): an attack
                            it reports, which a claim then names */
  char militant_home[4]; /* the state the article places its first
                            international militant group (IMG) in, named
                            right after it ("مواقع لتنظيم الدولة الإسلامية
                            في مدينة الرقة بشمال سوريا": SYR); "" if none */
  char lands[CODER_MAX_LANDS][4]; /* the first states the article names
                            as a land where something is fought: a
                            state, not a capital, after a preposition
                            that follows a word of force ("إرسال قوات
                            جوية روسية إلى سوريا", "الضربات على
                            أفغانستان") or after a locative ("شمال
                            سوريا"), note_lands; "" after the last */
  char body[16];          /* the article's first international body named
                            (IGO), or a state's court named with its state
                            since ("" if none): who issued the "القرار" or
                            "الحكم" a state rejects */
  bool igo_named;        /* an IGO has been named: the first, which took
                            body, however a court named before it */
  coder_accuser accusers[CODER_MAX_ACCUSERS];
  size_t n_accusers;     /* oldest first; one entry per accused state */
  char dissenters[CODER_MAX_DISSENTERS][4];
                         /* the states told abstaining from or voting
                            against a body's text ("وامتنعت الصين والهند
                            عن التصويت"), note_dissenters; "" after the
                            last: whose statement on the text answers the
                            body (events.c measure_statements) */
  char doer_by_root[20][4];
                         /* the state of the last source of an event of
                            each root (index root-1; "" none): whom
                            condemning such an act ("ودانت طوكيو عملية
                            الإطلاق") is aimed at */
} coder_ctx;

/* Is the article's story about one state (a coup, a domestic crisis,
** with foreign reactions), not one between two states: its principal
** state named at least twice as often as any other, and at least six
** times (in a text of a few sentences the count tells nothing)? */
static inline bool coder_one_state(const coder_ctx *ctx) {
  return ctx->principal_weight[0] >= 6 &&
         ctx->principal_weight[0] >= 2 * ctx->principal_weight[1];
}

/* True when an actor code's 3-letter prefix names a state.  The prefixes
** that name no state are IGO, NGO, MNC, IMG, UAF, ---, INT and UNK; a
** switch on the first byte, since the rules ask this of actor codes at
** every turn and a loop over a table of them was a visible cost.  Inline:
** asked about 118,000 times on the 2 MB sample, where the call's frame
** was a third of the cost. */
static inline bool coder_state_prefix(const char *code) {
  if (!code[0] || !code[1] || !code[2]) return false;   /* under 3 bytes */
  switch (code[0]) {
  case '-': return memcmp(code, "---", 3) != 0;
  case 'I':
    return memcmp(code, "IGO", 3) != 0 && memcmp(code, "IMG", 3) != 0 &&
           memcmp(code, "INT", 3) != 0;
  case 'M': return memcmp(code, "MNC", 3) != 0;
  case 'N': return memcmp(code, "NGO", 3) != 0;
  case 'U': return memcmp(code, "UAF", 3) != 0 && memcmp(code, "UNK", 3) != 0;
  default: return true;
  }
}

/* True when actor codes a and b are of one state: a's prefix names a
** state (coder_state_prefix) and b has the same one.  Two "---" codes,
** or two organisations (IGO...), are not. */
static inline bool coder_same_state(const char *a, const char *b) {
  return coder_state_prefix(a) && memcmp(a, b, 3) == 0;
}

/* True when actor code `code` has a role after its 3-letter prefix (six
** bytes before any NUL) and that role's first three letters are one of
** `roles`, 3-letter roles separated by single spaces ("COP MIL":
** "ARMMIL" yes, "ARM" and "ARMGOV" no).  The rules ask about roles at
** every turn, so it reads the role list in place rather than splitting
** it; inline (about 32,000 times on the 2 MB sample), with the length
** test written out where a call to strnlen(code, 6) cost more than the
** rest, and the rules' literal lists fold into the callers. */
static inline bool coder_role_in(const char *code, const char *roles) {
  for (int k = 0; k < 6; k++)
    if (code[k] == '\0') return false;   /* no role after the prefix */
  for (const char *r = roles;; r += 4) {
    if (memcmp(code + 3, r, 3) == 0) return true;
    if (r[3] != ' ') return false;
  }
}

/* The root of CAMEO code (or root) `code` as a number, 1..20 ("0871" ->
** 8). */
static inline int coder_root_num(const char *code) {
  return (code[0] - '0') * 10 + (code[1] - '0');
}
/* Its CAMEO quad class: 1 verbal cooperation (01-04), 2 material
** cooperation (05-08), 3 verbal conflict (09-13), 4 material conflict
** (14-20). */
static inline int coder_quad_class(const char *code) {
  int root = coder_root_num(code);
  return root <= 4 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

/* True when CAMEO code (or root) `code` is violence: roots 18-20. */
static inline bool coder_violent_code(const char *code) {
  return memcmp(code, "18", 2) == 0 || memcmp(code, "19", 2) == 0 ||
         memcmp(code, "20", 2) == 0;
}

/* True when `code` is violence or coercion (roots 17-20: seizing a ship,
** arresting, attacking): an act others condemn its doer for. */
static inline bool coder_hostile_code(const char *code) {
  return coder_violent_code(code) || memcmp(code, "17", 2) == 0;
}

/* An internal mode bit beside enum wasit_mode: the event is aimed at no
** one on purpose, its target NULL (a protest against an attack whose
** doer is unknown, "تنديدا بالتفجير" when no one has claimed it).  The
** story's rules that aim untargeted acts at home or at the other state
** pass it by; finish_story clears the bit. */
#define CODER_MODE_AIMLESS 0x100u

/* Is verb trigger t a claim of an attack by `by` (a code; NULL when not
** known yet): a claim pattern (DICT_F_CLAIM) whose own words or the word
** right after it name an attack (class attack_ref: "تبنت الحركة الهجوم",
** "أعلنت مسؤوليتها عن التفجير"), and `by` no government, army, police or
** court ("أعلنت الحكومة مسؤوليتها عن تأمين الطريق", "اعترف الجيش
** بمسؤوليته عن مقتل الصحفي" are admissions, not attacks claimed)? */
bool coder_attack_claim(const coder_sent *s, const coder_trig *t, const char *by);

/* Code the events of sentence s into *evs (arena array, *n_evs). */
int coder_events(coder_sent *s, const coder_ctx *ctx, wa_arena *ar,
                 coder_ev **evs, size_t *n_evs);

/* True when `code` is an armed force: a state's army, police or
** intelligence, a rebel or militant group, or an international
** militarized group (events.c). */
bool coder_armed_force(const char *code);

/* True when sentence s states casualties: a killed or wounded count, or a
** casualty word without one (after casualties() in coder.c has run). */
static inline bool coder_casualties_told(const coder_sent *s) {
  return s->killed != WASIT_COUNT_NONE || s->wounded != WASIT_COUNT_NONE ||
         s->casualty_words;
}

/* ---- veto.c: frames in which a trigger reports no new act (its rules
** are static there; a sentence after clauses and actors are set). */
/* Is verbal trigger t followed, within three tokens, by a number or a
** quantity word (its counted object)?  False for a noun trigger. */
bool coder_counted_object(const coder_sent *s, const coder_trig *t);
/* Does token i end like a verb with a plural subject, ـوا or ـو before an
** object pronoun ("قتلوا", "خطفوه", "اغتالوهم")?  Not a word right after
** a number, a counted noun ("12 عضوا"). */
bool coder_tok_plural_verb(const coder_sent *s, uint32_t i);
/* Should the event of trigger t, with final CAMEO code `code`, source code
** `src` (NULL: none found; a bare adjective doer is still its bare state
** code) and WASIT_MODE_* bits `mode`, be dropped by one of veto.c's
** rules?  Borrowed arguments; no side effects. */
bool coder_vetoed(const coder_sent *s, const coder_trig *t, const char *code,
                  const char *src, unsigned mode);

#endif /* WASIT_CODER_H */
