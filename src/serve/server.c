/*
** server.c: libmicrohttpd glue for `wasit serve` (module serve).
**
** Request flow: the URI log callback records the raw request-target length
** (so the 2 KB limit counts what the client sent, not the decoded text);
** the access handler checks method and length, routes /api/... to the
** store through a pooled read-only connection, and answers everything else
** from the embedded assets by exact path.  Every response wasit makes,
** errors included, goes through send_bytes and carries Content-Type with
** charset=utf-8 and the headers of serve_security_headers below
** (Content-Security-Policy default-src 'self', nosniff, no referrer);
** a 405 also says Allow: GET, HEAD.  Errors are JSON: {"error": "..."}.
**
** Responses libmicrohttpd (0.9.75) makes itself never reach this file: a
** malformed request line or header (400), an unsupported HTTP version
** (505), a request line or headers beyond the 64 KiB connection memory
** (414, 431), a broken chunked body (400).  Its API has no hook to add
** headers to those; they carry a fixed short HTML text that echoes
** nothing of the request, and the connection is closed after them
** (tests/sh/test_serve_api.sh checks both).  Everything libmicrohttpd
** hands to access_cb, however odd, is answered here with the headers.
**
** Workload: a few analysts or a load test; requests are small reads, so a
** thread pool of `threads` threads and as many pooled connections suffice.
** Memory: each API response is built in a wa_buf, copied into the MHD
** response and freed before the handler returns.
*/
#include "serve/serve.h"
#include "base/base.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#if MHD_VERSION < 0x00097002
typedef int serve_mhd_result;
#else
typedef enum MHD_Result serve_mhd_result;
#endif

#define SERVE_JSON "application/json; charset=utf-8"

/* Added to every response wasit makes (send_bytes). */
static const struct {
  const char *name, *value;
} serve_security_headers[] = {
    {"Content-Security-Policy", "default-src 'self'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
};

struct serve_server {
  struct MHD_Daemon *daemon;
  char *db_path;               /* owned copy */
  const serve_asset *assets;   /* borrowed from the config */
  size_t n_assets;
  int port;
  void (*log)(void *ud, const wasit_error *err);
  void *log_ud;
  pthread_mutex_t mu;          /* guards the connection pool below */
  bool mu_ok;                  /* mu was initialised */
  wasit_store **pool;          /* idle read-only connections */
  size_t n_pool, cap_pool;
};

/* ------------------------------------------------------ store connections */

/* Take an idle connection or open a new one; NULL with `err` on failure. */
static wasit_store *pool_take(serve_server *s, wasit_error *err) {
  wasit_store *st = NULL;
  pthread_mutex_lock(&s->mu);
  if (s->n_pool > 0) st = s->pool[--s->n_pool];
  pthread_mutex_unlock(&s->mu);
  if (st != NULL) return st;
  if (wasit_store_open(&st, s->db_path, WASIT_STORE_READONLY, err) !=
      WASIT_OK)
    return NULL;
  return st;
}

/* Return a connection to the pool (closed when the pool is full). */
static void pool_give(serve_server *s, wasit_store *st) {
  pthread_mutex_lock(&s->mu);
  if (s->n_pool < s->cap_pool) {
    s->pool[s->n_pool++] = st;
    st = NULL;
  }
  pthread_mutex_unlock(&s->mu);
  wasit_store_close(st);
}

/* -------------------------------------------------------------- responses */

/* wasit_write_fn appending to a wa_buf. */
static int buf_sink(void *ud, const char *data, size_t len) {
  wa_buf *b = ud;
  buf_append(b, data, len);
  return b->failed ? -1 : 0;
}

/* Queue `len` bytes of `body` (copied) with the common headers. */
static serve_mhd_result send_bytes(struct MHD_Connection *c, unsigned status,
                                   const char *type, const void *body,
                                   size_t len, bool persistent) {
  struct MHD_Response *r = MHD_create_response_from_buffer(
      len, (void *)body,
      persistent ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_COPY);
  if (r == NULL) return MHD_NO;
  bool ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type) ==
            MHD_YES;
  for (size_t i = 0; i < sizeof serve_security_headers /
                              sizeof serve_security_headers[0]; i++)
    ok = ok && MHD_add_response_header(r, serve_security_headers[i].name,
                                       serve_security_headers[i].value) ==
                   MHD_YES;
  ok = ok && MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                                     persistent ? "max-age=300"
                                                : "no-store") == MHD_YES;
  if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
    ok = ok && MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW,
                                       "GET, HEAD") == MHD_YES;
  if (!ok) { /* out of memory: no response rather than one without them */
    MHD_destroy_response(r);
    return MHD_NO;
  }
  serve_mhd_result ret = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ret;
}

/* Queue {"error": msg} with `status`. */
static serve_mhd_result send_error(struct MHD_Connection *c, unsigned status,
                                   const char *msg) {
  wa_buf b;
  buf_init(&b, NULL);
  buf_puts(&b, "{\"error\": ");
  buf_json_str(&b, msg, strlen(msg));
  buf_puts(&b, "}\n");
  serve_mhd_result ret;
  if (b.failed)
    ret = send_bytes(c, MHD_HTTP_INTERNAL_SERVER_ERROR, SERVE_JSON,
                     "{\"error\": \"out of memory\"}\n", 27, true);
  else
    ret = send_bytes(c, status, SERVE_JSON, b.data, b.len, false);
  buf_free(&b);
  return ret;
}

/* ------------------------------------------------------------ API calls */

/* Parameter iterator state. */
typedef struct param_ctx {
  serve_request *req;
  wasit_error *err;
  int rc;
} param_ctx;

static serve_mhd_result param_cb(void *cls, enum MHD_ValueKind kind,
                                 const char *key, const char *value) {
  param_ctx *p = cls;
  (void)kind;
  p->rc = serve_param_set(p->req, key, value, p->err);
  return p->rc == WASIT_OK ? MHD_YES : MHD_NO;
}

/* Run the store call for a checked request, writing JSON into `out`. */
static int run_api(serve_server *s, const serve_request *req, wa_buf *out,
                   wasit_error *err) {
  wasit_store *st = pool_take(s, err);
  if (st == NULL) return err->code ? err->code : WASIT_ESTORE;
  int rc;
  switch (req->route) {
  case SERVE_ROUTE_EVENTS:
    rc = wasit_store_query(st, &req->q, WASIT_QUERY_JSON, buf_sink, out, err);
    break;
  case SERVE_ROUTE_DYAD:
    rc = wasit_store_dyad_json(st, req->a, req->b, req->by, &req->q,
                               buf_sink, out, err);
    break;
  case SERVE_ROUTE_ACTORS:
    rc = wasit_store_actors_json(st, buf_sink, out, err);
    break;
  case SERVE_ROUTE_STATS:
    rc = wasit_store_stats(st, 1, buf_sink, out, err);
    break;
  case SERVE_ROUTE_DOC:
    rc = wasit_store_doc_json(st, req->doc_id, buf_sink, out, err);
    break;
  default:
    rc = WA_ERR(err, WASIT_EINVAL, "no such API");
    break;
  }
  pool_give(s, st);
  if (rc == WASIT_OK && out->failed)
    rc = WA_ERR(err, WASIT_ENOMEM, "out of memory");
  return rc;
}

/* True when a /api/doc call failed because the document does not exist:
** the store reports that as WASIT_EINVAL "no such document" (query.c). */
static bool is_missing_doc(enum serve_route route, int rc,
                           const wasit_error *err) {
  return route == SERVE_ROUTE_DOC && rc == WASIT_EINVAL &&
         strcmp(err->message, "no such document") == 0;
}

static serve_mhd_result handle_api(serve_server *s, struct MHD_Connection *c,
                                   enum serve_route route) {
  serve_request req;
  wasit_error err;
  memset(&err, 0, sizeof err);
  serve_request_init(&req, route);
  param_ctx p = {&req, &err, WASIT_OK};
  MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, param_cb, &p);
  if (p.rc == WASIT_OK) p.rc = serve_request_check(&req, &err);
  if (p.rc != WASIT_OK) return send_error(c, MHD_HTTP_BAD_REQUEST, err.message);

  wa_buf out;
  buf_init(&out, NULL);
  int rc = run_api(s, &req, &out, &err);
  serve_mhd_result ret;
  if (is_missing_doc(route, rc, &err))
    ret = send_error(c, MHD_HTTP_NOT_FOUND, "no such document");
  else if (rc == WASIT_OK)
    ret = send_bytes(c, MHD_HTTP_OK, SERVE_JSON, out.data, out.len, false);
  else if (rc == WASIT_EINVAL || rc == WASIT_ERANGE)
    ret = send_error(c, MHD_HTTP_BAD_REQUEST,
                     err.message[0] ? err.message : wasit_strerror(rc));
  else {
    if (s->log != NULL) s->log(s->log_ud, &err);
    ret = send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "internal error");
  }
  buf_free(&out);
  return ret;
}

/* ------------------------------------------------------------ dispatch */

static const serve_asset *find_asset(const serve_server *s, const char *url) {
  for (size_t i = 0; i < s->n_assets; i++)
    if (strcmp(s->assets[i].path, url) == 0) return &s->assets[i];
  return NULL;
}

/* The request's context pointer holds an integer, nothing is allocated:
** bit 0 says the access handler has been called once (see access_cb), the
** other bits the raw request-target length + 1 (0: unknown). */
#define SERVE_SEEN ((uintptr_t)1)

/* MHD_OPTION_URI_LOG_CALLBACK: record the raw request-target length. */
static void *uri_log_cb(void *cls, const char *uri,
                        struct MHD_Connection *c) {
  (void)cls;
  (void)c;
  size_t n = uri ? strlen(uri) : 0;
  return (void *)(((uintptr_t)n + 1) << 1);
}

static serve_mhd_result access_cb(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **req_cls) {
  serve_server *s = cls;
  (void)version;
  (void)upload;
  uintptr_t ctx = (uintptr_t)*req_cls;
  /* Answer only once the whole request is read: a response queued on the
  ** first call (headers only) makes libmicrohttpd close the connection,
  ** which would defeat keep-alive. */
  if ((ctx & SERVE_SEEN) == 0) {
    *req_cls = (void *)(ctx | SERVE_SEEN);
    return MHD_YES;
  }
  if (*upload_size != 0) { /* a body: read and ignore it */
    *upload_size = 0;
    return MHD_YES;
  }
  if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
      strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
    return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED,
                      "only GET and HEAD are allowed");
  uintptr_t raw = ctx >> 1;
  size_t raw_len = raw > 0 ? (size_t)(raw - 1) : strlen(url);
  if (raw_len > SERVE_MAX_QUERY)
    return send_error(c, MHD_HTTP_URI_TOO_LONG,
                      "request URL longer than 2048 bytes");

  if (strncmp(url, "/api/", 5) == 0) {
    enum serve_route route = serve_route_of(url);
    if (route == SERVE_ROUTE_NONE)
      return send_error(c, MHD_HTTP_NOT_FOUND, "no such API endpoint");
    return handle_api(s, c, route);
  }
  const serve_asset *a = find_asset(s, url);
  if (a == NULL) return send_error(c, MHD_HTTP_NOT_FOUND, "not found");
  return send_bytes(c, MHD_HTTP_OK, a->type, a->data, a->len, true);
}

/* ------------------------------------------------------------- lifecycle */

/* Fill `ss` from bind address `bind` and `port`; false when not a literal. */
static bool make_addr(struct sockaddr_storage *ss, const char *bind, int port,
                      bool *v6) {
  memset(ss, 0, sizeof *ss);
  struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
  if (inet_pton(AF_INET, bind, &in4->sin_addr) == 1) {
    in4->sin_family = AF_INET;
    in4->sin_port = htons((uint16_t)port);
    *v6 = false;
    return true;
  }
  struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
  if (inet_pton(AF_INET6, bind, &in6->sin6_addr) == 1) {
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons((uint16_t)port);
    *v6 = true;
    return true;
  }
  return false;
}

int serve_start(serve_server **out, const serve_config *cfg,
                wasit_error *err) {
  *out = NULL;
  if (cfg == NULL || cfg->db_path == NULL)
    return WA_ERR(err, WASIT_EINVAL, "serve: no database given");
  const char *bind = cfg->bind ? cfg->bind : "127.0.0.1";
  if (cfg->port < 0 || cfg->port > 65535)
    return WA_ERR(err, WASIT_EINVAL, "serve: port %d out of range",
                  cfg->port);
  struct sockaddr_storage ss;
  bool v6 = false;
  if (!make_addr(&ss, bind, cfg->port, &v6))
    return WA_ERR(err, WASIT_EINVAL,
                  "serve: bind address '%.64s' is not an IP address", bind);

  unsigned threads = cfg->threads ? cfg->threads : 4;
  serve_server *s = wa_calloc(NULL, 1, sizeof *s);
  if (s == NULL) return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  s->assets = cfg->assets;
  s->n_assets = cfg->n_assets;
  s->log = cfg->log;
  s->log_ud = cfg->log_ud;
  s->cap_pool = threads;
  s->db_path = wa_strndup(NULL, cfg->db_path, strlen(cfg->db_path));
  s->pool = wa_calloc(NULL, threads, sizeof *s->pool);
  if (s->db_path == NULL || s->pool == NULL) {
    serve_stop(s);
    return WA_ERR(err, WASIT_ENOMEM, "out of memory");
  }
  pthread_mutex_init(&s->mu, NULL);
  s->mu_ok = true;

  /* Open one connection now: a missing or unreadable store fails here,
  ** before the port is bound, and then serves the first request. */
  wasit_store *st = NULL;
  int rc = wasit_store_open(&st, s->db_path, WASIT_STORE_READONLY, err);
  if (rc != WASIT_OK) {
    serve_stop(s);
    return rc;
  }
  s->pool[s->n_pool++] = st;

  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
  if (v6) flags |= MHD_USE_IPv6;
  s->daemon = MHD_start_daemon(
      flags, (uint16_t)cfg->port, NULL, NULL, access_cb, s,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
      MHD_OPTION_THREAD_POOL_SIZE, threads,
      MHD_OPTION_URI_LOG_CALLBACK, uri_log_cb, (void *)s,
      MHD_OPTION_CONNECTION_TIMEOUT, 30u,
      MHD_OPTION_CONNECTION_LIMIT, 512u,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
      MHD_OPTION_END);
  if (s->daemon == NULL) {
    serve_stop(s);
    return WA_ERR(err, WASIT_EIO, "serve: cannot listen on %.64s port %d",
                  bind, cfg->port);
  }
  const union MHD_DaemonInfo *info =
      MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
  s->port = info ? (int)info->port : cfg->port;
  *out = s;
  return WASIT_OK;
}

int serve_port(const serve_server *s) { return s ? s->port : 0; }

void serve_stop(serve_server *s) {
  if (s == NULL) return;
  if (s->daemon != NULL) MHD_stop_daemon(s->daemon);
  if (s->mu_ok) pthread_mutex_destroy(&s->mu);
  for (size_t i = 0; i < s->n_pool; i++) wasit_store_close(s->pool[i]);
  wa_free(NULL, s->pool);
  wa_free(NULL, s->db_path);
  wa_free(NULL, s);
}
