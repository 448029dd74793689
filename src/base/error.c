/*
** error.c: status texts and the one way errors are recorded.
**
** Every failure in the library ends in wa_error_set(), so a caller always
** gets the status, a message, the input position (file, line) and the
** library source position that raised it.
*/
#include "base.h"
#include <stdio.h>
#include <string.h>

const char *wasit_strerror(int code) {
  switch (code) {
  case WASIT_OK: return "ok";
  case WASIT_ENOMEM: return "out of memory";
  case WASIT_EINVAL: return "invalid argument";
  case WASIT_EIO: return "input/output error";
  case WASIT_EPARSE: return "malformed input record";
  case WASIT_EDICT: return "malformed dictionary";
  case WASIT_ESTORE: return "store error";
  case WASIT_ERANGE: return "value out of range";
  case WASIT_EOF: return "end of input";
  default: return "unknown error";
  }
}

const char *wasit_version(void) { return WASIT_VERSION; }

void wa_error_clear(wasit_error *err) {
  if (err == NULL) return;
  memset(err, 0, sizeof *err);
}

int wa_error_set(wasit_error *err, int code, const char *where, int line,
                 const char *src_file, int src_line, const char *fmt, ...) {
  if (err == NULL) return code;
  err->code = code;
  err->line = line;
  err->src_file = src_file;
  err->src_line = src_line;
  if (where != NULL) snprintf(err->where, sizeof err->where, "%s", where);
  else err->where[0] = '\0';
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return code;
}
