/*
** events.c: event triggers, modes and source/target of one sentence
** (src/coder, stage 3).
**
** Triggers: at each token the longest verbs.txt phrase wins; the words of
** a trigger (and phrases inside its gaps) start no other trigger; a `*` gap
** skips up to three words besides actor names, dates and commas.  A
** discard.txt phrase anywhere mutes the sentence (not one a watching
** word governs: "حشودا كانت تتابع المباراة"); the first places.txt
** phrase is the sentence's location.  Clauses: . ! ? ؛ : end a clause, and
** so does the complementizer أن/إن after a speech or accusation verb, so
** the reported clause finds its own actors.  Per trigger:
**   - dropped when negated (لم لن لا ليس عدم نفى رفض دون within two words,
**     ما right before unless هو/هي precede it: "وهو ما نفته باريس" is
**     a denial), a verb in a relative clause (after الذي/التي:
**     background), hypothetical (يمكن ربما من شأن منع تهديد هل ...
**     within four words, or a question), or when it is a noun governed by
**     a negated trigger or a wish/demand/threat/warning right before it
**     ("هددت ... بقصف": the threat is the event);
**   - modes: future (س- on the verb, سوف, من المقرر, يعتزم, سيتم),
**     conditional (إذا, لو, في حال earlier in the clause; an act inside
**     the condition, no comma between, is dropped), reported (after
**     a `say` or 11x trigger), historical (coder.c);
**   - verbs: a subject right before the verb, else VSO (the first actor
**     within six words after it, not behind a preposition; لل after a head
**     noun is a genitive), else SVO (the nearest actor before it in the
**     clause); the target is the actor after a tgt= preposition (مع for
**     mutual), else the next direct object (not behind في/من/عن, not an
**     instrument with ب, not the doer of another noun); `passive` swaps;
**   - nouns: the doer is the actor right after the noun ("قصف أذري"), else
**     the one just before it, else the subject of a support verb (نفذ شن
**     أجرى ...); the target follows على/ضد/tgt=;
**   - mediation (045) without target: the sentence's compound actor;
**     mutual verbs, and cooperative codes 03-08, with a compound subject
**     and no target: every ordered pair; violent events with no target:
**     the state of a place named after the trigger.
** Precision decisions (an analyst's event list, not a keyword index):
**   - a violent noun (roots 18-20) is an event only when the sentence
**     states casualties, when it is the content of an accusation with a
**     doer, or when its doer follows it and it has a target or place;
**     other nouns need a doer;
**   - a violent or protest noun after an inquiry/case/charge/trial/"since"
**     word is background ("التحقيق في اغتيال", "منذ اغتيال"); a doerless
**     violent noun or a bare verbal noun ("من قتل وذبح وخطف") in a
**     و-list of crimes names kinds of violence; a clause opened by هل
**     is a question; a perfect verb carrying ب/ك/ال (or ل before a
**     non-imperfect) is read as its verbal noun ("لفرض حصار");
**   - the VSO subject of a verb is not the doer of its object noun
**     ("أدانت مصر الهجوم"); an actor inside "إلى مقر X" is no subject;
**   - a repression trigger naming a protest ("فرقت الشرطة مظاهرة") also
**     gives the protest (141) when the sentence has none;
**   - no event has source == target; an event with no source is dropped,
**     except protest (14: the place's state, or the states named after
**     في) and violence (source "---") when a target, casualties or a place
**     anchor it; a "---" event is dropped when the sentence has an event
**     of the same quad class with a known source.
*/
#include "coder.h"

#include <assert.h>
#include <limits.h>
#include <string.h>

#define MAX_MEMBERS 8

typedef struct member {
  const coder_actor *a;
  const char *code;
} member;

/* Is code an armed force: a state's army, police or intelligence, a
** rebel or militant group, or an international militarized group? */
bool coder_armed_force(const char *code) {
  return memcmp(code, "IMG", 3) == 0 ||
         coder_role_in(code, "MIL COP REB SPY UAF");
}

/* Is token i the preposition بين ("between")? */
static bool is_bayn(const coder_sent *s, uint32_t i) {
  return coder_tok_word(s, i, "\xd8\xa8\xd9\x8a\xd9\x86");
}

/* Does token i end in ين, the oblique ending of duals and plurals
** ("الطرفين", "مسلحين")? */
static bool oblique_ending(const coder_sent *s, uint32_t i) {
  return txt_tok_ends(s->doc, &s->toks[i], "\xd9\x8a\xd9\x86"); /* ين */
}

/* Is actor a, in the genitive right after the noun of hostile act v, the
** one the act is done to?  A person (named, or by a title) or civilians
** after a noun of force (17-20) are its object: "اغتيال هنية", "اعتقال
** رئيس الوزراء", "استهداف المدنيين"; a force or a state there is its
** doer ("قصف الجيش", "هجوم إسرائيل").  A phrase flagged `object` always
** takes its object there ("تعليق عضوية سوريا"). */
static bool objective_genitive(const coder_sent *s, const dict_verb *v,
                               const coder_actor *a) {
  size_t n = strlen(a->code);
  if (v->flags & DICT_F_OBJECT) return true; /* verbs.txt says so */
  return coder_hostile_code(v->code) &&
         !(v->flags & (DICT_F_MUTUAL | DICT_F_PASSIVE)) &&
         (a->person || coder_tok_is(s, a->start, CW_TITLE, false) ||
          (n >= 3 && coder_streq(a->code + n - 3, "CVL")));
}

/* Does an armed force in the nominative start right after token `end`,
** or after a date there ("قتلت قوات الأمن ...", "قتلت أمس الشرطة ...")?  A plural
** in ـين ("قتل خمسة مسلحين") or a count right after the verb ("قتل ثلاثة
** جنود سودانيين") is the passive's victims, not a subject.
** Actors are in token order.  SVO: an armed force right before the verb
** at `start`, not behind a preposition, is its subject too ("إن القوات
** الأميركية قتلت 11 مسلحا", "أن مسلحين قتلوا"), but a named person
** there is the passive's victim ("إن هنية قتل في غارة"); after أنه/أنها
** the speaking force is. */
static bool force_subject(const coder_sent *s, uint32_t start, uint32_t end) {
  /* "أعلن الجيش التشادي أنه قتل أكثر من 300 من المتمردين": after أنه
  ** the speaker is the subject when it is an armed force */
  if (start > 0 && coder_tok_is(s, start - 1, CW_COMP_PRONOUN, true))
    for (size_t x = 0; x < s->n_actors && s->actors[x].end < start; x++)
      if (coder_armed_force(s->actors[x].code) && !s->actors[x].person &&
          !(s->actors[x].start > 0 &&
            coder_tok_is(s, s->actors[x].start - 1, CW_PREP, false)) &&
          (x + 1 == s->n_actors || s->actors[x + 1].end >= start))
        return true;
  for (size_t x = 0; x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (a->end == start && coder_armed_force(a->code) && !a->person &&
        !(a->start > 0 && coder_tok_is(s, a->start - 1, CW_PREP, false)))
      return true;
    if (a->start < end) continue;
    if (end < s->n && coder_tok_count(s, end)) return false;
    bool oblique = oblique_ending(s, a->start);
    bool next = a->start == end || (a->start == end + 1 && s->ct[end].free);
    return next && !oblique && coder_armed_force(a->code);
  }
  return false;
}

/* Does the match of phrase p over tokens [i, end) skip a complementizer
** (أن إن بأن) in one of its gaps?  Then its words lie in two clauses:
** "أعلن لافروف أن أرمينيا وأذربيجان اتفقتا على وقف إطلاق النار" is a
** statement and an agreement, not Lavrov declaring a ceasefire.  When
** the phrase begins with علق/تعليق (grammar class comment_word), على in
** a gap skips too: "وعلقت الخارجية الصينية على المناورات" comments on the
** drills, it does not suspend them. */
static bool gap_skips(const coder_sent *s, const dict_phrase *p, uint32_t i,
                      uint32_t end, const uint32_t *pos) {
  bool comment = coder_tok_is(s, i, CW_COMMENT_WORD, true);
  if (!comment && !coder_sent_has(s, CW_COMP, false)) return false;
  uint8_t w = 0;
  for (uint32_t k = i; k < end; k++) {
    while (w < p->n_words && (p->words[w].gap || pos[w] < k)) w++;
    if (w < p->n_words && pos[w] == k) continue; /* a phrase word */
    if (coder_tok_is(s, k, CW_COMP, false) ||
        (comment && coder_tok_word(s, k, "\xd8\xb9\xd9\x84\xd9\x8a"))) /* على */
      return true;
  }
  return false;
}

/* Is actor a in a clause opened by a subordinator ("ومن جدة، حيث التقى
** ولي العهد، وصف بومبيو")?  Such a clause's subject does not go on into
** the main clause after it. */
static bool subordinate(const coder_sent *s, const coder_actor *a) {
  return coder_class_before(s, a->start, CW_SUBORD, 6) > 0;
}

/* See coder.h. */
void coder_actor_index(coder_sent *s) {
  uint32_t i = 0, n = s->n;
  for (size_t x = 0; x < s->n_actors; x++)   /* the tokens up to its start */
    for (uint32_t start = s->actors[x].start; i <= start && i < n; i++)
      s->ct[i].actor_from = (uint32_t)x;
  s->actor_index_end = i;
}

/* Does an actor mention that starts before token i cover it ("طائرات
** تحالف تقوده واشنطن")?  A place there names the actor, not where the
** event happens. */
static bool in_actor_name(const coder_sent *s, uint32_t i) {
  size_t x = coder_first_actor(s, i);
  return x > 0 && s->actors[x - 1].end > i;
}

/* Is the place at token i named as an actor rather than where the event
** happens: a capital standing for its government, with no preposition
** ("وطالب أردوغان واشنطن بتسليم غولن")?  Not the dateline (token 0), nor
** a place in a list ("في عمان والرباط وبغداد"), nor one with ب on it or a
** preposition on either of the two words before it ("بالعاصمة باماكو",
** "في العاصمة الكونغولية كينشاسا"); with ل it is whom something is for or
** against ("هتافات معادية لكيغالي"). */
static bool place_as_actor(const coder_sent *s, uint32_t i) {
  const unsigned prep_clitic = TXT_CL_BI | TXT_CL_LI | TXT_CL_KA;
  size_t x = coder_first_actor(s, i);
  if (i == 0 || x == s->n_actors || s->actors[x].start != i ||
      (x > 0 && s->actors[x - 1].end == i && (s->actors[x].cl0 & TXT_CL_WA)) ||
      (s->actors[x].cl0 & (TXT_CL_BI | TXT_CL_KA)))
    return false;
  for (uint32_t k = i; k-- > 0 && k + 2 >= i;)
    if (coder_tok_is(s, k, CW_PREP, false) ||
        coder_tok_has_clitic(s, k, prep_clitic))
      return false;
  return true;
}

/* A target member that stands for no one (an unclaimed attack's
** protest): push turns it into a NULL target and CODER_MODE_AIMLESS.
** Compared by address; 4 bytes, as the member checks read a code's first
** 3 bytes. */
static const char no_one[4] = "";

/* Is token i, whose reading after the future س is w[0..n) (the imperfect
** prefix ي ت or ن first), a noun or a name all the same?  An imperfect
** stem never opens with a bare ا: only a hamza does ("سيأخذ", "ستأتي",
** normalized to ا), so with no أ إ آ written "سياسي", "سيادتها", "سياق"
** and "ستانيسلاف" are no verbs; nor does it end in the adverbial يا
** ("سياسيا", "سنويا", "سيبيريا"), or in a bare ا with no hamza written
** ("سيرا على الأقدام"; the indicative keeps its ن: "سيعودان", and
** "ستبدأ" ends in a hamza), unless that ا is the object pronoun ها or
** نا ("ستعاقبها", "سيواجهنا"); nor in و after a long vowel and one
** consonant: a verb ends in و right after its root's two consonants
** ("سيدعو", "سينجو"), a foreign name in انو, ينو, ونو ("الجنرال
** ستيفانو دل كول", "سيلفينو"). */
static bool sa_noun(const coder_sent *s, uint32_t i, const char *w, size_t n) {
  if (n >= 4 && memcmp(w + n - 4, "\xd9\x8a\xd8\xa7", 4) == 0) return true; /* يا */
  if (n >= 6 && memcmp(w + n - 2, "\xd9\x88", 2) == 0 &&          /* و */
      (memcmp(w + n - 6, "\xd8\xa7", 2) == 0 ||                   /* ا */
       memcmp(w + n - 6, "\xd9\x88", 2) == 0 ||                   /* و */
       memcmp(w + n - 6, "\xd9\x8a", 2) == 0))                    /* ي */
    return true;
  bool alif_end = memcmp(w + n - 2, "\xd8\xa7", 2) == 0 &&        /* ا */
                  !(n >= 4 && (memcmp(w + n - 4, "\xd9\x87", 2) == 0 ||  /* ها */
                               memcmp(w + n - 4, "\xd9\x86", 2) == 0));  /* نا */
  if (!alif_end && (n < 4 || memcmp(w + 2, "\xd8\xa7", 2) != 0)) return false;
  const txt_token *t = &s->toks[i];
  const unsigned char *o = (const unsigned char *)s->doc->text + t->orig_start;
  for (uint32_t k = 0; k + 1 < t->orig_len; k++)
    if (o[k] == 0xd8 && (o[k + 1] == 0xa2 || o[k + 1] == 0xa3 || o[k + 1] == 0xa5))
      return false; /* آ أ إ */
  return true;
}

/* Is token i a verb with the future prefix س ("ستقدم", "سيدعو") that no
** grammar class claims (not سيكون, not a modal or negation), outside any
** actor, date or number?  After س an imperfect starts with ي, ت or ن and
** ends in neither ة (read ه) nor ات: "سيادة", "ساعات" and "سنوات" are
** nouns (so are the words sa_noun finds). */
static bool future_verb(const coder_sent *s, uint32_t i) {
  const coder_tok *c = &s->ct[i];
  /* cl_any first: few tokens carry س (coder_triggers tests it inline) */
  if (!(c->cl_any & TXT_CL_SA) || c->free || c->punct || !dict_cls_empty(c->cls_any))
    return false;
  for (uint8_t k = 0; k < c->nk; k++) {
    const char *w = c->keys[k].s;
    size_t n = c->keys[k].len;
    if (!(c->keys[k].cl & TXT_CL_SA) || !(c->keys[k].ok & CODER_K_VERB) || n < 6)
      continue;
    bool prefix = memcmp(w, "\xd9\x8a", 2) == 0 ||   /* ي */
                  memcmp(w, "\xd8\xaa", 2) == 0 ||   /* ت */
                  memcmp(w, "\xd9\x86", 2) == 0;     /* ن */
    bool noun_end = memcmp(w + n - 2, "\xd9\x87", 2) == 0 ||   /* ه */
                    memcmp(w + n - 4, "\xd8\xa7\xd8\xaa", 4) == 0; /* ات */
    if (prefix && !noun_end && !sa_noun(s, i, w, n)) return true;
  }
  return false;
}

/* "وأعلنت الرئاسة الفلسطينية في بيان رفضها": a statement noun right after
** a statement verb and its subject ("في بيان") only says where the verb's
** statement was made; it is dropped, so the act the verb announces
** follows the verb.  Alone ("وجاء في بيان للوزارة أن") it is the
** statement. */
static void drop_venues(coder_sent *s) {
  size_t w = 0;
  for (size_t k = 0; k < s->n_trigs; k++) {
    const coder_trig *t = &s->trigs[k];
    const coder_trig *p = w ? &s->trigs[w - 1] : NULL;
    bool venue = p && !t->verbal && p->verbal &&
                 (dict_verb_at(s->dict, t->verb)->flags & DICT_F_SAY) &&
                 (dict_verb_at(s->dict, p->verb)->flags & DICT_F_SAY) &&
                 s->ct[p->start].clause == s->ct[t->start].clause;
    for (uint32_t i = p ? p->end : 0; venue && i < t->start; i++)
      venue = s->ct[i].free;
    if (!venue) s->trigs[w++] = *t;
  }
  s->n_trigs = w;
}

/* "ستواصل تقديم المساعدات إلى السودان": a bare planned verb of one word
** coded as a mere intent (030, intent.continue.i "ستواصل") yields to
** the act named right after it, which is what is planned and keeps its
** own code as an intent (033 here); alone ("ستواصل شرح موقفها") it is
** the intent. */
static void drop_bare_plans(coder_sent *s) {
  size_t w = 0;
  for (size_t k = 0; k < s->n_trigs; k++) {
    const coder_trig *t = &s->trigs[k];
    const dict_verb *v = dict_verb_at(s->dict, t->verb);
    bool bare = t->end == t->start + 1 && (v->flags & DICT_F_PLANNED) &&
                coder_streq(v->code, "030") && k + 1 < s->n_trigs &&
                s->trigs[k + 1].start == t->end;
    if (!bare) s->trigs[w++] = *t;
  }
  s->n_trigs = w;
}

/* Contract in coder.h.  The words of a trigger (not its gaps) start no
** other trigger, except the last word of an accusation phrase. */
int coder_triggers(coder_sent *s, wa_arena *ar) {
  coder_actor_index(s);
  s->trigs = arena_alloc(ar, (s->n ? s->n : 1) * sizeof *s->trigs);
  uint32_t *used = arena_calloc(ar, s->n ? s->n : 1, sizeof *used);
  if (!s->trigs || !used) return WASIT_ENOMEM;
  s->n_trigs = 0;
  uint32_t span_end = 0;  /* end of the triggers so far */
  uint32_t nest_tok = UINT32_MAX; /* last word of an accusation trigger */
  uint32_t nest_end = 0;  /* where an accusation's first gap lands (its
                          ** first word after the gap), or 0 */
  uint32_t watched_end = 0; /* the end of a discard phrase watched, or 0 */
  /* most tokens are the first word of no phrase but an actor's, and
  ** carry no س: nothing below would happen at them (coder_visit; the
  ** list's length is read once, as in coder_actors) */
  const uint32_t *trig_at = coder_visit(s, CODER_VISIT_TRIG);
  uint32_t n_trig = s->n_visit[CODER_VISIT_TRIG];
  for (uint32_t v = 0; v < n_trig; v++) {
    uint32_t i = trig_at[v];
    const coder_tok *t = &s->ct[i];
    coder_trig best = {0};
    const dict_phrase *bp = NULL;
    uint32_t pos[256], best_pos[256];
    if (t->cands & CODER_C_OTHER) {
      uint64_t next[DICT_ON_COUNT];
      coder_next_filters(s, i, next);
      /* what the gaps at i offer the last next word asked for */
      coder_lands lands = {.key = DICT_NO_KEY};
      for (uint8_t k = 0; k < t->nk; k++) {
        dict_hits h = t->keys[k].hits;
        for (size_t x = h.n_act; x < h.n; x++) {   /* all but the actors */
          if (!(next[h.cands[x].on] & h.cands[x].next)) continue;
          const dict_phrase *p = dict_phrase_at(s->dict, h.cands[x].id);
          uint32_t fe;
          uint8_t cl0;
          if (p->cat == DICT_C_PLACE &&
              (s->place || s->ct[i].inert || in_actor_name(s, i) || place_as_actor(s, i)))
            continue;
          if (p->cat == DICT_C_DISCARD && s->discard) continue;
          /* a phrase on a gap whose landings cannot hold its next words
          ** fails in coder_match_at whatever its first word: skip it */
          if (!coder_first_gap_lands(s, p, i, &lands)) continue;
          /* the test above was coder_match's filters */
          uint32_t end = coder_match_at(s, p, i, k, &fe, &cl0, pos);
          /* a phrase without gaps skips nothing: its words (a cache miss)
          ** are not read */
          if (!end || (p->first_run < p->n_words &&
                       gap_skips(s, p, i, end, pos)))
            continue;
          /* "حفظه الله ورعاه": a name's courtesy, no sponsorship */
          if (p->cat == DICT_C_VERB && t->honor) continue;
          /* "رفضا للعقوبات", "احتجاجا على": why an act is done */
          if (p->cat == DICT_C_VERB && coder_tok_is(s, i, CW_ADVERBIAL, false))
            continue;
          /* "قتلت قوات الأمن ستة متشددين" is active, "قتل 18 متظاهرا"
          ** passive: a `forces` pattern needs an armed force as subject */
          if (p->cat == DICT_C_VERB &&
              (dict_verb_at(s->dict, p->ref)->flags & DICT_F_FORCES) &&
              !force_subject(s, i, end))
            continue;
          /* "وسترد بقوة" is a threat, "ترد بقوة على الانتقادات" an answer:
          ** a `planned` pattern needs س on its verb or سوف before it */
          if (p->cat == DICT_C_VERB &&
              (dict_verb_at(s->dict, p->ref)->flags & DICT_F_PLANNED) &&
              !(cl0 & TXT_CL_SA) && !(i > 0 && coder_tok_is(s, i - 1, CW_FUTURE, false)))
            continue;
          if (p->cat == DICT_C_PLACE) {
            s->place = dict_place_at(s->dict, p->ref);
            s->place_tok = i;
            s->place_cl0 = cl0;
          } else if (p->cat == DICT_C_DISCARD) {
            /* "تبنت الحركة التفجيرين اللذين استهدفا حشودا كانت تتابع
            ** المباراة النهائية لكأس العالم": a match watched, with its
            ** adjective and genitive, is where the victims were; the claim
            ** and the bombing are the news */
            if ((i > 0 && coder_tok_is(s, i - 1, CW_WATCH, false)) ||
                (watched_end && i <= watched_end + 1 && coder_no_punct(s, watched_end, i)))
              watched_end = end;
            else
              s->discard = true;
          } else if (i != nest_tok && !(!used[i] && end == nest_end) &&
                     (used[i] || end <= span_end)) {
            continue; /* a word of a trigger, or inside one's gap */
          } else if (!bp || end > best.end ||
                     (end == best.end && p->n_words > bp->n_words) ||
                     (end == best.end && p->n_words == bp->n_words &&
                      p->verbal > bp->verbal)) {
            bp = p;
            best = (coder_trig){i, end, fe, p->ref,
                                p->w0_verbal == 2 ? 2 : p->verbal,
                                (cl0 & TXT_CL_SA) ? 1 : 0, cl0, p->ref};
            memcpy(best_pos, pos, p->n_words * sizeof *pos);
          }
        }
      }
    }
    /* future_verb's first test comes first: few tokens carry س */
    if (!bp && (t->cl_any & TXT_CL_SA) && s->future_verb && i >= span_end &&
        !used[i] && future_verb(s, i)) {
      /* a plan no phrase names ("إن أنقرة ستقدم ملفا"): an intent (030)
      ** of the verb's subject, found as for any verb */
      uint32_t fv = s->future_verb - 1;
      s->trigs[s->n_trigs++] = (coder_trig){i, i + 1, i + 1, fv, 1, 1,
                                            s->ct[i].nk ? s->ct[i].keys[0].cl : 0,
                                            fv};
      span_end = i + 1;
      continue;
    }
    if (bp) {
      /* every word of the trigger (not its gaps) is used up to its end */
      for (uint8_t w = 0; w < bp->n_words; w++)
        if (!bp->words[w].gap) used[best_pos[w]] = best.end;
      s->trigs[s->n_trigs++] = best;
      if (best.end > span_end) span_end = best.end;
      /* "اتهمت X Y بقصف ...": the accused act at the end of an accusation
      ** phrase is also an event of its own (reported); so is the act
      ** described right before the gap's landing ("ووصف المتحدث ... قرار
      ** الرياض قطع العلاقات بأنه محاولة": Riyadh broke relations) */
      if (memcmp(dict_verb_at(s->dict, best.verb)->code, "11", 2) == 0 &&
          best.end - 1 > i) {
        nest_tok = best.end - 1;
        uint32_t w = bp->first_run;
        while (w < bp->n_words && bp->words[w].gap) w++;
        if (w < bp->n_words) nest_end = best_pos[w];
      }
    }
  }
  /* the match watched is only the setting of an assault or of deaths
  ** ("فجر انتحاري نفسه وسط حشد كان يشاهد المباراة، مما أسفر عن مقتل"); a
  ** match report that tells its crowd ("أمام آلاف المشجعين الذين حضروا
  ** لمشاهدة المباراة") is still sport, its "هاجم لاعبو الأهلي الحكم" play */
  bool harm = coder_sent_has(s, CW_CASUALTY, true);
  for (size_t k = 0; k < s->n_trigs && !harm; k++)
    harm = memcmp(dict_verb_at(s->dict, s->trigs[k].verb)->code, "18", 2) == 0;
  if (watched_end && !harm) s->discard = true;
  drop_venues(s);
  drop_bare_plans(s);
  return WASIT_OK;
}

/* ------------------------------------------------------------ helpers */

typedef struct evctx {
  coder_sent *s;
  const coder_ctx *ctx;
  wa_arena *ar;
  uint8_t *trig_tok;     /* 1 + trigger index at a trigger's words */
  size_t first_say;      /* first non-negated say/11x trigger, or SIZE_MAX */
  uint8_t *question;     /* per clause: it ends with a question mark */
} evctx;

static bool same_clause(const coder_sent *s, uint32_t a, uint32_t b) {
  return a < s->n && b < s->n && s->ct[a].clause == s->ct[b].clause;
}

/* Is there another trigger starting in tokens [from, to)? */
static bool trigger_between(const evctx *e, uint32_t from, uint32_t to,
                            const coder_trig *self) {
  for (uint32_t i = from; i < to && i < e->s->n; i++)
    if (e->trig_tok[i] && &e->s->trigs[e->trig_tok[i] - 1] != self) return true;
  return false;
}

/* The same for verb triggers only: a noun between a verb and its object
** ("هجوما بمئات الطائرات المسيرة ... على إسرائيل") does not close it. */
static bool verb_between(const evctx *e, uint32_t from, uint32_t to,
                         const coder_trig *self) {
  /* "ستواصل دعم الحكومة": a planned act's object noun read as a verb
  ** (دعم) is what is planned, not a verb of its own */
  bool plan = self->fired + 1 == e->s->future_verb;
  for (uint32_t i = from; i < to && i < e->s->n; i++)
    if (e->trig_tok[i]) {
      const coder_trig *o = &e->s->trigs[e->trig_tok[i] - 1];
      if (o != self && o->verbal && !(plan && o->start == self->end))
        return true;
    }
  return false;
}

/* Does a locative noun put actor a in a place phrase: "وسط بغداد",
** "شمال سوريا", "على الحدود مع موريتانيا"?  Then it is where, not who
** or whom. */
static bool border_place(const coder_sent *s, const coder_actor *a);

static bool locative_place(const coder_sent *s, const coder_actor *a) {
  if (a->start == 0) return false;
  return coder_tok_is(s, a->start - 1, CW_LOCATIVE, false) || border_place(s, a);
}

/* Is actor a after مع that belongs to a locative ("على الحدود مع
** موريتانيا")? */
static bool border_place(const coder_sent *s, const coder_actor *a) {
  return a->start >= 2 && coder_tok_is(s, a->start - 1, CW_MAA, false) &&
         coder_tok_is(s, a->start - 2, CW_LOCATIVE, false);
}

/* Is actor a counted by a partitive من ("ثلاثة من مقاتلي الحزب", "عشرات
** الآلاف من اللبنانيين")?  It is then the phrase's head, not behind a
** preposition. */
static bool partitive(const coder_sent *s, const coder_actor *a) {
  /* "اجتماعا مع ممثلين عن أوكرانيا": a government's representatives are
  ** that government */
  if (a->start >= 2 && strlen(a->code) == 6 && coder_streq(a->code + 3, "GOV") &&
      coder_tok_is(s, a->start - 2, CW_REPRESENTATIVE, true) &&
      coder_tok_is(s, a->start - 1, CW_NOT_TGT, false) && !s->ct[a->start - 1].free)
    return true;
  if (a->start < 2 || !coder_tok_is(s, a->start - 1, CW_MIN, false)) return false;
  /* (a counted noun may stand between: "مئتي شخص من المعتصمين") */
  return coder_tok_count(s, a->start - 2) ||
         (a->start >= 3 && coder_tok_count(s, a->start - 3) &&
          !s->ct[a->start - 2].free && !s->ct[a->start - 2].punct);
}

static bool behind_prep(const coder_sent *s, const coder_actor *a) {
  if (a->cl0 & (TXT_CL_BI | TXT_CL_LI | TXT_CL_KA)) return true;
  if (a->start == 0) return false;
  if (locative_place(s, a)) return true;
  /* "في العاصمة الكونغولية كينشاسا": a name after a placed adjective;
  ** "في العاصمة القطرية الدوحة": or after a placed capital phrase */
  if (a > s->actors && a[-1].end == a->start && a[-1].start > 0 &&
      ((a[-1].adj_only && coder_tok_is(s, a[-1].start - 1, CW_LOCATIVE, false)) ||
       (a[-1].capital && coder_tok_is(s, a[-1].start - 1, CW_PREP, false))))
    return true;
  if (!coder_tok_is(s, a->start - 1, CW_PREP, false)) return false;
  /* partitive من after a quantity is no preposition of the subject:
  ** "تظاهر عشرات الآلاف من اللبنانيين" */
  return !partitive(s, a);
}

/* Is actor a, taken as the doer of verb trigger t, the one t's act is
** done to: behind a preposition, or after a word with ب between t and a
** ("واتصل مراسلنا بالمتحدث باسم الشرطة المصرية")? */
static bool called_as_doer(const coder_sent *s, const coder_trig *t,
                           const coder_actor *a) {
  if (behind_prep(s, a)) return true;
  for (uint32_t k = t->end; k < a->start; k++)
    if (coder_tok_has_clitic(s, k, TXT_CL_BI)) return true;
  return false;
}

/* Is actor x in a place phrase: after في, or after a locative noun
** ("في العاصمة الكونغولية كينشاسا", "وسط بغداد")? */
static bool placed(const coder_sent *s, int x) {
  const coder_actor *a = &s->actors[x];
  if (a->start == 0) return false;
  if (coder_tok_is(s, a->start - 1, CW_FI, false)) return true;
  return behind_prep(s, a) && !(a->cl0 & (TXT_CL_BI | TXT_CL_LI | TXT_CL_KA)) &&
         !coder_tok_is(s, a->start - 1, CW_PREP, false);
}

/* Is actor a "the two parties" word in the oblique dual ("الطرفين",
** "البلدين"; the nominative is الطرفان)?  It is an object, never the
** subject: "ودعا الطرفين إلى ..." has the subject of the verb before. */
static bool oblique_parties(const coder_sent *s, const coder_actor *a) {
  return a->parties && oblique_ending(s, a->end - 1);
}

/* Index of the first actor starting in [from, from+win] in the clause of
** token `clause_tok`, with no other trigger before it; -1 if none. */
static int actor_after(const evctx *e, uint32_t from, uint32_t win,
                       uint32_t clause_tok, const coder_trig *self) {
  const coder_sent *s = e->s;
  for (size_t x = coder_first_actor(s, from); x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (a->start > from + win || !same_clause(s, a->start, clause_tok)) return -1;
    if (self && a->end > self->start &&
        (a->start < self->first_end ||
         (a->start <= self->end - 1 && a->end > self->end - 1)))
      continue; /* overlaps the trigger's own words */
    if (trigger_between(e, from, a->start, self)) return -1;
    return (int)x;
  }
  return -1;
}

/* Index of the last actor ending in [to-win, to] in the same clause, with
** no other trigger between; -1 if none. */
static int actor_before(const evctx *e, uint32_t to, uint32_t win,
                        const coder_trig *self) {
  const coder_sent *s = e->s;
  for (size_t x = coder_first_actor(s, to); x-- > 0;) {
    const coder_actor *a = &s->actors[x];
    if (a->end > to) continue;
    if (a->end + win < to || !same_clause(s, a->end - 1, to)) return -1;
    if (trigger_between(e, a->end, to, self)) return -1;
    return (int)x;
  }
  return -1;
}

/* The traveller a clause opened by حيث at token at goes on with ("وصل
** وزير الخارجية الإسباني إلى لا باز حيث التقى"): the last actor within
** fifteen tokens before it that has a role (a bare state is where he
** went: "أن يزور البابا أربيل والموصل") and is not behind a preposition;
** -1 if none. */
static int traveller_before(const coder_sent *s, uint32_t at) {
  for (size_t x = coder_first_actor(s, at); x-- > 0;) {
    const coder_actor *a = &s->actors[x];
    if (a->end + 15 < at) return -1;
    if (strlen(a->code) <= 3 || behind_prep(s, a) || placed(s, (int)x)) continue;
    return (int)x;
  }
  return -1;
}

/* "لكن المدير العام لصندوق النقد الدولي رودريغو راتو طالب الصين": an
** office holder whose name (coder_title_name_end) ends right before verb
** trigger t is its subject; name_office_holders joins a name to its
** mention only before a clause mark, a date or another actor.  Returns
** him, or -1. */
static int named_holder_before(const evctx *e, const coder_trig *t) {
  int x = actor_before(e, t->start, 3, t);
  return x >= 0 && coder_title_name_end(e->s, (size_t)x) == t->start ? x : -1;
}

static int group_first(const coder_sent *s, int x);

/* Is the article's pair of parties itself named as a compound in
** sentence s ("ودعت الولايات المتحدة والصين البلدين")?  Then البلدين
** means others: the principal countries. */
static bool parties_named(const coder_sent *s, const coder_ctx *ctx) {
  for (size_t i = 0; i < s->n_actors; i++)
    for (size_t j = 0; j < s->n_actors; j++)
      if (s->actors[i].group == s->actors[j].group &&
          coder_streq(s->actors[i].code, ctx->parties[0]) &&
          coder_streq(s->actors[j].code, ctx->parties[1]))
        return true;
  return false;
}

/* The states named by the actors of s that end by token `before` (not
** "البلدين" itself, nor a place: "في فندق ..."), into out in order of
** mention; returns how many, 3 for more than two. */
static int states_named(const coder_sent *s, uint32_t before, char out[2][4]) {
  int n = 0;
  for (size_t i = 0; i < s->n_actors && s->actors[i].end <= before; i++) {
    const coder_actor *a = &s->actors[i];
    if (a->parties || !coder_state_prefix(a->code) || placed(s, (int)i)) continue;
    int k = 0;
    while (k < n && k < 2 && memcmp(out[k], a->code, 3) != 0) k++;
    if (k < n) continue;
    if (n == 2) return 3;
    memcpy(out[n], a->code, 3);
    out[n++][3] = '\0';
  }
  return n;
}

/* The pair "الجانبان"/"البلدين" at actor a names: the two states named
** just before it, in its own sentence or with the sentence before ("استقبل
** الزعيم الليبي ضيفه الفرنسي ...، وأجرى الجانبان محادثات": Libya and
** France, whatever pair the article is mostly about); false unless
** exactly two. */
static bool near_pair(const evctx *e, const coder_actor *a, char out[2][4]) {
  /* only as a subject: the nominative dual ("الجانبان") or after أن/إن
  ** ("أن البلدين اتفقا"); "دعا الطرفين" addresses the article's parties */
  const coder_sent *s = e->s;
  if (oblique_parties(s, a) &&
      !(a->start > 0 && coder_tok_is(s, a->start - 1, CW_COMP, false)))
    return false;
  /* (not when states follow to name them: "الجانبين السوري والتركي"; nor
  ** for an article whose parties are one state's sides, the council and
  ** the opposition: the mediators are named beside them) */
  size_t nx = coder_first_actor(s, a->end);
  if (nx < s->n_actors && s->actors[nx].start == a->end) return false;
  if (e->ctx->parties[0][0] && memcmp(e->ctx->parties[0], e->ctx->parties[1], 3) == 0)
    return false;
  int n = states_named(s, a->start, out);
  if (n == 3) return false;
  if (n == 2) return true;
  char before[2][4];
  int nb = e->ctx->prev ? states_named(e->ctx->prev, e->ctx->prev->n, before) : 0;
  if (nb == 3) return false;
  for (int k = 0; k < nb; k++) {
    if (n == 1 && memcmp(out[0], before[k], 3) == 0) continue;
    if (n == 2) return false;
    memcpy(out[n++], before[k], 4);
  }
  return n == 2;
}

/* The state of "طرفا النزاع في X": parties actor a followed by a
** conflict noun, في and a state; NULL when a is not so followed. */
static const coder_actor *conflict_state(const coder_sent *s,
                                         const coder_actor *a) {
  if (a->end + 2 >= s->n || !coder_tok_is(s, a->end, CW_CONFLICT, true) ||
      !coder_tok_is(s, a->end + 1, CW_FI, false))
    return NULL;
  size_t x = coder_first_actor(s, a->end + 2);
  if (x < s->n_actors && s->actors[x].start == a->end + 2 &&
      s->actors[x].country[0])
    return &s->actors[x];
  return NULL;
}

/* The code of a state's role, country cc's first 3 bytes + role (3
** letters), in e's arena; NULL when out of memory. */
static const char *state_role(const evctx *e, const char *cc, const char *role) {
  char *c = arena_alloc(e->ar, 8);
  if (!c) return NULL;
  memcpy(c, cc, 3);
  memcpy(c + 3, role, 4);
  return c;
}

/* The members of actor x's group (parties expanded); a group's members
** are consecutive actors. */
static size_t members_of(const evctx *e, int x, member *out) {
  const coder_sent *s = e->s;
  size_t n = 0;
  if (x < 0) return 0;
  int g = s->actors[x].group;
  for (size_t i = (size_t)group_first(s, x);
       i < s->n_actors && n < MAX_MEMBERS && s->actors[i].group == g; i++) {
    const coder_actor *a = &s->actors[i];
    const coder_actor *in = a->parties == 1 ? conflict_state(s, a) : NULL;
    char near[2][4];
    if (a->parties > 1) {
      /* "ودعت الولايات المتحدة الدول الثلاث": the states of the article's
      ** first compound of three (none when it has none) */
      for (int k = 0; k < a->parties && n < MAX_MEMBERS; k++)
        if (e->ctx->many[a->parties - 3][k][0])
          out[n++] = (member){a, e->ctx->many[a->parties - 3][k]};
    } else if (in) {
      /* "طرفا النزاع في ليبيا": the state's government and its armed
      ** opposition */
      for (int k = 0; k < 2 && n < MAX_MEMBERS; k++) {
        const char *c = state_role(e, in->country, k ? "REB" : "GOV");
        if (!c) return n;
        out[n++] = (member){a, c};
      }
    } else if (a->parties && near_pair(e, a, near)) {
      for (int k = 0; k < 2 && n < MAX_MEMBERS; k++) {
        const char *c = state_role(e, near[k], "GOV");
        if (!c) return n;
        out[n++] = (member){a, c};
      }
    } else if (a->parties && e->ctx->parties[0][0] && !parties_named(s, e->ctx)) {
      for (int k = 0; k < 2 && n < MAX_MEMBERS; k++)
        out[n++] = (member){a, e->ctx->parties[k]};
    } else if (a->parties) {
      for (int k = 0; k < 2 && n < MAX_MEMBERS; k++) {
        if (!e->ctx->principal[k][0]) continue;
        const char *c = state_role(e, e->ctx->principal[k], "GOV");
        if (!c) return n;
        out[n++] = (member){a, c};
      }
    } else {
      out[n++] = (member){a, a->code};
      /* "اتفقت الكوريتان": a name of two states is both, as if joined
      ** by و ("كوريا الشمالية وكوريا الجنوبية") */
      if (a->pair[0] && n < MAX_MEMBERS) {
        const char *c = state_role(e, a->pair, "GOV");
        if (!c) return n;
        out[n++] = (member){a, c};
      }
    }
  }
  return n;
}

/* The first actor of x's group. */
static int group_first(const coder_sent *s, int x) {
  int first = x;
  while (first > 0 && s->actors[first - 1].group == s->actors[x].group) first--;
  return first;
}

/* The last actor of x's group (to search on after a compound). */
static int group_last(const coder_sent *s, int x) {
  int last = x;
  for (size_t i = (size_t)x + 1; i < s->n_actors; i++)
    if (s->actors[i].group == s->actors[x].group) last = (int)i;
  return last;
}

/* Does a meeting verb after حيث (token `where`) go on with traveller x,
** meeting `met`, the first actor after the verb?  Only after a journey:
** a destination after إلى between the traveller and حيث ("يتوجه المبعوث
** إلى المنطقة حيث سيلتقي"), or a visit (042, 043) told before حيث ("زار
** الرئيس القاهرة حيث التقى"); after another act ("قصفت الطائرات مدينة
** إدلب، حيث التقى ...") حيث is only "where", and the meeting has a
** subject of its own.  And only when `met` is the verb's object: an actor
** right after met's group (one word between: "نظيره الروسي"), not joined
** by و, is the object, and met the subject ("حيث التقى وزير الخارجية
** التركي نظيره الروسي"). */
static bool journey_meeting(const coder_sent *s, int x, uint32_t where, int met) {
  bool journey = false;
  for (uint32_t k = s->actors[x].end; k < where && !journey; k++) journey = coder_tok_ila(s, k);
  for (size_t k = 0; k < s->n_trigs && !journey && s->trigs[k].start < where; k++) {
    const char *code = dict_verb_at(s->dict, s->trigs[k].verb)->code;
    journey = coder_streq(code, "042") || coder_streq(code, "043");
  }
  if (!journey) return false;
  const coder_actor *m = &s->actors[group_last(s, met)];
  size_t next = (size_t)group_last(s, met) + 1;
  return next >= s->n_actors || s->actors[next].start > m->end + 1 ||
         (s->actors[next].cl0 & TXT_CL_WA) ||
         !same_clause(s, m->end - 1, s->actors[next].start);
}

static bool is_tgt_prep(const coder_sent *s, const dict_verb *v,
                        const coder_actor *a) {
  /* "اتصالا هاتفيا بنظيره الباكستاني", "وأكد لنظيره الروسي أن",
  ** "بحث مع نظيره": the counterpart is always the other side of the
  ** exchange, whatever preposition (if any) the word carries */
  if (a->start > 0 && coder_tok_is(s, a->start - 1, CW_COUNTERPART, true))
    return true;
  uint32_t lead = a->start;
  unsigned cl = a->cl0;
  /* "مع كل من باراك وعرفات": the preposition stands before كل من */
  if (lead >= 3 && coder_tok_is(s, lead - 1, CW_MIN, false) &&
      coder_tok_is(s, lead - 2, CW_EACH, false))
    lead -= 2;
  for (size_t k = 0; k < v->n_tgt; k++) {
    const char *p = v->tgt[k];
    size_t pl = strlen(p);
    if (pl == 2 && (unsigned char)p[0] == 0xD8 && (unsigned char)p[1] == 0xA8 &&
        (cl & TXT_CL_BI))
      return true; /* ب bi */
    if (pl == 2 && (unsigned char)p[0] == 0xD9 && (unsigned char)p[1] == 0x84 &&
        (cl & TXT_CL_LI))
      return true; /* ل li */
    if (lead > 0) {
      const coder_tok *t = &s->ct[lead - 1];
      for (uint8_t j = 0; j < t->nk; j++)
        if (t->keys[j].len == pl && memcmp(t->keys[j].s, p, pl) == 0) return true;
    }
  }
  return false;
}

/* Is actor a named by a counterpart word carrying ب or ل or behind مع
** ("بنظيره الكيني", "مع نظيره الروسي"): an object of the act? */
static bool counterpart_object(const coder_sent *s, const coder_actor *a) {
  if (a->start == 0 || !coder_tok_is(s, a->start - 1, CW_COUNTERPART, true)) return false;
  return coder_tok_has_clitic(s, a->start - 1, TXT_CL_BI | TXT_CL_LI) ||
         (a->start > 1 && coder_tok_is(s, a->start - 2, CW_MAA, false));
}

/* Does a relative clause open in tokens [from, to): الذي/التي, or ما
** right after a preposition ("على ما وصفته")? */
static bool relative_between(const coder_sent *s, uint32_t from, uint32_t to) {
  for (uint32_t k = from; k < to; k++)
    if (coder_tok_is(s, k, CW_REL, false) ||
        (coder_tok_is(s, k, CW_NEG_MA, false) && k > 0 &&
         coder_tok_is(s, k - 1, CW_PREP, false)))
      return true;
  return false;
}

/* Are the triggers between a and b (exclusive; triggers are in token
** order) all statement nouns ("أدانت ... في البيان الختامي ... الضربات"),
** or nouns behind في ("ودانت الجامعة في اجتماع طارئ العدوان التركي"),
** which name where something was said, not what?  b is one of s->trigs;
** a may be a copy (nominal_copy), so it is placed by its start token. */
static bool only_say_nouns_between(const coder_sent *s, const coder_trig *a,
                                   const coder_trig *b) {
  for (const coder_trig *k = b; k-- > s->trigs && k->start > a->start;)
    if (k->verbal || !((dict_verb_at(s->dict, k->verb)->flags & DICT_F_SAY) ||
                       (k->start > 0 && coder_tok_is(s, k->start - 1, CW_FI, false))))
      return false;
  return true;
}

/* Is actor a the medium or partner of the setting in which the doer
** spoke, named behind مع or على at most three words after a venue noun
** that follows token `from` ("واتهم المجلس
** العسكري في بيان تلي على التلفزيون الرسمي فرنسا", "انتقد أردوغان في
** مقابلة مع وكالة تاس الروسية ... الولايات المتحدة")?  Such an actor is
** where the words were said, not whom they concern.  So is an audience
** behind أمام, there or after one head noun ("اتهم مبارك في خطاب ألقاه
** أمام قادة الجيش الحكومة السودانية"); with no venue noun before it
** أمام is also a place: "أغلقت مجالها الجوي أمام الطائرات الفرنسية". */
static bool venue_partner(const coder_sent *s, uint32_t from, const coder_actor *a,
                          const coder_trig *self) {
  if (from < self->end) from = self->end; /* (not the trigger's own words) */
  uint32_t p = a->start;
  /* ("في مؤتمر صحفي مشترك مع نظيره المغربي": through the counterpart) */
  if (p > from && coder_tok_is(s, p - 1, CW_COUNTERPART, true)) p--;
  /* ("في خطاب ألقاه أمام قادة الجيش": an audience, through its head) */
  if (p > from + 1 && coder_tok_is(s, p - 2, CW_AUDIENCE, false) && !s->ct[p - 1].punct)
    p--;
  if (p <= from || !(coder_tok_is(s, p - 1, CW_MAA, false) ||
                     coder_tok_is(s, p - 1, CW_ALA, false) ||
                     coder_tok_is(s, p - 1, CW_AUDIENCE, false)))
    return false;
  for (uint32_t k = p - 1; k-- > from && p - 1 - k <= 3;) {
    if (s->ct[k].punct || coder_tok_is(s, k, CW_COMP, false)) return false;
    if (coder_tok_is(s, k, CW_VENUE, true) && !coder_tok_is(s, k, CW_LOCATIVE, true))
      return true;
  }
  return false;
}

/* Does a description's بأنه/بأنها, one of trigger self's own words, stand
** before token pos ("واصفا إطلاق الصواريخ بأنه تهديد خطير لأمن اليابان",
** "ووصف الضربات بأنها انتهاك لميثاق الأمم المتحدة")?  What follows it
** is what the act is called, and a state named there is the one it
** harms, not the one the description is aimed at (8 won in 7 articles,
** none lost on the 63 open sets). */
static bool in_description(const coder_sent *s, const coder_trig *self, uint32_t pos) {
  for (uint32_t k = self->start; k < self->end && k < pos; k++)
    if (coder_tok_is(s, k, CW_COMP_PRONOUN, false) &&
        coder_tok_has_clitic(s, k, TXT_CL_BI))
      return true;
  return false;
}

/* The words of a parenthesis set off by commas right at token `from`
** (after the subject) and closed before `to`, which find_target's reach
** does not count ("حث بوش، في اتصال هاتفي مع نظيره الباكستاني آصف علي
** زرداري، إسلام آباد على": the parenthesis is crossed). */
static uint32_t crossed(const coder_sent *s, uint32_t from, uint32_t to) {
  if (from >= s->n || s->ct[from].punct != 2) return 0;
  for (uint32_t k = from + 1; k < to && k < s->n; k++)
    if (s->ct[k].punct == 2) return k - from + 1;
  return 0;
}

/* The target actor after token `from`: one behind a tgt= preposition (or
** مع for mutual verbs) first, else (unless only_prep) the first actor not
** behind في/من/عن; -1 if none. */
static int find_target(const evctx *e, const dict_verb *v, uint32_t from,
                       uint32_t clause_tok, const coder_trig *self,
                       bool only_prep, bool noun) {
  const coder_sent *s = e->s;
  int fallback = -1;
  size_t x0 = coder_first_actor(s, from);
  /* an actor that begins inside the trigger and goes on past it */
  if (x0 > 0 && s->actors[x0 - 1].start > self->start &&
      s->actors[x0 - 1].start < from && s->actors[x0 - 1].end > from)
    x0--;
  for (size_t x = x0; x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (a->start > from + 10 + crossed(s, from, a->start) ||
        !same_clause(s, a->start, clause_tok))
      break;
    if (a->end > self->start &&
        (a->start < self->first_end ||
         (a->start <= self->end - 1 && a->end == self->end &&
          !is_tgt_prep(s, v, a) &&
          !(from > self->first_end && a->start >= from &&
            !behind_prep(s, a)))) &&
        !(a->start > self->start && a->end > self->end))
      continue; /* one of the trigger's own words ("بدولة فلسطين" with a
                ** trigger ending in بدولة is still the target, and so is
                ** "استدعاء السفير الإيراني": the actor goes on past it;
                ** so are the trigger's last words behind a target
                ** preposition: "أطلقت الشرطة النار على المحتجين", or
                ** after the subject in the gap: "فرقت الشرطة المتظاهرين") */
    if (verb_between(e, from, a->start, self)) break;
    /* (a state's adjective there still names the doer of what is
    ** described: "وصف الهجوم بأنه «عمل حربي» إيراني") */
    if (!a->adj_only && in_description(s, self, a->start)) break;
    if (a->own) continue; /* "استعداد بلاده": the doer's own state */
    if (venue_partner(s, from, a, self)) continue;
    /* مع belongs to the border, unless the border and مع are the
    ** trigger's own words: what is closed is the border, and the state
    ** behind مع is whom it is closed to ("أعلنت النيجر إغلاق حدودها مع
    ** نيجيريا") */
    if (border_place(s, a) && a->start > self->end) continue;
    /* "في المناطق المحاذية لروسيا": what a place borders, not whom */
    if ((a->cl0 & TXT_CL_LI) && a->start > 0 &&
        coder_tok_is(s, a->start - 1, CW_ADJACENT, true))
      continue;
    /* "ودانت الجامعة العدوان التركي على الأراضي السورية", "التدخل في
    ** الشؤون الليبية": a state's adjective on its territory or affairs
    ** says what a word is about, not whom it is aimed at; force against
    ** the territory is aimed at the state ("قصفت ... الأراضي
    ** الإكوادورية") */
    if (a->adj_only && a->start > 0 && !coder_hostile_code(v->code) &&
        memcmp(v->code, "15", 2) != 0 &&
        coder_tok_is(s, a->start - 1, CW_TERRITORY, true))
      continue;
    /* "في اجتماع طارئ بالقاهرة": a capital with ب is where, not whom */
    if (a->capital && (a->cl0 & TXT_CL_BI)) continue;
    /* "غارات على ما وصفته نيودلهي": an actor inside a relative clause
    ** opened after the trigger is no target; a relative clause between
    ** commas right after the subject is crossed ("ودعت الصين، التي
    ** تربطها علاقات وثيقة بالبلدين، إسلام آباد وطهران") */
    if (relative_between(s, from, a->start)) {
      uint32_t open = from;
      while (open < a->start && !coder_tok_is(s, open, CW_REL, false)) open++;
      bool boxed = open < a->start && open > from && s->ct[open - 1].punct == 2 &&
                   !relative_between(s, from, open - 1);
      uint32_t close = open + 1;
      while (boxed && close < a->start && s->ct[close].punct != 2) close++;
      if (!boxed) break;
      if (close >= a->start) continue; /* inside the relative clause */
      if (relative_between(s, close, a->start)) break;
    }
    /* a comma that opens another clause ends the search ("ورحبت روسيا
    ** بوقف إطلاق النار، وأجرى بوتين اتصالين بجباروف"); a pair of commas
    ** around an adverbial or a relative clause is crossed */
    /* (nor is a comma before a list of what a plural names: "لسبع دول
    ** في أمريكا اللاتينية، هي الأرجنتين وتشيلي") */
    unsigned commas = 0;
    for (uint32_t k = from; k < a->start; k++)
      commas += s->ct[k].punct == 2 && !(k + 2 == a->start && coder_tok_is(s, k + 1, CW_NAMELY, false));
    if (commas % 2 == 1) {
      /* an actor inside a parenthesis set off by commas after the subject
      ** is crossed when the parenthesis closes in the clause ("حث بوش، في
      ** اتصال مع نظيره الباكستاني، إسلام آباد على التعاون") */
      uint32_t k = a->end;
      while (k < s->n && same_clause(s, k, clause_tok) && s->ct[k].punct != 2) k++;
      if (k < s->n && s->ct[k].punct == 2 && same_clause(s, k, clause_tok)) continue;
      break;
    }
    /* "انتقدت رئيسة الأرجنتين العقوبات الأمريكية على كاراكاس", "ووصف
    ** بوتين الحرب الأمريكية على العراق بأنها خطأ": a state's adjective on
    ** the definite noun a criticism (11) governs names the doer of what is
    ** criticized, its target, not the one named after على */
    if (memcmp(v->code, "11", 2) == 0 && a->adj_only && a->start == from + 1 &&
        !s->ct[from].punct && coder_tok_definite(s, from) &&
        (x == 0 || s->actors[x - 1].end <= from))
      return (int)x;
    /* "ودعا بان كي مون جميع الأطراف في مصر إلى الهدوء": the parties in a
    ** state are that state's; the act is addressed to it */
    if (a->start >= 2 && a->country[0] && !a->adj_only &&
        coder_tok_is(s, a->start - 1, CW_FI, false) &&
        coder_tok_is(s, a->start - 2, CW_SIDES, false))
      return (int)x;
    bool prep = is_tgt_prep(s, v, a) ||
                ((v->flags & DICT_F_MUTUAL) && a->start > 0 &&
                 coder_tok_is(s, a->start - 1, CW_MAA, false)) ||
                (noun && a->start > 0 &&
                 coder_tok_is(s, a->start - 1, CW_NOUN_TGT, false));
    /* "اتهم باشينيان أذربيجان بإعلان الحرب على الشعب الأرميني": after a
    ** verb's direct object, a ب right after it opens what the object is
    ** accused of or asked to do; a target preposition in there is that
    ** content's, and the object is the target (a ب written apart,
    ** "بـ«إعلان الحرب»", is a word of its own) */
    if (prep && fallback >= 0 && self->verbal) {
      uint32_t b = s->actors[group_last(s, fallback)].end;
      if (coder_tok_has_clitic(s, b, TXT_CL_BI) || coder_tok_word(s, b, "\xd8\xa8")) /* ب */
        return fallback;
    }
    if (prep) return (int)x;
    /* the fallback is a direct object: not behind في/من/عن (a place or a
    ** source), not an instrument (ب), counted for its whole group */
    const coder_actor *g = &s->actors[group_first(s, (int)x)];
    /* (a preposition cannot follow one: in "في بيان قوات الدعم" بيان is
    ** the noun "statement", not ب + a noun) */
    bool instrument = (a->cl0 & (TXT_CL_BI | TXT_CL_KA)) ||
                      (g->start > 0 && !s->ct[g->start - 1].free &&
                       coder_tok_has_clitic(s, g->start - 1, TXT_CL_BI) &&
                       !(g->start > 1 && coder_tok_is(s, g->start - 2, CW_PREP, false) &&
                         !(g->cl0 & TXT_CL_LI))); /* "في بيان لوزارة": its author */
    /* "رحب ... بقرار جوبا": what is welcomed takes ب; its doer is the
    ** target; so is the one a demand or appeal asks to act ("طالب ...
    ** بانسحاب قوات حفتر") */
    if ((strncmp(v->code, "051", 3) == 0 || strncmp(v->code, "10", 2) == 0 ||
         strncmp(v->code, "02", 2) == 0) &&
        !(a->cl0 & TXT_CL_BI))
      instrument = false;
    /* an adjective right after another trigger is that noun's doer
    ** ("بوساطة سعودية"), not this verb's object */
    const coder_trig *ot = g->start > 0 && e->trig_tok[g->start - 1]
                               ? &s->trigs[e->trig_tok[g->start - 1] - 1]
                               : NULL;
    /* unless that noun is this verb's object, the next trigger after it
    ** ("أدانت X القصف الإسرائيلي", "أدانت X في اجتماع طارئ العدوان
    ** التركي": the doer of the condemned act is the target) */
    bool object_noun = ot && !ot->verbal && ot->start > self->start &&
                       only_say_nouns_between(s, self, ot);
    bool other_doer = g->adj_only && ot && ot != self && ot->start != from &&
                      !object_noun;
    /* "واعتقلت الشرطة كاستيو أثناء توجهه إلى سفارة المكسيك": one arrests
    ** or detains (17) whom one names as object, not a place behind a
    ** preposition word (a clitic ل may name the doer of the object:
    ** "فرقت الشرطة مظاهرة للمعارضة") */
    bool custody_place = memcmp(v->code, "17", 2) == 0 && g->start > 0 &&
                         ((coder_tok_is(s, g->start - 1, CW_PREP, false) &&
                           !partitive(s, g)) ||
                          locative_place(s, g));
    if (fallback < 0 && !only_prep && !instrument && !other_doer && !custody_place &&
        !(g->start > 0 && coder_tok_is(s, g->start - 1, CW_NOT_TGT, false) &&
          !partitive(s, g))) {
      fallback = (int)x;
      /* "أدانت X العدوان التركي على الأراضي السورية": the doer of the
      ** condemned act is the target; the على after it is that act's */
      if (g->adj_only && ot && ot != self && !ot->verbal) return fallback;
    }
  }
  return fallback;
}

/* Hypothetical: a modal word (may, could, prevent, fear, threat, a
** question) within HYPO_REACH words before the trigger in its clause, or a
** question mark ending the clause.  Such events are not asserted and are
** not emitted (like an act inside an إذا/لو condition; past the
** condition's comma events get a mode bit). */
#define HYPO_REACH 8
static bool hypothetical(const evctx *e, const coder_trig *t) {
  const coder_sent *s = e->s;
  for (uint32_t k = 1; k <= HYPO_REACH && k <= t->start; k++) {
    uint32_t i = t->start - k;
    /* a comma ends the modal's reach ("في تجنب التصعيد، فيما أعلنت") */
    if (!same_clause(s, i, t->start) || s->ct[i].punct == 2) break;
    if (coder_tok_is(s, i, CW_MODAL, false)) return true;
  }
  return e->question[s->ct[t->start].clause] != 0;
}

/* If token l is a comma closing a relative clause that another comma
** opened ("، الذي تتولى بلاده رئاسة آسيان،"), the opening comma's
** token; else 0. */
static uint32_t relative_opening(const coder_sent *s, uint32_t l) {
  if (s->ct[l].punct != 2) return 0;
  for (uint32_t o = l; o-- > 1 && l - o <= 24;) {
    if (s->ct[o].punct == 1) return 0;
    if (s->ct[o].punct == 2)
      return coder_tok_is(s, o + 1, CW_REL, false) ? o : 0;
  }
  return 0;
}

/* The first actor starting in [from, to) that is not behind a
** preposition: the subject of a verb at from-1 whose object starts at
** to; -1 if none. */
static int subject_between(const coder_sent *s, uint32_t from, uint32_t to) {
  for (size_t x = coder_first_actor(s, from); x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (a->start >= to) break;
    if (!behind_prep(s, a)) return (int)x;
  }
  return -1;
}

/* The subject of a support verb governing noun trigger t ("نفذ عمال
** الموانئ في فرنسا إضرابا", "شنت إيران هجوما"): the first actor after the
** verb and before the noun, not behind a preposition; -1 if none. */
static int light_subject(const evctx *e, const coder_trig *t, int speaker) {
  const coder_sent *s = e->s;
  uint32_t skipped = 0;  /* words of relative clauses passed over */
  for (uint32_t k = 1; k <= 8 + skipped && k <= t->start; k++) {
    uint32_t l = t->start - k;
    if (!same_clause(s, l, t->start) || e->trig_tok[l]) break;
    /* "وأجرى رئيس الوزراء الماليزي، الذي تتولى بلاده رئاسة آسيان،
    ** اتصالين": a relative clause between commas is passed over */
    uint32_t open = relative_opening(s, l);
    if (open) {
      skipped += l - open;
      k += l - open;
      continue;
    }
    if (!coder_tok_is(s, l, CW_LIGHT, false)) continue;
    int subj = subject_between(s, l + 1, t->start);
    if (subj >= 0) return subj;
    /* "أعلنت القوات أنها أطلقت عملية عسكرية": the speaker */
    if (l > 0 && coder_tok_is(s, l - 1, CW_COMP_PRONOUN, true)) return speaker;
    break;
  }
  return -1;
}

/* The doer of verbal noun t (or a perfect form read as one) governed by
** a decision verb (grammar.txt decide) earlier in its clause, with a
** date, a place or a meeting phrase between: "قرر وزراء خارجية الاتحاد
** الأوروبي الاثنين في بروكسل فرض عقوبات على روسيا", "وكان قادة إيكواس قد
** قرروا خلال قمة استثنائية في أكرا تجميد أصول مالي".  Bodies decide in
** sessions, so the gap is longer than light_subject's (DECIDE_REACH):
** the decision verb's subject after it, else right before it; -1 if
** none. */
#define DECIDE_REACH 12   /* words back from the noun to its decision verb */
static int decided_subject(const evctx *e, const coder_trig *t) {
  const coder_sent *s = e->s;
  for (uint32_t k = 1; k <= DECIDE_REACH && k <= t->start; k++) {
    uint32_t l = t->start - k;
    if (!same_clause(s, l, t->start)) break;
    if (e->trig_tok[l]) {
      /* (a meeting noun behind a preposition is where: "في اجتماع طارئ") */
      const coder_trig *o = &s->trigs[e->trig_tok[l] - 1];
      if (o->start == 0 || !coder_tok_is(s, o->start - 1, CW_DURING, false)) break;
    }
    if (!coder_tok_is(s, l, CW_DECIDE, false)) continue;
    int subj = subject_between(s, l + 1, t->start);
    if (subj >= 0) return subj;
    int b = actor_before(e, l, 2, t);
    return b >= 0 && !behind_prep(s, &s->actors[b]) ? b : -1;
  }
  return -1;
}

/* An arena copy of t read as a noun. */
static const coder_trig *nominal_copy(evctx *e, const coder_trig *t) {
  coder_trig *c = arena_alloc(e->ar, sizeof *c);
  if (!c) return NULL;
  *c = *t;
  c->verbal = 0;
  return c;
}

/* Is the verb at token i right after the relative "وهو ما" (ما after a
** pron_ma pronoun: "وهو ما نفته باريس")?  There ما is "what", no
** negation. */
static bool relative_ma(const coder_sent *s, uint32_t i) {
  return i >= 2 && coder_tok_is(s, i - 1, CW_NEG_MA, false) &&
         coder_tok_is(s, i - 2, CW_PRON_MA, false);
}

/* Does an actor stand right after the فيه/خلالها at token i, which
** points back to a meeting or a protest (class sitting: جلسة، اجتماع،
** قمة; class protest: تظاهرات، مسيرات; the last such word or speech word
** of class venue between the sentence's subject a and i)?  In a meeting
** or a march others speak: "وعقد مجلس الأمن جلسة طارئة ... طالب خلالها
** السفير الإسرائيلي بفرض العقوبات", "تظاهرات مناهضة للنظام يطالب فيها
** المحتجون" name their speaker after it, where a letter or speech
** ("ألقى في الجلسة العامة للقمة كلمة اتهم فيها الولايات المتحدة") is
** its sender's. */
static bool meeting_speaker(const coder_sent *s, const coder_actor *a, uint32_t i) {
  size_t x = coder_first_actor(s, i + 1);
  if (x >= s->n_actors || s->actors[x].start != i + 1) return false;
  for (uint32_t k = i; k-- > a->end;) {
    if (coder_tok_is(s, k, CW_SITTING, false) || coder_tok_is(s, k, CW_PROTEST, false))
      return true;
    if (coder_tok_is(s, k, CW_VENUE, false)) return false;
  }
  return false;
}

static bool negated(const coder_sent *s, const coder_trig *t) {
  /* each answer true below needs a word of class neg or neg_ma (plain
  ** reading): most sentences have none */
  if (!coder_sent_has(s, CW_NEG, false) && !coder_sent_has(s, CW_NEG_MA, false))
    return false;
  for (uint32_t k = 1; k <= 2 && k <= t->start; k++) {
    uint32_t i = t->start - k;
    if (s->ct[i].punct) break;
    if (coder_tok_is(s, i, CW_NEG, false)) return true;
    if (k == 1 && coder_tok_is(s, i, CW_NEG_MA, false) && !relative_ma(s, t->start))
      return true;
  }
  /* "ولم تكن الحكومة الأفغانية طرفا في المفاوضات": a negated كان
  ** earlier in the clause denies the nouns it governs */
  for (uint32_t i = t->start; !t->verbal && i-- > 1 && t->start - i <= 8;) {
    if (s->ct[i].punct || s->ct[i].clause != s->ct[t->start].clause) break;
    if (coder_tok_is(s, i, CW_COPULA, false) && coder_tok_is(s, i - 1, CW_NEG, false))
      return true;
  }
  return false;
}

/* Does code start with one of roots (a NULL-ended list of code prefixes)? */
static bool root_in(const char *code, const char *const *roots) {
  /* a byte loop, not strlen + strncmp per root: roots are 2-4 bytes and
  ** the rules ask this for most triggers */
  for (; *roots; roots++) {
    const char *r = *roots;
    size_t k = 0;
    while (r[k] && code[k] == r[k]) k++;
    if (!r[k]) return true;   /* all of r matched */
  }
  return false;
}

/* Is code a plain statement (01), which a participle after a comma only
** goes on with ("...، مؤكدا أن", "...، معتبرا أن")?  A warning (012) or
** a denial (016) there is a speech act of its own, coded as the gold codes
** it ("...، محذرا من أن بلاده سترد", "...، نافيا أن تكون بلاده قد أرسلت
** أسلحة"); a warning addressed to an actor or of the speaker's own coming
** act is then a threat (130), as a finite one is. */
static bool plain_statement(const char *code) {
  return memcmp(code, "01", 2) == 0 && !coder_streq(code, "012") &&
         !coder_streq(code, "016");
}

/* The cooperative roots, 03 to 08. */
static const char *const coop_roots[] = {"03", "04", "05", "06", "07", "08", NULL};

/* Is verb trigger t a cooperative act (03-08) negated by لن or لا right
** before it, after a complementizer: "قال إن بلاده لن تسحب قواتها من شمال
** سوريا"?  What a speaker says its own side will not do is a refusal
** (refusals(), which keeps only the speaker's own). */
static bool refusal_of(const coder_sent *s, const coder_trig *t,
                       const dict_verb *v) {
  if (!t->verbal || t->start == 0 || !root_in(v->code, coop_roots) ||
      !coder_tok_is(s, t->start - 1, CW_NEG_WILL, false))
    return false;
  for (uint32_t k = t->start - 1; k-- > 0;) {
    if (s->ct[k].punct == 1) return false;
    if (coder_tok_is(s, k, CW_COMP, false) || coder_tok_is(s, k, CW_COMP_PRONOUN, false))
      return true;
  }
  return false;
}

/* How many tokens before token i, at most reach back, in i's clause and
** with no clause-ending mark between, is the nearest word of class c (read
** with any proclitic when any_clitic); 0 if none.  Unlike
** coder_class_before, a comma alone does not end the search. */
static uint32_t class_in_clause_before(const coder_sent *s, uint32_t i, int c,
                                       bool any_clitic, uint32_t reach) {
  for (uint32_t k = 1; k <= reach && k <= i; k++) {
    uint32_t j = i - k;
    if (s->ct[j].punct == 1 || s->ct[j].clause != s->ct[i].clause) return 0;
    if (coder_tok_is(s, j, c, any_clitic)) return k;
  }
  return 0;
}

/* Is non-violent noun trigger t inside the clause of a verb negated by
** لم/لن, at most eight words back ("ولم تعلق الحكومة الإسرائيلية على
** تصريحات هنية", "ولم تستأنف حتى الآن المحادثات بين الطرفين")?  The
** noun is the object of an act that did not happen: a statement not
** answered, talks not resumed.  Violence stays: "لم تتوقف الاشتباكات"
** reports the fighting (the article sets' convention).  A complementizer
** or relative pronoun between opens another clause.  A trigger read as a
** verb right after a preposition is a noun ("ولم ترد كوبنهاغن بعد على طلب
** التسليم"). */
static bool negated_clause(const coder_sent *s, const coder_trig *t,
                           const char *code) {
  if (coder_violent_code(code) || t->start == 0 ||
      (t->verbal && !coder_tok_is(s, t->start - 1, CW_PREP, false)))
    return false;
  for (uint32_t k = 3; k <= 8 && k <= t->start; k++) {
    uint32_t i = t->start - k;
    if (s->ct[i].punct || s->ct[i].clause != s->ct[t->start].clause ||
        coder_tok_is(s, i, CW_COMP, false) || coder_tok_is(s, i, CW_REL, false))
      return false;
    if (coder_tok_is(s, i, CW_NEG_VERB, false)) return true;
  }
  return false;
}

/* Is noun trigger t a term of an agreement or plan: a verb of stating
** terms (grammar class terms) at most twelve words before it in its
** clause ("وينص الاتفاق على احترام وحدة أراضي البلدين ووقف الأعمال
** العدائية")?  Terms with no actor stated are not coded; the signing is
** the event. */
static bool terms_of(const coder_sent *s, const coder_trig *t) {
  return !t->verbal && coder_sent_has(s, CW_TERMS, false) &&
         class_in_clause_before(s, t->start, CW_TERMS, false, 12);
}

/* Is a word of class c (read with any proclitic when any_clitic) among
** the `reach` tokens from token `from` on, before any punctuation (a
** comma too, unlike class_in_clause_before)? */
static bool class_ahead(const coder_sent *s, uint32_t from, uint32_t reach,
                        int c, bool any_clitic) {
  for (uint32_t k = from; k < s->n && k < from + reach && !s->ct[k].punct; k++)
    if (coder_tok_is(s, k, c, any_clitic)) return true;
  return false;
}

/* Is say trigger t the verb اعتبر with an object and no أن in the ten
** words after it before any punctuation ("رحبت حماس بالصفقة واعتبرتها دليلا على
** ...", "واعتبر الرئيس الفنزويلي الخطوة انتصارا أخلاقيا", "تعتبره موسكو
** رمزا للانتصار")?  It judges that object, as وصف does, and reports no
** statement; "اعتبر أردوغان أن التفاهم سيجنب إدلب كارثة" does. */
static bool judged_object(const coder_sent *s, const coder_trig *t) {
  return coder_tok_is(s, t->start, CW_CONSIDER, true) &&
         !class_ahead(s, t->end, 10, CW_COMP, false);
}

/* Does trigger t stand right after منذ, or منذ أن ("منذ أن أغلقت كراكاس
** المعابر", "توترت العلاقات منذ توقيع أديس أبابا مذكرة التفاهم")?  The act
** is where the state of affairs the sentence tells began: background,
** whatever its root, not an event of the article's window. */
static bool since_start(const coder_sent *s, const coder_trig *t) {
  uint32_t i = t->start;
  if (i >= 2 && coder_tok_is(s, i - 1, CW_COMP, false)) i--;
  return i >= 1 && coder_tok_is(s, i - 1, CW_SINCE, false);
}

/* Does the first word of verbal trigger t carry ب, ك or ال, or ل before a
** form that is not an imperfect (ل + يفعل/نفعل is "in order to")?  No
** verb takes these, so the word is read as its verbal noun. */
static bool prep_on_verb(const coder_sent *s, const coder_trig *t) {
  if (t->cl0 & (TXT_CL_BI | TXT_CL_KA | TXT_CL_AL)) return true;
  if (!(t->cl0 & TXT_CL_LI)) return false;
  const coder_tok *c = &s->ct[t->start];
  for (uint8_t k = 0; k < c->nk; k++)
    if ((c->keys[k].cl & TXT_CL_LI) && c->keys[k].len >= 2 &&
        (memcmp(c->keys[k].s, "ي", 2) == 0 || memcmp(c->keys[k].s, "ن", 2) == 0))
      return false;
  return true;
}

/* Is an actor right after trigger t behind one of v's target prepositions
** ("وقدمت طوكيو احتجاجا رسميا إلى بكين")?  The act is addressed to it,
** so the actor inside the phrase is its doer. */
static bool addressee_after(const coder_sent *s, const dict_verb *v,
                            const coder_trig *t) {
  size_t x = coder_first_actor(s, t->end);
  return v->n_tgt && x < s->n_actors && s->actors[x].start <= t->end + 1 &&
         is_tgt_prep(s, v, &s->actors[x]);
}

/* Is actor a in a phrase joined by و to the mediator m (the last of its
** compound) named after mediation noun t, with no punctuation between: a
** co-mediator ("برعاية أمير قطر والوسيط المشترك للاتحاد الأفريقي والأمم
** المتحدة") or the setting of the mediation ("برعاية الرئيس السنغالي
** وعلى هامش قمة منظمة المؤتمر الإسلامي")?  Either way it is not a
** party. */
static bool beside_mediator(const coder_sent *s, const coder_trig *t,
                            const coder_actor *m, const coder_actor *a) {
  if (t->verbal || m->start < t->end || a->start <= m->end ||
      !coder_tok_has_clitic(s, m->end, TXT_CL_WA))
    return false;
  return coder_no_punct(s, m->end, a->start);
}

/* Is actor a named behind بحضور ("in the presence of") with no
** punctuation between ("وبحضور رؤساء أنغولا وناميبيا", "وبحضور رئيس
** بعثة الأمم المتحدة في مالي منجي الحمدي وممثلين عن الاتحاد الأفريقي")?
** Those who attend a mediated signing are not its parties. */
static bool attending(const coder_sent *s, const coder_actor *a) {
  for (uint32_t k = a->start; k-- > 0 && !s->ct[k].punct;)
    if (coder_tok_is(s, k, CW_PRESENCE, true)) return true;
  return false;
}

/* Is code a third party's role between others: mediating (045), hosting
** a visit (043) or offering to mediate (039)?  Co-mediators and co-hosts
** do not act on each other, nor are they a pair that talks. */
static bool third_party_code(const char *c) {
  return coder_streq(c, "045") || coder_streq(c, "043") || coder_streq(c, "039");
}

/* Is token i a violent word: a word of a violent trigger or a killing
** word (قتل, مقتل ...)? */
static bool violent_word(const evctx *e, uint32_t i) {
  const coder_sent *s = e->s;
  if (i >= s->n || s->ct[i].punct) return false;
  if (coder_tok_is(s, i, CW_CASUALTY, true) ||
      coder_tok_is(s, i, CW_CRIME, true))
    return true;
  uint8_t k = e->trig_tok[i];
  return k && coder_violent_code(dict_verb_at(s->dict, s->trigs[k - 1].verb)->code);
}

/* Is trigger t one item of a list of crimes joined by و ("بالسرقة
** والخطف والقتل", "قتل وخطف وتعذيب")?  With no doer (a noun) or as a
** bare verbal noun (bare_verb_item) such a list names kinds of violence,
** not an event. */
static bool crime_list(const evctx *e, const coder_trig *t) {
  const coder_sent *s = e->s;
  if ((t->cl0 & TXT_CL_WA) && t->start > 0 && violent_word(e, t->start - 1))
    return true;
  return t->end < s->n && coder_tok_has_clitic(s, t->end, TXT_CL_WA) &&
         violent_word(e, t->end);
}

/* Is verbal trigger t a bare word that a list item may be ("من قتل وذبح
** وخطف", "بين قتل وخطف المسلحين"): one word with no object pronoun, no
** plural subject and no counted object?  Such a word reads as a verb
** (V:خطف), but in a crime_list it is the verbal noun, whose genitive
** names who does such things, not a doer; "قتل وأصيب 13" and "مسلحين
** قتلوا وخطفوا" stay acts.  So do verbs whose subject follows the list
** as an indefinite plural in ـون ("قتل وخطف مسلحون عشرات المدنيين"): a
** genitive would end in ـين. */
static bool bare_verb_item(const evctx *e, const coder_trig *t) {
  const coder_sent *s = e->s;
  if (t->end != t->start + 1 || (t->cl0 & TXT_CL_ENC) ||
      coder_tok_plural_verb(s, t->start) || coder_counted_object(s, t))
    return false;
  uint32_t k = t->end;
  while (k < s->n && coder_tok_has_clitic(s, k, TXT_CL_WA) && violent_word(e, k))
    k++;
  return !(k < s->n && s->toks[k].norm_len >= 8 && !coder_tok_definite(s, k) &&
           txt_tok_ends(s->doc, &s->toks[k], "\xd9\x88\xd9\x86")); /* ون */
}

/* Is violent or protest trigger t in the background: a noun with an
** inquiry, case, charge, trial, anniversary, "since", scenario,
** repetition or discussion word (grammar class bg) within BG_REACH words
** before it in its clause ("التحقيق في قضية خطف", "بتهمة تفجير", "منذ
** اغتيال بوتو", "لبحث الهجوم الإسرائيلي")?  Such a noun names a past or
** possible event, it does not report a new one.  A trigger read as a verb
** right after such a word ("سيناريو خطف طفلين", "تكرار خطف الصحافيين") is
** the verbal noun in its genitive only when it is a bare word
** (bare_verb_item); a finite verb after منذ ("منذ اقتحم الجيش المدينة")
** is left to since_start.  A head with عن right after it is a search,
** not a discussion ("وتواصل فرق الإنقاذ البحث عن ناجين بعد انفجار سيارة
** مفخخة"): the act after it is news. */
#define BG_REACH 8
static bool background(const evctx *e, const coder_trig *t) {
  const coder_sent *s = e->s;
  uint32_t k;
  if (t->verbal)
    k = t->start > 0 && coder_tok_is(s, t->start - 1, CW_BG, true) ? 1 : 0;
  else
    k = class_in_clause_before(s, t->start, CW_BG, true, BG_REACH);
  if (k == 0 || coder_tok_word(s, t->start - k + 1, "\xd8\xb9\xd9\x86")) /* عن */
    return false;
  return !t->verbal || bare_verb_item(e, t);
}

/* Does trigger t, joined by و, continue the list of acts begun by the
** announced noun trigger `announced` (same clause, no verb between: "أعلن
** سعيد تجميد أعمال البرلمان ورفع الحصانة وإعفاء ...")?  -1: none. */
static bool continues_announced(const evctx *e, const coder_trig *t,
                                int announced) {
  const coder_sent *s = e->s;
  return announced >= 0 && (t->cl0 & TXT_CL_WA) &&
         same_clause(s, s->trigs[announced].start, t->start) &&
         !verb_between(e, s->trigs[announced].end, t->start, t);
}

/* Codes of acts done together: consult, cooperate, agree, fight.  Their
** noun takes its pair from "بين A وB" a few words on, and names its own
** doers right after it ("توصل الطرفين إلى اتفاق"). */
static const char *const joint_roots[] = {"03", "04", "05", "06", "0871",
                                          "19", NULL};

/* The roots of an act that answers what another said or asked: criticism
** and refusal ("وهو ما رفضته كولومبو"; see the relative وهو ما in
** coder_events). */
static const char *const answer_roots[] = {"11", "12", NULL};

/* Codes a caller addresses to the one called when the verb points back to
** the call with فيه/خلاله: support and praise (05), offers and pledges
** (03). */
static const char *const call_roots[] = {"03", "05", NULL};

/* Codes whose phrases hold their addressee in a gap before a complement:
** "دعا X إلى", "طالب X ب", "اتهم X ب", "هدد X ب". */
static const char *const object_gap_roots[] = {"02", "10", "11", "12", "13",
                                               NULL};

/* Codes whose noun complement is wished, demanded, threatened or warned
** of, or welcomed, not reported as done by the same actor: "هددت ...
** باستهداف", "طالب بوقف الهجمات", "رحبت السعودية بالهدنة". */
static const char *const governing_roots[] = {"012", "02", "03", "051", "10",
                                              "12", "13", NULL};

/* The trigger right before trigger ti, at most two words between, in the
** same clause; else NULL.  A statement noun between them ("رفضت قطر في
** بيان الاتهامات") is skipped: it says where, not what. */
static const coder_trig *governor_of(const coder_sent *s, size_t ti) {
  const coder_trig *t = &s->trigs[ti];
  if (ti == 0) return NULL;
  size_t pi = ti - 1;
  while (pi > 0 && !s->trigs[pi].verbal &&
         (dict_verb_at(s->dict, s->trigs[pi].verb)->flags & DICT_F_SAY))
    pi--;
  const coder_trig *p = &s->trigs[pi];
  if (p->end > t->start) return NULL;
  uint32_t words = 0;
  for (uint32_t i = p->end; i < t->start; i++) {
    if (s->ct[i].punct) return NULL;
    bool skipped = false; /* a word of a skipped statement noun */
    for (size_t k = pi + 1; k < ti && !skipped; k++)
      skipped = i >= s->trigs[k].start && i < s->trigs[k].end;
    if (skipped) continue;
    if (!s->ct[i].free && ++words > 2) return NULL;
  }
  return p;
}

/* The trigger whose complement noun trigger ti is (governor_of; a verb
** governs no verb). */
static const coder_trig *governor(const coder_sent *s, size_t ti) {
  return s->trigs[ti].verbal ? NULL : governor_of(s, ti);
}

/* Codes whose verb's clause holds what is asked for, promised or agreed
** on, not what was done: appeal, intent, agreement, demand. */
static const char *const appeal_roots[] = {"02", "03", "057", "10", NULL};

/* Is noun trigger ti inside what an appeal, promise, agreement or demand
** verb earlier in its clause asks for or settles ("وحث بومبيو ... الحركة
** على الوفاء بتعهداتها وقطع علاقاتها", "اتفقتا على وقف لإطلاق النار
** وسحب القوات")?  The content runs to the next comma or verb. */
static bool appeal_content(const coder_sent *s, size_t ti) {
  const coder_trig *t = &s->trigs[ti];
  if (t->verbal) return false;
  for (size_t k = ti; k-- > 0;) {
    const coder_trig *p = &s->trigs[k];
    if (!same_clause(s, p->start, t->start)) return false;
    if (!coder_no_punct(s, p->end, t->start)) return false;
    if (!p->verbal) continue;
    const char *pc = dict_verb_at(s->dict, p->verb)->code;
    /* "وقعتا اتفاقا ... برعاية تركيا": who brokered an agreement is no
    ** term of it */
    if (memcmp(pc, "05", 2) == 0 &&
        memcmp(dict_verb_at(s->dict, t->verb)->code, "04", 2) == 0)
      return false;
    return root_in(pc, appeal_roots);
  }
  return false;
}

/* Is noun trigger t an indefinite call, meeting or talks noun right after
** في/خلال/عبر ("في اتصال هاتفي", "خلال لقاء", "في مؤتمر صحفي مشترك"):
** the setting of the act of the clause it stands in?  Not a visit (042,
** 043: "خلال زيارة لموقع التفجير") nor mediation (045), and not a
** definite noun, which names a meeting already told ("خلال اللقاء"). */
static const char *const visit_or_mediation_codes[] = {"042", "043", "045", NULL};
static bool framed_consultation(const coder_sent *s, const coder_trig *t,
                                const dict_verb *v) {
  return !t->verbal && t->start > 0 && memcmp(v->code, "04", 2) == 0 &&
         !root_in(v->code, visit_or_mediation_codes) &&
         coder_tok_is(s, t->start - 1, CW_DURING, false) &&
         !coder_tok_definite(s, t->start);
}

/* Are tokens [from, to) only actors' words and punctuation ("أشاد
** أوباما" + "في اتصال")?  False when from > to: the spans overlap. */
static bool actors_only(const coder_sent *s, uint32_t from, uint32_t to) {
  if (from > to) return false;
  for (uint32_t i = from; i < to; i++)
    if (!s->ct[i].free && !s->ct[i].punct) return false;
  return true;
}

/* Is noun trigger ti the complement of a negated trigger or of one of a
** governing root?  Then it is no event of its own.  gov is
** governor_of(s, ti), which the caller has at hand. */
static bool governed(const coder_sent *s, size_t ti, const coder_trig *gov) {
  const coder_trig *t = &s->trigs[ti];
  /* "وأشاد أوباما في اتصال هاتفي مع مرسي": a consultation noun framed
  ** by في/خلال with only the verb's actors between is where the act was
  ** done, not what it welcomes, promises or asks */
  if (gov && framed_consultation(s, t, dict_verb_at(s->dict, t->verb)) &&
      actors_only(s, gov->end, t->start - 1))
    return false;
  const coder_trig *p = t->verbal ? NULL : gov;
  if (p && (negated(s, p) ||
            root_in(dict_verb_at(s->dict, p->verb)->code, governing_roots)))
    return true;
  return appeal_content(s, ti);
}

/* Is a word of violence or rioting with no doer (grammar `disorder`:
** العنف, الشغب) the object of trigger t, at most ten words after it with
** no punctuation between ("دان الرئيس الصربي بوريس تاديتش أعمال العنف")? */
static bool disorder_object(const coder_sent *s, const coder_trig *t) {
  return class_ahead(s, t->end, 10, CW_DISORDER, true);
}

/* Is noun trigger ti the object of a condemnation (111: أدان استنكر شجب
** ندد)?  "استنكرت رئاسة الإقليم الهجوم" reports the condemnation; the
** attack it names is an event only when its doer is named too ("أدانت
** الجامعة العربية الغارات الإسرائيلية"). */
static bool condemned(const coder_sent *s, size_t ti) {
  const coder_trig *p = governor(s, ti);
  return p && memcmp(dict_verb_at(s->dict, p->verb)->code, "111", 3) == 0;
}

/* The state of the first actor behind a preposition after token `from`
** in its clause (no punctuation between): where the act named there
** struck ("القصف الذي تتعرض له المستشفيات في أنحاء من سوريا"), not a
** role such as السكان, whose state may be the dateline's; NULL if none. */
static const char *clause_state_after(const coder_sent *s, uint32_t from) {
  for (size_t x = coder_first_actor(s, from); x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (!coder_no_punct(s, from, a->start)) return NULL;
    if (a->country[0] && !a->person && behind_prep(s, a)) return a->country;
  }
  return NULL;
}

/* Contract in coder.h. */
bool coder_attack_claim(const coder_sent *s, const coder_trig *t, const char *by) {
  if (!(dict_verb_at(s->dict, t->verb)->flags & DICT_F_CLAIM) ||
      (by && coder_role_in(by, "GOV MIL COP JUD")))
    return false;
  for (uint32_t k = t->start; k < t->end; k++)
    if (coder_tok_is(s, k, CW_ATTACK_REF, true)) return true;
  /* "أعلنت الحركة مسؤوليتها عن تفجير السوق": the word after it (a
  ** demonstrative or other free word may stand between: "عن هذا الهجوم") */
  for (uint32_t k = t->end; k < s->n && k < t->end + 3 && s->ct[k].punct != 1; k++) {
    if (coder_tok_is(s, k, CW_ATTACK_REF, true)) return true;
    if (!s->ct[k].free) return false;
  }
  return false;
}

/* Is the object of verb trigger t, a condemnation, a description as a
** crime or a praise or backing (111, 051), the article's attack named
** by a definite noun with no doer after it ("ودان البيت الأبيض بدوره
** العملية", "ووصف بوتين الضربات بأنها", "أيدت تركيا العملية", "ودان
** أوباما بشدة حملة القمع") or by إياه after a description?  At most two
** other words (بشدة, بدوره, حملة) may stand between.  A protest (14)
** against such a noun ("تنديدا بالضربات") is against the attack too. */
static bool attack_reference(const coder_sent *s, const coder_trig *t,
                             const dict_verb *v) {
  bool protest = memcmp(v->code, "14", 2) == 0;
  if (!t->verbal ||
      (memcmp(v->code, "111", 3) != 0 && memcmp(v->code, "051", 3) != 0 && !protest))
    return false;
  uint32_t from = t->first_end;
  if (protest) {
    /* "خرج مئات السوريين ... تنديدا بالضربات": a protest against the
    ** attack, after its against-word */
    while (from < s->n && same_clause(s, from, t->start) &&
           !coder_tok_is(s, from, CW_AGAINST, false))
      from++;
    if (from >= s->n || !same_clause(s, from, t->start)) return false;
    from++;
  } else if (memcmp(v->code, "111", 3) == 0 && from < s->n && !s->ct[from].punct &&
             coder_tok_is(s, from, CW_PREP_PRONOUN, false)) {
    /* "واصفة إياه بأنه «عدوان ثلاثي»": the pronoun names the attack
    ** the sentence reports */
    return true;
  }
  int words = 0;
  for (uint32_t k = from; k < s->n && words <= 2; k++) {
    if (s->ct[k].punct == 1 || s->ct[k].punct == 2) return false;
    if (s->ct[k].free) continue;
    if (coder_tok_is(s, k, CW_ATTACK_REF, true) && coder_tok_definite(s, k)) {
      /* a doer right after it ("العملية التركية") is named: not this rule */
      size_t x = coder_first_actor(s, k + 1);
      return !(x < s->n_actors && s->actors[x].start == k + 1);
    }
    words++;
  }
  return false;
}

/* Is token i "the protesters": a protesters noun carrying ال with no
** number or quantity right before it, or before a من right before it
** ("آلاف المتظاهرين", "عشرات الآلاف من المتظاهرين" introduce a crowd,
** "المتظاهرون" points back to one)? */
static bool known_protesters(const coder_sent *s, uint32_t i) {
  uint32_t q = i > 1 && coder_tok_is(s, i - 1, CW_MIN, false) ? i - 2 : i - 1;
  if (i > 0 && coder_tok_count(s, q)) return false;
  const coder_tok *c = &s->ct[i];
  for (uint8_t k = 0; k < c->nk; k++)
    if (dict_hits_is(&c->keys[k].hits, CW_PROTESTERS) &&
        ((c->keys[k].cl & TXT_CL_AL) || c->keys[k].strip))
      return true;
  return false;
}

/* Is protest trigger t a verb that makes a protest only through "the
** protesters" among its own words ("وهتف المتظاهرون", "ورفع المحتجون
** لافتات", "وتوجه المتظاهرون")?  It tells more of a protest already
** reported, and wasit codes a protest once, where it is introduced; a
** protest verb itself ("تظاهر المحتجون"), or going out into the streets
** ("خرج المتظاهرون إلى الشوارع"), still reports one. */
static bool protest_elaboration(const coder_sent *s, const coder_trig *t) {
  if (coder_tok_is(s, t->end - 1, CW_STREET, true)) return false;
  for (uint32_t i = t->start; i < t->end; i++)
    if (known_protesters(s, i)) return true;
  return false;
}

/* "خرج آلاف الفلسطينيين إلى الشوارع احتفالا بالنصر": a crowd that
** celebrates does not protest; the celebration word may follow the
** trigger anywhere in its clause */
static bool celebration(const coder_sent *s, const coder_trig *t) {
  for (uint32_t i = t->end; i < s->n && i < t->end + 12 && same_clause(s, i, t->start); i++)
    if (coder_tok_is(s, i, CW_CELEBRATE, true)) return true;
  return false;
}

/* Does a demonstrative stand right before noun trigger t ("هذا الهجوم",
** "تلك الاتفاقية")?  The noun then names an event already told.  A noun
** under a preposition is no noun the demonstrative points at: "وذلك
** برعاية الرئيس السنغالي" says how the told event came about. */
static bool demonstrated(const coder_sent *s, const coder_trig *t) {
  return !t->verbal && t->start > 0 &&
         !(t->cl0 & (TXT_CL_BI | TXT_CL_LI | TXT_CL_KA)) &&
         coder_tok_is(s, t->start - 1, CW_DEMONSTRATIVE, false);
}

/* Is violent noun trigger t told as a fact of its own: the subject of an
** occurrence verb right before it ("ووقع الهجوم فجر أمس"), or headed by
** an explicit calendar day at most two tokens before it, as in a
** chronology ("13 يونيو 2007: اغتيال النائب وليد عيدو")?  Such a noun
** reports an incident, it does not name one in passing. */
static bool noun_as_fact(const coder_sent *s, const coder_trig *t) {
  if (t->start > 0 && coder_tok_is(s, t->start - 1, CW_OCCUR, false))
    return true;
  const txt_doc *d = s->doc;
  size_t at = (size_t)(s->toks - d->tokens) + t->start; /* doc token index */
  for (size_t i = 0; i < d->n_dates; i++) {
    const txt_date *dt = &d->dates[i];
    size_t end = (size_t)dt->tok_start + dt->tok_count;
    if (dt->sentence == s->index && dt->precision == TXT_DATE_DAY &&
        !dt->relative && end <= at && at - end <= 2)
      return true;
  }
  return false;
}

/* The first actor at or after token from in the clause of protest
** trigger t with an "against" word (grammar class) at most three words
** before it and no punctuation between; -1 if none.  With denounced,
** only a word that says what the protest denounces (not one of class
** protest_aside: "أمام", "مطالبين"), and no comma between from and the
** actor ("تنديدا بالقرار، وهتفوا ضد الرئيس الأمريكي" goes on to another
** act). */
static int protest_target_after(const coder_sent *s, const coder_trig *t,
                                uint32_t from, bool denounced) {
  for (size_t x = coder_first_actor(s, from); x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (!same_clause(s, a->start, t->start) ||
        (denounced && !coder_no_punct(s, from, a->start)))
      break;
    for (uint32_t k = 1; k <= 3 && k <= a->start; k++) {
      uint32_t i = a->start - k;
      if (s->ct[i].punct || i < t->first_end) break;
      if (coder_tok_is(s, i, CW_AGAINST, false) &&
          !(denounced && coder_tok_is(s, i, CW_PROTEST_ASIDE, false)))
        return (int)x;
    }
  }
  return -1;
}

/* Whom protest trigger t is against: the first actor after it in its
** clause with an "against" word (grammar class) at most three words
** before it and no punctuation between ("مرددين هتافات مناهضة للحكومة",
** "أمام السفارة الفرنسية"); -1 if none.  The word may end the trigger's
** own pattern ("تجمع مئات المحتجين أمام المفوضية النيجيرية", "انسحب
** الوفد من القاعة احتجاجا على قرار الرئاسة اللبنانية"), but not open
** it. */
static int protest_target(const coder_sent *s, const coder_trig *t) {
  return protest_target_after(s, t, t->end, false);
}

/* Is actor a the site a protest stands before: right after أمام, or
** after أمام and one word ("أمام مقر الأمم المتحدة", "أمام سفارة
** ميانمار")? */
static bool protest_site(const coder_sent *s, const coder_actor *a) {
  return (a->start >= 1 && coder_tok_is(s, a->start - 1, CW_SITE_FRONT, false)) ||
         (a->start >= 2 && coder_tok_is(s, a->start - 2, CW_SITE_FRONT, false) &&
          !s->ct[a->start - 1].free && !s->ct[a->start - 1].punct);
}

/* Are tokens [from, to) the words of a count: names, dates, commas and
** numbers, and at most two other words ("13 من", "ثلاثة", "عشرات من")? */
static bool only_free_or_count(const coder_sent *s, uint32_t from, uint32_t to) {
  int words = 0;
  for (uint32_t k = from; k < to; k++)
    if (!s->ct[k].free && ++words > 2) return false;
  return true;
}

/* The actor counted as killed or wounded after violent trigger t in its
** clause ("أسفرت عن مقتل 13 من مسلحي الحركة", "إصابة ثلاثة جنود
** أتراك"): the first actor at most four words after a casualty noun;
** -1 if none. */
static int victims_of(const coder_sent *s, const coder_trig *t) {
  for (uint32_t i = t->end; i < s->n && same_clause(s, i, t->start); i++) {
    if (!coder_tok_is(s, i, CW_KILL_PRE, true) &&
        !coder_tok_is(s, i, CW_WOUND_PRE, true))
      continue;
    size_t x = coder_first_actor(s, i + 1);
    if (x < s->n_actors && s->actors[x].start <= i + 5 &&
        only_free_or_count(s, i + 1, s->actors[x].start))
      return (int)x;
  }
  return -1;
}

/* Are tokens [from, to) all actor names, dates or commas (free)? */
static bool only_free_between(const coder_sent *s, uint32_t from, uint32_t to) {
  for (uint32_t k = from; k < to; k++)
    if (!s->ct[k].free) return false;
  return true;
}

/* Can token k stand between a statement verb and its object, which
** starts at or after token end: the subject's name, a date, a relative
** clause on the subject or a place ("أعلنت منظمة معاهدة الأمن الجماعي
** التي تقودها روسيا إرسال قوات", "أعلنت السعودية وإيران في بكين
** استئناف العلاقات")? */
static bool before_statement_object(const coder_sent *s, uint32_t k, uint32_t end) {
  return s->ct[k].free || coder_tok_is(s, k, CW_REL, false) ||
         /* "أعلن التحالف تنفيذ 18 غارة": a support noun and a count */
         coder_tok_is(s, k, CW_LIGHT, true) ||
         /* "وأكدت الرئاسة في بيان رفضها": where it was said */
         coder_tok_is(s, k, CW_VENUE, true) ||
         (k > 0 && coder_tok_is(s, k - 1, CW_REL, false)) ||
         (coder_tok_is(s, k, CW_PREP, false) && k + 1 < end &&
          (s->ct[k + 1].free || coder_tok_is(s, k + 1, CW_VENUE, true)));
}

/* The first token after statement trigger t and before token end that
** cannot stand before its object, or the ninth word that can: at most
** eight stand between, not counting free tokens (names, capitals among
** them, dates, numbers, commas, quotes), though a place that is no actor
** counts ("وأعلن الرئيس الفنزويلي نيكولاس مادورو أمام حشد من أنصاره في
** كاراكاس قطع العلاقات"); end if none. */
static uint32_t statement_object(const coder_sent *s, const coder_trig *t, uint32_t end) {
  uint32_t words = 0;
  for (uint32_t k = t->end; k < end; k++)
    if (!before_statement_object(s, k, end) || (words += !s->ct[k].free) > 8)
      return k;
  return end;
}

/* Is verbal statement trigger ti ("أعلنت") followed by a noun trigger
** that is its object: nothing between them but the subject's name and
** dates ("أعلنت السعودية قطع علاقاتها", "أعلنت وزارة الداخلية اعتقال")?
** The announced act is the event, done by the announcer; the
** announcement adds nothing. */
static bool announces_act(const coder_sent *s, size_t ti) {
  const coder_trig *t = &s->trigs[ti];
  if (ti + 1 >= s->n_trigs) return false;
  const coder_trig *n = &s->trigs[ti + 1];
  const dict_verb *nv = dict_verb_at(s->dict, n->verb);
  /* a perfect form right after the announcer is read as a verbal noun
  ** (see the loop in coder_events) */
  if (!t->verbal || (n->verbal && !only_free_between(s, t->end, n->start)) ||
      (nv->flags & DICT_F_SAY) || !same_clause(s, t->start, n->start))
    return false;
  /* "أعلنت الدوحة توصل الطرفين إلى الاتفاق": a joint act names its own
  ** doers right after its noun; the announcer only reports it */
  if ((nv->flags & DICT_F_MUTUAL) || root_in(nv->code, joint_roots))
    for (size_t x = coder_first_actor(s, n->start); x < s->n_actors &&
                                                   s->actors[x].start <= n->end; x++)
      if (s->actors[x].start == n->first_end || s->actors[x].start == n->end)
        return false;
  return statement_object(s, t, n->start) >= n->start;
}

/* Is verbal trigger t the verb أعلن with, as its object in its clause,
** the verbal noun of a derived verb that is no event word ("وأعلنت
** طوكيو تجميد المنح", "وأعلنت إثيوبيا انضمامها")?  The announcer states
** its own act, whose code the dictionary does not know; a CAMEO coder
** codes that act, never the announcement (01), so nothing is coded.
** What has no such shape stays a statement: a clause ("أعلن أن") or a
** state of affairs ("أعلن الجيش مقتل ثلاثة من جنوده"). */
static bool announces_unknown_act(const evctx *e, const coder_trig *t) {
  const coder_sent *s = e->s;
  if (!t->verbal || !coder_tok_is(s, t->start, CW_ANNOUNCE, false)) return false;
  uint32_t k = statement_object(s, t, s->n);
  if (k >= s->n || before_statement_object(s, k, s->n) || !same_clause(s, t->start, k) ||
      e->trig_tok[k] || s->ct[k - 1].punct)
    return false;
  const txt_token *w = &s->toks[k];
  return dict_morph_verbal_noun(txt_tok_norm(s->doc, w), w->norm_len) &&
         !coder_tok_is(s, k, CW_FEELING, false) &&
         /* "أعلنت الوزارة ارتفاع عدد القتلى": a count reported */
         !coder_tok_count(s, k + 1);
}

/* Does actor x's group fill the start of trigger t's first gap ("وطالبت
** أنقرة بسحب قواتها": أنقرة right after the verb, inside the phrase)? */
static bool lone_group_inside(const coder_sent *s, const coder_trig *t, int x) {
  size_t next = (size_t)group_last(s, x) + 1;
  /* ("وحذرت وزارة الخارجية الكورية الجنوبية موسكو من أن": a second
  ** actor in the phrase is the object; the first is the subject) */
  return s->actors[group_first(s, x)].start == t->first_end &&
         s->actors[group_last(s, x)].end < t->end &&
         (next >= s->n_actors || s->actors[next].start >= t->end);
}

/* Does trigger t follow a comma ("...، متهمة البوليساريو بعرقلة")?  A
** verb or participle there continues the sentence's subject. */
static bool after_comma(const coder_sent *s, const coder_trig *t) {
  return t->start > 0 && s->ct[t->start - 1].punct == 2;
}

/* Does trigger t open a participle clause: after a comma, with no و
** ("...، متهما باكو", "...، مطالبا صربيا"), or a participle with و
** continuing one ("...، مؤكدا أن ...، ومتهما هيئة الإغاثة")?  Its
** subject is then the main clause's, not that of a clause reported
** before the comma. */
static bool participle_clause(const coder_sent *s, const coder_trig *t) {
  return after_comma(s, t) && (!(t->cl0 & TXT_CL_WA) || t->verbal == 2);
}

/* Is trigger t a finite verb form given whole (F:شكر, F:هنأت), with no و,
** that opens the clause after a comma with its subject right after it
** ("من جانبه، شكر هادي السعودية على جهودها")?  Such a verb names its own
** subject; a participle there ("، متهما باكو") never does. */
static bool own_subject_after(const coder_sent *s, const coder_trig *t) {
  if (t->cl0 & TXT_CL_WA) return false;
  const txt_token *w = &s->toks[t->start];
  if (dict_morph_participle(txt_tok_norm(s->doc, w), w->norm_len)) return false;
  size_t x = coder_first_actor(s, t->first_end);
  return x < s->n_actors && s->actors[x].start == t->first_end;
}

/* Is the complementizer at token c governed by a participle set off by a
** comma ("...، مؤكدا أنه رفض هذا الطلب")?  Its pronoun is then the main
** clause's subject, not the last reported one. */
static bool participle_comp(const coder_sent *s, uint32_t c) {
  return c >= 2 && !s->ct[c - 1].punct && s->ct[c - 2].punct == 2;
}

/* Can token adj be an adjective of the nisba adjective at token head
** ("الإكوادورية الجديدة", "الأمريكي الجديد")?  Only a nisba (ending in ي
** or ية) takes one here, and the two agree: both feminine (ة) or both
** masculine singular.  An object after a name ("وطالبت أنقرة الأطراف"، "طالب
** الرئيس الأمريكي الفلسطينيين") is no adjective. */
static bool adjective_agrees(const coder_sent *s, uint32_t head, uint32_t adj) {
  static const char ta_marbuta[] = "\xd8\xa9", ya[] = "\xd9\x8a",
                    ya_ta[] = "\xd9\x8a\xd8\xa9"; /* ية */
  static const char *const plural[] = {"\xd9\x8a\xd9\x86", /* ين */
                                       "\xd9\x88\xd9\x86", /* ون */
                                       "\xd8\xa7\xd8\xaa", /* ات */
                                       NULL};
  const txt_token *h = &s->toks[head], *a = &s->toks[adj];
  bool fem = txt_tok_orig_ends(s->doc, h, ya_ta);
  if (!fem && !txt_tok_orig_ends(s->doc, h, ya)) return false;
  if (fem) return txt_tok_orig_ends(s->doc, a, ta_marbuta);
  if (txt_tok_orig_ends(s->doc, a, ta_marbuta)) return false;
  for (const char *const *p = plural; *p; p++)
    if (txt_tok_orig_ends(s->doc, a, *p)) return false;
  return true;
}

/* Is actor x's group followed right away, or past one adjective that
** agrees with it (adjective_agrees) when a word with ب or إلى comes next,
** by the complement of an appeal, demand or accusation (a word with ب,
** or إلى, or على): "واتهمت حزب العمال الكردستاني بتنفيذه", "ودعت بغداد
** إلى عدم الانجرار"، "وحث السلطات المصرية على التحلي"?  Then the group
** is the addressee, not the subject. */
static bool complement_after(const coder_sent *s, int x) {
  uint32_t i = s->actors[group_last(s, x)].end;
  if (i >= s->n || s->ct[i].punct) return false;
  /* (past one adjective of the group's last actor: "وطالبت الحكومة
  ** الإكوادورية الجديدة بضمان خروجه") */
  if (i + 1 < s->n && coder_tok_definite(s, i) && !s->ct[i].free &&
      !s->ct[i + 1].punct && (coder_tok_has_clitic(s, i + 1, TXT_CL_BI) ||
                              coder_tok_ila(s, i + 1)) &&
      adjective_agrees(s, i - 1, i))
    i++;
  /* (على before the article, or written with its final ى ("حث الجبهة
  ** على وقف"): normalized, "علي" is also the name Ali) */
  bool alif_maqsura = txt_tok_orig_ends(s->doc, &s->toks[i], "\xd9\x89"); /* ى */
  return coder_tok_has_clitic(s, i, TXT_CL_BI) || coder_tok_ila(s, i) ||
         (coder_tok_is(s, i, CW_ALA, false) &&
          (alif_maqsura || coder_tok_definite(s, i + 1)));
}

/* Is code a state's own side: its government, forces, police,
** intelligence, courts or parliament? */
static const char *const state_roles[] = {"GOV", "MIL", "COP", "SPY", "JUD",
                                          "LEG", NULL};

static bool state_side(const char *code) {
  if (strlen(code) == 3) return true; /* the bare state */
  for (const char *const *r = state_roles; *r; r++)
    if (strlen(code) >= 6 && memcmp(code + 3, *r, 3) == 0) return true;
  return false;
}

/* Is actor a the speaker's own, through a pronoun ("بلاده", "مبعوثه
** الخاص", "قواتها")? */
static bool own_by_pronoun(const coder_actor *a) {
  return a->own || (!a->country[0] && (a->cl0 & TXT_CL_ENC));
}

/* The one actor the clause from token `from` on names besides the
** speaker's own side (see reported_actor); -1 if none or several. */
static int clause_actor(const coder_sent *s, uint32_t from, const char *own,
                        bool compound_ok) {
  /* the reported clause ends at a verb joined by و ("أن قواتها ردت
  ** ... وطالبت الأمين العام"): that verb may be the speaker's */
  uint32_t cut = s->n;
  for (size_t ti = 0; ti < s->n_trigs && cut == s->n; ti++) {
    const coder_trig *o = &s->trigs[ti];
    if (o->start > from && o->verbal && (o->cl0 & TXT_CL_WA)) cut = o->start;
  }
  int found = -1, home = -1, place = -1;
  bool several_home = false, several_places = false;
  for (size_t x = coder_first_actor(s, from); x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (!same_clause(s, a->start, from) || a->start >= cut) break;
    /* "أن القوات ... طردت جيش جنوب السودان ...، بعد معارك": a comma
    ** closes the reported clause */
    bool comma = false;
    for (uint32_t j = from; j < a->start && !comma; j++)
      comma = s->ct[j].punct == 2;
    if (comma) break;
    if (own_by_pronoun(a)) continue;
    if (behind_prep(s, a)) { /* (locative places included) */
      /* where, not whom; a foreign state named as the place is what
      ** the statement is about when no actor is ("ستسحب قواتها من
      ** مالي", "شرق سوريا"); a border's neighbour ("على الحدود مع
      ** موريتانيا") is not */
      if (a->country[0] && !border_place(s, a) &&
          !(own && coder_streq(a->country, own))) {
        several_places |= place >= 0 && !coder_streq(s->actors[place].country, a->country);
        if (place < 0) place = (int)x;
      }
      if (locative_place(s, a)) continue;
    }
    if (own && own[0] && coder_streq(a->country, own)) {
      /* the speaker's own state: remembered for a domestic statement */
      several_home |= home >= 0;
      home = (int)x;
      continue;
    }
    /* several actors: about none of them, but a threat's one compound is
    ** threatened member by member ("حذر السيسي من أن أي تقدم لقوات
    ** الوفاق والقوات التركية ...") and several actors of one state are
    ** about that state ("أن الجيش السوداني وقوات الدعم السريع وافقا") */
    if (found >= 0 && !(compound_ok && s->actors[found].group == a->group) &&
        !(a->country[0] && coder_streq(a->country, s->actors[found].country)))
      return -1;
    /* ("أن الزعيمين اتفقا": the two parties are several too) */
    if (a->parties && !compound_ok) return -1;
    if (found < 0) found = (int)x;
  }
  /* "قال عبد المهدي إن مطالب المحتجين مشروعة": with no foreign actor,
  ** a statement is about the one home actor other than the speaker's
  ** own side (the state speaking of its forces is about itself) */
  if (found < 0 && home >= 0 && !several_home &&
      !state_side(s->actors[home].code))
    found = home;
  if (found < 0 && home < 0 && place >= 0 && !several_places) found = place;
  return found;
}

/* The complementizer (أن إن) that opens the clause statement trigger t
** reports, less than 24 tokens past t's end (the speaker and an aside
** may stand between), before the clause ends; 0 if none. */
static uint32_t complementizer(const coder_sent *s, const coder_trig *t) {
  /* from the end of the first word: a phrase may end inside the reported
  ** clause ("حذر * من أن أي") */
  for (uint32_t k = t->first_end; k < s->n && k < t->end + 24; k++) {
    if (s->ct[k].punct == 1) break;
    /* (not a word of a name: "بان كي مون") */
    if (coder_tok_is(s, k, CW_COMP, false) && !in_actor_name(s, k)) return k;
  }
  return 0;
}

/* Does token i read as an imperfect verb with the future prefix: س
** then ي ت or ن, after an optional و or ف ("وستسير", "سيجري")?  The
** split alone does not tell: "سارعت" also splits as س + ارعت (and
** first-person سأ is left out for that reason). */
static bool future_prefixed(const coder_sent *s, uint32_t i) {
  const txt_token *w = &s->toks[i];
  const unsigned char *n = (const unsigned char *)txt_tok_norm(s->doc, w);
  size_t len = w->norm_len;
  if (len >= 2 && n[0] == 0xd9 && (n[1] == 0x88 || n[1] == 0x81)) { /* و ف */
    n += 2;
    len -= 2;
  }
  if (len < 8 || n[0] != 0xd8 || n[1] != 0xb3) return false; /* س */
  return ((n[2] == 0xd9 && (n[3] == 0x8a || n[3] == 0x86)) || /* ي ن */
          (n[2] == 0xd8 && n[3] == 0xaa)) &&                    /* ت */
         !sa_noun(s, i, (const char *)n + 2, len - 2);
}

/* How far a statement's content is read, in tokens past its trigger's
** end (condition_said, blame_said): to just past where complementizer
** stops looking for the أن that opens it. */
#define CONTENT_REACH 25

/* The verb of the trigger whose word token k is (e->trig_tok) when that
** trigger is not t, else NULL: a second speech verb there ends t's
** content. */
static const dict_verb *other_verb_at(const evctx *e, const coder_trig *t,
                                      uint32_t k) {
  const coder_sent *s = e->s;
  if (!e->trig_tok[k] || &s->trigs[e->trig_tok[k] - 1] == t) return NULL;
  return dict_verb_at(s->dict, s->trigs[e->trig_tok[k] - 1].verb);
}

/* Does the content of say trigger t make something hang on another's act:
** a condition word (grammar class condition: مرهون, يتطلب) or "ما لم" in
** the clause its complementizer opens, within 25 words of the verb,
** before any punctuation and before the next speech verb ("قال السراج
** إن حكومته لن تقبل بأي مفاوضات مع حفتر ما لم تنسحب قواته", "أكد أن أي
** تطبيع مع أنقرة مرهون بانسحاب القوات التركية")?  A CAMEO analyst codes such a
** statement as a demand (10) on the party named, not a plain comment.
** "وهو ما لم يتسن التحقق منه" (a relative) is no condition.  So is an
** act of another actor (not of `own`, the speaker's code, when known)
** that a negated or future clause waits for (grammar class pending before
** أن or إذا: "لن يعود السفير إلا إذا احترمت فرنسا الدولة الجزائرية"). */
static bool condition_said(const evctx *e, const coder_trig *t, const char *own) {
  const coder_sent *s = e->s;
  uint32_t c = complementizer(s, t);
  if (!c) return false;
  bool waits = false; /* a negated or future verb so far: "لن يعود", "ستبقى" */
  for (uint32_t k = c; k < s->n && k < t->end + CONTENT_REACH; k++) {
    if (s->ct[k].punct) return false;
    const dict_verb *w = other_verb_at(e, t, k);
    if (w && (w->flags & DICT_F_SAY)) return false;
    if (coder_tok_is(s, k, CW_CONDITION, true)) return true;
    /* "لن يعود السفير إلا إذا احترمت فرنسا", "ستبقى سارية إلى أن تكف
    ** تبليسي": another's act right after it (not the speaker's own
    ** state's: "إلى أن تتأكد واشنطن"); a plain account goes on in time
    ** ("قصفت المعسكر قبل أن تتوغل قوات برية") */
    waits |= coder_tok_is(s, k, CW_NEG_WILL, false) || future_prefixed(s, k);
    if (waits && coder_tok_is(s, k, CW_PENDING, false) &&
        (coder_tok_is(s, k + 1, CW_COMP, false) || coder_tok_is(s, k + 1, CW_COND, false))) {
      size_t x = coder_first_actor(s, k + 2);
      if (x < s->n_actors && s->actors[x].start <= k + 4 &&
          !(own && strncmp(s->actors[x].country, own, 3) == 0))
        return true;
    }
    if (k > t->end && coder_tok_is(s, k, CW_NEG, false) &&
        !coder_tok_is(s, k, CW_NEG_WILL, false) && /* "ما لا يقل عن" */
        coder_tok_is(s, k - 1, CW_NEG_MA, false) &&
        !(k >= 2 && coder_tok_is(s, k - 2, CW_PRON_MA, true)))
      return true;
  }
  return false;
}

/* The actor a statement trigger t reports about: the clause after a
** complementizer (أن إن) at most 24 tokens after t (the speaker and an
** aside between commas may stand between: "وقال ترامب، في خطاب متلفز
** ألقاه من البيت الأبيض مساء الجمعة، إن الضربات") names exactly one
** actor besides the speaker's own side (actors of the speaker's state,
** `own` country; "قالت وزيرة الخارجية السودانية إن الخرطوم ترفض ...
** من جانب أديس أبابا" is about Ethiopia); -1 otherwise (none, or
** several: "أن أرمينيا وأذربيجان").  With no complementizer, the clause
** from token `content` (after the subject; 0: none) is read instead. */
static int reported_actor(const coder_sent *s, const coder_trig *t,
                          const char *own, bool compound_ok,
                          uint32_t content) {
  uint32_t k = complementizer(s, t);
  if (k) return clause_actor(s, k + 1, own, compound_ok);
  /* "أعلن الجيش الهندي مقتل عشرين من جنوده في مواجهة مع القوات
  ** الصينية": with no أن, what follows the subject is the content */
  return content && content < s->n && !s->ct[content].punct
             ? clause_actor(s, content, own, compound_ok) : -1;
}

/* The actor that opens the clause of verb trigger t right after
** إن/أن (a quotation mark may stand between), when no other trigger
** stands between it and the verb and the verb is at most eight words
** after it; -1 if none. */
static int comp_subject(const evctx *e, const coder_trig *t) {
  const coder_sent *s = e->s;
  for (uint32_t k = t->start; k-- > 0 && k + 12 >= t->start;) {
    if (s->ct[k].punct) return -1;
    if (!coder_tok_is(s, k, CW_COMP, false)) continue;
    size_t x = coder_first_actor(s, k + 1);
    if (x >= s->n_actors || s->actors[x].end > t->start ||
        t->start - s->actors[x].end > 8)
      return -1;
    for (uint32_t q = k + 1; q < s->actors[x].start; q++)
      if (!s->ct[q].quote) return -1;
    if ((s->actors[x].cl0 & (TXT_CL_BI | TXT_CL_LI)) ||
        trigger_between(e, s->actors[x].end, t->start, t))
      return -1;
    return (int)x;
  }
  return -1;
}

/* Does an accusation (11x) trigger precede trigger ti in its clause? */
static bool accused(const coder_sent *s, size_t ti) {
  for (size_t k = ti; k-- > 0 && ti - k <= 8;) {
    const coder_trig *p = &s->trigs[k];
    if (!same_clause(s, p->start, s->trigs[ti].start)) break;
    if (memcmp(dict_verb_at(s->dict, p->verb)->code, "11", 2) == 0) return true;
  }
  return false;
}

/* The token after a بين from token `from` on, within `words` words that
** are no date or name and before any punctuation (and, when self is not
** NULL, before any trigger other than self); 0 if none. */
static uint32_t bayn_from(const evctx *e, uint32_t from, uint32_t words,
                          const coder_trig *self) {
  const coder_sent *s = e->s;
  for (uint32_t i = from, w = 0; i < s->n && w < words; i++) {
    if (s->ct[i].punct ||
        (self && e->trig_tok[i] && &s->trigs[e->trig_tok[i] - 1] != self))
      return 0;
    if (is_bayn(s, i)) return i + 1;
    w += !s->ct[i].free;
  }
  return 0;
}

/* The token after a بين that follows noun trigger t (no punctuation, no
** other trigger between) when t is a joint act; 0 otherwise.
** "اشتباكات عنيفة اندلعت ليل الاثنين الثلاثاء على طول الحدود بين
** أرمينيا وأذربيجان": up to 7 words that are no date or name.  Not
** mediation or hosting: the pair in "مهمة وساطة بين البلدين" is whom
** the mediator (the clause's subject) acts on, not two who mediate. */
static uint32_t bayn_after(const evctx *e, const coder_trig *t,
                           const dict_verb *v) {
  if (t->verbal || third_party_code(v->code) ||
      !((v->flags & DICT_F_MUTUAL) || root_in(v->code, joint_roots)))
    return 0;
  return bayn_from(e, t->end, 7, t);
}

/* Is trigger t a meeting (040) of one body: its meeting noun followed by
** an adjective of the body's sitting (session: "قمة استثنائية", "اجتماع
** حكومي", "عقد المجلس اجتماعا طارئا") or by the body with ل ("اجتماع
** لمجلس الوزراء"), with no partner named by مع or بين just after it
** ("اجتماع طارئ مع قادة الكتل")?  The sitting is where the body acted
** ("قرر قادة إيكواس خلال قمة استثنائية تجميد أصول مالي"), not talks
** between the sentence's actors nor with the city where it sat. */
static bool body_session(const evctx *e, const coder_trig *t, const dict_verb *v) {
  const coder_sent *s = e->s;
  uint32_t i = t->end;
  if (!coder_streq(v->code, "040") || i >= s->n) return false;
  const txt_token *w = &s->toks[i];
  bool own = coder_tok_is(s, i, CW_SESSION, false) ||
             (coder_tok_is(s, i, CW_GROUP_HEAD, true) && w->norm_len > 2 &&
              memcmp(txt_tok_norm(s->doc, w), "\xd9\x84", 2) == 0); /* ل */
  return own && !bayn_from(e, i, 7, NULL) &&
         !class_ahead(s, i, 6, CW_MAA, false);
}

/* Is trigger t a meeting noun (040) right after a word of opening or
** chairing ("وكان المرشد الأعلى علي خامنئي قد افتتح القمة", "في افتتاح
** قمة دولية", "الذي ترأس الاجتماع"), with no partner named by مع or بين
** just after it?  The opener or chair leads a sitting of many; it is no
** talks between him and the others the sentence names. */
static bool chaired_session(const evctx *e, const coder_trig *t, const dict_verb *v) {
  const coder_sent *s = e->s;
  if (!coder_streq(v->code, "040") || t->verbal) return false;
  /* (the opener's name may stand between: "وافتتح الرئيس التونسي القمة") */
  uint32_t k = t->start;
  while (k > 0 && s->ct[k - 1].free && !s->ct[k - 1].punct) k--;
  if (k == 0 || !coder_tok_is(s, k - 1, CW_CHAIR, true)) return false;
  return !bayn_from(e, t->end, 7, NULL) && !class_ahead(s, t->end, 6, CW_MAA, false);
}

/* Does the pronoun of أنه/أنها/أنهم at token c agree with the form of
** warning verb t, so that it can stand for the speaker ("حذرت الخارجية من
** أنها ستعتبر", "محذرا من أنه سيرد")?  After a masculine speaker أنها is
** the act warned of ("محذرا من أنها ستدخل المنطقة في دوامة من العنف"),
** after a feminine one أنه; أنهم needs a plural speaker. */
static bool speaker_pronoun(const coder_sent *s, const coder_trig *t, uint32_t c) {
  const txt_token *p = &s->toks[c], *w = &s->toks[t->start];
  bool fem = txt_tok_ends(s->doc, w, "\xd8\xaa") ||   /* ت: حذرت */
             txt_tok_ends(s->doc, w, "\xd9\x87");     /* ة, read ه: محذرة */
  bool plural = txt_tok_ends(s->doc, w, "\xd9\x8a\xd9\x86") ||  /* ين */
                txt_tok_ends(s->doc, w, "\xd9\x88\xd9\x86") ||  /* ون */
                txt_tok_ends(s->doc, w, "\xd9\x88\xd8\xa7");    /* وا */
  if (txt_tok_ends(s->doc, p, "\xd9\x87\xd8\xa7")) return fem;     /* ها */
  if (txt_tok_ends(s->doc, p, "\xd9\x87")) return !fem && !plural;  /* ه */
  return plural;                                                  /* هم, هما */
}

/* Does token i start an act to come: a verb with the future prefix, or
** قد before an imperfect ("قد تلجأ", "may resort"), which after a
** warning tells what the speaker's side may do as surely as س does?
** Not قد before a perfect, an act already done ("قد تعرضت لضغوط",
** "قد نجحت"): a word in ت after قد is a feminine perfect, though its
** first letter is that of an imperfect. */
static bool coming_act(const coder_sent *s, uint32_t i) {
  if (future_prefixed(s, i)) return true;
  if (i + 1 >= s->n || !coder_tok_is(s, i, CW_QAD, false)) return false;
  const txt_token *w = &s->toks[i + 1];
  const unsigned char *n = (const unsigned char *)txt_tok_norm(s->doc, w);
  return w->norm_len >= 6 &&
         ((n[0] == 0xd9 && n[1] == 0x8a) ||                   /* ي */
          (((n[0] == 0xd9 && n[1] == 0x86) ||                 /* ن */
            (n[0] == 0xd8 && n[1] == 0xaa)) &&                /* ت */
           !txt_tok_ends(s->doc, w, "\xd8\xaa")));             /* ت */
}

/* Does the content of warning t, a clause after "من أن" within fifteen
** words (an aside between commas may come first), have the speaker's own
** side (an actor whose country prefix is src's, an own-state word such as
** بلاده, or أنه/أنها for the speaker) as the subject of a coming act
** right after it ("لكنه حذر من أن موسكو ستوقف الإمدادات",
** "وحذرت الخارجية، في بيان ...، من أنها ستعتبر أي ضغط إعلان حرب",
** "وحذر من أن واشنطن قد تلجأ إلى مجلس الأمن لفرض عقوبات")?  Warning
** of what one will or may do oneself is a threat. */
static bool own_future_warning(const coder_sent *s, const coder_trig *t,
                               const char *src) {
  for (uint32_t c = t->end > 0 ? t->end - 1 : 0; c < t->end + 15 && c + 1 < s->n; c++) {
    if (!coder_tok_is(s, c, CW_COMP, false)) continue;
    if (c == 0 || !coder_tok_is(s, c - 1, CW_MIN, false)) return false;
    if (coder_tok_is(s, c, CW_COMP_PRONOUN, false))
      return speaker_pronoun(s, t, c) && coming_act(s, c + 1);
    size_t x = coder_first_actor(s, c + 1);
    if (x >= s->n_actors || s->actors[x].start > c + 2 ||
        (strncmp(s->actors[x].code, src, 3) != 0 && !s->actors[x].own))
      return false;
    uint32_t e = s->actors[group_last(s, (int)x)].end;
    return (e < s->n && coming_act(s, e)) || (e + 1 < s->n && coming_act(s, e + 1));
  }
  return false;
}

/* Is future verb t the plan of a reported clause's own subject: right
** after أنه/أنها (the speaker), or after an actor that a complementizer
** opens ("مؤكدا أن الحكومة ستبقى ملتزمة", "أكدت إيكواس أنها ستعزز
** قوتها"), a quotation mark allowed between?  Not a warning's ("محذرا
** من أنها ستقوض فرص الحل": what the speaker fears, not plans). */
static bool stated_plan(const coder_sent *s, const coder_trig *t) {
  uint32_t i = t->start;
  while (i > 0 && s->ct[i - 1].quote) i--;
  if (i == 0) return false;
  uint32_t c = i - 1; /* the complementizer */
  if (!coder_tok_is(s, c, CW_COMP_PRONOUN, false)) {
    size_t x = 0;
    while (x < s->n_actors && s->actors[x].end != i) x++;
    if (x == s->n_actors) return false;
    c = s->actors[group_first(s, (int)x)].start;
    if (c == 0 || !coder_tok_is(s, --c, CW_COMP, false)) return false;
  }
  return c == 0 || !coder_tok_is(s, c - 1, CW_MIN, false);
}

/* Does a complementizer (أن إن بأن) open the stretch of at most six
** tokens before token i, with no comma between ("مؤكدا أن الجنود
** دافعوا")?  The verb at i is then reported, not a main verb. */
static bool after_complementizer(const coder_sent *s, uint32_t i) {
  return coder_class_before(s, i, CW_COMP, 6) > 0;
}

/* Does token i stand at most three words after a temporal connective
** with أن ("بعد أن", "قبل أن") or بعدما/قبلما, with no clause mark between?
** An actor there is the subject of a subordinate clause. */
static bool temporal_subject(const coder_sent *s, uint32_t i) {
  for (uint32_t k = 1; k <= 3 && k <= i; k++) {
    uint32_t j = i - k;
    if (s->ct[j].punct) return false;
    if (coder_tok_is(s, j, CW_TEMPORAL_MA, false) ||
        (j > 0 && coder_tok_is(s, j, CW_COMP, false) &&
         coder_tok_is(s, j - 1, CW_TEMPORAL, false)))
      return true;
  }
  return false;
}

/* Is verb trigger t's first word a perfect with the feminine ending ت
** ("التقت", "استقبلت")? */
static bool feminine_perfect(const coder_sent *s, const coder_trig *t) {
  const txt_token *w = &s->toks[t->start];
  return t->verbal == 1 && w->norm_len >= 8 &&
         txt_tok_ends(s->doc, w, "\xd8\xaa"); /* ت */
}

/* Is token i a title in the masculine ("رئيس", "وزير", not "وزيرة")? */
static bool masculine_title(const coder_sent *s, uint32_t i) {
  const txt_token *w = &s->toks[i];
  return coder_tok_is(s, i, CW_TITLE, true) && w->norm_len >= 2 &&
         !txt_tok_ends(s->doc, w, "\xd9\x87"); /* ه */
}

/* Is verb trigger t's first word a masculine singular form ("اتهم",
** "يتهم")?  Read from its written ending: not ت (feminine), ا or وا (dual,
** plural), ن (plural); and not an imperfect in ت ("تتهم": feminine or
** "you"), so no verb starting with ت is counted (تعهد, تظاهر). */
static bool masculine_verb(const coder_sent *s, const coder_trig *t) {
  const txt_token *w = &s->toks[t->start];
  const unsigned char *n = (const unsigned char *)txt_tok_norm(s->doc, w);
  size_t at = (t->cl0 & (TXT_CL_WA | TXT_CL_FA)) ? 2 : 0;
  if (t->sa) at += 2; /* the future prefix: "ستنسحب" */
  if (t->verbal != 1 || w->norm_len < at + 6) return false;
  return !txt_tok_ends(s->doc, w, "\xd8\xaa") &&   /* ت */
         !txt_tok_ends(s->doc, w, "\xd8\xa7") &&   /* ا */
         !txt_tok_ends(s->doc, w, "\xd9\x86") &&   /* ن */
         memcmp(n + at, "\xd8\xaa", 2) != 0;        /* ت first */
}

/* Is token i, read past its first `at` bytes (a proclitic و or ف), an
** imperfect of the third person masculine singular ("يطالب", "يدين"),
** not a plural or dual ("يطالبون", "يطالبان", "يطالبا")?  A root ending
** in ن stays ("يدين", "يعلن"). */
static bool he_imperfect_form(const coder_sent *s, uint32_t i, size_t at) {
  const txt_token *w = &s->toks[i];
  const unsigned char *n = (const unsigned char *)txt_tok_norm(s->doc, w);
  return w->norm_len >= at + 6 &&
         memcmp(n + at, "\xd9\x8a", 2) == 0 &&                   /* ي first */
         !txt_tok_ends(s->doc, w, "\xd9\x88\xd9\x86") &&         /* ون */
         !txt_tok_ends(s->doc, w, "\xd8\xa7\xd9\x86") &&         /* ان */
         !txt_tok_ends(s->doc, w, "\xd8\xa7");                   /* ا */
}

/* Is verb trigger t's first word an imperfect of the third person
** masculine singular ("ويطالب", "يدعو"), the form an official text gives
** the clauses of a resolution whose subject is "القرار" or the council? */
static bool imperfect_he(const coder_sent *s, const coder_trig *t) {
  size_t at = (t->cl0 & (TXT_CL_WA | TXT_CL_FA)) ? 2 : 0;
  return t->verbal == 1 && !t->sa && he_imperfect_form(s, t->start, at);
}

/* "تبنى مجلس الأمن الدولي مساء الجمعة قرارا يطالب إسرائيل بالوقف",
** "أصدر مجلس الأمن بيانا «يستنكر بشدة» التجارب": an imperfect right
** after an indefinite document noun in the accusative, the object of a
** verb of adopting or issuing (the relative clause of an indefinite noun
** has no الذي; a quotation mark may stand between), has the document as
** its subject, which speaks for whoever adopted it: a verb of class
** `adopt` within twelve words before the noun with no punctuation between
** (as far back as adopter_before reads) and no word joined by و outside
** an actor's name (another verb).  Returns the noun's token, or 0 if verb
** trigger t is no such verb. */
static uint32_t document_before(const coder_sent *s, const coder_trig *t) {
  if (!imperfect_he(s, t) || (t->cl0 & (TXT_CL_WA | TXT_CL_FA)) || t->start < 2) return 0;
  uint32_t k = t->start - 1;
  if (s->toks[k].kind != TXT_WORD && !s->ct[k].punct) k--; /* a quotation mark */
  /* (not "مسودة قرار يفرض عقوبات": a draft, adopted by no one yet) */
  if (!coder_tok_is(s, k, CW_DOC_SUBJECT, true) || coder_tok_definite(s, k) ||
      s->ct[k].free || !txt_tok_ends(s->doc, &s->toks[k], "\xd8\xa7")) /* ا */
    return 0;
  uint32_t back = coder_class_before(s, k, CW_ADOPT, 12);
  /* the adopting verb the nearest before the noun: not one of an
  ** earlier clause joined by و ("تبنت فرنسا موقفا متشددا وقدمت إلى مجلس
  ** الأمن قرارا": the draft France submits speaks for no one) */
  for (uint32_t i = k - back + 1; back && i < k; i++) {
    size_t x = coder_first_actor(s, i + 1);
    if (coder_tok_has_clitic(s, i, TXT_CL_WA) &&
        !(x > 0 && s->actors[x - 1].end > i))
      return 0;
  }
  return back ? k : 0;
}

/* "اعتمد مجلس الأمن الدولي القرار رقم 688 الذي يدين القمع": an
** imperfect right after الذي whose antecedent is a definite document
** noun (its number may follow it), the object of a verb of class `adopt`
** within twelve words before with no punctuation between, has the
** document as its subject, which speaks for whoever adopted it: the
** clause tells the document's content, not background.  Returns the
** noun's token, or 0 if verb trigger t is no such verb. */
static uint32_t document_relative(const coder_sent *s, const coder_trig *t) {
  if (!imperfect_he(s, t) || (t->cl0 & (TXT_CL_WA | TXT_CL_FA)) || t->start < 2 ||
      !coder_tok_is(s, t->start - 1, CW_REL, false))
    return 0;
  for (uint32_t k = t->start - 1; k-- > 0 && k + 4 >= t->start;) {
    if (s->ct[k].punct) return 0;
    if (coder_tok_is(s, k, CW_DOC_SUBJECT, true))
      return coder_tok_definite(s, k) && !s->ct[k].free &&
                     coder_class_before(s, k, CW_ADOPT, 12)
                 ? k : 0;
  }
  return 0;
}

/* Whom a definite document that is the subject of a verb speaks for
** ("ودعا القرار طرفي النزاع"): the last actor the article named issuing
** or adopting one ("ردا على بيان رئاسي أصدره مجلس الأمن", not the state
** whose answer the sentence before told: ctx->adopter), else the source
** of the sentence before's first event, else, when no sentence before
** gave one (a lead telling the adoption with no coded act: "أجاز مجلس
** الأمن لفرنسا أن تقود عملية ... ويطالب القرار جميع الأطراف"), the
** international body the article has acting; NULL if none. */
static const char *document_issuer(const coder_ctx *ctx) {
  if (ctx->adopter[0]) return ctx->adopter;
  if (ctx->last_source[0]) return ctx->last_source;
  return strncmp(ctx->body, "IGO", 3) == 0 ? ctx->body : NULL;
}

/* Does a clause before verb trigger t in its sentence open with an
** imperfect verb of the third person masculine singular whose subject is
** a definite document noun ("ويوسع القرار حظر الأسلحة"), a verb no
** trigger need cover?  The clauses joined to it by و go on with the
** document's issuer. */
static bool document_clause_before(const coder_sent *s, const coder_trig *t) {
  for (uint32_t k = t->start; k-- > 1;) {
    if (!coder_tok_is(s, k, CW_DOC_SUBJECT, true) || !coder_tok_definite(s, k) ||
        s->ct[k].free)
      continue;
    size_t at = coder_tok_has_clitic(s, k - 1, TXT_CL_WA) ? 2 : 0; /* و */
    if (!at && k > 1 && !s->ct[k - 2].punct) continue; /* not a clause's start */
    if (he_imperfect_form(s, k - 1, at)) return true;
  }
  return false;
}

/* Who adopted the document at token k (document_before): the last actor
** before it in its clause, within twelve words, not behind a preposition
** ("تبنى مجلس الأمن الدولي مساء الجمعة قرارا"); -1 if none. */
static int adopter_before(const coder_sent *s, uint32_t k) {
  for (size_t x = coder_first_actor(s, k); x-- > 0;) {
    const coder_actor *a = &s->actors[x];
    if (a->end + 12 < k || !same_clause(s, a->end - 1, k)) return -1;
    if (!behind_prep(s, a) && !a->adj_only) return (int)x;
  }
  return -1;
}

/* Is verb trigger t's first word a perfect in the masculine plural
** ("وأضرموا", "خرجوا")? */
static bool masculine_plural_verb(const coder_sent *s, const coder_trig *t) {
  const txt_token *w = &s->toks[t->start];
  return t->verbal == 1 && w->norm_len >= 8 &&
         txt_tok_ends(s->doc, w, "\xd9\x88\xd8\xa7"); /* وا */
}

/* Is actor a feminine in agreement: a noun in ة or ات ("إدارة بايدن",
** "السلطات"), not a person, a title or men (class men_plural: "القادة")?
** States' names and seats are not read: لبنان, العراق and الكرملين are
** masculine. */
static bool feminine_actor(const coder_sent *s, const coder_actor *a) {
  if (a->person || coder_tok_is(s, a->start, CW_TITLE, true) ||
      coder_tok_is(s, a->start, CW_MEN_PLURAL, true))
    return false;
  const txt_token *w = &s->toks[a->start];
  return w->norm_len >= 6 &&
         (txt_tok_ends(s->doc, w, "\xd9\x87") ||              /* ه */
          txt_tok_ends(s->doc, w, "\xd8\xa7\xd8\xaa"));     /* ات */
}

/* "وكان وزير الخارجية الهندي براناب موخرجي قد أبلغ": the actor right
** after كان (class `was`), at most eighteen words before قد at token qad
** with no clause end between, is the subject of the verb after قد; -1
** if none. */
static int was_subject(const coder_sent *s, uint32_t qad) {
  /* (across an aside between commas: "وكان رئيس اتحاد أرباب العمل بيدرو
  ** كارمونا، الذي نصبه الضباط رئيسا انتقاليا الجمعة، قد أعلن") */
  for (uint32_t k = qad; k-- > 0 && k + 18 >= qad;) {
    if (s->ct[k].punct == 1) return -1;
    if (!coder_tok_is(s, k, CW_WAS, false)) continue;
    size_t x = coder_first_actor(s, k + 1);
    return x < s->n_actors && s->actors[x].start == k + 1 &&
                   s->actors[x].end <= qad && !behind_prep(s, &s->actors[x])
               ? (int)x : -1;
  }
  return -1;
}

/* "أقرت إريتريا للمرة الأولى بوجود قواتها، وأعلنت أنها اتفقت", "وكانت
** الرياض قد أقرت ... بوفاة خاشقجي، وأعلنت توقيف 18 سعوديا": a sentence
** (after any dateline, "أديس أبابا -", and any opening phrase of up to
** three tokens set off by a comma, of time or place as a rule, though its
** words are not tested: "وبعد ساعات، ظهر صدام حسين على شاشة التلفزيون
** ...، ووصف الهجوم بأنه") that opens with a verb no pattern codes and its
** subject right after it (VSO); that actor, or -1.  A verb joined by و
** later, with no subject of its own and none coded before, shares it; one
** whose subject is its addressee ("وطالبت أثينا بتقديم تفسير") has it as
** speaker. */
static int opening_subject(const coder_sent *s, const coder_trig *t) {
  uint32_t p = 0;
  bool dateline = (s->place && s->place_tok == 0) || s->dateline_state[0];
  for (uint32_t k = 1; dateline && k < 5 && k < s->n && !p; k++)
    if (s->toks[k].kind == TXT_PUNCT) p = k + 1;
  for (uint32_t k = p + 1; k < p + 4 && k + 1 < s->n; k++)
    if (s->ct[k].punct) {
      if (s->ct[k].punct == 2) p = k + 1;
      break;
    }
  size_t x = coder_first_actor(s, p);
  if (p + 1 >= s->n || x >= s->n_actors) return -1;
  const coder_actor *a = &s->actors[x];
  /* (SVO, as headlines and live pages write: "الرئيس الكيني دانيال أراب
  ** موي يتفقد موقع الانفجار، ويدين": the subject first, then the verb) */
  uint32_t verb = p;
  if (a->start == p) {
    verb = s->actors[group_last(s, (int)x)].end;
    if (verb >= t->start) return -1;
  } else if (a->start != p + 1) {
    return -1;
  }
  if (a->end > t->start || s->ct[verb].punct || s->ct[verb].free ||
      s->toks[verb].kind != TXT_WORD ||
      (verb == p && !dict_cls_empty(s->ct[verb].cls_any) && !coder_tok_is(s, verb, CW_WAS, false)) ||
      a->adj_only || (a->cl0 & (TXT_CL_BI | TXT_CL_LI | TXT_CL_WA)) || behind_prep(s, a))
    return -1;
  return (int)x;
}

/* Is actor a masculine in agreement: a man's title ("رئيس") or a sound
** masculine plural of people, a nisba ("المدنيين", "الإسرائيليون") or a
** participle ("المحتجين", "المتظاهرون")?  Read from the written form,
** so names in ين (الصين، البحرين، فلسطين) are none of these. */
static bool masculine_actor(const coder_sent *s, const coder_actor *a) {
  if (masculine_title(s, a->start)) return true;
  if (a->person) return false;
  const txt_token *w = &s->toks[a->start];
  const unsigned char *n = (const unsigned char *)txt_tok_norm(s->doc, w);
  if (w->norm_len < 10 || (!txt_tok_ends(s->doc, w, "\xd9\x8a\xd9\x86") &&  /* ين */
                           !txt_tok_ends(s->doc, w, "\xd9\x88\xd9\x86")))   /* ون */
    return false;
  bool nisba = n[w->norm_len - 6] == 0xD9 && n[w->norm_len - 5] == 0x8A;  /* يين, يون */
  bool participle = memcmp(n, "\xd8\xa7\xd9\x84\xd9\x85", 6) == 0;      /* الم */
  return nisba || participle;
}

/* "خرج آلاف المحتجين ...، ودعت المعارضة الكينية إلى إضراب": a feminine
** verb cannot share a masculine subject before it; the feminine actor
** right after it is its own subject. */
static bool gender_switch(const coder_sent *s, const coder_trig *t,
                          const coder_actor *before, const coder_actor *after) {
  return feminine_perfect(s, t) && after->start == t->first_end &&
         masculine_actor(s, before) && feminine_actor(s, after);
}

/* Does verb trigger t carry a pronoun pointing back: on the verb, or a
** preposition with a pronoun ending it or right after it ("أفرجت عنهم",
** "تباحث معه")?  A doubled stem keeps its pronoun unsplit (class
** verb_it: "حثهما خلالهما على التهدئة"). */
static bool pronoun_back(const coder_sent *s, const coder_trig *t) {
  return t->verbal &&
         ((t->cl0 & TXT_CL_ENC) || coder_tok_is(s, t->start, CW_VERB_IT, false) ||
          coder_tok_is(s, t->end - 1, CW_PREP_PRONOUN, false) ||
          coder_tok_is(s, t->end, CW_PREP_PRONOUN, false));
}

/* pronoun_back(), or a pronoun on the phrase's last word ("أطلقت الجماعة
** سراحهم"): what a resumptive pronoun may look like. */
static bool resumptive(const coder_sent *s, const coder_trig *t) {
  return pronoun_back(s, t) || (t->verbal && coder_tok_has_clitic(s, t->end - 1, TXT_CL_ENC));
}

/* Does a main clause of its own hold trigger t (index ti): فيما/بينما
** after the last statement or condemnation before it, with no other
** statement between ("اعتبرت موسكو أن ...، بينما أعلن الرئيس المكسيكي
** استعداد بلاده")?  What follows it is no longer what was said. */
static bool new_main_clause(const evctx *e, const coder_trig *t, size_t ti) {
  const coder_sent *s = e->s;
  uint32_t from = 0;
  for (size_t k = ti; k-- > 0;) {
    const dict_verb *v = dict_verb_at(s->dict, s->trigs[k].verb);
    if ((v->flags & DICT_F_SAY) || memcmp(v->code, "11", 2) == 0) {
      from = s->trigs[k].end;
      break;
    }
  }
  for (uint32_t i = from; i < t->start; i++)
    if (coder_tok_is(s, i, CW_MEANWHILE, false)) return true;
  return false;
}

/* Is there a word token strictly between tokens a and b? */
static bool word_between(const coder_sent *s, uint32_t a, uint32_t b) {
  for (uint32_t i = a + 1; i < b; i++)
    if (s->toks[i].kind == TXT_WORD) return true;
  return false;
}

/* Is token i لولا ("were it not for")?  What follows it did happen ("لولا
** الوساطة القطرية لما أفرج عن الرهائن"). */
static bool were_it_not(const coder_sent *s, uint32_t i) {
  return txt_tok_ends(s->doc, &s->toks[i],
                      "\xd9\x84\xd9\x88\xd9\x84\xd8\xa7"); /* لولا, also ولولا */
}

/* Is there a conditional particle (إذا, لو, لولا, في حال) at most ten
** words before trigger t in its clause?  With `protasis`, only when no
** comma or فيما/بينما comes between and the particle is not في حالة
** right before the trigger ("في حالة "تأهب قصوى"" is a state): the
** trigger is then inside the condition itself ("إذا فرض الاتحاد الأوروبي عقوبات"), an
** act supposed, not told.  Past a comma the sentence goes on with what
** was done ("إذا كان جادا في السلام، متهما إياه"). */
static bool condition_before(const coder_sent *s, const coder_trig *t, bool protasis) {
  if (!coder_sent_has(s, CW_COND, false) && !coder_sent_has(s, CW_COND_FI, false))
    return false;   /* most sentences: no particle to look for */
  for (uint32_t k = 1; k <= 10 && k <= t->start; k++) {
    uint32_t i = t->start - k;
    if (!same_clause(s, i, t->start)) break;
    if (protasis && (s->ct[i].punct == 2 || coder_tok_is(s, i, CW_MEANWHILE, false)))
      break;
    if (coder_tok_is(s, i, CW_COND, false)) return !(protasis && were_it_not(s, i));
    if (coder_tok_is(s, i, CW_COND_FI, false) && i > 0 &&
        coder_tok_is(s, i - 1, CW_FI, false) && (!protasis || word_between(s, i, t->start)))
      return true;
  }
  return false;
}

static unsigned modes_of(const evctx *e, const coder_trig *t, size_t ti) {
  const coder_sent *s = e->s;
  unsigned m = 0;
  if (ti > e->first_say && !new_main_clause(e, t, ti)) m |= WASIT_MODE_REPORTED;
  if (t->sa) m |= WASIT_MODE_FUTURE;
  for (uint32_t k = 1; k <= 3 && k <= t->start; k++) {
    uint32_t i = t->start - k;
    if (s->ct[i].punct == 1) break;
    if (coder_tok_is(s, i, CW_FUTURE, true)) m |= WASIT_MODE_FUTURE;
  }
  /* "وستسير القوات الروسية والتركية دوريات مشتركة": a noun's support
  ** verb with the future prefix, its subject between, plans the act */
  for (uint32_t k = 1; !t->verbal && k <= 6 && k <= t->start; k++) {
    uint32_t i = t->start - k;
    if (!same_clause(s, i, t->start)) break;
    if (coder_tok_is(s, i, CW_LIGHT, true) && future_prefixed(s, i)) {
      m |= WASIT_MODE_FUTURE;
      break;
    }
  }
  if (condition_before(s, t, false)) m |= WASIT_MODE_CONDITIONAL;
  return m;
}

/* Is token i, a clause mark (punct 1), a question mark (? or ؟)? */
static bool question_mark(const coder_sent *s, uint32_t i) {
  const txt_token *tk = &s->toks[i];   /* the text only of clause marks */
  const char *q = txt_tok_norm(s->doc, tk);
  return (tk->norm_len == 1 && *q == '?') ||
         (tk->norm_len == 2 && (unsigned char)q[0] == 0xD8 &&
          (unsigned char)q[1] == 0x9F); /* U+061F ؟ */
}

/* Token i takes clause number *c; a clause mark, or a cut before it,
** ends the clause (*asked when the mark is a question mark). */
static inline void clause_step(coder_sent *s, uint32_t i, bool cut,
                               uint16_t *c, bool *asked) {
  s->ct[i].clause = *c;
  if (s->ct[i].punct == 1 || cut) {
    if (s->ct[i].punct == 1 && question_mark(s, i)) *asked = true;
    (*c)++;
  }
}

/* coder_clauses (the contract in coder.h).  Most tokens neither start a
** trigger nor are the pending cut: `at` is the first token where either happens,
** min(trigs[ti].start, next_cut).  Invariant: at > i after a token's
** step (the loop over the triggers stops at one starting past i, and a
** cut lies past its trigger's words), so the tokens before `at` take the
** number and the punct test only, in a loop of their own, and nothing
** else would have happened at them (that loop is about half the cost of
** one that tested each token against `at`).  Always inline: coder_events
** calls it once per sentence, and as a call (GCC's choice once the tests'
** coder_clauses calls it too) it cost 0.26 M instructions more on the
** 2 MB sample. */
__attribute__((always_inline)) static inline bool clauses(coder_sent *s) {
  bool asked = false;
  uint16_t c = 0;
  uint32_t next_cut = UINT32_MAX;
  size_t ti = 0;
  uint32_t at = s->n_trigs ? s->trigs[0].start : UINT32_MAX;
  for (uint32_t i = 0;; i++) {
    for (uint32_t run_end = at < s->n ? at : s->n; i < run_end; i++)
      clause_step(s, i, false, &c, &asked);
    if (i >= s->n) break;
    /* i == at */
    while (ti < s->n_trigs && s->trigs[ti].start <= i) {
      const coder_trig *t = &s->trigs[ti];
      const dict_verb *v = dict_verb_at(s->dict, t->verb);
      if ((v->flags & DICT_F_SAY) || memcmp(v->code, "11", 2) == 0) {
        for (uint32_t j = t->end; j < s->n && j < t->end + 12; j++) {
          if (s->ct[j].punct == 1) break;
          if (coder_tok_is(s, j, CW_COMP, true)) {
            if (j < next_cut || next_cut == UINT32_MAX) next_cut = j;
            break;
          }
        }
      }
      ti++;
    }
    bool cut = i == next_cut;
    if (cut) next_cut = UINT32_MAX;
    at = ti < s->n_trigs ? s->trigs[ti].start : UINT32_MAX;
    if (next_cut < at) at = next_cut;
    assert(at > i);   /* the invariant above */
    clause_step(s, i, cut, &c, &asked);
  }
  return asked;
}

/* Contract in coder.h. */
bool coder_clauses(coder_sent *s) { return clauses(s); }

/* Remove from targets tm[0..nt) those that are the source `src`: of the
** same state when `by_state` (its first 3 letters), else the same actor
** code; returns the number left. */
static size_t without_source(member *tm, size_t nt, const char *src,
                             bool by_state) {
  size_t w = 0;
  for (size_t b = 0; b < nt; b++)
    if (by_state ? strncmp(tm[b].code, src, 3) != 0 : !coder_streq(tm[b].code, src))
      tm[w++] = tm[b];
  return w;
}

static char *code_with(wa_arena *ar, const char *country, const char *role) {
  size_t a = strlen(country), b = strlen(role);
  char *c = arena_alloc(ar, a + b + 1);
  if (!c) return NULL;
  memcpy(c, country, a);
  memcpy(c + a, role, b + 1);
  return c;
}

/* "وطالب الملك في كتاب التكليف الحكومة الجديدة بإجراء مراجعة": is the
** event from src to tgt, who share one code, a demand or an appeal (10,
** 02) made at home, which the gold codes as the state's own (JOR->JOR
** 10)?  Two mentions, the source one of the article's principal state
** and no capital ("ومطالبين ... باريس" is not Paris at home), the target
** a definite government role that took its state from the sentence (the
** state's own "الحكومة", not "الحكومة الإسرائيلية" or "البلدين", which
** name one and may be another's misread). */
static bool demand_at_home(const evctx *e, const member *src,
                           const member *tgt, const coder_trig *t) {
  const char *vc = dict_verb_at(e->s->dict, t->verb)->code;
  const coder_actor *by = src->a, *to = tgt->a;
  return (memcmp(vc, "10", 2) == 0 || memcmp(vc, "02", 2) == 0) &&
         by && to && by != to && !by->capital &&
         memcmp(src->code, e->ctx->principal[0], 3) == 0 &&
         coder_role_in(tgt->code, "GOV") && !to->person && !to->from_count &&
         !to->parties && coder_tok_definite(e->s, to->start);
}

/* "وطالبت الحكومة الليبية في بيان لمجلس الوزراء بعقد جلسة طارئة",
** "ورحبت الكويت في بيان لوزارة خارجيتها بالاتفاق": an appeal (02),
** praise (05), demand (10) or disapproval (11) whose target came out as
** the source itself (here its own office, the statement's author) names
** no one it is aimed at; it stays untargeted rather than vanishing as a
** self-event.  46 won in 42 articles, 1 lost, 39 extra on the 78 open
** sets. */
static bool untargeted_if_self(const evctx *e, const coder_trig *t) {
  const char *code = dict_verb_at(e->s->dict, t->verb)->code;
  return memcmp(code, "02", 2) == 0 || memcmp(code, "05", 2) == 0 ||
         memcmp(code, "10", 2) == 0 || memcmp(code, "11", 2) == 0;
}

static int push(evctx *e, coder_ev **evs, size_t *n, size_t *cap,
                const member *src, const member *tgt, const coder_trig *t,
                unsigned mode) {
  if (tgt && tgt->code == no_one) {
    tgt = NULL;
    mode |= CODER_MODE_AIMLESS;
  }
  /* (one actor on both sides is no event, unless a demand at home;
  ** an appeal, praise, demand or disapproval then stays, untargeted) */
  if (tgt && coder_streq(src->code, tgt->code) && !demand_at_home(e, src, tgt, t)) {
    if (!untargeted_if_self(e, t)) return WASIT_OK;
    tgt = NULL;
  }
  /* (nor two of one state, for an act done only abroad: verbs.txt
  ** `abroad`) */
  if (tgt && (dict_verb_at(e->s->dict, t->verb)->flags & DICT_F_ABROAD) &&
      coder_same_state(src->code, tgt->code))
    return WASIT_OK;
  for (size_t i = *n; i-- > 0 && (*evs)[i].trig == t;) {
    coder_ev *o = &(*evs)[i];
    if (coder_streq(o->src_code, src->code) &&
        ((!tgt && !o->tgt_code) ||
         (tgt && o->tgt_code && coder_streq(o->tgt_code, tgt->code))))
      return WASIT_OK;
  }
  if (!arena_grow(e->ar, (void **)evs, cap, *n + 1, sizeof **evs))
    return WASIT_ENOMEM;
  (*evs)[(*n)++] = (coder_ev){src->a, tgt ? tgt->a : NULL, src->code,
                              tgt ? tgt->code : NULL, t, mode,
                              WASIT_COUNT_NONE, WASIT_COUNT_NONE};
  return WASIT_OK;
}

/* An event with an unknown source ("---") adds nothing when the sentence
** has an event of the same quad class whose source is known: drop it. */
static void drop_redundant(const coder_sent *s, coder_ev *evs, size_t *n) {
  bool known[5] = {false};
  for (size_t i = 0; i < *n; i++)
    if (strncmp(evs[i].src_code, "---", 3) != 0)
      known[coder_quad_class(dict_verb_at(s->dict, evs[i].trig->verb)->code)] = true;
  size_t w = 0;
  for (size_t i = 0; i < *n; i++)
    if (!coder_streq(evs[i].src_code, "---") ||
        !known[coder_quad_class(dict_verb_at(s->dict, evs[i].trig->verb)->code)])
      evs[w++] = evs[i];
  *n = w;
}

/* An arena copy of trigger t coded as the first verbs.txt entry with
** `code`; NULL when there is none or memory runs out. */
static const coder_trig *recoded(evctx *e, const coder_trig *t,
                                 const char *code) {
  uint32_t i;
  if (!dict_verb_find(e->s->dict, NULL, code, &i)) return NULL;
  coder_trig *c = arena_alloc(e->ar, sizeof *c);
  if (!c) return NULL;
  *c = *t;
  c->verb = i;
  return c;
}

/* What an act announced for the future codes as (CAMEO codes a promise
** or plan as intent, 03x, and a violent or coercive plan as a threat,
** 13x): "ستنسحب القوات" 0356, "سيلتقي" 036, "سترد بحزم" 138.  Prefixes
** are tried in order, the first match wins; NULL keeps the act's code
** (statements, demands, accusations, threats, protests ...). */
static const char *const future_codes[][2] = {
    {"045", "039"}, {"04", "036"},  {"057", "030"}, {"05", "032"},
    {"06", "031"},  {"07", "033"},  {"081", "0351"}, {"082", "0352"},
    {"084", "0353"}, {"085", "0354"}, {"086", "0355"}, {"087", "0356"},
    {"08", "035"},
    {"16", "131"},  {"17", "137"},  {"18", "138"},  {"19", "138"},
    {"20", "138"}};

static const char *future_code(const char *code) {
  for (size_t i = 0; i < sizeof future_codes / sizeof *future_codes; i++)
    if (strncmp(code, future_codes[i][0], strlen(future_codes[i][0])) == 0)
      return future_codes[i][1];
  return NULL;
}

/* Does token k, right after "اتفق على", name a step still to be taken:
** a verbal noun that is no event word ("مواصلة العمل") or one of
** cooperation (03-06: "إقامة علاقات")?  A truce or a deal there ("على
** وقف إطلاق النار") is what was agreed, so is a restraint ("على عدم
** اللجوء إلى القوة"), and "على ذلك" points back. */
static bool future_step(const evctx *e, uint32_t k) {
  const coder_sent *s = e->s;
  if (s->ct[k].free || s->ct[k].punct || coder_tok_is(s, k, CW_NEG, false) ||
      coder_tok_is(s, k, CW_DEMONSTRATIVE, true))
    return false;
  if (!e->trig_tok[k]) return true;
  const char *c = dict_verb_at(s->dict, s->trigs[e->trig_tok[k] - 1].verb)->code;
  return c[0] == '0' && c[1] >= '3' && c[1] <= '6' && !coder_streq(c, "057");
}

/* Recode trigger *t (and its verb *v) as `code` when verbs.txt has that
** code (recoded); otherwise leave both as they are. */
static void recode_to(evctx *e, const coder_trig **t, const dict_verb **v,
                      const char *code) {
  const coder_trig *c = recoded(e, *t, code);
  if (c) {
    *t = c;
    *v = dict_verb_at(e->s->dict, c->verb);
  }
}

/* Is a protesters word (grammar class protesters) among tokens
** [from, to)? */
static bool protesters_word_in(const coder_sent *s, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; i++)
    if (coder_tok_is(s, i, CW_PROTESTERS, true)) return true;
  return false;
}

/* Is an act coded from src to tgt one of a state's police on the people
** of that state: its civilians, students, workers or opposition
** ("اقتحمت قوات الأمن مقر الحزب المعارض", "قتلت الشرطة مدنيين")?  Not
** its army's, which fights rebels and is often told so, and not police
** of no known state ("وقصفت الشرطة مقر الحزب المعارض"). */
static bool police_on_own_people(const char *src, const char *tgt) {
  return coder_role_in(src, "COP") && coder_same_state(src, tgt) &&
         coder_role_in(tgt, "CVL EDU OPP LAB");
}

/* Is actor a protesters ("المحتجين", "آلاف المتظاهرين")? */
static bool protesters_actor(const coder_sent *s, const coder_actor *a) {
  return protesters_word_in(s, a->start, a->end);
}

/* Does repression event ev act on the crowd that ends right before token
** rel (الذين)?  Its target ends there ("آلاف المتظاهرين الذين", "مئات من
** أنصار المعارضة الذين"), or a crowd the dictionary knows as no actor
** is its object: a count word at most three words before الذين, in the
** same clause as its trigger, with the means between ("فرقت الشرطة
** بالهراوات والغاز المسيل للدموع مئات المحامين الذين").  Such a crowd may
** be any crowd ("لتفريق مئات الشبان الذين احتشدوا ... أملا في العبور"):
** it protests only when the clause says against what (motive: a
** four-digit code, 1412 "تظاهروا رفضا لتنصيب"). */
static bool represses_crowd_before(const coder_sent *s, const coder_ev *ev,
                                   uint32_t rel, bool motive) {
  if (ev->tgt) return ev->tgt->end == rel;
  if (!motive) return false;
  uint32_t from = ev->trig->end;
  if (from >= rel || rel - from > 8) return false;
  bool counted = false;
  for (uint32_t i = from; i < rel; i++) {
    if (s->ct[i].punct) return false;
    counted = counted || (i + 3 >= rel && coder_tok_count(s, i));
  }
  return counted;
}

/* Is verb trigger t, right after الذين, a gathering (a protest, 140 or
** 141: "احتشدوا", "تظاهروا"; a blockade, 144: "قطعوا الطريق"; of a crowd
** that is no actor only one with its motive, 1412 "تظاهروا رفضا لتنصيب")
** of a crowd that an earlier event of the sentence represses or fires on
** ("أطلقت الشرطة الغاز لتفريق آلاف المتظاهرين الذين احتشدوا أمام مقر
** الحكومة", "فرقت قوات الأمن مئات من أنصار المعارضة الذين تظاهروا")?
** Such a clause tells the protest itself, reported only here, not
** background.  A hunger strike or a strike (142, 143: "الذين أضربوا عن
** الطعام") is nothing force disperses: it describes the crowd, as any
** relative clause.  A protesters word inside t ("خرجوا لتشييع محتجين")
** names other people; riots (145) in such a clause are what the force
** answered, told apart.  Returns the repression event, or NULL. */
static const coder_ev *dispersed_gathering(const coder_sent *s, const coder_trig *t,
                                           const dict_verb *v, const coder_ev *evs,
                                           size_t n) {
  if (!t->verbal || t->start < 2 || memcmp(v->code, "14", 2) != 0 ||
      !(v->code[2] == '0' || v->code[2] == '1' || v->code[2] == '4') || /* 140, 141x, 144 */
      !coder_tok_is(s, t->start - 1, CW_REL, false))
    return NULL;
  if (protesters_word_in(s, t->start, t->end)) return NULL;
  for (size_t i = 0; i < n; i++) {
    const char *c = dict_verb_at(s->dict, evs[i].trig->verb)->code;
    if ((coder_streq(c, "175") || memcmp(c, "18", 2) == 0) &&
        represses_crowd_before(s, &evs[i], t->start - 1, strlen(v->code) > 3))
      return &evs[i];
  }
  return NULL;
}

/* "فرقت الشرطة مظاهرة", "قمعت قوات الأمن المحتجين": a repression trigger
** whose words name a protest reports that protest too.  When the sentence
** has no root-14 event, add a 141 whose source is the repressed side (the
** 175 event's target), else the place's state, else "---".  Returns
** WASIT_OK or WASIT_ENOMEM. */
static int dispersed_protest(evctx *e, coder_ev **evs, size_t *n,
                             size_t *cap) {
  const coder_sent *s = e->s;
  size_t k175 = SIZE_MAX;
  for (size_t i = 0; i < *n; i++) {
    const char *c = dict_verb_at(s->dict, (*evs)[i].trig->verb)->code;
    if (memcmp(c, "14", 2) == 0) return WASIT_OK;
    if (k175 == SIZE_MAX && coder_streq(c, "175")) k175 = i;
  }
  if (k175 == SIZE_MAX) return WASIT_OK;
  const coder_trig *t = (*evs)[k175].trig;
  bool named = false;
  for (uint32_t i = t->start; i < t->end && !named; i++)
    named = coder_tok_is(s, i, CW_PROTEST, true);
  if (!named) return WASIT_OK;
  const coder_trig *c = recoded(e, t, "141");
  if (!c) return WASIT_OK;
  member src = {(*evs)[k175].tgt, (*evs)[k175].tgt_code};
  if (!src.code) src = (member){NULL, s->place ? s->place->loc.country : "---"};
  return push(e, evs, n, cap, &src, NULL, c, (*evs)[k175].mode);
}

/* "توصل الرئيسان ... إلى اتفاق ... بعد مفاوضات ماراثونية", "وخلال اتصال
** هاتفي، أبلغ جايشانكار نظيره الصيني": talks named with no actor are
** held by the two sides of the sentence's first cooperative event between
** two states (roots 01-08, not mediation or hosting; not an organisation,
** which convenes talks more often than it holds them): 04 both ways.
** Returns WASIT_OK or WASIT_ENOMEM. */
static int talks_of_pair(evctx *e, coder_ev **evs, size_t *n, size_t *cap,
                         const coder_trig *talks, unsigned mode) {
  for (size_t i = 0; i < *n; i++) {
    const coder_ev *o = &(*evs)[i];
    const char *c = dict_verb_at(e->s->dict, o->trig->verb)->code;
    if (!o->tgt_code || c[0] != '0' || c[1] == '9' || third_party_code(c) ||
        !coder_state_prefix(o->src_code) || !coder_state_prefix(o->tgt_code) ||
        strncmp(o->src_code, o->tgt_code, 3) == 0)
      continue;
    member a = {o->src, o->src_code}, b = {o->tgt, o->tgt_code};
    int rc = push(e, evs, n, cap, &a, &b, talks, mode);
    return rc ? rc : push(e, evs, n, cap, &b, &a, talks, mode);
  }
  return WASIT_OK;
}

/* "في غارة جوية شنها التحالف", "هجوم نفذته الحركة": a support verb
** carrying a pronoun for the noun just before it (the relative clause of
** an indefinite noun has no الذي), at token `from` or after one modifier
** (الذي/التي, which may have لا/ما زال after it: "الغارات التي لا تزال
** تشنها"), followed right away by an actor: that actor, the noun's doer; -1 if
** none. */
static int relative_doer(const coder_sent *s, uint32_t from) {
  for (uint32_t k = from; k < from + 2 && k + 1 < s->n; k++) {
    if (s->ct[k].punct) return -1;
    uint32_t v = k;
    if (k > 0 && coder_tok_is(s, k - 1, CW_REL, false))
      v = coder_relative_verb(s, k - 1);
    /* (short stems keep their pronoun unsplit: شنها is listed whole) */
    if (!coder_tok_is(s, v, CW_LIGHT_IT, false) &&
        !(coder_tok_is(s, v, CW_LIGHT, true) &&
          coder_tok_has_clitic(s, v, TXT_CL_ENC) &&
          !coder_tok_has_clitic(s, v, TXT_CL_BI | TXT_CL_LI)))
      continue;
    size_t x = coder_first_actor(s, v + 1);
    return x < s->n_actors && s->actors[x].start == v + 1 ? (int)x : -1;
  }
  return -1;
}

/* Is v held talks or a meeting (04, not a visit, hosting or mediation,
** which have their own sides)? */
static bool talks_noun(const dict_verb *v) {
  return memcmp(v->code, "04", 2) == 0 && !third_party_code(v->code) &&
         !coder_streq(v->code, "042");
}

/* "محادثات أجراها مع غباغبو": a support verb carrying the pronoun of the
** noun before it, at token `from` or after one modifier, with no actor
** right after it (its subject is the pronoun's own, named before) but a
** partner within three more words of its clause (not "أجراه معه", whose
** partner is a pronoun too): its token, or 0 if none. */
static uint32_t pronoun_light_verb(const coder_sent *s, uint32_t from) {
  for (uint32_t k = from; k < from + 2 && k + 1 < s->n; k++) {
    if (s->ct[k].punct) return 0;
    if (!coder_tok_is(s, k, CW_LIGHT_IT, false)) continue;
    size_t x = coder_first_actor(s, k + 1);
    if (x == s->n_actors || s->actors[x].start == k + 1 || s->actors[x].start > k + 4)
      return 0;
    return coder_no_punct(s, k + 1, s->actors[x].start) ? k : 0;
  }
  return 0;
}

/* Is the object of a verb ending at `from`, past its subject and in its
** clause (twelve words at most), a definite decision noun with no actor
** starting in the two words after it ("رفض مندوب كوريا الشمالية القرار";
** not "القرار الأمريكي")? */
static bool ruling_object(const coder_sent *s, uint32_t from) {
  for (uint32_t k = from; k < s->n && k < from + 12; k++) {
    if (s->ct[k].punct || coder_tok_is(s, k, CW_COMP, false)) return false;
    if (coder_tok_is(s, k, CW_RULING, false)) {
      size_t x = coder_first_actor(s, k + 1);
      return !(x < s->n_actors && s->actors[x].start <= k + 2);
    }
  }
  return false;
}

/* The doer named in a relative clause right after a trigger's noun
** ("للإجراءات التي اتخذها العاهل الأردني"): within three words of `from`,
** الذي/التي, a verb with a pronoun pointing back, then an actor; -1 if
** none. */
static int steps_doer(const coder_sent *s, uint32_t from) {
  for (uint32_t k = from; k < from + 3 && k + 2 < s->n; k++) {
    if (s->ct[k].punct) return -1;
    if (!coder_tok_is(s, k, CW_REL, false)) continue;
    if (!coder_tok_has_clitic(s, k + 1, TXT_CL_ENC)) return -1;
    size_t x = coder_first_actor(s, k + 2);
    return x < s->n_actors && s->actors[x].start == k + 2 ? (int)x : -1;
  }
  return -1;
}

static bool adjectives_only(const coder_sent *s, uint32_t from, uint32_t to) {
  size_t x = coder_first_actor(s, from);
  for (uint32_t k = from; k < to; x++) {
    if (x >= s->n_actors || s->actors[x].start != k || !s->actors[x].adj_only)
      return false;
    k = s->actors[x].end;
  }
  return true;
}

/* "أعلنت الخارجية الروسية أن موسكو توصلت إلى اتفاق لوقف إطلاق النار بين
** أرمينيا وأذربيجان": an agreement or truce reached by one actor with no
** target, followed in its clause by a pair after بين that does not
** include it, was brokered: the one who reached it mediates (045) to each
** of the pair, and the pair agree with each other (the act's code both
** ways).  Rewrites the untargeted event in place and adds the rest.
** Returns WASIT_OK or WASIT_ENOMEM. */
static int brokered_pair(evctx *e, coder_ev **evs, size_t *n, size_t *cap) {
  const coder_sent *s = e->s;
  size_t n0 = *n;
  for (size_t i = 0; i < n0; i++) {
    coder_ev *o = &(*evs)[i];
    const char *c = dict_verb_at(s->dict, o->trig->verb)->code;
    if (o->tgt_code || !o->trig->verbal || !o->src ||
        (strncmp(c, "057", 3) != 0 && strncmp(c, "087", 3) != 0))
      continue;
    uint32_t b = 0;
    for (uint32_t k = o->trig->end, words = 0; k < s->n && words < 8 && !b; k++) {
      if (s->ct[k].punct) break;
      if (is_bayn(s, k)) b = k + 1;
      words += !s->ct[k].free;
    }
    size_t x = b ? coder_first_actor(s, b) : s->n_actors;
    if (x >= s->n_actors || s->actors[x].start != b) continue;
    member pair[MAX_MEMBERS];
    size_t np = members_of(e, (int)x, pair);
    bool outside = np >= 2;
    for (size_t k = 0; k < np && outside; k++)
      outside = strncmp(pair[k].code, o->src_code, 3) != 0;
    if (!outside) continue;
    const coder_trig *med = recoded(e, o->trig, "045");
    if (!med) continue;
    member m = {o->src, o->src_code};
    const coder_trig *deal = o->trig;
    unsigned mode = o->mode;
    o->trig = med; /* the untargeted event becomes the first mediation */
    o->tgt = pair[0].a;
    o->tgt_code = pair[0].code;
    int rc = WASIT_OK;
    for (size_t k = 1; k < np && !rc; k++) rc = push(e, evs, n, cap, &m, &pair[k], med, mode);
    for (size_t a = 0; a < np && !rc; a++)
      for (size_t bb = 0; bb < np && !rc; bb++)
        if (a != bb) rc = push(e, evs, n, cap, &pair[a], &pair[bb], deal, mode);
    if (rc) return rc;
    return WASIT_OK; /* one per sentence */
  }
  return WASIT_OK;
}

/* "وقع قادة الانقلاب العسكري والحكومة اتفاقا ... بوساطة قادتها نيجيريا
** والغابون والولايات المتحدة": a mediation (045) with no party found is
** aimed at the two sides of the act it brokered, the sentence's first
** cooperative act (roots 03-08, not a third party's) coded between two
** actors neither of whom is the mediator.  Gives the first such event its
** target and adds the rest.  Returns WASIT_OK or WASIT_ENOMEM. */
static int mediated_parties(evctx *e, coder_ev **evs, size_t *n, size_t *cap) {
  const coder_sent *s = e->s;
  size_t n0 = *n;
  for (size_t i = 0; i < n0; i++) {
    if ((*evs)[i].tgt_code ||
        !coder_streq(dict_verb_at(s->dict, (*evs)[i].trig->verb)->code, "045"))
      continue;
    const char *med = (*evs)[i].src_code;
    const coder_ev *act = NULL;
    for (size_t k = 0; k < n0 && !act; k++) {
      const coder_ev *o = &(*evs)[k];
      const char *c = dict_verb_at(s->dict, o->trig->verb)->code;
      if (o->tgt_code && c[0] == '0' && c[1] >= '3' && c[1] <= '8' &&
          !third_party_code(c) && strncmp(o->src_code, med, 3) != 0 &&
          strncmp(o->tgt_code, med, 3) != 0)
        act = o;
    }
    if (!act) continue;
    member m = {(*evs)[i].src, med};
    member sides[2] = {{act->src, act->src_code}, {act->tgt, act->tgt_code}};
    const coder_trig *t = (*evs)[i].trig;
    unsigned mode = (*evs)[i].mode;
    (*evs)[i].tgt = sides[0].a;
    (*evs)[i].tgt_code = sides[0].code;
    int rc = push(e, evs, n, cap, &m, &sides[1], t, mode);
    if (rc) return rc;
  }
  return WASIT_OK;
}

/* Is token i inside an actor mention of more than one word? */
static bool inside_actor(const coder_sent *s, uint32_t i) {
  size_t x = coder_first_actor(s, i);
  if (x < s->n_actors && s->actors[x].start == i)
    return s->actors[x].end > i + 1;
  return in_actor_name(s, i);
}

/* "تجمع آلاف المحتجين أمام مقر الحكومة ...، فيما اعتقلت الشرطة العشرات
** منهم": an arrest or other repression (17) by a state's own side with
** no one named, in a sentence that reports its people protesting, is
** aimed at those protesters. */
static void repressed_protesters(const evctx *e, coder_ev *evs, size_t n) {
  const char *crowd = NULL;
  for (size_t i = 0; i < n && !crowd; i++)
    if (memcmp(dict_verb_at(e->s->dict, evs[i].trig->verb)->code, "14", 2) == 0 &&
        evs[i].src_code && strncmp(evs[i].src_code, "---", 3) != 0)
      crowd = evs[i].src_code;
  for (size_t i = 0; i < n && crowd; i++)
    if (memcmp(dict_verb_at(e->s->dict, evs[i].trig->verb)->code, "17", 2) == 0 &&
        !evs[i].tgt_code && state_side(evs[i].src_code) &&
        strncmp(evs[i].src_code, crowd, 3) == 0) {
      evs[i].tgt = NULL;
      evs[i].tgt_code = crowd;
    }
}

/* Is event i a statement whose trigger ends in the noun that carries it
** (venue: "وأصدر المجلس بيانا رئاسيا دان فيه الهجوم", "أصدرت الدول
** الثلاث بيانا مشتركا حملت فيه روسيا المسؤولية") while its speaker's
** state does an act of another root elsewhere in the sentence?  The
** statement is only the vehicle of that act, which CAMEO codes alone
** (the gold has 11, not 01 and 11). */
static bool vehicle_statement(const evctx *e, const coder_ev *evs, size_t n, size_t i) {
  const coder_sent *s = e->s;
  const coder_trig *t = evs[i].trig;
  if (!coder_streq(dict_verb_at(s->dict, t->verb)->code, "010") ||
      !coder_tok_is(s, t->end - 1, CW_VENUE, true))
    return false;
  for (size_t k = 0; k < n; k++)
    if (evs[k].trig->start != t->start &&
        memcmp(dict_verb_at(s->dict, evs[k].trig->verb)->code, "01", 2) != 0 &&
        strncmp(evs[k].src_code, evs[i].src_code, 3) == 0)
      return true;
  return false;
}

/* Is ev a verbal defence (052) of no actor, or of the defender's own state
** ("دافعت الحكومة الإكوادورية عن العملية", "وبرر البرهان الخطوة", "إن
** حكومتها تدافع عن جميع السكان")?  CAMEO's 052 defends another actor;
** defending one's own act is what the speaker says of it, told by the
** statement beside it.  A pledge to defend ("ستدافع عن سيادتها", 032)
** is no 052. */
static bool own_defence(const evctx *e, const coder_ev *ev) {
  return coder_streq(dict_verb_at(e->s->dict, ev->trig->verb)->code, "052") &&
         (!ev->tgt_code || strncmp(ev->tgt_code, ev->src_code, 3) == 0);
}

/* Does the clause statement trigger t reports open with the speaker's
** own side as its subject, right after the complementizer or after one
** word ("إن بلادها تتواصل", "أن تكون قواتها قد بادرت")? */
static bool reports_own_side(const coder_sent *s, const coder_trig *t,
                             const char *src) {
  uint32_t c = complementizer(s, t);
  if (!c) return false;
  size_t x = coder_first_actor(s, c + 1);
  if (x == s->n_actors || s->actors[x].start > c + 2) return false;
  const coder_actor *a = &s->actors[x];
  return own_by_pronoun(a) || (a->country[0] && strncmp(a->country, src, 3) == 0);
}

/* Is event i a plain statement (01) opened by و after a comma ("، وقال",
** "، وقالت في بيان") whose speaker's state has already, earlier in the
** sentence, accused, criticized, rejected, appealed, demanded or
** threatened (object_gap_roots: "انتقد الأمين العام للجامعة القصف، وقال
** إن ما يجري ..."; "رفضت طهران الاتهامات، وقال المتحدث باسم الخارجية
** الإيرانية إن ...")?  The saying goes on with that one speech act, which
** the gold codes alone (one event per speech: README_articles.md); what
** the statement reports is still coded by its own triggers. */
static bool elaborating_statement(const evctx *e, const coder_ev *evs, size_t n,
                                  size_t i) {
  const coder_sent *s = e->s;
  const coder_trig *t = evs[i].trig;
  const dict_verb *v = dict_verb_at(s->dict, t->verb);
  if (!t->verbal || !(v->flags & DICT_F_SAY) || memcmp(v->code, "01", 2) != 0 ||
      !(t->cl0 & TXT_CL_WA) || t->start == 0 || s->ct[t->start - 1].punct != 2 ||
      strncmp(evs[i].src_code, "---", 3) == 0)
    return false;
  /* "رفضت الحكومة الكولومبية تقديم أي اعتذار، وقال وزير الدفاع إن بوغوتا
  ** لم تنتهك سيادة أي دولة": aimed at another state and telling of the
  ** speaker's own side, the statement is a message of its own, which the
  ** gold codes beside the act; one that tells what the other side did
  ** ("وقال إن الجزائر تقف وراء الحملة") still goes on with the charge */
  if (evs[i].tgt_code && strncmp(evs[i].tgt_code, evs[i].src_code, 3) != 0 &&
      reports_own_side(s, t, evs[i].src_code))
    return false;
  for (size_t k = 0; k < n; k++)
    if (evs[k].trig->end <= t->start &&
        root_in(dict_verb_at(s->dict, evs[k].trig->verb)->code, object_gap_roots) &&
        strncmp(evs[k].src_code, evs[i].src_code, 3) == 0)
      return true;
  return false;
}

/* Does trigger t describe something as something: a complementizer with
** its pronoun inside the phrase, after its first word ("ووصفه بأنه",
** "واصفة إياه بأنه")? */
static bool describes(const coder_sent *s, const coder_trig *t) {
  for (uint32_t k = t->first_end; k < t->end; k++)
    if (coder_tok_is(s, k, CW_COMP_PRONOUN, false)) return true;
  return false;
}

/* Is event i a description (111, describes) by a speaker whose welcome or
** praise (05) comes before it in the sentence, naming no one (its target,
** if any, is the article's attack or state, not a mention) or naming whom
** the welcome is aimed at ("رحب وزير الدولة بالاتفاق، واصفا إياه بأنه
** «انتصار لسوريا»", "رحبت الحركة بالخطوة ووصفتها بأنها «مهمة»")?  The
** description tells what the welcome found in the act, no criticism:
** the gold codes the welcome alone.  A description of another party
** ("أعلن وقوف بلاده إلى جانب أذربيجان، واصفا أرمينيا بأنها «أكبر
** تهديد»") is a criticism of its own. */
static bool approving_description(const evctx *e, const coder_ev *evs, size_t n,
                                  size_t i) {
  const coder_sent *s = e->s;
  const coder_trig *t = evs[i].trig;
  if (!coder_streq(dict_verb_at(s->dict, t->verb)->code, "111") || !describes(s, t))
    return false;
  for (size_t k = 0; k < n; k++)
    if (evs[k].trig->end <= t->start &&
        memcmp(dict_verb_at(s->dict, evs[k].trig->verb)->code, "05", 2) == 0 &&
        strncmp(evs[k].src_code, evs[i].src_code, 3) == 0 &&
        (!evs[i].tgt ||
         (evs[k].tgt_code && strncmp(evs[k].tgt_code, evs[i].tgt_code, 3) == 0)))
      return true;
  return false;
}

/* Drops the statements that only carry an act (vehicle_statement), the
** statements that go on with a speech act (elaborating_statement), the
** defences of one's own act (own_defence) and the descriptions that go
** on with a welcome (approving_description).  Every drop is decided on
** the events as they came, before any is removed: vehicle_statement reads
** the whole array, which compacting in place would overwrite.  Returns
** the new count (n, dropping nothing, when memory runs out). */
static size_t drop_carried(const evctx *e, coder_ev *evs, size_t n) {
  bool *drop = arena_calloc(e->ar, n ? n : 1, sizeof *drop);
  if (!drop) return n;
  for (size_t i = 0; i < n; i++)
    drop[i] = vehicle_statement(e, evs, n, i) || own_defence(e, &evs[i]) ||
              elaborating_statement(e, evs, n, i) ||
              approving_description(e, evs, n, i);
  size_t out = 0;
  for (size_t i = 0; i < n; i++)
    if (!drop[i]) evs[out++] = evs[i];
  return out;
}

/* "أطلقت قوات الأمن الرصاص الحي على المحتجين، ما أسفر عن مقتل ثلاثة
** أشخاص": violent repression (175) in a sentence that counts dead or
** wounded has harmed people, and is an assault on them (180), as the
** article sets code force against protesters (18, or 17 for arrests and
** curfews: README_articles.md); repression that harms no one it counts
** ("فرقت الشرطة المحتجين بالغاز المسيل للدموع") stays 175.  After
** repressed_protesters, which reads 17 as the root of repression. */
static void harmful_repression(evctx *e, coder_ev *evs, size_t n) {
  const coder_sent *s = e->s;
  if (s->killed <= 0 && s->wounded <= 0) return;
  for (size_t i = 0; i < n; i++)
    if (coder_streq(dict_verb_at(s->dict, evs[i].trig->verb)->code, "175")) {
      const coder_trig *c = recoded(e, evs[i].trig, "180");
      if (c) evs[i].trig = c;
    }
}

/* The events of negated cooperative acts let through by refusal_of():
** one whose doer is of the state of a statement before it in the
** sentence is that speaker's refusal (120, "لن تسحب قواتها": its target
** stays the act's); the others were not done and are dropped.  Returns
** the new count. */
static size_t refusals(evctx *e, coder_ev *evs, size_t n) {
  const coder_sent *s = e->s;
  size_t out = 0;
  for (size_t i = 0; i < n; i++) {
    const coder_trig *t = evs[i].trig;
    if (!negated(s, t)) {
      evs[out++] = evs[i];
      continue;
    }
    bool own = false;
    for (size_t k = 0; k < n && !own; k++)
      own = evs[k].trig->start < t->start &&
            (dict_verb_at(s->dict, evs[k].trig->verb)->flags & DICT_F_SAY) &&
            !negated(s, evs[k].trig) &&
            strncmp(evs[k].src_code, evs[i].src_code, 3) == 0 &&
            coder_state_prefix(evs[i].src_code);
    const coder_trig *c = own ? recoded(e, t, "120") : NULL;
    if (!c) continue;
    evs[i].trig = c;
    evs[i].mode &= ~(unsigned)WASIT_MODE_FUTURE;
    evs[out++] = evs[i];
  }
  return out;
}

/* The events statement i reports: those after its trigger, up to the next
** speech verb.  Returns the end of that run; *from is its start. */
static size_t reported_run(const evctx *e, const coder_ev *evs, size_t n,
                           size_t i, size_t *from) {
  size_t j = i + 1;
  while (j < n && evs[j].trig->start <= evs[i].trig->start) j++;
  *from = j;
  while (j < n && !(dict_verb_at(e->s->dict, evs[j].trig->verb)->flags & DICT_F_SAY))
    j++;
  return j;
}

/* "قال باشينيان إن القوات الأذربيجانية قصفت بلدات أرمينية": a plain
** statement whose reported clause is violence by another state's actor
** against the speaker's own state accuses the doer of aggression (1123,
** target the doer); the reported attack is coded too.  A third party
** telling of others' fighting ("قال لافروف إن القوات الأذرية قصفت مواقع
** أرمينية") only states it.  Only the first violent event before the
** next statement is that statement's content. */
static void accusing_statements(evctx *e, coder_ev *evs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const dict_verb *v = dict_verb_at(e->s->dict, evs[i].trig->verb);
    if (!coder_streq(v->code, "010") || (evs[i].mode & WASIT_MODE_REPORTED))
      continue;
    const coder_ev *doer = NULL;
    size_t j, end = reported_run(e, evs, n, i, &j);
    for (; j < end && !doer; j++)
      if (coder_violent_code(dict_verb_at(e->s->dict, evs[j].trig->verb)->code) &&
          (evs[j].mode & WASIT_MODE_REPORTED))
        doer = &evs[j];
    if (!doer || strncmp(doer->src_code, "---", 3) == 0 ||
        strncmp(doer->src_code, evs[i].src_code, 3) == 0 || !doer->tgt_code ||
        strncmp(doer->tgt_code, evs[i].src_code, 3) != 0)
      continue;
    const coder_trig *said = evs[i].trig, *c = recoded(e, said, "1123");
    if (!c) continue; /* no 1123 entry (or no memory): stays a statement */
    for (size_t k = i; k < n && evs[k].trig == said; k++) {
      evs[k].trig = c;
      evs[k].tgt = doer->src;
      evs[k].tgt_code = doer->src_code;
    }
  }
}

/* The roots of a hostile act whose reported doer a statement accuses:
** rejection, threat, cutting relations, coercion and force (not a
** protest, 14). */
static const char *const accused_roots[] = {"12", "13", "15", "16", "17",
                                            "18", "19", "20", NULL};

/* "قال وزير الخارجية البريطاني إن القوات الإيرانية احتجزت ناقلة نفط",
** "قالت الحكومة إن مروحيات أجنبية قصفت موقعين حدوديين": a plain statement
** aimed at the doer of a hostile act it reports (accused_roots) also
** accuses that doer (112, same source, target and mode), as CAMEO
** analysts code it; the statement and the reported act stay.  A mutual act
** ("طردت ... بعد معارك") names no single doer.  accusing_statements
** already made the attacks on the speaker's own state accusations, so
** those are no longer plain statements here.  Runs after
** statement_targets, which aims an untargeted statement at the state its
** content concerns. */
static int accused_doers(evctx *e, coder_ev **evs, size_t *n, size_t *cap) {
  const wasit_dict *d = e->s->dict;
  size_t n0 = *n;
  for (size_t i = 0; i < n0; i++) {
    const coder_ev o = (*evs)[i]; /* a copy: push may move the array */
    const dict_verb *v = dict_verb_at(d, o.trig->verb);
    if (!coder_streq(v->code, "010") || !(v->flags & DICT_F_SAY) ||
        (o.mode & WASIT_MODE_REPORTED) || !o.tgt_code ||
        strncmp(o.tgt_code, "---", 3) == 0 ||
        strncmp(o.tgt_code, o.src_code, 3) == 0)
      continue;
    bool doer = false;
    size_t j, end = reported_run(e, *evs, n0, i, &j);
    for (; j < end && !doer; j++) {
      const coder_ev *r = &(*evs)[j];
      const dict_verb *w = dict_verb_at(d, r->trig->verb);
      /* (violence against the speaker's own state is accusing_statements'
      ** to recode, or to leave a statement when it cannot) */
      bool at_speaker = coder_violent_code(w->code) && r->tgt_code &&
                        strncmp(r->tgt_code, o.src_code, 3) == 0;
      doer = (r->mode & WASIT_MODE_REPORTED) && !(w->flags & DICT_F_MUTUAL) &&
             root_in(w->code, accused_roots) && !at_speaker &&
             strncmp(r->src_code, o.tgt_code, 3) == 0;
    }
    /* (nor when the sentence already blames the doer: "قال ... إن ...،
    ** متهما إياه") */
    for (size_t k = 0; k < *n && doer; k++) {
      const coder_ev *b = &(*evs)[k];
      doer = !(memcmp(dict_verb_at(d, b->trig->verb)->code, "11", 2) == 0 &&
               strncmp(b->src_code, o.src_code, 3) == 0 && b->tgt_code &&
               strncmp(b->tgt_code, o.tgt_code, 3) == 0);
    }
    const coder_trig *c = doer ? recoded(e, o.trig, "112") : NULL;
    if (!c) continue;
    member src = {o.src, o.src_code}, tgt = {o.tgt, o.tgt_code};
    int rc = push(e, evs, n, cap, &src, &tgt, c, o.mode);
    if (rc) return rc;
  }
  return WASIT_OK;
}

/* Does the content of say trigger t blame: a word of grammar class blame
** (عدوان، انقلاب، مؤامرة، تدخلا) in the clause its complementizer opens,
** within 25 words of the verb, before a comma or the clause's end and the
** next speech verb, with no threat in it ("قال مادورو إن واشنطن تدير
** "انقلابا" ضد الحكومة", "قالت فون دير لاين إن ما قامت به مينسك "اعتداء
** على الديمقراطية"")?  Calling another's act so accuses its doer (11), as
** the article sets code such a statement. */
static bool blame_said(const evctx *e, const coder_trig *t) {
  const coder_sent *s = e->s;
  uint32_t c = complementizer(s, t);
  if (!c) return false;
  bool blamed = false, denied = false;
  for (uint32_t k = c; k < s->n && k < t->end + CONTENT_REACH && !s->ct[k].punct; k++) {
    const dict_verb *w = other_verb_at(e, t, k);
    if (w && (w->flags & DICT_F_SAY)) break;
    /* a threat in the content is the statement's act ("أكد أن هذه الجريمة
    ** لن تمر دون رد") */
    if (w && memcmp(w->code, "13", 2) == 0) return false;
    /* a denied, a possible or a coming act blames no one ("إن بلاده لا
    ** تسعى إلى الاستفزاز", "سترد على أي اعتداء", "ستفعل كل ما يلزم
    ** لإفشال الانقلاب") */
    denied |= coder_tok_is(s, k, CW_NEG, true) || future_prefixed(s, k);
    blamed |= !denied && coder_tok_is(s, k, CW_BLAME, true) &&
              !coder_tok_is(s, k - 1, CW_ANY, true);
  }
  return blamed;
}

/* Recodes the plain statements whose content blames (blame_said) as
** accusations (112), target and mode kept.  Done once the events are
** built: recoded inside the event loop, the statement took the threat of
** the participle clause after it ("قالت فون دير لاين إن ... "اعتداء على
** الديمقراطية"، مؤكدة أن هذا السلوك لن يمر دون عقاب") out of the events. */
static void blaming_statements(evctx *e, coder_ev *evs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const coder_trig *t = evs[i].trig;
    const dict_verb *v = dict_verb_at(e->s->dict, t->verb);
    if (!coder_streq(v->code, "010") || !t->verbal || !(v->flags & DICT_F_SAY) ||
        (evs[i].mode & WASIT_MODE_REPORTED) || !blame_said(e, t))
      continue;
    const coder_trig *c = recoded(e, t, "112");
    for (size_t k = i; c && k < n && evs[k].trig == t; k++) evs[k].trig = c;
  }
}

/* A statement that names no one is about the one state its content
** concerns: another state that acts in it ("قالت واشنطن إن طهران تزود
** الحوثيين" is about Iran), or the state the speaker's own side acts on
** ("قالت أنقرة إن قواتها سيطرت على 11 قرية سورية").  Content that
** concerns two states, or none, leaves it without a target. */
static void statement_targets(evctx *e, coder_ev *evs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const dict_verb *v = dict_verb_at(e->s->dict, evs[i].trig->verb);
    const char *by = evs[i].src_code;
    if (!coder_streq(v->code, "010") || evs[i].tgt_code ||
        (evs[i].mode & WASIT_MODE_REPORTED) || !coder_state_prefix(by))
      continue;
    const coder_actor *about = NULL;
    const char *about_code = NULL;
    bool several = false;
    size_t j, end = reported_run(e, evs, n, i, &j);
    /* "وقال بوتين في مؤتمر صحفي مشترك مع ضيفه التركي إن ...": an act
    ** told before the complementizer is where or when the speaker spoke,
    ** not what the statement reports */
    uint32_t comp = complementizer(e->s, evs[i].trig);
    unsigned commas = 0; /* (an aside between a pair of commas is crossed) */
    for (uint32_t k = evs[i].trig->end; k < comp; k++) commas += e->s->ct[k].punct == 2;
    if (commas % 2) comp = 0; /* another clause's: "...، نافيا أن" */
    for (; j < end && !several; j++) {
      if (!(evs[j].mode & WASIT_MODE_REPORTED) || evs[j].trig->start < comp) continue;
      /* the states the reported act concerns, but the speaker's own
      ** side; what the speaker's side does at home concerns home
      ** ("قالت الشرطة إنها قتلت عشرات من مثيري الشغب") */
      bool own_act = memcmp(evs[j].src_code, by, 3) == 0;
      for (int side = own_act; side < 2 && !several; side++) {
        const coder_actor *a = side ? evs[j].tgt : evs[j].src;
        const char *c = side ? evs[j].tgt_code : evs[j].src_code;
        if (!c || !coder_state_prefix(c) || (!own_act && memcmp(c, by, 3) == 0))
          continue;
        if ((a && a->parties) || (about_code && memcmp(about_code, c, 3) != 0))
          several = true; /* "اتفق الطرفان": both states */
        about = a;
        about_code = c;
      }
    }
    if (!about_code || several) continue;
    for (size_t k = i; k < n && evs[k].trig == evs[i].trig; k++) {
      evs[k].tgt = about;
      evs[k].tgt_code = about_code;
    }
  }
}

/* Did the article tell state code abstaining from or voting against a
** text (ctx->dissenters)? */
static bool dissenter(const coder_ctx *ctx, const char *code) {
  for (size_t j = 0; j < CODER_MAX_DISSENTERS && ctx->dissenters[j][0]; j++)
    if (memcmp(ctx->dissenters[j], code, 3) == 0) return true;
  return false;
}

/* A statement by a state the article told abstaining from or voting
** against the text ("وامتنعت الصين وزيمبابوي عن التصويت") whose content
** opens with the body's document or measure ("وقال المندوب الصيني إن
** العقوبات لن تساعد على حل المشكلة") or with that vote ("قال مندوب
** البرازيل إن بلاده امتنعت لأن القرار يجيز استخدام القوة") explains the
** dissent: it is aimed at the international body the article has acting
** (the council that adopted the text; 12|01 to IGO in the gold), not at
** the state the measure falls on.  A member that voted for it speaks of
** the measure's target ("قال المندوب الروسي إن القرار يستهدف الأنشطة
** الحساسة لإيران").  Runs after statement_targets, whose state it
** overrides. */
static void measure_statements(evctx *e, coder_ev *evs, size_t n) {
  const coder_sent *s = e->s;
  const char *body = e->ctx->body;
  if (strncmp(body, "IGO", 3) != 0 || !e->ctx->dissenters[0][0]) return;
  for (size_t i = 0; i < n; i++) {
    const coder_trig *t = evs[i].trig;
    const dict_verb *v = dict_verb_at(s->dict, t->verb);
    if (!coder_streq(v->code, "010") || !t->verbal || !(v->flags & DICT_F_SAY) ||
        (evs[i].mode & WASIT_MODE_REPORTED) || !dissenter(e->ctx, evs[i].src_code))
      continue;
    uint32_t c = complementizer(s, t);
    if (!c || c + 2 >= s->n) continue;
    bool about = ((coder_tok_is(s, c + 1, CW_DOC_SUBJECT, true) ||
                   coder_tok_is(s, c + 1, CW_MEASURE, true)) &&
                  coder_tok_definite(s, c + 1) && !s->ct[c + 1].free) ||
                 (coder_tok_is(s, c + 1, CW_OWN_COUNTRY, false) &&
                  coder_tok_is(s, c + 2, CW_VOTED, false));
    if (!about) continue;
    for (size_t k = i; k < n && evs[k].trig == t; k++) {
      evs[k].tgt = NULL;
      evs[k].tgt_code = body; /* ctx->body lasts the article */
    }
  }
}

/* The last foreign actor that spoke against or attacked state cc earlier
** in the article (ctx->accusers), or NULL. */
static const char *accuser_of(const coder_ctx *ctx, const char *cc) {
  for (size_t k = ctx->n_accusers; k-- > 0;)
    if (memcmp(ctx->accusers[k].accused, cc, 3) == 0) return ctx->accusers[k].by;
  return NULL;
}

/* A threat that names no one, or names the speaker's own side ("توعد
** علييف بأن جيشه سيعيد الأراضي"), is aimed at the speaker's adversary:
** the last foreign state that spoke against or attacked it, else the last
** one it attacked or spoke against (ctx->accusers).  In a story about the
** speaker's own state (coder_one_state), such a threat is at home: the
** foreign state blamed in passing is not whom "توعد مادورو المتورطين
** بأقصى العقوبات" after an attempt on his life threatens (5 won in 5
** articles, none lost on the 57 open sets). */
static void threat_targets(evctx *e, coder_ev *evs, size_t n) {
  const coder_ctx *ctx = e->ctx;
  for (size_t i = 0; i < n; i++) {
    const char *c = dict_verb_at(e->s->dict, evs[i].trig->verb)->code;
    const char *by = evs[i].src_code;
    if (memcmp(c, "13", 2) != 0 || !coder_state_prefix(by) ||
        (evs[i].tgt_code && memcmp(evs[i].tgt_code, by, 3) != 0))
      continue;
    bool home = memcmp(ctx->principal[0], by, 3) == 0;   /* the principal state speaks */
    const char *foe = home && coder_one_state(ctx) ? ctx->principal[0] : accuser_of(ctx, by);
    for (size_t k = ctx->n_accusers; k-- > 0 && !foe;)
      if (memcmp(ctx->accusers[k].by, by, 3) == 0) foe = ctx->accusers[k].accused;
    /* none abroad: in an article about the speaker's own state the
    ** threat is at home ("توعد الرئيس الصومالي بحرب شاملة") */
    if (!foe && !evs[i].tgt_code && home) foe = ctx->principal[0];
    if (!foe) continue;
    evs[i].tgt = NULL;
    evs[i].tgt_code = code_with(e->ar, foe, ""); /* ctx changes later */
  }
}

/* An appeal that names no one and asks for an emergency sitting ("دعت
** دمشق إلى عقد قمة عربية طارئة", "ودعا موراليس إلى عقد قمة طارئة
** لأوناسور"): the sitting is an organization's, so the appeal is aimed at
** one (IGO), as the article sets code it.  The sitting noun comes after
** إلى or عقد, within 25 words of the appeal, and its emergency adjective
** within three words after it (4 won in 4 articles, none lost on the 63
** open sets). */
static void sitting_appeals(const evctx *e, coder_ev *evs, size_t n) {
  const coder_sent *s = e->s;
  for (size_t i = 0; i < n; i++) {
    const coder_trig *t = evs[i].trig;
    if (evs[i].tgt_code || memcmp(dict_verb_at(s->dict, t->verb)->code, "02", 2) != 0)
      continue;
    bool asked = false;   /* (k - 1 is safe: a trigger ends past token 0) */
    for (uint32_t k = t->end; k < s->n && k < t->end + 25 && !asked; k++)
      asked = coder_tok_is(s, k, CW_SITTING, false) &&
              coder_tok_is(s, k - 1, CW_CONVENE, false) &&
              class_ahead(s, k + 1, 3, CW_EMERGENCY, false);
    if (asked) evs[i].tgt_code = "IGO";
  }
}

/* A denial that names no one answers its accuser: the state the denier
** accuses, rejects or threatens in the same sentence ("نفت يريفان ذلك،
** واتهمت باكو"), else the one that spoke against the denier's state in
** this sentence ("قالت الداخلية الجورجية إن ... في حين نفت موسكو") or,
** last, earlier in the article (ctx->accusers).  Without any of them
** it keeps what it had, except a denial of one's own side, which is
** then aimed at the article's principal state. */
static void denial_targets(evctx *e, coder_ev *evs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const dict_verb *v = dict_verb_at(e->s->dict, evs[i].trig->verb);
    const char *by = evs[i].src_code;
    /* "أي تورط لجيشها", "نفى الكرملين إرسال قوات روسية", "نفي أي تدخل
    ** روسي": the denier's own side, through a pronoun, its army or a bare
    ** adjective, is what was denied, not whom the denial answers */
    const coder_actor *t = evs[i].tgt;
    bool own = t && memcmp(evs[i].tgt_code, by, 3) == 0 &&
               ((t->cl0 & TXT_CL_ENC) || t->adj_only ||
                coder_role_in(evs[i].tgt_code, "MIL"));
    if (!coder_streq(v->code, "016") || (evs[i].tgt_code && !own) ||
        !coder_state_prefix(by))
      continue;
    const coder_ev *answer = NULL, *accuser = NULL;
    for (size_t j = 0; j < n; j++) {
      const char *c = dict_verb_at(e->s->dict, evs[j].trig->verb)->code;
      const char *to = evs[j].tgt_code;
      bool against = c[0] == '1' && c[1] >= '1' && c[1] <= '3';
      if (!to || !coder_state_prefix(to) || !coder_state_prefix(evs[j].src_code))
        continue;
      if (!answer && against && memcmp(evs[j].src_code, by, 3) == 0 &&
          memcmp(to, by, 3) != 0)
        answer = &evs[j];
      if (!accuser && (against || memcmp(c, "01", 2) == 0) &&
          memcmp(to, by, 3) == 0 && memcmp(evs[j].src_code, by, 3) != 0)
        accuser = &evs[j];
    }
    if (answer) {
      evs[i].tgt = answer->tgt;
      evs[i].tgt_code = answer->tgt_code;
    } else if (accuser) {
      evs[i].tgt = accuser->src;
      evs[i].tgt_code = accuser->src_code;
    } else {
      /* a copy: ctx changes with the next sentence */
      const char *earlier = accuser_of(e->ctx, by);
      /* one's own side denied with no accuser in sight ("نفت المفوضية
      ** الهندية إرسال قوات هندية إلى سريلانكا"): the denial concerns
      ** the state of the article's story, or, when that is the denier's
      ** own, the story's other principal state ("قصفت المدفعية التركية
      ** قرى في شمال العراق. ونفت أنقرة إرسال قوات تركية برية") */
      if (!earlier && own) {
        const char *p = e->ctx->principal[memcmp(e->ctx->principal[0], by, 3) == 0];
        if (coder_state_prefix(p) && memcmp(p, by, 3) != 0) earlier = p;
      }
      if (earlier) {
        evs[i].tgt = NULL;
        evs[i].tgt_code = code_with(e->ar, earlier, "");
      }
    }
  }
}

/* The acts a speaker's own reported clause can state without naming its
** doer: offers, refusals and threats (speaker_ev in coder_events). */
static const char *const stance_roots[] = {"03", "12", "13", NULL};

/* Does noun trigger t open a reported clause: right after its
** complementizer (إن, أن, إنه), or after a quotation mark that follows it
** ("إن «كل الخيارات مطروحة»")?  Not after بأن, nor when the
** complementizer ends another pattern: "واصفا الإطلاق بأنه تهديد خطير"
** names what is described, not an act of the speaker's. */
static bool opens_reported_clause(const evctx *e, const coder_trig *t) {
  const coder_sent *s = e->s;
  uint32_t k = t->start;
  if (k > 0 && s->toks[k - 1].kind == TXT_PUNCT && !s->ct[k - 1].punct) k--;
  return k > 0 && coder_tok_is(s, k - 1, CW_COMP, false) && !e->trig_tok[k - 1] &&
         !coder_tok_has_clitic(s, k - 1, TXT_CL_BI);
}

/* Is noun trigger t an offer, refusal or threat that opens a reported
** clause ("قال إن كل الخيارات مطروحة", "محذرا من أن كل الخيارات
** متاحة")?  The clause, not the noun, is what the verb before says or
** warns of, and the noun with no actor of its own is the speaker's act. */
static bool stance_clause(const evctx *e, const coder_trig *t, const dict_verb *v) {
  return !t->verbal && root_in(v->code, stance_roots) && opens_reported_clause(e, t);
}

/* The last of the sentence's n events so far that has a doer and whose
** trigger is of root `root` (or, when say, a statement), ending at or
** before token `before`; NULL if none.  Its doer lends itself to an act
** that names none. */
static const coder_ev *doer_before(const coder_sent *s, const coder_ev *evs,
                                   size_t n, const char *root, bool say,
                                   uint32_t before) {
  for (size_t k = n; k-- > 0;) {
    const dict_verb *w = dict_verb_at(s->dict, evs[k].trig->verb);
    if (evs[k].src_code && evs[k].trig->end <= before &&
        (memcmp(w->code, root, 2) == 0 || (say && (w->flags & DICT_F_SAY))))
      return &evs[k];
  }
  return NULL;
}

/* Is target actor a, whose one member is coded tcode while the doer's
** one member is coded scode, the doer's own state's adjective on a
** definite noun ("رفضت الخارجية الباكستانية إقامة أي منشآت على الجانب
** الباكستاني من الحدود", "قبل الاعتذار باسم الشعب التركي", "تفتح السفن
** الروسية النار")?  It names the doer's own side or people, not whom the
** act is aimed at; a people noun that is the object itself ("دعا
** الماليين") has no definite noun before it (5 won, none lost). */
static bool own_side_adjective(const coder_sent *s, const coder_actor *a,
                               const char *scode, const char *tcode) {
  return a->adj_only && a->start > 0 && !s->ct[a->start - 1].punct &&
         coder_tok_definite(s, a->start - 1) && strlen(tcode) == 3 &&
         strncmp(tcode, scode, 3) == 0;
}

/* Contract in coder.h. */
int coder_events(coder_sent *s, const coder_ctx *ctx, wa_arena *ar,
                 coder_ev **evs, size_t *n_evs) {
  *evs = NULL;
  *n_evs = 0;
  if (s->discard || !s->n_trigs) return WASIT_OK;
  evctx e = {s, ctx, ar, arena_calloc(ar, s->n, 1), SIZE_MAX, NULL};
  if (!e.trig_tok) return WASIT_ENOMEM;
  for (size_t i = 0; i < s->n_trigs && i < 255; i++) {
    const coder_trig *t = &s->trigs[i];
    for (uint32_t k = t->start; k < t->first_end; k++)
      e.trig_tok[k] = (uint8_t)(i + 1);
    e.trig_tok[t->end - 1] = (uint8_t)(i + 1);
  }
  bool asked = clauses(s);
  e.question = arena_calloc(ar, (size_t)s->ct[s->n - 1].clause + 1, 1);
  if (!e.question) return WASIT_ENOMEM;
  bool has_hal = coder_sent_has(s, CW_QUESTION, false);
  for (uint32_t i = 0; (asked || has_hal) && i < s->n; i++) {
    if (s->ct[i].punct == 1 && question_mark(s, i))
      e.question[s->ct[i].clause] = 1;
    /* هل opens a yes/no question even when the clause has no ؟ */
    if (has_hal && coder_tok_is(s, i, CW_QUESTION, false))
      e.question[s->ct[i].clause] = 1;
  }
  e.first_say = SIZE_MAX;
  for (size_t k = 0; k < s->n_trigs && e.first_say == SIZE_MAX; k++) {
    const dict_verb *v = dict_verb_at(s->dict, s->trigs[k].verb);
    if (((v->flags & DICT_F_SAY) || memcmp(v->code, "11", 2) == 0) &&
        !negated(s, &s->trigs[k]))
      e.first_say = k;
  }
  size_t cap = 0;
  size_t coded_noun = SIZE_MAX; /* the last noun trigger that gave events */
  size_t trig_first = 0;        /* first event of the trigger before */
  int prev_subject = -1;        /* the subject of the last active verb */
  /* the issuer a document spoke for as the subject of the last verb with
  ** a subject (the sentence before's, at first: coder_sent.open_issuer) */
  const char *last_issuer = ctx->prev ? ctx->prev->open_issuer : NULL;
  int visitor = -1;             /* the subject of the last visit (042) */
  int prev_target = -1;         /* and its target */
  int main_subject = -1;        /* the subject of the latest finite verb
                                   not reported */
  int announced = -1;           /* the last noun trigger coded as announced */
  const coder_trig *talks = NULL; /* a consultation noun with no actor */
  unsigned talks_mode = 0;
  for (size_t ti = 0; ti < s->n_trigs; ti++) {
    const coder_trig *t = &s->trigs[ti];
    const dict_verb *v = dict_verb_at(s->dict, t->verb);
    size_t n_before = *n_evs;
    size_t prev_first = trig_first, prev_n = n_before - trig_first;
    trig_first = n_before;
    const coder_trig *gov = governor_of(s, ti);
    if ((negated(s, t) && !refusal_of(s, t, v)) || negated_clause(s, t, v->code) ||
        terms_of(s, t) || (governed(s, ti, gov) && !stance_clause(&e, t, v)) ||
        hypothetical(&e, t) ||
        condition_before(s, t, true))
      continue;
    /* "ولم تعلن كوبنهاغن حتى مساء الأحد سحب سفيرها": an act announced by
    ** a negated announcement is not done */
    if (gov && gov->verbal && negated(s, gov) &&
        coder_streq(dict_verb_at(s->dict, gov->verb)->code, "010"))
      continue;
    /* "دعا موراليس أنصاره إلى إضراب عام وقطع الطرق": a perfect joined
    ** by و right after a noun the appeal, demand or promise before governs,
    ** with no clause mark between, is the next verbal noun of that
    ** content, not an act */
    if (t->verbal == 1 && (t->cl0 & TXT_CL_WA) && ti > 0 &&
        !s->trigs[ti - 1].verbal && s->trigs[ti - 1].end <= t->start) {
      const coder_trig *p = &s->trigs[ti - 1];
      bool mark = false;
      for (uint32_t k = p->end; k < t->start && !mark; k++) mark = s->ct[k].punct;
      if (!mark && governed(s, ti - 1, governor_of(s, ti - 1))) continue;
    }
    /* "رهائن كانت تحتجزهم": a verb right after كان (no قد between) is an
    ** imperfect telling what went on, not an act reported */
    if (t->verbal == 1 && t->start > 0 && coder_tok_is(s, t->start - 1, CW_WAS, false))
      continue;
    /* "حذر القيادي عزت الرشق": a word inside an actor's name ("عزت",
    ** also a verb "condoled") is that name, not a trigger */
    if (t->end == t->start + 1 && inside_actor(s, t->start)) continue;
    /* "غادرت دكا": nor is a one-word verb that is a known place name (دكا
    ** is also the dual of دك, "they pounded") */
    if (t->end == t->start + 1 && t->verbal && (s->ct[t->start].cands & CODER_C_PLACE))
      continue;
    /* "ووصفتها في بيان بأنها ...": "in a statement" after a verb says how
    ** the verb's act was done; it is no statement of its own */
    if (!t->verbal && (v->flags & DICT_F_SAY) && coder_tok_is(s, t->start, CW_FI, false)) {
      bool after_verb = false;
      for (size_t k = 0; k < ti && !after_verb; k++)
        after_verb = s->trigs[k].verbal && same_clause(s, s->trigs[k].start, t->start);
      if (after_verb) continue;
    }
    /* "تفجيران انتحاريان استهدفا سوقا", "غارات جوية أمريكية استهدفت":
    ** a violent verb right after a coded violent noun (and its
    ** nationality) describes it (an Arabic relative clause after an
    ** indefinite noun has no الذي); it is the same event */
    if (t->verbal && ti > 0 && coded_noun == ti - 1 &&
        adjectives_only(s, s->trigs[ti - 1].end, t->start) &&
        coder_violent_code(dict_verb_at(s->dict, s->trigs[ti - 1].verb)->code) &&
        coder_violent_code(v->code))
      continue;
    /* a verb right after الذي/التي describes a noun with background
    ** already reported ("الجندي الذي خطف قبل عشرة أيام"): not a new event;
    ** but news tells who brokered or hosted a deal in just such a clause
    ** ("الهدنة التي توسطت فيها قطر"), so mediation and hosting stay, and
    ** so does the gathering of a crowd the sentence disperses */
    const coder_ev *repressed = NULL; /* the gathering's repression event */
    /* ("القرار رقم 688 الذي يدين": the document whose content the clause
    ** tells, its adopter the subject below; 0 if none) */
    uint32_t rel_doc = document_relative(s, t);
    if (t->verbal && t->start > 0 && coder_tok_is(s, t->start - 1, CW_REL, false) &&
        !third_party_code(v->code) && !rel_doc &&
        !(repressed = dispersed_gathering(s, t, v, *evs, *n_evs)))
      continue;
    if (t->verbal && t->start > 0 &&
        (coder_tok_is(s, t->start - 1, CW_PREP, false) ||
         coder_tok_is(s, t->start - 1, CW_HEAD, true)) &&
        !(s->ct[t->start].keys[0].cl & TXT_CL_SA)) {
      /* "قضية خطف", "على خطف": the unvocalized verb is its verbal noun
      ** here; code it by the noun rules */
      t = nominal_copy(&e, t);
      if (!t) return WASIT_ENOMEM;
    }
    if (t->verbal && ti > 0 && s->trigs[ti - 1].verbal &&
        coder_streq(dict_verb_at(s->dict, s->trigs[ti - 1].verb)->code, "010") &&
        same_clause(s, s->trigs[ti - 1].start, t->start) &&
        only_free_between(s, s->trigs[ti - 1].end, t->start)) {
      /* "أعلنت الدوحة الأربعاء توصل الطرفين إلى الاتفاق": right after a
      ** statement verb and its subject, with no أن, the perfect form is
      ** the verbal noun of the announced act */
      t = nominal_copy(&e, t);
      if (!t) return WASIT_ENOMEM;
    }
    if (t->verbal && !(t->cl0 & TXT_CL_ENC) && memcmp(v->code, "11", 2) != 0 &&
        !(v->flags & DICT_F_SAY) && continues_announced(&e, t, announced)) {
      /* "أعلن سعيد تجميد أعمال البرلمان ورفع الحصانة": a perfect form
      ** joined to an announced act is the next verbal noun of the list
      ** (not a verb with an object pronoun or a statement: "واتهمتها") */
      t = nominal_copy(&e, t);
      if (!t) return WASIT_ENOMEM;
    }
    if (t->verbal && prep_on_verb(s, t)) {
      /* "لفرض حصار", "بقصف": a preposition cannot precede a perfect verb,
      ** so the word is the verbal noun */
      t = nominal_copy(&e, t);
      if (!t) return WASIT_ENOMEM;
    }
    unsigned mode = modes_of(&e, t, ti);
    const char *issuer = NULL; /* a document's issuer as the source */
    bool say = (v->flags & DICT_F_SAY) != 0;
    int src = -1, tgt = -1;
    bool noun_src = false;
    /* "الاشتباكات بين الطرفين في محيط ... مقر القيادة العامة للجيش": the
    ** pair after بين is the whole event; nothing later is its target */
    bool between = !t->verbal && t->end > t->start && is_bayn(s, t->end - 1);
    uint32_t after = t->verbal ? t->start + 1 : t->end;
    if (t->verbal) {
      /* "...، داعيا المواطنين الأكراد إلى التعاون": a participle after a
      ** comma has the main clause's subject (with no coded main verb,
      ** "ووصف بوتين إسقاط الطائرة بأنه ...، محذرا", the sentence's first
      ** actor when no preposition governs it); the actor after it is its
      ** object.  A plain statement participle (مؤكدا) codes nothing */
      /* (nor when that actor is the subject of a clause opened by بعد
      ** أن/قبل أن/بعدما: "وقالت الجماعة ... إنها أطلقت سراح الرهينة بعد
      ** أن سحبت مانيلا آخر جنودها، داعية الدول الأخرى": the unknown group
      ** appeals, not Manila) */
      int main_or_first = main_subject >= 0 ? main_subject
                          : s->n_actors && s->actors[0].end < t->start &&
                                    !behind_prep(s, &s->actors[0]) &&
                                    !(s->actors[0].cl0 & (TXT_CL_BI | TXT_CL_LI)) &&
                                    !temporal_subject(s, s->actors[0].start)
                              ? 0 : -1;
      int subj;
      /* "فرقت الشرطة مئات المنفيين التبتيين الذين تظاهروا أمام مكتب الأمم
      ** المتحدة": the crowd before الذين gathered, the actor the force
      ** acted on or, with none, people of the place; an actor after the
      ** verb is where or against whom they gathered */
      if (repressed) {
        subj = repressed->tgt ? (int)(repressed->tgt - s->actors) : -1;
        after = t->first_end;
        goto have_subject;
      }
      /* "...، متهما القاهرة والخرطوم بالسعي": after a comma the actor
      ** right after a participle is its object, never its subject; with
      ** no subject known before, the act has no known doer */
      if (t->verbal == 2 && participle_clause(s, t) && main_or_first < 0 &&
          (prev_subject < 0 ||
           (s->n_actors && temporal_subject(s, s->actors[0].start))) &&
          !own_subject_after(s, t))
        continue;
      if (t->verbal == 2 && participle_clause(s, t) && main_or_first >= 0) {
        if (plain_statement(v->code)) {
          /* ("معلنا فرض عقوبات": the act it announces is the subject's) */
          prev_subject = main_or_first;
          continue;
        }
        subj = main_or_first;
        after = t->first_end;
        goto have_subject;
      }
      /* "أعلن الجيش أنه قتل أكثر من 300 من المتمردين": right after
      ** أنه/أنها the speaker is the subject; the actor after is an object */
      if (t->start > 0 && prev_subject >= 0 &&
          coder_tok_is(s, t->start - 1, CW_COMP_PRONOUN, true)) {
        subj = participle_comp(s, t->start - 1) && main_subject >= 0
                   ? main_subject : prev_subject;
        after = t->first_end;
        goto have_subject;
      }
      /* a subject right before the verb (SVO, at most one word between,
      ** not counting قد: "وكان محتجون إيرانيون غاضبون قد اقتحموا") wins;
      ** else VSO; a bare adjective further on modifies an object noun
      ** ("قصفت ... مواقع أرمينية") and is no subject */
      /* "أصدرت ... بيانا مشتركا حملت فيه روسيا مسؤولية الهجوم": after a
      ** statement or meeting, an accusation, appeal, demand, rejection or
      ** threat with فيه/خلاله pointing back to it has that act's doer as
      ** subject; the actor after is its object (not after الذي/التي:
      ** "الهدنة التي توسطت فيها قطر" names its own subject).  When the
      ** letter or session itself codes nothing ("ووجه مندوب إيران ...
      ** رسالة إلى الأمين العام ورئيس مجلس الأمن حذر فيها الكيان الصهيوني",
      ** "عقد مجلس الأمن جلسة طارئة ... دان خلالها الهجوم"), its sender or
      ** holder is the sentence's subject, not the addressee named last,
      ** unless a meeting names its own speaker after خلالها */
      int sender = prev_subject >= 0 ? prev_subject
                   : main_or_first >= 0 && t->first_end < s->n &&
                             !meeting_speaker(s, &s->actors[main_or_first], t->first_end)
                       ? main_or_first : -1;
      if (sender >= 0 && t->first_end < s->n && t->first_end == t->start + 1 &&
          coder_tok_is(s, t->first_end, CW_IN_IT, false) &&
          !(t->cl0 & (TXT_CL_WA | TXT_CL_ENC)) &&
          root_in(v->code, object_gap_roots) &&
          !(t->start > 0 && coder_tok_is(s, t->start - 1, CW_REL, false))) {
        subj = sender;
        after = t->first_end;
        goto have_subject;
      }
      /* "أجرى بوش اتصالا هاتفيا بنظيره الكولومبي هنأه فيه على تحرير
      ** الرهائن", "أعرب خلاله عن تضامن مصر مع الأردن": praise or support
      ** (05) with فيه/خلاله pointing back to a call or meeting is the
      ** caller's, addressed to the one called; a call received ("تلقى
      ** كريموف اتصالا من بوتين، أكد خلاله دعم روسيا", target after من) is
      ** the caller's, named last.  So is an offer or pledge (03) right
      ** after the one called ("اتصالا هاتفيا بكينياتا عرض خلاله تقديم
      ** دعم أمني"); further on, فيه may point to another act ("فيما
      ** أصدرت إيكواس ... إعلانا مشتركا تعهدت فيه") */
      if (prev_subject >= 0 && prev_target >= 0 && t->first_end < s->n &&
          t->first_end == t->start + 1 &&
          coder_tok_is(s, t->first_end, CW_IN_IT, false) &&
          !(t->cl0 & TXT_CL_WA) && root_in(v->code, call_roots) &&
          (memcmp(v->code, "05", 2) == 0 ||
           s->actors[group_last(s, prev_target)].end == t->start) &&
          !(t->start > 0 && coder_tok_is(s, t->start - 1, CW_REL, false))) {
        const dict_verb *pv = ti ? dict_verb_at(s->dict, s->trigs[ti - 1].verb) : NULL;
        bool received = pv && pv->n_tgt && strcmp(pv->tgt[0], "\xd9\x85\xd9\x86") == 0; /* من */
        subj = received ? prev_target : prev_subject;
        tgt = received ? prev_subject : prev_target;
        after = t->first_end + 1;
        goto have_subject;
      }
      /* "اتهم المجلس العسكري فرنسا بالسعي إلى التدخل، وهو ما نفته باريس",
      ** "طالبت واشنطن بتحقيق مستقل، وهو ما رفضته كولومبو": after the
      ** relative وهو ما the subject follows the verb, and its object
      ** pronoun is what the clause before said or asked, so a denial
      ** (016), criticism (11) or refusal (12) answers that clause's
      ** subject; another act finds its target after the subject */
      if (prev_subject >= 0 && relative_ma(s, t->start)) {
        size_t x = coder_first_actor(s, t->first_end);
        if (x < s->n_actors && s->actors[x].start <= t->first_end + 1 &&
            !behind_prep(s, &s->actors[x])) {
          subj = (int)x;
          if (coder_streq(v->code, "016") || root_in(v->code, answer_roots))
            tgt = prev_subject;
          after = s->actors[x].end;
          goto have_subject;
        }
      }
      /* "ومن المقرر أن يتوجه المبعوث الأمريكي إلى المنطقة حيث سيلتقي
      ** الرئيس الإثيوبي": after حيث a meeting verb goes on with the
      ** traveller named before (not where he went); the actor after it
      ** ("حيث أجرى الأربعاء محادثات مع العاهل السعودي": after its
      ** phrase) is whom he meets; only after a journey, and when that
      ** actor is no subject of its own (journey_meeting) */
      int met;
      if (coder_streq(v->code, "040") && t->start > 0 &&
          coder_tok_is(s, t->start - 1, CW_WHERE, false) &&
          (met = actor_after(&e, t->end, 1, t->start, t)) >= 0 &&
          (subj = traveller_before(s, t->start - 1)) >= 0 &&
          journey_meeting(s, subj, t->start - 1, met)) {
        after = t->first_end;
        goto have_subject;
      }
      /* "تبنى مجلس الأمن ... قرارا يطالب إسرائيل": the adopter speaks */
      uint32_t doc = document_before(s, t);
      if (!doc) doc = rel_doc;
      if (doc && (subj = adopter_before(s, doc)) >= 0) {
        after = t->first_end;
        goto have_subject;
      }
      bool qad = t->start > 0 && coder_tok_is(s, t->start - 1, CW_QAD, false);
      subj = actor_before(&e, t->start, qad ? 2 : 1, t);
      if (subj < 0 && qad) subj = was_subject(s, t->start - 1);
      if (subj < 0 && !qad) subj = named_holder_before(&e, t);
      /* "محتجزين إسرائيليين وأفرجت إسرائيل": a bare adjective before the
      ** verb modifies the noun before it; it is no subject; "وقبيل
      ** مغادرتها مدريد، قالت": an actor before a comma ends an opening
      ** adverbial phrase */
      if (subj >= 0 && (s->actors[subj].adj_only ||
                        (s->actors[subj].end < t->start &&
                         s->ct[s->actors[subj].end].punct == 2) ||
                        (masculine_plural_verb(s, t) && feminine_actor(s, &s->actors[subj]))))
        subj = -1;
      /* "زار ماكرون بيروت الخميس والتقى عون": the object of the verb
      ** before is no subject of a verb joined to it by و */
      if (subj >= 0 && subj == prev_target && (t->cl0 & TXT_CL_WA)) subj = -1;
      /* "أجرى بوتين اتصالين هاتفيين بجباروف ورحمن دعاهما خلالهما": an
      ** object pronoun on the verb points back to that object; the
      ** subject of the verb before goes on */
      if (subj >= 0 && prev_subject >= 0 && prev_target >= 0 && (t->cl0 & TXT_CL_ENC) &&
          s->actors[subj].group == s->actors[prev_target].group) {
        tgt = prev_target;
        subj = prev_subject;
        after = t->first_end;
        goto have_subject;
      }
      /* "...، وطالبت": an actor before the comma is no subject of a verb
      ** that opens a new clause with و */
      if (subj >= 0 && (t->cl0 & TXT_CL_WA) &&
          s->ct[t->start - 1].punct)
        subj = -1;
      /* "لكنها جددت مطالبتها إسلام آباد": after لكنه/لكنها the subject
      ** is the one before; the actor after the verb is its object */
      if (subj < 0 && t->start > 0 && prev_subject >= 0 &&
          coder_tok_is(s, t->start - 1, CW_BUT_PRONOUN, false)) {
        subj = prev_subject;
        after = t->first_end;
        goto have_subject;
      }
      if (subj >= 0 && behind_prep(s, &s->actors[subj])) subj = -1;
      /* "أسير حوثي أفرجت عنهم السلطات السعودية": an indefinite noun before
      ** a verb that points back to it and has a definite subject after it
      ** is what the verb describes, not its subject */
      if (subj >= 0 && resumptive(s, t) && !coder_tok_definite(s, s->actors[subj].start)) {
        size_t x = coder_first_actor(s, t->first_end);
        if (x < s->n_actors && s->actors[x].start <= t->first_end + 1 &&
            coder_tok_definite(s, s->actors[x].start))
          subj = -1;
      }
      if (subj >= 0) {
        after = t->first_end;
        goto have_subject;
      }
      /* "إن «فيلق القدس» التابع للحرس الثوري الإيراني أطلق الصواريخ": the
      ** actor right after إن/أن is the subject of the clause's verb,
      ** however long its description */
      if ((subj = comp_subject(&e, t)) >= 0) {
        after = t->first_end;
        goto have_subject;
      }
      /* "ودعا القرار طرفي النزاع": a document as the subject speaks for
      ** whoever issued it, the source of the sentence before; the actor
      ** after it is an object */
      if (coder_tok_is(s, t->first_end, CW_DOC_SUBJECT, true) &&
          coder_tok_definite(s, t->first_end) && !s->ct[t->first_end].free) {
        if (!document_issuer(ctx)) continue;
        /* a copy: ctx->last_source changes with the next sentence */
        issuer = code_with(ar, document_issuer(ctx), "");
        if (!issuer) return WASIT_ENOMEM;
        subj = -1;
        after = t->first_end + 1;
        /* "ودعا البيان الختامي، الذي تلاه الأمين العام للجامعة، الحكومة
        ** الإسرائيلية إلى": the object follows the document's adjective
        ** and a relative aside between commas, whose actors are none of
        ** the verb's */
        uint32_t open = after + (!s->ct[after].punct && coder_tok_definite(s, after) &&
                                 !inside_actor(s, after));
        if (open < s->n && s->ct[open].punct == 2 && coder_tok_is(s, open + 1, CW_REL, false))
          for (uint32_t k = open + 2; k < s->n && k < open + 20 && s->ct[k].punct != 1; k++)
            if (s->ct[k].punct == 2) {
              after = k + 1;
              break;
            }
        goto have_subject;
      }
      /* "ويستنكر القرار عدم تنفيذ القرار 752، ويطالب السلطات في بلغراد
      ** بسحب ...", and a sentence "ويطالب جميع الأطراف ..." or "كما يدعو
      ** ..." right after: an official text lists a resolution's clauses
      ** as imperfect verbs joined by و or كما with no subject of their
      ** own; after a clause whose subject was a document they go on with
      ** its issuer, and the actor after the verb is their object (with
      ** document_before: 4 won in 3 articles, none lost on the 78 open
      ** sets) */
      /* (the first clause's verb need not be a trigger: "ويوسع القرار
      ** حظر الأسلحة ...، ويطالب إيران بتعليق ...") */
      if ((last_issuer || (document_clause_before(s, t) && document_issuer(ctx))) &&
          imperfect_he(s, t) &&
          ((t->cl0 & TXT_CL_WA) ||
           (t->start > 0 && coder_tok_is(s, t->start - 1, CW_ALSO, false)))) {
        issuer = last_issuer ? last_issuer : code_with(ar, document_issuer(ctx), "");
        if (!issuer) return WASIT_ENOMEM;
        subj = -1;
        after = t->first_end;
        goto have_subject;
      }
      /* "بينما قالت الأخيرة إنها صدت هجوما": "the latter" is the last
      ** party named before the verb (not civilians, who are no party) */
      if (coder_tok_is(s, t->first_end, CW_LATTER, true)) {
        subj = -1;
        for (size_t x = coder_first_actor(s, t->start); x-- > 0 && subj < 0;)
          if (!strstr(s->actors[x].code, "CVL") &&
              !(s->actors[x].cl0 & (TXT_CL_LI | TXT_CL_BI)) &&
              !behind_prep(s, &s->actors[x]))
            subj = (int)x; /* "مواقع للجيش": a genitive is no party */
        if (subj < 0) continue;
        after = t->first_end + 1;
        goto have_subject;
      }
      subj = actor_after(&e, t->start + 1, 6 + (t->end - t->first_end),
                         t->start, t);
      /* "اجتمع في العاصمة الكونغولية كينشاسا وزراء خارجية مصر ...": a
      ** place phrase after the verb is skipped; the subject follows it */
      for (int next = subj, hops = 0; next >= 0 && placed(s, next) && hops < 3;
           hops++) {
        next = actor_after(&e, s->actors[group_last(s, next)].end, 3,
                           t->start, t);
        if (next >= 0 && !placed(s, next)) subj = next;
      }
      /* "وجمدت ...، واستدعت سفيرها لدى أوتاوا": after a verb joined by و,
      ** an actor with a possessive pronoun (her envoy, its forces) is
      ** the object of an act, and the subject is the one before (a speech
      ** verb takes such a subject: "وقال رئيسها"); the target is sought
      ** from the verb on */
      if (subj >= 0 && (t->cl0 & TXT_CL_WA) && prev_subject >= 0 && !say &&
          s->actors[subj].start == t->first_end &&
          coder_tok_has_clitic(s, s->actors[subj].start, TXT_CL_ENC) &&
          !coder_tok_has_clitic(s, s->actors[subj].start, TXT_CL_BI | TXT_CL_LI)) {
        subj = prev_subject;
        after = t->first_end;
        goto have_subject;
      }
      /* "ودان أوباما الهجوم، وأجرى اتصالا هاتفيا بنظيره الكيني", "قال
      ** كاميرون ... بعدما أجرى اتصالا هاتفيا بنظيره الجزائري": a
      ** counterpart behind ب, ل or مع is the other side of the act, never
      ** its doer; the subject of the verb before goes on */
      if (subj >= 0 && prev_subject >= 0 && counterpart_object(s, &s->actors[subj])) {
        subj = prev_subject;
        after = t->first_end;
        goto have_subject;
      }
      /* "الأمين العام للأمم المتحدة": لل after a head noun is a genitive;
      ** but after the whole phrase of a verb that takes its target with ل
      ** ("وعرض تقديم المساعدة لروسيا") it names the one the act is for */
      bool genitive = subj >= 0 && (s->actors[subj].cl0 & TXT_CL_LI) &&
                      s->actors[subj].start > t->first_end &&
                      s->actors[subj].start <= t->first_end + 2 &&
                      !s->ct[s->actors[subj].start - 1].punct &&
                      !coder_tok_is(s, s->actors[subj].start - 1, CW_PREP, false) &&
                      !(t->end > t->first_end && s->actors[subj].start >= t->end &&
                        is_tgt_prep(s, v, &s->actors[subj]));
      /* "توجه المتظاهرون إلى مقر البرلمان": an actor after a preposition
      ** and its noun is inside that phrase, not the subject */
      bool in_pp = subj >= 0 && s->actors[subj].start >= t->first_end + 2 &&
                   !s->ct[s->actors[subj].start - 1].free &&
                   !s->ct[s->actors[subj].start - 1].punct &&
                   coder_tok_is(s, s->actors[subj].start - 2, CW_PREP, false);
      /* "وستسحب جميع قواتها خلال 14 شهرا إذا التزمت طالبان": an actor
      ** after إذا/لو or a relative pronoun belongs to that clause */
      for (uint32_t k = t->first_end; subj >= 0 && k < s->actors[subj].start; k++)
        if (coder_tok_is(s, k, CW_COND, false) || coder_tok_is(s, k, CW_REL, false))
          subj = -1;
      /* "واتهمها بقتل المدنيين": an actor after a ب phrase is inside it */
      if (subj >= 0 && s->actors[subj].start > t->first_end &&
          !s->ct[s->actors[subj].start - 1].free &&
          !coder_tok_is(s, s->actors[subj].start - 1, CW_PREP, false) &&
          coder_tok_has_clitic(s, s->actors[subj].start - 1, TXT_CL_BI) &&
          !coder_tok_has_clitic(s, s->actors[subj].start - 1, TXT_CL_WA) &&
          !coder_tok_is(s, s->actors[subj].start - 1, CW_ISM, true))
        in_pp = true;
      /* "حيث التقت رئيس الوزراء الإسرائيلي": a feminine verb does not
      ** take a man's title as its subject; he is the object, and the
      ** subject is the one before (or the sentence's first actor).  Nor
      ** does a masculine verb take a feminine noun ("وانتقد الحكومة
      ** الإيرانية", "وطالب السلطات") */
      /* (men after a count too: "واعتقلت عشرات المحتجين"; but a count
      ** makes a broken plural in ة, a people, the subject of a masculine
      ** verb: "خرج آلاف المغاربة") */
      uint32_t head = t->first_end;
      while (subj >= 0 && head < s->actors[subj].start && s->ct[head].count) head++;
      bool object_man = subj >= 0 &&
                        !(s->actors[subj].cl0 & (TXT_CL_LI | TXT_CL_BI)) &&
                        ((feminine_perfect(s, t) && s->actors[subj].start == head &&
                          masculine_actor(s, &s->actors[subj])) ||
                         (masculine_verb(s, t) && s->actors[subj].start == t->first_end &&
                          feminine_actor(s, &s->actors[subj])));
      /* "واعتقل زعيمة البلاد أونغ سان سو تشي": nor a woman named after
      ** her title in ة right after a masculine verb */
      if (subj >= 0 && !object_man && masculine_verb(s, t) &&
          s->actors[subj].start > t->first_end &&
          s->actors[subj].start <= t->first_end + 2 &&
          coder_tok_is(s, t->first_end, CW_TITLE, false) &&
          txt_tok_ends(s->doc, &s->toks[t->first_end], "\xd9\x87")) /* ة, read ه */
        object_man = true;
      if (object_man) subj = -1;
      if (subj >= 0 && (in_pp || (behind_prep(s, &s->actors[subj]) && !genitive) ||
                        oblique_parties(s, &s->actors[subj]) ||
                        (s->actors[subj].adj_only &&
                         !(v->flags & DICT_F_PASSIVE) &&
                         s->actors[subj].start > t->first_end)))
        subj = -1;
      if (subj >= 0) {
        after = s->actors[group_last(s, subj)].end;
      } else if (participle_clause(s, t) && main_subject >= 0) {
        /* "قال كورتي إن حكومته وافقت ...، مطالبا صربيا": a participle
        ** after a comma continues the main clause's subject, not the
        ** reported one.  A plain statement participle ("مؤكدا أن",
        ** "معتبرا أن") only goes on with what the subject said (and
        ** the act it announces is the subject's: "معلنا فرض عقوبات") */
        if (plain_statement(v->code)) {
          prev_subject = main_subject;
          continue;
        }
        subj = main_subject;
        after = t->first_end;
      } else {
        subj = actor_before(&e, t->start, 10, t);
        /* (a bare adjective modifies a noun: "دان مبارك الهجمات
        ** الإسرائيلية وطالب بوقفها" goes on with مبارك; nor is the object
        ** of the verb before the subject of one joined to it by و) */
        if (subj >= 0 && (behind_prep(s, &s->actors[subj]) ||
                          ((t->cl0 & TXT_CL_WA) &&
                           ((s->actors[subj].adj_only && prev_subject >= 0) ||
                            subj == prev_target))))
          subj = -1;
        /* ("قرروا ... فرض حظر": a perfect form with no subject may be the
        ** verbal noun a decision verb governs; one with و is a new verb) */
        if (subj < 0 && !(t->cl0 & TXT_CL_WA)) subj = decided_subject(&e, t);
        /* ("اقتحم مئات المحتجين مقر السفارة الأمريكية ... وأضرموا النار":
        ** a masculine plural verb takes no feminine noun as subject) */
        if (subj >= 0 && masculine_plural_verb(s, t) && feminine_actor(s, &s->actors[subj]))
          subj = -1;
        /* "..., وأسقطت مقاتلة هندية": after a comma a verb with و opens a
        ** new clause; an actor before the comma is no subject of it; nor
        ** is one inside an opening adverbial phrase ("وقبيل مغادرتها
        ** مدريد، قالت"): one comma between (a pair encloses an aside) */
        if (subj >= 0) {
          unsigned commas = 0;
          for (uint32_t k = s->actors[subj].end; k < t->start; k++) {
            if (s->ct[k].punct && (t->cl0 & TXT_CL_WA)) subj = -1;
            commas += s->ct[k].punct == 2;
          }
          if (commas % 2 == 1) subj = -1;
        }
        /* "ودان الأمين العام ... الهجوم ودعا إلى ضبط النفس": a verb
        ** joined by و with no subject of its own shares the subject of
        ** the verb before it in the sentence */
        /* (so does one after كما: "رحب بان كي مون بالاتفاق، كما أشاد
        ** بدور الرئيس البوركيني") */
        /* (and so does a verb after قبل أن, unless it is force: "واعتقلت
        ** 237 شخصا قبل أن تفرج عنهم") */
        if (subj < 0 && ((t->cl0 & TXT_CL_WA) ||
                         (t->start > 0 && coder_tok_is(s, t->start - 1, CW_ALSO, false)) ||
                         (t->start > 1 && coder_tok_is(s, t->start - 1, CW_COMP, false) &&
                          coder_tok_is(s, t->start - 2, CW_BEFORE, false) &&
                          !coder_violent_code(v->code))) &&
            !(prev_subject >= 0 && masculine_plural_verb(s, t) &&
              feminine_actor(s, &s->actors[prev_subject])))
          subj = prev_subject;
        /* (not force: a word of violence with و there is as often a
        ** verbal noun the object coordinates, "ورجحت واشنطن توجيه ضربات
        ** جوية وقصف بعض الأهداف") */
        if (subj < 0 && prev_subject < 0 && (t->cl0 & TXT_CL_WA) &&
            !coder_violent_code(v->code)) {
          subj = opening_subject(s, t);
          if (subj >= 0 && masculine_plural_verb(s, t) && feminine_actor(s, &s->actors[subj]))
            subj = -1;
        }
        if (subj < 0 && object_man)
          subj = prev_subject >= 0 ? prev_subject : main_or_first;
        /* "أعلنت القوات المغربية أنها أطلقت": after أنه/أنها the subject
        ** is the speaker */
        if (subj < 0 && t->start > 0 &&
            coder_tok_is(s, t->start - 1, CW_COMP_PRONOUN, true))
          subj = prev_subject;
        after = t->first_end;
      }
      /* "نفت يريفان ذلك، واتهمت باكو بشن هجوم", "وطالبت أنقرة بسحب
      ** قواتها": a coordinated appeal, demand, accusation, rejection or
      ** threat whose phrase holds a single actor is addressed to that
      ** actor; the speaker is the subject before */
      /* (with no coded verb before, the speaker is the subject of the
      ** uncoded verb the sentence opens with: "وأعربت الحكومة الكينية عن
      ** غضبها الشديد من اليونان، وطالبت أثينا بتقديم تفسير") */
      int speaker = prev_subject >= 0 ? prev_subject
                    : (t->cl0 & TXT_CL_WA) ? opening_subject(s, t) : -1;
      if (subj >= 0 && speaker >= 0 && subj != speaker &&
          ((t->cl0 & TXT_CL_WA) || after_comma(s, t)) &&
          !subordinate(s, &s->actors[speaker]) &&
          root_in(v->code, object_gap_roots) &&
          (lone_group_inside(s, t, subj) || complement_after(s, subj)) &&
          !addressee_after(s, v, t) &&
          !gender_switch(s, t, &s->actors[speaker], &s->actors[subj])) {
        tgt = subj;
        /* a participle after a comma ("...، متهما باكو") goes on with the
        ** main clause's subject, not a reported one */
        subj = participle_clause(s, t) && main_subject >= 0 ? main_subject
                                                            : speaker;
      }
      /* "زار ماكرون بيروت والتقى الرئيس ميشال عون": a meeting verb
      ** joined by و (no comma) right before a single actor meets that
      ** actor; the visitor is the subject before */
      if (subj >= 0 && prev_subject >= 0 && subj != prev_subject &&
          (t->cl0 & TXT_CL_WA) && memcmp(v->code, "04", 2) == 0 &&
          t->start > 0 &&
          !s->ct[t->start - 1].punct &&
          s->actors[subj].start == t->first_end &&
          group_first(s, subj) == group_last(s, subj)) {
        tgt = subj;
        subj = prev_subject;
      }
    have_subject:
      if (!(v->flags & DICT_F_PASSIVE) && subj >= 0) prev_subject = subj;
      if (issuer) last_issuer = issuer;
      else if (subj >= 0) last_issuer = NULL;
      /* (the latest finite verb not reported: "أشاد أوباما ...، فيما رحب
      ** بان كي مون بالاتفاق، داعيا الطرفين": Ban appeals) */
      if (!(v->flags & DICT_F_PASSIVE) && subj >= 0 && t->verbal == 1 &&
          !(mode & WASIT_MODE_REPORTED) && !after_complementizer(s, t->start))
        main_subject = subj;
      if (v->flags & DICT_F_PASSIVE) {
        tgt = subj;
        if (t->end < s->n) {
          int a = actor_after(&e, t->end, 0, t->end - 1, t);
          if (a >= 0 && s->actors[a].start == t->end) src = a;
          else if ((a = relative_doer(s, t->end)) >= 0) {
            /* "قتل 29 طفلا في غارة شنها التحالف": the doer, not the
            ** victim the subject search found */
            src = a;
            if (tgt == a) tgt = -1;
          }
        }
      } else {
        src = subj;
      }
    } else if (ti > 0 && prev_subject >= 0 &&
               coder_streq(dict_verb_at(s->dict, s->trigs[ti - 1].verb)->code, "010") &&
               announces_act(s, ti - 1)) {
      /* "أعلنت وزارة الداخلية اعتقال ...": the announcer did the act */
      src = prev_subject;
      noun_src = true;
      announced = (int)ti;
    } else if (continues_announced(&e, t, announced)) {
      /* "أعلن سعيد تجميد أعمال البرلمان ... وإعفاء رئيس الحكومة": the
      ** acts listed after an announced act are the announcer's too */
      src = prev_subject;
      noun_src = true;
      announced = (int)ti;
    } else {
      int a = actor_after(&e, t->end, 0, t->end - 1, t);
      /* "بعد محادثات استمرت يومين أجراها وفد كارتر": the span the talks
      ** lasted may stand between the noun and the relative verb */
      uint32_t rel_from = talks_noun(v) && t->end + 2 < s->n &&
                                  coder_tok_is(s, t->end, CW_LAST, false)
                              ? t->end + 2 : t->end;
      int rd = relative_doer(s, rel_from);
      if (rd >= 0) a = rd;
      /* "بعد محادثات أجراها مع غباغبو وواتارا": with no actor after the
      ** relative verb its pronoun is the clause's subject, who held the
      ** talks; the partner follows */
      uint32_t held_at = rd < 0 && talks_noun(v) && prev_subject >= 0 &&
                                 s->actors[prev_subject].end <= t->start
                             ? pronoun_light_verb(s, rel_from) : 0;
      uint32_t b = bayn_after(&e, t, v);
      if (b) {
        /* "جولة جديدة من المفاوضات بين مصر والسودان وإثيوبيا", "معارك
        ** عنيفة استمرت يومين على الحدود بين البلدين": the
        ** compound after بين is the pair; nothing later is its target */
        a = actor_after(&e, b, 0, t->end - 1, t);
        between = true;
      }
      /* "توصل الطرفين إلى الاتفاق": the doers of a joint act right after
      ** its noun, inside the phrase's gap */
      if (!b && t->first_end < t->end &&
          ((v->flags & DICT_F_MUTUAL) || root_in(v->code, joint_roots))) {
        size_t x = coder_first_actor(s, t->first_end);
        if (x < s->n_actors && s->actors[x].start == t->first_end) {
          a = (int)x;
          b = t->first_end; /* its pair is the whole event, as after بين */
          between = true;
        }
      }
      /* "مقابل إطلاق إسرائيل سراح 477 أسيرا": a verbal noun's genitive
      ** doer inside the phrase's gap, right after the noun, is the doer;
      ** what follows the phrase is its object */
      bool gap_doer = false;
      if (!b && !t->verbal && t->first_end < t->end) {
        size_t x = coder_first_actor(s, t->first_end);
        gap_doer = x < s->n_actors && s->actors[x].start == t->first_end &&
                   s->actors[x].end < t->end && !behind_prep(s, &s->actors[x]) &&
                   !s->actors[x].adj_only;
        if (gap_doer) a = (int)x;
      }
      /* "قام مسلحون بخطف نائب رئيس البلدية": the person after the noun
      ** is its target; the doer is sought before it, as with no actor */
      if (a >= 0 && a != rd && !b && !t->verbal &&
          s->actors[a].start == t->end &&
          objective_genitive(s, v, &s->actors[a])) {
        tgt = a;
        a = -1;
      }
      /* "وسارع بومبيو إلى اتهام إيران": after a support verb the actor
      ** right after an accusation, appeal or demand noun is its object;
      ** the support verb's subject speaks */
      int light_speaker = !b && a >= 0 && s->actors[a].start == t->end &&
                                  root_in(v->code, object_gap_roots)
                              ? light_subject(&e, t, prev_subject) : -1;
      /* "وأكد تانغ خلال لقائه برويهر": a meeting noun with a possessive
      ** pronoun is the subject's meeting; the actor after it is met */
      bool own_meeting = !t->verbal && (t->cl0 & TXT_CL_ENC) && !b && a >= 0 &&
                         prev_subject >= 0 && a != prev_subject &&
                         s->actors[a].start == t->end && memcmp(v->code, "04", 2) == 0;
      /* "وأشاد أوباما في اتصال هاتفي مع مرسي بجهود القاهرة", "وقدم
      ** علييف اعتذاره لنظيره الروسي في اتصال هاتفي": a call or meeting
      ** noun after في/خلال with only the actors of the verb before it
      ** between (framed_consultation) is held by that verb's subject,
      ** with the one named after it or, if none, the verb's object */
      int partner = -1;
      if (framed_consultation(s, t, v) && !b && a < 0 && ti > 0 &&
          s->trigs[ti - 1].verbal && actors_only(s, s->trigs[ti - 1].end, t->start - 1) &&
          prev_subject >= 0 && s->actors[prev_subject].end <= t->start) {
        partner = find_target(&e, v, t->end, t->end - 1, t, false, true);
        if (partner < 0) partner = prev_target;
        /* (not the press: "في اتصال هاتفي مع وكالة الصحافة الفرنسية") */
        if (partner >= 0 &&
            (s->actors[partner].group == s->actors[prev_subject].group ||
             coder_role_in(s->actors[partner].code, "MED")))
          partner = -1;
      }
      if (own_meeting) {
        src = prev_subject;
        noun_src = true;
        tgt = a;
      } else if (partner >= 0) {
        src = prev_subject;
        noun_src = true;
        tgt = partner;
      } else if (held_at && !b) {
        src = prev_subject;
        noun_src = true;
        after = held_at + 1;
      } else if (light_speaker >= 0 && light_speaker != a &&
                 !(v->flags & DICT_F_PASSIVE)) {
        src = light_speaker;
        noun_src = true;
        tgt = a;
        prev_subject = light_speaker;
      } else if (a >= 0 && (s->actors[a].start == t->end || b || a == rd || gap_doer) &&
          !(s->actors[a].cl0 & TXT_CL_BI)) {
        src = a;
        noun_src = true;
        after = s->actors[group_last(s, a)].end;
      } else {
        src = actor_before(&e, t->start, 3, t);
        if (src >= 0 && behind_prep(s, &s->actors[src])) src = -1;
        /* "أدانت مصر الهجوم": the subject of the verb right before the
        ** actor is not the doer of its object noun (unless the noun is
        ** the ب content of an accusation: "اتهمت حماس بقصف") */
        if (src >= 0 && s->actors[src].start > 0 && !(t->cl0 & TXT_CL_BI)) {
          uint8_t pv = e.trig_tok[s->actors[src].start - 1];
          if (pv && s->trigs[pv - 1].verbal && &s->trigs[pv - 1] != t &&
              s->trigs[pv - 1].start != t->start)
            src = -1;
        }
        /* the subject of a support verb is the noun's doer: "شنت إيران
        ** هجوما", "ردت باكستان بغارات جوية", "شنت بريطانيا وفرنسا ضربات"
        ** (the actor right before the noun is the compound's last) */
        int light = light_subject(&e, t, prev_subject);
        if (light < 0 && src < 0) light = decided_subject(&e, t);
        /* (an actor in a relative clause on the support verb's subject
        ** is not the noun's doer) */
        if (light >= 0 &&
            (src < 0 || s->actors[src].group == s->actors[light].group ||
             (s->actors[src].start > s->actors[light].end &&
              relative_between(s, s->actors[light].end, s->actors[src].start)))) {
          src = light;
          noun_src = true;
          prev_subject = light; /* the support verb's subject */
        }
      }
      if (v->flags & DICT_F_PASSIVE) {
        /* "عقد مجلس الأمن جلسة طارئة بطلب من روسيا", "أرسلت روسيا قوات
        ** بطلب من كازاخستان": the actor right after a passive noun phrase
        ** that ends in a preposition is its doer, as after a passive verb;
        ** the clause's subject is what the act is aimed at.  (Right after
        ** a passive verb written plain, "اغتيل رئيس الوزراء", it is the
        ** victim.) */
        int doer = a >= 0 && !b && s->actors[a].start == t->end &&
                           coder_tok_is(s, t->end - 1, CW_PREP, false)
                       ? a : -1;
        if (doer >= 0) {
          tgt = src >= 0 && src != doer ? src : light_subject(&e, t, prev_subject);
          if (tgt < 0) tgt = prev_subject;
          if (tgt < 0) { /* "عقد المجلس ... الخميس بطلب من": its subject */
            tgt = actor_before(&e, t->start, 8, t);
            if (tgt >= 0 && behind_prep(s, &s->actors[tgt])) tgt = -1;
          }
          src = doer;
          if (tgt >= 0 && s->actors[tgt].group == s->actors[src].group) tgt = -1;
        } else {
          tgt = src;
          src = -1;
        }
      }
    }
    /* "الاشتباكات بين الطرفين في محيط ... مقر القيادة العامة للجيش": the
    ** pair after بين is the whole event; nothing later is its target */

    if (tgt < 0 && !between && !(v->flags & DICT_F_NOTGT) &&
        !(v->flags & DICT_F_PASSIVE))
      tgt = find_target(&e, v, after, t->end - 1, t,
                        (say && coder_streq(v->code, "010")) ||
                            memcmp(v->code, "14", 2) == 0,
                        !t->verbal);
    /* "وأعربت وزارة الخارجية اليابانية عن ترحيب طوكيو بالقرار", "أكد
    ** دعم نيودلهي لوحدة سريلانكا": the subject's own state in the
    ** genitive right after the noun of welcome or support that ends the
    ** pattern says whose welcome it is, not whom it is for; the target is
    ** sought after it (not after a pattern ending in a preposition: "أطلق
    ** النار على القوات الأمريكية" names its target there).  8 won in 5
    ** articles, none lost on the 78 open sets */
    if (tgt >= 0 && src >= 0 && t->verbal && t->end > t->first_end &&
        memcmp(v->code, "05", 2) == 0 && !coder_tok_is(s, t->end - 1, CW_PREP, false) &&
        s->actors[tgt].start == t->end && !(s->actors[tgt].cl0 & (TXT_CL_BI | TXT_CL_LI)) &&
        coder_state_prefix(s->actors[src].code) &&
        strncmp(s->actors[src].code, s->actors[tgt].code, 3) == 0)
      tgt = find_target(&e, v, s->actors[group_last(s, tgt)].end, t->end - 1, t, false, false);
    /* "اقتحم محتجون غاضبون مقار وزارات الخارجية": the protesters are in
    ** the pattern's words; the actor after them is what they stormed */
    if (memcmp(v->code, "14", 2) == 0 && src >= 0 && tgt < 0 &&
        s->actors[src].start >= t->first_end && !protesters_actor(s, &s->actors[src])) {
      if (protesters_word_in(s, t->start, t->end)) {
        tgt = src;
        src = -1;
      }
    }
    /* "خرج عشرات الآلاف من أبناء العاصمة في مسيرة أمام مكتب الأمم
    ** المتحدة بصنعاء": the office a crowd stands before is where it
    ** protests, not who protests (a state's own seat there is, as before,
    ** whose people protest) */
    if (memcmp(v->code, "14", 2) == 0 && src >= 0 && s->actors[src].start > t->start &&
        !coder_state_prefix(s->actors[src].code) && protest_site(s, &s->actors[src])) {
      if (tgt < 0) tgt = src;
      src = -1;
    }
    if (tgt < 0 && memcmp(v->code, "14", 2) == 0) {
      /* (not the source itself: "استقال وزير الداخلية احتجاجا على قرار
      ** الحكومة" would vanish as a self-event) */
      int pt = protest_target(s, t);
      if (pt >= 0 && !(src >= 0 && coder_streq(s->actors[pt].code, s->actors[src].code)))
        tgt = pt;
    }
    /* "أمام مقر الأمم المتحدة في بغداد تنديدا بالهيمنة الأمريكية": a
    ** word of protest naming another actor says whom the protest is
    ** against, more than the site it stands before does */
    if (tgt >= 0 && memcmp(v->code, "14", 2) == 0 && protest_site(s, &s->actors[tgt])) {
      int pt = protest_target_after(s, t, s->actors[tgt].end, true);
      if (pt >= 0) tgt = pt;
    }
    /* "أنهت قوات الأمن الحصار بعد 30 ساعة من المواجهات مع مسلحين":
    ** fighting with only its partner named was fought by the subject of
    ** the sentence */
    if (!t->verbal && src < 0 && tgt >= 0 && (v->flags & DICT_F_MUTUAL) &&
        coder_violent_code(v->code) &&
        prev_subject >= 0 && s->actors[prev_subject].group != s->actors[tgt].group &&
        s->actors[prev_subject].end <= t->start)
      src = prev_subject;
    /* "قال نتنياهو إن حماس تلقت ضربة": a statement with no target is
    ** about the one actor of the clause it reports (none when several) */
    if (tgt < 0 && say && coder_streq(v->code, "010")) {
      tgt = reported_actor(s, t, src >= 0 ? s->actors[src].country : NULL,
                           false, t->verbal ? after : 0);
      /* "أعلن الجيش العراقي أن فرقة من قواته": about itself */
      if (tgt >= 0 && src >= 0 &&
          coder_streq(s->actors[tgt].code, s->actors[src].code))
        tgt = -1;
    }
    /* "حذر السيسي من أن أي تقدم لقوات الوفاق والقوات التركية يمثل خطا
    ** أحمر": a threat whose content is a clause is about that clause's
    ** actors */
    if (tgt < 0 && t->verbal && memcmp(v->code, "13", 2) == 0)
      tgt = reported_actor(s, t, src >= 0 ? s->actors[src].country : NULL, true, 0);
    /* "مئة أسير حوثي أفرجت عنهم السلطات السعودية", "16 سعوديا أطلقت
    ** الجماعة سراحهم": a verb with its own subject after it, right after
    ** an indefinite noun, describes that noun; the pronoun is that noun */
    if (tgt < 0 && resumptive(s, t) && src >= 0 && s->actors[src].start > t->start) {
      size_t x = coder_first_actor(s, t->start);
      if (x > 0 && s->actors[x - 1].end == t->start &&
          !coder_tok_definite(s, s->actors[x - 1].start) &&
          !behind_prep(s, &s->actors[x - 1]))
        tgt = (int)x - 1;
    }
    /* "استقبل أردوغان السوداني وتباحث معه", "قطعت علاقاتها مع قطر
    ** واتهمتها": otherwise such a pronoun points back to the last target */
    /* "ووصل رئيس دولة الإمارات إلى الدوحة، حيث استقبله أمير قطر": a host
    ** receiving "him" right after a visit receives the visitor */
    if (tgt < 0 && pronoun_back(s, t) && coder_streq(v->code, "043") &&
        visitor >= 0 && visitor != src)
      tgt = visitor;
    if (coder_streq(v->code, "042") && src >= 0) visitor = src;
    /* "خرج آلاف ... في تظاهرات ...، ففرقتها الشرطة الباكستانية": a
    ** dispersal of "them" after a protest in the sentence is aimed at
    ** the protesters, the doers of that protest (at home too) */
    const char *dispersed = NULL;
    if (tgt < 0 && strncmp(v->code, "175", 3) == 0 && pronoun_back(s, t))
      for (size_t k = *n_evs; k-- > 0 && !dispersed;)
        if (memcmp(dict_verb_at(s->dict, (*evs)[k].trig->verb)->code, "14", 2) == 0)
          dispersed = (*evs)[k].src_code;
    if (tgt < 0 && pronoun_back(s, t) && !dispersed) tgt = prev_target;
    if (!(v->flags & DICT_F_PASSIVE) && tgt >= 0) prev_target = tgt;
    /* "ودانت مصر الهجوم الحوثي على أبوظبي": a condemned attack with its
    ** doer right after it condemns that doer, not the place it struck */
    if (memcmp(v->code, "111", 3) == 0 && ti + 1 < s->n_trigs && condemned(s, ti + 1) &&
        coder_hostile_code(dict_verb_at(s->dict, s->trigs[ti + 1].verb)->code)) {
      uint32_t after = s->trigs[ti + 1].end;
      /* "ودانت الولايات المتحدة الهجوم الصاروخي على أسمرة": what the
      ** attack struck, named behind a preposition after it, is no target
      ** of the condemnation; its doer is (below) */
      if (tgt >= 0 && s->actors[tgt].start >= after && behind_prep(s, &s->actors[tgt]))
        tgt = -1;
      size_t x = coder_first_actor(s, after);
      if (x < s->n_actors && s->actors[x].start == after &&
          !behind_prep(s, &s->actors[x]) && !s->actors[x].own)
        tgt = (int)x;
      /* "ودانت الولايات المتحدة «الهجمات الصاروخية الاستفزازية» التي شنها
      ** النظام الإيراني": or the doer its relative clause names */
      for (uint32_t k = after; tgt < 0 && k < after + 5 && k + 1 < s->n && s->ct[k].punct != 1; k++)
        if (coder_tok_is(s, k, CW_REL, false)) {
          tgt = relative_doer(s, k + 1);
          break;
        }
    }
    /* "ونددت الإمارات بالهجوم": a condemned attack with no doer named is
    ** the article's attack, so its doer (the first violent event's known
    ** source) is the target; with none known, it is condemned on behalf
    ** of the state it struck ("أدانت مصر الهجوم الإرهابي على الفندق") */
    const char *struck = NULL;
    bool doers = false; /* struck: ctx->violent_doer, all its members */
    if (tgt < 0 && ((memcmp(v->code, "111", 3) == 0 && ti + 1 < s->n_trigs &&
                     condemned(s, ti + 1) &&
                     coder_hostile_code(dict_verb_at(s->dict, s->trigs[ti + 1].verb)->code)) ||
                    attack_reference(s, t, v))) {
      doers = e.ctx->violent_doer[0][0] != 0;
      /* (a dateline places the agency, not the act: "نيويورك - اعتمد
      ** مجلس الأمن القرار الذي يدين القصف ... في أنحاء من سوريا"; the
      ** state the act's own clause names is where it struck, else the
      ** article's principal state) */
      bool dateline = s->place && s->place_tok == 0 && e.ctx->principal[0][0];
      /* (a crowd's protest against an attack no one is known to have
      ** done, "خرج عشرات الآلاف ... تنديدا بالتفجير", is aimed at no one:
      ** not at the state struck, the protesters' own, where it vanished
      ** as a self-event, nor at home by the story's rules.  A coup or a
      ** crackdown, "رفضا للانقلاب", "احتجاجا على القمع", is no violence
      ** of 18-20: the state's own side did it, and the protest is at
      ** home.  Only a counted crowd: "شهدت مدينة الفاشر تظاهرات احتجاجا
      ** على الهجوم", protests a town saw, is no event in the GSR file) */
      bool unclaimed = !doers && memcmp(v->code, "14", 2) == 0 &&
                       coder_counted_object(s, t) && ti + 1 < s->n_trigs &&
                       same_clause(s, s->trigs[ti + 1].start, t->start) &&
                       coder_violent_code(dict_verb_at(s->dict, s->trigs[ti + 1].verb)->code);
      const char *own = NULL;
      if (!doers && !unclaimed && dateline)
        own = clause_state_after(s, ti + 1 < s->n_trigs && condemned(s, ti + 1)
                                        ? s->trigs[ti + 1].end : t->end);
      struck = doers ? e.ctx->violent_doer[0]
               : unclaimed ? no_one
               : own ? own
               : s->place && !dateline ? s->place->loc.country : e.ctx->principal[0];
    }
    /* "وتبنت حركة الشباب الهجوم": a claim of responsibility that names
    ** no one struck is aimed at the state the article's attack struck,
    ** its principal state, the claimer's own too ("وتبنت حركة الشباب
    ** الهجوم" in a story of a bombing in Mogadishu) */
    bool claim = coder_attack_claim(s, t, NULL);
    if (tgt < 0 && !struck && claim) struck = e.ctx->principal[0];
    /* "دان الرئيس الصربي أعمال العنف", "وسارع السنيورة إلى إدانة أعمال
    ** الشغب": violence or rioting with no doer named is a disorder in the
    ** state where it happened (the sentence's place, else the dateline's,
    ** else the article's principal state), and its condemnation is aimed
    ** at that state, the condemner's own too: the rioters are its people */
    bool disorder = false;
    if (tgt < 0 && !doers && memcmp(v->code, "111", 3) == 0 && disorder_object(s, t)) {
      disorder = true;
      struck = s->place ? s->place->loc.country
               : e.ctx->dateline[0] ? e.ctx->dateline : e.ctx->principal[0];
    }
    /* "مطالبا بالإفراج الفوري عن الناقلة", "داعيا إلى الإفراج عن رئيس
    ** الوزراء": a demand or appeal for a release with no one named is
    ** addressed to the captor, the doer of the article's first hostile
    ** act (a seizure, an arrest), when one is known */
    if (tgt < 0 && !struck && e.ctx->violent_doer[0][0] &&
        (coder_streq(v->code, "1053") || coder_streq(v->code, "0253"))) {
      doers = true;
      struck = e.ctx->violent_doer[0];
    }
    /* a noun names an event in passing ("اغتيال بوتو", "تهمة الخطف")
    ** more often than it reports one.  Keep a violent noun when the
    ** sentence states casualties, when it is the content of an accusation
    ** or statement with a doer ("اتهمت X Y بقصف"), or when its doer is
    ** named right after it and it has a target or place ("القصف
    ** الإسرائيلي على غزة"); keep other nouns with a doer ("بوساطة روسية",
    ** "أجرت روسيا والصين مناورات"), but a protest noun only with a doer
    ** after it, a pronoun pointing back to one ("يواصل الأسير ...
    ** إضرابه") or a doer taking part in it ("الفلسطينيين في مسيرة") */
    bool violent = coder_violent_code(v->code);
    bool counted = coder_casualties_told(s);
    /* "الهجوم", "الاعتداءات": a definite violent noun with no doer of
    ** its own refers to an attack told before (or known); with no
    ** casualties stated, and not told as a fact ("ووقع الهجوم فجر أمس"),
    ** it is no new event */
    bool fact = violent && !t->verbal && noun_as_fact(s, t);
    bool reference = violent && !t->verbal && !noun_src && !counted &&
                     coder_tok_definite(s, t->start) && !fact;
    /* "وقال السيسي إن كل الخيارات مطروحة", "وقال دينديري إنه مستعد
    ** لتسليم السلطة": an offer, refusal or threat that opens a reported
    ** clause with no actor of its own is the speaker's act (its target
    ** is found as for any act; threat_targets fills a threat's) */
    const coder_ev *speaker_ev =
        src < 0 && (mode & WASIT_MODE_REPORTED) && stance_clause(&e, t, v)
            ? doer_before(s, *evs, *n_evs, "01", true, t->start) : NULL;
    bool keep_noun =
        speaker_ev ? true :
        reference ? false :
        violent ? counted ||
                      (noun_src && (tgt >= 0 || s->place || between)) ||
                      fact
                : noun_src ||
                      (src >= 0 && (memcmp(v->code, "14", 2) != 0 ||
                                    (t->cl0 & TXT_CL_ENC) ||
                                    (t->start > 0 &&
                                     coder_tok_is(s, t->start - 1, CW_FI, false))));
    if (!t->verbal && !keep_noun) {
      /* (not a visit: "خلال زيارة لموقع عسكري" is no talk with anyone;
      ** nor a body's own sitting: "قال بوتين خلال اجتماع حكومي", nor
      ** one opened or chaired: "في افتتاح قمة دولية") */
      if (!talks && src < 0 && tgt < 0 && memcmp(v->code, "04", 2) == 0 &&
          !coder_streq(v->code, "045") && !coder_streq(v->code, "042") &&
          !body_session(&e, t, v) && !chaired_session(&e, t, v)) {
        talks = t;
        talks_mode = mode;
      }
      continue;
    }
    /* "اتهمت أرمينيا أذربيجان بقصف مواقع مدنية": the act an accusation
    ** names is its charge, not an event of its own */
    if (!t->verbal && (t->cl0 & TXT_CL_BI) && accused(s, ti)) continue;
    /* "إن الاتهامات الإسرائيلية «لا أساس لها»", "نفى المتحدث الاتهامات",
    ** "رد الوزير على الانتقادات": a definite noun of accusation or
    ** criticism (11) names charges already made, which a reply, denial or
    ** question is about; it reports none.  Charges traded in its clause
    ** ("تبادلت الحكومة والمعارضة ... الاتهامات") are the mutual act */
    if (!t->verbal && memcmp(v->code, "11", 2) == 0 && coder_tok_definite(s, t->start) &&
        !class_in_clause_before(s, t->start, CW_EXCHANGE, false, 15))
      continue;
    /* "فتح المعابر لإدخال المساعدات": a verbal noun with ل says what an
    ** act is for, not what was done */
    if (!t->verbal && (t->cl0 & TXT_CL_LI) && !(v->flags & DICT_F_PASSIVE) &&
        !(t->start > 0 && coder_tok_is(s, t->start - 1, CW_ACCORD, false)))
      continue;
    if (!t->verbal && src < 0 && condemned(s, ti)) continue;
    if (demonstrated(s, t)) continue;
    if (memcmp(v->code, "14", 2) == 0 &&
        (protest_elaboration(s, t) || celebration(s, t)))
      continue;
    /* "هتف العمال «الموت للذين يدعمون الرأسمالية»": a chant of death
    ** that names no actor tells more of a protest; it makes one only
    ** against whom it names ("مرددين «الموت لأمريكا»") */
    if (memcmp(v->code, "14", 2) == 0 && tgt < 0 &&
        coder_tok_is(s, t->end - 1, CW_DEATH_CHANT, false))
      continue;
    if (violent && (t->verbal ? bare_verb_item(&e, t) : src < 0) &&
        crime_list(&e, t))
      continue;
    if ((violent || memcmp(v->code, "14", 2) == 0) && background(&e, t))
      continue;
    if (since_start(s, t)) continue;
    if ((v->flags & DICT_F_SAY) && judged_object(s, t)) continue;
    if (body_session(&e, t, v) || chaired_session(&e, t, v)) continue;
    member sm[MAX_MEMBERS], tm[MAX_MEMBERS];
    /* "وقصفه من قبل القوات الفرنسية وقوات الأمم المتحدة": the actor
    ** after من قبل right after the act did it */
    {
      size_t x = coder_first_actor(s, t->end);
      uint32_t k = x < s->n_actors ? s->actors[x].start : 0;
      if (k >= 2 && k <= t->end + 2 &&
          coder_tok_is(s, k - 1, CW_BY_AGENT, false) &&
          coder_tok_is(s, k - 2, CW_MIN, false)) {
        if (tgt == (int)x) tgt = -1;
        src = (int)x;
      }
    }
    size_t ns = members_of(&e, src, sm), nt = members_of(&e, tgt, tm);
    /* "الجانب الباكستاني": the act is left to the other target rules */
    if (tgt >= 0 && ns == 1 && nt == 1 &&
        own_side_adjective(s, &s->actors[tgt], sm[0].code, tm[0].code))
      nt = 0;
    if (!ns && issuer) sm[ns++] = (member){NULL, issuer};
    /* "احتشد مئات الآلاف مطالبين برحيل الرئيس", "ورددوا هتافات تطالب
    ** برحيل مادورو": a demand with no doer of its own after a protest in
    ** the sentence is the protesters' demand */
    const coder_ev *lender = NULL;
    if (!ns && memcmp(v->code, "10", 2) == 0)
      lender = doer_before(s, *evs, *n_evs, "14", false, UINT32_MAX);
    /* "وقالت طهران إن إسرائيل ستدفع الثمن", "وتوعد بأن العدوان لن يمر دون
    ** رد": a threat with no doer of its own (the one who will pay is its
    ** target) inside a statement is the speaker's threat */
    if (!ns && memcmp(v->code, "13", 2) == 0 && (v->flags & (DICT_F_PASSIVE | DICT_F_NOTGT)))
      lender = doer_before(s, *evs, *n_evs, "13", true, t->start);
    if (!ns && !lender) lender = speaker_ev;
    if (lender) sm[ns++] = (member){lender->src, lender->src_code};
    if (!nt && struck && (struck[0] || struck == no_one) &&
        (disorder || claim || !(!doers && ns && strncmp(struck, sm[0].code, 3) == 0))) {
      tm[nt++] = (member){NULL, struck};
      for (size_t k = 1; doers && k < CODER_MAX_DOERS && e.ctx->violent_doer[k][0] &&
                         nt < MAX_MEMBERS; k++)
        tm[nt++] = (member){NULL, e.ctx->violent_doer[k]};
    }
    if (!nt && dispersed) tm[nt++] = (member){NULL, dispersed};
    /* "رحب الرئيس البنمي بالتقارب بين الولايات المتحدة وكوبا": praise of
    ** what passed between a pair, named right after the verb, is aimed
    ** at both */
    if (!nt && t->verbal && memcmp(v->code, "051", 3) == 0) {
      uint32_t b = bayn_from(&e, after > t->end ? after : t->end, 5, NULL);
      size_t x = b ? coder_first_actor(s, b) : s->n_actors;
      if (x < s->n_actors && s->actors[x].start == b) nt = members_of(&e, (int)x, tm);
    }

    /* "أعلنت قطر ... دعمها للإجراءات التي اتخذها العاهل الأردني",
    ** "دان القرارات التي أصدرتها الحكومة": praise or condemnation of
    ** steps someone took is aimed at that someone */
    if (!nt && (memcmp(v->code, "05", 2) == 0 || memcmp(v->code, "11", 2) == 0)) {
      int x = steps_doer(s, t->end);
      if (x >= 0) nt = members_of(&e, x, tm);
    }
    /* "ورفضت الحكومة الإيرانية القرار ووصفته بأنه غير قانوني": a
    ** rejection of the decision, named by no one after it, answers the
    ** international body the article has acting (the Security Council
    ** that adopted it) or the court named with its state since, not a
    ** state or no one; the object is read from the verb's first word on,
    ** for a phrase that holds it ("إن بلاده رفضت مشروع القرار").  A copy:
    ** ctx->body changes when a court is named later */
    if (!nt && tgt < 0 && memcmp(v->code, "12", 2) == 0 && e.ctx->body[0] &&
        !(ns && (strncmp(sm[0].code, "IGO", 3) == 0 ||
                 coder_streq(sm[0].code, e.ctx->body))) &&
        ruling_object(s, t->first_end)) {
      char *body = code_with(ar, e.ctx->body, "");
      if (!body) return WASIT_ENOMEM;
      tm[nt++] = (member){NULL, body};
    }
    /* "رفض قاراسي الاعتراف بالانقلاب", "أكدت أوكرانيا أنها لن تعترف
    ** أبدا بضم القرم": a refusal to recognize an act that names no one
    ** refuses what the story's state did: its coup or new rulers, aimed
    ** at that state (its own people's refusal too), or, in a story of
    ** two states, the other one's claim when the refuser is one of them;
    ** an actor starting within three words after the trigger, the act's
    ** genitive ("باستقلال كوسوفو"), is the target; not past a comma, where
    ** another clause begins ("الاعتراف بالانقلاب، وقالت فرنسا").  Not the
    ** recognition of a fact ("الاعتراف بأن كشمير ...") */
    if (!nt && tgt < 0 && memcmp(v->code, "12", 2) == 0 &&
        class_ahead(s, t->start, t->end - t->start, CW_RECOGNIZE, true) &&
        !coder_tok_is(s, t->end, CW_COMP, false)) {
      size_t x = coder_first_actor(s, t->end);
      const char *story = e.ctx->principal[0];  /* the story's state */
      /* whose act is refused: in a story of two states, the other one's
      ** when the story's state refuses */
      const char *refused = !coder_one_state(e.ctx) && ns &&
                                    strncmp(sm[0].code, story, 3) == 0 &&
                                    coder_state_prefix(e.ctx->principal[1])
                                ? e.ctx->principal[1] : story;
      if (x < s->n_actors && s->actors[x].start <= t->end + 3 && !s->actors[x].own &&
          coder_no_punct(s, t->end, s->actors[x].start))
        nt = members_of(&e, (int)x, tm);
      else if (coder_state_prefix(refused))
        tm[nt++] = (member){NULL, refused};
    }
    if (violent && ns && tgt >= 0 &&
        ((coder_role_in(sm[0].code, "COP MIL GOV") && protesters_actor(s, &s->actors[tgt])) ||
         police_on_own_people(sm[0].code, s->actors[tgt].code))) {
      /* "أطلقت قوات الأمن الرصاص الحي لتفريق المحتجين": a state's forces
      ** shooting or beating protesters is violent repression (175); so is
      ** its police's force on its own civilians, students, workers or
      ** opposition ("اقتحمت الشرطة ساحة الجامعة وفضت اعتصام الطلاب").
      ** Killing them ("قتلت الشرطة الكينية ثلاثة طلاب") is an assault on
      ** them (180), as repression with dead counted is
      ** (harmful_repression) */
      recode_to(&e, &t, &v,
                coder_tok_is(s, t->start, CW_CASUALTY, false) ? "180" : "175");
    }
    if (violent && !(v->flags & DICT_F_MUTUAL) && src >= 0 &&
        protesters_actor(s, &s->actors[src]) && ns && nt &&
        coder_state_prefix(tm[0].code) &&
        (strncmp(tm[0].code, sm[0].code, 3) != 0 ||
         (tgt >= 0 && !behind_prep(s, &s->actors[tgt]) && strlen(tm[0].code) >= 6 &&
          !coder_role_in(tm[0].code, "COP MIL")))) {
      /* "هاجم محتجون غاضبون سفارات رواندا وفرنسا": protesters attacking
      ** a foreign state's missions protest against it violently (145), and
      ** so do protesters storming their own state's institutions, named as
      ** the act's object ("اقتحم المتظاهرون مبنى البرلمان"; not "متظاهرون
      ** مناهضون للحكومة"); clashing with police or an army they fight */
      recode_to(&e, &t, &v, "145");
    }
    if (coder_streq(v->code, "010") && t->verbal &&
        condition_said(&e, t, ns ? sm[0].code : NULL))
      recode_to(&e, &t, &v, "10");
    if (coder_streq(v->code, "012") && t->verbal && t->first_end == t->end &&
        tgt >= 0 && !behind_prep(s, &s->actors[tgt]) && !s->actors[tgt].adj_only &&
        s->actors[tgt].start > t->start) {
      /* "حذر البشير ... جوبا من أي هجوم": a warning addressed to an
      ** actor (its direct object) is a threat, not a gloomy remark.  Only
      ** the verb of warning has such an object; concern or regret, voiced
      ** through a phrase with a gap ("أعرب * * عن أسف"), is about its
      ** matter ("أعرب طنطاوي عن أسفه لما تعرضت له البعثة السعودية" is
      ** no threat to Riyadh) */
      recode_to(&e, &t, &v, "130");
    }
    if (coder_streq(v->code, "012") && t->verbal && ns &&
        own_future_warning(s, t, sm[0].code)) {
      /* "حذر من أن موسكو ستوقف الإمدادات": warning of one's own
      ** coming act is a threat */
      recode_to(&e, &t, &v, "130");
    }
    if (coder_streq(v->code, "057") && t->verbal) {
      /* "اتفقا على إقامة علاقات دبلوماسية": agreeing on a step still to
      ** be taken is an intent to cooperate (032) */
      uint32_t ala = t->end; /* past the VSO subject and any date, and an
      ** aside of up to three words ("واتفق الوزيران في ختام الاتصال على
      ** معالجة الوضع", "اتفق خلالها الجانبان على"); a relative clause
      ** there says what was signed ("وقعا المذكرة التي تمنح ...") */
      for (uint32_t aside = 0; ala < s->n && !s->ct[ala].punct &&
                               !coder_tok_is(s, ala, CW_ALA, false) &&
                               !coder_tok_is(s, ala, CW_REL, false) &&
                               (s->ct[ala].free || aside++ < 3);)
        ala++;
      if (ala + 1 < s->n && coder_tok_is(s, ala, CW_ALA, false) &&
          future_step(&e, ala + 1))
        recode_to(&e, &t, &v, "032");
    }
    if (mode & WASIT_MODE_FUTURE) {
      /* a planned act is an intent or a threat (future_code); the event
      ** keeps mode "future" and the pattern that fired */
      const char *fc = future_code(v->code);
      if (fc) recode_to(&e, &t, &v, fc);
    }
    /* "ودانت طوكيو وسول عملية الإطلاق": a non-violent act that a
    ** disapproval or rejection governs is what is condemned, not an act
    ** of the condemners; the condemnation that names no one is aimed at
    ** whoever did such an act last in the article.  (Force is left to
    ** the rules for attacks: "دانت X القصف الإسرائيلي" also tells of
    ** the shelling.) */
    const coder_trig *cond =
        coder_hostile_code(v->code) || s->trigs[ti].verbal ? NULL : gov;
    if (cond && cond->verbal &&
        (memcmp(dict_verb_at(s->dict, cond->verb)->code, "11", 2) == 0 ||
         memcmp(dict_verb_at(s->dict, cond->verb)->code, "12", 2) == 0)) {
      const char *doer = e.ctx->doer_by_root[coder_root_num(v->code) - 1];
      for (size_t k = *n_evs; doer[0] && k-- > 0 && (*evs)[k].trig == cond;)
        if (!(*evs)[k].tgt_code && strncmp((*evs)[k].src_code, doer, 3) != 0) {
          (*evs)[k].tgt = NULL;
          if (!((*evs)[k].tgt_code = code_with(ar, doer, ""))) return WASIT_ENOMEM;
        }
      continue;
    }
    /* "واتصلت وكالة فرانس برس بالوزارة للتعليق": a call made by the
    ** press asks for a comment, it is no consultation; a call whose doer
    ** is no actor ("واتصل مراسلنا بالمتحدث باسم الشرطة المصرية") is not
    ** made by the one called, behind ب or after it, when the bare verb
    ** tells it.  (A call noun's phrase keeps such a doer: "وأضاف أنه أجرى
    ** اتصالا هاتفيا بنظيره الباكستاني" is a call between the two, and
    ** the pair is coded both ways.) */
    if (coder_streq(v->code, "041") && t->verbal &&
        ((ns && coder_role_in(sm[0].code, "MED")) ||
         (src >= 0 && t->end == t->start + 1 &&
          called_as_doer(s, t, &s->actors[src]))))
      continue;
    /* "على هامش قمة مجموعة العشرين", "قمة منظمة شنغهاي للتعاون": an
    ** organisation named right after a meeting noun is the meeting's name,
    ** not a party consulting the others */
    if (!t->verbal && (coder_streq(v->code, "040") || coder_streq(v->code, "044")) &&
        src >= 0 && ns &&
        memcmp(sm[0].code, "IGO", 3) == 0 && s->actors[src].start == t->end)
      continue;
    if (coder_vetoed(s, t, v->code, ns ? sm[0].code : NULL, mode)) continue;
    if (ns && src >= 0 && s->actors[src].adj_only && !t->verbal) {
      /* a bare adjective as the doer of a noun: state or its forces */
      const char *role = (memcmp(v->code, "19", 2) == 0 ||
                          memcmp(v->code, "20", 2) == 0) ? "MIL"
                         : memcmp(v->code, "18", 2) == 0 ? "" : "GOV";
      for (size_t k = 0; k < ns; k++)
        if (strlen(sm[k].code) == 3 && !(sm[k].code = code_with(ar, sm[k].code, role)))
          return WASIT_ENOMEM;
    }
    if (!ns) {
      /* no source: protest and violence are kept when something anchors
      ** them (a target, a counted object, a stated casualty count, or a
      ** place); a bare noun
      ** like "الاحتجاجات" or "سيارة مفخخة" in passing is no event */
      const char *fb = NULL;
      bool anchored = nt > 0 || coder_counted_object(s, t) ||
                      coder_casualties_told(s) || s->place;
      if (memcmp(v->code, "14", 2) == 0) {
        /* protesters are people of the state whose government,
        ** parliament or courts they stand before ("تجمع آلاف المحتجين أمام
        ** مقر الحكومة في العاصمة الأرمينية"; not a foreign mission: an
        ** envoy's word), else of the place: the place's country (not a
        ** capital they protest against: "هتافات مناهضة لبكين"), else a
        ** state named after في ("في بيروت") */
        const char *home = NULL;
        if (tgt >= 0 && s->actors[tgt].country[0] &&
            strlen(s->actors[tgt].code) == 6 &&
            coder_role_in(s->actors[tgt].code, "GOV LEG JUD") &&
            !s->actors[tgt].capital && !s->actors[tgt].person &&
            !coder_tok_is(s, s->actors[tgt].start, CW_ENVOY, true) &&
            s->actors[tgt].start >= 2 &&
            (coder_tok_is(s, s->actors[tgt].start - 1, CW_LOCATIVE, true) ||
             coder_tok_is(s, s->actors[tgt].start - 2, CW_LOCATIVE, true)))
          home = s->actors[tgt].country;
        /* (a place inside a compound of capitals, "في عمان والرباط
        ** وبغداد", leaves the choice to the compound below) */
        bool place_in_compound = false;
        for (size_t x = 0; s->place && x < s->n_actors && !place_in_compound; x++)
          place_in_compound = s->actors[x].start <= s->place_tok &&
                              s->place_tok < s->actors[x].end &&
                              ((x > 0 && s->actors[x - 1].group == s->actors[x].group) ||
                               (x + 1 < s->n_actors &&
                                s->actors[x + 1].group == s->actors[x].group));
        fb = home ? home
             : s->place && !place_in_compound &&
                       !(s->place_cl0 & TXT_CL_LI)
                 ? s->place->loc.country : NULL;
        for (size_t x = 0; !fb && x < s->n_actors; x++)
          if (s->actors[x].country[0] && s->actors[x].start > t->start &&
              s->actors[x].start > 0 &&
              coder_tok_is(s, s->actors[x].start - 1, CW_FI, false)) {
            /* "في عمان والرباط وبغداد": one protest per state */
            for (size_t y = x; y < s->n_actors && ns < MAX_MEMBERS &&
                               s->actors[y].group == s->actors[x].group; y++)
              if (s->actors[y].country[0])
                sm[ns++] = (member){NULL, s->actors[y].country};
            fb = s->actors[x].country;
            if (tgt >= 0 && s->actors[tgt].group == s->actors[x].group)
              nt = 0;
          }
        /* "وفي عدة مدن هندية، أحرق محتجون": a nationality adjective in
        ** a في phrase before the protest */
        for (size_t x = 0; !fb && x < s->n_actors && s->actors[x].start < t->start; x++)
          for (uint32_t k = 1; !fb && k <= 3 && k <= s->actors[x].start; k++)
            if (s->actors[x].adj_only &&
                coder_tok_is(s, s->actors[x].start - k, CW_FI, false))
              fb = s->actors[x].country;
        /* no place named: the article's principal state ("وخرج آلاف
        ** المتظاهرين إلى ساحة التحرير" in a report on Iraq) */
        if (!fb && e.ctx->principal[0][0]) fb = e.ctx->principal[0];
        if (!fb && anchored) fb = "---";
      }
      else if (coder_violent_code(v->code) && anchored) {
        fb = "---";
        /* "إن الضربات ... أسفرت عن مقتل 16 شخصا": the definite attack
        ** noun with no doer refers back to the article's attack, so its
        ** doers are the source */
        if (!t->verbal && coder_tok_definite(s, t->start) &&
            coder_tok_is(s, t->start, CW_ATTACK_REF, true) && e.ctx->violent_doer[0][0])
          for (size_t k = 0; k < CODER_MAX_DOERS && e.ctx->violent_doer[k][0]; k++) {
            sm[ns++] = (member){NULL, e.ctx->violent_doer[k]};
            nt = without_source(tm, nt, e.ctx->violent_doer[k], true);
          }
      }
      if (!fb) continue;
      if (!ns) sm[ns++] = (member){NULL, fb};
    }
    /* "توسطت فيها قطر بالتعاون مع مصر والولايات المتحدة": those who
    ** mediate or host together with the source are mediators too */
    int co_group = INT_MIN; /* the group of those co-mediators */
    if (nt && tgt >= 0 && third_party_code(v->code) && s->actors[tgt].start >= 2 &&
        coder_tok_is(s, s->actors[tgt].start - 1, CW_MAA, false) &&
        coder_tok_is(s, s->actors[tgt].start - 2, CW_JOINTLY, true)) {
      for (size_t b = 0; b < nt && ns < MAX_MEMBERS; b++) sm[ns++] = tm[b];
      nt = 0;
      co_group = s->actors[tgt].group;
    }
    if (nt && tgt >= 0 && src >= 0 && coder_streq(v->code, "045") &&
        beside_mediator(s, t, &s->actors[group_last(s, src)], &s->actors[tgt])) {
      nt = 0;
      co_group = s->actors[tgt].group;
    }
    /* "استضافتها فيتنام في عاصمتها هانوي": a host or mediator does not
    ** host its own capital; the parties are sought as if none were named */
    if (nt && ns == 1 && third_party_code(v->code))
      nt = without_source(tm, nt, sm[0].code, true);
    /* "برعاية بوتفليقة وبحضور الأمين العام للأمم المتحدة": those who
    ** attend a mediated signing are not its parties */
    int attend_group = INT_MIN;
    if (nt && tgt >= 0 && third_party_code(v->code) && attending(s, &s->actors[tgt])) {
      nt = 0;
      attend_group = s->actors[tgt].group;
    }
    if (!nt && (memcmp(v->code, "045", 3) == 0 || memcmp(v->code, "043", 3) == 0)) {
      /* mediation, or hosting talks ("استضافتها تركيا"): the parties are
      ** the sentence's compound actor */
      for (size_t x = 0; x < s->n_actors && !nt; x++) {
        if (attending(s, &s->actors[x])) attend_group = s->actors[x].group;
        if ((src >= 0 && s->actors[x].group == s->actors[src].group) ||
            s->actors[x].group == co_group || s->actors[x].group == attend_group ||
            (src >= 0 && coder_streq(v->code, "045") &&
             beside_mediator(s, t, &s->actors[group_last(s, src)], &s->actors[x])))
          continue;
        member tmp[MAX_MEMBERS];
        size_t k = members_of(&e, (int)x, tmp);
        if (k >= 2) {
          memcpy(tm, tmp, k * sizeof *tm);
          nt = k;
        }
      }
      /* none in the sentence ("هدنة توسطت فيها قطر ومصر"): the article's
      ** two parties, unless the mediator is one of them */
      bool named = e.ctx->parties[0][0] != '\0';
      const char *pa = named ? e.ctx->parties[0] : e.ctx->principal[0];
      const char *pb = named ? e.ctx->parties[1] : e.ctx->principal[1];
      bool inside = false;
      for (size_t a = 0; a < ns; a++)
        inside |= strncmp(sm[a].code, pa, 3) == 0 || strncmp(sm[a].code, pb, 3) == 0;
      if (!nt && ns && !inside && pa[0] && pb[0]) {
        tm[0] = (member){NULL, pa};
        tm[1] = (member){NULL, pb};
        nt = 2;
      }
    }
    /* "وفي موسكو، استقبل الرئيس فلاديمير بوتين ليلا في مطار فنوكوفو الروس
    ** العائدين", "استقبل الرئيس الفلسطيني محمود عباس عشرات الأسرى
    ** المحررين": a reception (043 whose guest's act is a visit, converse)
    ** told as a fact that names no guest, not even as a pronoun on the
    ** verb ("واستقبلها مستشار الأمن القومي"), receives people, most often
    ** the host's own returning from abroad: it is done at home, not toward
    ** the other state of the story (dyad_targets); 4 won in 4 articles,
    ** none lost on the 75 open sets.  Here, after the hosting rules
    ** above have dropped the host's own state from what the sentence
    ** names */
    if (!nt && ns == 1 && t->verbal && coder_streq(v->code, "043") && v->converse[0] &&
        !(t->cl0 & TXT_CL_ENC) && !(mode & WASIT_MODE_REPORTED) &&
        coder_state_prefix(sm[0].code) && !class_ahead(s, t->end, 8, CW_GUEST, true)) {
      /* the bare state, not the host's own code: push drops only an event
      ** whose two codes are identical, and RUSGOV -> RUS is kept.  A guest
      ** named as such ("واستقبل السيسي ضيفه", "الوفد الزائر") is the
      ** visitor of dyad_targets' story, not the host's own people */
      const char *home = arena_strndup(e.ar, sm[0].code, 3);
      if (!home) return WASIT_ENOMEM;
      tm[nt++] = (member){NULL, home};
    }
    /* "ستخفض واشنطن عدد قواتها إلى 8600 جندي": one yields, plans or
    ** deploys ("نشرت مدريد وحدات من الجيش") with one's own forces, not
    ** toward them; "استدعت الإمارات السفير الإماراتي للتشاور": one
    ** recalls one's own envoy, not toward him */
    if (nt && ns && (memcmp(v->code, "08", 2) == 0 || memcmp(v->code, "03", 2) == 0 ||
                     memcmp(v->code, "15", 2) == 0 || memcmp(v->code, "16", 2) == 0))
      nt = without_source(tm, nt, sm[0].code, true);
    for (size_t a = 0; a < ns && nt == 1 && ns > 1; a++)
      if (coder_streq(sm[a].code, tm[0].code)) nt = 0; /* one of them */
    /* a plan read from س alone ("ستقدم") is kept only toward someone
    ** named: "ستظل" or "سيستمر" with no one named states no intent;
    ** or when a reported clause states it of its own subject ("أكد أن
    ** الحكومة ستبقى ملتزمة بالمسار الديمقراطي": a pledge) */
    if (!nt && t->fired + 1 == s->future_verb && !stated_plan(s, t)) continue;
    /* "قصفت القوات الأذربيجانية بالمدفعية والطائرات المسيرة بلدات": a
    ** target that is the source itself (its own drones) is no target; the
    ** act stays, untargeted, rather than vanishing as a self-event */
    if (ns == 1 && nt && violent)
      nt = without_source(tm, nt, sm[0].code, false);
    /* (a withdrawal from a foreign place leaves that place's state:
    ** "انسحبت القوات الإسرائيلية من مخيم جنين") */
    bool withdrawal = strncmp(v->code, "087", 3) == 0 && ns &&
                      s->place && strncmp(s->place->loc.country, sm[0].code, 3) != 0;
    if (!nt && (violent || withdrawal) && s->place && s->place_tok > t->start &&
        !((v->flags & DICT_F_MUTUAL) && ns >= 2) &&
        same_clause(s, s->place_tok, t->start) &&
        !relative_between(s, t->end, s->place_tok)) {
      /* "هاجمت منشأة نفطية في جدة": the attacked place's state */
      tm[0] = (member){NULL, s->place->loc.country};
      nt = 1;
    }
    if (violent && !between && !((v->flags & DICT_F_MUTUAL) && ns >= 2)) {
      /* "شنت إسرائيل غارات جوية على أهداف عسكرية في إيران": the state
      ** named after في in the act's clause is where it struck; "ضربات
      ** ... على أهداف لفيلق القدس وفصائل موالية لطهران في العراق
      ** وسوريا": each state of that place compound is struck too, besides
      ** the forces named (further on when those are named) */
      bool named = nt > 0;
      uint32_t reach = t->end + (named ? 16 : 8);
      for (size_t x = coder_first_actor(s, t->end); x < s->n_actors; x++) {
        const coder_actor *a = &s->actors[x];
        if (a->start > reach || !same_clause(s, a->start, t->start)) break;
        /* (not the place of another act: "ردا على قصف قنصليتها في دمشق") */
        if (named && trigger_between(&e, t->end, a->start, t)) break;
        if (a->start > 0 && coder_tok_is(s, a->start - 1, CW_FI, false) &&
            a->country[0] && strlen(a->code) <= 6 && !a->adj_only &&
            !relative_between(s, t->end, a->start)) {
          for (size_t y = x; y < s->n_actors && s->actors[y].group == a->group; y++) {
            const char *cc = s->actors[y].country;
            bool have = !cc[0] || (ns && strncmp(cc, sm[0].code, 3) == 0);
            for (size_t b = 0; b < nt && !have; b++)
              have = strncmp(tm[b].code, cc, 3) == 0;
            if (!have && nt < MAX_MEMBERS) tm[nt++] = (member){NULL, cc};
          }
          break;
        }
      }
    }
    if (!nt && violent && !between && !((v->flags & DICT_F_MUTUAL) && ns >= 2)) {
      /* "غارة جوية ... أسفرت عن مقتل 13 من مسلحي الحركة": the killed
      ** or wounded are the ones struck (not the doer's own side) */
      int victims = victims_of(s, t);
      if (victims >= 0 && (!ns || strncmp(s->actors[victims].country,
                                          sm[0].code, 3) != 0))
        nt = members_of(&e, victims, tm);
    }
    /* "أعلنت الرئاسة حالة الطوارئ", "فرضت الحكومة حظرا للتجول": a state
    ** of emergency, a curfew or a ban (172x) with no one named is
    ** imposed on the source's own country; a leader stepping down, a
    ** policy withdrawn, rights granted or early elections (0831-0834:
    ** "تنحى مبارك عن الحكم") yield to it */
    if (!nt && ns == 1 &&
        (strncmp(v->code, "172", 3) == 0 ||
         (strncmp(v->code, "083", 3) == 0 && v->code[3])) &&
        coder_state_prefix(sm[0].code)) {
      char *own = arena_strndup(ar, sm[0].code, 3);
      if (!own) return WASIT_ENOMEM;
      tm[nt++] = (member){NULL, own};
    }
    /* a compound subject of a joint act with no target acts on itself:
    ** "وقعت الحكومة الإثيوبية وجبهة تيغراي اتفاقا".  Only mutual patterns
    ** and intent, consultation and material cooperation (03 04 06) are
    ** joint: "رحبت مصر وتركيا بالاتفاق" is two welcomes, not mutual praise,
    ** and a bare readiness or commitment (030: "أبدت مصر والأردن
    ** استعدادهما") is each member's own */
    bool pairs = (v->flags & DICT_F_MUTUAL) || between ||
                 (v->code[0] == '0' && ((v->code[1] == '3' && !coder_streq(v->code, "030")) ||
                                        v->code[1] == '4' || v->code[1] == '6'));
    /* co-mediators ("توسطت فيها قطر ومصر") and co-hosts do not mediate
    ** or host each other */
    if (third_party_code(v->code)) pairs = false;
    /* "وقع الجيش وقوات الدعم السريع ... اتفاقا ... الطرفان": with a
    ** compound subject of a joint act, "the two parties" are that subject */
    if (pairs && ns >= 2 && nt && tgt >= 0 && s->actors[tgt].parties) nt = 0;
    /* "وقعت الولايات المتحدة وحركة طالبان اتفاقا يمهد لانسحاب القوات
    ** الأمريكية": an actor behind another event word is that event's */
    if (pairs && ns >= 2 && nt && tgt >= 0 &&
        trigger_between(&e, t->end, s->actors[tgt].start, t) &&
        !(s->actors[tgt].start > 0 &&
          coder_tok_is(s, s->actors[tgt].start - 1, CW_MAA, false)))
      nt = 0; /* (but "اتفاقيتين لتطبيع العلاقات مع إسرائيل": with whom) */
    /* "وقّع لبنان وإسرائيل اتفاق ترسيم الحدود البحرية بينهما": a compound
    ** subject of a mutual act has a target of its own only behind a
    ** preposition ("اتفقت روسيا وتركيا مع إيران"); so has one of a joint
    ** act, coded between its members, when the actor after it carries no
    ** ب or ل ("اتفق حزب الله وإسرائيل على ... عبر الوسيط الألماني": the
    ** go-between is where the agreement passes, not whom it is with; 4
    ** won in 3 articles, none lost on the 57 open sets) */
    if (ns >= 2 && nt && tgt >= 0 &&
        ((v->flags & DICT_F_MUTUAL) || between ||
         (pairs && !(s->actors[tgt].cl0 & (TXT_CL_BI | TXT_CL_LI)))) &&
        !is_tgt_prep(s, v, &s->actors[tgt]) &&
        !(s->actors[tgt].start > 0 &&
          coder_tok_is(s, s->actors[tgt].start - 1, CW_MAA, false)))
      nt = 0;
    int rc = WASIT_OK;
    if (pairs && !nt && ns >= 2) {
      for (size_t a = 0; a < ns && !rc; a++)
        for (size_t b = 0; b < ns && !rc; b++)
          if (a != b) rc = push(&e, evs, n_evs, &cap, &sm[a], &sm[b], t, mode);
    } else {
      /* a mutual act with a target is done by both ("أجرى اتصالا هاتفيا
      ** بنظيره", "التقت كلينتون نظيرها الياباني": the gold convention
      ** codes meetings, calls and talks both ways); an act with a
      ** converse is answered by it (`converse=` in verbs.txt: a visit,
      ** 042, is hosted by the state visited, 043 back: "زار ماكرون
      ** بيروت"; a reception, 043, is a visit by the guest: "استقبل
      ** بوتين ضيفه"), unless it is done at home: the people a host
      ** receives in his own state pay him no visit) */
      const coder_trig *back = (v->flags & DICT_F_MUTUAL) ? t
                               : v->converse[0] ? recoded(&e, t, v->converse)
                                                : NULL;
      /* "وتبنت حركة الشباب الهجوم": the claimer did the attack it claims
      ** (180, the attack's kind untold), on whom the claim is aimed, when
      ** the story reports that attack, its dead or wounded (a claim alone,
      ** "وتبنت حركة طالبان مسؤولية هذا الاعتداء", names one told
      ** elsewhere) */
      const coder_trig *claimed = claim && e.ctx->toll_told ? recoded(&e, t, "180") : NULL;
      for (size_t a = 0; a < ns && !rc; a++) {
        if (!nt) rc = push(&e, evs, n_evs, &cap, &sm[a], NULL, t, mode);
        for (size_t b = 0; b < nt && !rc; b++) {
          rc = push(&e, evs, n_evs, &cap, &sm[a], &tm[b], t, mode);
          if (!rc && claimed && coder_attack_claim(s, t, sm[a].code))
            rc = push(&e, evs, n_evs, &cap, &sm[a], &tm[b], claimed, mode);
          if (!rc && back && strncmp(tm[b].code, "---", 3) != 0 &&
              strncmp(sm[a].code, "---", 3) != 0 &&
              ((v->flags & DICT_F_MUTUAL) || !coder_same_state(tm[b].code, sm[a].code)))
            rc = push(&e, evs, n_evs, &cap, &tm[b], &sm[a], back, mode);
        }
      }
    }
    if (rc) return rc;
    /* the act announced is unknown: the announcement is no event (before
    ** the test below, which moves this trigger's events down) */
    if (coder_streq(v->code, "010") && announces_unknown_act(&e, t)) *n_evs = n_before;
    if (*n_evs > n_before && !t->verbal) coded_noun = ti;
    if (*n_evs > n_before && prev_n && ti > 0 &&
        coder_streq(dict_verb_at(s->dict, s->trigs[ti - 1].verb)->code, "010") &&
        announces_act(s, ti - 1)) {
      /* the announced act is coded: drop the announcement's events */
      memmove(*evs + prev_first, *evs + n_before,
              (*n_evs - n_before) * sizeof **evs);
      *n_evs -= prev_n;
      trig_first = prev_first;
    }
  }
  int rc = dispersed_protest(&e, evs, n_evs, &cap);
  if (!rc && talks) rc = talks_of_pair(&e, evs, n_evs, &cap, talks, talks_mode);
  if (!rc) rc = brokered_pair(&e, evs, n_evs, &cap);
  if (!rc) rc = mediated_parties(&e, evs, n_evs, &cap);
  if (rc) return rc;
  *n_evs = refusals(&e, *evs, *n_evs);
  accusing_statements(&e, *evs, *n_evs);
  statement_targets(&e, *evs, *n_evs);
  measure_statements(&e, *evs, *n_evs);
  blaming_statements(&e, *evs, *n_evs);
  rc = accused_doers(&e, evs, n_evs, &cap);
  if (rc) return rc;
  denial_targets(&e, *evs, *n_evs);
  threat_targets(&e, *evs, *n_evs);
  sitting_appeals(&e, *evs, *n_evs);
  repressed_protesters(&e, *evs, *n_evs);
  harmful_repression(&e, *evs, *n_evs);
  *n_evs = drop_carried(&e, *evs, *n_evs);
  drop_redundant(s, *evs, n_evs);
  s->open_issuer = last_issuer;
  return WASIT_OK;
}
