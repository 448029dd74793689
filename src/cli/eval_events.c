/*
** eval_events.c: `wasit eval --events ARTICLES.jsonl` (src/cli).
**
** Scores whole articles the way an analyst judges an event data set: each
** line is {id, date, text, events: [{source, target, root}]} with the
** events a human coder found.  Both sides are reduced to the set of tuples
** (document, source country, target country, root), where a country is the
** first three letters of the actor code ("IGO" for organisations) and a
** missing target is "".  A gold root may list alternatives ("08|05") where
** CAMEO itself leaves the choice open (a ceasefire agreement is 0871 or
** 057).  Precision, recall and F1 are over those tuples, summed over all
** articles; --errors prints each article's missed and extra tuples.
** Events in mode historical (background dated well before the article)
** are left out: the gold convention codes an article's news, not what it
** recalls.
*/
#include "cli.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* One (source country, target country, root) tuple. */
typedef struct ev_tuple {
  char src[4], tgt[4];
  char root[16]; /* gold may hold alternatives "08|05" */
  bool used;
} ev_tuple;

typedef struct ev_set {
  ev_tuple *items;
  size_t n, cap;
} ev_set;

static void country_of(const char *code, char out[4]) {
  size_t n = code ? strlen(code) : 0;
  if (n > 3) n = 3;
  memcpy(out, code ? code : "", n);
  out[n] = '\0';
}

static bool root_matches(const char *gold, const char *root) {
  size_t rl = strlen(root);
  for (const char *p = gold; *p;) {
    const char *bar = strchr(p, '|');
    size_t len = bar ? (size_t)(bar - p) : strlen(p);
    if (len == rl && strncmp(p, root, rl) == 0) return true;
    if (!bar) break;
    p = bar + 1;
  }
  return false;
}

static bool set_add(ev_set *s, const char *src, const char *tgt,
                    const char *root) {
  ev_tuple t = {0};
  country_of(src, t.src);
  country_of(tgt, t.tgt);
  snprintf(t.root, sizeof t.root, "%s", root);
  for (size_t i = 0; i < s->n; i++) /* a set: coded duplicates count once */
    if (!strcmp(s->items[i].src, t.src) && !strcmp(s->items[i].tgt, t.tgt) &&
        !strcmp(s->items[i].root, t.root))
      return true;
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 16;
    ev_tuple *p = realloc(s->items, cap * sizeof *p);
    if (p == NULL) return false;
    s->items = p;
    s->cap = cap;
  }
  s->items[s->n++] = t;
  return true;
}

/* Count matches between gold and coded, marking matched items used. */
static long match_sets(ev_set *gold, ev_set *coded) {
  long tp = 0;
  for (size_t i = 0; i < coded->n; i++) {
    ev_tuple *c = &coded->items[i];
    for (size_t j = 0; j < gold->n; j++) {
      ev_tuple *g = &gold->items[j];
      if (g->used || strcmp(g->src, c->src) || strcmp(g->tgt, c->tgt) ||
          !root_matches(g->root, c->root))
        continue;
      g->used = c->used = true;
      tp++;
      break;
    }
  }
  return tp;
}

static void print_unused(const char *what, const ev_set *s) {
  for (size_t i = 0; i < s->n; i++)
    if (!s->items[i].used)
      printf("    %s %s -> %s root %s\n", what, s->items[i].src,
             s->items[i].tgt[0] ? s->items[i].tgt : "-", s->items[i].root);
}

/* Parse one gold line into doc + gold set; returns a reason or NULL. */
static const char *parse_article(const cJSON *row, wasit_doc *doc,
                                 ev_set *gold) {
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(row, "id");
  const cJSON *text = cJSON_GetObjectItemCaseSensitive(row, "text");
  const cJSON *date = cJSON_GetObjectItemCaseSensitive(row, "date");
  const cJSON *events = cJSON_GetObjectItemCaseSensitive(row, "events");
  if (!cJSON_IsString(id)) return "\"id\" missing or not a string";
  if (!cJSON_IsString(text)) return "\"text\" missing or not a string";
  if (!cJSON_IsArray(events)) return "\"events\" missing or not an array";
  memset(doc, 0, sizeof *doc);
  doc->id = id->valuestring;
  doc->text = text->valuestring;
  doc->text_len = strlen(text->valuestring);
  doc->date = cJSON_IsString(date) ? date->valuestring : NULL;
  const cJSON *ev;
  cJSON_ArrayForEach(ev, events) {
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(ev, "source");
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(ev, "target");
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(ev, "root");
    if (!cJSON_IsString(s) || !cJSON_IsString(r))
      return "an event needs string \"source\" and \"root\"";
    if (!set_add(gold, s->valuestring,
                 cJSON_IsString(t) ? t->valuestring : NULL, r->valuestring))
      return "out of memory";
  }
  return NULL;
}

int cli_eval_events(const char *dict_dir, const char *path, int show_errors) {
  wasit_error err = {0};
  wasit_dict *dict = NULL;
  wasit_coder *coder = NULL;
  if (wasit_dict_load(&dict, dict_dir, NULL, &err) != WASIT_OK ||
      wasit_coder_new(&coder, dict, NULL, &err) != WASIT_OK) {
    cli_report(&err);
    wasit_dict_free(dict);
    return CLI_INPUT;
  }
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    perror(path);
    wasit_coder_free(coder);
    wasit_dict_free(dict);
    return CLI_INPUT;
  }
  char *line = NULL;
  size_t cap = 0;
  long lineno = 0, tp = 0, n_gold = 0, n_coded = 0, docs = 0, bad = 0;
  ev_set gold = {0}, coded = {0};
  while (getline(&line, &cap, f) != -1) {
    lineno++;
    if (strspn(line, " \t\r\n") == strlen(line)) continue;
    gold.n = coded.n = 0;
    cJSON *row = cJSON_Parse(line);
    wasit_doc doc;
    const wasit_result *res = NULL;
    const char *why = row ? parse_article(row, &doc, &gold) : "not valid JSON";
    if (why == NULL && wasit_coder_run(coder, &doc, &res, &err) != WASIT_OK)
      why = err.message;
    if (why != NULL) {
      fprintf(stderr, "%s:%ld: %s\n", path, lineno, why);
      bad++;
      cJSON_Delete(row);
      continue;
    }
    for (size_t i = 0; i < res->n_events; i++)
      if (!(res->events[i].mode & WASIT_MODE_HISTORICAL)) /* background */
        set_add(&coded, res->events[i].source, res->events[i].target,
                res->events[i].root);
    long t = match_sets(&gold, &coded);
    tp += t;
    n_gold += (long)gold.n;
    n_coded += (long)coded.n;
    docs++;
    if (show_errors && (t != (long)gold.n || t != (long)coded.n)) {
      printf("%s: %ld of %zu gold, %zu coded\n", doc.id, t, gold.n, coded.n);
      print_unused("missed", &gold);
      print_unused("extra ", &coded);
    }
    cJSON_Delete(row);
  }
  free(line);
  free(gold.items);
  free(coded.items);
  fclose(f);
  wasit_coder_free(coder);
  wasit_dict_free(dict);
  double p = n_coded ? (double)tp / (double)n_coded : 0;
  double r = n_gold ? (double)tp / (double)n_gold : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  printf("articles %ld, gold tuples %ld, coded tuples %ld, matched %ld\n",
         docs, n_gold, n_coded, tp);
  printf("event precision %.3f  recall %.3f  F1 %.3f\n", p, r, f1);
  return bad ? CLI_INPUT : CLI_OK;
}
