/*
** serve.h: the HTTP front end of wasit (module serve, last pipeline stage).
**
** `wasit serve` answers JSON queries over a coded event store and serves
** the dashboard page.  The server is a client of the public store API
** (include/wasit.h, WASIT_STORE_API): this module turns HTTP parameters
** into a wasit_query, calls the store, and wraps the JSON it writes in an
** HTTP response.  It contains no SQL and opens the database read-only.
**
** Threads: libmicrohttpd runs a small pool of threads; each request takes a
** read-only store connection from a mutex-guarded pool (one connection per
** request at a time, never shared by two threads at once).
**
** Static files: only the embedded assets are served, looked up by exact
** path; any other path is 404, so there is nothing to traverse.
*/
#ifndef WASIT_SERVE_H
#define WASIT_SERVE_H

#include "wasit.h"
#include <stddef.h>

/* One embedded file of the dashboard (generated into build/gen/assets.c
** by mk/web.mk).  `path` is the exact URL path ("/", "/app.js"), `type`
** the full Content-Type value including charset. */
typedef struct serve_asset {
  const char *path;
  const char *type;
  const unsigned char *data;
  size_t len;
} serve_asset;

/* Limits applied to every request. */
#define SERVE_MAX_QUERY 2048   /* bytes of path + parameters -> 414 */
#define SERVE_MAX_LIMIT 1000   /* largest page size for /api/events */

typedef struct serve_config {
  const char *db_path;        /* existing store, opened read-only */
  const char *bind;           /* IPv4/IPv6 literal; NULL = "127.0.0.1" */
  int port;                   /* 0 = any free port */
  unsigned threads;           /* worker threads; 0 = 4 */
  const serve_asset *assets;  /* borrowed, must outlive the server */
  size_t n_assets;
  /* Optional sink for server-side failures (a 500 answer); called from
  ** the request threads, so it must be thread-safe.  The client only gets
  ** "internal error"; the details (SQLite message) go here. */
  void (*log)(void *ud, const wasit_error *err);
  void *log_ud;
} serve_config;

typedef struct serve_server serve_server;

/* Start serving in background threads.  Opens the store once to check it
** (WASIT_ESTORE / WASIT_EIO when it cannot be opened read-only), binds the
** address (WASIT_EINVAL for a bad address, WASIT_EIO when the bind fails).
** On success *out owns the running server; stop it with serve_stop(). */
int serve_start(serve_server **out, const serve_config *cfg,
                wasit_error *err);

/* The TCP port actually bound (useful with port 0). */
int serve_port(const serve_server *s);

/* Stop accepting, wait for running requests, close every store
** connection and free the server.  NULL is fine. */
void serve_stop(serve_server *s);

/* ---------------------------------------------------------- parameters */

/* The kinds of API request, decided by the URL path. */
enum serve_route {
  SERVE_ROUTE_NONE = 0,   /* not an API path (maybe an asset) */
  SERVE_ROUTE_EVENTS,     /* /api/events */
  SERVE_ROUTE_DYAD,       /* /api/dyad */
  SERVE_ROUTE_ACTORS,     /* /api/actors */
  SERVE_ROUTE_STATS,      /* /api/stats */
  SERVE_ROUTE_DOC         /* /api/doc */
};

/* A parsed API request.  Strings are borrowed from the parameter values
** given to serve_param_set (libmicrohttpd keeps them for the request). */
typedef struct serve_request {
  enum serve_route route;
  wasit_query q;
  const char *a, *b;        /* /api/dyad actors */
  const char *by;           /* "day" | "week" | "month" */
  const char *doc_id;       /* /api/doc */
  char dyad_buf[130];       /* split "A,B" of the dyad= filter */
} serve_request;

/* The route for `path`, or SERVE_ROUTE_NONE. */
enum serve_route serve_route_of(const char *path);

/* Reset `r` for `route` with default values. */
void serve_request_init(serve_request *r, enum serve_route route);

/* Apply one parameter `key`=`value` (value may be NULL for "?key").
** Returns WASIT_OK, or WASIT_EINVAL with a message for the client in `err`
** (unknown parameter, bad date, non-numeric or out-of-range limit, bad
** actor code, unknown by=...). */
int serve_param_set(serve_request *r, const char *key, const char *value,
                    wasit_error *err);

/* Check what single parameters cannot (required ones, from <= to).
** Returns WASIT_OK or WASIT_EINVAL with a message in `err`. */
int serve_request_check(const serve_request *r, wasit_error *err);

#endif /* WASIT_SERVE_H */
