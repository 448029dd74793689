/*
** actors.c: actor mentions of one sentence (src/coder, stage 3).
**
** 1. Raw mentions: at each token the longest actor-like phrase of the
**    dictionary (countries, actors, people, agents) wins; ties prefer a
**    person, then a fixed actor, a country name/capital, an agent, a
**    demonym, an adjective (but a word without the article that is both a
**    name and an adjective is the adjective: سعودية vs السعودية).
**    Time-bounded actors outside the sentence date are skipped.
**    "البلدين"/"طرفا"-type words become party placeholders.
** 2. Combination: an agent word takes the country name/adjective right
**    after it (at most one word between), and a person right after that
**    ("وزير الخارجية الروسي سيرغي لافروف": the person wins; a bare
**    country code of a person gets the agent role); "المتحدث باسم X" is X;
**    a country name or capital codes CCCGOV; an adjective or demonym alone
**    codes the bare country.
**    An adjective right before a person is part of the person's name
**    ("التركي رجب طيب أردوغان").
** 3. Groups: actors joined by و (a clitic or a separate word), a comma
**    list ending in و, "X ونظيره Y" (counterpart), or adjacent nationality
**    adjectives ("بوساطة سعودية أمريكية") share a group (compound actors).
** An agent with no country in reach keeps code "---ROLE" here; coder.c
** resolves it from the sentence or the article (see resolve_agents).
*/
#include "coder.h"

#include <assert.h>
#include <string.h>

typedef struct mention {
  uint32_t start, end;
  const dict_actor *a;   /* NULL for a party or own-country placeholder */
  uint8_t cl0;
  uint8_t own;           /* OWN_STATE "بلاده", OWN_PEOPLE "مواطنيه": the
                            state, or the people, of the actor before it */
  uint8_t many;          /* "الدول الثلاث": 3 or 4 states, else 0 */
} mention;

/* mention.own: no pronoun, the speaker's state, its people */
enum { OWN_NONE, OWN_STATE, OWN_PEOPLE };

static int kind_rank(int kind) {
  switch (kind) {
  case DICT_A_PERSON: return 6;
  case DICT_A_ACTOR: return 5;
  case DICT_A_NAME: case DICT_A_CAPITAL: return 4;
  case DICT_A_AGENT: return 3;
  case DICT_A_PEOPLE: return 2;
  default: return 1;
  }
}

static bool is_countryish(int kind) {
  return kind == DICT_A_NAME || kind == DICT_A_ADJ ||
         kind == DICT_A_CAPITAL || kind == DICT_A_PEOPLE;
}

/* Contract in coder.h. */
const char *coder_person_code(const dict_actor *a, int32_t date) {
  if (date <= 0) date = 99999998;
  const dict_role *best = NULL;
  for (size_t i = 0; i < a->n_roles; i++)
    if (a->roles[i].from <= date && date <= a->roles[i].to) return a->roles[i].code;
  for (size_t i = 0; i < a->n_roles; i++)
    if (a->roles[i].to < date && (!best || a->roles[i].to > best->to))
      best = &a->roles[i];
  if (best) return best->code;
  best = &a->roles[0];
  for (size_t i = 1; i < a->n_roles; i++)
    if (a->roles[i].from < best->from) best = &a->roles[i];
  return best->code;
}

/* Does one of person a's dated roles cover date?  When none does,
** coder_person_code guesses from the nearest one.  An undated document
** (date 0) has none: the role and state the text names before the
** person then stand over a non-state code of the person's (on purpose:
** with no date the text's role is the surer guess). */
static bool person_dated(const dict_actor *a, int32_t date) {
  for (size_t i = 0; date > 0 && i < a->n_roles; i++)
    if (a->roles[i].from <= date && date <= a->roles[i].to) return true;
  return false;
}

static bool actor_in_time(const dict_actor *a, int32_t date) {
  if (a->kind != DICT_A_ACTOR || date <= 0) return true;
  return a->from <= date && date <= a->to;
}

/* Does the governed name (name_governed: مالي) at tokens i..end-1 name
** the state?  "دعم مالي" is financial support; "في مالي", "لمالي",
** "شمال مالي" name the state, and so do a subject after a complementizer
** ("أكد أن مالي ستحترم") and the first of coordinated names ("أعلنت
** مالي وبوركينا فاسو"): an adjective comes after neither. */
static bool governed_name_is_state(const coder_sent *s, uint32_t i,
                                   uint32_t end, uint8_t cl0) {
  if (cl0 & (TXT_CL_BI | TXT_CL_LI)) return true;
  if (i > 0 && (coder_tok_is(s, i - 1, CW_PREP, false) ||
                coder_tok_is(s, i - 1, CW_LOCATIVE, false) ||
                coder_tok_is(s, i - 1, CW_COMP, false)))
    return true;
  return end < s->n && (s->ct[end].cl_any & TXT_CL_WA) &&
         (s->ct[end].cands & CODER_C_ACTOR);
}

/* Actor phrase `id`, a candidate of key k of token i that passed the
** filters of the token after it, against the best mention so far (*m,
** of rank *best_rank). */
static inline void actor_candidate(const coder_sent *s, uint32_t i, int k,
                                   uint32_t id, mention *m, int *best_rank) {
  const dict_phrase *p = dict_phrase_at(s->dict, id);
  /* match first: most candidates fail there, before their actor record
  ** is read (the candidate's filters were coder_match's) */
  uint32_t fe;
  uint8_t cl0;
  uint32_t end = coder_match_at(s, p, i, k, &fe, &cl0, NULL);
  if (!end) return;
  const dict_actor *a = dict_actor_at(s->dict, p->ref);
  if (!actor_in_time(a, s->date)) return;
  if (a->governed && !governed_name_is_state(s, i, end, cl0)) return;
  int rank = kind_rank(a->kind);
  /* السعودية is the state, سعودية (no article) the adjective; but an
  ** accusative ـيا adjective never outranks a name: أرمينيا is Armenia
  ** (asked only here: most tokens match no actor) */
  if (a->kind == DICT_A_ADJ && !coder_tok_definite(s, i) &&
      !txt_tok_ends(s->doc, &s->toks[i], "\xd8\xa7")) /* ا */
    rank = 5;
  if (end > m->end || (end == m->end && rank > *best_rank)) {
    *m = (mention){i, end, a, cl0, 0, 0};
    *best_rank = rank;
  }
}

/* The best actor mention starting at token i (m->end == 0 when none).
** The candidates of each key are visited in the order of its list: a
** long list through its sieve (dict_sieve_mask), which passes the same
** candidates as the test of each. */
static void best_at(const coder_sent *s, uint32_t i, mention *m) {
  const coder_tok *t = &s->ct[i];
  int best_rank = 0;
  m->end = 0;
  uint64_t next[DICT_ON_COUNT];
  if (t->cands & CODER_C_ACTOR) coder_next_filters(s, i, next);
  for (uint8_t k = 0; k < t->nk && (t->cands & CODER_C_ACTOR); k++) {
    dict_hits h = t->keys[k].hits;
    if (h.sieve) {
      for (uint32_t cb = 0, ck = 0; cb < h.n_act; cb += 64, ck++)
        for (uint64_t pass = dict_sieve_mask(s->dict, &h, next, ck); pass;
             pass &= pass - 1) {
          uint32_t x = cb + (uint32_t)__builtin_ctzll(pass);
          actor_candidate(s, i, k, h.cands[x].id, m, &best_rank);
        }
      continue;
    }
    for (size_t x = 0; x < h.n_act; x++)   /* the actor phrases */
      if (next[h.cands[x].on] & h.cands[x].next)
        actor_candidate(s, i, k, h.cands[x].id, m, &best_rank);
  }
  /* the word classes' mentions, where no phrase matched; one test of the
  ** three classes first, as most words are none of them */
  if (m->end || !(t->cands & CODER_C_MENTION)) return;
  uint8_t many = coder_tok_is(s, i + 1, CW_THREE, true) ? 3
                 : coder_tok_is(s, i + 1, CW_FOUR, true) ? 4 : 0;
  if (many && coder_tok_is(s, i, CW_STATES_WORD, true) && coder_tok_definite(s, i))
    *m = (mention){i, i + 2, NULL, 0, 0, many};
  else if (coder_tok_is(s, i, CW_PARTIES, true))
    *m = (mention){i, i + 1, NULL, 0, 0, 0};
  else if (coder_tok_is(s, i, CW_OWN_COUNTRY, true))
    *m = (mention){i, i + 1, NULL, 0, OWN_STATE, 0};
  /* (not شعبة, "a division": normalization makes its ة the ه of شعبه,
  ** "his people": "شعبة الاستخبارات العسكرية") */
  else if (coder_tok_is(s, i, CW_OWN_PEOPLE, true) &&
           !txt_tok_orig_ends(s->doc, &s->toks[i], "\xd8\xa9")) /* ة */
    *m = (mention){i, i + 1, NULL, 0, OWN_PEOPLE, 0};
}

/* Is mention b within one word after position end (no punctuation, and
** that word no preposition: "العلاقات مع قطر" is no role of Qatar, nor a
** complementizer: "أعلنت وزارة الخارجية الروسية أن الأسد تنحى")? */
static bool near_after(const coder_sent *s, uint32_t end, const mention *b) {
  return b->start >= end && b->start <= end + 1 && coder_no_punct(s, end, b->start) &&
         !(b->start == end + 1 && (coder_tok_is(s, end, CW_PREP, false) ||
                                   coder_tok_is(s, end, CW_COMP, false)));
}

/* "وزير المياه والري الإثيوبي", "وزارة الشؤون الخارجية الإماراتية": a
** minister's portfolio, up to three definite words, may stand between
** the minister and the nationality adjective that agrees with him.
** Only ministers: after other roles the words are an object with its own
** adjective ("قصفت القوات المواقع السورية"). */
static bool portfolio_between(const coder_sent *s, const mention *m,
                              const mention *b) {
  if (!b->a || b->a->kind != DICT_A_ADJ || b->start <= m->end + 1 ||
      b->start > m->end + 3 || !coder_tok_is(s, m->start, CW_MINISTER, true) ||
      !coder_no_punct(s, m->end, b->start))
    return false;
  for (uint32_t i = m->end; i < b->start; i++)
    if (!coder_tok_definite(s, i) || coder_tok_is(s, i, CW_PREP, false)) return false;
  return true;
}

/* "مقاتلات تحالف عسكري تقوده المملكة العربية السعودية": a role with no
** country of its own, up to two words, then a relative clause whose verb
** carries a pronoun for them (grammar class light_it: تقوده، نفذته) and,
** right after it, a state's name or capital: the index of that mention,
** which gives the role its country, or nm. */
static size_t leading_state(const coder_sent *s, uint32_t end,
                            const mention *ms, size_t k, size_t nm) {
  for (uint32_t t = end; t < end + 3 && t + 1 < s->n; t++) {
    if (s->ct[t].punct) return nm;
    if (!coder_tok_is(s, t, CW_LIGHT_IT, false)) continue;
    while (k < nm && ms[k].start <= t) k++;
    return k < nm && ms[k].start == t + 1 && ms[k].a &&
                   (ms[k].a->kind == DICT_A_NAME || ms[k].a->kind == DICT_A_CAPITAL)
               ? k : nm;
  }
  return nm;
}

/* Is token i the one-byte punctuation mark ch? */
static bool tok_is_char(const coder_sent *s, uint32_t i, char ch) {
  const txt_token *t = &s->toks[i];
  return t->kind == TXT_PUNCT && t->norm_len == 1 && *txt_tok_norm(s->doc, t) == ch;
}

/* ac->code = country + role, cut to fit (as snprintf would). */
/* (GCC unrolls the country loop where set_code is inlined with a 4-byte
** `country` array and warns of bytes 4-14, which the loop never reads:
** the array holds a NUL.) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
static void set_code(coder_actor *ac, const char *country, const char *role) {
  /* byte loops: both parts are a few bytes, and strnlen + memcpy were
  ** four library calls per actor */
  size_t n = 0;
  for (; n < sizeof ac->code - 1 && *country; n++) ac->code[n] = *country++;
  for (; n < sizeof ac->code - 1 && *role; n++) ac->code[n] = *role++;
  ac->code[n] = '\0';
}
#pragma GCC diagnostic pop

/* Contract in coder.h. */
uint32_t coder_dateline_end(const coder_sent *s) {
  for (uint32_t i = 1; i < s->n && i < 6; i++) {
    const txt_token *t = &s->toks[i];
    if (t->kind != TXT_PUNCT) continue;
    const char *p = txt_tok_norm(s->doc, t);
    if (t->norm_len == 1 && (*p == '(' || *p == ')')) continue; /* "ريمبو (السويد) -" */
    bool dash = (t->norm_len == 1 && *p == '-') ||
                (t->norm_len == 3 && memcmp(p, "\xe2\x80", 2) == 0 &&
                 ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94));
    return dash ? i + 1 : 0; /* – or — */
  }
  return 0;
}

/* Is actor x of s joined to the one before it by و ("A وB", "A و B")? */
static bool joined_by_wa(const coder_sent *s, size_t x) {
  const coder_actor *p = &s->actors[x - 1], *c = &s->actors[x];
  return (c->start == p->end && (c->cl0 & TXT_CL_WA)) ||
         (c->start == p->end + 1 && s->ct[p->end].nk &&
          s->ct[p->end].keys[0].len == 2 &&
          memcmp(s->ct[p->end].keys[0].s, "\xd9\x88", 2) == 0); /* wa */
}

/* Contract in coder.h. */
bool coder_joined(const coder_sent *s, size_t x) {
  if (x == 0 || x >= s->n_actors) return false;
  const coder_actor *p = &s->actors[x - 1], *c = &s->actors[x];
  bool comma = c->start == p->end + 1 && s->ct[p->end].punct == 2 &&
               x + 1 < s->n_actors && s->actors[x + 1].start == c->end &&
               (s->actors[x + 1].cl0 & TXT_CL_WA);
  /* "بوتين ونظيره التركي أردوغان": و on the word "counterpart" */
  bool peer = c->start == p->end + 1 &&
              coder_tok_has_clitic(s, p->end, TXT_CL_WA) &&
              coder_tok_is(s, p->end, CW_COUNTERPART, true);
  /* "بوساطة سعودية أمريكية": adjacent nationality adjectives */
  bool adjs = p->adj_only && c->adj_only && c->start == p->end;
  return joined_by_wa(s, x) || comma || peer || adjs;
}

/* Mention m now starts at the head word k that names its body's member
** or office: what tied the body to the head (the word في, the proclitic
** ل) stays behind, and the mention carries only a و on the head.  Not
** when k lies inside the phrase matched before m (a mention or a NONE
** name), which ends at `floor`: the head words are then that phrase's
** own ("نائب الأمين العام للأمم المتحدة"), and the two would overlap. */
static void start_at_head(const coder_sent *s, mention *m, uint32_t k,
                          uint32_t floor) {
  if (k < floor) return;
  m->start = k;
  m->cl0 = coder_tok_has_clitic(s, k, TXT_CL_WA) ? TXT_CL_WA : 0;
}

/* "طالب أعضاء بارزون في الكونغرس الأمريكي الحكومة اليمنية", "عملية
** نفذها عضو في حركة حماس": members of a body (an organisation or a role,
** not a state or a place: "عضو في فرنسا" names no one), then في and the
** body, act for the body, as a spokesman does; the mention starts at
** the member word, so the body is the verb's subject or object, not a
** phrase behind في.  Only the bare noun (or و on it) and no article:
** "الدولة العضو في الحلف" describes a state, "لأعضاء" is behind ل. */
static void take_members(const coder_sent *s, mention *m, uint32_t floor) {
  if (!m->a || m->cl0 || m->start < 2 ||
      (m->a->kind != DICT_A_ACTOR && m->a->kind != DICT_A_AGENT) ||
      !coder_tok_is(s, m->start - 1, CW_FI, false) || s->ct[m->start - 2].punct)
    return;
  uint32_t k = m->start - 2;
  if (coder_tok_is(s, k, CW_EMINENT, false) && k > 0 && !s->ct[k - 1].punct) k--;
  if (!coder_tok_is(s, k, CW_MEMBER, false) || coder_tok_definite(s, k) ||
      coder_tok_has_clitic(s, k, TXT_CL_BI | TXT_CL_LI | TXT_CL_KA))
    return;
  start_at_head(s, m, k, floor);
}

/* "غير أن الأمين العام لحلف شمال الأطلسي أندرس فوغ راسموسن قال": the
** secretary- or director-general of a body named after him with ل is
** that body; the mention starts at the head ("الأمين العام"), so the body
** is no phrase behind ل and is the subject before the verb too (after it
** the genitive was already read as the subject: "وقال الأمين العام
** لحلف ..."). */
static void take_office_head(const coder_sent *s, mention *m, uint32_t floor) {
  if (!m->a || !(m->cl0 & TXT_CL_LI) || (m->cl0 & (TXT_CL_BI | TXT_CL_KA | TXT_CL_WA)) ||
      m->start < 2 || m->a->kind != DICT_A_ACTOR)
    return;
  uint32_t k = m->start - 2;
  if (!coder_tok_is(s, k + 1, CW_GENERAL, false) || !coder_tok_definite(s, k + 1) ||
      !coder_tok_is(s, k, CW_OFFICE, false) || !coder_tok_definite(s, k) ||
      s->ct[k].punct || s->ct[k + 1].punct ||
      coder_tok_has_clitic(s, k, TXT_CL_BI | TXT_CL_LI | TXT_CL_KA))
    return;
  start_at_head(s, m, k, floor);
}

/* Does what follows a state's name and a dash at token k read as no
** story after a dateline: an aside on the subject ("إيران - التي تتهمها
** بغداد ... - نفت", "إيران - وهي الداعم ...") or a headline's second
** party ("مصر - السودان: مباحثات")? */
static bool aside_or_pair(const coder_sent *s, uint32_t k) {
  if (coder_tok_is(s, k, CW_REL, false) || coder_tok_is(s, k, CW_NAMELY, false) ||
      coder_tok_word(s, k, "\xd9\x88\xd9\x87\xd9\x88"))   /* وهو */
    return true;
  for (uint32_t i = k; i < k + 4 && i < s->n; i++)
    if (coder_tok_word(s, i, ":")) return true;
  return false;
}

int coder_actors(coder_sent *s, wa_arena *ar) {
  mention *ms = arena_alloc(ar, (s->n ? s->n : 1) * sizeof *ms);
  s->actors = arena_calloc(ar, s->n ? s->n : 1, sizeof *s->actors);
  if (!ms || !s->actors) return WASIT_ENOMEM;
  size_t nm = 0;
  uint32_t floor = 0; /* the end of the last phrase matched, NONE too */
  uint32_t next_tok = coder_dateline_end(s);   /* the first token a new
                                                 mention may start at */
  /* "الجزائر - أعلن رئيس الوزراء": a capital that bears its state's
  ** name is no place of places.txt, so the dateline's state is read here
  ** (an adjective too: the bare "جيبوتي" outranks the name as one) */
  if (next_tok) {
    mention d;
    best_at(s, 0, &d);
    if (d.end && d.end + 1 == next_tok && d.a &&
        (d.a->kind == DICT_A_NAME || d.a->kind == DICT_A_CAPITAL ||
         d.a->kind == DICT_A_ADJ) && !aside_or_pair(s, next_tok))
      memcpy(s->dateline_state, d.a->country, sizeof s->dateline_state);
  }
  /* best_at finds a mention only where an actor phrase may start or at a
  ** word of CODER_MENTION_CLASSES (its own first tests); the list's
  ** length is read once (the loop's calls, which take s, were making
  ** the compiler read it at every token) */
  const uint32_t *ment_at = coder_visit(s, CODER_VISIT_MENTION);
  uint32_t n_ment = s->n_visit[CODER_VISIT_MENTION];
  for (uint32_t v = 0; v < n_ment; v++) {
    uint32_t i = ment_at[v];
    if (i < next_tok) continue;
    best_at(s, i, &ms[nm]);
    if (ms[nm].end) {
      next_tok = ms[nm].end;
      uint32_t end = ms[nm].end;
      /* actors.txt code NONE: words that name no actor ("اتفاقية فيينا")
      ** matched whole so the name inside them is not read as an actor
      ** or a place */
      if (ms[nm].a && ms[nm].a->kind == DICT_A_ACTOR && coder_streq(ms[nm].a->code, "NONE"))
        for (uint32_t k = ms[nm].start; k < ms[nm].end; k++) s->ct[k].inert = 1;
      else {
        take_members(s, &ms[nm], floor);
        take_office_head(s, &ms[nm++], floor);
      }
      floor = end;
    }
  }
  size_t na = 0;
  for (size_t j = 0; j < nm; j++) {
    const mention *m = &ms[j];
    coder_actor *ac = &s->actors[na];
    memset(ac, 0, sizeof *ac);
    ac->start = m->start;
    ac->end = m->end;
    ac->group = (int)na;
    ac->cl0 = m->cl0;
    if (m->own) {
      /* "بلاده": the state of the nearest actor before it that has one;
      ** right after أن/إن, the speaker's: the first such actor ("أكد
      ** وزير الخارجية الصيني خلال لقائه السفير الأمريكي أن بلاده") */
      size_t b = na;
      while (b > 0 && !s->actors[b - 1].country[0]) b--;
      /* (a nationality on a noun owns no country: "إجراءات أمريكية
      ** جديدة، مؤكدا ... استعداد بلاده" is the speaker's) */
      size_t full = b;
      while (full > 0 && (!s->actors[full - 1].country[0] || s->actors[full - 1].adj_only))
        full--;
      if (full) b = full;
      if (b && m->start > 0 && coder_tok_is(s, m->start - 1, CW_COMP, false)) {
        /* (the speaker of the clause فيما or بينما opens, when it names
        ** one: "رحبت الولايات المتحدة بالتوقيع، فيما أعلن رئيس حكومة
        ** جنوب السودان أن حكومته ستراقب التنفيذ") */
        uint32_t from = 0;
        for (uint32_t k = m->start; k-- > 0 && !from;)
          if (coder_tok_is(s, k, CW_MEANWHILE, false)) from = k + 1;
        size_t f0 = 0;
        while (f0 < b && s->actors[f0].start < from) f0++;
        for (size_t f = f0 < b ? f0 : 0; f < b; f++) /* (not "وفي وارسو، قال ...") */
          if (s->actors[f].country[0] && !s->actors[f].capital && !s->actors[f].adj_only) {
            b = f + 1;
            break;
          }
      }
      bool people = m->own == OWN_PEOPLE;
      /* its people are the object of the actor's verb only right after
      ** that actor ("دعا الرئيس الأفغاني مواطنيه"), or after a pronoun
      ** for the speech that holds the verb ("كلمة دعا فيها مواطنيه");
      ** after a noun or a preposition they are those the act is about,
      ** not whom it is aimed at ("انتهاك لحقوق مواطنيها", "تسليم
      ** مواطنيها", "حكم من الخوف على شعبه") */
      assert(b <= na);
      if (people && !(b && b == na && s->actors[b - 1].end == m->start) &&
          !(m->start > 0 && coder_tok_is(s, m->start - 1, CW_IN_IT, false)))
        continue;
      if (!b) {
        /* "وقال الشرع إن بلاده ترفض": the actor before is a name the
        ** article taught, read only later (coder.c, apply_names); the
        ** state waits unknown, and resolve_agents gives it the state of
        ** the nearest actor before it, as to any role with none */
        if (people) continue;
        set_code(ac, "---", "GOV");
        ac->own = 1;
        na++;
        continue;
      }
      /* its people are no pronoun for the speaker's side but others it
      ** acts on: the state's civilians, a target like any actor */
      set_code(ac, s->actors[b - 1].country, people ? "CVL" : "GOV");
      memcpy(ac->country, s->actors[b - 1].country, 4);
      ac->own = !people;
      na++;
      continue;
    }
    if (!m->a) {
      ac->parties = m->many ? m->many : 1;
      na++;
      continue;
    }
    const dict_actor *a = m->a;
    /* "لن تعترف بأي حكومة غير شرعية": a role after أي (any) names no
    ** actor; read as one, it took the speaker's state and the refusal
    ** became an act on the speaker itself */
    if (a->kind == DICT_A_AGENT && m->start > 0 &&
        coder_tok_is(s, m->start - 1, CW_ANY, true))
      continue;
    if (a->kind == DICT_A_AGENT) {
      /* "المتحدث باسم X" (spokesman on behalf of X) -> X */
      if (j + 1 < nm && coder_tok_is(s, m->end, CW_ISM, true) &&
          ms[j + 1].start == m->end + 1) {
        ms[j + 1].start = m->start;
        ms[j + 1].cl0 = m->cl0;
        continue;
      }
      const char *role = a->code;
      char country[4] = "";
      uint32_t end = m->end;
      size_t k = j + 1;
      /* "وزيري خارجية البلدين", "قادة الطرفين": the role of each of the
      ** two parties is those parties */
      if (k < nm && !ms[k].a && !ms[k].own && near_after(s, end, &ms[k])) {
        ac->parties = 1;
        ac->end = ms[k].end;
        na++;
        j = k;
        continue;
      }
      /* "التلفزيون الرسمي فرنسا": a role word with the article is no
      ** construct, so a word without the article after it is not its
      ** country (an adjective agrees: "القوات الأرمينية") */
      if (k < nm && ms[k].a && is_countryish(ms[k].a->kind) &&
          (near_after(s, end, &ms[k]) || portfolio_between(s, m, &ms[k])) &&
          !(coder_tok_definite(s, m->start) && !coder_tok_definite(s, ms[k].start))) {
        memcpy(country, ms[k].a->country, 4);
        end = ms[k].end;
        k++;
      }
      /* "قادة الانقلاب في النيجر", "المجلس العسكري في باماكو": a role
      ** with no country of its own, then في and a state's name or
      ** capital; not one with a pronoun ("قواتها في تشاد" are the
      ** pronoun's) */
      if (!country[0] && k < nm && ms[k].a &&
          !coder_tok_has_clitic(s, end - 1, TXT_CL_ENC) &&
          (ms[k].a->kind == DICT_A_NAME || ms[k].a->kind == DICT_A_CAPITAL) &&
          ms[k].start == end + 1 &&
          coder_tok_is(s, end, CW_FI, false) && !ms[k].cl0) {
        memcpy(country, ms[k].a->country, 4);
        end = ms[k].end;
        k++;
      }
      size_t lead = country[0] ? nm : leading_state(s, end, ms, k, nm);
      if (lead < nm) {
        memcpy(country, ms[lead].a->country, 4);
        end = ms[lead].end;
        k = lead + 1;
      }
      if (k < nm && ms[k].a && ms[k].a->kind == DICT_A_PERSON &&
          near_after(s, end, &ms[k])) {
        const char *pc = coder_person_code(ms[k].a, s->date);
        ac->person = 1;
        /* (2: a role with a state of its own, which keeps it) */
        if (ms[k].end == ms[k].start + 1) ac->surname = country[0] ? 2 : 1;
        /* "المدعي العام الأوزبكي رشيد قديروف": a name of another state's
        ** person after a role of a named state is a namesake; the role
        ** and its state stand.  So they do before a post of another body
        ** the person held in no role dated then ("المندوب التركي أرطغرل
        ** أباكان" in 2010, years before he headed the OSCE's mission):
        ** the text's role is what he was at the time */
        if (country[0] && memcmp(pc, country, 3) != 0 &&
            (coder_state_prefix(pc) || !person_dated(ms[k].a, s->date)))
          set_code(ac, country, role);
        else if (strlen(pc) == 3) set_code(ac, pc, role);
        else set_code(ac, pc, "");
        end = ms[k].end;
        k++;
      } else if (!country[0] && k < nm && ms[k].a &&
                 ms[k].a->kind == DICT_A_ACTOR &&
                 (ms[k].start == end ||
                  /* "رئيس المكتب السياسي لحركة حماس": a role, at most
                  ** two words, then its organisation in the genitive */
                  (ms[k].start <= end + 2 && (ms[k].cl0 & TXT_CL_LI) &&
                   coder_no_punct(s, end, ms[k].start)))) {
        set_code(ac, ms[k].a->code, "");
        end = ms[k].end;
        k++;
      } else if (country[0]) {
        set_code(ac, country, role);
      } else {
        set_code(ac, "---", role);
      }
      ac->end = end;
      /* "طائرات مجهولة", "مسلحون مجهولون": nobody's, keep "---" */
      ac->unknown = !country[0] && memcmp(ac->code, "---", 3) == 0 &&
                    coder_tok_is(s, end, CW_UNKNOWN, false);
      j = k - 1;
    } else if (a->kind == DICT_A_PERSON) {
      set_code(ac, coder_person_code(a, s->date), "");
      ac->person = 1;
    } else if (a->kind == DICT_A_NAME || a->kind == DICT_A_CAPITAL) {
      set_code(ac, a->country, "GOV");
      memcpy(ac->pair, a->pair, 4);
      ac->capital = a->kind == DICT_A_CAPITAL;
    } else if (a->kind == DICT_A_ADJ && j + 1 < nm && ms[j + 1].a &&
               ms[j + 1].a->kind == DICT_A_PERSON &&
               ms[j + 1].start == m->end) {
      /* "(نظيره) التركي رجب طيب أردوغان": the person, named with his
      ** nationality */
      set_code(ac, coder_person_code(ms[j + 1].a, s->date), "");
      ac->end = ms[j + 1].end;
      ac->person = 1;
      j++;
    } else if (a->kind == DICT_A_ADJ || a->kind == DICT_A_PEOPLE) {
      set_code(ac, a->country, "");
      ac->adj_only = a->kind == DICT_A_ADJ;
      /* "إلى جانب الشعب السريلانكي": after "the people" (a word no
      ** earlier mention took) the adjective names the people, as the
      ** countries' `people` phrases do */
      uint32_t w = m->start - 1;
      if (ac->adj_only && m->start > 0 && coder_tok_is(s, w, CW_PEOPLE_WORD, false) &&
          (j == 0 || ms[j - 1].end <= w)) {
        ac->adj_only = 0;
        ac->start = w;
        ac->cl0 = s->ct[w].cl_any & (TXT_CL_WA | TXT_CL_FA);
      }
    } else {
      set_code(ac, a->code, "");
    }
    /* "حكومة الوفاق الليبية": an adjective of the actor's own state right
    ** after it describes it; it is no second actor.  Read before the
    ** apposition below, so a person named after both is the same actor
    ** ("المرشد الأعلى الإيراني علي خامنئي") */
    if (j + 1 < nm && ms[j + 1].a && ms[j + 1].a->kind == DICT_A_ADJ &&
        ms[j + 1].start == ac->end && coder_state_prefix(ac->code) &&
        memcmp(ms[j + 1].a->country, ac->code, 3) == 0) {
      ac->end = ms[j + 1].end;
      j++;
    }
    /* "المبعوث الأممي إلى اليمن", "المبعوث الأمريكي الخاص إلى السودان":
    ** where an envoy is posted belongs to the envoy (one word may stand
    ** before إلى); it is no target (لدى: coder.c settle_mentions).
    ** One's own envoy ("استدعت سفيرها لدى مدريد") is recalled from
    ** there, and an indefinite one is a role ("كلفه بمهمة مبعوث إلى
    ** لبنان"): that place stays an actor */
    if (j + 1 < nm && ms[j + 1].a &&
        (ms[j + 1].a->kind == DICT_A_NAME || ms[j + 1].a->kind == DICT_A_CAPITAL) &&
        coder_tok_is(s, ac->start, CW_ENVOY, true) && coder_tok_definite(s, ac->start) &&
        !coder_tok_has_clitic(s, ac->start, TXT_CL_ENC)) {
      uint32_t p = ms[j + 1].start - 1; /* the preposition */
      if (p >= ac->end && p <= ac->end + 1 &&
          coder_no_punct(s, ac->end, ms[j + 1].start) && coder_tok_ila(s, p)) {
        ac->end = ms[j + 1].end;
        j++;
      }
    }
    /* "الأمين العام للأمم المتحدة بان كي مون": a person named right
    ** after an actor is that actor (apposition), not a second one; an
    ** honorific or rank may stand between ("ولي العهد السعودي الأمير
    ** محمد بن سلمان", "قائد الجيش الفريق أول عبد الفتاح البرهان") */
    if (j + 1 < nm && ms[j + 1].a && ms[j + 1].a->kind == DICT_A_PERSON &&
        (ms[j + 1].start == ac->end ||
         (ms[j + 1].start <= ac->end + 2 && coder_tok_is(s, ac->end, CW_TITLE, true) &&
          coder_no_punct(s, ac->end, ms[j + 1].start))) &&
        m->a->kind != DICT_A_PERSON) {
      if (memcmp(ac->code, "---", 3) == 0)
        set_code(ac, coder_person_code(ms[j + 1].a, s->date), "");
      ac->end = ms[j + 1].end;
      ac->person = 1;
      j++;
    }
    if (coder_state_prefix(ac->code)) {
      memcpy(ac->country, ac->code, 3);
      ac->country[3] = '\0';
      ac->from_count = 1;
    }
    na++;
  }
  /* Two mentions that are one actor:
  ** - "ولي العهد السعودي الأمير محمد بن سلمان": a role of a state right
  **   before a titled person of that state is that person (apposition);
  **   a capital is no role ("في سيول الرئيس روه مو هيون": the place,
  **   then the person met);
  ** - "مقاتلات تابعة للقوات الجوية المصرية": a role with no state, then
  **   a word of affiliation (class `affiliated`) and an actor with ل, is
  **   that actor (its code). */
  size_t kept = 0;
  for (size_t x = 0; x < na; x++) {
    coder_actor *c = &s->actors[x];
    coder_actor *p = kept ? &s->actors[kept - 1] : NULL;
    /* "مجموعة دول الكاريبي (كاريكوم) ومجموعة ...": the same actor in
    ** brackets right after a name is that name; the brackets join it */
    if (p && c->start == p->end + 1 && c->end < s->n && coder_streq(p->code, c->code) &&
        tok_is_char(s, p->end, '(') && tok_is_char(s, c->end, ')')) {
      p->end = c->end + 1;
      continue;
    }
    if (p && c->start == p->end && c->person && !p->person && !p->capital &&
        p->country[0] && coder_streq(p->country, c->country) &&
        !(c->cl0 & TXT_CL_WA)) {
      p->end = c->end;
      p->person = 1;
      continue;
    }
    if (p && !p->country[0] && memcmp(p->code, "---", 3) == 0 && !p->unknown &&
        c->start == p->end + 1 && (c->cl0 & TXT_CL_LI) && c->country[0] &&
        coder_tok_is(s, p->end, CW_AFFILIATED, false)) {
      uint32_t start = p->start;
      uint8_t cl = p->cl0;
      *p = *c;
      p->start = start;
      p->cl0 = cl;
      p->group = (int)(kept - 1);
      continue;
    }
    c->group = (int)kept;
    s->actors[kept++] = *c;
  }
  na = kept;
  /* groups: "A وB", "A و B", "A، B وC" */
  s->n_actors = na;
  for (size_t x = 1; x < na; x++) {
    coder_actor *p = &s->actors[x - 1], *c = &s->actors[x];
    bool wa = joined_by_wa(s, x);
    if (wa || coder_joined(s, x)) c->group = p->group;
    /* "قوات وميليشيات إثيوبية": an indefinite role with no state, joined
    ** by و to a role whose adjective names one, shares that adjective */
    if (wa && memcmp(p->code, "---", 3) == 0 && !p->unknown && !p->person &&
        c->country[0] && !c->adj_only && !c->person &&
        !coder_tok_definite(s, p->start) && !coder_tok_definite(s, c->start)) {
      char role[16];
      memcpy(role, p->code + 3, sizeof role - 3);
      set_code(p, c->country, role);
      memcpy(p->country, c->country, 4);
      p->from_count = 1;
    }
  }
  return WASIT_OK;
}
