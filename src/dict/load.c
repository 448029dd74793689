/*
** load.c: dictionary parsing (src/dict, stage 2).
**
** Parses the plain-text files of dict/ar/ (format: dict/ar/README.md) from a
** memory buffer into the tables of a wasit_dict; one thin wrapper at the end
** (wasit_dict_load) reads the files of a directory.  Every malformed line is
** a WASIT_EDICT error naming the file and its line; there is no partial
** load.  Input: UTF-8 text, lines of `|`-separated fields, `#` comments.
** Typical sizes: a few thousand lines in all; loading takes milliseconds.
*/
#include "dict_int.h"
#include "../text/text.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FIELDS 8
#define MAX_FORMS 96

enum file_kind {
  F_COUNTRIES, F_ACTORS, F_PEOPLE, F_AGENTS, F_VERBS, F_CAMEO, F_PLACES,
  F_DISCARD, F_GRAMMAR, F_UNKNOWN
};

static const char *const file_names[] = {
    "countries.txt", "actors.txt", "people.txt", "agents.txt",
    "verbs.txt",     "cameo.txt",  "places.txt", "discard.txt",
    "grammar.txt"};

/* A field: s[0..len), trimmed. */
typedef struct field {
  const char *s;
  size_t len;
} field;

/* A phrase word compiled: its forms (dict_word.alts, alt_lens), room for
** their key ids (alt_keys, filled by dict_index_build) and whether the
** article was cut off some form (dict_key_strip). */
typedef struct word_alts {
  const char **alts;
  uint16_t *lens;
  uint32_t *keys;        /* keys[0] == DICT_NO_KEY until the index fills
                            them */
  uint16_t n;
  bool stripped;
} word_alts;

/* The phrase words one dict_parse_file call has compiled, by the word as
** written (with its V:/I:/F: prefix) and whether it belongs to a nisba
** adjective (the one other thing its forms depend on).  Why: a file
** repeats its words (verbs.txt gives 4,100 verb words, 700 of them
** distinct, and each costs a normalization and a morphological expansion
** of 10-30 forms; people.txt repeats given and family names), and a
** repeat now costs one hash probe, and the index resolves the key ids of
** its forms once (dict_index_build).  Invariant: a word's word_alts are a
** function of (its text, adj) alone, so the words that share them hold
** what compiling each again would give them.  The keys point into the
** file's buffer, hence one memo per call. */
typedef struct memo_entry {
  const char *raw;
  uint32_t len;
  bool adj;              /* a word of a DICT_A_ADJ actor */
  word_alts wa;
} memo_entry;

typedef struct word_memo {
  uint32_t *slots;       /* open addressing, load factor <= 1/2: 0 =
                            empty, else 1 + an index in entries[] */
  size_t cap;            /* 0 or a power of two */
  memo_entry *entries;
  size_t n, cap_entries;
} word_memo;

/* Parsing context of one line. */
typedef struct line_ctx {
  wasit_dict *d;
  const char *name;
  int line;
  wasit_error *err;
  word_memo *memo;       /* the words this file has compiled */
} line_ctx;

#define BAD(lc, ...) WA_ERR_AT((lc)->err, WASIT_EDICT, (lc)->name, (lc)->line, __VA_ARGS__)

/* isspace() in the "C" locale: ' ', \t, \n, \v, \f, \r.  Why not
** isspace(): it reads the locale's table for every byte of every phrase
** (5 % of the load), and what splits a dictionary line should not depend
** on the caller's locale. */
static inline bool is_space(unsigned char c) {
  return c <= ' ' && (c == ' ' || (unsigned)(c - '\t') < 5);
}

/* The first space byte of [p, end), or end.  A phrase word is mostly
** Arabic letters (bytes 0x80 and up), so eight bytes are tested at once
** for a byte below 0x21 (the spaces and the control bytes); a block with
** one is looked at. */
static const char *word_end(const char *p, const char *end) {
  const uint64_t ones = 0x0101010101010101ULL;
  while (end - p >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    /* the lowest bit set flags the first byte below 0x21 exactly (no
    ** borrow reaches it from the bytes before) */
    uint64_t low = (w - ones * 0x21) & ~w & ones * 0x80;
    if (!low) {
      p += 8;
      continue;
    }
    p += __builtin_ctzll(low) / 8;
    if (is_space((unsigned char)*p)) return p;
    p++;   /* a control byte: part of the word */
  }
  while (p < end && !is_space((unsigned char)*p)) p++;
  return p;
}

static field trim(const char *s, size_t len) {
  while (len && is_space((unsigned char)*s)) s++, len--;
  while (len && is_space((unsigned char)s[len - 1])) len--;
  return (field){s, len};
}

/* Split f at `sep` into at most max parts; returns the count, or max+1 when
** there are more. */
static size_t split(field f, char sep, field *out, size_t max) {
  size_t n = 0;
  const char *p = f.s, *end = f.s + f.len;
  for (;;) {
    const char *q = memchr(p, sep, (size_t)(end - p));
    const char *e = q ? q : end;
    if (n == max) return max + 1;
    out[n++] = trim(p, (size_t)(e - p));
    if (!q) break;
    p = q + 1;
  }
  return n;
}

static bool feq(field f, const char *lit) {
  return f.len == strlen(lit) && memcmp(f.s, lit, f.len) == 0;
}

/* Actor code: [A-Z]{3}[A-Z0-9]*, at most 15 characters. */
static bool valid_actor_code(field f) {
  if (f.len < 3 || f.len > 15) return false;
  for (size_t i = 0; i < f.len; i++) {
    char c = f.s[i];
    if (!((c >= 'A' && c <= 'Z') || (i >= 3 && c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

static bool valid_event_code(field f) {
  if (f.len < 2 || f.len > 4) return false;
  for (size_t i = 0; i < f.len; i++)
    if (f.s[i] < '0' || f.s[i] > '9') return false;
  return true;
}

/* The slot of a CAMEO code in cameo_slot[] (see dict_int.h), or -1 when
** `code` is not 2-4 digits. */
static long dict_code_slot(const char *code) {
  long v = 0;
  size_t n = 0;
  for (; code[n] != '\0'; n++) {
    if (n == 4 || code[n] < '0' || code[n] > '9') return -1;
    v = v * 10 + (code[n] - '0');
  }
  if (n < 2) return -1;
  return n == 2 ? v : n == 3 ? 100 + v : 1100 + v;
}

static const char *fdup(wasit_dict *d, field f) {
  return arena_strndup(&d->ar, f.s, f.len);
}

/* Contract in dict.h. */
bool dict_parse_date(const char *s, size_t len, int end, int32_t *out) {
  /* the shape, position by position: digits, and dashes at 4 and 7 */
#define DIGIT(c) ((unsigned)((c) - '0') < 10)
  if ((len != 4 && len != 7 && len != 10) || !DIGIT(s[0]) || !DIGIT(s[1]) ||
      !DIGIT(s[2]) || !DIGIT(s[3]) ||
      (len >= 7 && (s[4] != '-' || !DIGIT(s[5]) || !DIGIT(s[6]))) ||
      (len == 10 && (s[7] != '-' || !DIGIT(s[8]) || !DIGIT(s[9]))))
    return false;
#undef DIGIT
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = len >= 7 ? (s[5] - '0') * 10 + (s[6] - '0') : end ? 12 : 1;
  int dd = len == 10 ? (s[8] - '0') * 10 + (s[9] - '0') : end ? 31 : 1;
  if (m < 1 || m > 12 || dd < 1 || dd > 31) return false;
  *out = y * 10000 + m * 100 + dd;
  return true;
}

/* "from:to" with either side empty. */
static bool parse_range(field f, int32_t *from, int32_t *to) {
  const char *c = memchr(f.s, ':', f.len);
  if (!c) return false;
  field a = trim(f.s, (size_t)(c - f.s));
  field b = trim(c + 1, (size_t)(f.s + f.len - c - 1));
  *from = 0;
  *to = 99999999;
  if (a.len && !dict_parse_date(a.s, a.len, 0, from)) return false;
  if (b.len && !dict_parse_date(b.s, b.len, 1, to)) return false;
  return *from <= *to;
}

/* Contract in dict.h.  A plain decimal of at most 15 digits ("36.2",
** "-5.5": every number the shipped files hold) is read here: its digits
** are an integer m < 10^15 < 2^53 and its k fraction digits make
** 10^k <= 10^15, both exact doubles, so m / 10^k is their one correctly
** rounded quotient, which is what strtod() returns (Clinger's fast path).
** Why: strtod() was 3 % of the load, for 2,000 numbers.  Anything else
** (exponents, a sign +, more digits) goes to strtod(). */
bool dict_parse_double(const char *s, size_t len, double *v) {
  static const double pow10[16] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,
                                   1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15};
  size_t i = len > 0 && s[0] == '-';
  uint64_t m = 0;
  int digits = 0, frac = -1;   /* frac: digits after the point, -1: none */
  for (; i < len; i++) {
    if (s[i] >= '0' && s[i] <= '9') {
      m = m * 10 + (uint64_t)(s[i] - '0');
      digits++;
      frac += frac >= 0;
    } else if (s[i] == '.' && frac < 0) {
      frac = 0;
    } else {
      break;
    }
  }
  if (i == len && digits > 0 && digits <= 15) {
    double x = (double)m / pow10[frac > 0 ? frac : 0];
    *v = s[0] == '-' ? -x : x;
    return true;
  }
  char tmp[64];
  if (len == 0 || len >= sizeof tmp) return false;
  memcpy(tmp, s, len);
  tmp[len] = '\0';
  char *end;
  errno = 0;
  *v = strtod(tmp, &end);
  return errno == 0 && *end == '\0';
}

/* Contract in dict.h. */
const char *dict_key_strip(const char *s, size_t *len) {
  /* "ال" = D8 A7 D9 84; keep when fewer than 2 letters (4 bytes) remain */
  if (*len >= 8 && (unsigned char)s[0] == 0xD8 && (unsigned char)s[1] == 0xA7 &&
      (unsigned char)s[2] == 0xD9 && (unsigned char)s[3] == 0x84) {
    *len -= 4;
    return s + 4;
  }
  return s;
}

/* The forms of the phrase word x (its V:/I:/F: prefix, kind vk, removed:
** 1 = V:, 2 = I:, 3 = F:, 0 = none) into forms[0 .. *nf): its normalized
** text and the forms morph.c derives from it.  adj: a nisba adjective's
** word. */
static int word_forms(line_ctx *lc, field x, int vk, bool adj,
                      const char **forms, size_t *nf) {
  wasit_dict *d = lc->d;
  size_t n = 0;
  char *norm = txt_normalize_str(&d->ar, x.s, x.len, &n);
  if (!norm) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  if (n == 0) return BAD(lc, "empty word after normalization");
  if (vk == 3) {
    forms[(*nf)++] = norm;
    /* "معربين عن دعمهم", "مشيدة بدور": the participle's other forms */
    if (dict_morph_hal(&d->ar, norm, n, forms, nf, MAX_FORMS))
      return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  } else if (vk) {
    int rc = dict_morph_expand(&d->ar, norm, n, vk == 2, forms, nf, MAX_FORMS);
    if (rc == WASIT_ENOMEM)
      return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
    if (rc) return BAD(lc, "I: form must start with ya: '%.*s'", (int)x.len, x.s);
  } else {
    forms[(*nf)++] = norm;
    /* "خلال لقائه", "اعتداؤه": a final hamza's seat before a pronoun */
    if (dict_morph_hamza(&d->ar, norm, n, forms, nf, MAX_FORMS))
      return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
    /* a nisba adjective also stands in the accusative, the plural and
    ** the dual ("محتجزا إسرائيليا", "آلاف النيكاراغويين") */
    if (adj && dict_morph_nisba(&d->ar, norm, n, forms, nf, MAX_FORMS))
      return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  }
  return WASIT_OK;
}

/* Compile the phrase word x (prefix removed, kind vk as in word_forms)
** into *wa. */
static int compile_word(line_ctx *lc, field x, int vk, bool adj,
                        word_alts *wa) {
  wasit_dict *d = lc->d;
  const char *forms[MAX_FORMS];
  size_t nf = 0;
  int rc = word_forms(lc, x, vk, adj, forms, &nf);
  if (rc) return rc;
  wa->alts = arena_alloc(&d->ar, nf * sizeof *wa->alts);
  wa->lens = arena_alloc(&d->ar, nf * sizeof *wa->lens);
  wa->keys = arena_alloc(&d->ar, nf * sizeof *wa->keys);
  if (!wa->alts || !wa->lens || !wa->keys)
    return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  /* verb forms keep a leading ال (التقى): a verb never takes the
  ** article, so the coder matches them unstripped.  Neither do words
  ** whose "ال" is part of the name: the article is always written
  ** with a bare alef, so أل/إل/آل (ألبان, إلهام, ألمانيا) stay whole,
  ** or بأنه would read as بان and code Albania. */
  bool article = x.len >= 4 && memcmp(x.s, "\xd8\xa7\xd9\x84", 4) == 0;
  wa->stripped = false;
  for (size_t k = 0; k < nf; k++) {
    size_t kl = strlen(forms[k]);
    wa->alts[k] = vk || !article ? forms[k] : dict_key_strip(forms[k], &kl);
    wa->stripped |= wa->alts[k] != forms[k];
    wa->lens[k] = (uint16_t)kl;
  }
  if (nf) wa->keys[0] = DICT_NO_KEY;
  wa->n = (uint16_t)nf;
  d->n_alts += nf;
  return WASIT_OK;
}

/* compile_word() of the word written `raw` (x is raw without its
** prefix), or the word_alts of its first compilation in this file
** (word_memo). */
static int memo_word(line_ctx *lc, field raw, field x, int vk, bool adj,
                     word_alts *wa) {
  word_memo *m = lc->memo;
  const wasit_allocator *al = lc->d->alloc;
  if ((m->n + 1) * 2 > m->cap) {   /* grow (and first make) the table */
    size_t cap = m->cap ? m->cap * 2 : 1024;
    uint32_t *t = wa_calloc(al, cap, sizeof *t);
    if (!t) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
    for (size_t j = 0; j < m->n; j++) {
      const memo_entry *e = &m->entries[j];
      size_t at = (size_t)dict_hash_bytes(e->raw, e->len) & (cap - 1);
      while (t[at]) at = (at + 1) & (cap - 1);
      t[at] = (uint32_t)j + 1;
    }
    wa_free(al, m->slots);
    m->slots = t;
    m->cap = cap;
  }
  size_t mask = m->cap - 1;
  size_t at = (size_t)dict_hash_bytes(raw.s, raw.len) & mask;
  for (; m->slots[at]; at = (at + 1) & mask) {
    const memo_entry *e = &m->entries[m->slots[at] - 1];
    if (e->len == raw.len && e->adj == adj &&
        wa_bytes_eq(e->raw, raw.s, raw.len)) {
      *wa = e->wa;
      return WASIT_OK;
    }
  }
  int rc = compile_word(lc, x, vk, adj, wa);
  if (rc) return rc;
  if (!wa_grow(al, (void **)&m->entries, &m->cap_entries, m->n + 1,
               sizeof *m->entries))
    return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  m->entries[m->n] = (memo_entry){.raw = raw.s, .len = (uint32_t)raw.len,
                                  .adj = adj, .wa = *wa};
  m->slots[at] = (uint32_t)++m->n;
  return WASIT_OK;
}

/* Compile one phrase (words separated by spaces) into d->head.phrases. */
static int add_phrase(line_ctx *lc, field f, int cat, uint32_t ref,
                      bool verb_syntax) {
  wasit_dict *d = lc->d;
  field w[64];
  size_t nw = 0;
  const char *p = f.s, *end = f.s + f.len;
  while (p < end) {
    while (p < end && is_space((unsigned char)*p)) p++;
    if (p >= end) break;
    const char *q = word_end(p, end);
    if (nw == 64) return BAD(lc, "phrase has more than 64 words");
    w[nw++] = (field){p, (size_t)(q - p)};
    p = q;
  }
  if (nw == 0) return BAD(lc, "empty phrase");
  dict_word *words = arena_calloc(&d->ar, nw, sizeof *words);
  if (!words) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  bool verbal = false;
  /* Names of states, capitals, organisations, people and places keep
  ** their article in running text; role words and adjectives do not
  ** (جيش الاحتلال, قوات سعودية). */
  int akind = cat == DICT_C_ACTOR ? d->head.actors[ref].kind : 0;
  bool proper_name = cat == DICT_C_PLACE || akind == DICT_A_NAME ||
                     akind == DICT_A_CAPITAL || akind == DICT_A_ACTOR ||
                     akind == DICT_A_PERSON;
  for (size_t i = 0; i < nw; i++) {
    field x = w[i];
    if (feq(x, "*")) {
      if (!verb_syntax) return BAD(lc, "'*' is only allowed in verbs.txt and discard.txt");
      if (i == 0 || i == nw - 1)
        return BAD(lc, "a phrase cannot start or end with '*'");
      words[i].gap = 1;
      continue;
    }
    int vk = 0; /* 1 = V:, 2 = I:, 3 = F: (one verb form, no expansion) */
    if (x.len > 2 && x.s[1] == ':' && (x.s[0] == 'V' || x.s[0] == 'I' ||
                                       x.s[0] == 'N' || x.s[0] == 'F')) {
      if (!verb_syntax)
        return BAD(lc, "'%c:' word forms are only allowed in verbs.txt and discard.txt",
                   x.s[0]);
      vk = x.s[0] == 'V' ? 1 : x.s[0] == 'I' ? 2 : x.s[0] == 'F' ? 3 : 0;
      x.s += 2;
      x.len -= 2;
    } else if (x.len >= 2 && x.s[1] == ':' && isupper((unsigned char)x.s[0])) {
      return BAD(lc, "unknown word form '%.*s'", (int)x.len, x.s);
    }
    word_alts wa = {0};
    int rc = memo_word(lc, w[i], x, vk, akind == DICT_A_ADJ, &wa);
    if (rc) return rc;
    if (vk) {
      verbal = true;
      words[i].verbal = vk == 3 ? 2 : 1; /* 2: a participle (dict_word.verbal) */
    }
    bool article = x.len >= 4 && memcmp(x.s, "\xd8\xa7\xd9\x84", 4) == 0;
    if (wa.stripped && proper_name) words[i].article = 1;
    else if (akind == DICT_A_PERSON && !vk && !article) words[i].article = 2;
    words[i].alts = wa.alts;
    words[i].alt_lens = wa.lens;
    words[i].alt_keys = wa.keys;
    words[i].n_alts = wa.n;
  }
  if (!wa_grow(d->alloc, (void **)&d->head.phrases, &d->cap_phrases,
               d->n_phrases + 1, sizeof *d->head.phrases))
    return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  d->head.phrases[d->n_phrases++] = (dict_phrase){
      .cat = (uint8_t)cat, .n_words = (uint8_t)nw, .verbal = verbal,
      .ref = ref, .words = words};
  return WASIT_OK;
}

/* Every comma-separated phrase of f. */
static int add_phrases(line_ctx *lc, field f, int cat, uint32_t ref,
                       bool verb_syntax) {
  field parts[256];
  size_t n = split(f, ',', parts, 256);
  if (n > 256) return BAD(lc, "more than 256 phrases on one line");
  for (size_t i = 0; i < n; i++) {
    if (parts[i].len == 0) return BAD(lc, "empty phrase");
    int rc = add_phrase(lc, parts[i], cat, ref, verb_syntax);
    if (rc) return rc;
  }
  return WASIT_OK;
}

static int new_actor(line_ctx *lc, dict_actor **a) {
  wasit_dict *d = lc->d;
  if (!wa_grow(d->alloc, (void **)&d->head.actors, &d->cap_actors, d->n_actors + 1,
               sizeof *d->head.actors))
    return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  *a = &d->head.actors[d->n_actors++];
  memset(*a, 0, sizeof **a);
  (*a)->from = 0;
  (*a)->to = 99999999;
  return WASIT_OK;
}

static int line_countries(line_ctx *lc, field *f, size_t n) {
  if (n != 3) return BAD(lc, "expected 3 fields (CODE | kind | phrases), got %zu", n);
  /* "PRK+KOR | pair | الكوريتان": a dual that names two states; a name
  ** of the first whose actor stands for both (coder: members_of) */
  field second = {f[0].s, 0};
  if (feq(f[1], "pair")) {
    if (f[0].len != 7 || f[0].s[3] != '+')
      return BAD(lc, "bad pair code '%.*s' (AAA+BBB)", (int)f[0].len, f[0].s);
    second = (field){f[0].s + 4, 3};
    f[0].len = 3;
    if (!valid_actor_code(second))
      return BAD(lc, "bad country code '%.*s' (3 capital letters)", 3, second.s);
  }
  if (f[0].len != 3 || !valid_actor_code(f[0]))
    return BAD(lc, "bad country code '%.*s' (3 capital letters)", (int)f[0].len, f[0].s);
  bool governed = feq(f[1], "name_governed");
  int kind = feq(f[1], "name") || governed || second.len ? DICT_A_NAME
           : feq(f[1], "adj") ? DICT_A_ADJ
           : feq(f[1], "capital") ? DICT_A_CAPITAL
           : feq(f[1], "people") ? DICT_A_PEOPLE : 0;
  if (!kind) return BAD(lc, "unknown kind '%.*s' (name, name_governed, pair, adj, capital, people)", (int)f[1].len, f[1].s);
  dict_actor *a;
  int rc = new_actor(lc, &a);
  if (rc) return rc;
  a->kind = (uint8_t)kind;
  a->governed = governed;
  memcpy(a->country, f[0].s, 3);
  memcpy(a->pair, second.s, second.len);
  a->code = fdup(lc->d, f[0]);
  if (!a->code) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  return add_phrases(lc, f[2], DICT_C_ACTOR, (uint32_t)(lc->d->n_actors - 1), false);
}

static int line_actors(line_ctx *lc, field *f, size_t n) {
  if (n != 2 && n != 3) return BAD(lc, "expected 2 or 3 fields (CODE | phrases [| from:to]), got %zu", n);
  if (!valid_actor_code(f[0]))
    return BAD(lc, "bad actor code '%.*s'", (int)f[0].len, f[0].s);
  dict_actor *a;
  int rc = new_actor(lc, &a);
  if (rc) return rc;
  a->kind = DICT_A_ACTOR;
  if (n == 3 && !parse_range(f[2], &a->from, &a->to))
    return BAD(lc, "bad date range '%.*s' (from:to)", (int)f[2].len, f[2].s);
  memcpy(a->country, f[0].s, 3);
  a->code = fdup(lc->d, f[0]);
  if (!a->code) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  return add_phrases(lc, f[1], DICT_C_ACTOR, (uint32_t)(lc->d->n_actors - 1), false);
}

static int line_people(line_ctx *lc, field *f, size_t n) {
  if (n != 2) return BAD(lc, "expected 2 fields (phrases | roles), got %zu", n);
  field r[32];
  size_t nr = split(f[1], ';', r, 32);
  if (nr > 32) return BAD(lc, "more than 32 roles");
  dict_role *roles = arena_calloc(&lc->d->ar, nr, sizeof *roles);
  if (!roles) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  for (size_t i = 0; i < nr; i++) {
    const char *sp = r[i].s;
    while (sp < r[i].s + r[i].len && !is_space((unsigned char)*sp)) sp++;
    field code = trim(r[i].s, (size_t)(sp - r[i].s));
    field range = trim(sp, (size_t)(r[i].s + r[i].len - sp));
    if (!valid_actor_code(code))
      return BAD(lc, "bad actor code '%.*s' in role %zu", (int)code.len, code.s, i + 1);
    roles[i].from = 0;
    roles[i].to = 99999999;
    if (range.len && !parse_range(range, &roles[i].from, &roles[i].to))
      return BAD(lc, "bad date range '%.*s'", (int)range.len, range.s);
    roles[i].code = fdup(lc->d, code);
    if (!roles[i].code) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  }
  dict_actor *a;
  int rc = new_actor(lc, &a);
  if (rc) return rc;
  a->kind = DICT_A_PERSON;
  a->roles = roles;
  a->n_roles = nr;
  a->code = roles[0].code;
  memcpy(a->country, roles[0].code, 3);
  return add_phrases(lc, f[0], DICT_C_ACTOR, (uint32_t)(lc->d->n_actors - 1), false);
}

static int line_agents(line_ctx *lc, field *f, size_t n) {
  if (n != 2) return BAD(lc, "expected 2 fields (ROLE | phrases), got %zu", n);
  if (!valid_actor_code(f[0]))
    return BAD(lc, "bad role code '%.*s'", (int)f[0].len, f[0].s);
  dict_actor *a;
  int rc = new_actor(lc, &a);
  if (rc) return rc;
  a->kind = DICT_A_AGENT;
  a->code = fdup(lc->d, f[0]);
  if (!a->code) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  return add_phrases(lc, f[1], DICT_C_ACTOR, (uint32_t)(lc->d->n_actors - 1), false);
}

static int parse_flags(line_ctx *lc, field f, dict_verb *v) {
  field fl[16];
  size_t n = split(f, ',', fl, 16);
  if (n > 16) return BAD(lc, "too many flags");
  for (size_t i = 0; i < n; i++) {
    if (feq(fl[i], "mutual")) v->flags |= DICT_F_MUTUAL;
    else if (feq(fl[i], "passive")) v->flags |= DICT_F_PASSIVE;
    else if (feq(fl[i], "notgt")) v->flags |= DICT_F_NOTGT;
    else if (feq(fl[i], "say")) v->flags |= DICT_F_SAY;
    else if (feq(fl[i], "forces")) v->flags |= DICT_F_FORCES;
    else if (feq(fl[i], "planned")) v->flags |= DICT_F_PLANNED;
    else if (feq(fl[i], "object")) v->flags |= DICT_F_OBJECT;
    else if (feq(fl[i], "claim")) v->flags |= DICT_F_CLAIM;
    else if (feq(fl[i], "abroad")) v->flags |= DICT_F_ABROAD;
    else if (fl[i].len > 9 && memcmp(fl[i].s, "converse=", 9) == 0) {
      field c = {fl[i].s + 9, fl[i].len - 9};
      if (!valid_event_code(c))
        return BAD(lc, "bad converse code '%.*s' (2-4 digits)", (int)c.len, c.s);
      memcpy(v->converse, c.s, c.len);
      v->converse[c.len] = '\0';
      if (!dict_cameo_find(lc->d, v->converse))
        return BAD(lc, "converse code %s is not in cameo.txt", v->converse);
    }
    else if (fl[i].len > 4 && memcmp(fl[i].s, "tgt=", 4) == 0) {
      field pr[8];
      size_t np = split((field){fl[i].s + 4, fl[i].len - 4}, ';', pr, 8);
      if (np > 8) return BAD(lc, "too many target prepositions");
      const char **t = arena_alloc(&lc->d->ar, np * sizeof *t);
      if (!t) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
      for (size_t k = 0; k < np; k++) {
        if (!pr[k].len) return BAD(lc, "empty target preposition");
        size_t nl;
        char *s = txt_normalize_str(&lc->d->ar, pr[k].s, pr[k].len, &nl);
        if (!s) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
        t[k] = s;
      }
      v->tgt = t;
      v->n_tgt = np;
    } else
      return BAD(lc, "unknown flag '%.*s'", (int)fl[i].len, fl[i].s);
  }
  return WASIT_OK;
}

/* Is s the id?  The first bytes are compared before strlen: the
** duplicate checks compare each new id with every earlier one, and most
** ids differ at once. */
static bool id_eq(const char *s, field id) {
  if (id.len > 0 && s[0] != id.s[0]) return false;
  return strlen(s) == id.len && memcmp(s, id.s, id.len) == 0;
}

/* The slot of d->verb_ids that holds the verb with this id, or the empty
** one where it goes. */
static size_t verb_id_slot(const wasit_dict *d, field id) {
  size_t mask = d->cap_verb_ids - 1;
  size_t at = (size_t)dict_hash_bytes(id.s, id.len) & mask;
  for (; d->verb_ids[at]; at = (at + 1) & mask)
    if (id_eq(d->head.verbs[d->verb_ids[at] - 1].id, id)) break;
  return at;
}

/* Room in d->verb_ids for one more verb; false when out of memory. */
static bool verb_ids_room(wasit_dict *d) {
  if ((d->n_verbs + 1) * 2 <= d->cap_verb_ids) return true;
  size_t cap = d->cap_verb_ids ? d->cap_verb_ids * 2 : 512;
  uint32_t *t = wa_calloc(d->alloc, cap, sizeof *t);
  if (!t) return false;
  wa_free(d->alloc, d->verb_ids);
  d->verb_ids = t;
  d->cap_verb_ids = cap;
  for (size_t i = 0; i < d->n_verbs; i++) {
    const char *id = d->head.verbs[i].id;
    t[verb_id_slot(d, (field){id, strlen(id)})] = (uint32_t)i + 1;
  }
  return true;
}

static bool discard_id_taken(const wasit_dict *d, field id) {
  for (size_t i = 0; i < d->n_discards; i++)
    if (id_eq(d->discards[i], id)) return true;
  return false;
}

static int line_verbs(line_ctx *lc, field *f, size_t n) {
  wasit_dict *d = lc->d;
  if (n != 3 && n != 4) return BAD(lc, "expected 3 or 4 fields (ID | CODE | phrases [| flags]), got %zu", n);
  if (!f[0].len) return BAD(lc, "empty pattern id");
  if (!valid_event_code(f[1])) return BAD(lc, "bad event code '%.*s' (2-4 digits)", (int)f[1].len, f[1].s);
  char code[5] = {0};
  memcpy(code, f[1].s, f[1].len);
  const dict_cameo *cm = dict_cameo_find(d, code);
  if (!cm) return BAD(lc, "event code %s is not in cameo.txt", code);
  if (!verb_ids_room(d)) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  size_t id_slot = verb_id_slot(d, f[0]);
  if (d->verb_ids[id_slot])
    return BAD(lc, "duplicate pattern id '%.*s'", (int)f[0].len, f[0].s);
  if (!wa_grow(d->alloc, (void **)&d->head.verbs, &d->cap_verbs, d->n_verbs + 1, sizeof *d->head.verbs))
    return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  dict_verb *v = &d->head.verbs[d->n_verbs++];
  long slot = dict_code_slot(code);   /* >= 0: a valid code */
  if (d->verb_slot[slot] == 0) d->verb_slot[slot] = (uint32_t)d->n_verbs;
  memset(v, 0, sizeof *v);
  memcpy(v->code, code, sizeof code);
  v->goldstein = cm->goldstein;
  v->id = fdup(d, f[0]);
  if (!v->id) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  d->verb_ids[id_slot] = (uint32_t)d->n_verbs;
  if (n == 4 && f[3].len) {
    int rc = parse_flags(lc, f[3], v);
    if (rc) return rc;
  }
  return add_phrases(lc, f[2], DICT_C_VERB, (uint32_t)(d->n_verbs - 1), true);
}

static int line_cameo(line_ctx *lc, field *f, size_t n) {
  wasit_dict *d = lc->d;
  if (n != 3) return BAD(lc, "expected 3 fields (CODE | goldstein | label), got %zu", n);
  if (!valid_event_code(f[0])) return BAD(lc, "bad event code '%.*s' (2-4 digits)", (int)f[0].len, f[0].s);
  double g;
  if (!dict_parse_double(f[1].s, f[1].len, &g) || g < -10 || g > 10)
    return BAD(lc, "bad Goldstein value '%.*s' (-10..10)", (int)f[1].len, f[1].s);
  char code[5] = {0};
  memcpy(code, f[0].s, f[0].len);
  if (dict_cameo_find(d, code)) return BAD(lc, "duplicate event code %s", code);
  if (!wa_grow(d->alloc, (void **)&d->cameo, &d->cap_cameo, d->n_cameo + 1, sizeof *d->cameo))
    return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  if (d->n_cameo >= UINT16_MAX)
    return BAD(lc, "more than %d event codes", UINT16_MAX - 1);
  dict_cameo *c = &d->cameo[d->n_cameo++];
  d->cameo_slot[dict_code_slot(code)] = (uint16_t)d->n_cameo;
  memcpy(c->code, code, sizeof code);
  c->goldstein = g;
  c->label = fdup(d, f[2]);
  if (!c->label) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  return WASIT_OK;
}

static int line_places(line_ctx *lc, field *f, size_t n) {
  wasit_dict *d = lc->d;
  if (n != 4) return BAD(lc, "expected 4 fields (phrases | COUNTRY | lat | lon), got %zu", n);
  if (f[1].len != 3 || !valid_actor_code(f[1]))
    return BAD(lc, "bad country code '%.*s'", (int)f[1].len, f[1].s);
  double lat, lon;
  if (!dict_parse_double(f[2].s, f[2].len, &lat) || lat < -90 || lat > 90)
    return BAD(lc, "bad latitude '%.*s'", (int)f[2].len, f[2].s);
  if (!dict_parse_double(f[3].s, f[3].len, &lon) || lon < -180 || lon > 180)
    return BAD(lc, "bad longitude '%.*s'", (int)f[3].len, f[3].s);
  if (!wa_grow(d->alloc, (void **)&d->head.places, &d->cap_places, d->n_places + 1, sizeof *d->head.places))
    return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  dict_place *p = &d->head.places[d->n_places++];
  memset(p, 0, sizeof *p);
  field first[1];
  const char *comma = memchr(f[0].s, ',', f[0].len);
  first[0] = trim(f[0].s, comma ? (size_t)(comma - f[0].s) : f[0].len);
  p->name = fdup(d, first[0]);
  char *cc = arena_strndup(&d->ar, f[1].s, 3);
  if (!p->name || !cc) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  p->loc.name = p->name;
  p->loc.country = cc;
  p->loc.lat = lat;
  p->loc.lon = lon;
  return add_phrases(lc, f[0], DICT_C_PLACE, (uint32_t)(d->n_places - 1), false);
}

/* grammar.txt: CLASS | word, word ...  One dict_gword per word and class;
** dict_finish() sorts them and merges the classes of equal words. */
static int line_grammar(line_ctx *lc, field *f, size_t n) {
#define DICT_WORDCLASS_NAME(name, word) word,
  static const char *const class_names[CW_COUNT] = {
      DICT_WORDCLASSES(DICT_WORDCLASS_NAME)};
#undef DICT_WORDCLASS_NAME
  wasit_dict *d = lc->d;
  if (n != 2) return BAD(lc, "expected 2 fields (CLASS | words), got %zu", n);
  int c = 0;
  while (c < CW_COUNT && !feq(f[0], class_names[c])) c++;
  if (c == CW_COUNT)
    return BAD(lc, "unknown word class '%.*s'", (int)f[0].len, f[0].s);
  field parts[256];
  size_t np = split(f[1], ',', parts, 256);
  if (np > 256) return BAD(lc, "more than 256 words on one line");
  for (size_t i = 0; i < np; i++) {
    if (parts[i].len == 0) return BAD(lc, "empty word");
    if (memchr(parts[i].s, ' ', parts[i].len))
      return BAD(lc, "'%.*s' is not one word", (int)parts[i].len, parts[i].s);
    size_t len = 0;
    char *norm = txt_normalize_str(&d->ar, parts[i].s, parts[i].len, &len);
    if (!norm) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
    if (len == 0) return BAD(lc, "empty word after normalization");
    if (!wa_grow(d->alloc, (void **)&d->gwords, &d->cap_gwords,
                 d->n_gwords + 1, sizeof *d->gwords))
      return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
    d->gwords[d->n_gwords++] =
        (dict_gword){.key = norm, .len = (uint32_t)len, .mask = dict_cls_one(c)};
  }
  return WASIT_OK;
}

static int line_discard(line_ctx *lc, field *f, size_t n) {
  wasit_dict *d = lc->d;
  if (n != 2) return BAD(lc, "expected 2 fields (ID | phrases), got %zu", n);
  if (!f[0].len) return BAD(lc, "empty discard id");
  if (discard_id_taken(d, f[0]))
    return BAD(lc, "duplicate discard id '%.*s'", (int)f[0].len, f[0].s);
  if (!wa_grow(d->alloc, (void **)&d->discards, &d->cap_discards, d->n_discards + 1, sizeof *d->discards))
    return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  const char *id = fdup(d, f[0]);
  if (!id) return WA_ERR(lc->err, WASIT_ENOMEM, "out of memory");
  d->discards[d->n_discards++] = id;
  /* discard phrases may use V:/I:/F: words and `*` gaps like verbs.txt
  ** ("V:احتل * مكانة": took up a place) */
  return add_phrases(lc, f[1], DICT_C_DISCARD, (uint32_t)(d->n_discards - 1), true);
}

static int file_kind_of(const char *name) {
  const char *base = strrchr(name, '/');
  base = base ? base + 1 : name;
  for (int k = 0; k < F_UNKNOWN; k++)
    if (strcmp(base, file_names[k]) == 0) return k;
  return F_UNKNOWN;
}

/* Contract in dict.h. */
int dict_new(wasit_dict **out, const wasit_allocator *alloc, wasit_error *err) {
  *out = NULL;
  wasit_dict *d = wa_calloc(alloc, 1, sizeof *d);
  if (!d) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  if (alloc) {
    d->alloc_copy = *alloc;
    d->alloc = &d->alloc_copy;
  }
  arena_init_huge(&d->ar, d->alloc);   /* read at random by every coder */
  *out = d;
  return WASIT_OK;
}

/* Contract in dict.h. */
int dict_parse_file(wasit_dict *d, const char *name, const char *buf,
                    size_t len, wasit_error *err) {
  int kind = file_kind_of(name);
  if (d->frozen)   /* its tables are in the arena now: they cannot grow */
    return WA_ERR_AT(err, WASIT_EINVAL, name, 0, "dictionary already finished");
  if (kind == F_UNKNOWN)
    return WA_ERR_AT(err, WASIT_EINVAL, name, 0, "not a dictionary file name");
  if (kind == F_VERBS && d->n_cameo == 0)
    return WA_ERR_AT(err, WASIT_EDICT, name, 0, "cameo.txt must be loaded before verbs.txt");
  if (len == 0) return WASIT_OK; /* an empty file (buf may be NULL) */
  word_memo memo = {0};
  line_ctx lc = {d, name, 0, err, &memo};
  int rc = WASIT_OK;
  const char *p = buf, *end = buf + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    lc.line++;
    const char *hash = memchr(p, '#', (size_t)(e - p));
    field line = trim(p, (size_t)((hash ? hash : e) - p));
    p = nl ? nl + 1 : end;
    if (line.len == 0) continue;
    field f[MAX_FIELDS];
    size_t n = split(line, '|', f, MAX_FIELDS);
    switch (kind) {
    case F_COUNTRIES: rc = line_countries(&lc, f, n); break;
    case F_ACTORS: rc = line_actors(&lc, f, n); break;
    case F_PEOPLE: rc = line_people(&lc, f, n); break;
    case F_AGENTS: rc = line_agents(&lc, f, n); break;
    case F_VERBS: rc = line_verbs(&lc, f, n); break;
    case F_CAMEO: rc = line_cameo(&lc, f, n); break;
    case F_PLACES: rc = line_places(&lc, f, n); break;
    case F_GRAMMAR: rc = line_grammar(&lc, f, n); break;
    default: rc = line_discard(&lc, f, n); break;
    }
    if (rc) {
      if (err && rc == WASIT_ENOMEM) {
        snprintf(err->where, sizeof err->where, "%s", name);
        err->line = lc.line;
      }
      break;
    }
  }
  wa_free(d->alloc, memo.slots);
  wa_free(d->alloc, memo.entries);
  return rc;
}

static int gword_cmp(const void *a, const void *b) {
  const dict_gword *x = a, *y = b;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  return memcmp(x->key, y->key, x->len);
}

/* Contract in dict.h. */
int dict_finish(wasit_dict *d, wasit_error *err) {
  if (d->frozen) return WA_ERR(err, WASIT_EINVAL, "dictionary already finished");
  /* grammar words: sorted by (length, bytes), equal words merged */
  if (d->n_gwords > 0) {
    qsort(d->gwords, d->n_gwords, sizeof *d->gwords, gword_cmp);
    size_t w = 0;
    for (size_t r = 1; r < d->n_gwords; r++) {
      if (gword_cmp(&d->gwords[w], &d->gwords[r]) == 0)
        d->gwords[w].mask = dict_cls_or(d->gwords[w].mask, d->gwords[r].mask);
      else
        d->gwords[++w] = d->gwords[r];
    }
    d->n_gwords = w + 1;
  }
  int rc = dict_index_build(d, err);
  if (rc != WASIT_OK) return rc;
  /* The tables are complete: those the coder reads at random (a phrase
  ** for every candidate, an actor, verb or place for every match) join
  ** the index in the arena's huge pages (dict_int.h).  All or nothing,
  ** so that `frozen` tells wasit_dict_free which memory is whose. */
  struct { void **table; size_t bytes; void *copy; } move[] = {
      {(void **)&d->head.phrases, d->n_phrases * sizeof *d->head.phrases, NULL},
      {(void **)&d->head.actors, d->n_actors * sizeof *d->head.actors, NULL},
      {(void **)&d->head.verbs, d->n_verbs * sizeof *d->head.verbs, NULL},
      {(void **)&d->head.places, d->n_places * sizeof *d->head.places, NULL},
      {(void **)&d->cameo, d->n_cameo * sizeof *d->cameo, NULL}};
  size_t n_move = sizeof move / sizeof *move;
  for (size_t i = 0; i < n_move; i++)
    if (move[i].bytes > 0 &&
        (move[i].copy = arena_alloc(&d->ar, move[i].bytes)) == NULL)
      return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  for (size_t i = 0; i < n_move; i++) {
    if (move[i].copy != NULL) memcpy(move[i].copy, *move[i].table, move[i].bytes);
    wa_free(d->alloc, *move[i].table);
    *move[i].table = move[i].copy;   /* NULL for an empty table */
  }
  wa_free(d->alloc, d->verb_ids);   /* no verb comes after this */
  d->verb_ids = NULL;
  d->cap_verb_ids = 0;
  d->frozen = true;
  return WASIT_OK;
}

/* Contract in dict.h. */
dict_classes dict_wordclass_mask(const wasit_dict *d, const char *s,
                                 size_t len) {
  dict_gword key = {.key = s, .len = (uint32_t)len};
  const dict_gword *g =
      d->n_gwords ? bsearch(&key, d->gwords, d->n_gwords, sizeof *d->gwords,
                            gword_cmp)
                  : NULL;
  return g ? g->mask : (dict_classes){{0}};
}

/* Contract in dict.h. */
const dict_cameo *dict_cameo_find(const wasit_dict *d, const char *code) {
  long slot = dict_code_slot(code);
  if (slot < 0 || d->cameo_slot[slot] == 0) return NULL;
  return &d->cameo[d->cameo_slot[slot] - 1];
}

/* Read a whole file into an allocated buffer.  Returns WASIT_OK, WASIT_EIO
** (errno ENOENT left in *missing = 1) or WASIT_ENOMEM. */
static int read_file(const wasit_allocator *alloc, const char *path,
                     char **out, size_t *len, int *missing, wasit_error *err) {
  *out = NULL;
  *missing = 0;
  FILE *f = fopen(path, "rb");
  if (!f) {
    *missing = (errno == ENOENT);
    return WA_ERR_AT(err, WASIT_EIO, path, 0, "cannot open: %s", strerror(errno));
  }
  /* read straight into the buffer, sized for the whole file when its
  ** size is known (one read, no copy).  A short read is the end of the
  ** file (or an error, ferror below): asking again would first grow the
  ** buffer, a copy of the whole file, to learn nothing. */
  wa_buf b;
  buf_init(&b, alloc);
  struct stat st;
  size_t step = fstat(fileno(f), &st) == 0 && st.st_size > 0
                    ? (size_t)st.st_size + 1 : 65536;
  while (buf_room(&b, step)) {
    size_t want = b.cap - b.len - 1;
    size_t n = fread(b.data + b.len, 1, want, f);
    b.len += n;
    b.data[b.len] = '\0';
    if (n < want) break;
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    buf_free(&b);
    return WA_ERR_AT(err, WASIT_EIO, path, 0, "read error");
  }
  if (b.failed) {
    buf_free(&b);
    return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  }
  *out = b.data;
  *len = b.len;
  return WASIT_OK;
}

/* The order wasit_dict_load reads files in (cameo before verbs). */
static const int load_order[] = {F_CAMEO,  F_COUNTRIES, F_ACTORS,
                                 F_PEOPLE, F_AGENTS,    F_VERBS,
                                 F_PLACES, F_DISCARD,   F_GRAMMAR};

/* Contract in wasit.h.  Files are read in dependency order (cameo before
** verbs); places.txt and discard.txt are optional. */
int wasit_dict_load(wasit_dict **out, const char *dir,
                    const wasit_allocator *alloc, wasit_error *err) {
  if (!out || !dir) return WA_ERR(err, WASIT_EINVAL, "no dictionary directory");
  *out = NULL;
  wasit_dict *d;
  int rc = dict_new(&d, alloc, err);
  if (rc) return rc;
  for (size_t i = 0; i < sizeof load_order / sizeof *load_order; i++) {
    int k = load_order[i];
    char path[4096];
    int w = snprintf(path, sizeof path, "%s/%s", dir, file_names[k]);
    if (w < 0 || (size_t)w >= sizeof path) {
      rc = WA_ERR(err, WASIT_EINVAL, "dictionary path too long");
      goto fail;
    }
    char *buf;
    size_t len = 0;
    int missing;
    rc = read_file(alloc, path, &buf, &len, &missing, err);
    if (rc) {
      bool optional = k == F_PLACES || k == F_DISCARD || k == F_ACTORS ||
                      k == F_PEOPLE || k == F_AGENTS;
      if (missing && optional) {
        wa_error_clear(err);
        continue;
      }
      goto fail;
    }
    rc = dict_parse_file(d, path, buf, len, err);
    wa_free(alloc, buf);
    if (rc) goto fail;
  }
  rc = dict_finish(d, err);
  if (rc) goto fail;
  *out = d;
  return WASIT_OK;
fail:
  wasit_dict_free(d);
  return rc;
}

/* Contract in wasit.h. */
void wasit_dict_free(wasit_dict *d) {
  if (!d) return;
  const wasit_allocator *a = d->alloc;
  if (!d->frozen) {   /* else they are in the arena (dict_finish) */
    wa_free(a, d->head.actors);
    wa_free(a, d->head.verbs);
    wa_free(a, d->head.places);
    wa_free(a, d->cameo);
    wa_free(a, d->head.phrases);
  }
  wa_free(a, d->verb_ids);
  wa_free(a, d->discards);
  wa_free(a, d->gwords);
  arena_free(&d->ar);   /* the index too (dict_index_build) */
  wa_free(a, d);
}

/* Contract in dict.h. */
bool dict_verb_find(const wasit_dict *d, const char *id, const char *code,
                    uint32_t *out) {
  if (id == NULL) {   /* by code: one slot (verb_slot, dict_int.h) */
    long slot = dict_code_slot(code);
    if (slot < 0 || d->verb_slot[slot] == 0) return false;
    *out = d->verb_slot[slot] - 1;
    return true;
  }
  for (size_t i = 0; i < d->n_verbs; i++) {
    if (strcmp(d->head.verbs[i].id, id) == 0) {
      *out = (uint32_t)i;
      return true;
    }
  }
  return false;
}

/* Contract in dict.h. */
void dict_get_stats(const wasit_dict *d, dict_stats *st) {
  st->actors = d->n_actors;
  st->verbs = d->n_verbs;
  st->places = d->n_places;
  st->discards = d->n_discards;
  st->cameo = d->n_cameo;
  st->phrases = d->n_phrases;
  st->keys = d->n_keys;
}
