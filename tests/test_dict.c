/*
** test_dict.c: tests of the dictionary stage (src/dict): parsing good lines,
** every malformed-line kind with its line number, verb-form expansion,
** dated roles, the shipped dict/ar load (time printed), malformed fixture
** directories (tests/data/dict_bad/), the word memo against compiling
** every word afresh and allocation failure.
*/
#include "testutil.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "coder/coder.h"
#include "dict/dict.h"
#include "dict/dict_int.h"
#include "text/text.h"

static const char cameo_txt[] =
    "# test cameo\n"
    "01 | 0.0 | make public statement\n"
    "010 | 0.0 | make statement\n"
    "045 | 5.0 | mediate\n"
    "057 | 8.0 | sign formal agreement\n"
    "112 | -2.0 | accuse\n"
    "18 | -9.0 | assault\n"
    "1822 | -9.0 | torture\n"
    "19 | -10.0 | fight\n"
    "190 | -10.0 | use conventional military force\n"
    "195 | -10.0 | employ aerial weapons\n";

static const char countries_txt[] =
    "ARM | name | أرمينيا, جمهورية أرمينيا   # Armenia\n"
    "ARM | adj | أرميني, أرمينية, الأرمني\n"
    "AZE | name | أذربيجان\n"
    "AZE | adj | أذري, أذرية, الأذربيجاني\n"
    "\n"
    "RUS | capital | الكرملين, موسكو\n";

static const char verbs_txt[] =
    "agree.1 | 057 | V:اتفق, I:يتفق | mutual\n"
    "shell.1 | 195 | N:قصف | tgt=على;ضد\n"
    "hit.1 | 190 | V:تعرض * N:قصف | passive\n"
    "say.1 | 010 | V:قال, V:أكد | say\n"
    "torture.1 | 1822 | F:عذبت, F:عذبوا\n";

/* Normalize + strip like the coder does, then look up. */
static dict_hits lookup_word(const wasit_dict *d, wa_arena *ar, const char *w) {
  size_t n;
  char *k = txt_normalize_str(ar, w, strlen(w), &n);
  assert_non_null(k);
  const char *s = dict_key_strip(k, &n);
  return dict_lookup(d, s, n);
}

static wasit_dict *parse_all(const wasit_allocator *alloc, wasit_error *err,
                             int *rc) {
  wasit_dict *d = NULL;
  *rc = dict_new(&d, alloc, err);
  if (*rc) return NULL;
  if ((*rc = dict_parse_file(d, "t/cameo.txt", cameo_txt, strlen(cameo_txt), err)) ||
      (*rc = dict_parse_file(d, "t/countries.txt", countries_txt, strlen(countries_txt), err)) ||
      (*rc = dict_parse_file(d, "t/verbs.txt", verbs_txt, strlen(verbs_txt), err)) ||
      (*rc = dict_finish(d, err))) {
    wasit_dict_free(d);
    return NULL;
  }
  return d;
}

static void test_parse_good(void **state) {
  (void)state;
  wasit_error err;
  int rc;
  wasit_dict *d = parse_all(NULL, &err, &rc);
  assert_int_equal(rc, WASIT_OK);
  dict_stats st;
  dict_get_stats(d, &st);
  assert_int_equal(st.cameo, 10);
  assert_int_equal(st.verbs, 5);
  assert_int_equal(st.actors, 5);
  wa_arena ar;
  arena_init(&ar, NULL);
  /* hamza form folded: أرمينيا == ارمينيا; it is the name and also the
  ** accusative of the adjective أرميني (both ARM) */
  dict_hits h = lookup_word(d, &ar, "ارمينيا");
  assert_int_equal(h.n, 2);
  const dict_phrase *p = dict_phrase_at(d, h.ids[0]);
  assert_int_equal(p->cat, DICT_C_ACTOR);
  const dict_actor *a = dict_actor_at(d, p->ref);
  if (a->kind != DICT_A_NAME) {
    p = dict_phrase_at(d, h.ids[1]);
    a = dict_actor_at(d, p->ref);
  }
  assert_int_equal(a->kind, DICT_A_NAME);
  assert_string_equal(a->code, "ARM");
  /* "جمهورية أرمينيا": a two-word phrase keyed by جمهوريه */
  h = lookup_word(d, &ar, "جمهورية");
  assert_int_equal(h.n, 1);
  assert_int_equal(dict_phrase_at(d, h.ids[0])->n_words, 2);
  /* ال stripped on both sides: الأرمني and أرمني; الكرملين and كرملين */
  assert_int_equal(lookup_word(d, &ar, "أرمني").n, 1);
  h = lookup_word(d, &ar, "الكرملين");
  assert_int_equal(h.n, 1);
  assert_int_equal(dict_actor_at(d, dict_phrase_at(d, h.ids[0])->ref)->kind,
                   DICT_A_CAPITAL);
  /* flags */
  h = lookup_word(d, &ar, "قصف");
  assert_true(h.n >= 1);
  const dict_verb *v = NULL;
  for (size_t i = 0; i < h.n; i++) {
    p = dict_phrase_at(d, h.ids[i]);
    if (p->n_words == 1) v = dict_verb_at(d, p->ref);
  }
  assert_non_null(v);
  assert_string_equal(v->code, "195");
  assert_int_equal(v->n_tgt, 2);
  assert_true(v->goldstein == -10.0);
  assert_null(lookup_word(d, &ar, "مباراة").ids);
  arena_free(&ar);
  wasit_dict_free(d);
}

/* The forms a morph.c generator (nisba, hal, hamza) adds for word: exactly
** want[0..n), in order. */
typedef int (*morph_fn)(wa_arena *, const char *, size_t, const char **,
                        size_t *, size_t);
static void expect_forms(wa_arena *ar, morph_fn fn, const char *word,
                         const char *const *want, size_t n_want) {
  const char *out[64];
  size_t n = 0, kl = 0;
  char *k = txt_normalize_str(ar, word, strlen(word), &kl);
  assert_non_null(k);
  assert_int_equal(fn(ar, k, kl, out, &n, 64), WASIT_OK);
  assert_int_equal(n, n_want);
  for (size_t i = 0; i < n_want; i++) assert_string_equal(out[i], want[i]);
}

static void test_verb_expansion(void **state) {
  (void)state;
  wasit_error err;
  int rc;
  wasit_dict *d = parse_all(NULL, &err, &rc);
  assert_int_equal(rc, WASIT_OK);
  wa_arena ar;
  arena_init(&ar, NULL);
  /* perfect: اتفقت اتفقا اتفقوا اتفقنا ; imperfect: يتفق تتفق نتفقون يتفقان */
  const char *forms[] = {"اتفق", "اتفقت", "اتفقا", "اتفقتا", "اتفقوا", "اتفقنا",
                         "اتفقتم", "يتفق", "تتفق", "نتفق", "يتفقون", "يتفقان",
                         "تتفقين", "يتفقن"};
  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
    dict_hits h = lookup_word(d, &ar, forms[i]);
    if (h.n < 1) fail_msg("form %s not indexed", forms[i]);
    for (size_t j = 0; j < h.n; j++) {
      const dict_phrase *p = dict_phrase_at(d, h.ids[j]);
      assert_int_equal(p->cat, DICT_C_VERB);
      assert_true(p->verbal);
      assert_string_equal(dict_verb_at(d, p->ref)->id, "agree.1");
    }
  }
  /* the gap phrase V:تعرض * N:قصف: three words, middle one a gap */
  dict_hits h = lookup_word(d, &ar, "تعرضت");
  assert_int_equal(h.n, 1);
  const dict_phrase *p = dict_phrase_at(d, h.ids[0]);
  assert_int_equal(p->n_words, 3);
  assert_true(p->words[1].gap);
  assert_true(dict_verb_at(d, p->ref)->flags & DICT_F_PASSIVE);
  /* F: is one verb form, marked verbal and not expanded: عذبت is indexed,
  ** the bare adjective عذب ("sweet") and the dual-looking عذبا are not */
  h = lookup_word(d, &ar, "عذبت");
  assert_int_equal(h.n, 1);
  assert_true(dict_phrase_at(d, h.ids[0])->verbal);
  assert_string_equal(dict_verb_at(d, dict_phrase_at(d, h.ids[0])->ref)->id,
                      "torture.1");
  assert_int_equal(lookup_word(d, &ar, "عذب").n, 0);
  assert_int_equal(lookup_word(d, &ar, "عذبا").n, 0);
  /* weak-final perfect: التقى -> التقت, التقوا */
  const char *out[64];
  size_t n = 0;
  size_t kl;
  char *k = txt_normalize_str(&ar, "التقى", strlen("التقى"), &kl);
  assert_int_equal(dict_morph_expand(&ar, k, kl, 0, out, &n, 64), WASIT_OK);
  bool t = false, w = false;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(out[i], "التقت") == 0) t = true;
    if (strcmp(out[i], "التقوا") == 0) w = true;
  }
  assert_true(t && w);
  /* an I: form must start with ya */
  n = 0;
  k = txt_normalize_str(&ar, "اتفق", strlen("اتفق"), &kl);
  assert_int_equal(dict_morph_expand(&ar, k, kl, 1, out, &n, 64), WASIT_EDICT);
  /* a nisba adjective gives its accusative, plurals and duals; a word not
  ** ending in ي (أرمن) gives nothing */
  static const char *const kenyan[] = {"كينيا", "كينيون", "كينيين", "كينيان",
                                       "كينيتان", "كينيتين", "كينيات"};
  expect_forms(&ar, dict_morph_nisba, "كيني", kenyan, 7);
  expect_forms(&ar, dict_morph_nisba, "أرمن", NULL, 0);
  /* a participle in the accusative gives its feminine and plural (ة is
  ** normalized ه); a weak one its plural only; a perfect dual nothing */
  static const char *const mueriban[] = {"معربه", "معربين"};
  static const char *const daiyan[] = {"داعين"};
  expect_forms(&ar, dict_morph_hal, "معربا", mueriban, 2);
  expect_forms(&ar, dict_morph_hal, "داعيا", daiyan, 1);
  expect_forms(&ar, dict_morph_hal, "قبلتا", NULL, 0);
  /* a noun in اء gives the stems of its hamza on ya and waw (لقائه، لقاؤه) */
  static const char *const liqa[] = {"لقاي", "لقاو"};
  expect_forms(&ar, dict_morph_hamza, "لقاء", liqa, 2);
  /* the verbal nouns of derived verbs, with or without a pronoun (the
  ** objects of أعلن in events.c, announces_unknown_act); Form I, the
  ** article and a perfect verb are not; a shape alone lets in some nouns */
  static const struct {
    const char *word;
    bool verbal_noun;
  } vn[] = {
      {"تجميد", true},    {"تجميدهما", true},  {"إغلاق", true},
      {"اعتراف", true},   {"انضمامها", true},  {"استدعاء", true},
      {"وقف", false},     {"الإغلاق", false},  {"أعلنت", false},
      {"تشرين", true},    /* the month: a shape, no verbal noun */
  };
  for (size_t i = 0; i < sizeof vn / sizeof *vn; i++) {
    k = txt_normalize_str(&ar, vn[i].word, strlen(vn[i].word), &kl);
    assert_non_null(k);
    if (dict_morph_verbal_noun(k, kl) != vn[i].verbal_noun)
      fail_msg("verbal noun %s: want %d", vn[i].word, vn[i].verbal_noun);
  }
  arena_free(&ar);
  wasit_dict_free(d);
}

/* Malformed lines: each row is a file name, its text, the line and a word of
** the message. */
typedef struct bad_row {
  const char *id, *file, *text;
  int line;
  const char *why;
} bad_row;

static const bad_row bad_rows[] = {
    {"fields", "countries.txt", "ARM | name | أرمينيا\nAZE | name\n", 2, "fields"},
    {"kind", "countries.txt", "# c\nARM | nation | أرمينيا\n", 2, "kind"},
    {"cc-lower", "countries.txt", "arm | name | أرمينيا\n", 1, "country code"},
    {"pair-code", "countries.txt", "ARM | name | أرمينيا\nPRK-KOR | pair | الكوريتان\n", 2, "pair code"},
    {"pair-second", "countries.txt", "PRK+kor | pair | الكوريتان\n", 1, "country code"},
    {"actor-code", "actors.txt", "IGOUNO | الأمم المتحدة\nIG1 | منظمة\n", 2, "actor code"},
    {"actor-range", "actors.txt", "\n\nNGOMSF | أطباء بلا حدود | 1971-13:\n", 3, "date"},
    {"people-date", "people.txt", "باشينيان | ARMGOV 2018-5-8:\n", 1, "date"},
    {"people-code", "people.txt", "باشينيان | armgov 2018-05-08:\n", 1, "code"},
    {"empty-phrase", "agents.txt", "MIL | الجيش, , القوات المسلحة\n", 1, "empty phrase"},
    {"event-digits", "verbs.txt", "a.1 | 05x | V:اتفق\n", 1, "event code"},
    {"event-missing", "verbs.txt", "a.1 | 0871 | V:اتفق\n", 1, "cameo.txt"},
    {"flag", "verbs.txt", "a.1 | 057 | V:اتفق | mutual, sometimes\n", 1, "flag"},
    {"converse-digits", "verbs.txt", "a.1 | 057 | V:زار | converse=04x\n", 1, "converse code"},
    {"converse-missing", "verbs.txt", "a.1 | 057 | V:زار | tgt=إلى,converse=0871\n", 1, "cameo.txt"},
    {"dup-id", "verbs.txt", "a.1 | 057 | V:اتفق\nb.1 | 010 | V:قال\na.1 | 057 | N:اتفاق\n", 3, "duplicate"},
    {"imperfect", "verbs.txt", "a.1 | 057 | I:تتفق\n", 1, "ya"},
    {"gap-end", "verbs.txt", "a.1 | 195 | N:قصف *\n", 1, "*"},
    {"form", "verbs.txt", "a.1 | 195 | X:قصف\n", 1, "word form"},
    {"lat", "places.txt", "ستيباناكرت | AZE | 139.8 | 46.7\n", 1, "latitude"},
    {"lon", "places.txt", "ستيباناكرت | AZE | 39.8 | east\n", 1, "longitude"},
    {"cameo-value", "cameo.txt", "15 | -7.2 | force posture\n150 | -12 | posture\n", 2, "Goldstein"},
    /* 42, 042 and 0420 are three codes; the fourth line repeats one */
    {"cameo-dup", "cameo.txt", "0420 | 1.0 | a\n042 | 1.0 | b\n42 | 1.0 | c\n042 | 2.0 | d\n", 4, "duplicate"},
    {"cameo-dup-loaded", "cameo.txt", "1822 | -9.0 | torture again\n", 1, "duplicate"},
    {"discard-fields", "discard.txt", "sport | المباراة\nmarket\n", 2, "fields"},
    {"discard-dup", "discard.txt", "sport | المباراة\nsport | الدوري\n", 2, "duplicate"},
    {"star-outside", "agents.txt", "MIL | الجيش * الوطني\n", 1, "verbs.txt"},
    {"grammar-class", "grammar.txt", "neg | لم, لن\nnegation | لا\n", 2, "word class"},
    {"grammar-phrase", "grammar.txt", "future | سوف, من المقرر\n", 1, "one word"},
    {"grammar-fields", "grammar.txt", "# negation\nneg\n", 2, "fields"},
};

/* grammar.txt: words are normalized like text (إلى = الي, قتلى = قتلي),
** and a word in two classes answers to both. */
static void test_grammar_classes(void **state) {
  (void)state;
  static const char grammar[] =
      "# prepositions\nprep | في, من, إلى\nfi | في\nkilled | قتلى, شهداء\n";
  static const struct {
    const char *word;
    int cls[3];                  /* its classes, ended by -1 */
  } rows[] = {
      {"في", {CW_PREP, CW_FI, -1}},
      {"الي", {CW_PREP, -1}},      /* ila, written إلى */
      {"قتلي", {CW_KILLED, -1}},   /* qatla, written قتلى */
      {"شهداء", {CW_KILLED, -1}},
      {"لم", {-1}},                /* in no class here */
  };
  wasit_dict *d;
  wasit_error err;
  assert_int_equal(dict_new(&d, NULL, &err), WASIT_OK);
  assert_int_equal(dict_parse_file(d, "t/grammar.txt", grammar,
                                   strlen(grammar), &err), WASIT_OK);
  assert_int_equal(dict_finish(d, &err), WASIT_OK);
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    dict_classes want = {{0}};
    for (const int *c = rows[i].cls; *c >= 0; c++)
      want = dict_cls_or(want, dict_cls_one(*c));
    dict_classes m = dict_wordclass_mask(d, rows[i].word, strlen(rows[i].word));
    if (!dict_cls_eq(m, want))
      fail_msg("row %zu (%s): classes differ", i, rows[i].word);
    /* the coder's single probe gives the same classes (none: NULL); a
    ** grammar word that is no phrase word has no key id */
    dict_hits h = dict_lookup(d, rows[i].word, strlen(rows[i].word));
    if ((h.classes ? !dict_cls_eq(*h.classes, want) : !dict_cls_empty(want)) ||
        h.key != DICT_NO_KEY || h.n != 0)
      fail_msg("row %zu (%s): lookup classes differ, key %u n %zu", i,
               rows[i].word, h.key, h.n);
  }
  wasit_dict_free(d);
}

/* The class sets hold every class below DICT_CLASS_BITS, not only those
** of the 128-bit integer they replaced: for each class c (the ones past
** 127 that no grammar.txt class uses yet included), the set of c alone
** has c and no other, a union has both of its classes, two sets meet
** exactly when they share one, and the coder's token and sentence tests
** (coder_tok_is, coder_sent_has) read them.  And there is room for a
** new class in DICT_WORDCLASSES. */
static void test_class_sets_wide(void **state) {
  (void)state;
  assert_true(DICT_CLASS_BITS >= 256);
  assert_true(CW_COUNT < DICT_CLASS_BITS);
  const dict_classes none = {{0}};
  assert_true(dict_cls_empty(none));
  for (int c = 0; c < DICT_CLASS_BITS; c++) {
    dict_classes one = dict_cls_one(c);
    if (dict_cls_empty(one) || !dict_cls_eq(one, one))
      fail_msg("class %d: its set is empty", c);
    for (int e = 0; e < DICT_CLASS_BITS; e++) {
      dict_classes two = dict_cls_or(one, dict_cls_one(e));
      if (dict_cls_has(one, e) != (e == c) ||
          dict_cls_meet(one, dict_cls_one(e)) != (e == c) ||
          dict_cls_eq(one, dict_cls_one(e)) != (e == c) ||
          !dict_cls_has(two, c) || !dict_cls_has(two, e) ||
          !dict_cls_empty(dict_cls_minus(two, two)) ||
          dict_cls_has(dict_cls_minus(two, one), c) ||
          dict_cls_has(dict_cls_minus(two, one), e) != (e != c))
        fail_msg("classes %d and %d: the set operations disagree", c, e);
    }
    /* a token of class c alone (its plain reading has none), in a
    ** sentence of two tokens */
    coder_tok ct[2] = {{.cls_any = one}, {0}};
    coder_sent s = {.ct = ct, .n = 2, .cls_any = one};
    for (int e = 0; e < DICT_CLASS_BITS; e++)
      if (coder_tok_is(&s, 0, e, true) != (e == c) ||
          coder_tok_is(&s, 0, e, false) || coder_tok_is(&s, 1, e, true) ||
          coder_sent_has(&s, e, true) != (e == c) ||
          coder_sent_has(&s, e, false))
        fail_msg("class %d: token test of class %d wrong", c, e);
  }
}

/* In the shipped dictionary, one hash probe (dict_lookup) must give every
** grammar.txt word the classes dict_wordclass_mask gives it, whether or
** not the word also starts or appears in phrases (في, قتلى ...), and
** phrase keys keep their phrases. */
static void test_lookup_classes_shipped(void **state) {
  (void)state;
  static const char *const words[] = {
      "في", "لم", "لن", "قتلي", "جرحي", "مقتل", "اصابه", "الي", "علي",
      "سوف", "اذا", "ان", "ما", "الذي", "ارمينيا", "اتفق", "قصف", "غزه"};
  wasit_dict *d;
  wasit_error err;
  if (wasit_dict_load(&d, WASIT_TEST_DICT, NULL, &err))
    fail_msg("%s:%d: %s", err.where, err.line, err.message);
  size_t with_class = 0, with_phrases = 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t n = strlen(words[i]);
    dict_classes m = dict_wordclass_mask(d, words[i], n);
    dict_hits h = dict_lookup(d, words[i], n);
    if (h.classes ? !dict_cls_eq(*h.classes, m) : !dict_cls_empty(m))
      fail_msg("%s: lookup classes differ from its mask", words[i]);
    with_class += !dict_cls_empty(m);
    with_phrases += h.n != 0;
    for (size_t x = 1; x < h.n; x++) assert_true(h.ids[x - 1] < h.ids[x]);
  }
  assert_true(with_class >= 8);   /* the rows really are grammar words */
  assert_true(with_phrases >= 3); /* and some start phrases */
  wasit_dict_free(d);
}

/* dict_verb_find: by id, by code (the first entry with it), and none. */
static void test_verb_find(void **state) {
  (void)state;
  wasit_dict *d;
  wasit_error err;
  if (wasit_dict_load(&d, WASIT_TEST_DICT, NULL, &err))
    fail_msg("%s:%d: %s", err.where, err.line, err.message);
  uint32_t i = UINT32_MAX;
  assert_true(dict_verb_find(d, "intent.future.v", NULL, &i));
  assert_string_equal(dict_verb_at(d, i)->id, "intent.future.v");
  assert_string_equal(dict_verb_at(d, i)->code, "030");
  assert_true(dict_verb_find(d, NULL, "175", &i));
  assert_string_equal(dict_verb_at(d, i)->code, "175");
  for (uint32_t k = 0; k < i; k++)   /* the first with that code */
    assert_string_not_equal(dict_verb_at(d, k)->code, "175");
  assert_false(dict_verb_find(d, "no.such.verb", NULL, &i));
  assert_false(dict_verb_find(d, NULL, "9999", &i));
  wasit_dict_free(d);
}

static void test_malformed_lines(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof bad_rows / sizeof *bad_rows; i++) {
    const bad_row *r = &bad_rows[i];
    wasit_dict *d;
    wasit_error err;
    assert_int_equal(dict_new(&d, NULL, &err), WASIT_OK);
    assert_int_equal(dict_parse_file(d, "t/cameo.txt", cameo_txt,
                                     strlen(cameo_txt), &err), WASIT_OK);
    char name[64];
    snprintf(name, sizeof name, "t/%s", r->file);
    int rc = dict_parse_file(d, name, r->text, strlen(r->text), &err);
    if (rc != WASIT_EDICT || err.line != r->line || strcmp(err.where, name) != 0 ||
        !strstr(err.message, r->why))
      fail_msg("row %s: rc %d %s:%d: %s", r->id, rc, err.where, err.line,
               err.message);
    wasit_dict_free(d);
  }
}

/* The duplicate check of pattern ids (dict_int.h, verb_ids) as its table
** grows: 1,500 distinct ids load in two files, and then each of them,
** an early, a middle and a late one, is a duplicate on the line that
** repeats it. */
static void test_duplicate_verb_ids(void **state) {
  (void)state;
  wasit_dict *d;
  wasit_error err;
  wa_buf a, b;
  assert_int_equal(dict_new(&d, NULL, &err), WASIT_OK);
  assert_int_equal(dict_parse_file(d, "t/cameo.txt", cameo_txt,
                                   strlen(cameo_txt), &err), WASIT_OK);
  buf_init(&a, NULL);
  buf_init(&b, NULL);
  for (int i = 0; i < 1500; i++) {
    char line[64];
    int n = snprintf(line, sizeof line, "p.%d | 057 | V:اتفق\n", i);
    buf_append(i < 700 ? &a : &b, line, (size_t)n);
  }
  assert_int_equal(dict_parse_file(d, "t/verbs.txt", a.data, a.len, &err), WASIT_OK);
  assert_int_equal(dict_parse_file(d, "t/verbs.txt", b.data, b.len, &err), WASIT_OK);
  static const char *const dups[] = {"p.0 | 057 | V:اتفق\n",
                                     "q.1 | 057 | V:اتفق\np.699 | 057 | V:اتفق\n",
                                     "p.1499 | 057 | V:اتفق\n"};
  static const int lines[] = {1, 2, 1};
  for (size_t i = 0; i < 3; i++) {
    int rc = dict_parse_file(d, "t/verbs.txt", dups[i], strlen(dups[i]), &err);
    if (rc != WASIT_EDICT || err.line != lines[i] || !strstr(err.message, "duplicate"))
      fail_msg("%s: rc %d line %d: %s", dups[i], rc, err.line, err.message);
  }
  buf_free(&a);
  buf_free(&b);
  wasit_dict_free(d);
}

typedef struct fixture_row {
  const char *dir, *file;
  int code, line;
} fixture_row;

static void test_bad_fixtures(void **state) {
  (void)state;
  const fixture_row rows[] = {
      {"missing_verbs", "verbs.txt", WASIT_EIO, 0},
      {"bad_event_code", "verbs.txt", WASIT_EDICT, 3},
      {"dup_pattern", "verbs.txt", WASIT_EDICT, 4},
      {"bad_date", "people.txt", WASIT_EDICT, 3},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char dir[256];
    snprintf(dir, sizeof dir, "tests/data/dict_bad/%s", rows[i].dir);
    wasit_dict *d = (wasit_dict *)1;
    wasit_error err;
    int rc = wasit_dict_load(&d, dir, NULL, &err);
    assert_null(d);
    if (rc != rows[i].code || err.line != rows[i].line ||
        !strstr(err.where, rows[i].file))
      fail_msg("%s: rc %d %s:%d %s", rows[i].dir, rc, err.where, err.line,
               err.message);
  }
}

static void test_dated_roles(void **state) {
  (void)state;
  static const char people[] =
      "نور سلطان نزارباييف, نزارباييف | KAZGOV 1990-04-24:2019-03-20 ; KAZELI 2019-03-21:\n"
      "سيرج سركيسيان | ARMGOV 2008-04-09:2018-04-23\n";
  wasit_dict *d;
  wasit_error err;
  assert_int_equal(dict_new(&d, NULL, &err), WASIT_OK);
  assert_int_equal(dict_parse_file(d, "people.txt", people, strlen(people), &err),
                   WASIT_OK);
  assert_int_equal(dict_finish(d, &err), WASIT_OK);
  wa_arena ar;
  arena_init(&ar, NULL);
  dict_hits h = lookup_word(d, &ar, "نزارباييف");
  assert_int_equal(h.n, 1);
  const dict_actor *a = dict_actor_at(d, dict_phrase_at(d, h.ids[0])->ref);
  assert_int_equal(a->n_roles, 2);
  assert_string_equal(coder_person_code(a, 20150601), "KAZGOV");
  assert_string_equal(coder_person_code(a, 20190320), "KAZGOV");
  assert_string_equal(coder_person_code(a, 20190321), "KAZELI");
  assert_string_equal(coder_person_code(a, 20220105), "KAZELI");
  assert_string_equal(coder_person_code(a, 19800101), "KAZGOV"); /* earliest */
  assert_string_equal(coder_person_code(a, 0), "KAZELI");        /* no date: now */
  h = lookup_word(d, &ar, "سيرج");
  a = dict_actor_at(d, dict_phrase_at(d, h.ids[0])->ref);
  /* after his term: the most recent earlier role */
  assert_string_equal(coder_person_code(a, 20200927), "ARMGOV");
  arena_free(&ar);
  wasit_dict_free(d);
}

static void test_shipped_dict(void **state) {
  (void)state;
  if (access(WASIT_TEST_DICT "/verbs.txt", R_OK) != 0) {
    print_message("dict/ar/verbs.txt not present yet: shipped load skipped\n");
    skip();
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  wasit_dict *d;
  wasit_error err;
  int rc = wasit_dict_load(&d, WASIT_TEST_DICT, NULL, &err);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (rc) fail_msg("%s:%d: %s", err.where, err.line, err.message);
  dict_stats st;
  dict_get_stats(d, &st);
  double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  print_message("dict/ar: %zu actors, %zu verbs, %zu places, %zu phrases, %zu keys, "
                "loaded in %.1f ms\n", st.actors, st.verbs, st.places, st.phrases,
                st.keys, ms);
  assert_true(st.verbs > 0 && st.actors > 0 && st.cameo > 100);
  wasit_dict_free(d);
}

/* people.txt and places.txt give each spelling one line: a surname two
** people share gets one line whose dated roles follow both (people.txt's
** header), and a place listed twice is one place.  With two lines, which
** one a name resolves to is an accident of their order, and an analyst
** who edits one of them edits in vain.  Spellings are compared as
** written, after trimming.  Returns the number of repeats, each reported
** with both lines. */
static size_t spellings_repeated(const char *file, size_t *n_names) {
  FILE *f = fopen(file, "r");
  if (!f) skip();
  enum { MAX_NAMES = 32768 };
  static char *names[MAX_NAMES];
  static int lines[MAX_NAMES];
  size_t n = 0, dups = 0;
  char buf[4096];
  for (int line = 1; fgets(buf, sizeof buf, f); line++) {
    char *bar = strchr(buf, '|');
    if (buf[0] == '#' || !bar) continue;
    *bar = '\0';
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
      while (*tok == ' ') tok++;
      size_t len = strlen(tok);
      while (len && tok[len - 1] == ' ') tok[--len] = '\0';
      for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], tok) == 0) {
          print_error("%s:%d: '%s' already listed at line %d\n", file, line,
                      tok, lines[i]);
          dups++;
        }
      assert_true(n < MAX_NAMES);
      names[n] = strdup(tok);
      lines[n++] = line;
    }
  }
  fclose(f);
  for (size_t i = 0; i < n; i++) free(names[i]);
  *n_names = n;
  return dups;
}

static void test_spellings_once(void **state) {
  (void)state;
  size_t n = 0;
  assert_int_equal(spellings_repeated(WASIT_TEST_DICT "/people.txt", &n), 0);
  assert_true(n > 1000);
  assert_int_equal(spellings_repeated(WASIT_TEST_DICT "/places.txt", &n), 0);
  assert_true(n > 1000);
}

/* The project's dictionaries, loaded; the test is skipped when the tree
** has none (a copy of the tests alone). */
static wasit_dict *project_dict(void) {
  if (access(WASIT_TEST_DICT "/verbs.txt", R_OK) != 0) skip();
  wasit_dict *d;
  wasit_error err;
  if (wasit_dict_load(&d, WASIT_TEST_DICT, NULL, &err))
    fail_msg("%s:%d: %s", err.where, err.line, err.message);
  return d;
}

/* The index of the shipped dictionary against a naive model: every key
** string once (a probe for a key's string finds that key), each key's
** phrase list holds its actor phrases first and then the others, each
** part strictly ascending, every phrase is found in the right part under
** each alternative of its first word, every alternative of every
** phrase word carries the id of the key with its string, each
** candidate (dict_cand) describes the phrase at its place in the list,
** and each phrase's gap summaries (gap_after_bit, gap2_*, gap_gap_bit)
** describe its words. */
static void test_index_order(void **state) {
  (void)state;
  wasit_dict *d = project_dict();
  size_t mixed = 0;
  for (size_t i = 0; i < d->n_keys; i++) {
    const dict_key *k = &d->keys[i];
    dict_hits h = dict_lookup(d, k->key, k->len);
    if (h.key != i)
      fail_msg("key %zu (%.*s) found as %u", i, (int)k->len, k->key, h.key);
    assert_true(h.n_act <= h.n);
    for (uint32_t x = 0; x < h.n; x++) {
      bool actor = dict_phrase_at(d, h.ids[x])->cat == DICT_C_ACTOR;
      if (actor != (x < h.n_act))
        fail_msg("key %.*s: phrase %u in the wrong part", (int)k->len, k->key,
                 h.ids[x]);
      if (x > 0 && x != h.n_act && h.ids[x - 1] >= h.ids[x])
        fail_msg("key %.*s: phrases out of order", (int)k->len, k->key);
      /* the candidate list is the phrase list with each phrase's filter
      ** on the token after its first word (dict_cand) */
      const dict_phrase *p = dict_phrase_at(d, h.ids[x]);
      const dict_cand *c = &h.cands[x];
      uint32_t on = p->w1_bloom     ? DICT_ON_WORD
                    : p->gap1_bloom ? DICT_ON_GAP
                                    : DICT_ON_ANY;
      uint64_t next = p->w1_bloom     ? p->w1_bloom
                      : p->gap1_bloom ? p->gap1_bloom
                                      : ~(uint64_t)0;
      bool ok = c->id == h.ids[x] && c->on == on && c->next == next;
      if (!ok)
        fail_msg("key %.*s: candidate %u does not describe phrase %u",
                 (int)k->len, k->key, x, h.ids[x]);
    }
    if (h.n_act > 0 && h.n_act < h.n) mixed++;
  }
  assert_true(mixed > 0);   /* some key starts actors and verb phrases */
  size_t gap_after = 0, gap2 = 0, gap_gap = 0;
  for (size_t i = 0; i < d->n_phrases; i++) {
    const dict_phrase *p = &d->head.phrases[i];
    for (size_t w = 0; w < p->n_words; w++)
      for (size_t a = 0; a < p->words[w].n_alts; a++) {
        const dict_word *dw = &p->words[w];
        dict_hits h = dict_lookup(d, dw->alts[a], dw->alt_lens[a]);
        if (h.key == DICT_NO_KEY || dw->alt_keys[a] != h.key)
          fail_msg("phrase %zu word %zu: key id %u, lookup %u", i, w,
                   dw->alt_keys[a], h.key);
        if (w > 0) continue;
        bool found = false;
        for (size_t x = 0; x < h.n; x++)
          found |= h.ids[x] == i && (x < h.n_act) == (p->cat == DICT_C_ACTOR);
        if (!found) fail_msg("phrase %zu not under its first word", i);
      }
    /* the first gap's summary (dict_phrase.gap_after_bit) is the whole
    ** Bloom filter of the word two after that gap */
    if (p->gap_after_bit != DICT_NO_BIT) {
      size_t r = p->first_run;
      if (r + 2 >= p->n_words || !p->words[r].gap || p->words[r + 1].gap ||
          p->words[r + 2].gap || p->gap_after_bit > 63 ||
          p->words[r + 2].alt_bloom != (uint64_t)1 << p->gap_after_bit)
        fail_msg("phrase %zu: gap_after_bit %u does not describe it", i,
                 p->gap_after_bit);
      gap_after++;
    }
    /* the summaries of "w * * X Y" and "w * X * Y" (dict_phrase.gap2_key,
    ** gap2_bit, gap_gap_bit) describe the words */
    const dict_word *w = p->words;
    bool two = p->n_words > 3 && w[1].gap && w[2].gap && !w[3].gap &&
               w[3].n_alts == 1;
    uint8_t bit2 = two && p->n_words > 4 && !w[4].gap &&
                           dict_popcount(w[4].alt_bloom) == 1
                       ? (uint8_t)__builtin_ctzll(w[4].alt_bloom)
                       : DICT_NO_BIT;
    if (p->gap2_key != (two ? w[3].alt_keys[0] : DICT_NO_KEY) ||
        (two && p->gap2_need != w[3].need) || p->gap2_bit != bit2)
      fail_msg("phrase %zu: gap2 summary does not describe it", i);
    bool gg = p->n_words > 4 && w[1].gap && !w[2].gap && w[2].n_alts == 1 &&
              w[3].gap && !w[4].gap && dict_popcount(w[4].alt_bloom) == 1;
    if (p->gap_gap_bit != (gg ? __builtin_ctzll(w[4].alt_bloom) : DICT_NO_BIT))
      fail_msg("phrase %zu: gap_gap_bit %u does not describe it", i,
               p->gap_gap_bit);
    gap2 += two;
    gap_gap += gg;
  }
  assert_true(gap_after > 0);   /* verbs.txt has "V * X Y" patterns */
  assert_true(gap2 > 0 && gap_gap > 0);   /* and "V * * X", "V * X * Y" */
  wasit_dict_free(d);
}

/* The shipped dictionary loaded with each line parsed on its own: every
** phrase word compiled afresh, where a whole file compiles a repeated word
** once and its words share the result (load.c, word_memo). */
static wasit_dict *project_dict_by_line(void) {
  static const char *const files[] = {"cameo.txt",  "countries.txt",
                                      "actors.txt", "people.txt",
                                      "agents.txt", "verbs.txt",
                                      "places.txt", "discard.txt",
                                      "grammar.txt"};
  wasit_dict *d;
  wasit_error err;
  assert_int_equal(dict_new(&d, NULL, &err), WASIT_OK);
  for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", WASIT_TEST_DICT, files[f]);
    FILE *in = fopen(path, "rb");
    if (!in) continue;   /* an optional file (wasit_dict_load) */
    char line[65536];
    while (fgets(line, sizeof line, in)) {
      assert_non_null(strchr(line, '\n'));   /* no line is cut */
      if (dict_parse_file(d, path, line, strlen(line), &err))
        fail_msg("%s: %s", path, err.message);
    }
    fclose(in);
  }
  if (dict_finish(d, &err)) fail_msg("%s", err.message);
  return d;
}

/* One dictionary word against another: the same forms, key ids and
** flags. */
static void assert_same_word(const dict_word *x, const dict_word *y,
                             size_t i, size_t w) {
  bool same = x->n_alts == y->n_alts && x->gap == y->gap &&
              x->verbal == y->verbal && x->article == y->article &&
              x->alt_bloom == y->alt_bloom && x->key1 == y->key1 &&
              x->need == y->need;
  for (size_t a = 0; same && a < x->n_alts; a++)
    same = x->alt_lens[a] == y->alt_lens[a] && x->alt_keys[a] == y->alt_keys[a] &&
           strcmp(x->alts[a], y->alts[a]) == 0;
  if (!same) fail_msg("phrase %zu word %zu differs", i, w);
}

/* The word memo is invisible: the shipped dictionary loaded file by file
** (words repeated in a file compiled once) holds exactly what it holds
** when every line is parsed alone (every word compiled afresh): the same
** phrases with the same words, forms and flags, the same keys in the same
** order with the same phrase lists, candidates and sieves. */
static void test_word_memo(void **state) {
  (void)state;
  wasit_dict *a = project_dict();
  wasit_dict *b = project_dict_by_line();
  assert_int_equal(a->n_phrases, b->n_phrases);
  for (size_t i = 0; i < a->n_phrases; i++) {
    dict_phrase p = a->head.phrases[i], q = b->head.phrases[i];
    for (size_t w = 0; w < p.n_words && w < q.n_words; w++)
      assert_same_word(&p.words[w], &q.words[w], i, w);
    p.words = q.words = NULL;   /* compared; the rest byte by byte */
    if (memcmp(&p, &q, sizeof p) != 0) fail_msg("phrase %zu differs", i);
  }
  assert_int_equal(a->n_keys, b->n_keys);
  assert_int_equal(a->n_ids, b->n_ids);
  assert_int_equal(a->n_slots, b->n_slots);
  for (size_t k = 0; k < a->n_keys + a->n_gwords; k++) {
    dict_key x = a->keys[k], y = b->keys[k];
    if (x.len != y.len || (x.len && memcmp(x.key, y.key, x.len) != 0))
      fail_msg("key %zu differs", k);
    if (x.classes ? !y.classes || !dict_cls_eq(*x.classes, *y.classes)
                  : y.classes != NULL)
      fail_msg("key %zu: classes differ", k);
    x.key = y.key = NULL;
    x.classes = y.classes = NULL;   /* compared; the rest byte by byte */
    if (memcmp(&x, &y, sizeof x) != 0) fail_msg("key %zu differs", k);
  }
  assert_memory_equal(a->ids, b->ids, a->n_ids * sizeof *a->ids);
  assert_memory_equal(a->cands, b->cands, a->n_ids * sizeof *a->cands);
  assert_memory_equal(a->slots, b->slots, a->n_slots * sizeof *a->slots);
  for (size_t k = 0; k < a->n_keys; k++)
    if (a->keys[k].sieve) {
      const uint64_t *x = a->head.sieve + a->keys[k].sieve;
      const uint64_t *y = b->head.sieve + b->keys[k].sieve;
      size_t nw = (a->keys[k].n_act + 63) / 64;
      assert_memory_equal(x, y, (1 + (2 + dict_popcount(x[0])) * nw) * sizeof *x);
    }
  wasit_dict_free(a);
  wasit_dict_free(b);
}

/* dict_parse_double against strtod() (what it reads numbers as): the
** same answer and the same bits for edge cases and for random decimals of
** 1-17 digits with and without a point and a sign, in and out of the
** fast path. */
static void test_parse_double(void **state) {
  (void)state;
  static const char *const edge[] = {
      "0",    "-0",  "5.",    ".5",    "-",      ".",     "",     "1e5",
      "+3",   " 3",  "3 ",    "0.1",   "0.3",    "-5.5",  "36.2", "1.2.3",
      "123456789012345", "1234567890123456", "0.000000000000001",
      "9.99999999999999", "-179.9999999", "0x10", "inf", "nan", "--1"};
  uint64_t rnd = 0x9E3779B97F4A7C15ULL;
  char buf[32];
  for (size_t t = 0; t < sizeof edge / sizeof *edge + 200000; t++) {
    const char *s = buf;
    if (t < sizeof edge / sizeof *edge) {
      s = edge[t];
    } else {
      rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
      size_t n = 1 + rnd % 17, at = 0, point = (rnd >> 8) % (n + 2);
      if ((rnd >> 16) & 1) buf[at++] = '-';
      for (size_t k = 0; k < n; k++) {
        if (k == point) buf[at++] = '.';
        buf[at++] = (char)('0' + (rnd >> (20 + 2 * k)) % 10);
      }
      buf[at] = '\0';
    }
    double got = 0, want = 0;
    char *end;
    errno = 0;
    want = strtod(s, &end);
    bool ok = *s != '\0' && errno == 0 && *end == '\0';
    if (dict_parse_double(s, strlen(s), &got) != ok ||
        (ok && memcmp(&got, &want, sizeof got) != 0))
      fail_msg("'%s': %.17g, strtod %.17g", s, got, want);
  }
}

/* The date reader as first written: the model test_parse_date checks
** dict_parse_date against. */
static bool model_parse_date(const char *s, size_t len, int end, int32_t *out) {
  int y = 0, m = 0, dd = 0;
  if (len != 4 && len != 7 && len != 10) return false;
  for (size_t i = 0; i < len; i++) {
    bool dash = (i == 4 || i == 7);
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  if (len >= 7) m = (s[5] - '0') * 10 + (s[6] - '0');
  if (len == 10) dd = (s[8] - '0') * 10 + (s[9] - '0');
  if (len >= 7 && (m < 1 || m > 12)) return false;
  if (len == 10 && (dd < 1 || dd > 31)) return false;
  if (len < 7) m = end ? 12 : 1;
  if (len < 10) dd = end ? 31 : 1;
  *out = y * 10000 + m * 100 + dd;
  return true;
}

/* dict_parse_date against the model for random strings of 0-11 bytes
** drawn mostly from digits and dashes (valid dates, bad months and days,
** misplaced dashes, other bytes), as a start and as an end. */
static void test_parse_date(void **state) {
  (void)state;
  static const char alphabet[] = "0123456789012301-----x/ ";
  uint64_t rnd = 0x2545F4914F6CDD1DULL;
  size_t valid = 0;
  for (int t = 0; t < 300000; t++) {
    char s[12];
    rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
    size_t len = (rnd & 1) ? (size_t[]){4, 7, 10}[(rnd >> 1) % 3] : (rnd >> 1) % 12;
    for (size_t i = 0; i < len; i++)
      s[i] = (i == 4 || i == 7) && (rnd >> (8 + i)) % 8 ? '-'
             : (rnd >> (8 + i)) % 16 ? (char)('0' + (rnd >> (4 * i + 12)) % 10)
                                     : alphabet[(rnd >> (3 * i + 5)) % (sizeof alphabet - 1)];
    for (int end = 0; end < 2; end++) {
      int32_t got = -1, want = -1;
      bool ok = model_parse_date(s, len, end, &want);
      if (dict_parse_date(s, len, end, &got) != ok || (ok && got != want))
        fail_msg("'%.*s' (end %d): %d, model %d", (int)len, s, end, got, want);
      valid += ok;
    }
  }
  assert_true(valid > 10000);
}

/* Phrase words are split at the bytes isspace() takes for spaces in the
** "C" locale, found eight bytes at a time (load.c, word_end): random
** phrases of words of 1-12 letters (some 8 and 16 bytes long, to end at a
** block's edge, some holding a control byte that is no space) between
** runs of " \t\v\f\r" give the words a split with isspace() gives. */
static void test_word_split(void **state) {
  (void)state;
  static const char *const pool[] = {
      "ا", "مصر", "سوريا", "بريطانيا", "جمهوريه", "كازاخستانيون",
      "abcdefgh", "abcdefghabcdefgh", "ab\x01" "cdefghij", "\x02z", "ليبيا\x1f",
      "q"};
  static const char spaces[] = " \t\v\f\r";
  uint64_t rnd = 0x9E3779B97F4A7C15ULL;
  wa_arena ar;
  arena_init(&ar, NULL);
  for (int t = 0; t < 2000; t++) {
    char line[512];
    size_t at = (size_t)snprintf(line, sizeof line, "XYZ | people | ");
    const char *words[8];
    rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
    size_t nw = 1 + rnd % 8;
    for (size_t w = 0; w < nw; w++) {
      rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
      for (size_t k = 0; k < (w > 0) + rnd % 3; k++)
        line[at++] = spaces[(rnd >> (8 + 3 * k)) % 5];
      words[w] = pool[(rnd >> 20) % (sizeof pool / sizeof *pool)];
      at += (size_t)snprintf(line + at, sizeof line - at, "%s", words[w]);
    }
    line[at++] = '\n';
    wasit_dict *d;
    wasit_error err;
    assert_int_equal(dict_new(&d, NULL, &err), WASIT_OK);
    if (dict_parse_file(d, "t/countries.txt", line, at, &err))
      fail_msg("%.*s: %s", (int)at, line, err.message);
    const dict_phrase *p = &d->head.phrases[0];
    assert_int_equal(p->n_words, nw);
    for (size_t w = 0; w < nw; w++) {
      size_t n;
      const char *want = txt_normalize_str(&ar, words[w], strlen(words[w]), &n);
      if (p->words[w].alt_lens[0] != n || memcmp(p->words[w].alts[0], want, n) != 0)
        fail_msg("%.*s: word %zu is '%s'", (int)at, line, w, p->words[w].alts[0]);
    }
    wasit_dict_free(d);
  }
  arena_free(&ar);
}

/* The sieve of a long actor list (dict.h, dict_sieve_mask) passes
** exactly the candidates the test of each passes, for filters with one
** bit, with random bits and with none, and the phrases' need bytes are
** their words' (dict_need_of). */
static void test_sieve(void **state) {
  (void)state;
  wasit_dict *d = project_dict();
  size_t sieved = 0;
  uint64_t rnd = 0x2545F4914F6CDD1DULL;
  for (size_t i = 0; i < d->n_keys; i++) {
    const dict_key *k = &d->keys[i];
    dict_hits h = dict_lookup(d, k->key, k->len);
    bool want = h.n_act >= DICT_SIEVE_MIN && h.n_act <= DICT_SIEVE_MAX;
    if ((h.sieve != 0) != want)
      fail_msg("key %.*s: %u actor phrases, sieve %u", (int)k->len, k->key,
               h.n_act, (unsigned)h.sieve);
    if (!h.sieve) continue;
    sieved++;
    for (int t = 0; t < 64 + 200; t++) {
      uint64_t f[DICT_ON_COUNT];
      rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
      f[DICT_ON_WORD] = t < 64 ? (uint64_t)1 << t : t < 66 ? 0 : rnd;
      rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
      f[DICT_ON_GAP] = t % 3 ? rnd : 0;
      f[DICT_ON_ANY] = ~(uint64_t)0;
      for (uint32_t c = 0; 64 * c < h.n_act; c++) {
        uint64_t m = dict_sieve_mask(d, &h, f, c), e = 0;
        for (uint32_t x = 64 * c; x < h.n_act && x < 64 * c + 64; x++)
          if (f[h.cands[x].on] & h.cands[x].next)
            e |= (uint64_t)1 << (x - 64 * c);
        if (m != e)
          fail_msg("key %.*s: sieve %llx, test %llx", (int)k->len, k->key,
                   (unsigned long long)m, (unsigned long long)e);
      }
    }
  }
  assert_true(sieved > 0);   /* رئيس, قوات ... */
  for (size_t i = 0; i < d->n_phrases; i++) {
    const dict_phrase *p = &d->head.phrases[i];
    for (size_t w = 0; w < p->n_words; w++)
      assert_int_equal(p->words[w].need,
                       dict_need_of(p->words[w].verbal, p->words[w].article));
    assert_int_equal(p->w0_need, p->words[0].need);
    const dict_word *nw = p->n_words > 1 && !p->words[1].gap   ? &p->words[1]
                          : p->n_words > 2 && !p->words[2].gap ? &p->words[2]
                                                               : NULL;
    assert_int_equal(p->next_need, nw ? nw->need : DICT_N_ID);
  }
  wasit_dict_free(d);
}

static void test_enomem(void **state) {
  (void)state;
  long last = 0;
  for (long k = 1; k < 100000; k++) {
    test_failing_alloc fa = {0, k};
    wasit_allocator al = {test_failing_realloc, &fa};
    wasit_error err;
    int rc;
    wasit_dict *d = parse_all(&al, &err, &rc);
    if (rc == WASIT_OK) {
      wasit_dict_free(d);
      last = k;
      break;
    }
    assert_null(d);
    if (rc != WASIT_ENOMEM) fail_msg("fail_at %ld: rc %d %s", k, rc, err.message);
  }
  assert_true(last > 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_good),     cmocka_unit_test(test_verb_expansion),
      cmocka_unit_test(test_malformed_lines), cmocka_unit_test(test_verb_find),
      cmocka_unit_test(test_duplicate_verb_ids),
      cmocka_unit_test(test_grammar_classes), cmocka_unit_test(test_bad_fixtures),
      cmocka_unit_test(test_lookup_classes_shipped),
      cmocka_unit_test(test_class_sets_wide),
      cmocka_unit_test(test_dated_roles),    cmocka_unit_test(test_shipped_dict),
      cmocka_unit_test(test_spellings_once),
      cmocka_unit_test(test_index_order),    cmocka_unit_test(test_sieve),
      cmocka_unit_test(test_word_memo),      cmocka_unit_test(test_parse_double),
      cmocka_unit_test(test_parse_date),     cmocka_unit_test(test_word_split),
      cmocka_unit_test(test_enomem),
  };
  return cmocka_run_group_tests_name("dict", tests, NULL, NULL);
}
