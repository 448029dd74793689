/*
** test_token.c: tokens and clitic split candidates (src/text/token.c).
**
** Rows are {id, input, expected}.  Sentences are news-style sentences
** written for these tests about well-known events (the 2020 Karabakh war,
** the Gaza wars, Putin's visits); they are not copied from any outlet.
** A split is rendered "proclitics:stem" with the enclitic after '+', e.g.
** "wa+al:جيش" (و + ال + جيش) or "enc:قصف+ها".
*/
#include "testutil.h"
#include "text/text.h"

/* Tokenize `s` as one sentence of a fresh document in `ar`, through the
** word memo `memo` (NULL: none). */
static int tokenize_memo(txt_doc *d, wa_arena *ar, txt_memo *memo,
                         const char *s, size_t *cap) {
  memset(d, 0, sizeof *d);
  d->memo = memo;
  if (memo != NULL) d->memo_doc = txt_memo_doc(memo);
  d->text = s;
  d->text_len = strlen(s);
  d->sentences = arena_calloc(ar, 1, sizeof *d->sentences);
  if (d->sentences == NULL) return WASIT_ENOMEM;
  d->sentences[0].orig_len = (uint32_t)d->text_len;
  d->n_sentences = 1;
  return txt_tokenize_sentence(d, ar, 0, cap);
}

static int tokenize(txt_doc *d, wa_arena *ar, const char *s, size_t *cap) {
  return tokenize_memo(d, ar, NULL, s, cap);
}

static const char *const kind_name[] = {"word", "num", "punct", "latin",
                                        "other"};

/* "kind:norm kind:norm ..." of all tokens, or with `orig` their original
** texts "orig|orig|...". */
static void render_tokens(const txt_doc *d, bool orig, char *out,
                          size_t cap) {
  size_t n = 0;
  out[0] = '\0';
  for (size_t i = 0; i < d->n_tokens; i++) {
    const txt_token *t = &d->tokens[i];
    if (orig)
      n += (size_t)snprintf(out + n, cap - n, "%s%.*s", i ? "|" : "",
                            (int)t->orig_len, d->text + t->orig_start);
    else
      n += (size_t)snprintf(out + n, cap - n, "%s%s:%.*s", i ? " " : "",
                            kind_name[t->kind], (int)t->norm_len,
                            d->norm + t->norm_start);
    if (n >= cap) return;
  }
}

static void render_split(const txt_doc *d, const txt_token *t, int k,
                         char *out, size_t cap) {
  static const char *const names[] = {"wa", "fa", "bi", "li",
                                      "ka", "al", "sa", "enc"};
  size_t n = 0, len;
  out[0] = '\0';
  for (int b = 0; b < 8; b++)
    if (t->splits[k].clitics & (1u << b))
      n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? "+" : "", names[b]);
  const char *stem = txt_tok_stem(d, t, k, &len);
  n += (size_t)snprintf(out + n, cap - n, ":%.*s", (int)len, stem);
  if (t->splits[k].suf)
    snprintf(out + n, cap - n, "+%.*s", (int)t->splits[k].suf,
             stem + len);
}

/* ------------------------------------------------------------ token rows */

typedef struct tok_row {
  const char *id;
  const char *in;
  const char *expect;
  const char *orig;   /* NULL, or the tokens' original texts joined by '|' */
} tok_row;

static const tok_row tok_rows[] = {
    {"glued-number",
     "قتل 135قتيلا، بينهم ١٢ طفلاً.",
     "word:قتل num:135 word:قتيلا punct:، word:بينهم num:12 word:طفلا punct:.", NULL},
    {"persian-digits", "سقط ۱۳۵ صاروخا", "word:سقط num:135 word:صاروخا", NULL},
    {"thousands", "نزح 1,200 شخص و٢٫٥ مليون",
     "word:نزح num:1,200 word:شخص word:و num:2.5 word:مليون", NULL},
    {"question", "هل تنسحب القوات؟", "word:هل word:تنسحب word:القوات punct:؟", NULL},
    {"semicolon-comma", "قصف، ثم هدوء؛ ثم قصف",
     "word:قصف punct:، word:ثم word:هدوء punct:؛ word:ثم word:قصف", NULL},
    {"latin", "قالت وكالة Reuters إن طائرة F-16 سقطت",
     "word:قالت word:وكاله latin:reuters word:ان word:طايره latin:f punct:- "
     "num:16 word:سقطت", NULL},
    {"guillemets", "وصف الهجوم بأنه «إرهابي»",
     "word:وصف word:الهجوم word:بانه punct:« word:ارهابي punct:»", NULL},
    {"kashida-diacritics", "الْجَيْشُ يقصف بـــلدة",
     "word:الجيش word:يقصف word:بلده", NULL},
    {"ligature", "ﻻ تعليق", "word:لا word:تعليق", NULL},
    {"year-full-stop", "في عام 2020.", "word:في word:عام num:2020 punct:.", NULL},
    {"percent", "ارتفع 5%", "word:ارتفع num:5 punct:%", NULL},
    {"newline-inside", "قال\nالمتحدث", "word:قال word:المتحدث", NULL},
    {"punct-mix", "قال: \"نعم\" (رسميا)! – ترامب…",
     "word:قال punct:: punct:\" word:نعم punct:\" punct:( word:رسميا punct:) "
     "punct:! punct:– word:ترامب punct:…", NULL},
    /* letters that normalize to another letter (ة أ) or to nothing
    ** (harakat, tatweel) inside a word keep its original span whole */
    {"orig-harakat-inside", "قَصَفَت مدينة غزة", "word:قصفت word:مدينه word:غزه",
     "قَصَفَت|مدينة|غزة"},
    {"orig-kashida-hamza", "بـــوتين وأردوغان", "word:بوتين word:واردوغان",
     "بـــوتين|وأردوغان"},
    {"orig-mapped-last", "وزارة الدفاع؛ أكدت",
     "word:وزاره word:الدفاع punct:؛ word:اكدت", "وزارة|الدفاع|؛|أكدت"},
    {"replacement-char", "كابول\xEF\xBF\xBD اليوم", "word:كابول other:\xEF\xBF\xBD word:اليوم", NULL},
    {"empty", "", "", NULL},
    {"spaces-only", "   ", "", NULL},
};

static void test_token_rows(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof tok_rows / sizeof tok_rows[0]; i++) {
    const tok_row *r = &tok_rows[i];
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc d;
    size_t cap = 0;
    assert_int_equal(tokenize(&d, &ar, r->in, &cap), WASIT_OK);
    char got[1024];
    render_tokens(&d, false, got, sizeof got);
    if (strcmp(got, r->expect) != 0)
      print_error("row %s:\n  got  %s\n  want %s\n", r->id, got, r->expect);
    assert_string_equal(got, r->expect);
    if (r->orig != NULL) {
      render_tokens(&d, true, got, sizeof got);
      if (strcmp(got, r->orig) != 0)
        print_error("row %s:\n  orig %s\n  want %s\n", r->id, got, r->orig);
      assert_string_equal(got, r->orig);
    }
    /* the normalized sentence contains no line break */
    assert_null(memchr(d.norm ? d.norm : "", '\n', d.norm_len));
    /* every token's original text normalizes to its norm */
    for (size_t k = 0; k < d.n_tokens; k++) {
      const txt_token *t = &d.tokens[k];
      size_t nl = 0;
      char *n = txt_normalize_str(&ar, d.text + t->orig_start, t->orig_len, &nl);
      assert_non_null(n);
      if (nl != t->norm_len || memcmp(n, d.norm + t->norm_start, nl) != 0)
        print_error("row %s token %zu: orig [%.*s] -> [%s]\n", r->id, k,
                    (int)t->orig_len, d.text + t->orig_start, n);
      assert_int_equal(nl, t->norm_len);
      assert_memory_equal(n, d.norm + t->norm_start, nl);
    }
    arena_free(&ar);
  }
}

/* ------------------------------------------------------------ numbers */

typedef struct num_row {
  const char *id;
  const char *in;
  double value;
} num_row;

static const num_row num_rows[] = {
    {"plain", "135", 135},
    {"thousands-comma", "1,200", 1200},
    {"millions", "2,300,000", 2300000},
    {"decimal-dot", "2.5", 2.5},
    {"arabic-decimal", "٢٫٥", 2.5},
    {"arabic-thousands", "١٬٢٠٠", 1200},
    {"decimal-comma", "3,5", 3.5},
    {"dotted-thousands", "1.200.000", 1200000},
    {"mixed", "1,250.75", 1250.75},
    {"indic", "٢٠٢٠", 2020},
};

static void test_number_values(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof num_rows / sizeof num_rows[0]; i++) {
    const num_row *r = &num_rows[i];
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc d;
    size_t cap = 0;
    assert_int_equal(tokenize(&d, &ar, r->in, &cap), WASIT_OK);
    if (d.n_tokens != 1 || d.tokens[0].kind != TXT_NUM ||
        d.tokens[0].value != r->value)
      print_error("row %s: %zu tokens, value %g\n", r->id, d.n_tokens,
                  d.n_tokens ? d.tokens[0].value : -1.0);
    assert_int_equal(d.n_tokens, 1);
    assert_int_equal(d.tokens[0].kind, TXT_NUM);
    assert_true(d.tokens[0].value == r->value);
    arena_free(&ar);
  }
}

/* ------------------------------------------------------------- splits */

typedef struct split_row {
  const char *id;
  const char *word;
  const char *want;     /* a reading that must be offered (or NULL) */
  int want_at;          /* its index, or -1 for anywhere */
  const char *not_want; /* a reading that must not be offered (or NULL) */
} split_row;

static const split_row split_rows[] = {
    /* "and the army" */
    {"wa-al", "والجيش", "wa+al:جيش", 1, NULL},
    /* "for the army": لل is li + al, never li + لجيش */
    {"li-al", "للجيش", "li+al:جيش", 1, "li:لجيش"},
    {"bi-al", "بالقصف", "bi+al:قصف", 1, NULL},
    {"ka-al", "كالعادة", "ka+al:عاده", 1, NULL},
    {"wa-li-al", "وللمرة", "wa+li+al:مره", 1, NULL},
    {"fa-al", "فالحكومة", "fa+al:حكومه", 1, NULL},
    {"al-only", "الجيش", "al:جيش", 1, NULL},
    /* "and Putin": the name stays whole after و */
    {"wa-name", "وبوتين", "wa:بوتين", 1, NULL},
    {"wa-sa", "وسيزور", "wa+sa:يزور", -1, NULL},
    {"fa-sa", "فسيعقد", "fa+sa:يعقد", -1, NULL},
    {"sa", "ستنسحب", "sa:تنسحب", 1, NULL},
    /* "its bombardment": enclitic ها */
    {"enc-ha", "قصفها", "enc:قصف+ها", 1, NULL},
    {"enc-hum", "مواقعهم", "enc:مواقع+هم", 1, NULL},
    {"wa-enc", "وقواته", "wa+enc:قوات+ه", -1, NULL},
    /* س only before an imperfect prefix: Syria is never sa + وريا */
    {"syria", "سوريا", NULL, -1, "sa:وريا"},
    /* names: the whole word comes first (checked for every row) */
    {"palestine", "فلسطين", NULL, -1, NULL},
    {"baku", "باكو", NULL, -1, "bi:اكو+"},
    {"minister", "وزير", NULL, -1, NULL},
    {"lebanon", "لبنان", NULL, -1, NULL},
    {"kabul", "كابول", NULL, -1, NULL},
    {"holland", "هولندا", NULL, -1, NULL},
    /* a definite nisba adjective keeps its ي: no enclitic with ال */
    {"nisba", "الأرميني", "al:ارميني", 1, "al:ارمين"},
    {"allah", "الله", NULL, -1, "enc:الل+ه"},
    /* an -اتي adjective is not "my ...": "دعم لوجستي واستخباراتي" names
    ** no intelligence service; ي stays a pronoun elsewhere */
    {"nisba-ati", "واستخباراتي", "wa:استخباراتي", 1, "wa+enc:استخبارات+ي"},
    {"enc-ya", "بلادي", "enc:بلاد+ي", -1, NULL},
    /* stems keep >= 2 letters after ال or after و/ف alone ("وشن" is "and
    ** launched", "ولم" "and did not"), >= 3 otherwise */
    {"short-al", "الى", NULL, -1, "al:ي"},
    {"short-wa", "وشن", "wa:شن", -1, NULL},
    {"short-wa-neg", "ولم", "wa:لم", -1, NULL},
    {"short-bi", "بكم", NULL, -1, "bi:كم"},
};

static void test_split_rows(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof split_rows / sizeof split_rows[0]; i++) {
    const split_row *r = &split_rows[i];
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc d;
    size_t cap = 0;
    assert_int_equal(tokenize(&d, &ar, r->word, &cap), WASIT_OK);
    assert_int_equal(d.n_tokens, 1);
    const txt_token *t = &d.tokens[0];
    assert_int_equal(t->kind, TXT_WORD);
    assert_true(t->n_splits >= 1 && t->n_splits <= TXT_MAX_SPLITS);
    /* splits[0] is the whole token */
    assert_int_equal(t->splits[0].pre, 0);
    assert_int_equal(t->splits[0].suf, 0);
    assert_int_equal(t->splits[0].clitics, 0);
    int found = -1;
    char all[1024];
    size_t n = 0;
    all[0] = '\0';
    for (int k = 0; k < t->n_splits; k++) {
      char s[128];
      render_split(&d, t, k, s, sizeof s);
      n += (size_t)snprintf(all + n, sizeof all - n, " [%s]", s);
      if (r->want != NULL && strcmp(s, r->want) == 0 && found < 0) found = k;
      if (r->not_want != NULL && strncmp(s, r->not_want, strlen(r->not_want)) == 0 &&
          strlen(s) == strlen(r->not_want)) {
        print_error("row %s: unwanted reading %s in%s\n", r->id, s, all);
        fail();
      }
      /* every non-whole reading removes something and keeps >= 2 letters */
      if (k > 0) {
        size_t len;
        txt_tok_stem(&d, t, k, &len);
        assert_true(t->splits[k].clitics != 0);
        assert_true(len >= 4); /* 2 Arabic letters */
      }
    }
    if (r->want != NULL && (found < 0 || (r->want_at >= 0 && found != r->want_at))) {
      print_error("row %s: want %s at %d, got%s\n", r->id, r->want,
                  r->want_at, all);
      fail();
    }
    arena_free(&ar);
  }
}

/* Two sentences share one norm buffer, separated by '\n'. */
static void test_two_sentences(void **state) {
  (void)state;
  const char *text = "وصل بوتين إلى أنقرة. والتقى أردوغان";
  wa_arena ar;
  arena_init(&ar, NULL);
  txt_doc d;
  memset(&d, 0, sizeof d);
  d.text = text;
  d.text_len = strlen(text);
  txt_sentence s[2];
  memset(s, 0, sizeof s);
  const char *second = strstr(text, "والتقى");
  s[0].orig_len = (uint32_t)(second - 1 - text);
  s[1].orig_start = (uint32_t)(second - text);
  s[1].orig_len = (uint32_t)strlen(second);
  d.sentences = s;
  d.n_sentences = 2;
  size_t cap = 0;
  assert_int_equal(txt_tokenize_sentence(&d, &ar, 0, &cap), WASIT_OK);
  assert_int_equal(txt_tokenize_sentence(&d, &ar, 1, &cap), WASIT_OK);
  assert_string_equal(d.norm, "وصل بوتين الي انقره.\nوالتقي اردوغان");
  assert_int_equal(s[0].tok_start, 0);
  assert_int_equal(s[0].tok_count, 5);
  assert_int_equal(s[1].tok_start, 5);
  assert_int_equal(s[1].tok_count, 2);
  assert_int_equal(s[1].norm_start, strlen("وصل بوتين الي انقره.") + 1);
  const txt_token *t = &d.tokens[5];
  assert_memory_equal(d.text + t->orig_start, "والتقى", t->orig_len);
  assert_int_equal(t->orig_len, strlen("والتقى"));
  arena_free(&ar);

  /* a first sentence that normalizes to nothing (a lone kashida) still
  ** gets its '\n' separator */
  const char *text2 = "ـ قال";
  arena_init(&ar, NULL);
  memset(&d, 0, sizeof d);
  memset(s, 0, sizeof s);
  d.text = text2;
  d.text_len = strlen(text2);
  s[0].orig_len = (uint32_t)strlen("ـ");
  s[1].orig_start = (uint32_t)strlen("ـ ");
  s[1].orig_len = (uint32_t)strlen("قال");
  d.sentences = s;
  d.n_sentences = 2;
  cap = 0;
  assert_int_equal(txt_tokenize_sentence(&d, &ar, 0, &cap), WASIT_OK);
  assert_int_equal(txt_tokenize_sentence(&d, &ar, 1, &cap), WASIT_OK);
  assert_int_equal(s[0].norm_len, 0);
  assert_int_equal(s[0].tok_count, 0);
  assert_string_equal(d.norm, "\nقال");
  assert_int_equal(s[1].norm_start, 1);
  arena_free(&ar);
}

/* Allocation failure at every point gives WASIT_ENOMEM, never a crash or
** leak, and a large enough budget succeeds. */
static void test_enomem(void **state) {
  (void)state;
  /* a sentence long enough to need several arena chunks */
  char text[200 * 64];
  size_t n = 0;
  for (int i = 0; i < 200; i++)
    n += (size_t)snprintf(text + n, sizeof text - n, "%s",
                          "وقصفت القوات 135 موقعا، ");
  bool ok = false;
  for (long fail_at = 1; fail_at < 50 && !ok; fail_at++) {
    test_failing_alloc fa = {0, fail_at};
    wasit_allocator a = {test_failing_realloc, &fa};
    wa_arena ar;
    arena_init(&ar, &a);
    txt_doc d;
    size_t cap = 0;
    int rc = tokenize(&d, &ar, text, &cap);
    if (rc == WASIT_OK) {
      ok = true;
      assert_int_equal(d.n_tokens, 200 * 5);
    } else {
      assert_int_equal(rc, WASIT_ENOMEM);
    }
    arena_free(&ar);
  }
  assert_true(ok);
}

/* arena_calloc (inline in base.h) zeroes what it hands out even where
** the arena's reused chunk holds old bytes, and refuses a size whose
** product overflows. */
static void test_arena_calloc(void **state) {
  (void)state;
  wa_arena ar;
  arena_init(&ar, NULL);
  for (size_t n = 1; n <= 300; n += 37) {
    unsigned char *dirty = arena_alloc(&ar, n * 8);
    assert_non_null(dirty);
    memset(dirty, 0xA5, n * 8);
    arena_reset(&ar);   /* the first chunk is kept: the same bytes again */
    unsigned char *z = arena_calloc(&ar, n, 8);
    assert_non_null(z);
    for (size_t i = 0; i < n * 8; i++) assert_int_equal(z[i], 0);
    arena_reset(&ar);
  }
  /* (SIZE_MAX / 8 + 2) * 8 wraps to 8: a small block, were it not refused */
  assert_null(arena_calloc(&ar, SIZE_MAX / 8 + 2, 8));
  arena_free(&ar);
}

/* arena_strndup (inline in base.h) copies exactly n bytes, a NUL among
** them too, ends the copy with a NUL where the reused chunk held other
** bytes, and refuses an n whose n + 1 overflows. */
static void test_arena_strndup(void **state) {
  (void)state;
  wa_arena ar;
  arena_init(&ar, NULL);
  static const char src[] = "ab\0cdefgh";
  for (size_t n = 0; n < sizeof src; n++) {
    memset(arena_alloc(&ar, 64), 0xA5, 64);
    arena_reset(&ar);
    char *d = arena_strndup(&ar, src, n);
    assert_non_null(d);
    assert_memory_equal(d, src, n);
    assert_int_equal(d[n], '\0');
    arena_reset(&ar);
  }
  /* n + 1 wraps to 0: a one-block copy of SIZE_MAX bytes, were it not
  ** refused */
  assert_null(arena_strndup(&ar, src, SIZE_MAX));
  arena_free(&ar);
}

/* Tokenize `in` into *plain without a memo and into *memod through memo,
** both in ar. */
static void tokenize_both(wa_arena *ar, txt_memo *memo, const char *in,
                          txt_doc *plain, txt_doc *memod) {
  size_t cap = 0, mcap = 0;
  assert_int_equal(tokenize(plain, ar, in, &cap), WASIT_OK);
  assert_int_equal(tokenize_memo(memod, ar, memo, in, &mcap), WASIT_OK);
  assert_int_equal(memod->n_tokens, plain->n_tokens);
}

/* The first split (pre, suf, clitics, sig) where tokens a and b differ,
** n_splits when a has more splits, -1 when they have the same splits. */
static int split_differs(const txt_token *a, const txt_token *b) {
  for (int k = 0; k < a->n_splits; k++)
    if (k >= b->n_splits || a->splits[k].pre != b->splits[k].pre ||
        a->splits[k].suf != b->splits[k].suf ||
        a->splits[k].clitics != b->splits[k].clitics ||
        a->splits[k].sig != b->splits[k].sig)
      return k;
  return a->n_splits < b->n_splits ? a->n_splits : -1;
}

/* The word memo (token.c) changes no token: every row above (token rows
** and split rows) tokenized through one txt_memo, cold on the first pass
** and warm on the next (its words are then hits), has the same tokens and
** splits, sig included, as without a memo. */
static void test_word_memo(void **state) {
  (void)state;
  txt_memo *memo = txt_memo_new(NULL);
  assert_non_null(memo);
  size_t words = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t r = 0; r < sizeof tok_rows / sizeof *tok_rows +
                               sizeof split_rows / sizeof *split_rows;
         r++) {
      const char *in = r < sizeof tok_rows / sizeof *tok_rows
                           ? tok_rows[r].in
                           : split_rows[r - sizeof tok_rows / sizeof *tok_rows].word;
      wa_arena ar;
      arena_init(&ar, NULL);
      txt_doc plain, memod;
      tokenize_both(&ar, memo, in, &plain, &memod);
      for (size_t i = 0; i < plain.n_tokens; i++) {
        const txt_token *a = &plain.tokens[i], *b = &memod.tokens[i];
        if (a->kind != b->kind || a->norm_len != b->norm_len)
          fail_msg("row %zu token %zu: differs with the memo", r, i);
        int k = split_differs(a, b);
        if (k >= 0)
          fail_msg("row %zu token %zu split %d: differs with the memo", r,
                   i, k);
        /* the memo also hands out the word's gate; without one it
        ** stays 0 (date.c and number.c compute it) */
        if (a->gate != 0) fail_msg("row %zu token %zu: gate set", r, i);
        if (b->kind == TXT_WORD && b->norm_len <= 32 &&
            b->gate != txt_word_gate(&plain, a))
          fail_msg("row %zu token %zu: memo gate 0x%x, computed 0x%x", r, i,
                   b->gate, txt_word_gate(&plain, a));
        words += a->kind == TXT_WORD;
      }
      arena_free(&ar);
    }
  assert_true(words > 50);
  txt_memo_free(memo, NULL);
  txt_memo_free(NULL, NULL);
}

/* The splits a token reads in the word memo's record of its form
** (txt_token.splits, token.c) against the copies the tokenizer makes
** without a memo, read once the whole document is tokenized: a record
** that a token of the document took must not be replaced before the next
** document (txt_memo_doc).  Documents of 3,000 random words of 1-7
** letters (and و, ال, ب, ه around them: several splits each), so that
** many words of one document map to a slot another word of it holds;
** the words met before hit the records of earlier documents.  The tokens
** of one form share one record, and a word whose slot a token of the
** document holds has its splits in the arena and no form. */
static void test_word_records(void **state) {
  (void)state;
  enum { DOCS = 12, WORDS = 3000 };
  static const char *const letters[] = {"\xd8\xa8", "\xd8\xaa", "\xd8\xab",
                                        "\xd8\xac", "\xd8\xad", "\xd8\xae",
                                        "\xd9\x85", "\xd9\x86"};
  static const char *const heads[] = {"", "", "\xd9\x88", "\xd8\xa7\xd9\x84",
                                      "\xd9\x88\xd8\xa8\xd8\xa7\xd9\x84",
                                      "\xd8\xa8"};
  static const char *const tails[] = {"", "", "\xd9\x87", "\xd9\x87\xd8\xa7"};
  txt_memo *memo = txt_memo_new(NULL);
  char *text = malloc(WORDS * 32);
  assert_non_null(memo);
  assert_non_null(text);
  uint32_t rng = 777;
  size_t shared = 0, apart = 0, splits = 0;
  for (int doc = 0; doc < DOCS; doc++) {
    size_t n = 0;
    for (int w = 0; w < WORDS; w++) {
      rng = rng * 1103515245u + 12345u;
      const char *h = heads[(rng >> 16) % 6], *t = tails[(rng >> 20) % 4];
      int len = 1 + (int)(rng >> 24) % 7;
      n += (size_t)sprintf(text + n, "%s", h);
      for (int k = 0; k < len; k++) {
        rng = rng * 1103515245u + 12345u;
        n += (size_t)sprintf(text + n, "%s", letters[(rng >> 16) % 8]);
      }
      n += (size_t)sprintf(text + n, "%s ", t);
    }
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc plain, memod;
    tokenize_both(&ar, memo, text, &plain, &memod);
    assert_int_equal(plain.n_tokens, WORDS);
    /* rec[f]: the splits the first token of form f took */
    const txt_split **rec = calloc((size_t)DOCS * WORDS + 1, sizeof *rec);
    assert_non_null(rec);
    for (size_t i = 0; i < WORDS; i++) {
      const txt_token *a = &plain.tokens[i], *b = &memod.tokens[i];
      int k = split_differs(a, b);
      if (k >= 0)
        fail_msg("doc %d token %zu split %d: differs without the memo "
                 "(%d splits, %d without)", doc, i, k, b->n_splits,
                 a->n_splits);
      splits += a->n_splits;
      if (b->form == 0) {   /* its slot was held: splits in the arena */
        apart++;
        continue;
      }
      assert_true(b->form <= (uint32_t)DOCS * WORDS);   /* one per miss */
      if (rec[b->form] == NULL) rec[b->form] = b->splits;
      else if (rec[b->form] != b->splits)
        fail_msg("doc %d token %zu: form %u in two records", doc, i, b->form);
      else shared++;
    }
    free(rec);
    arena_free(&ar);
  }
  assert_true(apart > DOCS * 10);      /* slots held by the document */
  assert_true(shared > DOCS * 100);    /* forms met again in a document */
  assert_true(splits > DOCS * WORDS * 3 / 2);
  free(text);
  txt_memo_free(memo, NULL);
}

/* The forms the word memo gives (txt_token.form) against a model that
** remembers every word it met with its form: a form names one word, in
** any document, however often the memo replaced its entries.  Documents
** of 40 random words of 1-6 letters from six (about 56,000 forms, more
** than the memo's slots, so entries are replaced all the time), a Latin
** word, a number and a word too long to keep, which have no form.  A word
** whose slot another word of its document holds has none either (a few:
** see test_word_records). */
static void test_word_forms(void **state) {
  (void)state;
  enum { DOCS = 3000, WORDS = 40, MAXF = DOCS * WORDS + 2 };
  txt_memo *memo = txt_memo_new(NULL);
  char (*seen)[TXT_MEMO_WORD_MAX + 1] = calloc(MAXF, sizeof *seen);
  assert_non_null(memo);
  assert_non_null(seen);
  uint32_t rng = 12345;
  size_t reused = 0, held = 0;
  for (int doc = 0; doc < DOCS; doc++) {
    char text[WORDS * 14 + 128];
    size_t n = 0;
    for (int w = 0; w < WORDS; w++) {
      rng = rng * 1103515245u + 12345u;
      int letters = 1 + (int)(rng >> 16) % 6;
      for (int k = 0; k < letters; k++) {
        rng = rng * 1103515245u + 12345u;
        text[n++] = '\xd8';
        text[n++] = (char)(0xa8 + (rng >> 16) % 6);   /* ب ت ث ج ح خ */
      }
      text[n++] = ' ';
    }
    const char *tail = "gaza 12 "
                       "\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8"
                       "\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8"
                       "\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8";  /* 34 B */
    memcpy(text + n, tail, strlen(tail) + 1);
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc d;
    size_t cap = 0;
    assert_int_equal(tokenize_memo(&d, &ar, memo, text, &cap), WASIT_OK);
    assert_int_equal(d.n_tokens, WORDS + 3);
    for (size_t i = 0; i < d.n_tokens; i++) {
      const txt_token *t = &d.tokens[i];
      const char *w = d.norm + t->norm_start;
      if (i >= WORDS) {   /* Latin, number, long word */
        if (t->form != 0) fail_msg("doc %d token %zu: a form", doc, i);
        continue;
      }
      if (t->form == 0) {   /* a word of the document held its slot */
        held++;
        continue;
      }
      if (t->form >= MAXF)
        fail_msg("doc %d token %zu: form %u", doc, i, t->form);
      char *m = seen[t->form];
      if (m[0] == 0) {
        memcpy(m, w, t->norm_len);
        continue;
      }
      reused++;
      if (strlen(m) != t->norm_len || memcmp(m, w, t->norm_len) != 0)
        fail_msg("doc %d token %zu: form %u named two words", doc, i,
                 t->form);
    }
    arena_free(&ar);
  }
  assert_true(reused > DOCS * WORDS / 4);   /* the words met again */
  assert_true(held < DOCS * WORDS / 100);
  free(seen);
  txt_memo_free(memo, NULL);
}

/* txt_word_gate: a word that begins an entry of a date or number table
** passes that table's filter, through one of its splits (وفي يناير: the
** clitic و is split off ...); digits and punctuation pass none.  The
** filters may let other words pass, so only the bits that must be set
** are checked, and TXT_GATE_KNOWN always is; a word that is no entry and
** starts none (must 0) has that bit alone. */
static void test_word_gate(void **state) {
  (void)state;
  static const struct {
    const char *word;
    unsigned must;
  } rows[] = {
      {"يناير", TXT_GATE_MONTHS},        /* months.txt */
      {"ويناير", TXT_GATE_MONTHS},       /* with the و conjunction */
      {"الخميس", TXT_GATE_WEEKDAYS},     /* weekdays.txt */
      {"أمس", TXT_GATE_RELATIVE},        /* relative.txt */
      {"ثلاثة", TXT_GATE_NUMBERS},       /* numbers.txt */
      {"الرئيس", 0},   /* in no table (its splits pass two filters) */
      {"2024", 0},
      {"،", 0},
  };
  txt_memo *memo = txt_memo_new(NULL);
  assert_non_null(memo);
  for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc d;
    size_t cap = 0;
    assert_int_equal(tokenize_memo(&d, &ar, memo, rows[r].word, &cap),
                     WASIT_OK);
    assert_int_equal(d.n_tokens, 1);
    uint8_t g = txt_word_gate(&d, &d.tokens[0]);
    if ((g & rows[r].must) != rows[r].must || !(g & TXT_GATE_KNOWN))
      fail_msg("row %zu (%s): gate 0x%x lacks 0x%x", r, rows[r].word, g,
               rows[r].must);
    if (rows[r].must == 0 && g != TXT_GATE_KNOWN)
      fail_msg("row %zu (%s): gate 0x%x for no word", r, rows[r].word, g);
    if (d.tokens[0].kind == TXT_WORD && d.tokens[0].gate != g)
      fail_msg("row %zu (%s): memo gate 0x%x", r, rows[r].word,
               d.tokens[0].gate);
    arena_free(&ar);
  }
  txt_memo_free(memo, NULL);
}

/* ------------------------------------------------- model of the fast paths */

/* A model of the tokenizer, one code point at a time, for sentences of
** Arabic letters, harakat, tatweel, spaces and punctuation: each code
** point is normalized alone (txt_normalize_cp, as the general step does);
** letters U+0620..U+064A and marks of the result extend the open word (or
** open one), a space closes it, anything else is a punctuation token of
** its own.  A word's original span runs from the first code point that
** wrote a byte of it to the end of the last one.  Fills tokens (kind,
** norm and original spans) and the norm; returns the token count. */
typedef struct model_tok {
  int kind;
  uint32_t ns, ne, os, oe;
} model_tok;

static size_t model_tokenize(const char *s, size_t n, model_tok *tok,
                             char *norm, size_t *norm_len) {
  const txt_normmap *map = txt_default_normmap();
  size_t nt = 0, nl = 0;
  bool open = false;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    int k = txt_utf8_next((const unsigned char *)s + i, n - i, &cp);
    char out[TXT_NORM_CP_MAX];
    int m = txt_normalize_cp(map, cp, out);
    for (int j = 0; j < m;) {
      uint32_t c;
      int q = txt_utf8_next((const unsigned char *)out + j, (size_t)(m - j),
                            &c);
      memcpy(norm + nl, out + j, (size_t)q);
      bool word = (c >= 0x0620 && c <= 0x064A) || (c >= 0x064B && c <= 0x065F);
      if (word) {
        if (!open) {
          tok[nt++] = (model_tok){TXT_WORD, (uint32_t)nl, 0, (uint32_t)i, 0};
          open = true;
        }
        tok[nt - 1].ne = (uint32_t)(nl + (size_t)q);
        tok[nt - 1].oe = (uint32_t)(i + (size_t)k);
      } else {
        open = false;
        if (c != ' ')
          tok[nt++] = (model_tok){TXT_PUNCT, (uint32_t)nl,
                                  (uint32_t)(nl + (size_t)q), (uint32_t)i,
                                  (uint32_t)(i + (size_t)k)};
      }
      nl += (size_t)q;
      j += q;
    }
    i += (size_t)k;
  }
  *norm_len = nl;
  return nt;
}

/* The tokenizer's fast paths (a word's first letter when no token is
** open, its other letters two at a time, a space between two words) give
** what the one-code-point model above gives, on 3,000 random sentences
** over every code point U+0621..U+0652 (letters the map rewrites, such
** as أ ة ى, tatweel, harakat), spaces, ، and . ( ): the same norm and the
** same tokens with the same spans.  A fast path that wrote another byte,
** or opened, extended or closed a word where feed would not, fails it. */
static void test_fast_paths_model(void **state) {
  (void)state;
  uint32_t seed = 12345;
  size_t words = 0;
  for (int round = 0; round < 3000; round++) {
    char in[512];
    size_t n = 0;
    int len = 1 + (int)((seed >> 8) % 40);
    for (int c = 0; c < len; c++) {
      seed = seed * 1103515245u + 12345u;
      unsigned x = (seed >> 16) % 100;
      uint32_t cp;
      if (x < 15) cp = ' ';
      else if (x < 17) cp = 0x060C;   /* ، */
      else if (x < 19) cp = x == 17 ? '.' : '(';
      else if (x < 20) cp = ')';
      else cp = 0x0621 + (seed >> 4) % (0x0652 - 0x0621 + 1);
      if (cp < 0x80) {
        in[n++] = (char)cp;
      } else {
        in[n++] = (char)(0xC0 | (cp >> 6));
        in[n++] = (char)(0x80 | (cp & 0x3F));
      }
    }
    in[n] = '\0';
    model_tok want[512];
    char wnorm[1024];
    size_t wn = 0;
    size_t nw = model_tokenize(in, n, want, wnorm, &wn);
    wa_arena ar;
    arena_init(&ar, NULL);
    txt_doc d;
    size_t cap = 0;
    assert_int_equal(tokenize(&d, &ar, in, &cap), WASIT_OK);
    if (d.norm_len != wn || memcmp(d.norm, wnorm, wn) != 0 ||
        d.n_tokens != nw)
      fail_msg("round %d [%s]: norm [%.*s] (%zu tokens), model [%.*s] (%zu)",
               round, in, (int)d.norm_len, d.norm, d.n_tokens, (int)wn,
               wnorm, nw);
    for (size_t i = 0; i < nw; i++) {
      const txt_token *t = &d.tokens[i];
      if (t->kind != want[i].kind || t->norm_start != want[i].ns ||
          t->norm_start + t->norm_len != want[i].ne ||
          t->orig_start != want[i].os ||
          t->orig_start + t->orig_len != want[i].oe)
        fail_msg("round %d [%s] token %zu: kind %d norm %u+%u orig %u+%u, "
                 "model kind %d norm %u..%u orig %u..%u",
                 round, in, i, t->kind, t->norm_start, t->norm_len,
                 t->orig_start, t->orig_len, want[i].kind, want[i].ns,
                 want[i].ne, want[i].os, want[i].oe);
      words += t->kind == TXT_WORD;
    }
    arena_free(&ar);
  }
  assert_true(words > 10000);
}

/* txt_letter_pair against each code point alone, for every pair of two-
** byte code points U+0600..U+067F (the 16,384 the table covers) and for
** pairs whose second code point is ASCII or led by another byte: it
** answers true exactly when both are letters (value > 1 in the map's
** arabic_letter), and then gives their values.  Its one test for both
** letters, (r0 & r1) > 1, rests on every letter's value having D8 or D9
** in its high byte and every other value being 0 or 1; the table is
** checked for that too.  Testing r0 | r1, or r0 alone, fails here. */
static void test_letter_pair(void **state) {
  (void)state;
  const uint16_t *letters = txt_default_normmap()->arabic_letter;
  assert_non_null(letters);
  size_t both = 0;
  for (unsigned x = 0; x < 128; x++) {
    unsigned v = letters[x];
    if (v > 1 && (v >> 8) != 0xD8 && (v >> 8) != 0xD9)
      fail_msg("arabic_letter[%u] = %04X: neither 0, 1 nor a letter", x, v);
  }
  for (unsigned a = 0; a < 128; a++) {
    for (unsigned b = 0; b < 128 + 2; b++) {
      unsigned char u[4] = {(unsigned char)(0xD8 + (a >> 6)),
                            (unsigned char)(0x80 | (a & 0x3F)), 0, 0};
      if (b < 128) {
        u[2] = (unsigned char)(0xD8 + (b >> 6));
        u[3] = (unsigned char)(0x80 | (b & 0x3F));
      } else {   /* not a D8/D9 lead: ' ' and U+06C1 (DB 81) */
        u[2] = b == 128 ? ' ' : 0xDB;
        u[3] = b == 128 ? 0xD8 : 0x81;
      }
      unsigned r0 = 0, r1 = 0;
      bool got = txt_letter_pair(letters, u, &r0, &r1);
      bool want = b < 128 && letters[a] > 1 && letters[b] > 1;
      if (got != want || (want && (r0 != letters[a] || r1 != letters[b])))
        fail_msg("%02X %02X %02X %02X: pair %d (%04X %04X), want %d", u[0],
                 u[1], u[2], u[3], got, r0, r1, want);
      both += want;
    }
  }
  assert_true(both > 1000);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fast_paths_model),
      cmocka_unit_test(test_token_rows),
      cmocka_unit_test(test_word_gate),
      cmocka_unit_test(test_number_values),
      cmocka_unit_test(test_split_rows),
      cmocka_unit_test(test_two_sentences),
      cmocka_unit_test(test_enomem),
      cmocka_unit_test(test_arena_calloc),
      cmocka_unit_test(test_arena_strndup),
      cmocka_unit_test(test_word_memo),
      cmocka_unit_test(test_word_forms),
      cmocka_unit_test(test_word_records),
      cmocka_unit_test(test_letter_pair),
  };
  return cmocka_run_group_tests_name("token", tests, NULL, NULL);
}
