/*
** progress.h: the progress line of long `wasit code` runs (src/cli).
**
** Shown on stderr only (never stdout, never files), only when stderr is a
** terminal and --quiet was not given, at most ~5 updates a second, after
** the run has lasted a second: documents, MB, MB/s and, when the input
** size is known (regular files), an ETA.  The state lives in the caller's
** cli_progress; nothing here is global.
*/
#ifndef WASIT_CLI_PROGRESS_H
#define WASIT_CLI_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

typedef struct cli_progress {
  bool on;            /* enabled (stderr is a tty and not --quiet) */
  bool shown;         /* a line was drawn and must be cleared */
  double t0;          /* start, seconds on the monotonic clock */
  double last;        /* time of the last update */
  uint64_t total;     /* input bytes when known, else 0 */
} cli_progress;

/* Start timing.  `enabled` is the caller's wish (not --quiet); the line is
** drawn only if stderr is also a terminal.  `total` is the input size in
** bytes or 0 when unknown. */
void cli_progress_init(cli_progress *p, bool enabled, uint64_t total);
/* Report `docs` documents and `bytes` input bytes done so far; redraws
** only when 0.2 s have passed since the last draw. */
void cli_progress_update(cli_progress *p, uint64_t docs, uint64_t bytes);
/* Erase the line (if one was drawn) so the summary starts clean. */
void cli_progress_done(cli_progress *p);

#endif
