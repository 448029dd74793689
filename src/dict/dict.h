/*
** dict.h: internal interface of the dictionary stage (src/dict), stage 2 of
** the pipeline.  Input: the plain-text files of dict/ar/ (format in
** dict/ar/README.md).  Output: an immutable wasit_dict shared by every coder
** thread: tables of actors, agents, people, verb patterns, places, discard
** phrases and CAMEO codes, plus one hash index from a phrase's first word to
** the phrases that start with it.
**
** Keys: every dictionary word is normalized with txt_normalize_str() and
** loses a leading "ال" (alef lam) when at least two letters remain
** (dict_key_strip); the coder applies the same rule to token stems, so
** "الجيش" and "جيش" meet.  V:/I: verb words are expanded here into all their
** inflected forms (morph.c); a phrase word is a small set of alternatives.
**
** Lifetime: dict_new -> dict_parse_file (any number, cameo.txt before
** verbs.txt) -> dict_finish (builds the index) -> read-only use ->
** wasit_dict_free.  All strings live in the dictionary's arena.
*/
#ifndef WASIT_DICT_H
#define WASIT_DICT_H

#include "../base/base.h"

/* Kinds of actor-like phrases (countries/actors/people/agents files). */
enum dict_actor_kind {
  DICT_A_NAME = 1,   /* country name: CCCGOV */
  DICT_A_ADJ,        /* country adjective / nisba: CCC (+ agent role) */
  DICT_A_CAPITAL,    /* capital or seat of government: CCCGOV */
  DICT_A_PEOPLE,     /* demonym: CCC */
  DICT_A_ACTOR,      /* actors.txt: fixed code, maybe time-bounded */
  DICT_A_PERSON,     /* people.txt: dated roles */
  DICT_A_AGENT       /* agents.txt: role word (MIL, GOV ...) */
};

/* Dates are stored as integers YYYYMMDD; an open side is 0 / 99999999.  A
** partial date "YYYY-MM" is widened to the first/last day as the side asks. */
typedef struct dict_role {
  const char *code;
  int32_t from, to;
} dict_role;

typedef struct dict_actor {
  uint8_t kind;          /* enum dict_actor_kind */
  uint8_t governed;      /* a state's name that is a common word alone
                            (مالي "financial"): an actor only right after
                            a preposition or a place noun (countries.txt
                            kind name_governed; a DICT_A_NAME) */
  char country[4];       /* "ARM" for country kinds; "" otherwise */
  char pair[4];          /* countries.txt kind pair ("PRK+KOR | pair |
                            الكوريتان"): the second state of a word that
                            names two ("KOR"); "" otherwise */
  const char *code;      /* ACTOR code / AGENT role / country code */
  int32_t from, to;      /* DICT_A_ACTOR validity */
  const dict_role *roles;/* DICT_A_PERSON roles, n_roles >= 1 */
  size_t n_roles;
} dict_actor;

/* Verb pattern flags. */
enum dict_verb_flag {
  DICT_F_MUTUAL = 1,
  DICT_F_PASSIVE = 2,
  DICT_F_NOTGT = 4,
  DICT_F_SAY = 8,
  DICT_F_FORCES = 16,    /* an event only with an armed force as subject */
  DICT_F_PLANNED = 32,   /* an event only with the future prefix س or after
                            سوف: a plan, not a present act */
  DICT_F_OBJECT = 64,    /* the actor in the genitive right after the noun
                            is what the act is done to, not its doer
                            ("تعليق عضوية سوريا") */
  DICT_F_CLAIM = 128,    /* a claim of responsibility: its subject did the
                            attack it names (coder_attack_claim) */
  DICT_F_ABROAD = 256    /* no event between two actors of one state (an
                            authorization by a body abroad, not a court's
                            or a parliament's at home) */
};

typedef struct dict_verb {
  const char *id;        /* "agree.1" */
  char code[5];          /* CAMEO code */
  unsigned flags;        /* enum dict_verb_flag */
  const char *const *tgt;/* normalized target prepositions (may be empty) */
  size_t n_tgt;
  double goldstein;
  char converse[5];      /* flag converse=CODE: the code of the target's act
                            back to the subject ("043": a visit is hosted);
                            "" none */
} dict_verb;

typedef struct dict_place {
  const char *name;      /* as written in the dictionary (first phrase) */
  wasit_location loc;    /* loc.name == name */
} dict_place;

typedef struct dict_cameo {
  char code[5];
  double goldstein;
  const char *label;
} dict_cameo;

/* Phrase categories in the index. */
enum dict_cat { DICT_C_ACTOR = 1, DICT_C_VERB, DICT_C_PLACE, DICT_C_DISCARD };

/* What a text key must allow to stand for a phrase word (dict_word.need):
** a dictionary key, a verb form for a V:/I:/F: word, the article for a
** name written with it, no article for a name written without it.  The
** coder's key readings (coder.h, CODER_K_*) are these bits, so a word
** fits a key when (key's readings & need) == need. */
enum dict_need { DICT_N_ID = 1, DICT_N_VERB = 2, DICT_N_ART = 4, DICT_N_BARE = 8 };

/* The need of a word with these limits (dict_word.verbal, .article:
** 0, 1 or 2, so article << 2 is 0, DICT_N_ART or DICT_N_BARE). */
static inline uint8_t dict_need_of(uint8_t verbal, uint8_t article) {
  return (uint8_t)(DICT_N_ID | (verbal ? DICT_N_VERB : 0) |
                   ((article & 3u) << 2));
}

/* One word of a phrase: a set of normalized alternatives (ال-stripped,
** except the forms of a V:/I: word, which keep it), or a gap ("*": up to
** three arbitrary words besides actor names and dates). */
typedef struct dict_word {
  const char *const *alts;
  const uint16_t *alt_lens;
  const uint32_t *alt_keys;  /* index key id of each alternative (set by
                                dict_finish): equal ids = equal strings.
                                The words of one file with the same text
                                share alts, alt_lens and alt_keys (load.c,
                                word_memo) */
  uint16_t n_alts;
  uint8_t gap;           /* 1 for "*" */
  uint8_t verbal;        /* 1 when it came from V: or I:, 2 from F: (one
                            form, a participle such as متهما) */
  uint8_t article;       /* 1: a proper name written with the article ال
                            (العراق, الرقة): the text word must carry ال
                            too, so فرقة is no ف + الرقة; 2: a person's
                            name written without it (هادي): the text word
                            must not carry it, so الهادئ is no Hadi
                            (states and places are written both ways:
                            بيرو and البيرو); 0: either */
  uint64_t alt_bloom;    /* OR of dict_key_bloom() of alt_keys (set by
                            dict_finish): a token whose key blooms miss
                            it cannot match the word */
  uint32_t key1;         /* alt_keys[0] when n_alts == 1, else DICT_NO_KEY
                            (dict_finish): the common one-form word is
                            matched without loading alt_keys */
  uint8_t need;          /* dict_need_of(verbal, article) (dict_finish):
                            made once, not at every match */
} dict_word;

typedef struct dict_phrase {
  uint8_t cat;           /* enum dict_cat */
  uint8_t n_words;       /* >= 1; words[0] is never a gap */
  uint8_t verbal;        /* some word is V:/I: */
  uint8_t gap_gap_bit;   /* when words[1] and words[3] are gaps around a
                            word of one key (next_key: "قال * أن *
                            مرفوض") and words[4] is a plain word whose
                            alt_bloom is one bit: that bit, else
                            DICT_NO_BIT (set by dict_finish, with the
                            summaries below; here, where a byte was
                            padding) */
  uint32_t ref;          /* index into the category's table */
  const dict_word *words;
  /* Summaries of the words for the coder's matcher, set by dict_finish,
  ** so that most candidates are settled from this table alone (loading
  ** `words` costs a cache miss per candidate phrase): */
  uint64_t w0_bloom;     /* words[0].alt_bloom */
  uint64_t w1_bloom;     /* words[1].alt_bloom when words[1] is a plain
                            word, else 0 */
  uint64_t gap1_bloom;   /* when words[1] is a gap: words[2].alt_bloom
                            when words[2] is a plain word, else 0 */
  uint32_t id;           /* this phrase's index (dict_phrase_at(d, id)) */
  uint32_t w0_key;       /* the key id of words[0] when it has one
                            alternative, else DICT_NO_KEY */
  uint32_t next_key;     /* the key id (key1) of the first plain word
                            after words[0] (words[1], or words[2] when
                            words[1] is a gap) when it has one
                            alternative, else DICT_NO_KEY */
  uint8_t first_run;     /* words before the first gap (n_words if none) */
  uint8_t w0_verbal;     /* words[0].verbal (2: a participle) */
  uint8_t gap_after_bit; /* when the first gap (words[first_run]) is
                            followed by two plain words and the second's
                            alt_bloom is one bit (a word of one form, or
                            whose forms share their bit): that bit, 0..63;
                            else DICT_NO_BIT.  Most landings of the first
                            gap that hold the word after it fail on the
                            word after that one, and this byte rejects
                            them without reading `words` (a byte: the
                            struct stays 64 bytes, one cache line) */
  uint8_t w0_need;       /* words[0].need */
  uint8_t next_need;     /* the need of that word (next_key's) when
                            next_key is set, else DICT_N_ID */
  /* The same for a phrase that opens with two gaps ("أعرب * * عن
  ** قلق"), whose next_key is unset: */
  uint8_t gap2_need;     /* words[3].need when gap2_key is set */
  uint8_t gap2_bit;      /* words[4]'s one Bloom bit, as gap_after_bit
                            is words[run + 2]'s, when gap2_key is set,
                            words[4] is a plain word and its alt_bloom
                            one bit; else DICT_NO_BIT */
  uint32_t gap2_key;     /* when words[1] and words[2] are gaps and
                            words[3] a plain word of one alternative:
                            its key id; else DICT_NO_KEY */
} dict_phrase;
_Static_assert(sizeof(dict_phrase) <= 64, "a phrase is one cache line");

#define DICT_NO_BIT 0xFF

/* Closed word classes of grammar.txt (negation, future, casualty nouns
** ...), by the name used in that file.  The coder's rules test tokens
** against them through dict_wordclass_mask() and the dict_cls_*
** operations below.  A new class is one line here (its name) and its
** words in grammar.txt. */
#define DICT_WORDCLASSES(X)                                                  \
  X(NEG, "neg") X(NEG_MA, "neg_ma") X(FUTURE, "future") X(COND, "cond")      \
  X(COMP, "comp") X(PARTIES, "parties") X(KILLED, "killed")                  \
  X(WOUNDED, "wounded") X(KILL_PRE, "kill_pre") X(WOUND_PRE, "wound_pre")    \
  X(PREP, "prep") X(NOUN_TGT, "noun_tgt") X(MAA, "maa") X(ISM, "ism")        \
  X(FI, "fi") X(COND_FI, "cond_fi") X(NOT_TGT, "not_tgt")                    \
  X(CASUALTY, "casualty") X(MODAL, "modal") X(MIN, "min") X(QUANT, "quant")  \
  X(COUNTERPART, "counterpart") X(LIGHT, "light") X(REL, "rel")              \
  X(HEAD, "head") X(BG, "bg") X(QUESTION, "question") X(PROTEST, "protest")  \
  X(PROTESTERS, "protesters") X(DEMONSTRATIVE, "demonstrative")              \
  X(LOCATIVE, "locative") X(OCCUR, "occur") X(PREP_PRONOUN, "prep_pronoun")  \
  X(OWN_COUNTRY, "own_country") X(BUT_PRONOUN, "but_pronoun")                \
  X(OWN_PEOPLE, "own_people") X(AUDIENCE, "audience")                        \
  X(UNKNOWN, "unknown") X(ACCORD, "accord") X(ADVERBIAL, "adverbial")        \
  X(CONFLICT, "conflict") X(COMP_PRONOUN, "comp_pronoun")                    \
  X(AGAINST, "against") X(EVENT_NAME, "event_name") X(LADA, "lada")          \
  X(CELEBRATE, "celebrate") X(ALA, "ala") X(LATTER, "latter")                \
  X(DOC_SUBJECT, "doc_subject") X(LEGAL, "legal") X(CAUSE, "cause")          \
  X(ATTACK_NOUN, "attack_noun") X(ARMED_ANCHOR, "armed_anchor")              \
  X(CONDOLE, "condole") X(ALLEGE, "allege") X(STREET, "street")              \
  X(NEG_WILL, "neg_will")                                                    \
  X(ATTACK_REF, "attack_ref") X(MINISTER, "minister")                        \
  X(EXCHANGE, "exchange") X(LIGHT_IT, "light_it") X(TITLE, "title")          \
  X(HABITUAL, "habitual") X(UNREAL, "unreal") X(TEMPORAL, "temporal")        \
  X(TEMPORAL_MA, "temporal_ma") X(GROUP_HEAD, "group_head")                  \
  X(ENVOY, "envoy") X(SUBORD, "subord")                                      \
  X(COPULA, "copula") X(JOINTLY, "jointly") X(MEANWHILE, "meanwhile")        \
  X(STATE_HEAD, "state_head") X(SINCE, "since") X(LAPSE, "lapse")            \
  X(MEN_PLURAL, "men_plural") X(INSTRUMENT, "instrument")                    \
  X(TERRITORY, "territory") X(VENUE, "venue") X(AFFILIATED, "affiliated")    \
  X(REPRESENTATIVE, "representative") X(ADJACENT, "adjacent")                \
  X(QAD, "qad") X(PRESENCE, "presence") X(EACH, "each")                      \
  X(PAIR_TITLE, "pair_title") X(BY_AGENT, "by_agent") X(WAS, "was")          \
  X(IN_IT, "in_it") X(NAMELY, "namely")                                      \
  X(NEG_VERB, "neg_verb") X(TERMS, "terms") X(FAMILY_FIRST, "family_first")  \
  X(VERB_IT, "verb_it") X(DURING, "during") X(PRON_MA, "pron_ma")            \
  X(ALSO, "also") X(SESSION, "session") X(CONSIDER, "consider")              \
  X(DISORDER, "disorder") X(SIDES, "sides") X(CONDITION, "condition")        \
  X(DECIDE, "decide") X(STATES_WORD, "states_word") X(THREE, "three")        \
  X(FOUR, "four") X(BLAME, "blame") X(ANY, "any") X(PENDING, "pending")      \
  X(BEFORE, "before") X(DAY_EVENT, "day_event") X(SITTING, "sitting")        \
  X(CONVENE, "convene") X(EMERGENCY, "emergency") X(ANNOUNCE, "announce")    \
  X(MEMBER, "member") X(EMINENT, "eminent") X(OFFICE, "office")              \
  X(GENERAL, "general") X(FEELING, "feeling") X(CHAIR, "chair")              \
  X(SALVO, "salvo") X(CRIME, "crime") X(WHEN, "when") X(LAST, "last")        \
  X(RULING, "ruling") X(RECOGNIZE, "recognize") X(STILL, "still")            \
  X(ROUNDS, "rounds") X(DEAD_NEWS, "dead_news") X(WHERE, "where")            \
  X(FRESH, "fresh") X(EARLIER, "earlier") X(PREVIOUS, "previous")          \
  X(EARLIER_TIME_HEAD, "earlier_time_head") X(PRECEDED, "preceded") X(WATCH, "watch") \
  X(PEOPLE_WORD, "people_word") X(COMMENT_WORD, "comment_word") X(GUEST, "guest") \
  X(TOPIC_HEAD, "topic_head") X(OTHER_TOPIC, "other_topic") X(ABOUT, "about")    \
  X(ROUNDUP, "roundup") X(NEWS, "news") X(LAND_PREP, "land_prep") X(LAND_FORCE, "land_force") X(ADOPT, "adopt") \
  X(MEASURE, "measure") X(VOTED, "voted") X(BALLOT, "ballot")             \
  X(VOTE_COUNT, "vote_count") X(BALLOT_FOR, "ballot_for")                  \
  X(HONORIFIC, "honorific") X(BLESSING, "blessing")                        \
  X(PROTEST_ASIDE, "protest_aside") X(FEARED, "feared") X(NOT_YET, "not_yet") \
  X(HONORIFIC_LEAD, "honorific_lead") X(HONORIFIC_TAIL, "honorific_tail")    \
  X(GOD, "god") X(BLESSING_EPITHET, "blessing_epithet") X(LINEAGE, "lineage") \
  X(SITE_FRONT, "site_front") X(DEATH_CHANT, "death_chant")                \
  X(FEARED_BARE, "feared_bare") X(ORDERS, "orders") X(CARRY_OUT, "carry_out") \
  X(STATE_NOUN, "state_noun")

#define DICT_WORDCLASS_ENUM(name, word) CW_##name,
enum dict_wordclass { DICT_WORDCLASSES(DICT_WORDCLASS_ENUM) CW_COUNT };
#undef DICT_WORDCLASS_ENUM

/* A set of word classes: bit c % 64 of w[c / 64] set when class c is in
** it.  DICT_CLASS_WORDS words hold DICT_CLASS_BITS classes, room for
** the CW_COUNT of the list above and more.  Why words and not one
** integer: a 64-bit and then a 128-bit integer filled up.  The rules
** test a class with a constant c, which reads one word; a token's sets
** are the OR of its keys' (coder_keys).  Cost: a token (coder_tok) holds
** two sets and is padded to 128 bytes; more words would need it
** rearranged. */
#define DICT_CLASS_WORDS 4
#define DICT_CLASS_BITS (64 * DICT_CLASS_WORDS)
_Static_assert(CW_COUNT <= DICT_CLASS_BITS, "word classes must fit a dict_classes");
typedef struct dict_classes {
  uint64_t w[DICT_CLASS_WORDS];
} dict_classes;

/* The set of class c alone; 0 <= c < DICT_CLASS_BITS. */
static inline dict_classes dict_cls_one(int c) {
  dict_classes m = {{0}};
  m.w[c >> 6] = (uint64_t)1 << (c & 63);
  return m;
}
/* True when class c is in m; 0 <= c < DICT_CLASS_BITS. */
static inline bool dict_cls_has(dict_classes m, int c) {
  return (m.w[c >> 6] >> (c & 63)) & 1u;
}
/* The union of a and b. */
static inline dict_classes dict_cls_or(dict_classes a, dict_classes b) {
  for (int i = 0; i < DICT_CLASS_WORDS; i++) a.w[i] |= b.w[i];
  return a;
}
/* The classes of a that are not in b. */
static inline dict_classes dict_cls_minus(dict_classes a, dict_classes b) {
  for (int i = 0; i < DICT_CLASS_WORDS; i++) a.w[i] &= ~b.w[i];
  return a;
}
/* True when a and b share a class. */
static inline bool dict_cls_meet(dict_classes a, dict_classes b) {
  uint64_t x = 0;
  for (int i = 0; i < DICT_CLASS_WORDS; i++) x |= a.w[i] & b.w[i];
  return x != 0;
}
/* True when m holds no class. */
static inline bool dict_cls_empty(dict_classes m) {
  uint64_t x = 0;
  for (int i = 0; i < DICT_CLASS_WORDS; i++) x |= m.w[i];
  return x == 0;
}
/* True when a and b hold the same classes. */
static inline bool dict_cls_eq(dict_classes a, dict_classes b) {
  uint64_t x = 0;
  for (int i = 0; i < DICT_CLASS_WORDS; i++) x |= a.w[i] ^ b.w[i];
  return x == 0;
}

/* One grammar word: its normalized form and the classes it belongs to. */
typedef struct dict_gword {
  const char *key;
  uint32_t len;
  dict_classes mask;     /* bit c set: the word is in class c */
} dict_gword;

typedef struct wasit_dict wasit_dict;

/* One candidate phrase of a first word, as the coder's candidate loops
** read it: the phrase and what it needs of the token after its first
** word.  The loops walk these in order and load a phrase only when that
** token passes `next` (most do not), so rejected candidates cost no read
** of the phrase table.  Invariant: a phrase with a nonzero w1_bloom has
** it as next (on DICT_ON_WORD); else one with a nonzero gap1_bloom has
** that (on DICT_ON_GAP); else next is all ones (on DICT_ON_ANY). */
enum dict_cand_on {
  DICT_ON_WORD,          /* the token's `bloom` (its key ids) */
  DICT_ON_GAP,           /* its `gap_bloom` (its gap landings' key ids) */
  DICT_ON_ANY,           /* nothing: every token passes */
  DICT_ON_COUNT
};
typedef struct dict_cand {
  uint64_t next;         /* Bloom filter the token after the first word
                            must share a bit with, in the filter `on`
                            names */
  uint32_t id;           /* the phrase (dict_phrase_at) */
  uint32_t on;           /* enum dict_cand_on */
} dict_cand;

/* Candidate phrases for a first word: a borrowed array of phrase indices. */
typedef struct dict_hits {
  const uint32_t *ids;   /* phrases whose first word has this key: the
                            actor phrases (DICT_C_ACTOR) ids[0..n_act),
                            then the others ids[n_act..n), each part in
                            ascending order.  Why two parts: the actor
                            pass and the trigger pass each walk only
                            their own candidates. */
  const dict_cand *cands;/* cands[x] is phrase ids[x] (same order) */
  uint32_t n;
  uint32_t key;          /* the key's id, DICT_NO_KEY when no phrase word
                            anywhere has this form */
  uint32_t n_act;        /* the actor phrases among the n */
  uint32_t one_word_place : 1; /* 1 when one of the n is a one-word place
                            (DICT_C_PLACE, n_words 1), else 0: the coder
                            asks this of every token, and walking the
                            list for it cost a cache miss per key */
  uint32_t sieve : 31;   /* where the sieve of the actor phrases is in
                            dict_head.sieve, 0 when they have none
                            (dict_sieve_mask) */
  const dict_classes *classes; /* grammar word classes of this form (the
                            same as dict_wordclass_mask), found by the
                            same hash probe; NULL when it is in none, as
                            most forms are.  Why a pointer: a set is 32
                            bytes, and every token's keys hold a
                            dict_hits */
} dict_hits;

#define DICT_NO_KEY UINT32_MAX

/* True when the form of h is a word of class c. */
static inline bool dict_hits_is(const dict_hits *h, int c) {
  return h->classes && dict_cls_has(*h->classes, c);
}

/* One bit of a 64-bit Bloom filter for key id `id` (Fibonacci hashing):
** a word matches a token only if their filters share a bit, so most
** non-matching words are rejected with one AND. */
static inline uint64_t dict_key_bloom(uint32_t id) {
  return (uint64_t)1 << ((id * 0x9E3779B97F4A7C15ULL) >> 58);
}

/* Create an empty dictionary.  Returns WASIT_OK or WASIT_ENOMEM. */
int dict_new(wasit_dict **out, const wasit_allocator *alloc, wasit_error *err);

/* Parse one file's contents.  `name` is the file path; its base name
** selects the format (countries.txt, actors.txt, people.txt, agents.txt,
** verbs.txt, cameo.txt, places.txt, discard.txt; anything else is
** WASIT_EINVAL).  buf need not be NUL-terminated.  A malformed line gives
** WASIT_EDICT with err->where = name and err->line = its line; the dict
** must then be freed.  verbs.txt needs cameo.txt parsed first. */
int dict_parse_file(wasit_dict *d, const char *name, const char *buf,
                    size_t len, wasit_error *err);

/* Build the index after the last dict_parse_file.  WASIT_OK/WASIT_ENOMEM;
** WASIT_EINVAL when called again (as dict_parse_file is after it). */
int dict_finish(wasit_dict *d, wasit_error *err);

/* The phrases whose first word has key s[0..len) (already normalized and
** ال-stripped), the key's id and its word classes, in one hash probe.
** Never fails; n = 0, key = DICT_NO_KEY, classes = NULL when unknown. */
dict_hits dict_lookup(const wasit_dict *d, const char *s, size_t len);

/* Strip a leading "ال" from a normalized word when >= 2 letters remain;
** returns the new start and sets *len. */
const char *dict_key_strip(const char *s, size_t *len);

/* The word classes (class c for enum dict_wordclass c) of the normalized
** word s[0..len); empty when it is in none. */
dict_classes dict_wordclass_mask(const wasit_dict *d, const char *s,
                                 size_t len);

/* The first member of every wasit_dict (dict_int.h), so that a pointer to
** the dictionary is also a pointer to it: the phrase table, which the
** coder reads for every candidate phrase (over a million times per MB of
** news), and the actor, verb and place tables, which the rules read
** hundreds of thousands of times per MB, are reached by inline accessors
** instead of calls. */
typedef struct dict_head {
  dict_phrase *phrases;
  dict_actor *actors;
  dict_verb *verbs;
  dict_place *places;
  const uint64_t *sieve; /* the sieves of long actor lists
                            (dict_sieve_mask), NULL when there are none */
} dict_head;

/* Accessors (indices come from dict_lookup / dict_phrase.ref). */
static inline const dict_head *dict_head_of(const wasit_dict *d) {
  return (const dict_head *)(const void *)d;
}
static inline const dict_phrase *dict_phrase_at(const wasit_dict *d,
                                                uint32_t i) {
  return &dict_head_of(d)->phrases[i];
}
static inline const dict_actor *dict_actor_at(const wasit_dict *d,
                                              uint32_t i) {
  return &dict_head_of(d)->actors[i];
}
static inline const dict_verb *dict_verb_at(const wasit_dict *d, uint32_t i) {
  return &dict_head_of(d)->verbs[i];
}
static inline const dict_place *dict_place_at(const wasit_dict *d,
                                              uint32_t i) {
  return &dict_head_of(d)->places[i];
}
/* ------------------------------------------------------------ sieves */
/*
** The actor phrases of a first word are walked at every token that has
** the word, and each is tested against the token after it (dict_cand:
** f[c->on] & c->next).  The heavy words (رئيس with 71 actor phrases, قوات
** with 70) fail that test for almost all of them at almost every
** occurrence, since their phrases differ in the second word.  So a list
** of DICT_SIEVE_MIN..DICT_SIEVE_MAX actor phrases has a sieve, an index
** of its candidates by the Bloom bits of their second word, built by
** dict_finish in dict_head.sieve (64-bit words; word 0 is unused, so
** offset 0 means none).  For a list of n candidates, W = (n + 63) / 64
** words per position mask (bit x % 64 of word x / 64: candidate x of
** the list), the sieve at q = hits.sieve holds:
**   q              `present`: bit b set when some candidate on
**                  DICT_ON_WORD has bit b in its `next`;
**   q+1..q+W       the candidates on DICT_ON_ANY;
**   q+1+W..q+2W    the candidates on DICT_ON_GAP;
**   q+1+2W+r*W..   for each set bit of present, in ascending bit order
**                  (r: its rank among them), the mask of the candidates
**                  on DICT_ON_WORD whose next has that bit.
** Invariant: a candidate on DICT_ON_WORD passes the test exactly when
** its next shares a bit with f[DICT_ON_WORD], that is when it is in the
** mask of some bit of f[DICT_ON_WORD] & present; one on DICT_ON_ANY
** always passes; one on DICT_ON_GAP is tested one by one.  So
** dict_sieve_mask gives exactly the candidates the test passes, and the
** coder visits them in the list's order, as a loop testing each would. */
#define DICT_SIEVE_MIN 16
#define DICT_SIEVE_MAX 4096

/* The number of set bits of v (the baseline x86-64 build has no popcnt
** instruction, and the library call cost more). */
static inline uint32_t dict_popcount(uint64_t v) {
  v -= (v >> 1) & 0x5555555555555555ULL;
  v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
  v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return (uint32_t)((v * 0x0101010101010101ULL) >> 56);
}

/* The actor phrases 64 k .. 64 k + 63 of h's list (h->sieve != 0) that
** pass the filters f (indexed by enum dict_cand_on) of the token after
** the first word, as a mask: bit b for candidate 64 k + b. */
static inline uint64_t dict_sieve_mask(const wasit_dict *d, const dict_hits *h,
                                       const uint64_t *f, uint32_t k) {
  const uint64_t *q = dict_head_of(d)->sieve + h->sieve;
  uint32_t nw = (h->n_act + 63) / 64;
  uint64_t m = q[1 + k];
  for (uint64_t g = q[1 + nw + k]; g; g &= g - 1)
    if (f[DICT_ON_GAP] & h->cands[64 * k + (uint32_t)__builtin_ctzll(g)].next)
      m |= g & -g;
  for (uint64_t want = f[DICT_ON_WORD] & q[0]; want; want &= want - 1)
    m |= q[1 + 2 * nw + dict_popcount(q[0] & ((want & -want) - 1)) * nw + k];
  return m;
}

/* The cameo.txt row of `code`, or NULL. */
const dict_cameo *dict_cameo_find(const wasit_dict *d, const char *code);
/* The index of the verbs.txt entry with id `id` (when not NULL), else of
** the first with CAMEO code `code`, into *out; false if none.  By id a
** linear search (callers look up once what they use often); by code one
** table slot. */
bool dict_verb_find(const wasit_dict *d, const char *id, const char *code,
                    uint32_t *out);

/* Counts for tests and reports. */
typedef struct dict_stats {
  size_t actors, verbs, places, discards, cameo, phrases, keys;
} dict_stats;
void dict_get_stats(const wasit_dict *d, dict_stats *st);

/* morph.c: expand one V:/I: word (normalized, without the prefix) into its
** inflected forms, appended to out[0..*n) (cap entries; each string is
** arena-allocated and NUL-terminated).  `imperfect` selects I:.  Returns
** WASIT_OK, WASIT_ENOMEM, or WASIT_EDICT when an I: form does not start
** with ي (ya). */
int dict_morph_expand(wa_arena *ar, const char *stem, size_t len,
                      int imperfect, const char **out, size_t *n, size_t cap);
/* morph.c: the seat forms of a noun word ending in اء (لقاء): ـاي and ـاو,
** the normalized stems of لقائه and لقاؤه once the pronoun is split off,
** appended to out[0..*n) like dict_morph_expand.  Other words add
** nothing.  Returns WASIT_OK or WASIT_ENOMEM. */
int dict_morph_hamza(wa_arena *ar, const char *word, size_t len,
                     const char **out, size_t *n, size_t cap);
/* morph.c: the other forms of a circumstantial participle given in the
** masculine singular (F:معربا، F:مشيدا، F:رافضا): the feminine ـة and the
** plural or dual ـين (معربة، معربين; a weak داعيا gives داعين only),
** appended to out[0..*n) like dict_morph_expand.  A word that is no
** participle in the accusative (F:وعدا، F:قبلتا، F:شكروا) adds nothing.
** Returns WASIT_OK or WASIT_ENOMEM. */
int dict_morph_hal(wa_arena *ar, const char *word, size_t len,
                   const char **out, size_t *n, size_t cap);
/* morph.c: does the normalized word look like a circumstantial participle
** (مؤكدا، داعية، معربين) rather than a finite verb form (شكر، هنأت،
** وعدوا)?  An F: phrase may give either. */
bool dict_morph_participle(const char *word, size_t len);
/* morph.c: does the normalized word, once any pronoun suffix (ـه، ـها،
** ـهم، ـهما) is taken off, have the shape of a verbal noun of a derived
** verb: تفعيل (تجميد), إفعال (إغلاق), افتعال (اعتراف), انفعال (انضمام)
** or استفعال (استدعاء)?  Only the letter count and a few fixed letters
** are tested, so some other words pass (تشرين, إنسان); Form I verbal
** nouns (وقف، فتح) have no shape of their own, and a word with the
** article (الإغلاق) is not recognized. */
bool dict_morph_verbal_noun(const char *word, size_t len);
/* morph.c: the forms of a nisba adjective word (normalized, ending in ي:
** "نيكاراغوي") that stand for people of the state, appended to out[0..*n)
** like dict_morph_expand: the accusative ـيا, the plurals ـيون/ـيين and
** ـيات, the duals ـيان and ـيتان/ـيتين.  A word not ending in ي adds nothing.  Returns WASIT_OK
** or WASIT_ENOMEM. */
int dict_morph_nisba(wa_arena *ar, const char *adj, size_t len,
                     const char **out, size_t *n, size_t cap);

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (s[0..len)) into YYYYMMDD, with
** missing parts set to the start (end=0) or end (end=1) of the period.
** Returns false when malformed. */
bool dict_parse_date(const char *s, size_t len, int end, int32_t *out);

/* Parse the number s[0..len) (a Goldstein value, a latitude) as strtod()
** reads it, the whole of it.  Returns false when malformed or out of
** range. */
bool dict_parse_double(const char *s, size_t len, double *v);

#endif /* WASIT_DICT_H */
