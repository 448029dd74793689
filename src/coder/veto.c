/*
** veto.c: event vetoes of the CAMEO coder (src/coder), stage 3 of the
** pipeline, called by coder_events (events.c) once an event's trigger,
** final code and source are known.
**
** Each rule names a frame in which a violent or protest word does not
** report a new act by its doer: a trial or inquiry, a cause or topic
** connective, a threat's content, a verbal "attack", a condemnation, a
** blockade or occupation by no armed force, an alleged abuse, a "protest"
** by the state, a known attack named by a relative clause, habitual
** conduct or an aim told in the imperfect, an attack only expected, a
** temporal background clause, an act dated months or years ago, rocket
** fire named as a practice, a victim described by a relative clause, a
** casualty report (bodies found, a toll), a when clause that dates
** something else, an act told as earlier than the news, an act warned of,
** feared, ordered, foiled or about to be done.  (A condition is no veto:
** events.c drops an act inside the condition and gives the others mode
** conditional.)  One anchor goes the other way: a violent verb with a
** counted object stands without a known doer (coder_counted_object).
** Word lists are grammar classes of dict/ar/grammar.txt (legal, cause,
** attack_noun, armed_anchor, condole, allege, protesters, habitual,
** unreal, temporal, temporal_ma, before, lapse, salvo, when, dead_news,
** earlier, previous, earlier_time_head, preceded, feared, not_yet),
** never C arrays.  Input: a sentence whose keys, triggers,
** clauses, actors and casualties are set (coder_keys, coder_triggers,
** clauses(), coder_actors); nothing here allocates or changes the
** sentence.  Each rule is a few token scans over one sentence (tens of
** tokens).
*/
#include "coder.h"

#include <string.h>

/* Is there a word of class c in tokens [from, to) of s? */
static bool class_in(const coder_sent *s, uint32_t from, uint32_t to, int c) {
  if (!coder_sent_has(s, c, true)) return false;
  for (uint32_t i = from; i < to && i < s->n; i++)
    if (coder_tok_is(s, i, c, true)) return true;
  return false;
}

/* Legal frame: a trial, charge, inquiry, compensation or report word
** anywhere in the violent trigger's clause ("قضت المحكمة بسجن المتهمين
** بتفجير", "دفع تعويضات لضحايا الاعتداءات").  The case is the event; the
** violence it is about happened before and was coded when reported.  A
** court one or two words after a place word ("بالقرب من محكمة", "في
** محكمة") is a place, not a case. */
static bool coder_legal_frame(const coder_sent *s, const coder_trig *t) {
  uint16_t cl = s->ct[t->start].clause;
  for (uint32_t i = 0; i < s->n; i++) {
    if (s->ct[i].clause != cl || !coder_tok_is(s, i, CW_LEGAL, true)) continue;
    if ((i > 0 && (coder_tok_is(s, i - 1, CW_LOCATIVE, true) ||
                   coder_tok_is(s, i - 1, CW_FI, true))) ||
        (i > 1 && coder_tok_is(s, i - 2, CW_LOCATIVE, true)))
      continue;
    return true;
  }
  return false;
}

/* Cause or topic: a violent noun right after a connective ("إثر الهجوم",
** "عقب اغتيال", "حول التفجير") names what something else followed or is
** about.  When casualties are told before the connective ("مقتل خمسة
** إثر هجوم") the clause reports that attack, so it stays; so does one
** whose doer is named ("إثر القصف الإسرائيلي"), see coder_vetoed. */
static bool coder_cause_background(const coder_sent *s, const coder_trig *t) {
  if (t->verbal || t->start == 0) return false;
  uint32_t c = t->start - 1;
  if (!coder_tok_is(s, c, CW_CAUSE, true)) return false;
  for (uint32_t i = 0; i < c; i++)
    if (coder_tok_is(s, i, CW_CASUALTY, true)) return false;
  return true;
}

/* Verbal attack: "شن هجوما حادا على الحكومة", "هجومها على اللجنة" with
** no casualties, weapon, fighter or time of day in the sentence and no
** place near it is an attack in words (a political criticism), not an armed one, even
** by an armed group ("واصلت حماس هجومها على اللجنة التنفيذية"). */
static bool coder_verbal_attack(const coder_sent *s, const coder_trig *t) {
  if (t->verbal || !coder_tok_is(s, t->start, CW_ATTACK_NOUN, true))
    return false;
  /* a place near the noun ("هجوم على قاعدة في البصرة") anchors it; one
  ** further on belongs to another clause ("... في اجتماع تعقده في غزة") */
  if (coder_casualties_told(s) || (s->place && s->place_tok + 6 >= t->start &&
                        s->place_tok <= t->end + 8))
    return false;
  return !class_in(s, 0, s->n, CW_ARMED_ANCHOR);
}

/* Condemnation or condolence frame: violence named after a condemnation,
** condolence or tribute word in the sentence ("ندد ... بالهجوم الذي
** استهدف", "قدم تعازيه لضحايا التفجير").  The speech act is the event;
** the attack it names was reported where it happened. */
static bool coder_condolence_frame(const coder_sent *s, const coder_trig *t) {
  return class_in(s, 0, t->start, CW_CONDOLE);
}

/* Blockade or occupation (191, 192) with no doer, or by a doer that
** commands no force (a party, opposition, civilians, criminals): "فرض
** حصار اقتصادي", "سيطرته على السوق" name a sanction or policy (16x) or
** a struggle for control, not violence. */
static bool coder_unarmed_control(const char *code, const char *src) {
  if (memcmp(code, "191", 3) != 0 && memcmp(code, "192", 3) != 0) return false;
  /* a state or its government ("فرضت إسرائيل حصارا شاملا على غزة")
  ** commands forces */
  return !src || (strlen(src) != 3 && !coder_role_in(src, "GOV") &&
                  !coder_armed_force(src));
}

/* Torture or rape (1821, 1822) inside reported speech or a sentence with
** an accusation, denial or allegation word: the charge is the event
** (112), the abuse is not established. */
static bool coder_alleged_abuse(const coder_sent *s, const char *code,
                         unsigned mode) {
  if (memcmp(code, "1821", 4) != 0 && memcmp(code, "1822", 4) != 0)
    return false;
  return (mode & WASIT_MODE_REPORTED) || class_in(s, 0, s->n, CW_ALLEGE);
}

/* A protest (14x) whose source is a state's government, police, army or
** intelligence is a mis-parse or another act: forces close roads or stand
** by a protest, and a government's boycott of goods is a sanction (16x);
** the state does not protest ("أغلقت الشرطة طريق حلوان", "أعلنت الحكومة
** مقاطعة البضائع").  When protesters are named in the trigger or right
** after it ("احتشد المتظاهرون") they are the doers and only the source is
** wrong, so the protest stays.  So does a trigger that says the protest
** in words (احتجاجا, رفضا): a delegation or a minister walks out or
** resigns in protest ("انسحب الوفد السوري من القاعة احتجاجا على"). */
static bool coder_state_protest(const coder_sent *s, const coder_trig *t,
                         const char *code, const char *src) {
  if (memcmp(code, "14", 2) != 0 || !src ||
      !coder_role_in(src, "COP MIL SPY GOV"))
    return false;
  return !class_in(s, t->start, t->end + 1, CW_PROTESTERS) &&
         !class_in(s, t->start, t->end + 1, CW_ADVERBIAL);
}

/* Threat content: a violent noun with ب after a threat verb in its clause
** ("هدد وزير الشؤون الاستراتيجية باغتيال رئيس الوزراء", "توعد الجيش
** بقصف") is what is threatened, not done; the threat (13x) is the event.
** The same holds for the ب content of an accusation, which events.c
** handles right after the accuser (accused()); a threat's addressee and
** conditions may stand further between. */
static bool coder_threat_content(const coder_sent *s, const coder_trig *t) {
  if (t->verbal || !(t->cl0 & TXT_CL_BI)) return false;
  for (size_t k = 0; k < s->n_trigs; k++) {
    const coder_trig *p = &s->trigs[k];
    if (p->start >= t->start) break;
    if (p->verbal && s->ct[p->start].clause == s->ct[t->start].clause &&
        memcmp(dict_verb_at(s->dict, p->verb)->code, "13", 2) == 0)
      return true;
  }
  return false;
}

/* Does token i start like an imperfect verb, with ي or ت ("تشنها",
** "يطلق"), after its first `at` bytes (2 past a proclitic و or ف:
** "وتطلق")?  A perfect in ت ("تعرض") reads as one too. */
static bool tok_imperfect(const coder_sent *s, uint32_t i, size_t at) {
  const txt_token *w = &s->toks[i];
  const char *n = txt_tok_norm(s->doc, w) + at;
  return w->norm_len >= at + 2 &&
         (memcmp(n, "\xd9\x8a", 2) == 0 || /* ي */
          memcmp(n, "\xd8\xaa", 2) == 0);  /* ت */
}

/* Known attack: a definite violent noun that a relative clause describes
** ("بعد الاعتداء الذي وقع أول من أمس", "في التفجير الذي وقع في
** طرابلس", "فيما يتعلق بالهجوم الذي شنه ...") names an attack the reader
** already knows, inside a clause that reports something else (a call, a
** tribute, a comment).  Only when a preposition, connective or noun
** governs it: as the subject of its own clause, after أن or at the
** clause's start ("قال إن الهجوم الذي وقع ... أسفر عن مقتل 33"), it may
** still report the attack.  Returns the relative pronoun's token, 0 when
** the noun is no known attack. */
static uint32_t known_attack_rel(const coder_sent *s, const coder_trig *t) {
  if (t->verbal || t->start == 0 || !coder_tok_definite(s, t->start)) return 0;
  uint32_t p = t->start - 1;
  if (s->ct[p].punct || coder_tok_is(s, p, CW_COMP, false) ||
      s->ct[p].clause != s->ct[t->start].clause)
    return 0;
  /* the relative pronoun right after the noun or after one adjective */
  for (uint32_t k = t->end; k < t->end + 2 && k < s->n; k++) {
    if (s->ct[k].punct) return 0;
    if (coder_tok_is(s, k, CW_REL, false)) return k;
  }
  return 0;
}

/* A known attack (known_attack_rel) is background whoever did it when its
** relative clause tells it in the perfect ("بعد الهجوم الذي نفذه مسلحون
** على وحدة للجيش", "بالهجوم الذي شنه مقاتلو الحزب أول من أمس"), in the
** past imperfect ("العملية التي كانت تشنها", read past كان as a perfect)
** or in the future ("الهجمات التي ستشنها": an act still to come is none):
** the doer named there is part of the reference.  In the imperfect ("على
** العملية العسكرية التي تشنها أنقرة", "التي لا تزال تشنها") the act goes
** on, and with a named doer it is still reported (coder_vetoed). */
static bool coder_known_attack(const coder_sent *s, const coder_trig *t,
                               const char *src) {
  uint32_t k = known_attack_rel(s, t);
  if (!k) return false;
  if (!src) return true;
  uint32_t v = coder_relative_verb(s, k);
  /* a perfect in ت ("تعرض") reads as an imperfect and is kept too: the
  ** doubt keeps the act */
  return v < s->n && !tok_imperfect(s, v, 0);
}

/* Habitual acts: an imperfect verb of harm joined by و to another
** ("النظام الذي يقتل ويخطف الفلسطينيين", "كانوا يخطفون ويقتلون
** ويسرقون") tells what someone does as a rule, not one act at one time
** and place; CAMEO codes events, not conduct. */
static bool coder_habitual_list(const coder_sent *s, const coder_trig *t) {
  if (!t->verbal || !coder_tok_is(s, t->start, CW_HABITUAL, true)) return false;
  return (t->start > 0 && (t->cl0 & TXT_CL_WA) &&
          coder_tok_is(s, t->start - 1, CW_HABITUAL, true)) ||
         (coder_tok_has_clitic(s, t->start + 1, TXT_CL_WA) &&
          coder_tok_is(s, t->start + 1, CW_HABITUAL, true));
}

/* Imperfect of harm: a violent verb in the imperfect ("الذين يعتدون على
** الشرطة سيحاسبون", "عمل عدائي يستهدف الدول الثلاث", "ويستهدفون المدنيين
** بالدرجة الأولى") in a sentence that tells no dead or wounded says what
** someone does as a rule, what a measure or strike aims at, or what may
** happen, not one act at one time; news tells a done act in the perfect
** or by its toll.  After a temporal connective and أن ("قبل أن تقتله
** القوات الخاصة") the subjunctive tells a past act, which stays
** (coder_temporal_background judges it). */
/* Does the sentence open with verb trigger t's subject, right before it,
** after nothing but a dateline ("غزة - الجيش الإسرائيلي يقصف مواقع في
** رفح")?  A headline or lead in the present tells the news itself. */
static bool headline_subject(const coder_sent *s, const coder_trig *t) {
  if (!s->n_actors) return false;
  const coder_actor *a = &s->actors[0];
  if (a->end != t->start || (a->cl0 & TXT_CL_WA)) return false;
  return a->start == coder_dateline_end(s);
}

static bool coder_imperfect_harm(const coder_sent *s, const coder_trig *t) {
  if (!t->verbal || !coder_tok_is(s, t->start, CW_HABITUAL, true) ||
      coder_casualties_told(s) || headline_subject(s, t))
    return false;
  return !(t->start >= 2 && coder_tok_is(s, t->start - 1, CW_COMP, false) &&
           coder_tok_is(s, t->start - 2, CW_TEMPORAL, false));
}

/* Unreal attack: a violent noun described, right after it or after one
** more adjective, as possible, expected, imminent or alleged ("حماية من
** اعتداءات فلسطينية محتملة", "الهجوم المرتقب", "ضربة وشيكة") names an
** act that has not happened or is not established. */
static bool coder_unreal_attack(const coder_sent *s, const coder_trig *t) {
  if (t->verbal) return false;
  for (uint32_t k = t->end; k < t->end + 2 && k < s->n && !s->ct[k].punct; k++)
    if (coder_tok_is(s, k, CW_UNREAL, false)) return true;
  return false;
}

/* Temporal background: a violent or protest verb at most three words
** after "بعد أن", "قبل أن", "منذ أن" or "بعدما" in its clause ("أغلقت
** السلطات الطريق بعد أن خطفت 13 شاحنة", "بعدما احتجوا على موقفها")
** tells what the main clause's event followed or preceded: background,
** reported where it happened.  As after the cause connectives, a named
** doer keeps it (see coder_vetoed); so do casualties told before the
** connective ("قتل جنديان بعد أن هوجم موقعهما"): the main clause then
** reports that attack. */
static bool coder_temporal_background(const coder_sent *s, const coder_trig *t) {
  if (!t->verbal) return false;
  for (uint32_t k = 1; k <= 4 && k <= t->start; k++) {
    uint32_t j = t->start - k;
    if (s->ct[j].punct || s->ct[j].clause != s->ct[t->start].clause) return false;
    if (coder_tok_is(s, j, CW_TEMPORAL_MA, false) ||
        (coder_tok_is(s, j, CW_TEMPORAL, false) &&
         coder_tok_is(s, j + 1, CW_COMP, false)))
      return !class_in(s, 0, j, CW_CASUALTY);
  }
  return false;
}

/* Ago: a violent act dated "N months or years ago" in its own clause
** ("اغتاله مسلحون قبل عامين", "تعرض لمحاولة اغتيال قبل ثمانية أشهر",
** "دمرت الموقع في ضربة جوية قبل عام") happened long before the report and
** is told in passing: background, reported when it happened.  The span is
** a lapse word (a week or more) right after قبل or after its count. */
static bool coder_ago_background(const coder_sent *s, const coder_trig *t) {
  for (uint32_t k = t->end; k < t->end + 8 && k + 1 < s->n; k++) {
    if (s->ct[k].clause != s->ct[t->start].clause) return false;
    if (coder_tok_is(s, k, CW_BEFORE, false) &&
        (coder_tok_is(s, k + 1, CW_LAPSE, false) ||
         (coder_tok_count(s, k + 1) && coder_tok_is(s, k + 2, CW_LAPSE, false))))
      return true;
  }
  return false;
}

/* Is trigger t followed by على and an actor or a place starting one or
** two words later ("على إسرائيل", "على المدن الإسرائيلية", "على مدينة
** سديروت")? */
static bool aimed_at_named(const coder_sent *s, const coder_trig *t) {
  uint32_t on = t->end;
  if (!coder_tok_is(s, on, CW_ALA, false)) return false;
  if (s->place && (s->place_tok == on + 1 || s->place_tok == on + 2))
    return true;
  for (size_t x = 0; x < s->n_actors; x++)
    if (s->actors[x].start == on + 1 || s->actors[x].start == on + 2)
      return true;
  return false;
}

/* Generic fire: a verbal noun or an imperfect whose munition is plural
** and definite ("وقف اطلاق الصواريخ", "فإن اطلاق الصواريخ لن يتوقف",
** "قتل من يطلق الصواريخ") names rocket fire as a practice or a topic;
** one salvo is told without the article ("إطلاق صواريخ على سديروت",
** "أطلقوا ثلاثة صواريخ").  With casualties told right after it in its
** clause ("أدى إطلاق الصواريخ إلى مقتل") the clause reports a strike,
** and it stays; casualties elsewhere belong to other acts ("قتل من يطلق
** الصواريخ").  So does fire whose doer is named and which على aims at a
** named place or actor ("وواصلت حركة حماس إطلاق الصواريخ على مدينة
** سديروت"): a practice or a topic names neither. */
static bool coder_generic_fire(const coder_sent *s, const coder_trig *t,
                               const char *src) {
  uint32_t munition = t->end - 1;   /* the trigger's last word */
  size_t clitic = (t->cl0 & (TXT_CL_WA | TXT_CL_FA)) ? 2 : 0;
  if ((t->verbal && !tok_imperfect(s, t->start, clitic)) ||
      munition == t->start ||
      !coder_tok_is(s, munition, CW_SALVO, true) ||
      !coder_tok_definite(s, munition) || (src && aimed_at_named(s, t)))
    return false;
  for (uint32_t i = t->end; i < t->end + 6 && i < s->n; i++)
    if (s->ct[i].clause == s->ct[t->start].clause &&
        coder_tok_is(s, i, CW_CASUALTY, true))
      return false;
  return true;
}

/* Described victim: a perfect violent verb carrying its object as a
** pronoun right after an indefinite noun ("سفينة يونانية خطفها القراصنة
** يوم 21 سبتمبر", "عسكريين ماليين خطفهم مقاتلو الطوارق") is a relative
** clause that tells who the noun is; the sentence reports what happened
** to it next (a release, a transfer, a killing).  A plural verb agrees
** with a subject before it ("إن مسلحين مجهولين خطفوه"): that is the act
** told, and it stays. */
static bool coder_described_victim(const coder_sent *s, const coder_trig *t) {
  if (!t->verbal || t->start == 0 || !(t->cl0 & TXT_CL_ENC) ||
      (t->cl0 & (TXT_CL_WA | TXT_CL_FA)) || tok_imperfect(s, t->start, 0) ||
      coder_tok_plural_verb(s, t->start))
    return false;
  uint32_t p = t->start - 1;
  /* the pluperfect's كان قد may stand between ("21 مسيحيا مصريا كان قد
  ** اختطفهم"); قد alone ("وقد اختطفته السلطة") or another particle
  ** ("حتى هاجمتهم قوة") opens a main clause, and after a verb ("صعدوا
  ** قصفهم") the word is that verb's object, a verbal noun */
  if (p >= 2 && coder_tok_is(s, p, CW_QAD, false) &&
      coder_tok_is(s, p - 1, CW_WAS, false) &&
      !coder_tok_has_clitic(s, p - 1, TXT_CL_WA))
    p -= 2;
  return !s->ct[p].punct && !coder_tok_definite(s, p) &&
         !coder_tok_plural_verb(s, p) && !coder_tok_is(s, p, CW_COMP, false) &&
         !coder_tok_is(s, p, CW_QAD, true) &&
         !coder_tok_is(s, p, CW_PENDING, true) &&
         s->ct[p].clause == s->ct[t->start].clause;
}

/* Casualty report: a violent trigger after bodies found ("عثرت الشرطة
** على جثتين ... لرجل قتل بعد تعرضه للتعذيب", "العثور على جثث 11 شخصا،
** كان مسلحون قد خطفوهم") tells how the dead died: the news is the
** discovery.  A violent noun with no doer after a toll ("ارتفعت حصيلة
** التفجيرين الانتحاريين الى 73 قتيلا", "إن حصيلة الهجوم الانتحاري على
** السوق ارتفعت") is the act whose toll is updated, reported when it
** happened.  The heads are looked for before the trigger in its
** sentence, across commas and clauses, but not before a second report
** the sentence joins to the first: "بينما|فيما" ("ارتفعت حصيلة
** الفيضانات إلى 50 قتيلا، بينما أسفر تفجير") opens an act told on its
** own, whose heads are its own, and so, for a verb, do a comma and a word
** with و ("عثرت الشرطة على جثتين، وفي حادث آخر هاجم مسلحون دورية").  A
** noun after them is mostly still the discovery's ("، ورجح مصدر أمني أن
** تكون من مكونات القنبلة"). */
static bool coder_casualty_report(const coder_sent *s, const coder_trig *t,
                                  const char *src) {
  uint32_t from = 0;
  for (uint32_t k = 1; k < t->start; k++)
    if ((t->verbal && s->ct[k - 1].punct && coder_tok_has_clitic(s, k, TXT_CL_WA)) ||
        coder_tok_is(s, k, CW_MEANWHILE, false))
      from = k;
  for (uint32_t i = from; i < t->start; i++) {
    if (!coder_tok_is(s, i, CW_DEAD_NEWS, true)) continue;
    /* found takes على within three words, the bodies right after it or
    ** one word later; the first على there decides, casualty word or not.
    ** A toll (حصيلة) has no على before the act it counts */
    for (uint32_t k = i + 1; k <= i + 3 && k + 1 < t->start; k++)
      if (coder_tok_is(s, k, CW_ALA, false))
        return coder_tok_is(s, k + 1, CW_CASUALTY, true) ||
               (k + 2 < t->start && coder_tok_is(s, k + 2, CW_CASUALTY, true));
    /* a toll: the act it counts, named with no doer (and so for a found
    ** word whose على is further on: "عثرت أمس في بغداد على") */
    if (!src && !t->verbal) return true;
  }
  return false;
}

/* When clause: a violent verb with at most three words between it and
** "عندما", "حين" or "حينما" (eleven when the verb is joined by و: see
** below) ("واضحة في البصرة يوم 25 مايو الماضي عندما نفذ جيش المهدي
** هجوما", "خلال اجتياحها للبنان عام 1982، حين دمرت ...") dates what the
** main clause tells by an act it names in passing, whoever did it.  When
** the main clause tells that violence itself, with casualties, an
** incident or attack word, a verb of breaking out or another violent act
** before the connective ("أصيب 37 شخصا حين انفجرت قنبلة", "الحادث الذي
** وقع عندما انفجرت قنبلة", "اغتالوا الإمام عندما أطلقوا عليه النار"),
** the clause reports it.  A when clause that opens the sentence comes
** before its main clause, so the same words are looked for after the
** verb ("وعندما هاجم المسلحون القافلة قتل ثلاثة جنود").  حين after a
** preposition is the noun "time", no connective: "في حين" (whereas)
** sets a second main clause beside the first, "إلى حين" means until. */
static bool coder_when_background(const coder_sent *s, const coder_trig *t) {
  if (!t->verbal) return false;
  /* a verb joined by و goes on with the when clause ("عندما انفجرت فيهم
  ** ست قنابل على الطريق ودمر لهم ثلاث سيارات") */
  uint32_t reach = (t->cl0 & TXT_CL_WA) ? 12 : 4;
  for (uint32_t k = 1; k <= reach && k <= t->start; k++) {
    uint32_t j = t->start - k;
    if (s->ct[j].punct || s->ct[j].clause != s->ct[t->start].clause) return false;
    if (!coder_tok_is(s, j, CW_WHEN, false) ||
        (j > 0 && coder_tok_is(s, j - 1, CW_PREP, false)))
      continue;
    bool opens = j == coder_dateline_end(s);
    uint32_t from = opens ? t->end : 0, to = opens ? s->n : j;
    if (class_in(s, from, to, CW_CASUALTY) ||
        class_in(s, from, to, CW_ATTACK_REF) || class_in(s, from, to, CW_OCCUR))
      return false;
    for (size_t q = 0; q < s->n_trigs; q++)
      if (s->trigs[q].start >= from && s->trigs[q].start < to &&
          coder_violent_code(dict_verb_at(s->dict, s->trigs[q].verb)->code))
        return false;
    return true;
  }
  return false;
}

/* Does a date the text layer read start at token i ("أمس",
** "الأربعاء", "15 مارس")? */
static bool date_starts_at(const coder_sent *s, uint32_t i) {
  const txt_doc *d = s->doc;
  size_t at = (size_t)(s->toks - d->tokens) + i; /* doc token index */
  for (size_t x = 0; x < d->n_dates; x++)
    if (d->dates[x].sentence == s->index && d->dates[x].tok_start == at)
      return true;
  return false;
}

/* Is verb trigger t told as past already, in a clause that describes
** something: a pluperfect (كان ... قد right before it: "وكان مسلحون قد
** خطفوا"), a relative pronoun right before it ("الذي نفذ"), or an
** indefinite noun led by a preposition right before it, whose
** description it is ("أفرجوا عن سائحتين يابانيتين اختطفتا")?  A main
** verb tells the news, even after its subject ("إن مسلحين خطفوا"). */
static bool described_past(const coder_sent *s, const coder_trig *t) {
  if (!t->verbal || t->start == 0) return false;
  uint32_t b = t->start - 1;
  if (coder_tok_is(s, b, CW_REL, false)) return true;
  if (coder_tok_is(s, b, CW_QAD, false))
    return coder_class_before(s, b, CW_WAS, 4) != 0;
  if (coder_tok_has_clitic(s, t->start, TXT_CL_WA | TXT_CL_FA)) return false;
  for (uint32_t k = 1; k <= 3 && k <= t->start; k++) {
    uint32_t j = t->start - k;
    if (s->ct[j].punct || coder_tok_is(s, j, CW_COMP, false)) return false;
    if (coder_tok_is(s, j, CW_PREP, false))
      return k >= 2 && !coder_tok_definite(s, j + 1);
  }
  return false;
}

/* Is token i, after trigger t, "earlier" said of t's act?  The adverb
** سابقا, unless it follows a name that is not t's subject: there it
** means "formerly" ("على مواقع جبهة النصرة سابقا", "زائير سابقا").  Or
** "في وقت سابق" told of an act described as past (described_past:
** "اختطفتا في مأرب في وقت سابق") with no date or من after it: in wire
** copy the phrase alone ("وقصفت المدفعية في وقت سابق") and with a date
** ("في وقت سابق أمس", "في وقت سابق من الشهر الجاري") mostly places the act
** inside the news window. */
static bool earlier_after(const coder_sent *s, const coder_trig *t,
                          uint32_t i) {
  if (coder_tok_is(s, i, CW_EARLIER, false)) {
    uint32_t j = i;
    while (j > t->end && s->ct[j - 1].free && !s->ct[j - 1].count) j--;
    return j == i || j == t->end;
  }
  return i > 0 && coder_tok_is(s, i, CW_PREVIOUS, false) &&
         coder_tok_is(s, i - 1, CW_EARLIER_TIME_HEAD, false) &&
         described_past(s, t) && !date_starts_at(s, i + 1) &&
         !coder_tok_is(s, i + 1, CW_MIN, false);
}

/* Earlier: an act the sentence tells as done before the news is
** background, reported when it happened, whoever did it: سابقا at most
** four words before it ("شارك مع حماس سابقا في عملية خطف الجندي") or an
** "earlier" word (earlier_after) at most six after it in its clause
** ("هاجموا سابقا قافلة", "أفرجوا عن سائحتين اختطفتا في مأرب في وقت
** سابق"), "previous" right after its noun or after the noun that ends a
** verb's phrase ("التي نفذت عمليات انتحارية سابقة في لاهور", "شنت هجمات
** سابقة على دوريات الجيش"), or سبق with أن between it and the act at
** most ten words before ("وسبق لعدد من الناشطين أن نظموا مظاهرة").  A
** "former" that follows a person ("اغتيال رئيس الوزراء السابق") is
** not right after the act's noun, so it says nothing of the act. */
static bool coder_earlier_background(const coder_sent *s, const coder_trig *t) {
  uint16_t cl = s->ct[t->start].clause;
  if (coder_tok_is(s, t->end, CW_PREVIOUS, true)) return true;
  for (uint32_t k = t->end; k < t->end + 6 && k < s->n; k++) {
    if (s->ct[k].punct || s->ct[k].clause != cl) break;
    if (earlier_after(s, t, k)) return true;
  }
  bool comp = false;
  for (uint32_t k = 1; k <= 10 && k <= t->start; k++) {
    uint32_t j = t->start - k;
    if (s->ct[j].punct || s->ct[j].clause != cl) break;
    if (k <= 4 && coder_tok_is(s, j, CW_EARLIER, false)) return true;
    if (coder_tok_is(s, j, CW_COMP, false)) comp = true;
    if (comp && coder_tok_is(s, j, CW_PRECEDED, false)) return true;
  }
  return false;
}

/* Is token j a warning or a fear (class feared), or bare حذر read as the
** verb: opening its clause (first, after punctuation, a name, قد or a
** relative, or carrying و or ف: "وحذر الرئيس من"), not the adjective or
** noun after a noun ("هدوء حذر", "حالة من الحذر")? */
static bool warning_at(const coder_sent *s, uint32_t j) {
  if (coder_tok_is(s, j, CW_FEARED, false)) return true;
  if (!coder_tok_is(s, j, CW_FEARED_BARE, false) || coder_tok_definite(s, j)) return false;
  return j == 0 || s->ct[j - 1].punct || s->ct[j - 1].free ||
         coder_tok_has_clitic(s, j, TXT_CL_WA | TXT_CL_FA) ||
         coder_tok_is(s, j - 1, CW_QAD, false) || coder_tok_is(s, j - 1, CW_REL, false);
}

/* Are orders at token m carried out: a form of نفذ (class carry_out)
** before them, names between ("نفذت الطائرات الروسية أوامر بقصف")? */
static bool orders_done(const coder_sent *s, uint32_t m) {
  for (uint32_t j = m; j-- > 0 && m - j <= 6;) {
    if (coder_tok_is(s, j, CW_CARRY_OUT, false)) return true;
    if (!s->ct[j].free || s->ct[j].punct) return false;
  }
  return false;
}

/* Unrealized: a violent act that the word governing it says has not
** happened, whoever is named (the head-word counterpart of
** coder_unreal_attack's adjectives).  A foiling, an order or "about to"
** (class not_yet) at most three words before a violent noun ("أحبطت
** القوات احدى الهجمات", "تلقت اوامر «باطلاق النار»"), or right before a
** verbal noun the phrases read as a verb ("بصدد شن هجوم": V:شن * هجوم).
** Or a من at most three words before the noun, only indefinite words that
** are no preposition between, whose head earlier in its clause (at most
** fifteen words back) is a warning or a fear (class feared: "في وقت حذرت
** فيه الولايات المتحدة من «عمليات تطهير عرقي»", "تخوفا من وقوع هجمات",
** "وحذروا ...، بقتل جميع الرهائن ومن مجزرة").  The warning, order or
** foiling is the event.  events.c already drops a noun right after a
** warning verb (governor_of); here an addressee, a place or "the
** occurrence of" stand between.  A من with a definite word or a
** preposition after it ("من الجنود في هجوم") is no warning's, nor one
** after a count or the noun it counts ("ثلاثة أيام من الاشتباكات", after
** the adjective حذر, "cautious": "عاد هدوء حذر"; warning_at), nor one
** whose head search meets بعد, قبل or منذ first ("بعد يوم من اشتباكات":
** the من measures the time).  Orders carried out ("نفذت ... أوامر
** بقصف") are no unrealized act. */
static bool coder_unrealized(const coder_sent *s, const coder_trig *t) {
  if (!coder_sent_has(s, CW_FEARED, false) && !coder_sent_has(s, CW_FEARED_BARE, false) &&
      !coder_sent_has(s, CW_NOT_YET, false) && !coder_sent_has(s, CW_ORDERS, false))
    return false;
  /* a head takes a verbal noun, which the phrases may read as a verb
  ** ("بصدد شن هجوم": V:شن * هجوم) only right after it */
  if (t->verbal)
    return t->start > 0 && (coder_tok_is(s, t->start - 1, CW_NOT_YET, false) ||
                            (coder_tok_is(s, t->start - 1, CW_ORDERS, false) &&
                             !orders_done(s, t->start - 1)));
  uint16_t cl = s->ct[t->start].clause;
  for (uint32_t k = 1; k <= 3 && k <= t->start; k++) {
    uint32_t m = t->start - k;
    if (s->ct[m].punct) return false;
    if (coder_tok_is(s, m, CW_NOT_YET, false)) return true;
    if (coder_tok_is(s, m, CW_ORDERS, false)) return !orders_done(s, m);
    if (coder_tok_is(s, m, CW_MIN, false)) {
      if ((m > 0 && coder_tok_count(s, m - 1)) ||
          (m > 1 && coder_tok_count(s, m - 2)))
        return false;
      for (uint32_t j = m; j-- > 0 && m - j <= 15 && s->ct[j].clause == cl;) {
        if (coder_tok_is(s, j, CW_TEMPORAL, false)) return false;
        if (warning_at(s, j)) return true;
      }
      return false;
    }
    if (coder_tok_definite(s, m) || coder_tok_is(s, m, CW_PREP, false))
      return false;
  }
  return false;
}

/* Contract in coder.h.  The stem left when the text layer splits an
** object pronoun off ("خطفو" of "خطفوه") ends with the plural's و.  A
** word right after a number is the counted noun, whose accusative of
** eleven to ninety-nine may end the same way ("12 عضوا", "عشرين عدوا"). */
bool coder_tok_plural_verb(const coder_sent *s, uint32_t i) {
  if (i >= s->n) return false;
  const txt_token *w = &s->toks[i];
  const char *n = txt_tok_norm(s->doc, w);
  if (w->norm_len >= 4 && !(i > 0 && s->ct[i - 1].count) &&
      memcmp(n + w->norm_len - 4, "\xd9\x88\xd8\xa7", 4) == 0) /* وا */
    return true;
  const coder_tok *t = &s->ct[i];
  for (uint8_t k = 0; k < t->nk; k++) {
    const coder_key *y = &t->keys[k];
    if ((y->cl & TXT_CL_ENC) && y->len >= 4 &&
        memcmp(y->s + y->len - 2, "\xd9\x88", 2) == 0) /* و */
      return true;
  }
  return false;
}

/* Contract in coder.h.  A count or quantity word at most three tokens
** after a finite verb is its counted object ("وخطفت الحركة عشرات
** العاملين", "فجر المهاجمون 3 قنابل"): a concrete act, which anchors a
** doer the dictionary does not know as a casualty count does.  The count
** may stand inside the phrase's gap, right after the verb ("تجمع آلاف
** المتظاهرين", "أطلق المسلحون 3 صواريخ"). */
bool coder_counted_object(const coder_sent *s, const coder_trig *t) {
  for (uint32_t k = t->first_end; t->verbal && k < t->end + 3 && k < s->n; k++)
    if ((k < t->first_end + 3 || k >= t->end) &&
        coder_tok_count(s, k))
      return true;
  return false;
}

/* Contract in coder.h.  Rules that only concern violence (roots 18-20)
** are asked about violent codes only; a named doer keeps a violent noun
** after a cause connective or a condolence ("إثر القصف الإسرائيلي") or
** after a toll (coder_casualty_report), a known attack told in the
** imperfect, rocket fire aimed at a named target and a violent or protest
** verb after بعد أن. */
bool coder_vetoed(const coder_sent *s, const coder_trig *t, const char *code,
                  const char *src, unsigned mode) {
  if (coder_violent_code(code) &&
      (coder_legal_frame(s, t) || coder_threat_content(s, t) ||
       coder_habitual_list(s, t) || coder_imperfect_harm(s, t) ||
       coder_unreal_attack(s, t) || coder_ago_background(s, t) ||
       coder_known_attack(s, t, src) ||
       coder_generic_fire(s, t, src) || coder_described_victim(s, t) ||
       coder_casualty_report(s, t, src) ||
       coder_when_background(s, t) || coder_unrealized(s, t) ||
       (!src && (coder_cause_background(s, t) ||
                 coder_condolence_frame(s, t)))))
    return true;
  if (memcmp(code, "190", 3) == 0 && coder_verbal_attack(s, t)) return true;
  if ((coder_violent_code(code) || memcmp(code, "14", 2) == 0) &&
      ((!src && coder_temporal_background(s, t)) ||
       coder_earlier_background(s, t)))
    return true;
  return coder_unarmed_control(code, src) ||
         coder_alleged_abuse(s, code, mode) ||
         coder_state_protest(s, t, code, src);
}
