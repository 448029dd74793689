/*
** events.c: event triggers, modes and source/target of one sentence
** (src/coder, stage 3).
**
** Triggers: at each token the longest verbs.txt phrase wins (words of one
** trigger are not reused by another); a discard.txt phrase anywhere mutes
** the sentence; the first places.txt phrase is the sentence's location.
** Clauses: . ! ? ؛ : end a clause, and so does the complementizer أن/إن
** after a speech or accusation verb, so the reported clause finds its own
** actors.  Per trigger:
**   - negation (لم لن لا ليس عدم نفى رفض دون within two words, ما right
**     before) drops it; future (س- on the verb, سوف, من المقرر, يعتزم,
**     سيتم), conditional (إذا, لو, في حال earlier in the clause) and
**     reported (after a `say` or 11x trigger) set mode bits;
**   - verbs: VSO first (the first actor within six words after the verb,
**     not behind a preposition), else SVO (the nearest actor before it in
**     the clause with no other trigger between); the target is the actor
**     after a tgt= preposition (مع for mutual), else the next actor;
**     `passive` swaps: the subject is the target and the actor right after
**     the trigger the source;
**   - nouns: the source is the actor right after the noun ("قصف أذري"),
**     else the one just before it; the target follows على/ضد/tgt=;
**   - mediation (045) without target: the members of the sentence's
**     compound actor; mutual with a compound subject: every ordered pair.
** Decisions: no event has source == target; an event with no source is
** dropped, except protest (14: source = the place's country or the
** article's principal country) and violence (18-20: source "---"), whose
** occurrence matters to analysts by itself.
*/
#include "coder.h"

#include <string.h>

#define MAX_MEMBERS 8

typedef struct member {
  const coder_actor *a;
  const char *code;
} member;

/* Contract in coder.h. */
int coder_triggers(coder_sent *s, wa_arena *ar) {
  s->trigs = arena_alloc(ar, (s->n ? s->n : 1) * sizeof *s->trigs);
  uint8_t *used = arena_calloc(ar, s->n ? s->n : 1, 1);
  if (!s->trigs || !used) return WASIT_ENOMEM;
  s->n_trigs = 0;
  for (uint32_t i = 0; i < s->n; i++) {
    const coder_tok *t = &s->ct[i];
    coder_trig best = {0};
    const dict_phrase *bp = NULL;
    for (uint8_t k = 0; k < t->nk; k++) {
      dict_hits h = dict_lookup(s->dict, t->key[k], t->klen[k]);
      for (size_t x = 0; x < h.n; x++) {
        const dict_phrase *p = dict_phrase_at(s->dict, h.ids[x]);
        uint32_t fe;
        uint8_t cl0;
        if (p->cat == DICT_C_ACTOR) continue;
        if (p->cat == DICT_C_PLACE && s->place) continue;
        if (p->cat == DICT_C_DISCARD && s->discard) continue;
        if (p->cat == DICT_C_VERB && used[i]) continue;
        uint32_t end = coder_match(s, p, i, &fe, &cl0);
        if (!end) continue;
        if (p->cat == DICT_C_PLACE) {
          s->place = dict_place_at(s->dict, p->ref);
        } else if (p->cat == DICT_C_DISCARD) {
          s->discard = true;
        } else if (!bp || end > best.end ||
                   (end == best.end && p->n_words > bp->n_words) ||
                   (end == best.end && p->n_words == bp->n_words &&
                    p->verbal > bp->verbal)) {
          bp = p;
          best = (coder_trig){i, end, fe, p->ref, p->verbal,
                              (cl0 & TXT_CL_SA) ? 1 : 0};
        }
      }
    }
    if (bp) {
      /* mark the trigger's words before its first gap and its last word
      ** as used, so no other trigger starts there */
      for (uint32_t u = i; u < best.first_end; u++) used[u] = 1;
      used[best.end - 1] = 1;
      s->trigs[s->n_trigs++] = best;
    }
  }
  return WASIT_OK;
}

/* ------------------------------------------------------------ helpers */

typedef struct evctx {
  coder_sent *s;
  const coder_ctx *ctx;
  wa_arena *ar;
  uint8_t *trig_tok;     /* 1 + trigger index at a trigger's first token */
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

static bool behind_prep(const coder_sent *s, const coder_actor *a) {
  if (a->cl0 & (TXT_CL_BI | TXT_CL_LI | TXT_CL_KA)) return true;
  return a->start > 0 && coder_tok_is(s, a->start - 1, CW_PREP, false);
}

/* Index of the first actor starting in [from, from+win] in the clause of
** token `clause_tok`, with no other trigger before it; -1 if none. */
static int actor_after(const evctx *e, uint32_t from, uint32_t win,
                       uint32_t clause_tok, const coder_trig *self) {
  const coder_sent *s = e->s;
  for (size_t x = 0; x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (a->start < from) continue;
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
  for (size_t x = s->n_actors; x-- > 0;) {
    const coder_actor *a = &s->actors[x];
    if (a->end > to) continue;
    if (a->end + win < to || !same_clause(s, a->end - 1, to)) return -1;
    if (trigger_between(e, a->end, to, self)) return -1;
    return (int)x;
  }
  return -1;
}

/* The members of actor x's group (parties expanded). */
static size_t members_of(const evctx *e, int x, member *out) {
  const coder_sent *s = e->s;
  size_t n = 0;
  if (x < 0) return 0;
  int g = s->actors[x].group;
  for (size_t i = 0; i < s->n_actors && n < MAX_MEMBERS; i++) {
    const coder_actor *a = &s->actors[i];
    if (a->group != g) continue;
    if (a->parties) {
      for (int k = 0; k < 2 && n < MAX_MEMBERS; k++) {
        if (!e->ctx->principal[k][0]) continue;
        char *c = arena_alloc(e->ar, 8);
        if (!c) return n;
        memcpy(c, e->ctx->principal[k], 3);
        memcpy(c + 3, "GOV", 4);
        out[n++] = (member){a, c};
      }
    } else {
      out[n++] = (member){a, a->code};
    }
  }
  return n;
}

/* The last actor of x's group (to search on after a compound). */
static int group_last(const coder_sent *s, int x) {
  int last = x;
  for (size_t i = (size_t)x + 1; i < s->n_actors; i++)
    if (s->actors[i].group == s->actors[x].group) last = (int)i;
  return last;
}

static bool is_tgt_prep(const coder_sent *s, const dict_verb *v,
                        const coder_actor *a) {
  for (size_t k = 0; k < v->n_tgt; k++) {
    const char *p = v->tgt[k];
    size_t pl = strlen(p);
    if (pl == 2 && (unsigned char)p[0] == 0xD8 && (unsigned char)p[1] == 0xA8 &&
        (a->cl0 & TXT_CL_BI))
      return true; /* ب bi */
    if (pl == 2 && (unsigned char)p[0] == 0xD9 && (unsigned char)p[1] == 0x84 &&
        (a->cl0 & TXT_CL_LI))
      return true; /* ل li */
    if (a->start > 0) {
      const coder_tok *t = &s->ct[a->start - 1];
      for (uint8_t j = 0; j < t->nk; j++)
        if (t->klen[j] == pl && memcmp(t->key[j], p, pl) == 0) return true;
    }
  }
  return false;
}

/* The target actor after token `from`: one behind a tgt= preposition (or
** مع for mutual verbs) first, else (unless only_prep) the first actor not
** behind في/من/عن; -1 if none. */
static int find_target(const evctx *e, const dict_verb *v, uint32_t from,
                       uint32_t clause_tok, const coder_trig *self,
                       bool only_prep, bool noun) {
  const coder_sent *s = e->s;
  int fallback = -1;
  for (size_t x = 0; x < s->n_actors; x++) {
    const coder_actor *a = &s->actors[x];
    if (a->start < from) continue;
    if (a->start > from + 10 || !same_clause(s, a->start, clause_tok)) break;
    if (trigger_between(e, from, a->start, self)) break;
    bool prep = is_tgt_prep(s, v, a) ||
                ((v->flags & DICT_F_MUTUAL) && a->start > 0 &&
                 coder_tok_is(s, a->start - 1, CW_MAA, false)) ||
                (noun && a->start > 0 &&
                 coder_tok_is(s, a->start - 1, CW_NOUN_TGT, false));
    if (prep) return (int)x;
    if (fallback < 0 && !only_prep &&
        !(a->start > 0 && coder_tok_is(s, a->start - 1, CW_NOT_TGT, false)))
      fallback = (int)x;
  }
  return fallback;
}

/* Hypothetical: a modal word (may, could, prevent, fear, threat, a
** question) within four words before the trigger in its clause, or a
** question mark ending the clause.  Such events are not asserted and are
** not emitted (unlike إذا/لو conditionals, which get a mode bit). */
static bool hypothetical(const coder_sent *s, const coder_trig *t) {
  for (uint32_t k = 1; k <= 4 && k <= t->start; k++) {
    uint32_t i = t->start - k;
    if (!same_clause(s, i, t->start)) break;
    if (coder_tok_is(s, i, CW_MODAL, false)) return true;
  }
  for (uint32_t i = t->end; i < s->n; i++) {
    if (!same_clause(s, i, t->start)) break;
    if (s->ct[i].punct == 1) {
      const txt_token *tk = &s->toks[i];
      const char *p = txt_tok_norm(s->doc, tk);
      return (tk->norm_len == 1 && *p == '?') ||
             (tk->norm_len == 2 && (unsigned char)p[0] == 0xD8 &&
              (unsigned char)p[1] == 0x9F); /* U+061F ؟ */
    }
  }
  return false;
}

static bool negated(const coder_sent *s, const coder_trig *t) {
  for (uint32_t k = 1; k <= 2 && k <= t->start; k++) {
    uint32_t i = t->start - k;
    if (s->ct[i].punct) break;
    if (coder_tok_is(s, i, CW_NEG, false)) return true;
    if (k == 1 && coder_tok_is(s, i, CW_NEG_MA, false)) return true;
  }
  return false;
}

static bool root_in(const char *code, const char *const *roots) {
  for (; *roots; roots++)
    if (strncmp(code, *roots, strlen(*roots)) == 0) return true;
  return false;
}

/* Codes whose noun complement is wished, demanded, threatened or warned
** of, not reported as done: "هددت ... باستهداف", "طالب بوقف الهجمات". */
static const char *const governing_roots[] = {"012", "02", "03", "10", "12",
                                              "13", NULL};

/* Is noun trigger ti the complement of the trigger right before it (at
** most two words between, same clause) when that one is negated or of a
** governing root?  Then it is no event of its own. */
static bool governed(const coder_sent *s, size_t ti) {
  const coder_trig *t = &s->trigs[ti];
  if (t->verbal || ti == 0) return false;
  const coder_trig *p = &s->trigs[ti - 1];
  if (p->end > t->start || t->start - p->end > 2) return false;
  for (uint32_t i = p->end; i < t->start; i++)
    if (s->ct[i].punct) return false;
  if (negated(s, p)) return true;
  return root_in(dict_verb_at(s->dict, p->verb)->code, governing_roots);
}

static unsigned modes_of(const evctx *e, const coder_trig *t, size_t ti) {
  const coder_sent *s = e->s;
  unsigned m = 0;
  for (size_t k = 0; k < ti; k++) {
    const dict_verb *v = dict_verb_at(s->dict, s->trigs[k].verb);
    if (((v->flags & DICT_F_SAY) || memcmp(v->code, "11", 2) == 0) &&
        !negated(s, &s->trigs[k]))
      m |= WASIT_MODE_REPORTED;
  }
  if (t->sa) m |= WASIT_MODE_FUTURE;
  for (uint32_t k = 1; k <= 3 && k <= t->start; k++) {
    uint32_t i = t->start - k;
    if (s->ct[i].punct == 1) break;
    if (coder_tok_is(s, i, CW_FUTURE, true)) m |= WASIT_MODE_FUTURE;
  }
  for (uint32_t k = 1; k <= 10 && k <= t->start; k++) {
    uint32_t i = t->start - k;
    if (!same_clause(s, i, t->start)) break;
    if (coder_tok_is(s, i, CW_COND, false) ||
        (coder_tok_is(s, i, CW_COND_FI, false) && i > 0 &&
         coder_tok_is(s, i - 1, CW_FI, false)))
      m |= WASIT_MODE_CONDITIONAL;
  }
  return m;
}

/* Assign clause numbers: hard punctuation, and the complementizer after a
** say/accuse trigger. */
static void clauses(coder_sent *s) {
  uint16_t c = 0;
  uint32_t next_cut = UINT32_MAX;
  size_t ti = 0;
  for (uint32_t i = 0; i < s->n; i++) {
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
    s->ct[i].clause = c;
    if (s->ct[i].punct == 1 || i == next_cut) {
      c++;
      if (i == next_cut) next_cut = UINT32_MAX;
    }
  }
}

static char *code_with(wa_arena *ar, const char *country, const char *role) {
  size_t a = strlen(country), b = strlen(role);
  char *c = arena_alloc(ar, a + b + 1);
  if (!c) return NULL;
  memcpy(c, country, a);
  memcpy(c + a, role, b + 1);
  return c;
}

static int push(evctx *e, coder_ev **evs, size_t *n, size_t *cap,
                const member *src, const member *tgt, const coder_trig *t,
                unsigned mode) {
  if (tgt && strcmp(src->code, tgt->code) == 0) return WASIT_OK;
  for (size_t i = 0; i < *n; i++) {
    coder_ev *o = &(*evs)[i];
    if (o->trig == t && strcmp(o->src_code, src->code) == 0 &&
        ((!tgt && !o->tgt_code) ||
         (tgt && o->tgt_code && strcmp(o->tgt_code, tgt->code) == 0)))
      return WASIT_OK;
  }
  if (!arena_grow(e->ar, (void **)evs, cap, *n + 1, sizeof **evs))
    return WASIT_ENOMEM;
  (*evs)[(*n)++] = (coder_ev){src->a, tgt ? tgt->a : NULL, src->code,
                              tgt ? tgt->code : NULL, t, mode,
                              WASIT_COUNT_NONE, WASIT_COUNT_NONE};
  return WASIT_OK;
}

/* Contract in coder.h. */
int coder_events(coder_sent *s, const coder_ctx *ctx, wa_arena *ar,
                 coder_ev **evs, size_t *n_evs) {
  *evs = NULL;
  *n_evs = 0;
  if (s->discard || !s->n_trigs) return WASIT_OK;
  evctx e = {s, ctx, ar, arena_calloc(ar, s->n, 1)};
  if (!e.trig_tok) return WASIT_ENOMEM;
  for (size_t i = 0; i < s->n_trigs && i < 255; i++)
    e.trig_tok[s->trigs[i].start] = (uint8_t)(i + 1);
  clauses(s);
  size_t cap = 0;
  for (size_t ti = 0; ti < s->n_trigs; ti++) {
    const coder_trig *t = &s->trigs[ti];
    const dict_verb *v = dict_verb_at(s->dict, t->verb);
    if (negated(s, t) || governed(s, ti) || hypothetical(s, t)) continue;
    unsigned mode = modes_of(&e, t, ti);
    bool say = (v->flags & DICT_F_SAY) != 0;
    int src = -1, tgt = -1;
    bool noun_src = false;
    uint32_t after = t->verbal ? t->start + 1 : t->end;
    if (t->verbal) {
      /* a subject right before the verb (SVO, at most one word between)
      ** wins; else VSO; a bare adjective further on modifies an object
      ** noun ("قصفت ... مواقع أرمينية") and is no subject */
      int subj = actor_before(&e, t->start, 1, t);
      if (subj >= 0 && behind_prep(s, &s->actors[subj])) subj = -1;
      if (subj >= 0) {
        after = t->end;
        goto have_subject;
      }
      subj = actor_after(&e, t->start + 1, 6 + (t->end - t->first_end),
                         t->start, t);
      if (subj >= 0 && (behind_prep(s, &s->actors[subj]) ||
                        (s->actors[subj].adj_only &&
                         !(v->flags & DICT_F_PASSIVE) &&
                         s->actors[subj].start > t->first_end)))
        subj = -1;
      if (subj >= 0) {
        after = s->actors[group_last(s, subj)].end;
        if (after < t->end) after = t->end;
      } else {
        subj = actor_before(&e, t->start, 10, t);
        if (subj >= 0 && behind_prep(s, &s->actors[subj])) subj = -1;
        after = t->end;
      }
    have_subject:
      if (v->flags & DICT_F_PASSIVE) {
        tgt = subj;
        if (t->end < s->n) {
          int a = actor_after(&e, t->end, 0, t->end - 1, t);
          if (a >= 0 && s->actors[a].start == t->end) src = a;
        }
      } else {
        src = subj;
      }
    } else {
      int a = actor_after(&e, t->end, 0, t->end - 1, t);
      if (a >= 0 && s->actors[a].start == t->end &&
          !(s->actors[a].cl0 & TXT_CL_BI)) {
        src = a;
        noun_src = true;
        after = s->actors[group_last(s, a)].end;
      } else {
        src = actor_before(&e, t->start, 3, t);
        if (src >= 0 && behind_prep(s, &s->actors[src])) src = -1;
      }
      if (v->flags & DICT_F_PASSIVE) {
        tgt = src;
        src = -1;
      }
    }
    if (tgt < 0 && !(v->flags & DICT_F_NOTGT) && !(v->flags & DICT_F_PASSIVE))
      tgt = find_target(&e, v, after, t->end - 1, t, say, !t->verbal);
    /* a noun names an event in passing ("اغتيال بوتو", "تهمة الخطف")
    ** more often than it reports one: keep it when its doer is named
    ** right after it ("غارات إسرائيلية") or the sentence states a
    ** casualty count */
    bool violent = memcmp(v->code, "18", 2) == 0 ||
                   memcmp(v->code, "19", 2) == 0 || memcmp(v->code, "20", 2) == 0;
    bool counted = s->killed != WASIT_COUNT_NONE ||
                   s->wounded != WASIT_COUNT_NONE || s->casualty_words;
    if (!t->verbal && (violent ? !counted : !noun_src)) continue;
    member sm[MAX_MEMBERS], tm[MAX_MEMBERS];
    size_t ns = members_of(&e, src, sm), nt = members_of(&e, tgt, tm);
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
      ** them (a target, a stated casualty count, or a place); a bare noun
      ** like "الاحتجاجات" or "سيارة مفخخة" in passing is no event */
      const char *fb = NULL;
      bool anchored = nt > 0 || s->killed != WASIT_COUNT_NONE ||
                      s->wounded != WASIT_COUNT_NONE || s->casualty_words ||
                      s->place;
      if (memcmp(v->code, "14", 2) == 0 && anchored)
        fb = s->place ? s->place->loc.country : "---";
      else if ((memcmp(v->code, "18", 2) == 0 || memcmp(v->code, "19", 2) == 0 ||
                memcmp(v->code, "20", 2) == 0) && anchored)
        fb = "---";
      if (!fb) continue;
      sm[0] = (member){NULL, fb};
      ns = 1;
    }
    if (!nt && memcmp(v->code, "045", 3) == 0) {
      /* mediation: the parties are the sentence's compound actor */
      for (size_t x = 0; x < s->n_actors && !nt; x++) {
        if (src >= 0 && s->actors[x].group == s->actors[src].group) continue;
        member tmp[MAX_MEMBERS];
        size_t k = members_of(&e, (int)x, tmp);
        if (k >= 2) {
          memcpy(tm, tmp, k * sizeof *tm);
          nt = k;
        }
      }
    }
    int rc = WASIT_OK;
    if ((v->flags & DICT_F_MUTUAL) && !nt && ns >= 2) {
      for (size_t a = 0; a < ns && !rc; a++)
        for (size_t b = 0; b < ns && !rc; b++)
          if (a != b) rc = push(&e, evs, n_evs, &cap, &sm[a], &sm[b], t, mode);
    } else {
      for (size_t a = 0; a < ns && !rc; a++) {
        if (!nt) rc = push(&e, evs, n_evs, &cap, &sm[a], NULL, t, mode);
        for (size_t b = 0; b < nt && !rc; b++)
          rc = push(&e, evs, n_evs, &cap, &sm[a], &tm[b], t, mode);
      }
    }
    if (rc) return rc;
  }
  return WASIT_OK;
}
