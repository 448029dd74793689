/*
** test_match.c: the coder's phrase matcher (src/coder/match.c) against a
** naive model, in the manner of SQLite's bitvec test.
**
** match.c answers "does dictionary phrase p match at token i?" with Bloom
** filters, key ids, summaries kept in the phrase table and precomputed gap
** windows.  The model below answers the same question the plain way: it
** compares key strings with every alternative of every word and walks `*`
** gaps by recursion.  For real news sentences (written for this test in the
** style of Arabic wire copy: a Caucasus agreement, a Moscow statement, an
** air strike on Gaza with casualties, a Baghdad protest, an Ankara
** statement, an accusation, a Riyadh meeting), every phrase of the shipped
** dictionary is tried at every token, before and after `free` marks change
** the gaps, and the two must agree on the result, the end token, the first
** run, the first word's clitics and the token of every word.  The word
** class tests (coder_tok_is) are checked against the keys' classes too,
** and the key memo against coder_keys without one.
*/
#include "testutil.h"

#include "coder/coder.h"
#include "dict/dict.h"
#include "text/text.h"

static const struct {
  const char *id;
  const char *text;
} rows[] = {
    {"agree", "اتفقت أرمينيا وأذربيجان يوم الاثنين على عدم اللجوء إلى القوة "
              "بعد محادثات بوساطة روسية."},
    {"say", "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للوساطة "
            "بين البلدين، وإنها لن تسمح بتصعيد جديد."},
    {"strike", "قصفت الطائرات الإسرائيلية مواقع في قطاع غزة فجر اليوم، ما أسفر "
               "عن مقتل 12 فلسطينيا وإصابة 30 آخرين بجروح."},
    {"protest", "تظاهر آلاف المحتجين في بغداد للمطالبة بإسقاط الحكومة، "
                "واعتقلت الشرطة العراقية عشرات منهم؛ ولم تعلق الوزارة."},
    {"erdogan", "أعلن الرئيس التركي رجب طيب أردوغان أن بلاده ستواصل عملياتها "
                "العسكرية في شمال سوريا إذا لم تنسحب الوحدات الكردية."},
    {"accuse", "اتهمت الولايات المتحدة روسيا بقصف مستشفى في مدينة خاركيف "
               "الأوكرانية، فيما نفت موسكو ذلك؟"},
    {"meet", "والتقى وزير الخارجية المصري نظيره السعودي في الرياض، وبحث "
             "الجانبان سبل تعزيز التعاون والأوضاع في السودان وليبيا."},
    /* phrases that open with two gaps ("أعرب * * عن قلق": the second
    ** gap is needed here) or with a gap, a word and a gap ("قال * أن *
    ** مرفوض"): coder_first_gap_lands' other summaries */
    {"concern", "وأعرب وزير الخارجية الفرنسي جان إيف لودريان عن قلقه البالغ "
                "إزاء التصعيد، وقال المتحدث باسم الحكومة إن الخطوة مرفوضة."},
    /* one form read two ways: وزارة and وزاره (typed with ه, as in much
    ** web copy) normalize alike, but only the second may be و + زار + ه
    ** (the key memo's entries for ة words: match.c, memo_slot) */
    {"ta-marbuta", "وقالت وزارة الخارجية إن الوزاره ستصدر بيانا، وزاره "
                   "الوزير أمس."},
    /* instruments of force (grammar class `instrument`), which mark_free
    ** sets aside: on the mark list of coder_keys */
    {"instrument", "فرقت قوات الأمن بالهراوات والغاز المسيل للدموع مئات "
                   "المتظاهرين أمام البرلمان."},
};

/* ------------------------------------------------------------ the model */

static bool key_is(const coder_tok *t, int k, const char *s, size_t n) {
  return t->keys[k].len == n && memcmp(t->keys[k].s, s, n) == 0;
}

/* The first key of token i equal (as a string) to an alternative of w,
** honouring the verb-form and article limits; -1 when none. */
static int model_word(const coder_sent *s, const dict_word *w, uint32_t i) {
  const coder_tok *t = &s->ct[i];
  for (int k = 0; k < t->nk; k++) {
    if (w->verbal && (t->keys[k].strip ||
                      (t->keys[k].cl & (TXT_CL_AL | TXT_CL_BI | TXT_CL_KA))))
      continue;
    bool with_article = t->keys[k].strip || (t->keys[k].cl & TXT_CL_AL);
    if ((w->article == 1 && !with_article) || (w->article == 2 && with_article))
      continue;
    for (uint16_t a = 0; a < w->n_alts; a++)
      if (key_is(t, k, w->alts[a], w->alt_lens[a])) return k;
  }
  return -1;
}

static uint32_t model_from(const coder_sent *s, const dict_phrase *p,
                           uint32_t wi, uint32_t j, uint32_t *pos) {
  if (wi == p->n_words) return j;
  const dict_word *w = &p->words[wi];
  if (w->gap) {
    /* which tokens a gap may swallow is the library's rule; what this
    ** model checks is the search around it, without any filter */
    uint32_t counted = 0;
    for (uint32_t skip = 0; skip <= CODER_GAP_MAX; skip++) {
      if (skip > 0 && !coder_gap_swallows(s, j, j + skip - 1, &counted)) break;
      uint32_t r = model_from(s, p, wi + 1, j + skip, pos);
      if (r) return r;
    }
    return 0;
  }
  if (wi >= p->first_run && !p->words[wi - 1].gap)
    while (j < s->n && s->ct[j].quote) j++; /* as match_from */
  if (j >= s->n || model_word(s, w, j) < 0) return 0;
  pos[wi] = j;
  return model_from(s, p, wi + 1, j + 1, pos);
}

static uint32_t model_match(const coder_sent *s, const dict_phrase *p,
                            uint32_t i, uint32_t *first_end, uint8_t *cl0,
                            uint32_t *pos) {
  if (i >= s->n) return 0;
  int k0 = model_word(s, &p->words[0], i);
  if (k0 < 0) return 0;
  pos[0] = i;
  uint32_t end = model_from(s, p, 1, i + 1, pos);
  if (!end) return 0;
  uint32_t g = 1;
  while (g < p->n_words && !p->words[g].gap) g++;
  *first_end = i + g;
  *cl0 = s->ct[i].keys[k0].cl;
  return end;
}

/* coder_tok_is the plain way: the classes of each key by binary search. */
static bool model_tok_is(const coder_sent *s, uint32_t i, int c,
                         bool any_split) {
  if (i >= s->n) return false;
  const coder_tok *t = &s->ct[i];
  unsigned plain = TXT_CL_WA | TXT_CL_FA | TXT_CL_ENC | TXT_CL_AL;
  for (int k = 0; k < t->nk; k++) {
    if (!any_split && (t->keys[k].cl & ~plain)) continue;
    if (dict_cls_has(dict_wordclass_mask(s->dict, t->keys[k].s, t->keys[k].len),
                     c))
      return true;
  }
  return false;
}

/* ------------------------------------------------------------ the check */

/* Phrases coder_first_gap_lands refused, by their shape (0: one gap, 1:
** one gap, a word and a gap (gap_gap_bit), 2: two gaps), and
** matches of phrases that open with two gaps, over all compare_all
** calls: the test asks that each kind was exercised. */
static size_t refused[3], double_gap_matches;

/* Every phrase at every token: matcher and model agree.  Returns the
** number of matches found (for the caller's sanity checks). */
static size_t compare_all(const char *id, const coder_sent *s,
                          size_t n_phrases, size_t *by_cat) {
  size_t found = 0;
  uint32_t pos[256], mpos[256];
  for (uint32_t i = 0; i <= s->n; i++) {
    /* the summary the trigger loop shares between the phrases at i */
    coder_lands shared = {.key = DICT_NO_KEY};
    for (uint32_t x = 0; x < n_phrases; x++) {
      const dict_phrase *p = dict_phrase_at(s->dict, x);
      uint32_t fe = 0, mfe = 0;
      uint8_t cl = 0, mcl = 0;
      memset(pos, 0xff, sizeof pos);
      uint32_t end = coder_match(s, p, i, -1, &fe, &cl, pos);
      uint32_t mend = model_match(s, p, i, &mfe, &mcl, mpos);
      if (end != mend)
        fail_msg("%s: phrase %u at token %u: end %u, model %u", id, x, i, end,
                 mend);
      /* the trigger loop's pre-test refuses only phrases that fail, and
      ** a summary made for another phrase answers as a fresh one */
      coder_lands fresh = {.key = DICT_NO_KEY};
      bool lands = coder_first_gap_lands(s, p, i, &fresh);
      if (coder_first_gap_lands(s, p, i, &shared) != lands)
        fail_msg("%s: phrase %u at token %u: the shared gap summary "
                 "answers otherwise", id, x, i);
      if (end && !lands)
        fail_msg("%s: phrase %u at token %u matches, but its first gap "
                 "was said to land nowhere", id, x, i);
      if (!lands)
        refused[p->next_key == DICT_NO_KEY       ? 2
                : p->gap_gap_bit != DICT_NO_BIT ? 1
                                                : 0]++;
      if (end && p->gap2_key != DICT_NO_KEY) double_gap_matches++;
      if (!end) continue;
      if (fe != mfe || cl != mcl)
        fail_msg("%s: phrase %u at token %u: first_end %u/%u cl0 %u/%u", id,
                 x, i, fe, mfe, cl, mcl);
      for (uint8_t w = 0; w < p->n_words; w++)
        if (!p->words[w].gap && pos[w] != mpos[w])
          fail_msg("%s: phrase %u at token %u: word %u at %u, model %u", id,
                   x, i, w, pos[w], mpos[w]);
      /* without pos the answer is the same */
      assert_int_equal(coder_match(s, p, i, -1, &fe, &cl, NULL), end);
      found++;
      by_cat[p->cat]++;
    }
  }
  /* told a key of the token whose hits list the phrase (as the candidate
  ** loops tell it), the matcher answers the same */
  for (uint32_t i = 0; i < s->n; i++)
    for (uint8_t k = 0; k < s->ct[i].nk; k++) {
      const dict_hits *h = &s->ct[i].keys[k].hits;
      for (uint32_t y = 0; y < h->n; y++) {
        const dict_phrase *p = dict_phrase_at(s->dict, h->ids[y]);
        uint32_t fe = 0, hfe = 0;
        uint8_t cl = 0, hcl = 0;
        uint32_t end = coder_match(s, p, i, -1, &fe, &cl, NULL);
        if (coder_match(s, p, i, k, &hfe, &hcl, NULL) != end ||
            (end && (hfe != fe || hcl != cl)))
          fail_msg("%s: phrase %u at token %u through key %u differs", id,
                   h->ids[y], i, k);
      }
    }
  for (uint32_t i = 0; i <= s->n; i++)
    for (int c = 0; c < CW_COUNT; c++)
      for (int any = 0; any < 2; any++)
        if (coder_tok_is(s, i, c, any) != model_tok_is(s, i, c, any))
          fail_msg("%s: token %u class %d any %d differs", id, i, c, any);
  return found;
}

/* The coder's view of sentence si of doc, before coder_keys. */
static coder_sent sentence_view(const txt_doc *doc, const wasit_dict *d,
                                size_t si) {
  coder_sent s;
  memset(&s, 0, sizeof s);
  s.doc = doc;
  s.dict = d;
  s.index = si;
  s.toks = doc->tokens + doc->sentences[si].tok_start;
  s.n = doc->sentences[si].tok_count;
  return s;
}

/* The shipped dictionary (the test fails when it does not load). */
static wasit_dict *load_dict(void) {
  wasit_dict *d = NULL;
  wasit_error err;
  if (wasit_dict_load(&d, WASIT_TEST_DICT, NULL, &err))
    fail_msg("%s:%d: %s", err.where, err.line, err.message);
  return d;
}

/* coder_gap_blooms against its definition: for each start j, walk the
** landings with coder_gap_swallows, OR their filters, and stop at the
** first token it refuses (the last landing). */
static void check_gap_blooms(const char *id, const coder_sent *s) {
  for (uint32_t j = 0; j < s->n; j++) {
    uint64_t b = 0;
    uint32_t counted = 0, x = j;
    for (; x < s->n; x++) {
      b |= s->ct[x].bloom;
      if (!coder_gap_swallows(s, j, x, &counted)) break;
    }
    if (s->ct[j].gap_bloom != b || s->ct[j].gap_span != x - j)
      fail_msg("%s: token %u: gap filter or span (%u) differs from the "
               "model (%u)", id, j, s->ct[j].gap_span, x - j);
  }
}

static void test_matcher_agrees_with_model(void **state) {
  (void)state;
  wasit_dict *d = load_dict();
  wasit_error err;
  dict_stats st;
  dict_get_stats(d, &st);
  wa_arena ar;
  arena_init(&ar, NULL);
  size_t by_cat[8] = {0}, gapped = 0;
  for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
    txt_doc doc;
    arena_reset(&ar);
    assert_int_equal(txt_analyze(&doc, &ar, rows[r].text, strlen(rows[r].text),
                                 "2023-10-09", &err), WASIT_OK);
    for (size_t si = 0; si < doc.n_sentences; si++) {
      coder_sent s = sentence_view(&doc, d, si);
      assert_int_equal(coder_keys(&s, &ar), WASIT_OK);
      /* gaps unfiltered (as coder_keys leaves them), then filtered */
      size_t raw = compare_all(rows[r].id, &s, st.phrases, by_cat);
      coder_gap_blooms(&s);
      check_gap_blooms(rows[r].id, &s);
      size_t before = compare_all(rows[r].id, &s, st.phrases, by_cat);
      assert_int_equal(before, raw);
      /* mark every third word free (as actor names and dates are): the
      ** gaps reach further, and the precomputed windows must follow */
      for (uint32_t k = 1; k < s.n; k += 3) s.ct[k].free = 1;
      coder_gap_blooms(&s);
      check_gap_blooms(rows[r].id, &s);
      size_t after = compare_all(rows[r].id, &s, st.phrases, by_cat);
      if (after > before) gapped++;
      assert_true(before > 0);
    }
  }
  /* the sentences really exercise actors, verb patterns and places, and
  ** free marks really let some gap reach a later word */
  assert_true(by_cat[DICT_C_ACTOR] > 20);
  assert_true(by_cat[DICT_C_VERB] > 10);
  assert_true(by_cat[DICT_C_PLACE] > 0);
  print_message("matches: %zu actor, %zu verb, %zu place, %zu discard; "
                "%zu sentences gained by free marks\n", by_cat[DICT_C_ACTOR],
                by_cat[DICT_C_VERB], by_cat[DICT_C_PLACE],
                by_cat[DICT_C_DISCARD], gapped);
  assert_true(gapped > 0);
  print_message("gap pre-test refusals: %zu one gap, %zu gap after the "
                "word, %zu two gaps; %zu two-gap matches\n", refused[0],
                refused[1], refused[2], double_gap_matches);
  assert_true(refused[0] > 0 && refused[1] > 0 && refused[2] > 0);
  assert_true(double_gap_matches > 0);
  arena_free(&ar);
  wasit_dict_free(d);
}

/* The key memo (match.c) changes no token: for every sentence of the
** rows, coder_keys through one memo, cold on the first pass and warm on
** the next two (then nearly every word is a hit), gives what it gives
** without a memo, field by field, and each token's name filter is that
** of its keys.  Key strings are compared as bytes:
** through the memo they point into its copy of the word. */
static void tok_equal(const char *id, uint32_t i, const coder_tok *a,
                      const coder_tok *b) {
  if (a->nk != b->nk || a->cl_any != b->cl_any || a->cands != b->cands ||
      !dict_cls_eq(a->cls_any, b->cls_any) ||
      !dict_cls_eq(a->cls_plain, b->cls_plain) || a->bloom != b->bloom ||
      a->names != b->names ||
      a->punct != b->punct || a->gap_bloom != b->gap_bloom ||
      a->gap_span != b->gap_span)
    fail_msg("%s: token %u: summaries differ with the memo", id, i);
  /* the name filter is the OR of the keys' bits (coder_name_bit) */
  uint64_t names = 0;
  for (uint8_t k = 0; k < a->nk; k++)
    names |= (uint64_t)1 << coder_name_bit(a->keys[k].s, a->keys[k].len);
  if (a->names != names)
    fail_msg("%s: token %u: name filter 0x%llx, keys give 0x%llx", id, i,
             (unsigned long long)a->names, (unsigned long long)names);
  for (uint8_t k = 0; k < a->nk; k++) {
    const coder_key *x = &a->keys[k], *y = &b->keys[k];
    if (x->len != y->len || memcmp(x->s, y->s, x->len) != 0 ||
        x->cl != y->cl || x->strip != y->strip || x->ok != y->ok ||
        x->hits.ids != y->hits.ids || x->hits.n != y->hits.n ||
        x->hits.key != y->hits.key || x->hits.n_act != y->hits.n_act ||
        x->hits.classes != y->hits.classes)
      fail_msg("%s: token %u key %u differs with the memo", id, i, k);
  }
}

/* Every distinct word (normalized bytes) of the test so far, in the
** order met: word i takes the form 5 + i * CODER_MEMO_SLOTS, so that all
** of them fall on one slot of the key memo (or, ending in ة, on the one
** it pairs with), and each form still names one word (the text layer's
** invariant, txt_token.form). */
typedef struct crowd {
  char word[256][TXT_MEMO_WORD_MAX];
  size_t len[256], n;
} crowd;

static uint32_t crowd_form(crowd *c, const char *w, size_t len) {
  for (size_t i = 0; i < c->n; i++)
    if (c->len[i] == len && memcmp(c->word[i], w, len) == 0)
      return 5 + (uint32_t)i * CODER_MEMO_SLOTS;
  if (c->n == 256) fail_msg("more than 256 words in the crowd");
  memcpy(c->word[c->n], w, len);
  c->len[c->n] = len;
  return 5 + (uint32_t)c->n++ * CODER_MEMO_SLOTS;
}

/* Key every sentence of each row through the memo, then (the keys of a
** whole document are read until it is coded) compare each with the
** keys made without one.  The forms are the text memo's, or with
** `crowded` remade by crowd_form, so that the words of a document keep
** taking the slot an earlier word's tokens hold. */
/* The lists of the tokens coder_triggers, coder_actors and mark_free
** visit (coder_keys: s->visit) against a model read from the tokens and
** their keys: a token is on the trigger list when a key lists a phrase
** that is no actor's or carries س, on the mention list when a key lists
** an actor phrase or is in a class of CODER_MENTION_CLASSES, and on the
** mark list when it is punctuation or a key lists a one-word place or is
** an instrument; each list in order.  Adds how many tokens are on each
** to on[]. */
static void check_visit_lists(const char *id, size_t si, const coder_sent *s,
                              uint32_t on[CODER_VISITS]) {
  static const char *const name[CODER_VISITS] = {"trigger", "mention", "mark"};
  uint32_t got[CODER_VISITS] = {0};
  for (uint32_t i = 0; i < s->n; i++) {
    bool want[CODER_VISITS] = {false, false, s->toks[i].kind == TXT_PUNCT};
    for (uint8_t k = 0; k < s->ct[i].nk; k++) {
      const coder_key *x = &s->ct[i].keys[k];
      want[CODER_VISIT_TRIG] |= x->hits.n > x->hits.n_act || (x->cl & TXT_CL_SA);
      const dict_classes *c = x->hits.classes; /* NULL: no grammar word */
      want[CODER_VISIT_MENTION] |=
          x->hits.n_act > 0 || (c && dict_cls_meet(*c, CODER_MENTION_CLASSES));
      want[CODER_VISIT_MARK] |=
          x->hits.one_word_place || (c && dict_cls_has(*c, CW_INSTRUMENT));
    }
    for (int l = 0; l < CODER_VISITS; l++)
      if (want[l] && (got[l] >= s->n_visit[l] || coder_visit(s, l)[got[l]++] != i))
        fail_msg("%s: sentence %zu: token %u is not on the %s list", id, si, i,
                 name[l]);
  }
  for (int l = 0; l < CODER_VISITS; l++) {
    if (got[l] != s->n_visit[l])
      fail_msg("%s: sentence %zu: the %s list has a token too many", id, si,
               name[l]);
    on[l] += got[l];
  }
}

static size_t key_memo_rows(const wasit_dict *d, txt_memo *tmemo,
                            coder_memo *memo, crowd *cr,
                            uint32_t on[CODER_VISITS]) {
  wasit_error err;
  wa_arena ar;
  arena_init(&ar, NULL);
  size_t tokens = 0;
  for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
    txt_doc doc;
    arena_reset(&ar);
    assert_int_equal(txt_analyze_memo(&doc, &ar, tmemo, rows[r].text,
                                      strlen(rows[r].text), "2023-10-09",
                                      &err),
                     WASIT_OK);
    for (size_t i = 0; i < doc.n_tokens; i++) {
      txt_token *t = &doc.tokens[i];
      if (cr && t->form)
        t->form = crowd_form(cr, doc.norm + t->norm_start, t->norm_len);
    }
    coder_memo_doc(memo);
    coder_sent ms[8];
    assert_true(doc.n_sentences <= 8);
    for (size_t si = 0; si < doc.n_sentences; si++) {
      ms[si] = sentence_view(&doc, d, si);
      ms[si].memo = memo;
      assert_int_equal(coder_keys(&ms[si], &ar), WASIT_OK);
    }
    for (size_t si = 0; si < doc.n_sentences; si++) {
      coder_sent plain = sentence_view(&doc, d, si);
      assert_int_equal(coder_keys(&plain, &ar), WASIT_OK);
      /* the sentence's class masks (made in coder_keys' one pass) are
      ** the OR of its tokens', with the memo and without */
      dict_classes any = {{0}}, bare = {{0}};
      for (uint32_t i = 0; i < plain.n; i++) {
        tok_equal(rows[r].id, i, &plain.ct[i], &ms[si].ct[i]);
        any = dict_cls_or(any, plain.ct[i].cls_any);
        bare = dict_cls_or(bare, plain.ct[i].cls_plain);
      }
      if (!dict_cls_eq(plain.cls_any, any) || !dict_cls_eq(plain.cls_plain, bare) ||
          !dict_cls_eq(ms[si].cls_any, any) || !dict_cls_eq(ms[si].cls_plain, bare))
        fail_msg("%s: sentence %zu: class masks are not the OR of its tokens'",
                 rows[r].id, si);
      check_visit_lists(rows[r].id, si, &plain, on);
      check_visit_lists(rows[r].id, si, &ms[si], on);
      tokens += plain.n;
    }
  }
  arena_free(&ar);
  return tokens;
}

static void test_key_memo(void **state) {
  (void)state;
  wasit_dict *d = load_dict();
  txt_memo *tmemo = txt_memo_new(NULL);
  coder_memo *memo = coder_memo_new(NULL);
  assert_non_null(tmemo);
  assert_non_null(memo);
  size_t tokens = 0;
  uint32_t on[CODER_VISITS] = {0};   /* tokens on each visit list */
  for (int pass = 0; pass < 3; pass++)
    tokens += key_memo_rows(d, tmemo, memo, NULL, on);
  assert_true(tokens > 100);
  /* each list is neither empty nor every token (each sentence's lists
  ** are counted twice: with the memo and without) */
  for (int l = 0; l < CODER_VISITS; l++)
    assert_true(on[l] > 20 && on[l] < 2 * tokens);
  /* a fresh memo, every word on one slot: each document's first word
  ** holds it, and the others must not overwrite the keys it lent */
  coder_memo_free(memo, NULL);
  memo = coder_memo_new(NULL);
  assert_non_null(memo);
  crowd *cr = calloc(1, sizeof *cr);
  assert_non_null(cr);
  for (int pass = 0; pass < 2; pass++) key_memo_rows(d, tmemo, memo, cr, on);
  assert_true(cr->n > 20);
  free(cr);
  txt_memo_free(tmemo, NULL);
  coder_memo_free(memo, NULL);
  coder_memo_free(NULL, NULL);
  wasit_dict_free(d);
}

/* coder_streq against strcmp, for literal b (the inline byte path) and for
** b through a pointer (the loop).  Each a is copied into a block of its
** exact size, so under ASan a read past its NUL fails the test. */
static void test_streq_literals(void **state) {
  (void)state;
  static const char *const as[] = {"", "0", "04", "045", "0450", "043",
                                   "039", "145", "NONE", "NON", "NONEX",
                                   "---", "--", "ISR", "ISRGOV"};
  static const char *const bs[] = {"", "045", "NONE", "---", "ISRGOV"};
  for (size_t i = 0; i < sizeof as / sizeof *as; i++) {
    size_t n = strlen(as[i]) + 1;
    char *a = malloc(n);
    assert_non_null(a);
    memcpy(a, as[i], n);
    assert_int_equal(coder_streq(a, ""), strcmp(a, "") == 0);
    assert_int_equal(coder_streq(a, "045"), strcmp(a, "045") == 0);
    assert_int_equal(coder_streq(a, "043"), strcmp(a, "043") == 0);
    assert_int_equal(coder_streq(a, "NONE"), strcmp(a, "NONE") == 0);
    assert_int_equal(coder_streq(a, "---"), strcmp(a, "---") == 0);
    assert_int_equal(coder_streq(a, "ISRGOV"), strcmp(a, "ISRGOV") == 0);
    for (size_t j = 0; j < sizeof bs / sizeof *bs; j++) {
      const char *volatile b = bs[j];   /* not a constant: the loop */
      assert_int_equal(coder_streq(a, b), strcmp(a, b) == 0);
    }
    free(a);
  }
}

/* coder_first_actor, read from the index coder_actor_index builds,
** against the binary search over the actors it replaced, on 2,000 random
** sentences of 0 to 40 tokens with 0 to 12 actors in token order, apart
** or adjacent, of one to three tokens, for every token and past the
** end.  Filling a token with the actor that starts before it (i < start
** for i <= start), or an actor_index_end one token too far (onto a stale
** value) or left at 0, fails it. */
static size_t model_first_actor(const coder_sent *s, uint32_t pos) {
  size_t lo = 0, hi = s->n_actors;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->actors[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static void test_actor_index(void **state) {
  (void)state;
  uint32_t seed = 4242;
  size_t asked = 0;
  for (int round = 0; round < 2000; round++) {
    coder_tok ct[40];
    coder_actor actors[40];
    memset(ct, 0xA5, sizeof ct);   /* stale values, as the key memo leaves */
    seed = seed * 1103515245u + 12345u;
    uint32_t n = (seed >> 16) % 41;
    size_t na = 0;
    for (uint32_t i = 0; i < n && na < 12;) {
      seed = seed * 1103515245u + 12345u;
      uint32_t gap = (seed >> 16) % 4, len = 1 + (seed >> 20) % 3;
      if (i + gap + len > n) break;
      memset(&actors[na], 0, sizeof actors[na]);
      actors[na].start = i + gap;
      actors[na].end = i + gap + len;
      na++;
      i += gap + len;
    }
    coder_sent s = {.n = n, .ct = ct, .actors = actors, .n_actors = na};
    coder_actor_index(&s);
    for (uint32_t pos = 0; pos <= n + 2; pos++) {
      size_t got = coder_first_actor(&s, pos), want = model_first_actor(&s, pos);
      if (got != want)
        fail_msg("round %d (%u tokens, %zu actors): token %u gives actor %zu, "
                 "the search %zu", round, n, na, pos, got, want);
      asked++;
    }
  }
  assert_true(asked > 40000);
}

/* coder_state_prefix (inline in coder.h, a switch on the first byte)
** against the list it encodes: every code of three letters drawn from
** the letters of the eight prefixes that name no state (IGO NGO MNC IMG
** UAF --- INT UNK) and a few others, with and without a role after it,
** and the codes under three bytes.  Dropping a prefix from the switch,
** or testing two bytes of one, fails it. */
static bool model_state_prefix(const char *code) {
  static const char *const none[] = {"IGO", "NGO", "MNC", "IMG",
                                     "UAF", "---", "INT", "UNK"};
  if (strlen(code) < 3) return false;
  for (size_t i = 0; i < sizeof none / sizeof *none; i++)
    if (memcmp(code, none[i], 3) == 0) return false;
  return true;
}

static void test_state_prefix(void **state) {
  (void)state;
  static const char letters[] = "-IGONMCUAFTKSPERX";
  size_t n = sizeof letters - 1, states = 0;
  for (size_t a = 0; a < n; a++)
    for (size_t b = 0; b < n; b++)
      for (size_t c = 0; c < n; c++)
        for (int role = 0; role < 2; role++) {
          char code[8] = {letters[a], letters[b], letters[c], 0};
          if (role) memcpy(code + 3, "GOV", 4);
          bool want = model_state_prefix(code);
          if (coder_state_prefix(code) != want)
            fail_msg("%s: state prefix %d, want %d", code, !want, want);
          states += want;
        }
  static const char *const shorts[] = {"", "U", "US", "-", "--"};
  for (size_t i = 0; i < sizeof shorts / sizeof *shorts; i++)
    assert_false(coder_state_prefix(shorts[i]));
  assert_true(states > 9000);
}

/* coder_role_in (inline in coder.h) against a model that takes the
** code's length with strnlen and splits the role list: codes of every
** length 0 to 9 built from prefixes and roles that are on the lists and
** off them, against lists of one to three roles.  Asking for seven bytes
** instead of six, or stopping the list at its first role, fails it. */
static bool model_role_in(const char *code, const char *roles) {
  if (strnlen(code, 6) < 6) return false;
  char list[32];
  snprintf(list, sizeof list, "%s", roles);
  for (char *r = strtok(list, " "); r != NULL; r = strtok(NULL, " "))
    if (strncmp(code + 3, r, 3) == 0) return true;
  return false;
}

static void test_role_in(void **state) {
  (void)state;
  static const char *const full[] = {"ARMMILREB", "EGYGOVX", "ISRCOP",
                                     "USAMIL", "PSEJUD", "SYRREB",
                                     "IGOUNO"};
  static const char *const lists[] = {"MIL", "COP MIL", "GOV JUD MIL",
                                      "JUD", "REB COP"};
  size_t yes = 0;
  for (size_t f = 0; f < sizeof full / sizeof *full; f++)
    for (size_t len = 0; len <= strlen(full[f]); len++) {
      char code[16] = {0};
      memcpy(code, full[f], len);
      for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
        bool want = model_role_in(code, lists[l]);
        if (coder_role_in(code, lists[l]) != want)
          fail_msg("%s in [%s]: %d, want %d", code, lists[l], !want, want);
        yes += want;
      }
    }
  assert_true(yes >= 10);
}

/* Row r of rows, or of extra[] after them, analyzed into *doc (the
** arena reset first); returns its text. */
static const char *analyze_row(txt_doc *doc, wa_arena *ar, size_t r,
                               const char *const *extra) {
  size_t n_rows = sizeof rows / sizeof *rows;
  const char *text = r < n_rows ? rows[r].text : extra[r - n_rows];
  wasit_error err;
  arena_reset(ar);
  assert_int_equal(txt_analyze(doc, ar, text, strlen(text), "2023-10-09", &err),
                   WASIT_OK);
  return text;
}

/* Sentence si of doc as the coder sees it, keyed (coder_keys). */
static coder_sent keyed_sentence(const txt_doc *doc, const wasit_dict *d,
                                 size_t si, wa_arena *ar) {
  coder_sent s = sentence_view(doc, d, si);
  assert_int_equal(coder_keys(&s, ar), WASIT_OK);
  return s;
}

/* coder_title_name_end's inline gates (the actor is no person nor
** unknown; the sentence has a title, counterpart or office word) against
** the walk alone (coder_title_name_walk), for every actor of the rows
** above and of three sentences whose office holder is named by a word of
** each class ("المدير" is an office, "وزير" a title, "نظيره" a
** counterpart; the first name is made up, so that no dictionary knows
** it): the gates may answer 0 only where the walk finds no name
** or the actor is a person or unknown.  A gate that forgot the office
** class cuts the first sentence's name and fails it. */
static void test_title_name_gate(void **state) {
  (void)state;
  static const char *const extra[] = {
      "قال المدير العام لمنظمة الصحة العالمية كوليبو تانامي إن الوضع خطير.",
      "وقال وزير المياه والري الإثيوبي سيليشي بيكيلي إن السد لن يضر مصر.",
      "والتقى وزير الخارجية المصري نظيره الياباني سيجي مايهارا في القاهرة."};
  size_t n_rows = sizeof rows / sizeof *rows;
  wasit_dict *d = load_dict();
  wa_arena ar;
  arena_init(&ar, NULL);
  size_t named = 0;
  bool office_named = false;
  for (size_t r = 0; r < n_rows + 3; r++) {
    txt_doc doc;
    const char *text = analyze_row(&doc, &ar, r, extra);
    for (size_t si = 0; si < doc.n_sentences; si++) {
      coder_sent s = keyed_sentence(&doc, d, si, &ar);
      assert_int_equal(coder_actors(&s, &ar), WASIT_OK);
      for (size_t x = 0; x < s.n_actors; x++) {
        const coder_actor *a = &s.actors[x];
        uint32_t want = a->person || a->unknown ? 0 : coder_title_name_walk(&s, x);
        uint32_t got = coder_title_name_end(&s, x);
        if (got != want)
          fail_msg("[%s] actor %zu (%u..%u): name end %u, the walk %u", text,
                   x, a->start, a->end, got, want);
        named += want != 0;
        if (r == n_rows && want != 0) office_named = true;
      }
    }
  }
  assert_true(office_named);
  assert_true(named >= 3);
  arena_free(&ar);
  wasit_dict_free(d);
}

/* coder_clauses against a model of the loop it replaced, which asked
** every token whether a trigger starts there or the pending cut falls
** there.  Every sentence of the rows and of texts with clause marks
** inside them (":", "؛", "?", "؟") is numbered under 300 random
** trigger lists drawn from a say verb, an accusation (root 11) and a
** verb of neither kind, and the clause of each token and the answer
** (a question mark) must be the model's.  Forgetting the clause mark in
** the loop over the tokens before `at`, or the cut at `at`, fails it. */
static bool model_question(const coder_sent *s, uint32_t i) {
  const txt_token *tk = &s->toks[i];
  const char *q = txt_tok_norm(s->doc, tk);
  return (tk->norm_len == 1 && q[0] == '?') ||
         (tk->norm_len == 2 && memcmp(q, "\xd8\x9f", 2) == 0);
}

static bool model_clauses(const coder_sent *s, uint16_t *clause,
                          size_t *cuts) {
  bool asked = false;
  uint16_t c = 0;
  uint32_t cut_at = UINT32_MAX;
  for (uint32_t i = 0; i < s->n; i++) {
    for (size_t ti = 0; ti < s->n_trigs; ti++) {
      const coder_trig *t = &s->trigs[ti];
      const dict_verb *v = dict_verb_at(s->dict, t->verb);
      if (t->start != i ||
          (!(v->flags & DICT_F_SAY) && memcmp(v->code, "11", 2) != 0))
        continue;
      for (uint32_t j = t->end; j < s->n && j < t->end + 12; j++) {
        if (s->ct[j].punct == 1) break;
        if (coder_tok_is(s, j, CW_COMP, true)) {
          if (j < cut_at) cut_at = j;
          break;
        }
      }
    }
    bool cut = i == cut_at;
    if (cut) cut_at = UINT32_MAX, (*cuts)++;
    clause[i] = c;
    if (s->ct[i].punct == 1 || cut) {
      if (s->ct[i].punct == 1 && model_question(s, i)) asked = true;
      c++;
    }
  }
  return asked;
}

static void test_clauses(void **state) {
  (void)state;
  static const char *const extra[] = {
      "وقال المتحدث باسم الخارجية: إن بلاده ترفض التدخل؛ وأكد أن الحوار "
      "هو الحل، فهل تقبل الأطراف ذلك؟ وأضاف أن الوفد سيصل غدا.",
      "اتهمت الحكومة المعارضة بأنها تعرقل الحل، وقالت إن الأزمة ستطول؟ "
      "وأعلن الجيش: قصفنا المواقع؛ ونفى المتحدث أن يكون مدنيون قد قتلوا."};
  size_t n_rows = sizeof rows / sizeof *rows;
  wasit_dict *d = load_dict();
  dict_stats st;
  dict_get_stats(d, &st);
  uint32_t verbs[3] = {UINT32_MAX, UINT32_MAX, UINT32_MAX};
  for (uint32_t x = 0; x < st.verbs; x++) {
    const dict_verb *v = dict_verb_at(d, x);
    int kind = (v->flags & DICT_F_SAY) ? 0 : memcmp(v->code, "11", 2) == 0 ? 1 : 2;
    if (verbs[kind] == UINT32_MAX) verbs[kind] = x;
  }
  assert_true(verbs[0] != UINT32_MAX && verbs[1] != UINT32_MAX &&
              verbs[2] != UINT32_MAX);
  wa_arena ar;
  arena_init(&ar, NULL);
  uint32_t seed = 2929;
  size_t cuts = 0, inner_marks = 0, asked = 0;
  for (size_t r = 0; r < n_rows + 2; r++) {
    txt_doc doc;
    const char *text = analyze_row(&doc, &ar, r, extra);
    for (size_t si = 0; si < doc.n_sentences; si++) {
      coder_sent s = keyed_sentence(&doc, d, si, &ar);
      for (uint32_t i = 0; i + 1 < s.n; i++) inner_marks += s.ct[i].punct == 1;
      coder_trig trigs[64];
      uint16_t want[256];
      assert_true(s.n <= 256);
      for (int round = 0; round < 300; round++) {
        size_t nt = 0;
        for (uint32_t i = 0; i + 1 < s.n && nt < 64;) {
          seed = seed * 1103515245u + 12345u;
          uint32_t len = 1 + (seed >> 16) % 3, kind = (seed >> 20) % 3;
          if ((seed >> 24) % 4 == 0 && i + len <= s.n) {
            memset(&trigs[nt], 0, sizeof trigs[nt]);
            trigs[nt].start = i;
            trigs[nt].end = i + len;
            trigs[nt].verb = verbs[kind];
            nt++;
          }
          i += (seed >> 26) % 3;   /* 0: another trigger at the same start */
          if ((seed >> 28) % 2) i++;
        }
        s.trigs = trigs;
        s.n_trigs = nt;
        for (uint32_t i = 0; i < s.n; i++) s.ct[i].clause = 0xFFFF;
        bool model_asked = model_clauses(&s, want, &cuts);
        bool got = coder_clauses(&s);
        for (uint32_t i = 0; i < s.n; i++)
          if (s.ct[i].clause != want[i])
            fail_msg("[%s] sentence %zu round %d: token %u in clause %u, "
                     "the model %u", text, si, round, i, s.ct[i].clause,
                     want[i]);
        if (got != model_asked)
          fail_msg("[%s] sentence %zu round %d: question %d, the model %d",
                   text, si, round, got, model_asked);
        asked += got;
      }
    }
  }
  /* the texts really exercise the cuts, the clause marks inside a
  ** sentence and the question marks */
  print_message("clauses: %zu cuts, %zu clause marks inside a sentence, %zu "
                "questions\n", cuts, inner_marks, asked);
  assert_true(cuts > 100);
  assert_true(inner_marks >= 3);
  assert_true(asked > 0);
  arena_free(&ar);
  wasit_dict_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_matcher_agrees_with_model),
      cmocka_unit_test(test_key_memo),
      cmocka_unit_test(test_streq_literals),
      cmocka_unit_test(test_actor_index),
      cmocka_unit_test(test_state_prefix),
      cmocka_unit_test(test_role_in),
      cmocka_unit_test(test_title_name_gate),
      cmocka_unit_test(test_clauses),
  };
  return cmocka_run_group_tests_name("match", tests, NULL, NULL);
}
