/*
** coder.c: the public coder API (src/coder, stage 3): wasit_coder_new,
** wasit_coder_run, wasit_coder_free.
**
** wasit_coder_run() codes one document in two passes over its sentences:
**   pass 1: text layer (txt_analyze), sentence dates, match keys, actors,
**           triggers; where a new story starts (opens_item: the items of
**           a page titled as a roundup, roundup_title, each with its own
**           dateline or sub-heading);
**   then, story by story (the whole article when it is one), with a
**           context of its own: count the states the story mentions
**           (its principal states, its parties, its dateline);
**   pass 2: agents without a country get the nearest state named before
**           them in the sentence (after فيما or أن: the sentence's first
**           actor's), else the sentence's place, else the
**           dateline's state, else the story's principal state; events
**           (events.c); casualties; records with date, location, quad
**           class, Goldstein, modes;
**   then, over the story's records: attacks named again are dropped,
**           and untargeted acts get the story's other state (dyad) or,
**           for an outsider's concern, its principal state.
** Dates: an event takes its sentence's first date not said of a noun or
** of another event (a relative clause, منذ + noun), else the document date
** (precision YYYY-MM / YYYY kept).  It is historical when that date ends
** more than HISTORICAL_DAYS before the document date: background the
** report recalls ("وكانت حركة طالبان قد رفضت في سبتمبر الماضي"), which
** human coders leave out of an article's events.  So is an act dated
** apart from its sentence (dated_apart: a relative clause's own old date,
** an earlier year or a span of years after منذ, a span of weeks or a
** series of rounds before the verbal noun: "بعد أسابيع من المفاوضات",
** "جولات سابقة من المحادثات").
** Memory: everything lives in the coder's arena, reset at each run; the
** result is valid until the next run or wasit_coder_free().
*/
#include "coder.h"

#include <string.h>

/* Days between an event's date (the last day it can denote) and the
** document date past which the event is background (mode historical).
** Why seven: wire copy reports the last week's acts as news ("الثلاثاء
** الماضي" is at most seven days back), and the article sets code that
** window ("about the week before the dateline", README_articles.md); an
** act dated earlier ("في 11 مارس الجاري" in a 20 March report) is recalled.
** (It was ten: the days eight to ten gave 18 extras against 4 matches
** over the 51 open article sets.) */
#define HISTORICAL_DAYS 7

struct wasit_coder {
  const wasit_dict *dict;
  const wasit_allocator *alloc;
  wasit_allocator alloc_copy;
  wa_arena ar;
  /* the document context of the last run as pass 1 leaves it (the names
  ** the document taught); each story of the document is coded with a copy
  ** in the arena, which lives as long as the result: event codes may
  ** point into it (البلدين coded as parties[k]) */
  coder_ctx ctx;
  coder_memo *memo;      /* token keys of recent word forms (match.c) */
  uint32_t future_verb;  /* coder_sent.future_verb, looked up once */
  txt_memo *tmemo;       /* their clitic splits (token.c) */
  txt_doc doc;
  wasit_result res;
};

/* Contract in wasit.h. */
int wasit_coder_new(wasit_coder **out, const wasit_dict *dict,
                    const wasit_allocator *alloc, wasit_error *err) {
  if (!out || !dict) return WA_ERR(err, WASIT_EINVAL, "coder needs a dictionary");
  *out = NULL;
  wasit_coder *c = wa_calloc(alloc, 1, sizeof *c);
  if (!c) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  if (alloc) {
    c->alloc_copy = *alloc;
    c->alloc = &c->alloc_copy;
  }
  c->dict = dict;
  uint32_t fv;
  if (dict_verb_find(dict, "intent.future.v", NULL, &fv))
    c->future_verb = fv + 1;
  c->memo = coder_memo_new(c->alloc);
  c->tmemo = txt_memo_new(c->alloc);
  if (!c->memo || !c->tmemo) {
    coder_memo_free(c->memo, c->alloc);
    txt_memo_free(c->tmemo, c->alloc);
    wa_free(alloc, c);
    return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  }
  arena_init(&c->ar, c->alloc);
  *out = c;
  return WASIT_OK;
}

/* Contract in wasit.h. */
void wasit_coder_free(wasit_coder *c) {
  if (!c) return;
  arena_free(&c->ar);
  coder_memo_free(c->memo, c->alloc);
  txt_memo_free(c->tmemo, c->alloc);
  wa_free(c->alloc, c);
}

static int32_t ymd(int y, int m, int d) {
  return y * 10000 + (m ? m : 1) * 100 + (d ? d : 1);
}

/* Approximate day number of the last day of a (possibly partial) date. */
static long day_end(int y, int m, int d) {
  if (!m) m = 12, d = 31;
  if (!d) d = 28;
  return (long)y * 365 + (long)m * 30 + d;
}

/* Write v % 10^width as exactly `width` decimal digits; returns the end. */
static char *put_digits(char *out, unsigned v, int width) {
  for (int i = width - 1; i >= 0; i--, v /= 10) out[i] = (char)('0' + v % 10);
  return out + width;
}

/* "YYYY-MM-DD", "YYYY-MM" or "YYYY" as the precision allows: the bytes
** snprintf("%04u-%02u-%02u") gave, written digit by digit because this
** runs for every sentence and snprintf was a visible cost. */
static void date_str(char out[11], int y, int m, int d, int prec) {
  char *p = put_digits(out, (unsigned)y % 10000u, 4);
  if (prec >= TXT_DATE_MONTH && m) {
    *p++ = '-';
    p = put_digits(p, (unsigned)m % 100u, 2);
    if (prec >= TXT_DATE_DAY && d) {
      *p++ = '-';
      p = put_digits(p, (unsigned)d % 100u, 2);
    }
  }
  *p = '\0';
}

static const char *orig_span(wa_arena *ar, const txt_doc *d,
                             const txt_token *toks, uint32_t a, uint32_t b) {
  if (b <= a) return NULL;
  uint32_t s = toks[a].orig_start;
  uint32_t e = toks[b - 1].orig_start + toks[b - 1].orig_len;
  return arena_strndup(ar, d->text + s, e > s ? e - s : 0);
}

/* killed / wounded numbers stated in sentence s. */
static void casualties(const coder_sent *s, const txt_sentence *ts,
                       size_t *ni, int *killed, int *wounded) {
  *killed = *wounded = WASIT_COUNT_NONE;
  const txt_doc *d = s->doc;
  while (*ni < d->n_numbers && d->numbers[*ni].sentence < s->index) (*ni)++;
  for (size_t i = *ni; i < d->n_numbers && d->numbers[i].sentence == s->index;
       i++) {
    const txt_number *nb = &d->numbers[i];
    if (nb->tok_start < ts->tok_start) continue;
    uint32_t a = nb->tok_start - ts->tok_start, b = a + nb->tok_count;
    int v = nb->value > 1e7 ? 10000000 : (int)nb->value;
    if (nb->value < 0) continue;
    bool k = coder_tok_is(s, b, CW_KILLED, true) ||
             (coder_tok_is(s, b + 1, CW_KILLED, true) && !s->ct[b].punct);
    bool w = !k && (coder_tok_is(s, b, CW_WOUNDED, true) ||
                    (coder_tok_is(s, b + 1, CW_WOUNDED, true) && !s->ct[b].punct));
    for (uint32_t j = 1; j <= 2 && j <= a && !k && !w; j++) {
      if (coder_tok_is(s, a - j, CW_KILL_PRE, true)) k = true;
      else if (coder_tok_is(s, a - j, CW_WOUND_PRE, true)) w = true;
    }
    if (k && *killed == WASIT_COUNT_NONE) *killed = v;
    if (w && *wounded == WASIT_COUNT_NONE) *wounded = v;
  }
}

/* Is agent i, whose state would be cc (taken from the nearest actor of
** cc before it), the direct object of an appeal or demand (02, 10) made
** by that actor: a verb with its subject between it and the agent (VSO:
** "دعت الولايات المتحدة الحكومة") or a participle after its subject
** ("أعربت ... داعية قادة الجيش"), at most 12 words back?  Not a role
** behind a preposition ("في بيان لوزارة خارجيتها") or with a pronoun.
** With any, the object of any verbal act short of force (01-13), behind
** a preposition too ("دان أوباما استخدام العنف ضد المواطنين"), in the
** verb's own clause (no أن/إن or فيما between), and not the speaker's
** own army or government ("أرسلت فرنسا جنودا"). */
static bool addressed_role(const coder_sent *s, size_t i, const char *cc,
                           bool any) {
  const coder_actor *a = &s->actors[i];
  if (coder_tok_has_clitic(s, a->start, TXT_CL_ENC) ||
      (!any && ((a->cl0 & (TXT_CL_BI | TXT_CL_LI | TXT_CL_KA)) ||
                (a->start > 0 && coder_tok_is(s, a->start - 1, CW_PREP, false)))))
    return false;
  if (any && coder_role_in(a->code, "MIL GOV"))
    return false;
  size_t j = i;
  while (j-- > 0 && memcmp(s->actors[j].country, cc, 3) != 0) {}
  if (j >= i) return false;
  for (size_t t = 0; t < s->n_trigs; t++) {
    const coder_trig *tr = &s->trigs[t];
    const char *vc = dict_verb_at(s->dict, tr->verb)->code;
    if (!tr->verbal || (!any && memcmp(vc, "02", 2) != 0 && memcmp(vc, "10", 2) != 0) ||
        (any && memcmp(vc, "14", 2) >= 0) ||
        tr->start >= a->start || a->start > tr->start + 12)
      continue;
    bool clause = true;
    for (uint32_t k = tr->start + 1; any && k < a->start && clause; k++)
      if (coder_tok_is(s, k, CW_COMP, false) || coder_tok_is(s, k, CW_MEANWHILE, false))
        clause = false;
    if (!clause) continue;
    if (tr->verbal == 2 ? s->actors[j].end <= tr->start : s->actors[j].start > tr->start)
      return true;
  }
  return false;
}

/* Is cc an outsider to the article's story: neither its principal state
** nor a second state named at least half as often (in a story of two
** states each side's roles are its own)? */
static bool outsider(const coder_ctx *ctx, const char *cc) {
  if (memcmp(cc, ctx->principal[0], 3) == 0) return false;
  return memcmp(cc, ctx->principal[1], 3) != 0 ||
         2 * ctx->principal_weight[1] < ctx->principal_weight[0];
}

/* Does token k name a place right after the actor ending at `end`: as its
** genitive ("سكان غزة") or behind a preposition and at most one more word
** ("في إدلب", "على مشارف بانغي"), not further on in the clause ("على
** استئناف المفاوضات في جوبا": the talks' venue)? */
static bool right_after(const coder_sent *s, uint32_t end, uint32_t k) {
  return k == end || (k <= end + 2 && k > end && coder_tok_is(s, end, CW_PREP, true));
}

/* Is actor i a party to a meeting or talks (a trigger of root 04) told
** before it, with no punctuation between and nothing but other actors
** and at most one other word, whichever it is (its preposition in
** "ستجري محادثات مع المتمردين"; none in "والتقى وزير الخارجية السوداني
** المتمردين")?  A place after such a party is the venue.  The triggers
** are read in token order up to the first that ends past the actor's
** start. */
static bool meeting_party(const coder_sent *s, size_t i) {
  uint32_t at = s->actors[i].start;
  for (size_t t = 0; t < s->n_trigs && s->trigs[t].end <= at; t++) {
    const coder_trig *tr = &s->trigs[t];
    if (memcmp(dict_verb_at(s->dict, tr->verb)->code, "04", 2) != 0 ||
        !coder_no_punct(s, tr->end, at))
      continue;
    uint32_t words = 0;
    size_t x = 0;
    for (uint32_t k = tr->end; k < at; k++) {
      while (x < i && s->actors[x].end <= k) x++;
      if (x == i || s->actors[x].start > k) words++;
    }
    if (words <= 1) return true;
  }
  return false;
}

/* The state of the place named right after actor i (right_after): the
** sentence's place or a capital; NULL if none, or when the place is the
** venue of talks the actor is a party to ("محادثات مع المتمردين في
** جنيف": the rebels are no Swiss). */
static const char *place_after(const coder_sent *s, size_t i) {
  if (meeting_party(s, i)) return NULL;
  uint32_t end = s->actors[i].end;
  if (s->place && s->place_tok >= end && right_after(s, end, s->place_tok) &&
      coder_state_prefix(s->place->loc.country))
    return s->place->loc.country;
  for (size_t x = i + 1; x < s->n_actors && s->actors[x].start <= end + 2; x++)
    if (s->actors[x].capital && s->actors[x].country[0] &&
        right_after(s, end, s->actors[x].start))
      return s->actors[x].country;
  return NULL;
}

/* (resolve_agents reads the names learn_names keeps: defined below) */
#define NO_NAME SIZE_MAX
static inline size_t known_name(const coder_sent *s, const coder_ctx *ctx,
                                uint32_t k, uint8_t *cl);

/* Resolve "---ROLE" agents of sentence s. */
static void resolve_agents(coder_sent *s, coder_ctx *ctx) {
  bool stateless = false; /* a name learned with no state yet */
  bool looked = false;    /* stateless is known: asked at the first agent,
                          ** as most sentences have none, and the names are
                          ** as they were on entry until an agent is met */
  for (size_t i = 0; i < s->n_actors; i++) {
    coder_actor *a = &s->actors[i];
    if (memcmp(a->code, "---", 3) != 0 || a->unknown) continue;
    for (size_t j = 0; j < ctx->n_names && !looked && !stateless; j++)
      stateless = strncmp(ctx->names[j].code, "---", 3) == 0;
    looked = true;
    const char *cc = NULL;
    /* "وقال وزير الخارجية سيجي مايهارا ..." ... "وقال مايهارا": an office
    ** holder named after a title with no state is learned with no state
    ** (learn_names); the state his title took where it was named (the
    ** sentences are resolved in order) is his later too */
    size_t ni = a->person ? known_name(s, ctx, a->end - 1, NULL) : NO_NAME;
    coder_name *nm = ni != NO_NAME ? &ctx->names[ni] : NULL;
    if (nm && coder_state_prefix(nm->code)) cc = nm->code;
    /* "اتهم كورتي بلغراد ...، مؤكدا أن الشرطة استعادت السيطرة": the
    ** police or army inside reported speech are the speaker's (the
    ** sentence's first actor named with its state), not those of the last
    ** state named before أن */
    /* (and so is "the kingdom" alone, a state's own head noun: "وأكد
    ** السفير السعودي في بيروت أن المملكة لا تضع فيتو" is Saudi Arabia,
    ** not the last state named before أن) */
    bool speakers_own =
        coder_role_in(a->code, "COP MIL") ||
        (a->end == a->start + 1 && coder_tok_is(s, a->start, CW_STATE_HEAD, true));
    /* the nearest actor before it with a state, passing over bare
    ** nationality adjectives on nouns ("مقتل ... مصور ياباني، في حملة
    ** القمع التي يشنها المجلس العسكري": a journalist's, not the role's
    ** state) unless there is nothing else */
    size_t full = i;
    for (size_t j = i; j-- > 0 && full == i;)
      if (s->actors[j].country[0] && !s->actors[j].adj_only) full = j;
    /* "وقال مسؤول في وزارة الخارجية السورية": a role inside an
    ** institution named right after في is of that institution's state
    ** (not "قواتها في تشاد": her forces, in a place) */
    const coder_actor *in = i + 1 < s->n_actors ? &s->actors[i + 1] : NULL;
    if (in && in->country[0] && !in->adj_only && !in->capital &&
        in->end >= in->start + 2 && in->start == a->end + 1 &&
        coder_tok_is(s, a->end, CW_FI, false) &&
        !coder_tok_has_clitic(s, a->start, TXT_CL_ENC))
      cc = in->country;
    for (size_t j = i; j-- > 0 && !cc;)
      if (s->actors[j].country[0] && (!s->actors[j].adj_only || full == i)) {
        cc = s->actors[j].country;
        /* "طالب أردوغان واشنطن بتسليم غولن، فيما قال وزير العدل": after
        ** فيما/بينما, too, the agent is of that first actor's side, not of
        ** the last state named (an object) */
        uint32_t comp = UINT32_MAX;
        /* (the role as that clause's subject, within three words of
        ** فيما: deeper in the clause, "بينما طالبت منظمة العفو بفتح
        ** تحقيق في استخدام القوات الحكومية", it is the nearest state's) */
        for (uint32_t k = s->actors[j].end; k < a->start && comp == UINT32_MAX; k++)
          if ((coder_tok_is(s, k, CW_MEANWHILE, false) && a->start <= k + 3) ||
              (speakers_own && coder_tok_is(s, k, CW_COMP, false)))
            comp = k;
        for (size_t f = 0; comp != UINT32_MAX && f < j; f++)
          if (s->actors[f].from_count && s->actors[f].end <= comp) {
            cc = s->actors[f].country;
            break;
          }
        break;
      }
    /* "شنت طائرات حربية روسية غارات على فصائل المعارضة في إدلب",
    ** "اشتباكات مع المتمردين على مشارف بانغي": armed men or civilians
    ** named right before a place in another state are of that place's
    ** state, not of the actor named before them (often the one who
    ** strikes them) */
    const char *place_state = cc && !nm ? place_after(s, i) : NULL;
    if (place_state && coder_role_in(a->code, "REB UAF CVL") &&
        !coder_tok_has_clitic(s, a->start, TXT_CL_ENC) &&
        memcmp(place_state, cc, 3) != 0)
      cc = place_state;
    /* else: "دعت الولايات المتحدة الحكومة والمحتجين إلى ضبط النفس",
    ** "داعية قادة الجيش إلى إعادة الحكم الديمقراطي": a role a foreign
    ** speaker appeals to or makes demands of (02, 10), its direct object
    ** after the speaker, is not of the speaker's state but of the
    ** article's principal state, the situation the article reports; so
    ** is the object of any verbal act of an outsider to the story
    ** ("ودانت الخارجية البريطانية القوة المفرطة ضد المتظاهرين" in a
    ** Kenyan story: KENCVL, not GBRCVL) */
    else if (cc && ctx->principal[0][0] &&
        (addressed_role(s, i, cc, false) ||
         (outsider(ctx, cc) && addressed_role(s, i, cc, true))))
      cc = ctx->principal[0];
    if (!cc && s->place) cc = s->place->loc.country;
    /* "وأطلقت الشرطة الغاز", "وأفرجت السلطات عن": a role named with no
    ** state in its sentence is of the city the article is datelined
    ** from, before the article's most named state (often a foreign
    ** commentator) */
    if (!cc && ctx->dateline[0]) cc = ctx->dateline;
    if (!cc && ctx->principal[0][0]) cc = ctx->principal[0];
    if (!cc) continue;
    char named[4]; /* a copy: cc may point into nm, rewritten below */
    memcpy(named, cc, 3);
    named[3] = '\0';
    cc = named;
    /* (the name after a title in the same mention, or right after it
    ** when the name was only learned: "استدعى وزير الخارجية سيجي مايهارا
    ** السفير") */
    for (uint32_t k = a->end - 1; stateless && !nm && k < a->end + 3 && k < s->n; k++)
      if ((ni = known_name(s, ctx, k, NULL)) != NO_NAME &&
          strncmp(ctx->names[ni].code, "---", 3) == 0 &&
          strcmp(ctx->names[ni].code + 3, a->code + 3) == 0)
        nm = &ctx->names[ni];
    if (nm && strncmp(nm->code, "---", 3) == 0) memcpy(nm->code, cc, 3);
    /* code = the first 3 bytes of cc + the role (at most 12 bytes), as
    ** snprintf("%.3s%.12s") wrote it, without the printf machinery */
    char role[13];
    size_t rl = strnlen(a->code + 3, 12), cl = strnlen(cc, 3);
    memcpy(role, a->code + 3, rl);
    memcpy(a->code, cc, cl);
    memcpy(a->code + cl, role, rl);
    a->code[cl + rl] = '\0';
    memcpy(a->country, cc, 3);
    a->country[3] = '\0';
  }
}

/* "دعت منظمة معاهدة الأمن الجماعي، التي تضم البلدين، والأمين العام
** للأمم المتحدة الطرفين": an actor with و right after a relative clause
** set off by commas joins the compound of the actor before that clause;
** the actors inside the clause describe it and are dropped (a compound
** is a run of adjacent actors). */
static void join_across_relative(coder_sent *s) {
  for (size_t i = 1; i < s->n_actors; i++) {
    coder_actor *c = &s->actors[i];
    if (!(c->cl0 & TXT_CL_WA) || c->start < 3 || s->ct[c->start - 1].punct != 2)
      continue;
    uint32_t k = c->start - 2;
    while (k > 0 && !s->ct[k].punct) k--;
    if (s->ct[k].punct != 2 || !coder_tok_is(s, k + 1, CW_REL, false)) continue;
    size_t j = i;
    while (j > 0 && s->actors[j - 1].start > k) j--;
    if (j == 0 || s->actors[j - 1].end != k) continue;
    int from = c->group, to = s->actors[j - 1].group;
    memmove(&s->actors[j], &s->actors[i], (s->n_actors - i) * sizeof *s->actors);
    s->n_actors -= i - j;
    for (size_t x = j; x < s->n_actors && s->actors[x].group == from; x++)
      s->actors[x].group = to;
    i = j;
  }
}

/* "رئيس الوفد السوري", "قائد الجيش الأردني", "حكومة آرسي": is role word
** h in construct with actor a right after it, so that h is a's (takes its
** code)?  So is a role with no state of its own yet ("رئيس المجلس الشعبي
** الوطني": resolved later like that role).  A head of a construct has no
** article: "اعتقل المجلس العسكري رئيس الوزراء" is two actors. */
static bool construct_head(const coder_sent *s, const coder_actor *h,
                           const coder_actor *a) {
  /* ("هاجم محتجون القنصلية الفرنسية": a sound plural in ـون keeps its
  ** nun only outside a construct, so it heads no definite actor after it:
  ** that actor is the verb's object.  An indefinite one is left to the
  ** rules below: on the GSR file "استقبل متظاهرون غواصة نووية اميركية"
  ** then coded a protest its label does not count.) */
  const txt_token *lt = &s->toks[h->end - 1];
  if (lt->norm_len >= 6 && coder_tok_definite(s, a->start) &&
      txt_tok_ends(s->doc, lt, "\xd9\x88\xd9\x86")) /* ون */
    return false;
  return memcmp(h->code, "---", 3) == 0 && !coder_tok_definite(s, h->start) &&
         !h->unknown && h->end == a->start &&
         /* ("حرس الحدود القوات البيلاروسية": a head whose last word has
         ** the article is a whole construct; what follows is another
         ** actor) */
         !(h->end > h->start + 1 && coder_tok_definite(s, h->end - 1)) &&
         (a->country[0] ||
          /* (a one-word head: "قوات الأمن" is a whole construct already,
          ** and "قوات الأمن المتظاهرين" two actors) */
          (memcmp(a->code, "---", 3) == 0 && h->end == h->start + 1)) &&
         !(a->cl0 & TXT_CL_WA) && !a->adj_only;
}

/* Is token k a word for office holders that adjectives of states follow:
** a counterpart ("بنظيره الفرنسي") or a pair ("الزعيمان الإسرائيلي
** والفلسطيني")?  Such an adjective is that state's government. */
static bool holders_word(const coder_sent *s, uint32_t k) {
  return coder_tok_is(s, k, CW_COUNTERPART, true) || coder_tok_is(s, k, CW_PAIR_TITLE, true);
}

static bool plain_word(const coder_sent *s, uint32_t k);

/* "ودان رئيس مفوضية الاتحاد موسى فكي محمد الانقلاب": is title h (one
** word of class `title`, no state yet) the title of the person a named
** one to three plain words after it (the rest of the title)?  Then the
** title is the person's. */
static bool titled_person(const coder_sent *s, const coder_actor *h,
                          const coder_actor *a) {
  if (!a->person || memcmp(h->code, "---", 3) != 0 || h->end != h->start + 1 ||
      !coder_tok_is(s, h->start, CW_TITLE, false) ||
      a->start <= h->end || a->start > h->end + 3)
    return false;
  for (uint32_t k = h->end; k < a->start; k++)
    if (!plain_word(s, k)) return false;
  return true;
}

/* Settle what the actor mentions of a sentence stand for.  Dropped: a
** lone capital naming an event ("قمة لواندا", "بمسار أستانا": the event's
** place, not the state's government; "محادثات موسكو وكييف" keeps the
** pair), and the post of an envoy ("مندوب السودان لدى الأمم المتحدة":
** where the envoy serves is part of the envoy's title, no target; but
** "استدعاء سفيره لدى إسرائيل" recalls him from there).  A
** nationality after "counterpart" ("بنظيره الفرنسي") is that state's
** government, as the counterpart of an office holder holds office. */
static void settle_mentions(coder_sent *s) {
  size_t w = 0;
  for (size_t i = 0; i < s->n_actors; i++) {
    coder_actor *a = &s->actors[i];
    /* "الزعيمان الإسرائيلي والفلسطيني", "برعاية الرئيسين المصري حسني
    ** مبارك والأمريكي بيل كلينتون": the states after a pair word name
    ** the pair; the word opens the first of them */
    bool pair_head = w > 0 && s->actors[w - 1].parties &&
                     s->actors[w - 1].end == a->start && a->country[0] &&
                     coder_tok_is(s, s->actors[w - 1].start, CW_PAIR_TITLE, true);
    if (pair_head) { /* (a keeps its group: the next state joins it) */
      a->start = s->actors[w - 1].start;
      w--;
    }
    /* "بنظيريه الروسي والأوكراني": the whole group after the word */
    bool peer_group = w > 0 && s->actors[w - 1].group == a->group &&
                      ((s->actors[w - 1].start > 0 &&
                        holders_word(s, s->actors[w - 1].start - 1)) ||
                       coder_tok_is(s, s->actors[w - 1].start, CW_PAIR_TITLE, true));
    if (a->adj_only && a->country[0] && strlen(a->code) == 3 &&
        ((a->start > 0 && holders_word(s, a->start - 1)) || peer_group || pair_head)) {
      memcpy(a->code + 3, "GOV", 4);
      a->adj_only = 0;
    }
    bool lone = (i == 0 || s->actors[i - 1].group != a->group) &&
                (i + 1 == s->n_actors || s->actors[i + 1].group != a->group);
    bool state_word = a->capital ||
                      (a->end == a->start + 1 && a->country[0] && !a->adj_only &&
                       coder_streq(a->code + 3, "GOV")); /* "اتفاق الجزائر" */
    bool event_place = state_word && lone && a->start > 0 &&
                       coder_tok_is(s, a->start - 1, CW_EVENT_NAME, true);
    bool post = a->start > 1 && w > 0 &&
                coder_tok_is(s, a->start - 1, CW_LADA, false) &&
                s->actors[w - 1].end == a->start - 1 &&
                s->actors[w - 1].country[0]; /* "سفيره لدى إسرائيل": kept */
    /* "قبل القضاء على التهديدات": القضاء before على is "eliminating",
    ** not the judiciary */
    bool eliminating = a->end == a->start + 1 && coder_role_in(a->code, "JUD") &&
                       coder_tok_is(s, a->end, CW_ALA, false);
    if (w > 0 && (construct_head(s, &s->actors[w - 1], a) ||
                  titled_person(s, &s->actors[w - 1], a))) {
      a->start = s->actors[w - 1].start;
      a->group = s->actors[w - 1].group;
      w--;
    }
    if (!event_place && !post && !eliminating) s->actors[w++] = *a;
  }
  s->n_actors = w;
  join_across_relative(s);
}

/* Is token t a quotation mark (« » " “ ”)?  Quotes wrap a phrase
** ("بأنها «انتهاك صارخ»") without changing its grammar. */
static bool quote_mark(const txt_doc *d, const txt_token *t) {
  if (t->kind != TXT_PUNCT) return false;
  const char *q = txt_tok_norm(d, t);
  return (t->norm_len == 1 && *q == '"') ||
         (t->norm_len == 2 && memcmp(q, "\xc2\xab", 2) == 0) ||   /* « */
         (t->norm_len == 2 && memcmp(q, "\xc2\xbb", 2) == 0) ||   /* » */
         (t->norm_len == 3 && (memcmp(q, "\xe2\x80\x9c", 3) == 0 ||  /* “ */
                               memcmp(q, "\xe2\x80\x9d", 3) == 0));  /* ” */
}

/* Mark the document tokens [start, start + count) of sentence s free, and
** `count` too when is_count. */
static void free_span(coder_sent *s, const txt_sentence *ts, uint32_t start,
                      uint32_t count, bool is_count) {
  if (start < ts->tok_start) return;
  for (uint32_t k = start - ts->tok_start;
       k < start - ts->tok_start + count && k < s->n; k++) {
    s->ct[k].free = 1;
    if (is_count) s->ct[k].count = 1;
  }
}

/* Is token k a one-word place of the dictionary ("عفرين", "والقامشلي")? */
static bool place_word(const coder_sent *s, uint32_t k) {
  return (s->ct[k].cands & CODER_C_PLACE) != 0;
}

/* Mark the one-word place at token k `aside`, with the place nouns right
** before it ("مدينة", "شمال": class locative): a `*` gap skips where an
** act happened as it skips who did it ("رفض باكييف في تصريحات من مدينة
** حلب الاستقالة"). */
static void place_aside(coder_sent *s, uint32_t k) {
  s->ct[k].aside = 1;
  while (k > 0 && !s->ct[k - 1].free && !s->ct[k - 1].punct &&
         coder_tok_is(s, k - 1, CW_LOCATIVE, false))
    s->ct[--k].aside = 1;
}

/* The actors' words (and a counterpart word right before one): the part
** of mark_free that a new actor can change. */
static void mark_actors_free(coder_sent *s) {
  for (size_t a = 0; a < s->n_actors; a++) {
    for (uint32_t k = s->actors[a].start; k < s->actors[a].end; k++)
      s->ct[k].free = 1;
    /* "ونظيره الروسي": the counterpart word belongs to the name after it */
    uint32_t b = s->actors[a].start;
    if (b > 0 && coder_tok_is(s, b - 1, CW_COUNTERPART, true)) s->ct[b - 1].free = 1;
  }
}

/* May some token of s be an honorific (honorific_at)?  Each of
** honorific_at's three cases needs a word of class honorific or
** honorific_lead (plain) at k or k - 1, and coder_keys ORs every token's
** classes into s->cls_plain: a sentence with neither, nearly every
** sentence, skips the walks over its tokens (mark_honorifics,
** join_courtesy; the sample 408.83 -> 402.55 M instructions).  The
** golden rows coder-r81-* (an honorific) and coder-p32-* (an
** honorific_lead alone before a title) fail when either class is left
** out of this test. */
static bool may_have_honorific(const coder_sent *s) {
  return coder_sent_has(s, CW_HONORIFIC, false) ||
         coder_sent_has(s, CW_HONORIFIC_LEAD, false);
}

/* Is token k an honorific (class honorific), or a lead word right before
** one or before a title ("صاحب السمو"، "حضرة صاحب الجلالة"، "سعادة
** السفير"; class honorific_lead: not "صاحب الشركة"), or a tail word
** right after one ("السمو الملكي"; class honorific_tail)? */
static bool honorific_at(const coder_sent *s, uint32_t k) {
  if (coder_tok_is(s, k, CW_HONORIFIC, false)) return true;
  if (coder_tok_is(s, k, CW_HONORIFIC_TAIL, false))
    return k > 0 && coder_tok_is(s, k - 1, CW_HONORIFIC, false);
  return coder_tok_is(s, k, CW_HONORIFIC_LEAD, false) &&
         (coder_tok_is(s, k + 1, CW_TITLE, false) ||
          coder_tok_is(s, k + 1, CW_HONORIFIC, false) ||
          coder_tok_is(s, k + 1, CW_HONORIFIC_LEAD, false));
}

/* The Gulf agencies' honorifics before a title or a name ("وبعث صاحب
** السمو الشيخ ...", "إلى فخامة الرئيس") and a blessing wherever it
** stands ("أمير البلاد حفظه الله ورعاه": a blessing word, الله, and the
** blessing words after it): free for the gaps, as the name is; the
** blessing's words are also `honor` (رعاه there sponsors nothing). */
static void mark_honorifics(coder_sent *s) {
  /* a blessing needs a word of class blessing and one of class god */
  bool honorific = may_have_honorific(s),
       blessing = coder_sent_has(s, CW_BLESSING, false) &&
                  coder_sent_has(s, CW_GOD, false);
  if (!honorific && !blessing) return;
  for (uint32_t k = 0; k < s->n; k++) {
    if (honorific && honorific_at(s, k)) s->ct[k].free = 1;
    if (coder_tok_is(s, k, CW_BLESSING, false) && coder_tok_is(s, k + 1, CW_GOD, false)) {
      uint32_t end = k + 2;
      while (coder_tok_is(s, end, CW_BLESSING, false)) end++;
      for (uint32_t b = k; b < end; b++) s->ct[b].free = s->ct[b].honor = 1;
      k = end - 1;
    }
  }
}

/* The words after actor a's mention that still name its person in the
** Gulf agencies' style, from token k: the father and the house of a
** person the dictionary named shorter ("الملك فهد بن عبدالعزيز آل
** سعود": بن or آل, class lineage, and the word after each) and a
** ruler's blessing ("حفظه الله ورعاه", as mark_honorifics marked it
** `honor`: not "رعاه أمير قطر") or epithet ("أمير البلاد المفدى").
** Returns the token after them (k if none). */
static uint32_t courtesy_end(const coder_sent *s, const coder_actor *a,
                             uint32_t k) {
  for (;;) {
    if (a->person && k + 1 < s->n && !s->ct[k + 1].punct &&
        coder_tok_is(s, k, CW_LINEAGE, false))
      k += 2;
    else if (k < s->n && (s->ct[k].honor || coder_tok_is(s, k, CW_BLESSING_EPITHET, false)))
      k++;
    else
      return k;
  }
}

/* Does actor a name its state by a state noun ("دولة الكويت", "جمهورية
** مصر العربية": class state_head or state_noun)? */
static bool state_noun_in(const coder_sent *s, const coder_actor *a) {
  for (uint32_t k = a->start; k < a->end; k++)
    if (coder_tok_is(s, k, CW_STATE_HEAD, false) || coder_tok_is(s, k, CW_STATE_NOUN, false))
      return true;
  return false;
}

/* Does a word of the clause follow actor x that may open the verb's
** object: an actor, or a word that is no preposition, punctuation, date
** or number? */
static bool object_after(const coder_sent *s, size_t x) {
  uint32_t k = s->actors[x].end;
  if (x + 1 < s->n_actors && s->actors[x + 1].start == k) return true;
  return k < s->n && !s->ct[k].punct && !s->ct[k].free &&
         !coder_tok_is(s, k, CW_PREP, false);
}

/* The courtesy words after a mention (courtesy_end) join it, marked
** `honor`, and so do the honorifics before it: the act's verb and noun
** then find their subject across them as across a plain name ("وأمر خادم
** الحرمين الشريفين الملك فهد بن عبدالعزيز آل سعود بإقامة جسر جوي"), a
** preposition before the honorific still governs the name ("مع معالي
** نيكوس ديندياس"), and رعاه in the blessing sponsors nothing.  After
** learn_names: they teach no surname. */
static void join_courtesy(coder_sent *s) {
  bool honorific = may_have_honorific(s);
  for (size_t x = 0; x < s->n_actors; x++) {
    coder_actor *a = &s->actors[x];
    if (a->end == a->start) continue;   /* emptied below, by the one before */
    /* (a word after بن read as an actor is a name: "زايد بن سلطان";
    ** emptied here, dropped below) */
    uint32_t end = courtesy_end(s, a, a->end);
    size_t y = x + 1;
    while (y < s->n_actors && s->actors[y].end <= end) y++;
    if (y >= s->n_actors || s->actors[y].start >= end) {
      for (uint32_t k = a->end; k < end; k++) s->ct[k].free = s->ct[k].honor = 1;
      a->end = end;
      for (size_t z = x + 1; z < y; z++) s->actors[z].end = s->actors[z].start;
    }
    uint32_t floor = x > 0 ? s->actors[x - 1].end : 0;
    uint32_t start = a->start;
    while (start > floor && honorific && honorific_at(s, start - 1)) start--;
    if (start < a->start) {
      a->start = start;
      a->cl0 = s->ct[start].nk ? s->ct[start].keys[0].cl : 0;
    }
  }
  /* "الشيخ جابر الأحمد الجابر الصباح أمير دولة الكويت", "الرئيس محمد
  ** حسني مبارك رئيس جمهورية مصر العربية": the office of the person
  ** named, a title of the same state and code in apposition right after
  ** the name (not joined by و nor behind a preposition), is the same
  ** actor (not "مكارثي البيت الأبيض": the object).  The office names its
  ** state by a state noun (state_head, state_noun), or the verb's object
  ** follows it ("فخامة الرئيس شريف شيخ أحمد رئيس الحكومة الانتقالية
  ** الصومالية الضيف التركي"): a title with the state's adjective after a
  ** name is the verb's object as often ("التقى الرئيس الروسي فلاديمير
  ** بوتين رئيس الوزراء الروسي في موسكو") */
  size_t w = 0;
  for (size_t x = 0; x < s->n_actors; x++) {
    const coder_actor *o = &s->actors[x];
    coder_actor *p = w > 0 ? &s->actors[w - 1] : NULL;
    if (o->end == o->start) continue;
    if (p && p->person && !o->person && o->country[0] && p->end == o->start &&
        !o->adj_only && !o->capital && coder_tok_is(s, o->start, CW_TITLE, false) &&
        !(o->cl0 & (TXT_CL_WA | TXT_CL_BI | TXT_CL_LI | TXT_CL_KA)) &&
        memcmp(p->country, o->country, 3) == 0 && coder_streq(p->code, o->code) &&
        (state_noun_in(s, o) || object_after(s, x))) {
      p->end = o->end;
      for (size_t y = x + 1; y < s->n_actors; y++)
        if (s->actors[y].group == o->group) s->actors[y].group = p->group;
      continue;
    }
    s->actors[w++] = *o;
  }
  s->n_actors = w;
}

/* Tokens a `*` gap skips for free: actor names (and a counterpart word
** right before one), dates, numbers, commas,
** quotes ("أطلق الحرس الثوري فجر الأربعاء أكثر من اثني عشر صاروخا":
** a count says how many, not what was done).  Numbers are also marked
** `count`; one-word places, with the place nouns before them ("مدينة
** حلب"), and instruments of force are marked `aside`, which gaps skip as
** well ("خرج آلاف الأكراد في عفرين والقامشلي في مظاهرات": where, not
** what; "فرقت قوات الأمن بالهراوات والغاز المسيل للدموع مئات
** المتظاهرين": with what). */
static void mark_free(coder_sent *s, const txt_sentence *ts, size_t di,
                      size_t ni) {
  mark_actors_free(s);
  mark_honorifics(s);
  const txt_doc *d = s->doc;
  for (size_t i = ni; i < d->n_numbers && d->numbers[i].sentence == s->index; i++)
    free_span(s, ts, d->numbers[i].tok_start, d->numbers[i].tok_count, true);
  for (size_t i = di; i < d->n_dates && d->dates[i].sentence == s->index; i++)
    free_span(s, ts, d->dates[i].tok_start, d->dates[i].tok_count, false);
  /* only punctuation, places and instruments take a mark here, and the
  ** list is in order: place_aside reads the marks of the tokens before k
  ** as a loop over every token would have left them */
  const uint32_t *mark_at = coder_visit(s, CODER_VISIT_MARK);
  for (uint32_t v = 0; v < s->n_visit[CODER_VISIT_MARK]; v++) {
    uint32_t k = mark_at[v];
    if (quote_mark(s->doc, &s->toks[k])) s->ct[k].free = s->ct[k].quote = 1;
    else if (s->ct[k].punct == 2) s->ct[k].free = 1;
    else if (!s->ct[k].free && place_word(s, k)) place_aside(s, k);
    else if (!s->ct[k].free && coder_tok_is(s, k, CW_INSTRUMENT, true))
      s->ct[k].aside = 1;
  }
}

/* Copy an actor code into a coder_ctx field (16 bytes, truncated). */
static void copy_code(char dst[16], const char *code) {
  size_t n = 0;   /* a byte loop: codes are a few bytes (see set_code) */
  for (; n < 15 && code[n]; n++) dst[n] = code[n];
  dst[n] = '\0';
}

/* ---- names a document teaches
** News names a person in full once ("السفيرة المغربية كريمة بنيعيش",
** "العقيد الركن تركي المالكي") and by the surname alone after ("قالت
** بنيعيش", "واتهم المالكي").  The surname then means that person for the
** rest of the document, before any other holder of the name in the
** dictionary (نوري المالكي), and even when the surname alone is too
** common a word to be listed (سعيد, الصدر, خان).  Learned: the last word
** (and a Chinese or Korean family name written first: "شي", "كيم")
** of a dictionary person named in two words or more, and the last of two
** or three words no dictionary knows right after an office holder's
** title (grammar class `title`). */

/* The key a name is known by: token k's shortest split that only drops
** و, ف or ال ("وحركة" -> حركه, "المالكي" -> مالكي); a group's head noun
** or a title by its reading in class `group_head` or `title` ("وزارة" ->
** وزاره, not و + زاره),
** which may also drop ب, ل or ك ("لتلحق بالمملكة العربية السعودية").
** NULL if none. */
static const char *name_key(const coder_sent *s, uint32_t k, bool head,
                            size_t *len) {
  const coder_tok *c = &s->ct[k];
  const char *best = NULL;
  unsigned drops = TXT_CL_WA | TXT_CL_FA | TXT_CL_AL |
                   (head ? TXT_CL_BI | TXT_CL_LI | TXT_CL_KA : 0);
  for (uint8_t j = 0; j < c->nk; j++)
    if (!(c->keys[j].cl & ~drops) &&
        (!head || dict_hits_is(&c->keys[j].hits, CW_GROUP_HEAD) ||
         dict_hits_is(&c->keys[j].hits, CW_TITLE)) &&
        (!best || c->keys[j].len < *len)) {
      best = c->keys[j].s;
      *len = c->keys[j].len;
    }
  return best;
}

/* Is token k a plain word outside any date, number or actor, in no
** grammar class: what a personal name may be made of? */
static bool plain_word(const coder_sent *s, uint32_t k) {
  if (k >= s->n) return false;
  const coder_tok *c = &s->ct[k];
  /* (a family name written first is a class word and still a name) */
  return c->nk && !c->punct && !c->free &&
         dict_cls_empty(dict_cls_minus(c->cls_any, dict_cls_one(CW_FAMILY_FIRST))) &&
         s->toks[k].kind == TXT_WORD;
}

/* Is token k a plain word no dictionary knows (a personal name)? */
static bool name_word(const coder_sent *s, uint32_t k) {
  if (!plain_word(s, k)) return false;
  for (uint8_t j = 0; j < s->ct[k].nk; j++)
    if (s->ct[k].keys[j].ok & CODER_K_ID) return false;
  return true;
}

/* Is token k a word that may be part of a personal name although a
** dictionary knows it ("رافائيل", "كوريا", "زوما"): a plain word that
** starts no event pattern or place (only actor names, if anything)? */
static bool surname_word(const coder_sent *s, uint32_t k) {
  if (!plain_word(s, k)) return false;
  for (uint8_t j = 0; j < s->ct[k].nk; j++)
    if (s->ct[k].keys[j].hits.n != s->ct[k].keys[j].hits.n_act) return false;
  return true;
}

static void learn_name(coder_ctx *ctx, const coder_sent *s, uint32_t k,
                       const char *code, bool head) {
  size_t len = 0;
  const char *key = name_key(s, k, head, &len);
  /* (a person's name may be learned before his state is known: "وزير
  ** الخارجية سيجي مايهارا", resolve_agents) */
  if (!key || len >= sizeof ctx->names[0].key || ctx->n_names >= CODER_MAX_NAMES ||
      (head && strncmp(code, "---", 3) == 0))
    return;
  for (size_t i = 0; i < ctx->n_names; i++)
    if (ctx->names[i].len == len && wa_bytes_eq(ctx->names[i].key, key, len)) {
      copy_code(ctx->names[i].code, code); /* the latest full mention wins */
      ctx->names[i].head = head;
      return;
    }
  coder_name *n = &ctx->names[ctx->n_names++];
  ctx->name_bits |= (uint64_t)1 << coder_name_bit(key, len);
  memcpy(n->key, key, len);
  n->key[len] = '\0';
  n->len = (uint8_t)len;
  n->head = head;
  copy_code(n->code, code);
}

/* Does token k end in a pronoun of the 3rd person (ـها, ـهم, ـهما)?  No
** personal name does ("لإبلاغها" after a name is no part of it). */
static bool pronoun_suffix(const coder_sent *s, uint32_t k) {
  if (k >= s->n) return false;
  const txt_token *w = &s->toks[k];
  return (w->norm_len >= 10 &&
          txt_tok_ends(s->doc, w, "\xd9\x87\xd9\x85\xd8\xa7")) ||  /* هما */
         (w->norm_len >= 8 &&
          (txt_tok_ends(s->doc, w, "\xd9\x87\xd8\xa7") ||            /* ها */
           txt_tok_ends(s->doc, w, "\xd9\x87\xd9\x85")));            /* هم */
}

/* Contract in coder.h (coder_title_name_end, whose gates passed). */
uint32_t coder_title_name_walk(const coder_sent *s, size_t x) {
  const coder_actor *a = &s->actors[x];
  /* ("نظيرها الياباني سيجي مايهارا": a counterpart holds an office too;
  ** so does a body's director, "المدير العام لصندوق النقد الدولي") */
  bool title = a->start > 0 && coder_tok_is(s, a->start - 1, CW_COUNTERPART, true);
  for (uint32_t k = a->start; k < a->end && !title; k++)
    title = coder_tok_is(s, k, CW_TITLE, true) || coder_tok_is(s, k, CW_OFFICE, true);
  uint32_t k = a->end;
  while (title && k < a->end + 3 &&
         (x + 1 >= s->n_actors || k < s->actors[x + 1].start) &&
         !coder_tok_has_clitic(s, k, TXT_CL_WA) && !pronoun_suffix(s, k) &&
         (name_word(s, k) || (k <= a->end + 1 && surname_word(s, k))))
    k++;
  if (!title || k < a->end + 2 || (k < s->n && name_word(s, k))) return 0;
  return k;
}

/* The name after an office holder joins the mention when it ends at a
** clause mark, a date or a number, or a second actor joined by و: the
** mention is then a person (learn_names learns the surname) and its
** words are free for the gaps, so "وقع الرئيس الكيني مواي كيباكي وزعيم
** المعارضة رايلا أودينغا الخميس اتفاقا" is one signing by the two.
** Before anything else the words may be the verb's object ("أكد الرئيس
** الأمريكي التزامه بدعم أوكرانيا"): the name is then only learned. */
static void name_office_holders(coder_sent *s) {
  for (size_t x = 0; x < s->n_actors; x++) {
    uint32_t k = coder_title_name_end(s, x);
    if (!k) continue;
    bool next_actor = x + 1 < s->n_actors && s->actors[x + 1].start == k;
    if (k < s->n && !s->ct[k].punct &&
        !(next_actor ? (s->actors[x + 1].cl0 & TXT_CL_WA) != 0 : s->ct[k].free))
      continue;
    coder_actor *a = &s->actors[x];
    for (uint32_t t = a->end; t < k; t++) s->ct[t].free = 1;
    a->end = k;
    a->person = 1;
    if (coder_joined(s, x + 1)) s->actors[x + 1].group = a->group;
  }
}

/* "الرئيس الصيني شي جين بينغ" ... "وقال شي": a Chinese or Korean name
** puts the family name (class `family_first`) first, and the document
** names the person by it later; learned from the words [from, end) of a
** name, when another word of the name follows it. */
static void learn_family_first(coder_ctx *ctx, const coder_sent *s,
                               uint32_t from, uint32_t end, const char *code) {
  for (uint32_t k = from; k + 1 < end; k++)
    if (coder_tok_is(s, k, CW_FAMILY_FIRST, true)) {
      learn_name(ctx, s, k, code, false);
      return;
    }
}

/* Does person mention a have a plain name word (name_word) before its
** last word: a given name, not only a title or a role? */
static bool given_name_before(const coder_sent *s, const coder_actor *a) {
  for (uint32_t k = a->start; k + 1 < a->end; k++)
    if (name_word(s, k)) return true;
  return false;
}

/* Learn the names sentence s introduces (after mark_free: dates and
** numbers are no names).  Returns the end of the last mention that
** taught one (0 if none). */
static uint32_t learn_names(const coder_sent *s, coder_ctx *ctx) {
  uint32_t taught = 0;
  for (size_t x = 0; x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    /* "سفيرة إستونيا لدى روسيا ..." ... "وقالت السفيرة": a title named
    ** with its state is that state's later, alone with the article */
    if (a->end - a->start >= 2 && coder_tok_is(s, a->start, CW_TITLE, true) &&
        coder_state_prefix(a->code))
      learn_name(ctx, s, a->start, a->code, true);
    /* Two checks keep a mention of a person already known from teaching
    ** a namesake.  `!a->surname`: a role and a one-word surname teach
    ** nothing ("الرئاسة الفلسطينية بخطاب أوباما" would teach أوباما as the
    ** Palestinians'; "الرئيس بيريز" too).  The known_name test below: a
    ** person of several words whose last is a name already known and whose
    ** words before it give no given name (of the open sets, only
    ** "نائب الرئيس الأمريكي جيه دي فانس زيلينسكي" needs it: its
    ** USAGOV->UKR 112 and five later events). */
    if (a->person && a->end - a->start >= 2 && !a->surname) {
      /* "الرئيس الفنزويلي كارلوس أندريس بيريز" ... "مع حكومة بيريز": a
      ** surname already learned, named again after a title or a role with
      ** no given name, is the person the article named; it teaches
      ** nothing (the dictionary's Peres would win as "the latest full
      ** mention").  A new given name, one no dictionary knows, is another
      ** person, who does. */
      if (known_name(s, ctx, a->end - 1, NULL) != NO_NAME && !given_name_before(s, a))
        continue;
      learn_name(ctx, s, a->end - 1, a->code, false);
      learn_family_first(ctx, s, a->start, a->end, a->code);
      taught = a->end;
      continue;
    }
    /* "حركة حماس", "جماعة الحوثي", "حزب الله": the head noun of a
    ** group's name, with the article, is that group later ("وأفرجت
    ** الحركة"); so is a head that has the article already, in a state's
    ** own name ("المملكة العربية السعودية" ... "طالب المملكة") or a
    ** group's ("الجبهة الشعبية لتحرير تيغراي" ... "وحثت الجبهة") */
    if (a->end - a->start >= 2 && coder_tok_is(s, a->start, CW_GROUP_HEAD, true)) {
      learn_name(ctx, s, a->start, a->code, true);
      /* so is a group's head inside a body of it ("مجلس جامعة الدول
      ** العربية" ... "تعليق مشاركتها في اجتماعات الجامعة") */
      for (uint32_t k = a->start + 1; k + 1 < a->end; k++)
        if (coder_tok_is(s, k, CW_GROUP_HEAD, true)) {
          learn_name(ctx, s, k, a->code, true);
          break;
        }
      taught = a->end;
      continue;
    }
    /* ... and so is a state's name inside a longer mention ("مقاتلات
    ** تحالف تقوده المملكة العربية السعودية"): its government */
    for (uint32_t k = a->start + 1; k + 1 < a->end && a->country[0]; k++)
      if (coder_tok_is(s, k, CW_STATE_HEAD, true) && coder_tok_definite(s, k)) {
        char gov[16];
        memcpy(gov, a->country, 3);
        memcpy(gov + 3, "GOV", 4);
        learn_name(ctx, s, k, gov, true);
        taught = a->end;
        break;
      }
    uint32_t end = coder_title_name_end(s, x);
    if (end) {
      learn_name(ctx, s, end - 1, a->code, false);
      learn_family_first(ctx, s, a->end, end, a->code);
      taught = end;
    }
  }
  return taught;
}

/* The index in ctx->names of the learned name token k is, or NO_NAME
** (an index, not a pointer, so that resolve_agents may rewrite the name
** it finds while apply_names only reads); *cl, when cl is not NULL, gets
** the clitic bits of the split that read the name (the ب of "بمبارك"). */
static inline size_t known_name(const coder_sent *s, const coder_ctx *ctx,
                                uint32_t k, uint8_t *cl) {
  const coder_tok *c = &s->ct[k];
  /* most tokens are none: see coder_name_bit */
  if (!(c->names & ctx->name_bits)) return NO_NAME;
  for (size_t i = 0; i < ctx->n_names; i++)
    for (uint8_t j = 0; j < c->nk; j++)
      if (c->keys[j].len == ctx->names[i].len &&
          wa_bytes_eq(c->keys[j].s, ctx->names[i].key, c->keys[j].len) &&
          (!ctx->names[i].head || (c->keys[j].ok & CODER_K_ART))) {
        if (cl) *cl = c->keys[j].cl;
        return i;
      }
  return NO_NAME;
}

/* A new actor at index x of s over tokens [start, end): a copy of tmpl
** (zeroed when NULL) in a group of its own, with the clitic bits of its
** first word's first split.  s->actors has room for one per token, so
** inserting never overflows it. */
static coder_actor *insert_actor(coder_sent *s, size_t x, const coder_actor *tmpl,
                                 uint32_t start, uint32_t end) {
  memmove(&s->actors[x + 1], &s->actors[x], (s->n_actors - x) * sizeof *s->actors);
  s->n_actors++;
  coder_actor *a = &s->actors[x];
  if (tmpl) *a = *tmpl;
  else memset(a, 0, sizeof *a);
  a->start = start;
  a->end = end;
  a->group = -1 - (int)start;
  a->cl0 = s->ct[start].nk ? s->ct[start].keys[0].cl : 0;
  return a;
}

/* "فيما دعا المتحدث باسمه دمشق": a spokesperson on behalf of a pronoun
** (باسمه، باسمها) speaks for the sentence's speaker, whatever it is (an
** organisation too); the words become an actor with its code, so the
** actor after them is no subject.  Runs after the name memory. */
static void spokesman_of_pronoun(coder_sent *s) {
  if (!coder_sent_has(s, CW_ISM, true)) return;   /* the loop's first test */
  for (uint32_t k = 1; k < s->n; k++) {
    if (!coder_tok_is(s, k, CW_ISM, true) || !coder_tok_has_clitic(s, k, TXT_CL_ENC) ||
        !coder_tok_is(s, k - 1, CW_TITLE, true))
      continue; /* (the test is cheap; the rare hit looks at the actors) */
    size_t x = 0;
    while (x < s->n_actors && s->actors[x].end <= k) x++;
    if (x > 0 && s->actors[x - 1].end > k - 1) continue; /* inside one */
    if (x < s->n_actors && s->actors[x].start <= k) continue;
    if (x == 0) continue;
    /* the speaker: the sentence's first actor that is no object of a
    ** preposition ("وفي باريس") nor a bare adjective: the subject of the
    ** main clause ("حمل البيت الأبيض حركة حماس مسؤولية ...، ودعا المتحدث
    ** باسمه") */
    size_t r = 0;
    while (r < x && (s->actors[r].adj_only ||
                     (s->actors[r].cl0 & (TXT_CL_BI | TXT_CL_LI)) ||
                     (s->actors[r].start > 0 &&
                      coder_tok_is(s, s->actors[r].start - 1, CW_PREP, false))))
      r++;
    if (r == x) continue;
    coder_actor speaker = s->actors[r];
    coder_actor *a = insert_actor(s, x, &speaker, k - 1, k + 1);
    a->person = 0;
    a->adj_only = 0;
  }
}

/* The first token k >= from of s that may be a learned name: whose
** names filter shares a bit with `bits` (known_name's first test), or
** s->n.  A loop of its own, with the filter and the tokens in
** registers: the loop of apply_names reloaded them for every token, and
** nearly every token fails here. */
static inline uint32_t next_name_token(const coder_sent *s, uint64_t bits,
                                       uint32_t k) {
  const coder_tok *ct = s->ct;
  uint32_t n = s->n;
  while (k < n && !(ct[k].names & bits)) k++;
  return k;
}

/* A surname alone in sentence s (a one-word person, or a word no actor
** covers) is the person the document named with it. */
static void apply_names(coder_sent *s, const coder_ctx *ctx, uint32_t from) {
  if (!ctx->n_names) return;
  size_t x = 0;
  /* known_name's filter first (next_name_token): nothing before
  ** known_name does more than skip the token, and x is only moved
  ** forward for the tokens looked at; the filter's bits do not change
  ** here (learn_name adds them, and apply_names teaches nothing) */
  for (uint32_t k = next_name_token(s, ctx->name_bits, from); k < s->n;
       k = next_name_token(s, ctx->name_bits, k + 1)) {
    while (x < s->n_actors && s->actors[x].end <= k) x++;
    bool inside = x < s->n_actors && s->actors[x].start <= k;
    /* ("ويعلن تضامنه مع حكومة بيريز" after "الرئيس الفنزويلي كارلوس
    ** أندريس بيريز": a one-word name after a role is the word alone) */
    bool one_word = inside && s->actors[x].end == k + 1 &&
                    (s->actors[x].start == k || s->actors[x].surname == 1);
    /* a one-word person, or a bare role with no state yet ("الحزب":
    ** PTY), may be a learned name */
    if (inside && !(one_word && (s->actors[x].person ||
                                 memcmp(s->actors[x].code, "---", 3) == 0)))
      continue;
    uint8_t cl = 0;
    size_t ni = known_name(s, ctx, k, &cl);
    if (ni == NO_NAME) continue;
    const coder_name *nm = &ctx->names[ni];
    if (inside && !s->actors[x].person && !nm->head) continue;
    /* "كيم داي جونغ" after "كيم جونغ إيل": a family name written first
    ** and followed by given names is another person of that family */
    if (coder_tok_is(s, k, CW_FAMILY_FIRST, true) && name_word(s, k + 1) &&
        name_word(s, k + 2))
      continue;
    if (!inside) {
      coder_actor *n = insert_actor(s, x, NULL, k, k + 1); /* a one-word actor */
      if (coder_tok_has_clitic(s, k, TXT_CL_WA)) n->cl0 |= TXT_CL_WA; /* "ومبارك" */
      /* "كما أجرى اتصالا هاتفيا بمبارك": the ب of the split that read
      ** the name makes it the call's other side, never its subject.  Not
      ** ل, unlike behind_prep: a learned name with ل is most often the one
      ** a speaker speaks for ("المتحدث العسكري للجماعة", "التابع
      ** للحركة"), the event's source (taking ل too lost 1 matched tuple
      ** and 4 coded on the 78 open sets) */
      n->cl0 |= cl & TXT_CL_BI;
      n->person = !nm->head;
    }
    /* the country follows the code (none for an organisation), as
    ** coder_actors sets it */
    coder_actor *a = &s->actors[x];
    copy_code(a->code, nm->code);
    a->country[0] = '\0';
    if (coder_state_prefix(a->code)) {
      memcpy(a->country, a->code, 3);
      a->country[3] = '\0';
    }
    /* "وحذر مرشد الجمهورية سماحة آية الله السيد علي خامنئي حركة طالبان"
    ** after "الجمهورية الإسلامية الإيرانية": a state's learned head (its
    ** government's code) before a person of that state, with at most
    ** four words no actor holds between (his honorifics), says whose
    ** office the person holds; the person is the one actor, not a
    ** second one the first would act on (a self-event, dropped) */
    if (!inside && nm->head && coder_role_in(a->code, "GOV") && x + 1 < s->n_actors &&
        s->actors[x + 1].start > k && s->actors[x + 1].start <= k + 5 &&
        coder_no_punct(s, k + 1, s->actors[x + 1].start) && s->actors[x + 1].person &&
        coder_streq(s->actors[x + 1].country, a->country)) {
      s->actors[x + 1].start = k;
      s->actors[x + 1].cl0 = a->cl0;
      memmove(&s->actors[x], &s->actors[x + 1], (s->n_actors - x - 1) * sizeof *s->actors);
      s->n_actors--;
      continue;
    }
    /* "وعقد كلينتون ومبارك": a learned name joined by و to the actor
    ** before it is in its compound */
    if (!inside && coder_joined(s, x)) a->group = s->actors[x - 1].group;
    /* "مع بالاثيو ونظيرها المغربي": so are the actors joined after it */
    if (!inside && coder_joined(s, x + 1)) {
      int old = s->actors[x + 1].group;
      for (size_t y = x + 1; y < s->n_actors && s->actors[y].group == old; y++)
        s->actors[y].group = a->group;
    }
    /* "لحكومة آرسي": a role word in construct with the learned name */
    if (x > 0 && construct_head(s, &s->actors[x - 1], a)) {
      a->start = s->actors[x - 1].start;
      a->group = s->actors[x - 1].group;
      memmove(&s->actors[x - 1], &s->actors[x], (s->n_actors - x) * sizeof *s->actors);
      s->n_actors--;
      x--;
    }
  }
}

typedef struct ccount {
  char cc[4];
  int n;
  size_t first;
} ccount;

/* The slot of state cc in cnt[0..*nc), added (count 0, first seen at
** `order`) when it is not there and there is room; *nc when there is
** none. */
static size_t count_slot(ccount *cnt, size_t *nc, size_t cap, const char *cc,
                         size_t order) {
  size_t k = 0;
  while (k < *nc && memcmp(cnt[k].cc, cc, 3) != 0) k++;
  if (k == *nc && *nc < cap) {
    memcpy(cnt[k].cc, cc, 4);
    cnt[k].n = 0;
    cnt[k].first = order;
    (*nc)++;
  }
  return k;
}

/* Is actor a the start of the mediators of a mediation trigger just
** before it ("توسطت فيها قطر ومصر", "بوساطة مصرية قطرية")? */
static bool mediators(const coder_sent *s, const coder_actor *a) {
  for (size_t k = 0; k < s->n_trigs; k++) {
    const coder_trig *t = &s->trigs[k];
    if (t->end <= a->start && a->start - t->end <= 1 &&
        coder_streq(dict_verb_at(s->dict, t->verb)->code, "045"))
      return true;
  }
  return false;
}

/* Remember, per state, the last actor of another state that made a
** statement about it, demanded of it, accused, rejected, threatened or
** attacked it (roots 01, 10-13, 18-20): coder_events answers that
** state's denial to it and aims its untargeted threats at its adversary. */
static void note_accusers(const wasit_dict *dict, coder_ctx *ctx,
                          const coder_ev *ce, size_t nce) {
  for (size_t k = 0; k < nce; k++) {
    const char *code = dict_verb_at(dict, ce[k].trig->verb)->code;
    if (!(memcmp(code, "01", 2) == 0 || (code[0] == '1' && code[1] <= '3') ||
          coder_violent_code(code)))
      continue;
    const char *by = ce[k].src_code, *to = ce[k].tgt_code;
    if (!to || !coder_state_prefix(by) || !coder_state_prefix(to) ||
        memcmp(by, to, 3) == 0)
      continue;
    size_t i = 0;
    while (i < ctx->n_accusers && memcmp(ctx->accusers[i].accused, to, 3) != 0)
      i++;
    if (i == CODER_MAX_ACCUSERS) i = 0; /* full: the oldest goes */
    if (i < ctx->n_accusers) { /* move to the end, newest */
      memmove(&ctx->accusers[i], &ctx->accusers[i + 1],
              (ctx->n_accusers - i - 1) * sizeof ctx->accusers[0]);
      ctx->n_accusers--;
    }
    coder_accuser *a = &ctx->accusers[ctx->n_accusers++];
    memcpy(a->accused, to, 3);
    a->accused[3] = '\0';
    copy_code(a->by, by);
  }
}

/* Remember where the article places its first international militant
** group (IMG: the Islamic State, al-Qaeda) named with a place: the state
** of the first actor with one that follows its preposition within four
** words of the same clause ("شنت مقاتلات فرنسية غارات على مواقع لتنظيم
** الدولة الإسلامية في مدينة الرقة بشمال سوريا", "لتنظيم «الدولة
** الإسلامية» في سوريا", "فرع تنظيم الدولة الإسلامية في أفغانستان"). */
static void note_militant_home(const coder_sent *s, coder_ctx *ctx) {
  for (size_t k = 0; k < s->n_actors && !ctx->militant_home[0]; k++) {
    if (strncmp(s->actors[k].code, "IMG", 3) != 0) continue;
    uint32_t e = s->actors[k].end;
    while (e < s->n && s->ct[e].quote) e++; /* the name's closing quote */
    if (e >= s->n || !coder_tok_is(s, e, CW_PREP, true)) continue;
    for (size_t x = k + 1; x < s->n_actors && s->actors[x].start <= e + 4; x++) {
      bool open = s->actors[x].start > e;
      for (uint32_t q = e; open && q < s->actors[x].start; q++) open = !s->ct[q].punct;
      if (open && coder_state_prefix(s->actors[x].code)) {
        memcpy(ctx->militant_home, s->actors[x].code, 3);
        break;
      }
    }
  }
}

/* Adds the state of code (its first three letters) to set, a list of
** cap states ended by the first "", unless it is there or the list is
** full. */
static void add_state(char (*set)[4], size_t cap, const char *code) {
  size_t j = 0;
  while (j < cap && set[j][0] && memcmp(set[j], code, 3) != 0) j++;
  if (j < cap && !set[j][0]) {
    memcpy(set[j], code, 3);
    set[j][3] = '\0';
  }
}

/* Remember the states sentence s names as a land where something is
** fought: an actor of a state whose first word follows a word of class
** locative ("شمال سوريا"), or a preposition of place with a word of
** force or deployment at most three words before it ("الضربات على
** أفغانستان", "نشر طائرات حربية في سوريا"); not a person, not a capital
** ("التقى بايدن ستارمر في لندن", "وصل إلى بريطانيا في زيارة": a visit or
** a meeting places no war there).  land_after: is token p such a word? */
static bool land_after(const coder_sent *s, uint32_t p, uint32_t end) {
  return (coder_tok_is(s, p, CW_LAND_PREP, false) &&
          coder_class_before(s, p, CW_LAND_FORCE, 3)) ||
         (coder_tok_is(s, p, CW_LOCATIVE, false) && p + 2 == end);
}

static void note_lands(const coder_sent *s, coder_ctx *ctx) {
  for (size_t k = 0; k < s->n_actors; k++) {
    const coder_actor *a = &s->actors[k];
    /* the word before the mention, or before its last word when the
    ** mention holds its place ("طائرات حربية في سوريا") */
    if (a->person || a->adj_only || a->capital || !a->country[0] ||
        a->start == 0 ||
        !(land_after(s, a->start - 1, a->end) ||
          (a->end >= a->start + 2 && land_after(s, a->end - 2, a->end))))
      continue;
    add_state(ctx->lands, CODER_MAX_LANDS, a->country);
  }
}

/* Remember who adopted or issued a document: the actor right after a
** verb of class `adopt`, not behind a preposition, with the document
** named at most three words before the verb ("ردا على بيان رئاسي أصدره
** مجلس الأمن الدولي") or within three words after the actor, no
** punctuation between ("واعتمد المجلس بالإجماع القرار"): not "نشرت
** الولايات المتحدة قوات" or "اتخذت الحكومة إجراءات", whose verbs adopt
** no text.  True when one was noted. */
static bool note_adopter(const coder_sent *s, coder_ctx *ctx) {
  if (!coder_sent_has(s, CW_ADOPT, true) || !coder_sent_has(s, CW_DOC_SUBJECT, true))
    return false;
  bool noted = false;
  for (size_t x = 0; x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (a->start == 0 || !coder_tok_is(s, a->start - 1, CW_ADOPT, true) ||
        (a->cl0 & (TXT_CL_LI | TXT_CL_BI)) || a->adj_only ||
        strncmp(a->code, "---", 3) == 0)
      continue;
    bool doc = coder_class_before(s, a->start - 1, CW_DOC_SUBJECT, 3) > 0;
    for (uint32_t k = a->end; !doc && k < s->n && k < a->end + 3 && !s->ct[k].punct; k++)
      doc = coder_tok_is(s, k, CW_DOC_SUBJECT, true);
    if (!doc) continue;
    copy_code(ctx->adopter, a->code);
    noted = true;
  }
  return noted;
}

/* Remember the states a sentence tells abstaining from or voting against
** a text: after a word of class `voted`, up to the next punctuation, the
** next such word, فيما/بينما or لصالح (a vote for: "صوتت فرنسا لصالح
** القرار بينما صوتت روسيا ضده"), the states before the first ballot word
** ("وامتنعت الصين والهند عن التصويت", "صوتت روسيا ضد مشروع قرار قدمته
** الولايات المتحدة": not the sponsor), or after it when it follows the
** word ("فيما صوتت ضده اليمن وكوبا وزيمبابوي"); with no ballot word, the
** states after a noun of dissent a count follows ("معارضة تسع دول بينها
** إسرائيل", "وامتناع أربعة أعضاء هم الولايات المتحدة والصين"). */
static void note_dissenters(const coder_sent *s, coder_ctx *ctx) {
  if (!coder_sent_has(s, CW_VOTED, false)) return;
  for (uint32_t k = 0; k < s->n; k++) {
    if (!coder_tok_is(s, k, CW_VOTED, false)) continue;
    uint32_t end = k + 1, ballot = 0;
    for (; end < s->n && !s->ct[end].punct && !coder_tok_is(s, end, CW_VOTED, false) &&
           !coder_tok_is(s, end, CW_MEANWHILE, false) &&
           !coder_tok_is(s, end, CW_BALLOT_FOR, true);
         end++)
      if (!ballot && coder_tok_is(s, end, CW_BALLOT, true)) ballot = end;
    uint32_t from = k + 1, to = ballot;
    if (ballot == k + 1) from = ballot + 1, to = end;
    else if (!ballot && coder_tok_is(s, k, CW_VOTE_COUNT, false) && coder_tok_count(s, k + 1))
      to = end;
    for (size_t x = 0; x < s->n_actors; x++) {
      const coder_actor *a = &s->actors[x];
      if (a->start < from || a->start >= to || !coder_state_prefix(a->code)) continue;
      add_state(ctx->dissenters, CODER_MAX_DISSENTERS, a->code);
    }
    k = end - 1;
  }
}

/* Remember the article's first compound of exactly three and of four
** actors of different states ("أعلنت مالي وبوركينا فاسو والنيجر",
** "وقعت قطر مع كل من السعودية والإمارات والبحرين ومصر"): what "الدول
** الثلاث" and "الدول الأربع" name later (members_of in events.c). */
static void many_states(const coder_sent *s, coder_ctx *ctx) {
  for (size_t j = 0; j < s->n_actors;) {
    size_t k = j;
    bool states = true;
    while (k < s->n_actors && s->actors[k].group == s->actors[j].group) {
      const coder_actor *a = &s->actors[k];
      states = states && !a->parties && !a->own && coder_state_prefix(a->code);
      for (size_t q = j; q < k && states; q++)
        states = memcmp(s->actors[q].code, a->code, 3) != 0;
      k++;
    }
    size_t n = k - j;
    if (states && (n == 3 || n == 4) && !ctx->many[n - 3][0][0])
      for (size_t q = 0; q < n; q++)
        memcpy(ctx->many[n - 3][q], s->actors[j + q].code, sizeof ctx->many[0][0]);
    j = k;
  }
}

/* Is cc (a state's 3 letters) one of the article's two principal states? */
static bool principal(const coder_ctx *ctx, const char *cc) {
  return cc[0] && (memcmp(cc, ctx->principal[0], 3) == 0 ||
                   memcmp(cc, ctx->principal[1], 3) == 0);
}

static void principal_pair(coder_sent *ss, size_t ns, coder_ctx *ctx,
                           ccount *cnt, size_t cap) {
  size_t nc = 0, order = 0, lead = 0;
  while (lead < ns && !ss[lead].n_actors) lead++; /* after page furniture */
  for (size_t i = 0; i < ns; i++)
    for (size_t j = 0; j < ss[i].n_actors; j++) {
      const coder_actor *a = &ss[i].actors[j];
      if (!a->from_count) continue;
      size_t k = count_slot(cnt, &nc, cap, a->country, order);
      if (k == nc) continue; /* no room */
      /* a member of a compound of two states ("أرمينيا وأذربيجان",
      ** "بين إسرائيل والفصائل"), or a word that names both states of
      ** a dyad ("الكوريتان"), names a party of the dyad: it weighs more
      ** than a mediator or a speaker named as often */
      int w = a->pair[0] ? 3 : 1;
      for (size_t o = 0; o < ss[i].n_actors && w == 1; o++)
        if (o != j && ss[i].actors[o].group == a->group &&
            ss[i].actors[o].from_count &&
            memcmp(ss[i].actors[o].country, a->country, 3) != 0)
          w = 3;
      size_t g0 = j; /* ... unless the compound are the mediators */
      while (g0 > 0 && ss[i].actors[g0 - 1].group == a->group) g0--;
      if (mediators(&ss[i], &ss[i].actors[g0])) w = 1;
      /* the lead names the news' protagonists: its actors count double */
      if (i == lead) w *= 2;
      cnt[k].n += w;
      order++;
      if (a->pair[0] && nc < cap) { /* its second state, once */
        cnt[count_slot(cnt, &nc, cap, a->pair, order)].n += w;
        order++;
      }
    }
  for (int p = 0; p < 2; p++) {
    int best = -1;
    for (size_t k = 0; k < nc; k++) {
      if (p == 1 && memcmp(cnt[k].cc, ctx->principal[0], 3) == 0) continue;
      if (best < 0 || cnt[k].n > cnt[best].n ||
          (cnt[k].n == cnt[best].n && cnt[k].first < cnt[best].first))
        best = (int)k;
    }
    if (best >= 0) {
      memcpy(ctx->principal[p], cnt[best].cc, 4);
      ctx->principal_weight[p] = cnt[best].n;
    }
  }
  /* the first compound of exactly two different actors of states ("الجيش
  ** السوداني وقوات الدعم السريع", "أرمينيا وأذربيجان") names the two
  ** parties; a pair of IGOs ("مجلس الأمن والاتحاد الأفريقي") or of
  ** mediators ("توسطت فيها قطر ومصر") does not, nor a pair outside the
  ** article's two principal states (the mediators thanked at its end) */
  for (size_t i = 0; i < ns && !ctx->parties[0][0]; i++)
    for (size_t j = 0; j + 1 < ss[i].n_actors && !ctx->parties[0][0]; j++) {
      const coder_actor *a = &ss[i].actors[j], *b = &ss[i].actors[j + 1];
      bool two = a->group == b->group && !a->parties && !b->parties &&
                 (j == 0 || ss[i].actors[j - 1].group != a->group) &&
                 (j + 2 >= ss[i].n_actors || ss[i].actors[j + 2].group != a->group);
      if (two && principal(ctx, a->country) && principal(ctx, b->country) &&
          !mediators(&ss[i], a) &&
          !coder_streq(a->code, b->code)) {
        memcpy(ctx->parties[0], a->code, sizeof ctx->parties[0]);
        memcpy(ctx->parties[1], b->code, sizeof ctx->parties[1]);
      }
    }
  for (size_t i = 0; i < ns; i++)
    many_states(&ss[i], ctx);
}

/* Is dt a bare year after the publication year ("قبل انتهاء ولايته عام
** 2016", "بحلول عام 2030")?  A deadline or term a statement names; the
** report itself is not dated by it. */
static bool later_year(const txt_doc *d, const txt_date *dt) {
  return dt->precision == TXT_DATE_YEAR && d->doc_year && dt->year > d->doc_year;
}

/* Does year-only date dt describe the noun before it rather than date
** the sentence ("اتفاق وقف إطلاق النار الموقع عام 1991")?  True when the
** word right before it carries the article and is no preposition. */
static bool attributive(const txt_doc *d, const txt_date *dt) {
  if (dt->precision != TXT_DATE_YEAR || dt->tok_start == 0) return false;
  const txt_token *w = &d->tokens[dt->tok_start - 1];
  if (w->kind != TXT_WORD || w->norm_len < 6) return false;
  const char *n = txt_tok_norm(d, w);
  return memcmp(n, "\xd8\xa7\xd9\x84", 4) == 0; /* ال */
}

/* How many words before date dt, in its clause and at most `reach`
** back, is the nearest word of class `cls`; 0 if none. */
static uint32_t class_before_date(const coder_sent *s, const txt_sentence *ts,
                                  const txt_date *dt, int cls, uint32_t reach) {
  if (dt->tok_start < ts->tok_start) return 0;
  return coder_class_before(s, dt->tok_start - ts->tok_start, cls, reach);
}

/* Does date dt, a day written as an ordinal ("السابع من أكتوبر": a word
** first and من in it), name an event together with the noun before it
** ("مجزرة السابع من أكتوبر", "هجمات الحادي عشر من سبتمبر") rather than
** date the sentence?  The noun has no article and is an event noun
** (day_event); a day word, an object or a place there ("يوم", "ليلة",
** "قصفت إسرائيل غزة الخامس من سبتمبر") leaves the date the sentence's. */
static bool named_day(const coder_sent *s, const txt_sentence *ts,
                      const txt_date *dt) {
  if (dt->tok_start <= ts->tok_start || dt->tok_count < 3) return false;
  uint32_t i = dt->tok_start - ts->tok_start;
  if (s->toks[i].kind != TXT_WORD ||
      !coder_tok_word(s, i + 1, "\xd9\x85\xd9\x86")) /* من */
    return false;
  uint32_t p = i - 1;
  return !coder_tok_definite(s, p) && coder_tok_is(s, p, CW_DAY_EVENT, false);
}

/* Is date dt inside a relative clause of sentence s: a relative pronoun
** at most six words before it in its clause ("الخط الأحمر الذي حددته
** باريس في مايو الماضي")?  Such a date belongs to what the clause
** describes, not to the sentence's event. */
static bool in_relative(const coder_sent *s, const txt_sentence *ts,
                        const txt_date *dt) {
  return class_before_date(s, ts, dt, CW_REL, 6) > 0;
}

/* Does token k look like a definite participle or verbal noun of a
** derived verb: الم + at least two more letters ("المدان", "المفروض")? */
static bool definite_participle(const coder_sent *s, uint32_t k) {
  const txt_token *w = &s->toks[k];
  return w->norm_len >= 10 &&
         memcmp(txt_tok_norm(s->doc, w), "\xd8\xa7\xd9\x84\xd9\x85", 6) == 0; /* الم */
}

/* Does year date dt, opening with a word ("عام 1971", "العام الماضي")
** after a definite noun that is no participle of the form الم-, date the
** act of a sentence that opens with a pluperfect ("وكانت إيران قد سيطرت
** على الجزر الثلاث عام 1971", "وكانت باكستان قد انسحبت من الكومنولث عام
** 1972")?  Such a sentence tells background, and the year is when its act
** happened, not a description of the noun before it (attributive:
** "الموقع عام 1991").  A year after a word of what the act is about
** (grammar class about: "احتجاجا على تصريحات الرئيس الفرنسي حول
** الاستعمار الفرنسي عام 1830") belongs to that topic. */
static bool pluperfect_year(const coder_sent *s, const txt_sentence *ts,
                            const txt_date *dt) {
  if (dt->precision != TXT_DATE_YEAR || dt->tok_start <= ts->tok_start + 3) return false;
  uint32_t at = dt->tok_start - ts->tok_start;
  if (s->toks[at].kind != TXT_WORD || definite_participle(s, at - 1) ||
      !coder_tok_is(s, 0, CW_WAS, false))
    return false;
  bool qad = false;
  for (uint32_t k = 1; k < at; k++) {
    if (!qad && s->ct[k].punct) return false;
    if (coder_tok_is(s, k, CW_QAD, false)) qad = true;
    else if (qad && coder_tok_is(s, k, CW_ABOUT, false)) return false;
  }
  return qad;
}

/* Is date dt inside an aside set off by commas that opens with a
** definite participle ("للقنطار، المدان بقتل أربعة إسرائيليين عام
** 1979، بأنها"), or has one after its first two words ("، العميل
** الروسي المدان ..."), and opens at most twelve words before the date?
** The aside describes a person or thing; its date is not the
** sentence's. */
static bool in_aside(const coder_sent *s, const txt_sentence *ts,
                     const txt_date *dt) {
  if (dt->tok_start < ts->tok_start) return false;
  uint32_t i = dt->tok_start - ts->tok_start, open = UINT32_MAX;
  for (uint32_t k = 1; k <= 12 && k <= i && open == UINT32_MAX; k++) {
    if (s->ct[i - k].punct == 1) return false;
    if (s->ct[i - k].punct == 2) open = i - k;
  }
  if (open == UINT32_MAX) return false;
  /* the participle opens the aside or follows its noun and adjective
  ** ("، العميل الروسي المدان بقتل معارض شيشاني في برلين عام 2019،") */
  bool participle = false;
  for (uint32_t k = open + 1; k <= open + 3 && k < i && !participle; k++)
    participle = definite_participle(s, k);
  if (!participle) return false;
  for (uint32_t k = i + dt->tok_count; k < s->n; k++) /* closed by a comma */
    if (s->ct[k].punct) return s->ct[k].punct == 2;
  return false;
}

/* Does date dt date another event the sentence names after منذ, two to
** five words before it in its clause ("في أول زيارة ... منذ اندلاع الأزمة
** في يونيو 2017")?  Right after منذ a date is when the act told began
** ("لقصف أذري منذ الثلاثاء الماضي 13 سبتمبر"): the sentence's date; but
** a bare year there dates a state of affairs ("الحصار المفروض على
** الجزيرة منذ عام 1962"), not the act. */
static bool since_date(const coder_sent *s, const txt_sentence *ts,
                       const txt_date *dt) {
  uint32_t k = class_before_date(s, ts, dt, CW_SINCE, 5);
  return k >= 2 || (k == 1 && dt->precision == TXT_DATE_YEAR);
}

/* Does date dt end more than HISTORICAL_DAYS before document d's date? */
static bool before_window(const txt_doc *d, const txt_date *dt) {
  return d->doc_year && day_end(d->doc_year, d->doc_month, d->doc_day) -
                                day_end(dt->year, dt->month, dt->day) > HISTORICAL_DAYS;
}

/* Is noun trigger t what a span of a week or more followed: "بعد/إثر
** [نحو|أكثر من] أسابيع|أشهر|عام من" right before it ("بعد أسابيع من القمة
** التاريخية بين الكوريتين", "إثر أسابيع من المفاوضات الشاقة")?  It began
** that long before the act the sentence reports. */
static bool after_lapse(const coder_sent *s, const coder_trig *t) {
  uint32_t i = t->start;
  if (t->verbal || i < 3 || !coder_sent_has(s, CW_LAPSE, false) ||
      !coder_tok_word(s, i - 1, "\xd9\x85\xd9\x86") || /* من */
      !coder_tok_is(s, i - 2, CW_LAPSE, false))
    return false;
  for (uint32_t k = 3; k <= 5 && k <= i; k++) {
    if (s->ct[i - k].punct) return false;
    if (coder_tok_is(s, i - k, CW_TEMPORAL, false) || coder_tok_is(s, i - k, CW_CAUSE, false))
      return true;
  }
  return false;
}

/* Is noun trigger t what a series of rounds of talks was made of:
** "جولات [at most two words] من" right before it, with no punctuation
** between, and t a talks noun (consultation, 04: "استضافت جولات سابقة من
** المحادثات بين الجانبين", "بعد عشر جولات من المحادثات بين الطرفين منذ
** أكتوبر الماضي")?  Rounds of talks held over months are the background
** of the news, like a span of weeks before the noun (after_lapse); the
** round the article reports is one ("جولة جديدة من المفاوضات").  Rounds
** called new ("جولات جديدة من المحادثات") are not past but the news, and
** so are rounds of fighting ("شهدت المدينة أمس جولات من القتال"): a
** fight told in rounds is told as it happens. */
static bool series_of_rounds(const coder_sent *s, const coder_trig *t) {
  uint32_t i = t->start;
  if (t->verbal || i < 2 || !coder_sent_has(s, CW_ROUNDS, false) ||
      !coder_tok_word(s, i - 1, "\xd9\x85\xd9\x86") || /* من */
      coder_root_num(dict_verb_at(s->dict, t->verb)->code) != 4)
    return false;
  for (uint32_t k = 2; k <= 4 && k <= i; k++) {
    if (s->ct[i - k].punct || coder_tok_is(s, i - k, CW_FRESH, false)) return false;
    if (coder_tok_is(s, i - k, CW_ROUNDS, false)) return true;
  }
  return false;
}

/* Unless token k is a number, true; if it is (the year of "منذ عام
** 2019"), whether it is before the publication year, as dated_apart asks
** of a year after منذ: an act since this year is news. */
static bool earlier_year(const coder_sent *s, uint32_t k) {
  if (k >= s->n || s->toks[k].kind != TXT_NUM) return true;
  return s->toks[k].value < s->doc->doc_year;
}

/* Does "منذ سنوات|أشهر|عقود" follow verb trigger t within four words,
** with no punctuation (a quotation mark too), participle or relative
** pronoun between ("وتتهم إسرائيل طهران منذ سنوات بتسليح", "حيث يعتصم
** الآلاف منذ أسابيع")?  An act kept up that long, like one since an
** earlier year (dated_apart).  After a noun the span mostly belongs to a
** superlative ("أعنف جولة من القتال بين البلدين منذ عامين"): the act is
** new. */
static bool for_years(const coder_sent *s, const coder_trig *t) {
  if (!t->verbal || !coder_sent_has(s, CW_LAPSE, false)) return false;
  for (uint32_t k = t->end; k + 1 < s->n && k <= t->end + 4; k++) {
    if (coder_tok_is(s, k, CW_SINCE, false))
      return coder_tok_is(s, k + 1, CW_LAPSE, false) && earlier_year(s, k + 2);
    if (s->toks[k].kind == TXT_PUNCT || definite_participle(s, k) ||
        coder_tok_is(s, k, CW_REL, false))
      return false;
  }
  return false;
}

/* Is trigger t of sentence s (ts) dated apart from its sentence, before
** the news window, by a date of its own that follows it?  Two shapes:
**   - t is the verb of a relative clause (الذي/التي at most four words
**     before it) and the clause's date follows within eight words, with
**     no punctuation between ("صور رفيق الحريري الذي اغتيل في 14 فبراير
**     الماضي", "اتفاق البلدات الأربع، الذي رعته قطر وإيران أواخر الشهر
**     الماضي"): the sentence's date skips such a date (in_relative), so
**     the clause's act would take the report's;
**   - a year before the publication year after منذ follows within four
**     words, or inside the trigger, with no participle or relative
**     clause between ("وتطالب البوليساريو منذ عام 1975 باستقلال", "يذكر
**     أن الحرب بين الطرفين أودت منذ عام 1986"): an act kept up since an
**     earlier year is a state of affairs, not the week's news.  After a
**     participle the year dates that participle ("رفع الحصار المفروض
**     على الجزيرة منذ عام 1962");
** and without a date, a verbal noun after a span of weeks or more
** (after_lapse) or after rounds (series_of_rounds) and a verb followed
** by منذ and such a span (for_years).
** first_date is the index of the sentence's first date in the document's
** (dates are in sentence order). */
static bool dated_apart(const coder_sent *s, const txt_sentence *ts,
                        size_t first_date, const coder_trig *t) {
  if (after_lapse(s, t) || for_years(s, t) || series_of_rounds(s, t)) return true;
  const txt_doc *d = s->doc;
  bool relative = coder_class_before(s, t->start, CW_REL, 4) > 0;
  for (size_t x = first_date; x < d->n_dates && d->dates[x].sentence == s->index; x++) {
    const txt_date *dt = &d->dates[x];
    if (dt->tok_start < ts->tok_start) continue;
    uint32_t at = dt->tok_start - ts->tok_start;
    if (at < t->start) continue;
    /* unmarked: no punctuation between (quotes too); clear: nor a
    ** participle or relative pronoun */
    bool unmarked = true, clear = true;
    for (uint32_t k = t->end; k < at && unmarked; k++) {
      unmarked = s->toks[k].kind != TXT_PUNCT;
      clear = clear && !definite_participle(s, k) && !coder_tok_is(s, k, CW_REL, false);
    }
    if (!unmarked) continue;
    if (relative && at <= t->end + 8 && in_relative(s, ts, dt) && before_window(d, dt))
      return true;
    bool since = coder_tok_is(s, at, CW_SINCE, false) ||
                 (at > 0 && coder_tok_is(s, at - 1, CW_SINCE, false));
    if (since && clear && dt->precision == TXT_DATE_YEAR && dt->year < d->doc_year &&
        at <= t->end + 4)
      return true;
  }
  return false;
}

/* The violent event with a known doer nearest to event i (the closest
** before it, else the closest after it), or n when the article has none. */
static size_t told_violence(const wasit_event *evs, size_t n, size_t i) {
  size_t best = n;
  for (size_t j = 0; j < n; j++) {
    if (j == i || !coder_violent_code(evs[j].root) ||
        strncmp(evs[j].source, "---", 3) == 0)
      continue;
    if (j < i) best = j;
    else if (best == n) return j;
    else break;
  }
  return best;
}

/* An article names an attack again after telling it ("منددة بالعدوان
** الأمريكي", "أدانت روسيا الضربات الأمريكية", "وأسفر القصف عن مقتل"): a
** violent event with no target whose source state has an event of the
** same root with a target in the article, or one with no known doer when
** the article has a violent event with a known doer, is that event
** mentioned again; drop it.  The casualties a dropped doerless event
** carries ("وأسفرت المواجهات عن مقتل أربعة فلسطينيين") move to the told
** event nearest to it, unless that one has counts of its own: then the
** doerless event stays, so that no count is lost.  Keeps the order of the
** others and sets *count to how many are left.  Returns WASIT_OK or
** WASIT_ENOMEM (the marks live in the arena). */
static int drop_mentions(wasit_event *evs, size_t *count, wa_arena *ar) {
  size_t n = *count;
  bool *drop = arena_calloc(ar, n ? n : 1, sizeof *drop);
  if (!drop) return WASIT_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    const wasit_event *e = &evs[i];
    if (coder_violent_code(e->root) && !e->target && strncmp(e->source, "---", 3) != 0)
      for (size_t j = 0; j < n && !drop[i]; j++)
        drop[i] = j != i && evs[j].target && coder_streq(evs[j].root, e->root) &&
                  strncmp(evs[j].source, e->source, 3) == 0;
    /* "اقتحم محتجون غاضبون مقر السفارة وأضرموا النار في أجزاء منه": the
    ** fire protesters set is part of the protest the sentence tells (a
    ** 14x event of the same source); CAMEO codes the protest, not a
    ** destruction of property (1712) besides it */
    for (size_t j = 0; j < n && !drop[i] && coder_streq(e->code, "1712"); j++)
      drop[i] = evs[j].sentence == e->sentence && coder_streq(evs[j].root, "14") &&
                strncmp(evs[j].source, e->source, 3) == 0;
    /* and a violent act with its doer unknown ("--- -> USA", "--- ->
    ** none": the dead of "وأسفرت المواجهات عن مقتل أربعة فلسطينيين" are
    ** victims, not a party; "وأصيب 12 شخصا بجروح") when the article codes
    ** a violent act (18-20) with a known doer: the violence it tells */
    if (drop[i] || !coder_violent_code(e->root) || strncmp(e->source, "---", 3) != 0)
      continue;
    size_t k = told_violence(evs, n, i);
    if (k == n) continue;
    bool counted = e->killed != WASIT_COUNT_NONE || e->wounded != WASIT_COUNT_NONE;
    if (counted && (evs[k].killed != WASIT_COUNT_NONE || evs[k].wounded != WASIT_COUNT_NONE))
      continue;
    if (counted) {
      evs[k].killed = e->killed;
      evs[k].wounded = e->wounded;
    }
    drop[i] = true;
  }
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (!drop[i]) evs[w++] = evs[i];
  *count = w;
  return WASIT_OK;
}

/* Do a and b, codes or bare states, share their state's 3 letters? */
static bool same_state(const char *a, const char *b) {
  return memcmp(a, b, 3) == 0;
}

/* An arrest, a curfew, a ban or violent repression (172x, 173, 175)
** that names no one is done at home: it is aimed at the doer's own state
** ("وأعلنت وزارة الداخلية اليمنية اعتقال عدد من الأشخاص", "واعتقلت الشرطة
** البريطانية ثلاثة منهم"), not at the other state the article is about.
** (The sentence's place as the target gained as much and lost a flotilla
** seized at sea.)  An army may be abroad, so it is left to the rules
** below.  Runs before dyad_targets and concern_targets. */
static void custody_targets(wasit_event *evs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    wasit_event *e = &evs[i];
    if (e->target || !coder_state_prefix(e->source) ||
        !(strncmp(e->code, "172", 3) == 0 || coder_streq(e->code, "173") ||
          coder_streq(e->code, "175")))
      continue;
    if (!coder_role_in(e->source, "MIL"))
      e->target = e->source; /* its 3 letters name the state */
  }
}

/* A pledge that names no one, in a sentence that names no other state
** ("تعهد المجلس الأعلى للقوات المسلحة بإنهاء العمل بحالة الطوارئ",
** "متعهدا باحترام جميع الالتزامات الدولية لموريتانيا"), is a promise
** about the pledger's own affairs: it is aimed at its own state, not at
** the other state the article is about.  A pledge in a sentence that
** names another state or "both" is left to the rules below ("تعهدت
** الحركة بمنع ... لتهديد أمن الولايات المتحدة").  A demand, a
** criticism, a rejection or a threat (10-13) that names no one by the
** opposition, rebels, protesters, a party or a cleric is taken as a
** pledge is ("فيما رفض تحالف المعارضة ما وصفه بالانقلاب الدستوري", "رفض
** المعتصمون الاتفاق"): they answer their own rulers' act (a
** government's such act is as often aimed abroad; a protest, 14, has no
** target unless one is named).
** Runs before dyad_targets and concern_targets. */
static void pledge_targets(wasit_event *evs, size_t n, const coder_sent *ss) {
  for (size_t i = 0; i < n; i++) {
    wasit_event *e = &evs[i];
    if (e->target || !coder_state_prefix(e->source) ||
        !(coder_streq(e->pattern, "intent.v") ||
          (strncmp(e->root, "10", 2) >= 0 && strncmp(e->root, "13", 2) <= 0 &&
           coder_role_in(e->source, "OPP REB CVL PTY REL"))))
      continue;
    const coder_sent *s = &ss[e->sentence];
    bool other = false;
    for (size_t x = 0; x < s->n_actors && !other; x++)
      other = s->actors[x].parties ||
              (s->actors[x].country[0] && !same_state(s->actors[x].country, e->source));
    if (!other) e->target = e->source; /* its 3 letters name the state */
  }
}

/* The other of the article's two principal states p0, p1 when state cc
** is one of them (p0 first), else NULL: whom a principal's act that
** names no one is aimed at (dyad_targets, release_targets,
** war_self_targets). */
static const char *other_principal(const char *p0, const char *p1,
                                   const char *cc) {
  if (same_state(cc, p0)) return p1;
  if (same_state(cc, p1)) return p0;
  return NULL;
}

/* Is event i the other side of an earlier event of the same words
** (a meeting both ways, a visit and its hosting): one act, not two? */
static bool answers_earlier(const wasit_event *evs, size_t i) {
  if (!evs[i].target) return false;
  for (size_t j = i; j-- > 0 && evs[j].sentence == evs[i].sentence;)
    if (evs[j].target && same_state(evs[j].source, evs[i].target) &&
        same_state(evs[j].target, evs[i].source) &&
        strcmp(evs[j].trigger, evs[i].trigger) == 0)
      return true;
  return false;
}

/* An article about two states (its principal pair, with at least two
** events passing between them; statements, which name whomever they
** mention, and mediations, whose mediator is a third party, do not
** count, nor the other side of one act: a meeting coded both ways is
** one) tells what either does naming no one as aimed at the other
** ("ودفعت الخرطوم بتعزيزات" in an article on the Sudan-Ethiopia border).
** Left alone: statements (01), whose target is what their content
** concerns (events.c); appeals (02) and praise (05), addressed to third
** parties or everyone; protests (14), whose target is named or none;
** the acts of an opposition, rebels, police, judges or civilians, done
** at home (15 won, 3 lost on the 51 open sets).  Nor is a story about
** one state (coder_one_state) a dyad, unless the two states traded
** hostility both ways (conflict events, quad classes 3-4, each way):
** there the second state is a mediator, a host or a state blamed in
** passing ("نشر الجيش الروسي دبابات في شوارع موسكو" in a mutiny that
** Belarus mediated), and what the first does naming no one is done at
** home (domestic_targets; 10 won in 7 articles, 2 lost on the 57 open
** sets).
** The target is the bare state (ctx->principal: it lives as long as the
** result); its target_text stays NULL. */
static void dyad_targets(wasit_event *evs, size_t n, const coder_ctx *ctx) {
  const char *p0 = ctx->principal[0], *p1 = ctx->principal[1];
  if (!coder_state_prefix(p0) || !coder_state_prefix(p1)) return;
  int forth = 0, back = 0;
  bool hostile_forth = false, hostile_back = false;
  for (size_t i = 0; i < n; i++)
    if (evs[i].target && !coder_streq(evs[i].code, "045") &&
        !coder_streq(evs[i].root, "01") && !answers_earlier(evs, i)) {
      bool conflict = coder_quad_class(evs[i].root) >= 3;
      if (same_state(evs[i].source, p0) && same_state(evs[i].target, p1)) {
        forth++;
        hostile_forth |= conflict;
      } else if (same_state(evs[i].source, p1) && same_state(evs[i].target, p0)) {
        back++;
        hostile_back |= conflict;
      }
    }
  /* "كوناكري - ... ودانت فرنسا ...، وعلقت باريس تعاونها العسكري": acts
  ** of a foreign state on the dateline's state that the latter never
  ** returns are reactions to a domestic story, not a dyad */
  const char *home = ctx->dateline;
  if (forth + back < 2 || (coder_one_state(ctx) && !(hostile_forth && hostile_back)) ||
      (home[0] && ((same_state(home, p0) && !forth) || (same_state(home, p1) && !back))))
    return;
  for (size_t i = 0; i < n; i++) {
    wasit_event *e = &evs[i];
    if (e->target || (e->mode & CODER_MODE_AIMLESS) || coder_streq(e->root, "01") ||
        coder_streq(e->root, "02") || coder_streq(e->root, "05") || coder_streq(e->root, "14"))
      continue;
    /* "وطالبت أحزاب المعارضة المولدوفية بإجراء تحقيق": an opposition,
    ** rebels, police, judges or civilians act at home; what they do
    ** naming no one is not aimed at the other state of the dyad
    ** (domestic_targets may aim it at their own state) */
    if (coder_role_in(e->source, "OPP COP JUD CVL REB")) continue;
    const char *other = other_principal(p0, p1, e->source);
    if (other) e->target = other;
  }
}

/* Did the article's two principal states fight: an event of force
** (18-20) or of de-escalation (087x: a truce, a ceasefire, a withdrawal,
** which end a fight) from one to the other, told as a fact or reported,
** not background? */
static bool principals_fought(const wasit_event *evs, size_t n, const char *p0,
                              const char *p1) {
  for (size_t i = 0; i < n; i++)
    if ((coder_violent_code(evs[i].root) || strncmp(evs[i].code, "087", 3) == 0) &&
        evs[i].target &&
        !(evs[i].mode & WASIT_MODE_HISTORICAL) &&
        ((same_state(evs[i].source, p0) && same_state(evs[i].target, p1)) ||
         (same_state(evs[i].source, p1) && same_state(evs[i].target, p0))))
      return true;
  return false;
}

/* In an article about two states that fought each other
** (principals_fought), a statement (01) or a threat (13) by one of them
** aimed at its own state is aimed at the other.  Its content names the
** speaker's own side ("قال أردوغان إن تركيا لن ترضخ للتهديدات", "مؤكدا
** أن مصر تحتفظ بحق الرد"), or threat_targets or domestic_targets found
** no one else and aimed it at home; in a war between the two, the
** speaker's word is about the other, as the gold codes it (15 won in 14
** articles, 4 lost on the 69 open sets; with force alone as the sign of
** a fight, 12 won and 4 lost).  Not in a story about one state
** (coder_one_state), whose second state is often a mediator or an
** outsider; not a rebel's word ("وقالت الجبهة الشعبية لتحرير تيغراي إن
** ..."), which is about its war at home; not accusations (11), which are
** as often an opposition's at home (3 won, 5 lost).  Runs after
** domestic_targets.  The target is the bare state, as in dyad_targets. */
static void war_self_targets(wasit_event *evs, size_t n, const coder_ctx *ctx) {
  const char *p0 = ctx->principal[0], *p1 = ctx->principal[1];
  if (!coder_state_prefix(p0) || !coder_state_prefix(p1) || coder_one_state(ctx) ||
      !principals_fought(evs, n, p0, p1))
    return;
  for (size_t i = 0; i < n; i++) {
    wasit_event *e = &evs[i];
    if (!e->target || !same_state(e->target, e->source) ||
        !(coder_streq(e->root, "01") || coder_streq(e->root, "13")) ||
        coder_role_in(e->source, "REB"))
      continue;
    const char *other = other_principal(p0, p1, e->source);
    if (!other) continue;
    e->target = other;
    e->target_text = NULL;
  }
}

/* A release (084x: of prisoners, hostages, a crew, a ship) that names no
** one, by one of the article's two principal states, frees the other's
** people or goods ("أفرجت جماعة الحوثي عن طاقم السفينة", "أطلقت موسكو
** سراح غراينر"): it is aimed at the other state (7 won in 6 articles,
** none lost on the 69 open sets).  Unlike dyad_targets this needs no
** other event between the two: the freed are the link.  Not a release
** by police or an opposition ("وأفرجت الشرطة المصرية عن 20 ناشطا
** معارضا"): like their other acts (dyad_targets), it is done at home.
** Rebels, judges and civilians are not skipped: rebels and judges free
** the other state's people ("أفرجت جماعة الحوثي عن طاقم السفينة"; 6
** lost on the 69 open sets when they were skipped), and civilians are
** the source only of an exchange miscoded (1 lost).  Runs after
** domestic_targets, which keeps a release at home in a domestic story. */
static void release_targets(wasit_event *evs, size_t n, const coder_ctx *ctx) {
  const char *p0 = ctx->principal[0], *p1 = ctx->principal[1];
  if (!coder_state_prefix(p0) || !coder_state_prefix(p1)) return;
  for (size_t i = 0; i < n; i++) {
    wasit_event *e = &evs[i];
    if (e->target || strncmp(e->code, "084", 3) != 0 ||
        coder_role_in(e->source, "OPP COP"))
      continue;
    e->target = other_principal(p0, p1, e->source);   /* NULL: none */
  }
}

/* The one state that state cc struck (force, 18-20, not background) in
** the article up to sentence `upto`, its own side aside; NULL if none or
** several. */
static const char *struck_by(const wasit_event *evs, size_t n, const char *cc,
                             int upto) {
  const char *hit = NULL;
  for (size_t i = 0; i < n && evs[i].sentence <= upto; i++) {
    const wasit_event *e = &evs[i];
    if (!coder_violent_code(e->root) || !e->target || (e->mode & WASIT_MODE_HISTORICAL) ||
        !same_state(e->source, cc) || same_state(e->target, cc) ||
        !coder_state_prefix(e->target))
      continue;
    if (hit && !same_state(hit, e->target)) return NULL;
    hit = e->target;
  }
  return hit;
}

/* A statement (01) that names no one, made by a state that has struck
** one other state earlier in the article or in the same sentence ("شنت
** طائرات حربية كينية غارات على معسكرين لحركة الشباب في الصومال ... وقال
** المتحدث باسم الجيش الكيني إن الغارات دمرت المعسكرين"), is the
** striker's word on its strike: it is aimed at the state struck, as the
** gold codes it (6 won in 6 articles, 2 lost on the 69 open sets; with a
** strike told anywhere in the article, 7 won and 5 lost: a later strike
** is another matter).  Not a rebel's word, nor a statement inside another
** speech act's account (drop_continued_statements drops those). */
static void striker_statements(wasit_event *evs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    wasit_event *e = &evs[i];
    if (e->target || !coder_streq(e->root, "01") || (e->mode & WASIT_MODE_REPORTED) ||
        !coder_state_prefix(e->source) || coder_role_in(e->source, "REB"))
      continue;
    const char *hit = struck_by(evs, n, e->source, e->sentence);
    if (hit) e->target = hit;
  }
}

/* Does event i's act have state cc among its doers: an event of the same
** trigger in the same sentence with a source of cc ("وأبدت مصر والأردن
** استعدادهما")?  Such a member acts with cc, not towards it. */
static bool acts_with(const wasit_event *evs, size_t n, size_t i, const char *cc) {
  for (size_t j = 0; j < n; j++)
    if (j != i && evs[j].sentence == evs[i].sentence &&
        coder_streq(evs[j].code, evs[i].code) && same_state(evs[j].source, cc) &&
        strcmp(evs[j].trigger, evs[i].trigger) == 0)
      return true;
  return false;
}

/* Is statement i (not itself reported) one whose reported clause tells
** what the speaker's own side does, naming no one else: an act of the
** speaker's state in the same sentence, reported, with no target or its
** own state ("وقال وزير الخارجية النرويجي إن بلاده ستواصل دعم العملية
** السلمية", "قالت فرنسا إن باريس ستبقى إلى جانب مالي")?  Run before the
** reported act itself is given a target below. */
static bool own_side_told(const wasit_event *evs, size_t n, size_t i) {
  if (evs[i].mode & WASIT_MODE_REPORTED) return false;
  for (size_t j = 0; j < n; j++)
    if (j != i && evs[j].sentence == evs[i].sentence &&
        (evs[j].mode & WASIT_MODE_REPORTED) && same_state(evs[j].source, evs[i].source) &&
        (!evs[j].target || same_state(evs[j].target, evs[i].source)))
      return true;
  return false;
}

/* The doer of the violence (18-20) the article tells against its
** principal state p0: the source of its first such event, told as a fact
** (not reported, not historical), by a state other than p0 and other than
** `by`; NULL if none.  "اقتحمت الشرطة الإكوادورية السفارة المكسيكية ...
** ودانت البرازيل ما جرى": the condemnation is of the raid's doer
** (BRA->ECU), not of the state it struck (7 won in 5 articles, none
** lost on the 51 open sets; with 17 and reported acts as violence it
** took a sanction for the attack). */
static const char *attacker_of(const wasit_event *evs, size_t n, const char *p0,
                               const char *by) {
  for (size_t j = 0; j < n; j++)
    if (coder_violent_code(evs[j].root) && coder_state_prefix(evs[j].source) &&
        evs[j].target && same_state(evs[j].target, p0) &&
        !same_state(evs[j].source, p0) && !same_state(evs[j].source, by) &&
        !(evs[j].mode & (WASIT_MODE_HISTORICAL | WASIT_MODE_REPORTED)))
      return evs[j].source;
  return NULL;
}

/* Does the article name state `code` as a land (note_lands)?  Not by
** its dateline alone: a Paris story of France and Germany vowing war on
** the group does not place the group in France. */
static bool named_land(const coder_ctx *ctx, const char *code) {
  if (!code[0]) return false;
  for (size_t j = 0; j < CODER_MAX_LANDS && ctx->lands[j][0]; j++)
    if (same_state(ctx->lands[j], code)) return true;
  return false;
}

/* The gold codes an international militant group (IMG) by the state
** where it fights, never as IMG: the Islamic State in Syria is SYR, its
** Khorasan branch in Afghanistan AFG (a condemnation of the branch's
** attack on Kabul airport is USA->AFG 11).  That state is the one the
** article places the group in (note_militant_home); when it places it
** nowhere and the event's other party is one of the article's two
** principal states, the other of the two ("قصفت طائراتها أهدافا لتنظيم
** الدولة الإسلامية" in a Russia-Syria story is RUS->SYR), if the article
** names it as a land (named_land: "إرسال قوات جوية روسية إلى سوريا"; in
** a Britain-US story of the Manchester bombing the group fights in
** neither's land as far as the article tells: "ستواصل بريطانيا الحرب على
** تنظيم الدولة الإسلامية" stays GBR->IMG); else the group stays IMG. */
static void militant_states(wasit_event *evs, size_t n, const coder_ctx *ctx) {
  for (size_t i = 0; i < n; i++) {
    bool src = strncmp(evs[i].source, "IMG", 3) == 0;
    bool tgt = evs[i].target && strncmp(evs[i].target, "IMG", 3) == 0;
    if (!src && !tgt) continue;
    const char *home = ctx->militant_home;
    const char *other = src ? evs[i].target : evs[i].source;
    if (!home[0] && other) {
      home = same_state(other, ctx->principal[0])   ? ctx->principal[1]
             : same_state(other, ctx->principal[1]) ? ctx->principal[0]
                                                    : "";
      if (!named_land(ctx, home)) continue;
    }
    if (!coder_state_prefix(home)) continue;
    /* the group's foe at home ("قصف الجيش السوري مواقع لتنظيم الدولة
    ** الإسلامية في شرق سوريا"): its home would put one state on both
    ** sides, a self-event to a scorer that compares states (SYRMIL->SYR),
    ** which push's check of whole codes lets through; the group stays IMG */
    if (other && same_state(other, home)) continue;
    if (src) evs[i].source = home;
    if (tgt) evs[i].target = home;
  }
}

/* Is sentence s, in a story about one state, aside from it: opened by a
** topic change ("وفي سياق منفصل، قال الرئيس الأمريكي ...", "على صعيد
** آخر"), as a roundup's next item is?  Its statements speak of something
** else.  (The speaker's own state named in the reported clause is no such
** sign: "قال إيشيبا إن طوكيو تتابع الوضع" is about the story.) */
static bool aside_sentence(const coder_sent *s) {
  for (uint32_t k = 0; k + 1 < s->n && k < 4; k++)
    if (coder_tok_is(s, k, CW_TOPIC_HEAD, true) &&
        coder_tok_is(s, k + 1, CW_OTHER_TOPIC, false))
      return true;
  return false;
}

/* A concern or warning (012), an offer or intent (03), a consultation
** (04), aid (07), a demand (10), a condemnation (11), a threat (13), a
** show of force (15), a cut in relations (16) or force (18-20) that
** names no one ("أعربت الخارجية الأمريكية عن قلقها إزاء التقارير",
** "أبدت استعدادها للمساعدة", "أرسلت مساعدات إنسانية", "طالب مكتب الأمم
** المتحدة بإجراء تحقيق", "علقت كوستاريكا المشاورات", "دان الرئيس
** البرازيلي المحاولة", "وقصفه من قبل القوات الفرنسية"), by an outsider,
** is aimed at the article's principal state: the situation the article
** reports.  A condemnation goes to the doer of the violence against the
** principal state when the article tells one (attacker_of).
** Statements (01), appeals (02) and praise (05) that name no one: in a
** story about two states the gold convention leaves an outsider's
** comment, call or welcome untargeted (measured: aiming them at the
** principal state lost 33, 8 and 68 matched tuples on the open sets),
** but a statement that tells what the speaker's own side does
** (own_side_told: "قال وزير الخارجية النرويجي إن بلاده ستواصل دعم
** العملية السلمية") is the speaker's word on the situation, aimed at the
** principal state (16 won, 5 lost on the 51 open sets).  In a story
** about one state (coder_one_state: a coup, a domestic crisis), an
** outsider's appeal ("دعا الأمين العام للأمم المتحدة جميع الأطراف إلى
** الحوار": 23 won in 22 articles, 9 lost on the 57 open sets) and
** statement ("وقال الأمين العام للأمم المتحدة إنه قلق من التطورات",
** "أعلن رئيس المنظمة أنها ستساعد في تنظيم انتخابات": 30 won in 28
** articles, 7 lost on the 75 open sets) are addressed to that state,
** unless its sentence is aside from the story (aside_sentence). */
static void concern_targets(wasit_event *evs, size_t n, const coder_ctx *ctx,
                            const coder_sent *ss) {
  const char *p0 = ctx->principal[0];
  if (!coder_state_prefix(p0)) return;
  bool one_state = coder_one_state(ctx);
  for (size_t i = 0; i < n; i++)
    if (!evs[i].target && (coder_streq(evs[i].code, "012") ||
                           (one_state && coder_streq(evs[i].root, "01") &&
                            !aside_sentence(&ss[evs[i].sentence])) ||
                           (one_state && coder_streq(evs[i].root, "02")) ||
                           (coder_streq(evs[i].root, "01") && own_side_told(evs, n, i)) ||
                           coder_streq(evs[i].root, "10") ||
                           coder_streq(evs[i].root, "11") ||
                           coder_violent_code(evs[i].root) ||
                           coder_streq(evs[i].root, "16") ||
                           coder_streq(evs[i].root, "03") ||
                           coder_streq(evs[i].root, "04") ||
                           coder_streq(evs[i].root, "07") ||
                           coder_streq(evs[i].root, "13") ||
                           coder_streq(evs[i].root, "15")) &&
        !same_state(evs[i].source, p0) && strncmp(evs[i].source, "---", 3) != 0 &&
        !acts_with(evs, n, i, p0)) {
      /* a condemnation is of the doer of the violence against p0, when
      ** the article tells one */
      const char *doer = coder_streq(evs[i].root, "11")
                             ? attacker_of(evs, n, p0, evs[i].source)
                             : NULL;
      evs[i].target = doer ? doer : p0;
    }
}

/* A domestic story codes its state's acts that name no one as aimed at
** that state: arrests of unnamed people, a curfew, an appeal to
** supporters, protests, clashes with rebels ("أعلنت السلطات البرازيلية
** اعتقال نحو 1500 شخص", "دعا حزب العمال أنصاره إلى التظاهر").  The gold
** convention codes domestic politics with the state on both sides.  A
** story is domestic for its principal state when its dateline is in that
** state, or, with no dateline, when that state is mentioned at least
** twice as much as any other.  A statement naming no one there speaks
** of the state's own affairs ("وقال رئيس الوزراء إن ..."; the sets' gold
** codes it X->X about as often as X->none: +13 and -10 matched, fewer
** tuples in all).  A rejection that names no one by a source of the
** state other than its government (GOV), such as its opposition, rebels,
** protesters or parties, answers the government at home ("رفض تحالف
** المعارضة ما وصفه بالانقلاب الدستوري", "رفض المحتجون فتح الطريق",
** "رفضت حركة الإنصاف قرار المحكمة": 6 won, 2 lost on the 51 open
** sets).  Left alone: a rejection by the government other than
** of a reform demand (123): "ورفض عون دعوات إلى إجراء تحقيق دولي"
** rejects a call, not the state (the gold leaves it untargeted; aiming
** these at home too won 5 more and lost 4); a cut in
** relations (16), which is foreign policy; with no dateline to place
** the story, force by the state's government or army (18-20), which may
** be abroad ("شنت مقاتلات هندية غارات").
** Runs after dyad_targets and concern_targets, which aim such acts at
** another state when the story has one. */
static void domestic_targets(wasit_event *evs, size_t n, const coder_ctx *ctx) {
  const char *p0 = ctx->principal[0];
  if (!coder_state_prefix(p0)) return;
  if (ctx->dateline[0] ? !same_state(ctx->dateline, p0)
                       : ctx->principal_weight[0] < 2 * ctx->principal_weight[1])
    return;
  for (size_t i = 0; i < n; i++) {
    const wasit_event *e = &evs[i];
    if (e->target || (e->mode & CODER_MODE_AIMLESS) || !same_state(e->source, p0) ||
        coder_streq(e->root, "16") ||
        (coder_streq(e->root, "12") && strncmp(e->code, "123", 3) != 0 &&
         coder_role_in(e->source, "GOV")))
      continue; /* (a government's rejection: see above) */
    if (coder_violent_code(e->root) && !ctx->dateline[0] &&
        coder_role_in(e->source, "GOV MIL"))
      continue;
    /* "اعتقلت قوات الاحتلال عشرة شبان في نابلس": force done in
    ** another state's place (not a protest, nor words: a statement's
    ** place is where it was said) is aimed at that state, not at home */
    bool abroad = e->location && coder_quad_class(e->root) == 4 &&
                  !coder_streq(e->root, "14") &&
                  coder_state_prefix(e->location->country) &&
                  !same_state(e->location->country, p0);
    evs[i].target = abroad ? e->location->country : p0;
  }
}

/* Drop each statement (01) that names no one inside another speech act's
** account: mode reported, i.e. after the sentence's first speech verb and
** in no new main clause ("نفت أثينا أن تكون قد سلمت أوجلان، وقال المتحدث
** باسم الحكومة إن بلاده لم تشارك في أي صفقة", "قال وزير الدفاع التركي إن
** المسؤولين الروس أكدوا لأنقرة").  The sentence's statement is its first
** speech act, which is coded; the second goes on with it or is reported
** within it, and the gold codes it in 4 of 36 cases over the 69 open
** sets.  Run after every target rule, so that what is dropped is what
** stayed untargeted.  Keeps the others' order. */
static void drop_continued_statements(wasit_event *evs, size_t *count) {
  size_t w = 0;
  for (size_t i = 0; i < *count; i++)
    if (evs[i].target || !coder_streq(evs[i].root, "01") ||
        !(evs[i].mode & WASIT_MODE_REPORTED))
      evs[w++] = evs[i];
  *count = w;
}

/* Give event e the CAMEO code `code` (five bytes, NUL-padded, as in
** dict_verb and dict_cameo) with its root, quad class and Goldstein value:
** when it is made from its trigger's verb, and when a later rule recodes
** it (foreign_sanctions). */
static void event_set_code(wasit_event *e, const char code[5], double goldstein) {
  memcpy(e->code, code, sizeof e->code);
  memcpy(e->root, code, 2);
  e->root[2] = '\0';
  e->quad_class = coder_quad_class(code);
  e->goldstein = goldstein;
}

/* An administrative sanction (172, 1721, 1722) aimed at another state,
** its diplomats, firms or citizens is a sanction against that state (163):
** "وفرض قيود جديدة على تنقل الدبلوماسيين الكوبيين", "علقت وزارة الاتصالات
** العراقية رخصة عمل شركة إريكسون السويدية", "قررت الإمارات ... منع
** مواطنيها من السفر إليه".  CAMEO's 172 is what a government imposes at
** home; the article sets code such acts 16, like recalling an ambassador.
** Curfews and emergencies (1723, 1724) are left alone: aimed abroad they
** are a wrong target, not a sanction.  Run after every target rule, so
** that the target is final. */
static void foreign_sanctions(wasit_event *evs, size_t n, const wasit_dict *dict) {
  const dict_cameo *sanction = dict_cameo_find(dict, "163");
  if (!sanction) return;
  for (size_t i = 0; i < n; i++) {
    wasit_event *e = &evs[i];
    if (!(coder_streq(e->code, "172") || coder_streq(e->code, "1721") ||
          coder_streq(e->code, "1722")) ||
        !e->target || !coder_state_prefix(e->source) ||
        !coder_state_prefix(e->target) || same_state(e->source, e->target))
      continue;
    event_set_code(e, sanction->code, sanction->goldstein);
  }
}

/* Does sentence s open with a place set off by a dash and a colon, as
** the items of a roundup do ("- كوناكري: قتل شخصان", "- الرياض:
** استقبل")?  Then the actor or place right after the dash (a capital
** is read as its government) names the item's state: written to cc. */
static bool colon_lead(const coder_sent *s, char cc[4]) {
  if (!coder_tok_word(s, 0, "-")) return false;
  uint32_t k = 1;
  while (k < 4 && k < s->n && s->toks[k].kind == TXT_WORD) k++;
  if (k == 1 || !coder_tok_word(s, k, ":")) return false;
  if (s->place && s->place_tok == 1)
    memcpy(cc, s->place->loc.country, 3);
  else if (s->n_actors && s->actors[0].start == 1 && s->actors[0].end <= k &&
           s->actors[0].country[0])
    memcpy(cc, s->actors[0].country, 3);
  else
    return false;
  cc[3] = '\0';
  return true;
}

/* The state of the place sentence s opens with as its dateline
** ("كينشاسا - ...", "- كوناكري: ..."), written to cc, when the sentence
** tells something (not a breadcrumb).  set_off: only a dateline set off by
** a dash or a colon (a headline that opens with a place, "واشنطن تجمد
** مساعداتها", is none).  A line that is only a dateline ("عدن - خاص - 31
** يناير 2018 -") tells nothing but has one. */
static bool dateline_of(const coder_sent *s, bool set_off, char cc[4]) {
  if (s->n_actors + s->n_trigs == 0 && !s->dateline_line) return false;
  if (colon_lead(s, cc)) return true;
  if (s->dateline_state[0] && !(s->place && s->place_tok == 0)) {
    memcpy(cc, s->dateline_state, 4);
    return true;
  }
  if (!s->place || s->place_tok != 0 || (set_off && !coder_dateline_end(s)))
    return false;
  memcpy(cc, s->place->loc.country, 3);
  cc[3] = '\0';
  return true;
}

/* Does sentence s (ts) open with a story's dateline: one the text layer
** cut off before it ("بيشاور (باكستان) -", "16:20 - عاجل |") or a place
** set off by a dash or a colon that it keeps ("كينشاسا - ...")?  Only a
** sentence that tells something has one, as in dateline_of: what is left
** of a publication line ("09:30") dates no story.  A line that is only a
** dateline ("عدن - خاص - 31 يناير 2018 -") is one. */
static bool story_dateline(const txt_sentence *ts, const coder_sent *s) {
  char cc[4];
  if (s->dateline_line) return true;
  if (s->n_actors + s->n_trigs == 0) return false;
  return ts->line_lead == TXT_HEAD_CUT || dateline_of(s, true, cc);
}

/* Is sentence s (ts) a line that titles a page of several stories: a
** word of class `roundup` first ("نشرة الظهيرة", "باختصار:"), or one of
** class `news` second or third after words only ("أبرز الأخبار", "جولة
** في أخبار العالم")?  Read before the page's first dateline only: a
** story's own lines may tell of news. */
static bool roundup_title(const txt_sentence *ts, const coder_sent *s) {
  if (ts->line_lead == TXT_MID_LINE || !s->n) return false;
  if (coder_tok_is(s, 0, CW_ROUNDUP, false)) return true;
  for (uint32_t k = 1; k < 3 && k < s->n; k++)
    if (coder_tok_is(s, k, CW_NEWS, false)) return coder_no_punct(s, 0, k);
  return false;
}

/* How sentence s may start a new story of a page of several (a roundup:
** "جولة في أخبار العالم", "نشرة الظهيرة", "باختصار"), each an item from
** another country with its own actors: as a sub-heading, a line of a
** symbol and at most four words with no trigger ("■ بنغلاديش", "■ كوريا
** الجنوبية"; a bulleted line that tells an act goes on with its story),
** or as a line that opens with a dateline.  The caller splits at a
** sub-heading once the story so far has told something, and at a
** dateline once the story so far has had its own.  The page's items are
** unrelated: who the story's principal states are, what "البلدين" names
** and whom an untargeted act is aimed at are read within the item.  Only
** a page titled as a roundup is so split (roundup_title): a single story
** has its sections ("■ ردود دولية"), a second bureau's dateline
** ("نيويورك - دعا الأمين العام ... الطرفين") and reactions led by a
** capital ("- واشنطن: دعت الخارجية الأمريكية الطرفين"), all about its
** own parties. */
enum { NO_ITEM, HEADED_ITEM, DATED_ITEM };
static int opens_item(const txt_sentence *ts, const coder_sent *s) {
  if (ts->line_lead == TXT_MID_LINE || !s->n) return NO_ITEM;
  if (s->toks[0].kind == TXT_OTHER && s->n <= 5 && !s->n_trigs)
    return HEADED_ITEM;
  return story_dateline(ts, s) ? DATED_ITEM : NO_ITEM;
}

/* Does a sentence of ss[0 .. ns) other than ss[skip] name state cc: an
** actor of that state or a place in it? */
static bool story_names(const coder_sent *ss, size_t ns, size_t skip,
                        const char *cc) {
  for (size_t i = 0; i < ns; i++) {
    if (i == skip) continue;
    if (ss[i].place && same_state(ss[i].place->loc.country, cc)) return true;
    for (size_t k = 0; k < ss[i].n_actors; k++)
      if (coder_same_state(ss[i].actors[k].country, cc)) return true;
  }
  return false;
}

/* The context of the story of sentences ss[0 .. ns): its dateline, its
** principal states and its parties (principal_pair).  A live page's
** entry ("16:20 - واشنطن: ...") dates none but itself.  A dateline on a
** line of its own is read only when the story names its state too: an
** exile's bulletin sets where it is written there ("دمشق - 14 آذار
** (مارس) 1991 - «نشرة الانتفاضة»" over a story of Iraq), and the roles
** the story leaves stateless are not of that state. */
static void story_context(coder_sent *ss, size_t ns, coder_ctx *ctx) {
  for (size_t i = 0; i < ns && !ctx->dateline[0]; i++)
    if (!ss[i].live_entry && dateline_of(&ss[i], false, ctx->dateline) &&
        ss[i].dateline_line && !story_names(ss, ns, i, ctx->dateline))
      ctx->dateline[0] = '\0';
  ccount cnt[64];
  principal_pair(ss, ns, ctx, cnt, 64);
}

/* Make the source of event ce[k], every member of its compound (the
** events of its trigger), the article's violent doers (ctx->violent_doer,
** replaced). */
static void note_violent_doers(coder_ctx *ctx, const coder_ev *ce, size_t nce, size_t k) {
  memset(ctx->violent_doer, 0, sizeof ctx->violent_doer);
  size_t nd = 0;
  for (size_t j = k; j < nce && ce[j].trig == ce[k].trig && nd < CODER_MAX_DOERS; j++) {
    bool seen = strncmp(ce[j].src_code, "---", 3) == 0;
    for (size_t q = 0; q < nd && !seen; q++)
      seen = coder_streq(ctx->violent_doer[q], ce[j].src_code);
    if (!seen) copy_code(ctx->violent_doer[nd++], ce[j].src_code);
  }
}

/* Pass 2 over the sentences [from, to) of one story, with its context
** ctx: agents resolved, events coded and appended to *evs (*n_evs of them,
** room for *cap).  False when out of memory. */
static bool code_story(wasit_coder *c, coder_sent *ss, const wasit_sentence *ws,
                       const txt_date **own_date, size_t from, size_t to,
                       coder_ctx *ctx, wasit_event **evs, size_t *n_evs,
                       size_t *cap) {
  const txt_doc *d = &c->doc;
  size_t ni = 0, first_date = 0;
  for (size_t i = from; i < to; i++) {
    coder_sent *s = &ss[i];
    while (first_date < d->n_dates && d->dates[first_date].sentence < i) first_date++;
    /* whose "القرار" a state rejecting it answers (events.c): the
    ** article's first international body so far (its own sentence too),
    ** or a court named since with its state, whose verdict is then the
    ** one in view ("وأصدرت المحكمة العليا في باكستان حكما").  Read before
    ** resolve_agents: a bare "المحكمة" refers back to a court already
    ** named, whatever state it is then given.  A court named first does
    ** not keep the article's first IGO, named later, from the body */
    for (size_t k = 0; k < s->n_actors; k++) {
      const char *code = s->actors[k].code;
      bool first_igo = !ctx->igo_named && strncmp(code, "IGO", 3) == 0;
      /* (the role first: few actors are courts, and both are pure) */
      if (first_igo || (coder_role_in(code, "JUD") && coder_state_prefix(code)))
        copy_code(ctx->body, code);
      ctx->igo_named |= first_igo;
    }
    resolve_agents(s, ctx);
    note_militant_home(s, ctx);
    note_lands(s, ctx);
    note_dissenters(s, ctx);
    bool adopted = note_adopter(s, ctx);
    casualties(s, &d->sentences[i], &ni, &s->killed, &s->wounded);
    if (coder_sent_has(s, CW_CASUALTY, true)) s->casualty_words = true;
    int killed = s->killed, wounded = s->wounded;
    ctx->toll_told |= killed > 0 || wounded > 0 || s->casualty_words;
    coder_ev *ce;
    size_t nce;
    if (coder_events(s, ctx, &c->ar, &ce, &nce)) return false;
    ctx->prev = s;
    if (!nce) continue;
    /* a source newer than the adopter speaks for the documents after
    ** it ("انتقدت الحكومة الإيرانية في بيان ... ودعا البيان") */
    if (strncmp(ce[0].src_code, "---", 3) != 0) {
      copy_code(ctx->last_source, ce[0].src_code);
      if (!adopted) ctx->adopter[0] = '\0';
    }
    note_accusers(c->dict, ctx, ce, nce);
    for (size_t k = 0; k < nce; k++) {
      int root = coder_root_num(dict_verb_at(c->dict, ce[k].trig->verb)->code);
      if (root >= 1 && root <= 20 && coder_state_prefix(ce[k].src_code))
        memcpy(ctx->doer_by_root[root - 1], ce[k].src_code, 3);
    }
    /* "وكانت الحركة قد تبنت الهجوم": whoever claims the attack is its
    ** doer, whatever force the article told first (the siege ended by
    ** the army, the reprisal raids); the first claim only */
    for (size_t k = 0; k < nce && !ctx->claimed_doer; k++)
      if (coder_attack_claim(s, ce[k].trig, ce[k].src_code) &&
          (coder_state_prefix(ce[k].src_code) || strncmp(ce[k].src_code, "IMG", 3) == 0)) {
        note_violent_doers(ctx, ce, nce, k);
        ctx->claimed_doer = true;
      }
    for (size_t k = 0; k < nce && !ctx->violent_doer[0][0]; k++)
      if (coder_hostile_code(dict_verb_at(c->dict, ce[k].trig->verb)->code) &&
          strncmp(ce[k].src_code, "---", 3) != 0)
        note_violent_doers(ctx, ce, nce, k);
    const txt_date *td = own_date[i];
    bool hist = td && before_window(d, td);
    for (size_t k = 0; k < nce; k++) {
      const coder_ev *e = &ce[k];
      const dict_verb *v = dict_verb_at(c->dict, e->trig->verb);
      if (!arena_grow(&c->ar, (void **)evs, cap, *n_evs + 1, sizeof **evs))
        return false;
      wasit_event *ev = &(*evs)[(*n_evs)++];
      memset(ev, 0, sizeof *ev);
      ev->sentence = (int)i;
      memcpy(ev->date, ws[i].date, sizeof ev->date);
      ev->source = e->src_code;
      ev->target = e->tgt_code;
      ev->source_text = e->src ? orig_span(&c->ar, d, s->toks, e->src->start, e->src->end) : NULL;
      ev->target_text = e->tgt ? orig_span(&c->ar, d, s->toks, e->tgt->start, e->tgt->end) : NULL;
      ev->trigger = orig_span(&c->ar, d, s->toks, e->trig->start, e->trig->end);
      event_set_code(ev, v->code, v->goldstein);
      ev->location = s->place ? &s->place->loc : NULL;
      /* counts of dead and wounded belong to events that harm people:
      ** assault, fight, mass violence (18-20), violent protest (145x)
      ** and violent repression (175) */
      bool violent = coder_violent_code(v->code) ||
                     strncmp(v->code, "145", 3) == 0 ||
                     coder_streq(v->code, "175");
      ev->killed = violent ? killed : WASIT_COUNT_NONE;
      ev->wounded = violent ? wounded : WASIT_COUNT_NONE;
      ev->mode = e->mode | (hist || dated_apart(s, &d->sentences[i], first_date, e->trig)
                                ? WASIT_MODE_HISTORICAL : 0);
      /* "ومن المقرر أن يجتمع البرلمان الثلاثاء": a plan for a bare weekday
      ** that fell before publication is for the next one */
      if ((ev->mode & WASIT_MODE_FUTURE) && td && td->bare_weekday &&
          ymd(td->year, td->month, td->day) < ctx->doc_date) {
        int y, m, dd;
        txt_days_later(td->year, td->month, td->day, 7, &y, &m, &dd);
        date_str(ev->date, y, m, dd, TXT_DATE_DAY);
      }
      ev->pattern = dict_verb_at(s->dict, e->trig->fired)->id;
      if (!ev->trigger || (e->src && !ev->source_text)) return false;
    }
  }
  return true;
}

/* The rules over a story's events, doc_evs[e0 .. *n_evs) of the
** document's *n_evs, after pass 2: attacks named again dropped,
** untargeted acts given targets.  False when out of memory. */
static bool finish_story(wasit_coder *c, wasit_event *doc_evs, size_t *n_evs,
                         size_t e0, const coder_sent *ss, const coder_ctx *ctx) {
  size_t n = *n_evs - e0;
  if (!n) return true;   /* (doc_evs is NULL while no story has events) */
  wasit_event *evs = doc_evs + e0;
  if (drop_mentions(evs, &n, &c->ar) != WASIT_OK) return false;
  custody_targets(evs, n);
  pledge_targets(evs, n, ss);
  dyad_targets(evs, n, ctx);
  concern_targets(evs, n, ctx, ss);
  domestic_targets(evs, n, ctx);
  release_targets(evs, n, ctx);
  war_self_targets(evs, n, ctx);
  striker_statements(evs, n);
  drop_continued_statements(evs, &n);
  foreign_sanctions(evs, n, c->dict);
  militant_states(evs, n, ctx);
  for (size_t i = 0; i < n; i++) evs[i].mode &= ~CODER_MODE_AIMLESS;
  *n_evs = e0 + n;
  return true;
}

/* Contract in wasit.h. */
int wasit_coder_run(wasit_coder *c, const wasit_doc *doc,
                    const wasit_result **out, wasit_error *err) {
  if (!c || !doc || !out || (!doc->text && doc->text_len))
    return WA_ERR(err, WASIT_EINVAL, "coder_run: bad arguments");
  *out = NULL;
  arena_reset(&c->ar);
  memset(&c->res, 0, sizeof c->res);
  txt_doc *d = &c->doc;
  int rc = txt_analyze_memo(d, &c->ar, c->tmemo, doc->text ? doc->text : "",
                            doc->text_len, doc->date, err);
  if (rc) return rc;
  coder_memo_doc(c->memo);   /* the last document's keys are done with */
  coder_ctx *ctx = &c->ctx;
  memset(ctx, 0, sizeof *ctx);
  char doc_date[11] = "";
  if (d->doc_year) {
    ctx->doc_date = ymd(d->doc_year, d->doc_month, d->doc_day);
    date_str(doc_date, d->doc_year, d->doc_month, d->doc_day, TXT_DATE_DAY);
  }
  size_t ns = d->n_sentences;
  coder_sent *ss = arena_calloc(&c->ar, ns ? ns : 1, sizeof *ss);
  wasit_sentence *ws = arena_calloc(&c->ar, ns ? ns : 1, sizeof *ws);
  const txt_date **own_date = arena_calloc(&c->ar, ns ? ns : 1,
                                           sizeof *own_date);
  bool *opens = arena_calloc(&c->ar, ns ? ns : 1, sizeof *opens);
  if (!ss || !ws || !own_date || !opens) goto oom;
  size_t di = 0, nn = 0;
  bool told = false, dated = false; /* the story so far: actors or triggers,
                                       a dateline */
  bool roundup = false, page_dated = false; /* titled a roundup; some
                                               dateline seen */
  bool dated_title = false; /* the title set off by a date or a colon */
  size_t headings = 0;   /* the page's sub-headings ("■ بنغلاديش") */
  for (size_t i = 0; i < ns; i++) {
    const txt_sentence *ts = &d->sentences[i];
    coder_sent *s = &ss[i];
    s->doc = d;
    s->dict = c->dict;
    s->memo = c->memo;
    s->future_verb = c->future_verb;
    s->index = i;
    s->toks = d->tokens + ts->tok_start;
    s->n = ts->tok_count;
    wasit_sentence *w = &ws[i];
    w->offset = ts->orig_start;
    w->length = ts->orig_len;
    w->text = arena_strndup(&c->ar, d->text + ts->orig_start, ts->orig_len);
    w->normalized = arena_strndup(&c->ar, d->norm + ts->norm_start, ts->norm_len);
    if (!w->text || !w->normalized) goto oom;
    while (di < d->n_dates && d->dates[di].sentence < i) di++;
    while (nn < d->n_numbers && d->numbers[nn].sentence < i) nn++;
    if (coder_keys(s, &c->ar)) goto oom;
    size_t dd = di; /* the sentence's own date: its first one not said of a noun */
    while (dd < d->n_dates && d->dates[dd].sentence == i &&
           ((attributive(d, &d->dates[dd]) && !pluperfect_year(s, ts, &d->dates[dd])) ||
            named_day(s, ts, &d->dates[dd]) ||
            in_relative(s, ts, &d->dates[dd]) ||
            since_date(s, ts, &d->dates[dd]) || in_aside(s, ts, &d->dates[dd]) ||
            later_year(d, &d->dates[dd])))
      dd++;
    if (dd < d->n_dates && d->dates[dd].sentence == i) {
      const txt_date *td = &d->dates[dd];
      date_str(w->date, td->year, td->month, td->day, td->precision);
      s->date = ymd(td->year, td->month, td->day);
      own_date[i] = td;
    } else {
      memcpy(w->date, doc_date, sizeof doc_date);
      s->date = ctx->doc_date;
    }
    if (coder_actors(s, &c->ar)) goto oom;
    s->live_entry = ts->live_entry;
    s->dateline_line = ts->dateline;
    /* a state's name set off by a dash is a dateline only where one
    ** stands: opening a line, before the story has told anything (or
    ** before its item on a page titled a roundup) */
    if ((told && !roundup) || ts->line_lead == TXT_MID_LINE)
      s->dateline_state[0] = '\0';
    settle_mentions(s);
    apply_names(s, ctx, 0);
    spokesman_of_pronoun(s);
    mark_free(s, ts, di, nn);
    name_office_holders(s);
    size_t known = ctx->n_names;
    uint32_t taught = learn_names(s, ctx);
    /* "بحضور الرئيس الفلبيني بنينو أكينو ...، واستقبله أكينو": a name
    ** learned here already names its holder after the mention that
    ** taught it */
    if (ctx->n_names > known) {
      apply_names(s, ctx, taught);
      /* the new actors' words only: mark_free's other marks are the same
      ** spans (numbers, dates) or, since `free` only grows, a subset of
      ** those its first call made (places and instruments aside) */
      mark_actors_free(s);
    }
    join_courtesy(s);
    /* the gaps' landings from the final free marks: mark_free and
    ** name_office_holders only add marks, and nothing between the first
    ** of them and the triggers matches a phrase with a gap */
    coder_gap_blooms(s);
    if (coder_triggers(s, &c->ar)) goto oom;
    if (!page_dated && roundup_title(ts, s)) {
      roundup = true;
      for (uint32_t k = 0; k < s->n; k++)
        dated_title |= s->toks[k].kind == TXT_NUM ||
                       coder_tok_word(s, k, ":") || coder_tok_word(s, k, "-");
    }
    /* (the story under a line that is only a dateline opened its item
    ** with that line) */
    int kind = i > 0 && roundup && !ss[i - 1].dateline_line ? opens_item(ts, s)
                                                           : NO_ITEM;
    opens[i] = kind == HEADED_ITEM ? told : kind == DATED_ITEM && dated;
    headings += kind == HEADED_ITEM;
    if (opens[i]) told = dated = false;
    dated |= story_dateline(ts, s);
    page_dated |= dated;
    told |= s->n_actors + s->n_trigs > 0;
  }
  /* a title of words only names a page of several stories only when the
  ** page shows two sub-headings.  A site's label above one story ("آخر
  ** الأخبار", "نشرة الأخبار") or its headline ("آخر أخبار العدوان على
  ** غزة") has at most one ("■ ردود دولية"), and datelines do not tell:
  ** one story has its reactions led by capitals ("- القاهرة: أدانت").  A
  ** title set off by a date or a colon ("أبرز الأخبار - السبت 12 يونيو",
  ** "جولة في أخبار العالم: انقلاب ...") needs neither */
  if (!dated_title && headings < 2)
    memset(opens, 0, ns * sizeof *opens);
  wasit_event *evs = NULL;
  size_t n_evs = 0, cap = 0;
  for (size_t from = 0, to; from < ns; from = to) {
    for (to = from + 1; to < ns && !opens[to]; to++) {}
    /* each story of the page its own context, which outlives the run:
    ** event codes point into it (البلدين coded as parties[k]) */
    coder_ctx *sc = arena_alloc(&c->ar, sizeof *sc);
    if (!sc) goto oom;
    *sc = *ctx;
    story_context(ss + from, to - from, sc);
    size_t e0 = n_evs;
    if (!code_story(c, ss, ws, own_date, from, to, sc, &evs, &n_evs, &cap) ||
        !finish_story(c, evs, &n_evs, e0, ss, sc))
      goto oom;
  }
  c->res.doc = doc;
  c->res.sentences = ws;
  c->res.n_sentences = ns;
  c->res.events = evs;
  c->res.n_events = n_evs;
  c->res.invalid_utf8 = d->invalid_utf8;
  c->res.dropped_lines = d->dropped_lines;
  *out = &c->res;
  return WASIT_OK;
oom:
  arena_reset(&c->ar);
  memset(&c->res, 0, sizeof c->res);
  return WA_ERR(err, WASIT_ENOMEM, "out of memory");
}
