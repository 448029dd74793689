/*
** test_coder.c: one test per coding rule of src/coder, on news-style
** sentences written for wasit about real events (the 2020 Nagorno-Karabakh
** war and its 10 November ceasefire, the Moscow talks of 9-10 October 2020,
** Gaza strikes), coded with a small dictionary defined below so that each
** rule is tested independently of the shipped dict/ar.
** Each row: {id, doc date, text, expected events, forbidden root, exact}.
** Expected source/target/code match by prefix, as in the golden files.
*/
#include "testutil.h"

#include "dict/dict.h"

static const char t_cameo[] =
    "010 | 0.0 | make statement\n"
    "036 | 4.0 | express intent to meet\n"
    "040 | 1.0 | consult\n"
    "042 | 1.9 | make a visit\n"
    "043 | 2.8 | host a visit\n"
    "045 | 5.0 | mediate\n"
    "057 | 8.0 | sign formal agreement\n"
    "111 | -2.0 | criticize or denounce\n"
    "112 | -2.0 | accuse\n"
    "138 | -7.0 | threaten to use military force\n"
    "141 | -6.5 | demonstrate or rally\n"
    "143 | -6.5 | conduct strike or boycott\n"
    "180 | -9.0 | use unconventional violence\n"
    "181 | -9.0 | abduct or hijack or take hostage\n"
    "190 | -10.0 | use conventional military force\n"
    "195 | -10.0 | employ aerial weapons\n"
    "1711 | -5.0 | confiscate property\n";

static const char t_countries[] =
    "ARM | name | أرمينيا\n"
    "ARM | adj | أرميني, أرمينية, الأرمنية, أرمني, أرمنيين\n"
    "ARM | capital | يريفان\n"
    "AZE | name | أذربيجان\n"
    "AZE | adj | أذري, أذرية, الأذربيجانية\n"
    "RUS | name | روسيا\n"
    "RUS | adj | روسي, روسية\n"
    "RUS | capital | موسكو, الكرملين\n"
    "ISR | name | إسرائيل\n"
    "ISR | adj | إسرائيلي, إسرائيلية\n"
    "ARM | people | الأرمن\n"
    "TUR | name | تركيا\n"
    "TUR | adj | تركي, التركي\n"
    "SAU | name | السعودية\n"
    "SAU | adj | سعودي, سعودية\n"
    "USA | adj | أمريكي, أمريكية\n";

static const char t_people[] =
    "فلاديمير بوتين, بوتين | RUSGOV 2000-05-07:\n"
    "سيرغي لافروف, لافروف | RUSGOV 2004-03-09:\n"
    "نيكول باشينيان, باشينيان | ARMGOV 2018-05-08:\n"
    "إلهام علييف, علييف | AZEGOV 2003-10-31:\n"
    "رجب طيب أردوغان, أردوغان | TURGOV 2014-08-28:\n"
    "سيرج سركيسيان | ARMGOV 2008-04-09:2018-04-23 ; ARMELI 2018-04-24:\n";

static const char t_agents[] =
    "GOV | الرئيس, زعماء, وزير الخارجية, الخارجية, المتحدث, الناطق, وزيرا خارجية, نائب الأمين العام\n"
    "MIL | الجيش, القوات, وزارة الدفاع, قوات الاحتلال\n"
    "CVL | المتظاهرون, المحتجون\n"
    "LAB | عمال, العمال\n";

static const char t_actors[] =
    "IGOUNO | الأمم المتحدة\n"
    "IGOOSCMNK | مجموعة مينسك | 1992:\n";

static const char t_verbs[] =
    "say.1 | 010 | V:قال, V:أكد, V:أعلن | say\n"
    "host.1 | 043 | V:استضاف, I:يستضيف\n"
    "meet.1 | 040 | V:التقى, I:يلتقي | mutual, tgt=مع\n"
    "mediate.1 | 045 | N:وساطة\n"
    "agree.1 | 057 | V:اتفق, I:يتفق | mutual, tgt=مع\n"
    "accuse.1 | 112 | V:اتهم\n"
    "accuse.2 | 112 | V:اتهم * بقصف\n"
    "abduct.1 | 181 | V:خطف, I:يخطف\n"
    "condemn.1 | 111 | V:أدان\n"
    "threat.1 | 138 | V:هدد\n"
    "visit.1 | 042 | V:زار\n"
    "nationalize.1 | 1711 | V:أمم\n"
    "protest.1 | 141 | V:تظاهر, N:مظاهرات\n"
    "strike.1 | 143 | N:إضراب, N:إضرابا\n"
    "attack.1 | 190 | V:هاجم, I:يهاجم, N:هجوم | tgt=على\n"
    "force.1 | 190 | N:اللجوء إلى القوة\n"
    "shell.1 | 195 | V:قصف, N:قصف | tgt=على\n"
    "shell.2 | 195 | V:تعرض * N:قصف | passive\n";

static const char t_places[] =
    "ستيباناكرت, خانكندي | AZE | 39.8153 | 46.7519\n"
    "غزة, قطاع غزة | PSE | 31.5 | 34.47\n";

static const char t_discard[] = "sport | المباراة, المنتخب, الدوري\n";

static wasit_dict *mini_dict(const wasit_allocator *al) {
  struct {
    const char *name, *text;
  } files[] = {{"cameo.txt", t_cameo},   {"countries.txt", t_countries},
               {"people.txt", t_people}, {"agents.txt", t_agents},
               {"actors.txt", t_actors}, {"verbs.txt", t_verbs},
               {"places.txt", t_places}, {"discard.txt", t_discard}};
  wasit_dict *d;
  wasit_error err;
  if (dict_new(&d, al, &err)) return NULL;
  for (size_t i = 0; i < sizeof files / sizeof *files; i++)
    if (dict_parse_file(d, files[i].name, files[i].text, strlen(files[i].text),
                        &err)) {
      if (!al) fail_msg("%s:%d: %s", err.where, err.line, err.message);
      wasit_dict_free(d);
      return NULL;
    }
  /* The closed word classes (negation, future, casualty nouns ...) are the
  ** shipped grammar, not test data: parse dict/ar/grammar.txt as it is. */
  FILE *g = fopen(WASIT_TEST_DICT "/grammar.txt", "rb");
  if (!g) fail_msg("cannot open " WASIT_TEST_DICT "/grammar.txt");
  enum { GRAMMAR_MAX = 1 << 16 };
  char *gbuf = malloc(GRAMMAR_MAX);
  size_t glen = gbuf ? fread(gbuf, 1, GRAMMAR_MAX, g) : 0;
  fclose(g);
  if (glen == 0 || glen == GRAMMAR_MAX) fail_msg("grammar.txt: bad size");
  int rc = dict_parse_file(d, "grammar.txt", gbuf, glen, &err);
  free(gbuf);
  if (rc || dict_finish(d, &err)) {
    if (!al) fail_msg("%s:%d: %s", err.where, err.line, err.message);
    wasit_dict_free(d);
    return NULL;
  }
  return d;
}

typedef struct exp_ev {
  const char *src, *tgt, *code; /* prefixes; tgt "-" = no target; NULL any */
  int mode;                     /* -1 any */
  int killed, wounded;          /* -2 any */
  const char *date, *loc;       /* NULL any */
} exp_ev;

typedef struct row {
  const char *id, *date, *text;
  exp_ev ev[6];
  const char *forbid_root;
  int exact;                    /* -1: not exact, else number of events */
} row;

#define ANY -1, -2, -2, NULL, NULL
#define E(s, t, c) {s, t, c, ANY}

static bool pre(const char *want, const char *got) {
  if (!want) return true;
  if (!got) return false;
  return strncmp(want, got, strlen(want)) == 0;
}

static bool ev_match(const exp_ev *x, const wasit_event *e) {
  if (!pre(x->src, e->source) || !pre(x->code, e->code)) return false;
  if (x->tgt && strcmp(x->tgt, "-") == 0 ? e->target != NULL
                                        : !pre(x->tgt, e->target))
    return false;
  if (x->mode >= 0 && (int)e->mode != x->mode) return false;
  if (x->killed != -2 && e->killed != x->killed) return false;
  if (x->wounded != -2 && e->wounded != x->wounded) return false;
  if (x->date && strcmp(x->date, e->date) != 0) return false;
  if (x->loc && (!e->location || strcmp(x->loc, e->location->country) != 0))
    return false;
  return true;
}

static void dump(const wasit_result *r) {
  for (size_t i = 0; i < r->n_events; i++) {
    const wasit_event *e = &r->events[i];
    print_error("    got %s -> %s %s mode=%u k=%d w=%d date=%s loc=%s [%s]\n",
                e->source, e->target ? e->target : "-", e->code, e->mode,
                e->killed, e->wounded, e->date,
                e->location ? e->location->country : "-", e->pattern);
  }
}

static int check_row(wasit_coder *c, const row *r) {
  wasit_doc doc = {r->id, r->text, strlen(r->text), r->date, NULL, NULL};
  const wasit_result *res;
  wasit_error err;
  if (wasit_coder_run(c, &doc, &res, &err)) {
    print_error("%s: run failed: %s\n", r->id, err.message);
    return 1;
  }
  bool used[64] = {false};
  int bad = 0;
  for (size_t k = 0; k < 6 && r->ev[k].code; k++) {
    size_t i;
    for (i = 0; i < res->n_events && i < 64; i++)
      if (!used[i] && ev_match(&r->ev[k], &res->events[i])) break;
    if (i < res->n_events && i < 64) {
      used[i] = true;
    } else {
      print_error("%s: missing %s -> %s %s\n", r->id, r->ev[k].src,
                  r->ev[k].tgt ? r->ev[k].tgt : "*", r->ev[k].code);
      bad = 1;
    }
  }
  for (size_t i = 0; i < res->n_events && r->forbid_root; i++)
    if (strcmp(res->events[i].root, r->forbid_root) == 0) {
      print_error("%s: forbidden root %s emitted\n", r->id, r->forbid_root);
      bad = 1;
    }
  if (r->exact >= 0 && res->n_events != (size_t)r->exact) {
    print_error("%s: %zu events, expected exactly %d\n", r->id, res->n_events,
                r->exact);
    bad = 1;
  }
  if (bad) dump(res);
  return bad;
}

static void run_rows(const row *rows, size_t n) {
  wasit_dict *d = mini_dict(NULL);
  assert_non_null(d);
  wasit_coder *c;
  assert_int_equal(wasit_coder_new(&c, d, NULL, NULL), WASIT_OK);
  int bad = 0;
  for (size_t i = 0; i < n; i++) bad += check_row(c, &rows[i]);
  wasit_coder_free(c);
  wasit_dict_free(d);
  assert_int_equal(bad, 0);
}

#define RUN(name, ...)                                   \
  static void name(void **state) {                       \
    (void)state;                                         \
    static const row rows[] = {__VA_ARGS__};             \
    run_rows(rows, sizeof rows / sizeof *rows);          \
  }

/* A body after its office head ("الأمين العام للأمم المتحدة") starts at
** the head, but not when the head ends another mention ("نائب الأمين
** العام", an agent here): the two would overlap, and the UN, read from
** "الأمين", became the visit's target (actors.c start_at_head). */
RUN(test_office_head_overlap,
    {"overlap.1", "2020-10-09",
     "وزار نائب الأمين العام للأمم المتحدة يريفان.",
     {E("IGOUNO", "ARM", "042")}, NULL, 1})

/* VSO with a time phrase between verb and subject; compound target. */
RUN(test_vso_time_phrase,
    {"vso.1", "2020-10-09",
     "استضاف الرئيس الروسي فلاديمير بوتين، الاثنين، زعماء أرمينيا وأذربيجان في موسكو.",
     {E("RUSGOV", "ARMGOV", "043"), E("RUSGOV", "AZEGOV", "043")}, NULL, 2})

/* SVO: the subject before the verb; agent + adjective -> AZEMIL. */
RUN(test_svo,
    {"svo.1", "2020-09-28",
     "وزارة الدفاع الأذرية قصفت مواقع أرمينية في ستيباناكرت.",
     {E("AZEMIL", "ARM", "195")}, NULL, 1})

/* Compound subject with a mutual verb: each ordered pair. */
RUN(test_compound_mutual,
    {"mutual.1", "2020-10-10",
     "اتفقت أرمينيا وأذربيجان على وقف إطلاق النار في إقليم ناغورني قره باغ.",
     {E("ARMGOV", "AZEGOV", "057"), E("AZEGOV", "ARMGOV", "057")}, NULL, 2},
    {"mutual.2", "2020-10-10",
     "التقى لافروف مع باشينيان وعلييف في موسكو.",
     /* a meeting with a target is coded both ways */
     {E("RUSGOV", "ARMGOV", "040"), E("ARMGOV", "RUSGOV", "040"),
      E("RUSGOV", "AZEGOV", "040"), E("AZEGOV", "RUSGOV", "040")}, NULL, 4})

/* Reported speech: the speaker's 010, the embedded event reported. */
RUN(test_reported_speech,
    {"say.1", "2020-10-05",
     "قال وزير الخارجية الروسي سيرغي لافروف إن القوات الأذرية قصفت مواقع أرمينية.",
     {{"RUSGOV", "-", "010", 0, -2, -2, NULL, NULL},
      {"AZEMIL", "ARM", "195", WASIT_MODE_REPORTED, -2, -2, NULL, NULL}},
     NULL, 2},
    /* the act an accusation names ("بقصف") is the charge, not a second
    ** event: CAMEO codes the accusation only */
    {"accuse.1", "2020-09-27",
     "اتهمت أرمينيا أذربيجان بقصف مواقع مدنية في ستيباناكرت.",
     {E("ARMGOV", "AZEGOV", "112")}, "19", 1},
    {"accuse.2", "2020-09-27",
     "واتهم باشينيان القوات الأذرية بمهاجمة مواقع أرمينية.",
     {E("ARMGOV", "AZEMIL", "112")}, NULL, -1})

/* "البلدين/البلدان": the article's two principal states. */
RUN(test_two_parties,
    {"parties.1", "2020-10-10",
     "وصل وزيرا خارجية أرمينيا وأذربيجان إلى موسكو لإجراء محادثات. واتفق البلدان على هدنة إنسانية.",
     {E("ARMGOV", "AZEGOV", "057"), E("AZEGOV", "ARMGOV", "057")}, NULL, 2})

/* Negation drops the event; negation in a complement only drops that. */
RUN(test_negation,
    {"neg.1", "2020-10-20", "لم تتفق أرمينيا وأذربيجان على هدنة جديدة.",
     {{0}}, NULL, 0},
    {"neg.2", "2020-11-10",
     "اتفقت أرمينيا وأذربيجان على عدم اللجوء إلى القوة.",
     {E("ARMGOV", "AZEGOV", "057"), E("AZEGOV", "ARMGOV", "057")}, "19", 2},
    /* ما alone (class neg_ma, and no word of class neg): negated's
    ** sentence gate (events.c) must let it through */
    {"neg.3", "2023-10-09", "ما هاجمت القوات الإسرائيلية مدينة غزة أمس.",
     {{0}}, NULL, 0})

/* Future: من المقرر أن, and the س- prefix. */
RUN(test_future,
    {"fut.1", "2020-10-08",
     "ومن المقرر أن يستضيف بوتين زعماء أرمينيا وأذربيجان في موسكو.",
     {{"RUSGOV", "ARMGOV", "043", WASIT_MODE_FUTURE, -2, -2, NULL, NULL}}, NULL, -1},
    {"fut.2", "2020-10-08", "وسيستضيف بوتين باشينيان في الكرملين.",
     {{"RUSGOV", "ARMGOV", "043", WASIT_MODE_FUTURE, -2, -2, NULL, NULL}}, NULL, 1})

/* Conditional: إذا before the trigger in its clause, past a comma (inside
** the condition itself the act is not emitted). */
RUN(test_conditional,
    {"cond.1", "2020-10-02", "إذا صح ذلك، هاجمت أذربيجان أرمينيا.",
     {{"AZEGOV", "ARMGOV", "190", WASIT_MODE_CONDITIONAL, -2, -2, NULL, NULL}},
     NULL, 1},
    /* inside the condition itself the act is only supposed: no event */
    {"cond.2", "2020-10-02", "إذا هاجمت أذربيجان أرمينيا فإن روسيا ستتدخل.",
     {{0}}, NULL, 0})

/* Casualties: numbers before killed/wounded nouns and after مقتل/إصابة. */
RUN(test_casualties,
    {"cas.1", "2020-10-04",
     "وأسفر القصف الأذري عن سقوط 135 قتيلا و286 جريحا.",
     {{"AZE", NULL, "195", -1, 135, 286, NULL, NULL}}, NULL, 1},
    {"cas.2", "2021-05-12",
     "مقتل 12 شخصا وإصابة 30 آخرين في هجوم إسرائيلي على غزة.",
     {{"ISR", NULL, "190", -1, 12, 30, NULL, "PSE"}}, NULL, 1},
    {"cas.3", "2021-05-12", "سقوط قتلى في هجوم إسرائيلي على غزة.",
     {{"ISR", NULL, "190", -1, WASIT_COUNT_NONE, WASIT_COUNT_NONE, NULL, NULL}},
     NULL, 1})

/* Discard: sport language mutes the sentence. */
RUN(test_discard,
    {"disc.1", "2021-03-24",
     "هاجم المنتخب الأرميني بقوة في المباراة أمام نظيره الأذري.", {{0}}, NULL, 0})

/* Dates: the sentence's own date, precision kept, historical mode. */
RUN(test_dates,
    {"date.1", "2020-11-12",
     "في 27 سبتمبر 2020 قصفت القوات الأذرية ستيباناكرت.",
     {{"AZEMIL", NULL, "195", WASIT_MODE_HISTORICAL, -2, -2, "2020-09-27", "AZE"}},
     NULL, 1},
    {"date.2", "2020-11-12",
     "وفي عام 1992 هاجمت القوات الأرمينية مواقع أذرية.",
     {{"ARMMIL", "AZE", "190", WASIT_MODE_HISTORICAL, -2, -2, "1992", NULL}},
     NULL, 1},
    {"date.3", "2020-11-12", "هاجمت القوات الأرمينية مواقع أذرية.",
     {{"ARMMIL", "AZE", "190", 0, -2, -2, "2020-11-12", NULL}}, NULL, 1},
    /* six days back is news, eleven days back is background */
    {"date.4", "2020-11-12", "في 6 نوفمبر 2020 قصفت القوات الأذرية ستيباناكرت.",
     {{"AZEMIL", NULL, "195", 0, -2, -2, "2020-11-06", "AZE"}}, NULL, 1},
    {"date.5", "2020-11-12", "في 1 نوفمبر 2020 قصفت القوات الأذرية ستيباناكرت.",
     {{"AZEMIL", NULL, "195", WASIT_MODE_HISTORICAL, -2, -2, "2020-11-01", "AZE"}},
     NULL, 1})

/* Location: the first dictionary place of the sentence. */
RUN(test_location,
    {"loc.1", "2020-10-08",
     "قصفت القوات الأذرية كاتدرائية في ستيباناكرت.",
     {{"AZEMIL", NULL, "195", -1, -2, -2, NULL, "AZE"}}, NULL, 1})

/* Mediation: بوساطة روسية -> RUSGOV with the agreeing parties. */
RUN(test_mediation,
    {"med.1", "2020-10-10",
     "اتفقت أرمينيا وأذربيجان بوساطة روسية على وقف إطلاق النار.",
     {E("ARMGOV", "AZEGOV", "057"), E("AZEGOV", "ARMGOV", "057"),
      E("RUSGOV", "ARMGOV", "045"), E("RUSGOV", "AZEGOV", "045")},
     NULL, 4})

/* Passive (تعرض ... لقصف): the subject is the target. */
RUN(test_passive,
    {"pass.1", "2020-10-17", "تعرضت مواقع أرمينية لقصف أذري عنيف.",
     {E("AZE", "ARM", "195")}, NULL, 1})

/* Agents: spokesman of X is X; person wins over agent; people by date. */
RUN(test_agents,
    {"agent.1", "2020-10-01",
     "أكد المتحدث باسم الخارجية الروسية أن موسكو تتابع الوضع.",
     {E("RUSGOV", NULL, "010")}, NULL, 1},
    {"agent.2", "2016-04-03",
     "وقال الرئيس الأرميني سيرج سركيسيان إن القوات الأذرية هاجمت مواقع أرمينية.",
     {E("ARMGOV", "AZEMIL", "010"), E("AZEMIL", "ARM", "190")}, NULL, 2},
    {"agent.3", "2020-10-01",
     "قال سيرج سركيسيان إن القوات الأذرية هاجمت مواقع أرمينية.",
     {E("ARMELI", "AZEMIL", "010")}, NULL, -1},
    {"protest.1", "2020-11-11",
     "تظاهر المحتجون أمام مقر الحكومة في يريفان رفضا لاتفاق وقف إطلاق النار.",
     {E("ARMCVL", "ARM", "141")}, NULL, -1})

/* Verb forms take no article or ب: للأمم is no أمم; وزارة (ة) is no
** و + زار + ه. */
RUN(test_verb_form_guards,
    {"vform.1", "2020-10-01",
     "وأكدت وزارة الدفاع الأذرية أن قواتها ردت على مصادر النيران وطالبت الأمين العام للأمم المتحدة بالتدخل.",
     {E("AZEMIL", NULL, "010")}, NULL, 1})

/* Hypothetical (may, question) and governed nouns (threat of shelling). */
RUN(test_hypothetical,
    {"hyp.1", "2020-10-01", "ويمكن أن تهاجم أذربيجان مواقع أرمينية في أي لحظة.",
     {{0}}, NULL, 0},
    {"hyp.2", "2020-10-01", "هل تهاجم أذربيجان أرمينيا مجددا؟", {{0}}, NULL, 0},
    {"rel.1", "2020-10-20", "وتحدث باشينيان عن الجنود الذين هاجمتهم القوات الأذرية.",
     {{0}}, "19", 0},
    {"gov.1", "2020-10-01", "هددت أذربيجان بقصف مواقع أرمينية.",
     {E("AZEGOV", NULL, "138")}, "19", 1})

/* Support verbs: the subject of نفذ/شن/أجرى is the doer of the noun; an
** agent with no country takes the article's state.  (A text about one
** state is a domestic story: an act that names no one is aimed at that
** state, coder.c domestic_targets; so are the protests below.) */
RUN(test_support_verb,
    {"light.1", "2021-02-10", "نفذ عمال المناجم في أرمينيا إضرابا عاما.",
     {E("ARMLAB", "ARM", "143")}, NULL, 1})

/* An unvocalized verb after a preposition or a head noun is its verbal
** noun ("قضية خطف"), coded by the noun rules; as a verb it is an event. */
RUN(test_verbal_noun,
    {"vn.1", "2021-05-27",
     "وتواصل أذربيجان التحقيق في قضية خطف جنديين أرمنيين على الحدود.",
     {{0}}, NULL, 0},
    {"vn.2", "2021-05-27", "خطفت القوات الأذرية جنديين أرمنيين على الحدود.",
     {E("AZEMIL", "ARM", "181")}, NULL, 1})

/* Targets: the attacked place's state; an instrument (ب) is no target; a
** noun between the verb and its object does not hide the object. */
RUN(test_targets,
    {"tgt.1", "2021-05-12", "قصفت القوات الإسرائيلية مواقع في قطاع غزة.",
     {E("ISRMIL", "PSE", "195")}, NULL, 1},
    {"tgt.2", "2020-10-05", "هاجمت أذربيجان بالقوات الجوية مواقع أرمينية.",
     {E("AZEGOV", "ARM", "190")}, NULL, 1},
    {"tgt.3", "2021-05-12",
     "وأدانت الأمم المتحدة القصف الإسرائيلي على غزة.",
     {E("IGOUNO", "ISR", "111")}, NULL, -1})

/* Compound actors: "بوتين ونظيره التركي أردوغان"; "سعودية أمريكية". */
RUN(test_compound_more,
    {"peer.1", "2020-03-05", "التقى بوتين ونظيره التركي رجب طيب أردوغان في موسكو.",
     {E("RUSGOV", "TURGOV", "040"), E("TURGOV", "RUSGOV", "040")}, NULL, 2},
    {"adjs.1", "2020-10-10",
     "اتفقت أرمينيا وأذربيجان بوساطة سعودية أمريكية على هدنة.",
     {E("ARMGOV", "AZEGOV", "057"), E("AZEGOV", "ARMGOV", "057"),
      E("SAU", "ARMGOV", "045"), E("SAU", "AZEGOV", "045"),
      E("USA", "ARMGOV", "045"), E("USA", "AZEGOV", "045")}, NULL, 6},
    {"partitive.1", "2020-11-11", "تظاهر آلاف من الأرمن في يريفان.",
     {E("ARM", "ARM", "141")}, NULL, 1})

static void test_enomem(void **state) {
  (void)state;
  wasit_dict *d = mini_dict(NULL);
  assert_non_null(d);
  const char *text =
      "قال وزير الخارجية الروسي سيرغي لافروف إن القوات الأذرية قصفت مواقع أرمينية.";
  wasit_doc doc = {"oom", text, strlen(text), "2020-10-05", NULL, NULL};
  int ok = 0;
  for (long k = 1; k < 10000 && !ok; k++) {
    test_failing_alloc fa = {0, k};
    wasit_allocator al = {test_failing_realloc, &fa};
    wasit_coder *c;
    int rc = wasit_coder_new(&c, d, &al, NULL);
    if (rc) {
      assert_int_equal(rc, WASIT_ENOMEM);
      continue;
    }
    const wasit_result *res;
    wasit_error err;
    rc = wasit_coder_run(c, &doc, &res, &err);
    if (rc == WASIT_OK) {
      assert_int_equal(res->n_events, 2);
      ok = 1;
    } else {
      assert_int_equal(rc, WASIT_ENOMEM);
    }
    wasit_coder_free(c);
  }
  assert_true(ok);
  wasit_dict_free(d);
}

static void test_empty_and_bad_args(void **state) {
  (void)state;
  wasit_dict *d = mini_dict(NULL);
  wasit_coder *c;
  assert_int_equal(wasit_coder_new(&c, d, NULL, NULL), WASIT_OK);
  wasit_doc doc = {"empty", "", 0, NULL, NULL, NULL};
  const wasit_result *res;
  assert_int_equal(wasit_coder_run(c, &doc, &res, NULL), WASIT_OK);
  assert_int_equal(res->n_events, 0);
  assert_int_equal(wasit_coder_run(c, NULL, &res, NULL), WASIT_EINVAL);
  assert_int_equal(wasit_coder_new(&c, NULL, NULL, NULL), WASIT_EINVAL);
  wasit_coder_free(NULL);
  wasit_coder_free(c);
  wasit_dict_free(d);
}

/* Fill the stack below the caller with junk, as any later call may. */
static void __attribute__((noinline)) scribble_stack(void) {
  volatile char junk[16384];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 'x';
}

/* The result lives until the next run, stack or no stack: "واتفق البلدان"
** is coded with the article's two parties, and those codes were kept on
** wasit_coder_run's stack (the events pointed there, and a later call
** overwrote them before the caller wrote the events out). */
static void test_result_outlives_run(void **state) {
  (void)state;
  wasit_dict *d = mini_dict(NULL);
  wasit_coder *c;
  assert_int_equal(wasit_coder_new(&c, d, NULL, NULL), WASIT_OK);
  const char *text = "وصل وزيرا خارجية أرمينيا وأذربيجان إلى موسكو لإجراء "
                     "محادثات. واتفق البلدان على هدنة إنسانية.";
  wasit_doc doc = {"parties", text, strlen(text), "2020-10-10", NULL, NULL};
  const wasit_result *res;
  assert_int_equal(wasit_coder_run(c, &doc, &res, NULL), WASIT_OK);
  scribble_stack();
  int arm = 0, aze = 0;
  for (size_t i = 0; i < res->n_events; i++) {
    const char *src = res->events[i].source;
    assert_non_null(src);
    if (strcmp(src, "ARMGOV") == 0) arm++;
    else if (strcmp(src, "AZEGOV") == 0) aze++;
    else fail_msg("event %zu: source '%.16s'", i, src);
  }
  assert_true(arm > 0 && aze > 0);
  wasit_coder_free(c);
  wasit_dict_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_office_head_overlap), cmocka_unit_test(test_vso_time_phrase), cmocka_unit_test(test_svo),
      cmocka_unit_test(test_compound_mutual), cmocka_unit_test(test_reported_speech),
      cmocka_unit_test(test_two_parties),     cmocka_unit_test(test_negation),
      cmocka_unit_test(test_future),          cmocka_unit_test(test_conditional),
      cmocka_unit_test(test_casualties),      cmocka_unit_test(test_discard),
      cmocka_unit_test(test_dates),           cmocka_unit_test(test_location),
      cmocka_unit_test(test_mediation),       cmocka_unit_test(test_passive),
      cmocka_unit_test(test_agents),          cmocka_unit_test(test_verb_form_guards),
      cmocka_unit_test(test_hypothetical),    cmocka_unit_test(test_targets),
      cmocka_unit_test(test_compound_more),   cmocka_unit_test(test_verbal_noun),
      cmocka_unit_test(test_support_verb),
      cmocka_unit_test(test_enomem),
      cmocka_unit_test(test_empty_and_bad_args),
      cmocka_unit_test(test_result_outlives_run),
  };
  return cmocka_run_group_tests_name("coder", tests, NULL, NULL);
}
