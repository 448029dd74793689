/*
** cmd_eval.c: `wasit eval [--dict DIR] [--json] [--errors] GOLD.jsonl`
** (src/cli).  Scores the coder on a gold file of labelled sentences (format
** in ../shared/README.md): each row {id, text, event_type ASSAULT|PROTEST,
** label yes|no, spans?} is coded as one document without a date; a row is
** detected for ASSAULT when some event has root 18, 19 or 20, for PROTEST
** when some event has root 14.  Prints precision, recall and F1 per class,
** their macro average, and source-country agreement (spans[0].source_role.
** main against the first three letters of the detected event's source,
** over detected `yes` rows whose first span names a country, i.e. not
** "None").  A malformed line is reported as
** FILE:LINE: reason on stderr and skipped; the exit status is then 1.
*/
#include "cli.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { C_ASSAULT = 0, C_PROTEST = 1, C_N = 2 };

static const char *const class_names[C_N] = {"ASSAULT", "PROTEST"};

typedef struct eval_counts {
  long tp, fp, fn, tn;
} eval_counts;

typedef struct eval_state {
  eval_counts c[C_N];
  long rows, bad, agree, agree_total;
  double bytes;
} eval_state;

static int eval_usage(void) {
  return cli_usage_error("eval", "usage: wasit eval [--dict DIR] [--json] "
                                 "[--errors] [--events] GOLD.jsonl");
}

/* The detected event of class k in res (first match), or NULL. */
static const wasit_event *detected(const wasit_result *res, int k) {
  for (size_t i = 0; i < res->n_events; i++) {
    const char *r = res->events[i].root;
    if (k == C_ASSAULT ? (strcmp(r, "18") == 0 || strcmp(r, "19") == 0 ||
                          strcmp(r, "20") == 0)
                       : strcmp(r, "14") == 0)
      return &res->events[i];
  }
  return NULL;
}

static double ratio(long a, long b) { return b ? (double)a / (double)b : 0.0; }

static void scores(const eval_counts *c, double *p, double *r, double *f) {
  *p = ratio(c->tp, c->tp + c->fp);
  *r = ratio(c->tp, c->tp + c->fn);
  *f = (*p + *r) > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

/* The publication date a Gigaword-style sentence id carries
** ("AAW_ARB_20070104.0071-8" -> "2007-01-04") written into out, or NULL
** when the id has no plausible YYYYMMDD.  A row's own "date" wins; the
** date lets the coder resolve dated roles and relative dates as it does
** for any dated article. */
static const char *date_in_id(const char *id, char out[11]) {
  for (const char *p = id; *p; p++) {
    size_t n = 0;
    while (n < 9 && p[n] >= '0' && p[n] <= '9') n++;
    if (n != 8 || (p > id && p[-1] >= '0' && p[-1] <= '9')) continue;
    int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    int m = (p[4] - '0') * 10 + (p[5] - '0'), d = (p[6] - '0') * 10 + (p[7] - '0');
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) continue;
    snprintf(out, 11, "%.4s-%.2s-%.2s", p, p + 4, p + 6);
    return out;
  }
  return NULL;
}

/* Code and score one parsed row; prints it when show_errors and wrong. */
static int eval_row(wasit_coder *coder, eval_state *st, const cJSON *row,
                    const char *file, long line, int show_errors) {
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(row, "id");
  const cJSON *text = cJSON_GetObjectItemCaseSensitive(row, "text");
  const cJSON *type = cJSON_GetObjectItemCaseSensitive(row, "event_type");
  const cJSON *label = cJSON_GetObjectItemCaseSensitive(row, "label");
  const char *why = NULL;
  int k = -1;
  if (!cJSON_IsString(id)) why = "\"id\" missing or not a string";
  else if (!cJSON_IsString(text)) why = "\"text\" missing or not a string";
  else if (!cJSON_IsString(type)) why = "\"event_type\" missing";
  else if (strcmp(type->valuestring, "ASSAULT") == 0) k = C_ASSAULT;
  else if (strcmp(type->valuestring, "PROTEST") == 0) k = C_PROTEST;
  else why = "\"event_type\" is not ASSAULT or PROTEST";
  if (!why && (!cJSON_IsString(label) ||
               (strcmp(label->valuestring, "yes") != 0 &&
                strcmp(label->valuestring, "no") != 0)))
    why = "\"label\" is not yes or no";
  if (why) {
    fprintf(stderr, "%s:%ld: %s\n", file, line, why);
    st->bad++;
    return 0;
  }
  bool yes = strcmp(label->valuestring, "yes") == 0;
  const cJSON *date = cJSON_GetObjectItemCaseSensitive(row, "date");
  char id_date[11];
  wasit_doc doc = {id->valuestring, text->valuestring,
                   strlen(text->valuestring),
                   cJSON_IsString(date) ? date->valuestring
                                        : date_in_id(id->valuestring, id_date),
                   NULL, NULL};
  const wasit_result *res;
  wasit_error err;
  if (wasit_coder_run(coder, &doc, &res, &err)) {
    fprintf(stderr, "%s:%ld: ", file, line);
    cli_report(&err);
    st->bad++;
    return 0;
  }
  st->rows++;
  st->bytes += (double)doc.text_len;
  const wasit_event *ev = detected(res, k);
  eval_counts *c = &st->c[k];
  if (ev && yes) c->tp++;
  else if (ev) c->fp++;
  else if (yes) c->fn++;
  else c->tn++;
  if (show_errors && ((ev != NULL) != yes || (show_errors > 1 && ev)))
    printf("%s %s %s: %s%s%s%s%s%s%s%s%s\n", ev ? (yes ? "TP" : "FP") : "FN",
           class_names[k], id->valuestring, text->valuestring,
           ev ? "  => " : "", ev ? ev->source : "", ev ? " " : "",
           ev && ev->target ? ev->target : "", ev ? " [" : "",
           ev ? ev->trigger : "", ev ? "] " : "", ev ? ev->pattern : "");
  const cJSON *spans = cJSON_GetObjectItemCaseSensitive(row, "spans");
  if (ev && yes && cJSON_IsArray(spans) && cJSON_GetArraySize(spans) > 0) {
    const cJSON *s0 = cJSON_GetArrayItem(spans, 0);
    const cJSON *sr = cJSON_GetObjectItemCaseSensitive(s0, "source_role");
    const cJSON *main = cJSON_GetObjectItemCaseSensitive(sr, "main");
    /* "None" in the gold means the coders named no country: not scored */
    if (cJSON_IsString(main) && main->valuestring[0] &&
        strcmp(main->valuestring, "None") != 0) {
      st->agree_total++;
      if (strncmp(main->valuestring, ev->source, 3) == 0) st->agree++;
    }
  }
  return 0;
}

static void print_table(const eval_state *st, double secs) {
  double mf = 0;
  printf("%-8s %6s %6s %6s %6s %9s %7s %6s\n", "class", "gold", "tp", "fp",
         "fn", "precision", "recall", "F1");
  for (int k = 0; k < C_N; k++) {
    double p, r, f;
    scores(&st->c[k], &p, &r, &f);
    mf += f / C_N;
    printf("%-8s %6ld %6ld %6ld %6ld %9.3f %7.3f %6.3f\n", class_names[k],
           st->c[k].tp + st->c[k].fn, st->c[k].tp, st->c[k].fp, st->c[k].fn, p,
           r, f);
  }
  printf("macro-F1 %.3f\n", mf);
  printf("source-country agreement %ld/%ld (%.1f%%)\n", st->agree,
         st->agree_total, 100 * ratio(st->agree, st->agree_total));
  printf("rows %ld, malformed %ld, %.2f s, %.2f MB/s\n", st->rows, st->bad,
         secs, secs > 0 ? st->bytes / 1e6 / secs : 0.0);
}

static void print_json(const eval_state *st, double secs) {
  double mf = 0;
  printf("{");
  for (int k = 0; k < C_N; k++) {
    double p, r, f;
    scores(&st->c[k], &p, &r, &f);
    mf += f / C_N;
    printf("\"%s\": {\"tp\": %ld, \"fp\": %ld, \"fn\": %ld, \"tn\": %ld, "
           "\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f}, ",
           class_names[k], st->c[k].tp, st->c[k].fp, st->c[k].fn, st->c[k].tn,
           p, r, f);
  }
  printf("\"macro_f1\": %.4f, \"source_agreement\": {\"agree\": %ld, "
         "\"total\": %ld}, \"rows\": %ld, \"malformed\": %ld, \"seconds\": "
         "%.3f}\n",
         mf, st->agree, st->agree_total, st->rows, st->bad, secs);
}

/* Contract in cli.h. */
int cmd_eval(int argc, char **argv) {
  const char *dict_opt = NULL, *gold = NULL;
  bool json = false, events = false;
  int errors = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc) dict_opt = argv[++i];
    else if (strcmp(argv[i], "--json") == 0) json = true;
    else if (strcmp(argv[i], "--errors") == 0) errors = 1;
    else if (strcmp(argv[i], "--all") == 0) errors = 2;
    else if (strcmp(argv[i], "--events") == 0) events = true;
    else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      puts("usage: wasit eval [--dict DIR] [--json] [--errors] GOLD.jsonl\n"
           "       wasit eval --events [--dict DIR] [--errors] ARTICLES.jsonl\n"
           "Score ASSAULT (roots 18-20) and PROTEST (root 14) detection on a\n"
           "gold file; --errors lists false positives/negatives, --all also\n"
           "the true positives (with the pattern that fired).\n"
           "--events scores whole articles {id, date, text, events: [{source,\n"
           "target, root}]}: precision, recall and F1 over (document, source\n"
           "country, target country, root).");
      return CLI_OK;
    } else if (argv[i][0] == '-' && argv[i][1]) return eval_usage();
    else if (!gold) gold = argv[i];
    else return eval_usage();
  }
  if (!gold) return eval_usage();
  if (events) return cli_eval_events(cli_dict_dir(dict_opt), gold, errors);
  FILE *f = fopen(gold, "rb");
  if (!f) {
    fprintf(stderr, "wasit: eval: cannot open %s\n", gold);
    return CLI_INPUT;
  }
  wasit_error err;
  wasit_dict *dict = NULL;
  wasit_coder *coder = NULL;
  if (wasit_dict_load(&dict, cli_dict_dir(dict_opt), NULL, &err) ||
      wasit_coder_new(&coder, dict, NULL, &err)) {
    cli_report(&err);
    wasit_dict_free(dict);
    fclose(f);
    return CLI_INPUT;
  }
  eval_state st;
  memset(&st, 0, sizeof st);
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  long lineno = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  while ((n = getline(&line, &cap, f)) >= 0) {
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    if (n == 0) continue;
    cJSON *row = cJSON_ParseWithLength(line, (size_t)n);
    if (!cJSON_IsObject(row)) {
      fprintf(stderr, "%s:%ld: not a JSON object\n", gold, lineno);
      st.bad++;
      cJSON_Delete(row);
      continue;
    }
    eval_row(coder, &st, row, gold, lineno, errors);
    cJSON_Delete(row);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  free(line);
  fclose(f);
  wasit_coder_free(coder);
  wasit_dict_free(dict);
  if (json) print_json(&st, secs);
  else print_table(&st, secs);
  return st.bad ? CLI_INPUT : CLI_OK;
}
