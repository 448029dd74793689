/*
** cmd_store.c: `wasit query` and `wasit stats`, the store commands (src/cli).
**
**   wasit query --db FILE [--actor A] [--source S] [--target T] [--dyad A,B]
**               [--root R] [--code C] [--from D] [--to D] [--text WORDS]
**               [--dedup] [--newest] [--limit N] [--offset N]
**               [--format table|jsonl|csv|json]
**   wasit stats --db FILE [--json]
**
** Both open the store read-only: a missing file is an error, never created.
** Options take their value as the next argument or after '='.  Values are
** checked by the library (wasit_store_query); its EINVAL is a usage error.
** Exit status: 0 ok, 1 the store failed (missing, not a store), 2 usage.
*/
#include "cli.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const query_usage =
    "usage: wasit query --db FILE [OPTIONS]\n"
    "Select coded events from a store.\n"
    "\n"
    "  --actor A        source or target code starts with A (e.g. ARM, ARMGOV)\n"
    "  --source S       source code starts with S\n"
    "  --target T       target code starts with T\n"
    "  --dyad A,B       events between A and B, either direction\n"
    "  --root R         CAMEO root, two digits 01-20\n"
    "  --code C         CAMEO code prefix, 2-4 digits (e.g. 19, 057)\n"
    "  --from D         on or after date D (YYYY-MM-DD)\n"
    "  --to D           on or before date D (YYYY-MM-DD)\n"
    "  --text WORDS     sentence contains all WORDS (hamza/harakat folded;\n"
    "                   WORD* matches a prefix)\n"
    "  --dedup          one row per date/source/target/code, with report count\n"
    "  --newest         newest first (default oldest first)\n"
    "  --limit N        at most N events, 1-10000 (default 100)\n"
    "  --offset N       skip the first N events\n"
    "  --format F       table (default), jsonl, csv or json\n"
    "\n"
    "Exit status: 0 ok, 1 store error, 2 usage error.\n";

static const char *const stats_usage =
    "usage: wasit stats --db FILE [--json]\n"
    "Counts by CAMEO root and month, top actors and dyads of a store.\n"
    "\n"
    "Exit status: 0 ok, 1 store error, 2 usage error.\n";

/* If argv[*i] is option `name` ("--name VALUE" or "--name=VALUE"), set
** *val and advance *i; returns 1 when matched, 0 when not, -1 when the
** value is missing. */
static int opt_value(int argc, char **argv, int *i, const char *name,
                     const char **val) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) != 0) return 0;
  if (a[n] == '=') {
    *val = a + n + 1;
    return 1;
  }
  if (a[n] != '\0') return 0;
  if (*i + 1 >= argc) return -1;
  *val = argv[++*i];
  return 1;
}

/* Parse a non-negative decimal long; false when not all digits. */
static bool parse_long(const char *s, long *out) {
  if (*s == '\0' || strspn(s, "0123456789") != strlen(s) || strlen(s) > 12)
    return false;
  errno = 0;
  *out = strtol(s, NULL, 10);
  return errno == 0;
}

/* Open the store read-only; a missing file is reported, not created. */
static int open_store(const char *cmd, const char *db, wasit_store **st) {
  wasit_error err = {0};
  if (access(db, F_OK) != 0) {
    fprintf(stderr, "wasit: %s: %s: no such store\n", cmd, db);
    return CLI_INPUT;
  }
  if (wasit_store_open(st, db, WASIT_STORE_READONLY, &err) != WASIT_OK) {
    cli_report(&err);
    return CLI_INPUT;
  }
  return CLI_OK;
}

/* Split "A,B" into two codes in buf (at most 127 bytes). */
static bool split_dyad(const char *v, char *buf, size_t cap, const char **a,
                       const char **b) {
  const char *comma = strchr(v, ',');
  if (comma == NULL || strlen(v) >= cap) return false;
  memcpy(buf, v, strlen(v) + 1);
  buf[comma - v] = '\0';
  *a = buf;
  *b = buf + (comma - v) + 1;
  return **a != '\0' && **b != '\0' && strchr(*b, ',') == NULL;
}

/* `wasit query`; see the usage text. */
int cmd_query(int argc, char **argv) {
  wasit_query q;
  memset(&q, 0, sizeof q);
  const char *db = NULL, *fmt = "table", *dyad = NULL, *lim = NULL,
             *off = NULL;
  char dyad_buf[128];
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(query_usage, stdout);
      return CLI_OK;
    }
    if (strcmp(a, "--dedup") == 0) { q.dedup = 1; continue; }
    if (strcmp(a, "--newest") == 0) { q.desc = 1; continue; }
    struct {
      const char *name;
      const char **slot;
    } opts[] = {{"--db", &db},         {"--actor", &q.actor},
                {"--source", &q.source}, {"--target", &q.target},
                {"--dyad", &dyad},     {"--root", &q.root},
                {"--code", &q.code},   {"--from", &q.from},
                {"--to", &q.to},       {"--text", &q.text},
                {"--limit", &lim},     {"--offset", &off},
                {"--format", &fmt}};
    int m = 0;
    for (size_t k = 0; k < sizeof opts / sizeof opts[0] && m == 0; k++) {
      m = opt_value(argc, argv, &i, opts[k].name, opts[k].slot);
      if (m < 0)
        return cli_usage_error("query", "%s needs a value", opts[k].name);
    }
    if (m == 0) return cli_usage_error("query", "unknown argument '%s'", a);
  }
  if (db == NULL) return cli_usage_error("query", "--db FILE is required");
  int format;
  if (strcmp(fmt, "table") == 0) format = WASIT_QUERY_TABLE;
  else if (strcmp(fmt, "jsonl") == 0) format = WASIT_QUERY_JSONL;
  else if (strcmp(fmt, "csv") == 0) format = WASIT_QUERY_CSV;
  else if (strcmp(fmt, "json") == 0) format = WASIT_QUERY_JSON;
  else
    return cli_usage_error("query", "--format must be table, jsonl, csv or "
                                    "json, not '%s'", fmt);
  if (dyad != NULL &&
      !split_dyad(dyad, dyad_buf, sizeof dyad_buf, &q.dyad_a, &q.dyad_b))
    return cli_usage_error("query", "--dyad wants two codes A,B, not '%s'",
                           dyad);
  if (lim != NULL && (!parse_long(lim, &q.limit) || q.limit < 1))
    return cli_usage_error("query", "--limit must be 1-10000, not '%s'", lim);
  if (off != NULL && !parse_long(off, &q.offset))
    return cli_usage_error("query", "--offset must be a number >= 0, not '%s'",
                           off);
  wasit_store *st = NULL;
  int rc = open_store("query", db, &st);
  if (rc != CLI_OK) return rc;
  wasit_error err = {0};
  int s = wasit_store_query(st, &q, format, cli_write_file, stdout, &err);
  wasit_store_close(st);
  if (s == WASIT_EINVAL)
    return cli_usage_error("query", "%s", err.message);
  if (s != WASIT_OK) {
    cli_report(&err);
    return CLI_INPUT;
  }
  return fflush(stdout) == 0 ? CLI_OK : CLI_INPUT;
}

/* `wasit stats`; see the usage text. */
int cmd_stats(int argc, char **argv) {
  const char *db = NULL;
  int json = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(stats_usage, stdout);
      return CLI_OK;
    }
    if (strcmp(a, "--json") == 0) { json = 1; continue; }
    int m = opt_value(argc, argv, &i, "--db", &db);
    if (m < 0) return cli_usage_error("stats", "--db needs a value");
    if (m == 0) return cli_usage_error("stats", "unknown argument '%s'", a);
  }
  if (db == NULL) return cli_usage_error("stats", "--db FILE is required");
  wasit_store *st = NULL;
  int rc = open_store("stats", db, &st);
  if (rc != CLI_OK) return rc;
  wasit_error err = {0};
  int s = wasit_store_stats(st, json, cli_write_file, stdout, &err);
  wasit_store_close(st);
  if (s != WASIT_OK) {
    cli_report(&err);
    return CLI_INPUT;
  }
  return fflush(stdout) == 0 ? CLI_OK : CLI_INPUT;
}
