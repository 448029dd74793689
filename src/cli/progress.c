/*
** progress.c: progress line on stderr for `wasit code` (see progress.h).
** Uses CLOCK_MONOTONIC; reading the clock once per document is cheap
** (vDSO), drawing happens at most five times a second.
*/
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void cli_progress_init(cli_progress *p, bool enabled, uint64_t total) {
  p->on = enabled && isatty(STDERR_FILENO);
  p->shown = false;
  p->t0 = p->last = now_s();
  p->total = total;
}

void cli_progress_update(cli_progress *p, uint64_t docs, uint64_t bytes) {
  if (!p->on) return;
  double t = now_s();
  if (t - p->last < 0.2 || t - p->t0 < 1.0) return;
  p->last = t;
  double el = t - p->t0;
  double mb = (double)bytes / 1e6;
  double rate = el > 0 ? mb / el : 0;
  char eta[32] = "";
  if (p->total > bytes && rate > 0) {
    long s = (long)(((double)(p->total - bytes) / 1e6) / rate + 0.5);
    snprintf(eta, sizeof eta, ", ETA %ld:%02ld:%02ld", s / 3600, s / 60 % 60,
             s % 60);
  }
  fprintf(stderr, "\rwasit: %llu docs, %.1f MB, %.1f MB/s%s\033[K",
          (unsigned long long)docs, mb, rate, eta);
  fflush(stderr);
  p->shown = true;
}

void cli_progress_done(cli_progress *p) {
  if (p->shown) {
    fputs("\r\033[K", stderr);
    fflush(stderr);
  }
  p->shown = false;
}
