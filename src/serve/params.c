/*
** params.c: HTTP query parameters -> serve_request (module serve).
**
** Every value a client sends is checked here before it reaches the store,
** so a bad request gets a clear 400 message naming the parameter instead of
** an empty result.  The store checks again (and binds values as SQL
** parameters); this layer only knows the shapes of values:
**   actor codes   [A-Z0-9]{1,40}    (prefix match in the store)
**   dates         YYYY-MM-DD, a real calendar day
**   code / root   2-4 / 2 ASCII digits (CAMEO)
**   limit         1..SERVE_MAX_LIMIT, offset 0..1e9, decimal digits only
** Input: values are NUL-terminated, already %-decoded by libmicrohttpd,
** arbitrary bytes.  Nothing here allocates.
*/
#include "serve/serve.h"
#include "base/base.h"

#include <string.h>

enum serve_route serve_route_of(const char *path) {
  if (path == NULL) return SERVE_ROUTE_NONE;
  if (strcmp(path, "/api/events") == 0) return SERVE_ROUTE_EVENTS;
  if (strcmp(path, "/api/dyad") == 0) return SERVE_ROUTE_DYAD;
  if (strcmp(path, "/api/actors") == 0) return SERVE_ROUTE_ACTORS;
  if (strcmp(path, "/api/stats") == 0) return SERVE_ROUTE_STATS;
  if (strcmp(path, "/api/doc") == 0) return SERVE_ROUTE_DOC;
  return SERVE_ROUTE_NONE;
}

void serve_request_init(serve_request *r, enum serve_route route) {
  memset(r, 0, sizeof *r);
  r->route = route;
  r->by = "month";
}

/* True when `s` is 1..max characters of [A-Z0-9]. */
static bool is_actor_code(const char *s, size_t max) {
  size_t n = 0;
  for (; s[n] != '\0'; n++) {
    char c = s[n];
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return n >= 1 && n <= max;
}

/* True when `s` is between lo and hi ASCII digits. */
static bool is_digits(const char *s, size_t lo, size_t hi) {
  size_t n = 0;
  for (; s[n] != '\0'; n++)
    if (s[n] < '0' || s[n] > '9') return false;
  return n >= lo && n <= hi;
}

/* Days per month (February as in a leap year). */
static const int serve_mdays[12] = {31, 29, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};

/* True when `s` is "YYYY-MM-DD" naming a real day (Gregorian). */
static bool is_date(const char *s) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
          (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > serve_mdays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

/* Parse 1..10 decimal digits into *out within [lo, hi]. */
static bool parse_long(const char *s, long lo, long hi, long *out) {
  if (!is_digits(s, 1, 10)) return false;
  long v = 0;
  for (; *s; s++) v = v * 10 + (*s - '0');
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

/* Parameters of /api/events (the wasit_query filters). */
static int set_events_param(serve_request *r, const char *key,
                            const char *v, wasit_error *err) {
  wasit_query *q = &r->q;
  if (strcmp(key, "actor") == 0 || strcmp(key, "source") == 0 ||
      strcmp(key, "target") == 0) {
    if (!is_actor_code(v, 40))
      return WA_ERR(err, WASIT_EINVAL,
                    "%s: expected a CAMEO actor code (A-Z, 0-9)", key);
    if (key[0] == 'a') q->actor = v;
    else if (key[0] == 's') q->source = v;
    else q->target = v;
    return WASIT_OK;
  }
  if (strcmp(key, "dyad") == 0) {
    const char *comma = strchr(v, ',');
    size_t n = strlen(v);
    if (comma == NULL || n >= sizeof r->dyad_buf)
      return WA_ERR(err, WASIT_EINVAL, "dyad: expected two codes A,B");
    memcpy(r->dyad_buf, v, n + 1);
    r->dyad_buf[comma - v] = '\0';
    const char *a = r->dyad_buf, *b = r->dyad_buf + (comma - v) + 1;
    if (!is_actor_code(a, 40) || !is_actor_code(b, 40))
      return WA_ERR(err, WASIT_EINVAL, "dyad: expected two codes A,B");
    q->dyad_a = a;
    q->dyad_b = b;
    return WASIT_OK;
  }
  if (strcmp(key, "root") == 0) {
    if (!is_digits(v, 2, 2))
      return WA_ERR(err, WASIT_EINVAL, "root: expected two digits");
    q->root = v;
    return WASIT_OK;
  }
  if (strcmp(key, "code") == 0) {
    if (!is_digits(v, 2, 4))
      return WA_ERR(err, WASIT_EINVAL, "code: expected 2 to 4 digits");
    q->code = v;
    return WASIT_OK;
  }
  if (strcmp(key, "text") == 0) {
    if (v[0] == '\0' || strlen(v) > 256)
      return WA_ERR(err, WASIT_EINVAL, "text: expected 1 to 256 bytes");
    q->text = v;
    return WASIT_OK;
  }
  if (strcmp(key, "dedup") == 0) {
    if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || v[0] == '\0')
      q->dedup = 1;
    else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
      q->dedup = 0;
    else
      return WA_ERR(err, WASIT_EINVAL, "dedup: expected 1 or 0");
    return WASIT_OK;
  }
  if (strcmp(key, "limit") == 0) {
    if (!parse_long(v, 1, SERVE_MAX_LIMIT, &q->limit))
      return WA_ERR(err, WASIT_EINVAL, "limit: expected a number 1..%d",
                    SERVE_MAX_LIMIT);
    return WASIT_OK;
  }
  if (strcmp(key, "offset") == 0) {
    if (!parse_long(v, 0, 1000000000L, &q->offset))
      return WA_ERR(err, WASIT_EINVAL,
                    "offset: expected a number 0..1000000000");
    return WASIT_OK;
  }
  return WA_ERR(err, WASIT_EINVAL, "unknown parameter '%.64s'", key);
}

/* Parameters of /api/dyad. */
static int set_dyad_param(serve_request *r, const char *key, const char *v,
                          wasit_error *err) {
  if (strcmp(key, "a") == 0 || strcmp(key, "b") == 0) {
    if (!is_actor_code(v, 40))
      return WA_ERR(err, WASIT_EINVAL,
                    "%s: expected a CAMEO actor code (A-Z, 0-9)", key);
    if (key[0] == 'a') r->a = v;
    else r->b = v;
    return WASIT_OK;
  }
  if (strcmp(key, "by") == 0) {
    if (strcmp(v, "day") != 0 && strcmp(v, "week") != 0 &&
        strcmp(v, "month") != 0)
      return WA_ERR(err, WASIT_EINVAL, "by: expected day, week or month");
    r->by = v;
    return WASIT_OK;
  }
  return WA_ERR(err, WASIT_EINVAL, "unknown parameter '%.64s'", key);
}

int serve_param_set(serve_request *r, const char *key, const char *value,
                    wasit_error *err) {
  const char *v = value ? value : "";
  if (key == NULL || key[0] == '\0')
    return WA_ERR(err, WASIT_EINVAL, "empty parameter name");
  /* Date range: shared by /api/events and /api/dyad. */
  if ((r->route == SERVE_ROUTE_EVENTS || r->route == SERVE_ROUTE_DYAD) &&
      (strcmp(key, "from") == 0 || strcmp(key, "to") == 0)) {
    if (!is_date(v))
      return WA_ERR(err, WASIT_EINVAL, "%s: expected a date YYYY-MM-DD",
                    key);
    if (key[0] == 'f') r->q.from = v;
    else r->q.to = v;
    return WASIT_OK;
  }
  switch (r->route) {
  case SERVE_ROUTE_EVENTS: return set_events_param(r, key, v, err);
  case SERVE_ROUTE_DYAD: return set_dyad_param(r, key, v, err);
  case SERVE_ROUTE_DOC:
    if (strcmp(key, "id") == 0) {
      if (v[0] == '\0' || strlen(v) > 512)
        return WA_ERR(err, WASIT_EINVAL, "id: expected a document id");
      r->doc_id = v;
      return WASIT_OK;
    }
    break;
  default: break;
  }
  return WA_ERR(err, WASIT_EINVAL, "unknown parameter '%.64s'", key);
}

int serve_request_check(const serve_request *r, wasit_error *err) {
  if (r->q.from != NULL && r->q.to != NULL && strcmp(r->q.from, r->q.to) > 0)
    return WA_ERR(err, WASIT_EINVAL, "from: must not be after to");
  if (r->route == SERVE_ROUTE_DYAD && (r->a == NULL || r->b == NULL))
    return WA_ERR(err, WASIT_EINVAL, "a and b: two actor codes are required");
  if (r->route == SERVE_ROUTE_DOC && r->doc_id == NULL)
    return WA_ERR(err, WASIT_EINVAL, "id: a document id is required");
  return WASIT_OK;
}
