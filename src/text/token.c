/*
** token.c: normalization + tokenization of one sentence (text layer,
** stage 1e), with clitic split candidates for Arabic words.
**
** Input: one sentence span of txt_doc.text (valid UTF-8 after repair).
** Output: the sentence's normalized form appended to txt_doc.norm (after a
** '\n' separator when it is not the first), and its tokens appended to
** txt_doc.tokens, each with spans in both the normalized and the original
** text.  One pass: every original code point is normalized
** (txt_normalize_cp) straight into norm, and every normalized code point
** is fed to a small state machine that groups words, numbers,
** punctuation and Latin words.  Because the original position of each
** code point is known at that moment, no per-byte offset map is kept.
**
** Tokens: Arabic letter runs are TXT_WORD; ASCII digit runs (Arabic-Indic
** and Persian digits are already ASCII in norm) with inner ',' or '.'
** followed by a digit are TXT_NUM with their value; digits glued to
** letters ("135قتيلا") are split off; each punctuation mark is one
** TXT_PUNCT; Latin letter runs (digits may follow: "g7") are TXT_LATIN;
** anything else (symbols, U+FFFD, other scripts) groups into TXT_OTHER.
**
** Clitics: Arabic writes و ف ب ل ك ال س before a word and pronouns after
** it.  Rather than stemming blindly (which mangles names: فلسطين, باكو,
** بوتين), every plausible reading is offered; the dictionary decides.
** splits[0] is always the whole token.  Then readings that remove ال,
** then readings with fewer clitics.  Guards: a stem keeps >= 2 letters
** after ال and >= 3 letters otherwise; س only before an imperfect prefix
** (ي ت ن ا); لل is read as ل + ال only; an enclitic pronoun is never
** removed together with ال (a definite noun takes no possessive), needs a
** stem of >= 3 letters, and ي is not removed after another ي or after ات
** (nisba adjectives such as سوريي, استخباراتي).  Only the longest enclitic that fits is used.
** All Arabic literals below are given as code points.
*/
#include "text.h"
#include <assert.h>
#include <stddef.h>
#include <string.h>

/* Normalized Arabic letters used by the clitic rules. */
enum {
  AR_ALEF = 0x0627, AR_BA = 0x0628, AR_TA = 0x062A, AR_SIN = 0x0633,
  AR_FA = 0x0641, AR_KAF = 0x0643, AR_LAM = 0x0644, AR_MIM = 0x0645,
  AR_NUN = 0x0646, AR_HA = 0x0647, AR_WAW = 0x0648, AR_YA = 0x064A
};

/* Character classes of normalized code points. */
enum tk_class { C_SPACE, C_ARAB, C_MARK, C_LATIN, C_DIGIT, C_SEP, C_PUNCT, C_OTHER };

static int classify(uint32_t c) {
  if (c < 0x80) {
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return C_SPACE;
    if (c >= '0' && c <= '9') return C_DIGIT;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return C_LATIN;
    if (c == ',' || c == '.') return C_SEP;
    if (c < 0x20 || c == 0x7F) return C_SPACE;
    return C_PUNCT;
  }
  if (c >= 0x0600 && c <= 0x06FF) {
    if ((c >= 0x0620 && c <= 0x064A) || c == 0x066E || c == 0x066F ||
        (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || c == 0x06EE ||
        c == 0x06EF || (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF)
      return C_ARAB;
    if ((c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) ||
        c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED))
      return C_MARK;
    if (c >= 0x0660 && c <= 0x0669) return C_DIGIT; /* unmapped map */
    if (c >= 0x06F0 && c <= 0x06F9) return C_DIGIT;
    return C_PUNCT; /* ، ؛ ؟ ٪ ٭ ۔ and other signs */
  }
  if ((c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9))
    return C_ARAB;
  if (c >= 0x08CA && c <= 0x08FF) return C_MARK;
  if (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) return C_LATIN;
  if (c >= 0x00A1 && c <= 0x00BF) return C_PUNCT;
  if (c == 0x00A0 || c == 0x0085 || c == 0x2028 || c == 0x2029 ||
      (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
      c == 0x3000 || c == 0x1680)
    return C_SPACE;
  if ((c >= 0x2010 && c <= 0x205E) || (c >= 0x3001 && c <= 0x3011) ||
      c == 0xFD3E || c == 0xFD3F)
    return C_PUNCT;
  return C_OTHER;
}

/* Tokenizer state for one sentence. */
typedef struct tk_state {
  txt_doc *doc;
  wa_arena *ar;
  size_t *tok_cap;
  int kind;                 /* -1: no open token */
  uint32_t n_start, n_end;  /* norm span of the open token */
  uint32_t o_start, o_end;  /* original span of the open token */
  bool sep_pending;         /* open NUM ends in ',' or '.' not yet kept */
  uint32_t sep_n, sep_o, sep_oe; /* where the pending separator is */
} tk_state;

/* ---------------------------------------------------------------- numbers */

/* Value of a digit run with ',' / '.' separators (see file header). */
static double number_value(const char *s, size_t n) {
  int n_comma = 0, n_dot = 0, last_sep = 0;
  bool groups3 = true;
  size_t group = 0;
  bool first = true;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ',' || s[i] == '.') {
      if (!first && group != 3) groups3 = false;
      first = false;
      group = 0;
      if (s[i] == ',') n_comma++;
      else n_dot++;
      last_sep = s[i];
    } else {
      group++;
    }
  }
  if (!first && group != 3) groups3 = false;
  /* Which separator is the decimal point, if any. */
  int decimal = 0;
  if (n_comma > 0 && n_dot > 0) decimal = last_sep;
  else if (n_dot == 1 && n_comma == 0) decimal = '.';
  else if (n_comma == 1 && n_dot == 0 && !groups3) decimal = ',';
  double v = 0, scale = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (scale > 0) {
        v += (c - '0') * scale;
        scale /= 10;
      } else {
        v = v * 10 + (c - '0');
      }
    } else if (c == decimal) {
      scale = 0.1;
    }
  }
  return v;
}

/* ---------------------------------------------------------------- clitics */

typedef struct tk_cand {
  txt_split sp;
  int rank; /* lower first */
} tk_cand;

static int count_bits(unsigned v) {
  int n = 0;
  for (; v; v &= v - 1) n++;
  return n;
}

/* Proclitic slots: conjunction (none, و wa, ف fa), then preposition or
** future prefix (none, ب bi, ك ka, ل li, س sa), then maybe ال. */
static const uint32_t tk_conjs[3] = {0, AR_WAW, AR_FA};
static const uint32_t tk_preps[5] = {0, AR_BA, AR_KAF, AR_LAM, AR_SIN};
static const uint8_t tk_conj_fl[3] = {0, TXT_CL_WA, TXT_CL_FA};
static const uint8_t tk_prep_fl[5] = {0, TXT_CL_BI, TXT_CL_KA, TXT_CL_LI,
                                      TXT_CL_SA};

/* Can a word starting with letter c carry a proclitic (و ف ب ك ل س, or
** ا of ال)? */
static bool tk_may_pro(uint32_t c) {
  return c == AR_WAW || c == AR_FA || c == AR_BA || c == AR_KAF ||
         c == AR_LAM || c == AR_SIN || c == AR_ALEF;
}

/* Which enclitic pronouns end the word cps[0..n) (n >= 3): bit k-1 set
** when one of k letters does.  The pronouns: هما كما (3 letters), هم هن كم
** كن ها نا ني (2), ه ك ي (1); ي is not read as a pronoun after another ي
** (nisba adjectives such as سوريي) nor after ات (the -اتي adjectives:
** استخباراتي، عملياتي, never "my intelligence").  Tested letter by letter from the end
** rather than by a scan of the list: this runs for nearly every word.
** Computed once per word; enclitic_fit picks the longest that fits. */
static unsigned enclitic_mask(const uint32_t *cps, int n) {
  uint32_t c1 = cps[n - 1], c2 = cps[n - 2], c3 = cps[n - 3];
  unsigned mask = 0;
  if (c1 == AR_HA || c1 == AR_KAF ||
      (c1 == AR_YA && c2 != AR_YA && !(c2 == AR_TA && c3 == AR_ALEF)))
    mask |= 1u;
  if (((c2 == AR_HA || c2 == AR_KAF) && (c1 == AR_MIM || c1 == AR_NUN)) ||
      ((c2 == AR_HA || c2 == AR_NUN) && c1 == AR_ALEF) ||
      (c2 == AR_NUN && c1 == AR_YA))
    mask |= 2u;
  if (c1 == AR_ALEF && c2 == AR_MIM && (c3 == AR_HA || c3 == AR_KAF))
    mask |= 4u;
  return mask;
}

/* The longest enclitic in `mask` (see enclitic_mask) that leaves a stem of
** >= 3 of the `letters` letters after the proclitics; 0: none. */
static int enclitic_fit(unsigned mask, int letters) {
  for (int k = 3; k >= 1; k--)
    if ((mask & (1u << (k - 1))) && letters - k >= 3) return k;
  return 0;
}

/* The splits of an Arabic word whose normalized bytes are w[0..n) into
** sp (room for TXT_MAX_SPLITS; sig left 0); returns how many (>= 1). */
static int word_splits(txt_split *sp, const char *w, size_t n) {
  uint32_t cps[40];
  uint8_t off[41]; /* byte offset of each letter, off[nl] = n */
  int nl = 0;
  int n_splits = 1;
  memset(&sp[0], 0, sizeof sp[0]);
  if (n > 160) return n_splits;
  const unsigned char *u = (const unsigned char *)w;
  for (size_t i = 0; i < n;) {
    if (nl == 40) return n_splits;
    uint32_t cp;
    int k;
    if (i + 1 < n && u[i] >= 0xC2 && u[i] <= 0xDF && (u[i + 1] & 0xC0) == 0x80) {
      cp = ((uint32_t)(u[i] & 0x1F) << 6) | (u[i + 1] & 0x3F); /* 2 bytes */
      k = 2;
    } else {
      k = txt_utf8_next(u + i, n - i, &cp);
    }
    off[nl] = (uint8_t)i;
    cps[nl++] = cp;
    i += (size_t)k;
  }
  off[nl] = (uint8_t)n;
  if (nl < 3) return n_splits;

  tk_cand cand[64];
  int nc = 0;
  int enc = -1;   /* enclitic_mask(cps, nl), computed when first needed */
  uint32_t f0 = cps[0];
  bool may_pro = tk_may_pro(f0);
  for (int c = 0; c < 3 && may_pro; c++) {
    if (c > 0 && f0 != tk_conjs[c]) continue;
    /* the prepositions are distinct letters: only none and the one
    ** written after the conjunction (if any) can apply */
    int pm = 0;
    for (int p = 1; p < 5; p++)
      if (cps[c > 0] == tk_preps[p]) pm = p;
    const int tried[2] = {0, pm};
    for (int pi = 0; pi < (pm > 0 ? 2 : 1); pi++) {
      int p = tried[pi];
      for (int al = 0; al < 2; al++) {
        int pos = 0;
        unsigned fl = 0;
        if (c > 0) {
          if (cps[pos] != tk_conjs[c]) continue;
          pos++;
          fl |= tk_conj_fl[c];
        }
        if (p > 0) {
          if (pos >= nl || cps[pos] != tk_preps[p]) continue;
          pos++;
          fl |= tk_prep_fl[p];
        }
        if (al) {
          if (p == 4) continue; /* no س before ال */
          if (p == 3) {
            /* لل = ل + ال: the alef of the article is not written */
            if (pos >= nl || cps[pos] != AR_LAM) continue;
            pos++;
          } else {
            if (pos + 1 >= nl || cps[pos] != AR_ALEF || cps[pos + 1] != AR_LAM)
              continue;
            pos += 2;
          }
          fl |= TXT_CL_AL;
        } else if (p == 3 && pos < nl && cps[pos] == AR_LAM) {
          continue; /* لل is only read as ل + ال */
        }
        if (fl == 0) continue;
        int stem = nl - pos;
        /* a stem keeps three letters, two after ال or after و/ف alone:
        ** "وشن", "وحث", "ولم", "وما" are و + a two-letter word */
        if (stem < ((al || (c > 0 && p == 0)) ? 2 : 3)) continue;
        if (p == 4) {
          uint32_t f = cps[pos];
          if (f != AR_YA && f != AR_TA && f != AR_NUN && f != AR_ALEF) continue;
        }
        cand[nc].sp = (txt_split){(uint8_t)off[pos], 0, (uint8_t)fl, 0};
        cand[nc].rank = al ? count_bits(fl) : 10 + count_bits(fl);
        nc++;
        /* the same proclitics plus an enclitic pronoun (never with ال) */
        if (!al) {
          if (enc < 0) enc = (int)enclitic_mask(cps, nl);
          int e = enclitic_fit((unsigned)enc, nl - pos);
          if (e > 0) {
            cand[nc].sp = (txt_split){(uint8_t)off[pos],
                                      (uint8_t)(n - off[nl - e]),
                                      (uint8_t)(fl | TXT_CL_ENC), 0};
            cand[nc].rank = 10 + count_bits(fl) + 1;
            nc++;
          }
        }
      }
    }
  }
  /* an enclitic alone (not on a word that starts with ال or لل) */
  bool definite = (cps[0] == AR_ALEF || cps[0] == AR_LAM) && cps[1] == AR_LAM;
  if (!definite && enc < 0) enc = (int)enclitic_mask(cps, nl);
  int e = definite ? 0 : enclitic_fit((unsigned)enc, nl);
  if (e > 0) {
    cand[nc].sp = (txt_split){0, (uint8_t)(n - off[nl - e]), TXT_CL_ENC, 0};
    cand[nc].rank = 11;
    nc++;
  }
  /* stable insertion sort by rank */
  for (int i = 1; i < nc; i++) {
    tk_cand t = cand[i];
    int j = i;
    while (j > 0 && cand[j - 1].rank > t.rank) {
      cand[j] = cand[j - 1];
      j--;
    }
    cand[j] = t;
  }
  for (int i = 0; i < nc && n_splits < TXT_MAX_SPLITS; i++)
    sp[n_splits++] = cand[i].sp;
  return n_splits;
}

/* The one split of a token that is no word: the whole of it, no sig. */
static const txt_split whole_token;

/* ------------------------------------------------------------ word memo */
/*
** The splits of a word (and their sig) depend only on its normalized
** bytes, and news repeats its words: a caller that analyzes many
** documents keeps a txt_memo, a direct-mapped table of the splits of the
** word forms met last (each slot replaced by the next form that hashes
** to it), so word_splits and the sig loop run once per form instead of
** once per token.  Words over TXT_MEMO_WORD_MAX bytes are not kept.  The
** table is not cleared (see txt_memo_block).
**
** An entry is the record of its form, and a token of the form reads its
** splits there: txt_token.splits points into the entry, which costs a hit
** one store where a copy of the splits (48 bytes) cost six.  Ownership: the entries
** belong to the memo's block; a document's tokens borrow them, and the
** splits of the words the memo does not keep are in the document's
** arena.  Lifetime: an entry that a token of the current document took
** (doc equal to the memo's count of documents) is not replaced until
** txt_memo_doc begins the next document; a word that maps to it meanwhile
** has its splits made in the arena and no form, as a word too long to
** keep.  So the splits a token points to stay as they were made while its
** document is read.  txt_analyze_memo calls txt_memo_doc first: a caller
** must be done with the last document's tokens before it analyzes the
** next through the same memo (wasit_coder_run resets the arena that held
** them first).  After 2^32 documents the count comes back to a value that
** entries may hold: they then stay a document longer, which costs hits,
** not results.
**
** Each entry is a form with an id (txt_token.form), so that the coder
** keeps what it reads of a word (its keys) under the same record and
** finds it by the id, with no hash or compare of the bytes of its own.
** Invariant: an id names one form.  A new entry takes the next id of
** the memo's counter and a replaced entry's id is never given again, so
** two tokens with the same nonzero form have the same bytes, in any two
** documents analyzed through the memo.  After 2^32 - 1 entries the ids
** run out and new entries get 0 (no form: the coder reads such words
** without its memo).
**
** The record also keeps what the date lookups read of the form's first
** word (txt_form_dates, made with the gate from the same table lookups):
** date.c finds it from a token with a form (txt_token_dates), since such
** a token's splits are its entry's.
*/
#define MEMO_SLOTS 16384    /* a power of two: 2 MB of 128-byte entries */

typedef struct memo_entry {
  uint8_t len;              /* word bytes */
  uint8_t n_splits;
  uint8_t gate;             /* txt_word_gate() of the word */
  uint32_t form;            /* its id (txt_token.form) */
  uint32_t doc;             /* txt_memo.doc when a token last took it */
  char word[TXT_MEMO_WORD_MAX];
  txt_split splits[TXT_MAX_SPLITS];  /* the tokens' txt_token.splits */
  txt_form_dates dates;     /* what date.c reads of the form's first
                               word (txt_token_dates) */
} memo_entry;

struct txt_memo {
  uint64_t used[MEMO_SLOTS / 64];   /* bit i: slot[i] holds an entry */
  uint32_t next_form;               /* the id of the next entry; 0 once
                                       they ran out */
  uint32_t doc;                     /* documents begun (txt_memo_doc) */
  /* the tables txt_analyze finds for every document (txt_doc.tab_*),
  ** found once here: txt_table_get compares names */
  const txt_table *tab_numbers, *tab_weekdays, *tab_months, *tab_relative;
  memo_entry slot[MEMO_SLOTS];      /* not cleared: read only when used */
};

/* See text.h. */
void *txt_memo_block(const wasit_allocator *alloc, size_t size,
                     size_t used_bytes) {
  char *m = wa_alloc_huge(alloc, size);
  if (m != NULL) memset(m, 0, used_bytes);
  return m;
}

/* See text.h. */
txt_memo *txt_memo_new(const wasit_allocator *alloc) {
  txt_memo *m = txt_memo_block(alloc, sizeof(txt_memo),
                               sizeof(((txt_memo *)0)->used));
  if (m != NULL) {
    m->next_form = 1;
    m->doc = 0;
    m->tab_numbers = txt_table_get("numbers");
    m->tab_weekdays = txt_table_get("weekdays");
    m->tab_months = txt_table_get("months");
    m->tab_relative = txt_table_get("relative");
  }
  return m;
}

/* See text.h. */
uint32_t txt_memo_doc(txt_memo *m) { return ++m->doc; }

/* See text.h. */
void txt_memo_tables(const txt_memo *m, txt_doc *d) {
  d->tab_numbers = m->tab_numbers;
  d->tab_weekdays = m->tab_weekdays;
  d->tab_months = m->tab_months;
  d->tab_relative = m->tab_relative;
}

/* See text.h. */
void txt_memo_free(txt_memo *m, const wasit_allocator *alloc) {
  wa_free_huge(alloc, m);
}

/* See text.h.  A token with a form took its splits from its form's
** entry (word_splits_memo: a hit or a miss sets both), so the entry is
** the one whose splits t->splits points to. */
const txt_form_dates *txt_token_dates(const txt_token *t) {
  if (t->form == 0) return NULL;
  const memo_entry *e = (const memo_entry *)(const void *)(
      (const char *)t->splits - offsetof(memo_entry, splits));
  assert(e->form == t->form);
  return &e->dates;
}

/* The splits of the Arabic word w[0..n) into sp (room for
** TXT_MAX_SPLITS), with their sig; returns how many. */
static int word_splits_sig(txt_split *sp, const char *w, size_t n) {
  int n_splits = word_splits(sp, w, n);
  for (int k = 0; k < n_splits; k++)   /* see txt_split.sig */
    sp[k].sig = (uint16_t)txt_word_sig(w + sp[k].pre, n - sp[k].pre - sp[k].suf);
  return n_splits;
}

/* The splits of word token t, whose normalized bytes are w[0..n), made
** into the arena: a word the memo does not keep.  No gate (date.c and
** number.c compute it) and no form.  WASIT_OK/ENOMEM. */
__attribute__((noinline)) static int word_splits_arena(wa_arena *ar,
                                                       txt_token *t,
                                                       const char *w,
                                                       size_t n) {
  txt_split sp[TXT_MAX_SPLITS];
  int n_splits = word_splits_sig(sp, w, n);
  txt_split *a = arena_alloc(ar, (size_t)n_splits * sizeof *a);
  t->gate = 0;
  t->form = 0;
  if (a == NULL) {   /* the token stays readable (see txt_analyze_memo) */
    t->n_splits = 1;
    t->splits = &whole_token;
    return WASIT_ENOMEM;
  }
  memcpy(a, sp, (size_t)n_splits * sizeof *a);
  t->n_splits = (uint8_t)n_splits;
  t->splits = a;
  return WASIT_OK;
}

/* word_splits_memo's work when slot i of m does not hold w and may be
** replaced: the splits are made there.  Out of line: most words are
** found (below). */
__attribute__((noinline)) static void word_splits_miss(txt_memo *m,
                                                       const txt_doc *d,
                                                       txt_token *t,
                                                       const char *w, size_t n,
                                                       uint32_t i) {
  memo_entry *e = &m->slot[i];
  txt_memo_set_used(m->used, i);
  e->n_splits = (uint8_t)word_splits_sig(e->splits, w, n);
  t->n_splits = e->n_splits;
  t->splits = e->splits;
  t->gate = txt_word_gate_dates(d, t, &e->dates);
  t->form = m->next_form;   /* a new id, never one given before */
  if (m->next_form != 0) m->next_form++;
  e->form = t->form;
  e->doc = m->doc;
  e->len = (uint8_t)n;
  e->gate = t->gate;
  memcpy(e->word, w, n);
}

/* The splits of word token t, whose normalized bytes are w[0..n), through
** memo m (NULL: none), which also keeps the gate of the word (date.c and
** number.c test it for every word token; left 0 without a memo, they
** compute it) and gives its form (0 without a memo).  Inline, with the
** misses out of line: the call's frame cost a fifth of a hit.
** WASIT_OK/ENOMEM. */
static inline int word_splits_memo(txt_memo *m, const txt_doc *d,
                                   wa_arena *ar, txt_token *t, const char *w,
                                   size_t n) {
  if (m == NULL || n == 0 || n > TXT_MEMO_WORD_MAX)
    return word_splits_arena(ar, t, w, n);
  /* the tokens of an earlier document may point into m: it must have
  ** begun this one (txt_memo_doc) */
  assert(d->memo_doc == m->doc);
  uint32_t h = txt_hash(w, n);
  uint32_t i = (h ^ h >> 16) & (MEMO_SLOTS - 1);
  memo_entry *e = &m->slot[i];
  bool used = txt_memo_used(m->used, i);
  if (used && e->len == n && wa_bytes_eq(e->word, w, n)) {
    e->doc = m->doc;
    t->n_splits = e->n_splits;
    t->gate = e->gate;
    t->form = e->form;
    t->splits = e->splits;
    return WASIT_OK;
  }
  if (used && e->doc == m->doc)   /* a token of this document holds it */
    return word_splits_arena(ar, t, w, n);
  word_splits_miss(m, d, t, w, n, i);
  return WASIT_OK;
}

/* ------------------------------------------------------------ tokenizer */

/* Append a token to d with the given spans and return it for the caller
** to fill in the rest; NULL when the arena cannot grow the array.  The
** common head of emit_word and emit; forced inline, as emit_word is, so
** that the letter fast path pays no call for it. */
static inline __attribute__((always_inline)) txt_token *
push_token(txt_doc *d, wa_arena *ar, size_t *tok_cap, uint32_t ns,
           uint32_t ne, uint32_t os, uint32_t oe) {
  if (d->n_tokens >= *tok_cap &&   /* grow only when full: no call */
      !arena_grow(ar, (void **)&d->tokens, tok_cap, d->n_tokens + 1,
                  sizeof *d->tokens))
    return NULL;
  txt_token *t = &d->tokens[d->n_tokens++];
  t->norm_start = ns;
  t->norm_len = ne - ns;
  t->orig_start = os;
  t->orig_len = oe - os;
  return t;
}

/* Append a TXT_WORD token with the given spans; its splits come through
** the document's memo (see above).  The word branch of emit, and what the
** tokenizer's letter fast path calls at each space between two words:
** forced inline there, where nine tokens in ten are closed, because the
** call's frame and emit's tests of the kind were about 35 of the 130
** instructions of a memo hit.  It sets the fields emit sets for the
** other kinds (n_splits, splits and gate through word_splits_memo). */
static inline __attribute__((always_inline)) int
emit_word(txt_doc *d, wa_arena *ar, size_t *tok_cap, uint32_t ns, uint32_t ne,
          uint32_t os, uint32_t oe) {
  txt_token *t = push_token(d, ar, tok_cap, ns, ne, os, oe);
  if (t == NULL) return WASIT_ENOMEM;
  t->kind = TXT_WORD;
  t->value = 0;
  return word_splits_memo(d->memo, d, ar, t, d->norm + ns, ne - ns);
}

/* Append a token of `kind` with the given spans.  Words take their splits
** through the document's memo (see above).  Inline, like close_tok: they
** run once per token, and the calls' frames cost more than their bodies
** on the memo's hits. */
static inline int emit(tk_state *st, int kind, uint32_t ns, uint32_t ne,
                       uint32_t os, uint32_t oe) {
  txt_doc *d = st->doc;
  if (kind == TXT_WORD)
    return emit_word(d, st->ar, st->tok_cap, ns, ne, os, oe);
  txt_token *t = push_token(d, st->ar, st->tok_cap, ns, ne, os, oe);
  if (t == NULL) return WASIT_ENOMEM;
  t->kind = (uint8_t)kind;
  t->n_splits = 1;
  t->gate = 0;
  t->splits = &whole_token;
  t->value = 0;
  t->form = 0;   /* Latin words too: seldom met in Arabic news */
  if (kind == TXT_NUM) {
    t->value = number_value(d->norm + ns, ne - ns);
  } else if (kind == TXT_LATIN) {   /* one split, the whole word, in ar */
    txt_split *sp = arena_alloc(st->ar, sizeof *sp);
    if (sp == NULL) return WASIT_ENOMEM;
    *sp = (txt_split){0, 0, 0, (uint16_t)txt_word_sig(d->norm + ns, ne - ns)};
    t->splits = sp;
  }
  return WASIT_OK;
}

/* Close the open token (and a pending separator after a number). */
static inline int close_tok(tk_state *st) {
  int rc = WASIT_OK;
  if (st->kind >= 0)
    rc = emit(st, st->kind, st->n_start, st->n_end, st->o_start, st->o_end);
  st->kind = -1;
  if (rc == WASIT_OK && st->sep_pending)
    rc = emit(st, TXT_PUNCT, st->sep_n, st->sep_n + 1, st->sep_o, st->sep_oe);
  st->sep_pending = false;
  return rc;
}

static int open_tok(tk_state *st, int kind, uint32_t ns, uint32_t ne,
                    uint32_t os, uint32_t oe) {
  int rc = close_tok(st);
  st->kind = kind;
  st->n_start = ns;
  st->n_end = ne;
  st->o_start = os;
  st->o_end = oe;
  return rc;
}

/* Feed one normalized code point: norm bytes [ns, ne), original [os, oe). */
static int feed(tk_state *st, uint32_t cp, uint32_t ns, uint32_t ne,
                uint32_t os, uint32_t oe) {
  int cls = classify(cp);
  switch (cls) {
  case C_SPACE:
    return close_tok(st);
  case C_ARAB:
  case C_MARK:
    if (st->kind == TXT_WORD && !st->sep_pending) break;
    return open_tok(st, TXT_WORD, ns, ne, os, oe);
  case C_LATIN:
    if (st->kind == TXT_LATIN) break;
    return open_tok(st, TXT_LATIN, ns, ne, os, oe);
  case C_DIGIT:
    if (st->kind == TXT_NUM) {
      st->sep_pending = false; /* the separator is inside the number */
      break;
    }
    if (st->kind == TXT_LATIN) break;
    return open_tok(st, TXT_NUM, ns, ne, os, oe);
  case C_SEP:
    if (st->kind == TXT_NUM && !st->sep_pending) {
      st->sep_pending = true;
      st->sep_n = ns;
      st->sep_o = os;
      st->sep_oe = oe;
      return WASIT_OK; /* decided by the next code point */
    }
    /* fall through */
  case C_PUNCT: {
    int rc = close_tok(st);
    if (rc == WASIT_OK) rc = emit(st, TXT_PUNCT, ns, ne, os, oe);
    return rc;
  }
  default:
    if (st->kind == TXT_OTHER) break;
    return open_tok(st, TXT_OTHER, ns, ne, os, oe);
  }
  st->n_end = ne;
  st->o_end = oe;
  return WASIT_OK;
}

/* What the map makes of the two bytes b0 b1 (lead D8 or D9: U+0600..
** U+067F) in a word on the fast path of tokenize (txt_tokenize_line and
** txt_tokenize_sentence): the letter U+0620..U+064A it normalizes to, as
** its UTF-8 bytes b0 << 8 | b1; 1 when it normalizes to nothing (harakat,
** tatweel); 0 for anything else (left to the general step).  One load
** from the generated table (txt_normmap.arabic_letter). */
static inline unsigned word_letter(const uint16_t *letters, unsigned b0,
                                   unsigned b1) {
  return letters[((b0 & 1u) << 6) | (b1 & 0x3Fu)];
}

/* Room for `extra` more bytes (and a NUL) at the end of doc->norm. */
static bool norm_room(txt_doc *d, wa_arena *ar, size_t extra) {
  if (d->norm_len + extra + 1 <= d->norm_cap) return true;
  return arena_grow(ar, (void **)&d->norm, &d->norm_cap,
                    d->norm_len + extra + 1, 1);
}

/* txt_tokenize_sentence (ln NULL: the sentence's orig span is set) and
** txt_tokenize_line (the sentence of line ln that starts at its
** orig_start; its end is found here).  doc->sentences[si]'s norm and token
** spans are filled in.  doc->norm grows in the arena (doc->norm_cap
** tracks its size) and stays NUL-terminated.  Returns WASIT_OK or
** WASIT_ENOMEM (doc then holds a partial sentence).
**
** Sentence ends (ln non-NULL): only an end mark ends a sentence
** (txt_line_end_at), and the fast paths below read only letters, deleted
** marks (harakat, tatweel) and spaces, none of which is one; so every end
** mark of the line comes to the general step, which asks txt_line_end_at
** about each until one ends the sentence.  Then `end` becomes that
** sentence's end, just after its run of end marks and closers, which the
** general step reads as it reads any punctuation: the tokens are those
** of the sentence span txt_sentences_split gives, tokenized alone. */
static int tokenize(txt_doc *doc, wa_arena *ar, size_t si, size_t *tok_cap,
                    const txt_line *ln) {
  txt_sentence *s = &doc->sentences[si];
  const txt_normmap *map = txt_default_normmap();
  const unsigned char *u = (const unsigned char *)doc->text;
  size_t i = s->orig_start;
  size_t end = ln != NULL ? ln->b : (size_t)s->orig_start + s->orig_len;
  bool open = ln != NULL;   /* the end is not known yet */
  size_t room = end - i;
  if (!norm_room(doc, ar, room + room / 4 + 16)) return WASIT_ENOMEM;
  if (si > 0) doc->norm[doc->norm_len++] = '\n'; /* even after an empty one */
  s->norm_start = (uint32_t)doc->norm_len;
  s->tok_start = (uint32_t)doc->n_tokens;
  tk_state st = {.doc = doc, .ar = ar, .tok_cap = tok_cap, .kind = -1};
  int rc = WASIT_OK;
  /* the fast path below writes ' ' as the general step does only when no
  ** rule touches it */
  bool space_plain = map->n_rules > 0 && ' ' < map->rules[0].from;
  const uint16_t *const letters = map->arabic_letter;   /* see word_letter */
  while (i < end && rc == WASIT_OK) {
    if (st.kind < 0 && letters != NULL && (u[i] & 0xFE) == 0xD8 &&
        i + 1 < end) {
      /* A word's first letter when no token is open (a sentence's first
      ** word, a word after punctuation): what the general step and feed
      ** do with a code point that word_letter makes a letter (no token is
      ** open, so none is closed and no separator is pending) is to write
      ** the letter and open a word; then the fast path below goes on. */
      unsigned r0 = word_letter(letters, u[i], u[i + 1]);
      if (r0 > 1) {
        if (!norm_room(doc, ar, 2)) {
          rc = WASIT_ENOMEM;
          break;
        }
        char *const o = doc->norm + doc->norm_len;
        o[0] = (char)(r0 >> 8);
        o[1] = (char)r0;
        st.kind = TXT_WORD;
        st.n_start = (uint32_t)doc->norm_len;
        st.o_start = (uint32_t)i;
        doc->norm_len += 2;
        i += 2;
        st.n_end = (uint32_t)doc->norm_len;
        st.o_end = (uint32_t)i;
      }
    }
    if (st.kind == TXT_WORD && !st.sep_pending && letters != NULL) {
      /* Fast path for most bytes of Arabic news, inside an open word: a
      ** code point U+0600..U+067F that normalizes to a letter U+0620..
      ** U+064A (itself, or أ->ا, ة->ه ...) is written and extends the word,
      ** and one that normalizes to nothing (harakat, tatweel) is skipped:
      ** exactly what the general step below does with them, without
      ** txt_normalize_cp and feed.  A space followed by such a letter
      ** closes the word and opens the next one, as feed does for them, so
      ** a run of Arabic words stays here.  It never writes more than it
      ** reads, so one room check does. */
      if (!norm_room(doc, ar, end - i)) {
        rc = WASIT_ENOMEM;
        break;
      }
      /* the open word's spans in locals, written back to st once the
      ** path ends: st's address goes to feed, so the compiler kept its
      ** fields in memory and stored and loaded them at every word */
      uint32_t wn0 = st.n_start, wn1 = st.n_end, wo0 = st.o_start,
               wo1 = st.o_end;
      for (;;) {
        char *const o0 = doc->norm + doc->norm_len;
        char *o = o0;
        size_t j = i, fed = 0;   /* fed: just after the last letter written */
        unsigned r;
        /* Two letters a step while both are written (most of a word's
        ** letters; txt_letter_pair); the loop below takes the rest, one
        ** code point a step, and decides everything else as before. */
        unsigned r1;
        while (j + 3 < end && txt_letter_pair(letters, u + j, &r, &r1)) {
          txt_put_letter_pair(o, r, r1);
          o += 4;
          j += 4;
          fed = j;
        }
        /* the bytes are read into locals once: a store through o may
        ** alias anything, so the compiler would read them again */
        while (j + 1 < end) {
          /* a D8/D9 lead: in valid UTF-8 (the repaired text, which the
          ** caller guarantees) a continuation byte follows it */
          unsigned b0 = u[j], b1 = u[j + 1];
          if ((b0 & 0xFE) != 0xD8) break;
          r = word_letter(letters, b0, b1);
          if (r <= 1) {   /* seldom: no letter (0), or deleted (1) */
            if (r == 0) break;
            j += 2;       /* deleted: no byte, no token change */
            continue;
          }
          j += 2;
          o[0] = (char)(r >> 8);
          o[1] = (char)r;
          o += 2;
          fed = j;
        }
        if (fed > 0) {   /* locals in the loop: o aliases everything */
          doc->norm_len += (size_t)(o - o0);
          wn1 = (uint32_t)doc->norm_len;
          wo1 = (uint32_t)fed;
        }
        i = j;
        if (!space_plain || i + 2 >= end || u[i] != ' ' ||
            (u[i + 1] & 0xFE) != 0xD8 ||   /* a continuation byte follows */
            (r = word_letter(letters, u[i + 1], u[i + 2])) <= 1)
          break;
        /* what feed does with the ' ': close_tok, whose open token is a
        ** word with no separator pending (this path's condition) */
        rc = emit_word(doc, ar, tok_cap, wn0, wn1, wo0, wo1);
        if (rc != WASIT_OK) break;
        /* through a local: a char store may alias doc->norm_len */
        char *const sp = doc->norm + doc->norm_len;
        sp[0] = ' ';
        sp[1] = (char)(r >> 8);
        sp[2] = (char)r;
        /* and with the letter, open_tok: st.kind stays TXT_WORD */
        wn0 = (uint32_t)doc->norm_len + 1;
        wo0 = (uint32_t)(i + 1);
        doc->norm_len += 3;
        wn1 = (uint32_t)doc->norm_len;
        i += 3;
        wo1 = (uint32_t)i;
      }
      st.n_start = wn0;
      st.n_end = wn1;
      st.o_start = wo0;
      st.o_end = wo1;
      if (rc != WASIT_OK || i >= end) break;
    }
    uint32_t cp;
    int k;
    if (u[i] < 0x80) {
      cp = u[i];
      k = 1;
    } else if (i + 1 < end && u[i] >= 0xC2 && u[i] <= 0xDF &&
               (u[i + 1] & 0xC0) == 0x80) {
      cp = ((uint32_t)(u[i] & 0x1F) << 6) | (u[i + 1] & 0x3F); /* Arabic */
      k = 2;
    } else {
      k = txt_utf8_next(u + i, end - i, &cp);
    }
    if (open && txt_is_end_mark(cp)) {
      size_t j = txt_line_end_at(ln, i, cp);
      if (j > 0) {
        end = j;
        open = false;
      }
    }
    if (!norm_room(doc, ar, TXT_NORM_CP_MAX)) {
      rc = WASIT_ENOMEM;
      break;
    }
    char *o = doc->norm + doc->norm_len;
    uint32_t os = (uint32_t)i, oe = (uint32_t)(i + (size_t)k);
    uint32_t ns = (uint32_t)doc->norm_len;
    int n;
    if (cp < 0x80 && map->n_rules > 0 && cp < map->rules[0].from) {
      /* ASCII fast path: no rule can apply; line breaks inside a
      ** sentence become spaces ('\n' separates sentences in norm) */
      if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
      else if (cp == '\n' || cp == '\r') cp = ' ';
      o[0] = (char)cp;
      n = 1;
      rc = feed(&st, cp, ns, ns + 1, os, oe);
    } else if (k == 2 && cp >= 0x0600 && cp <= 0x06FF &&
               map->arabic_index != NULL && map->arabic_index[cp - 0x0600] == 0) {
      /* Arabic fast path: a letter no rule touches is copied as is */
      o[0] = (char)u[i];
      o[1] = (char)u[i + 1];
      n = 2;
      rc = feed(&st, cp, ns, ns + 2, os, oe);
    } else {
      n = txt_normalize_cp(map, cp, o);
      if (n == k && cp != '\n' && cp != '\r' &&
          memcmp(o, u + i, (size_t)k) == 0) {
        rc = feed(&st, cp, ns, ns + (uint32_t)n, os, oe); /* unchanged */
      } else {
        for (int j = 0; j < n; j++)
          if (o[j] == '\n' || o[j] == '\r') o[j] = ' ';
        for (int j = 0; j < n && rc == WASIT_OK;) {
          uint32_t ncp;
          int nk = txt_utf8_next((const unsigned char *)o + j,
                                   (size_t)(n - j), &ncp);
          rc = feed(&st, ncp, ns + (uint32_t)j, ns + (uint32_t)(j + nk), os, oe);
          j += nk;
        }
      }
    }
    doc->norm_len += (size_t)n;
    i += (size_t)k;
  }
  if (rc == WASIT_OK) rc = close_tok(&st);
  if (doc->norm != NULL) doc->norm[doc->norm_len] = '\0';
  s->orig_len = (uint32_t)(end - s->orig_start);
  s->norm_len = (uint32_t)(doc->norm_len - s->norm_start);
  s->tok_count = (uint32_t)(doc->n_tokens - s->tok_start);
  return rc;
}

/* See text.h and tokenize. */
int txt_tokenize_sentence(txt_doc *doc, wa_arena *ar, size_t si,
                          size_t *tok_cap) {
  return tokenize(doc, ar, si, tok_cap, NULL);
}

/* See text.h and tokenize. */
int txt_tokenize_line(txt_doc *doc, wa_arena *ar, size_t si, size_t *tok_cap,
                      const txt_line *ln) {
  return tokenize(doc, ar, si, tok_cap, ln);
}
