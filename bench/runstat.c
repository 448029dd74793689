/*
** runstat.c: run a command and report its wall time and peak RSS
** (bench/ and tests helper; getrusage of the child, no /usr/bin/time).
**
**   runstat OUTFILE CMD [ARG...]
**
** stdin/stdout/stderr are inherited; OUTFILE receives one line
** "SECONDS MAXRSS_KB STATUS".  The exit status is the command's.
*/
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: runstat OUTFILE CMD [ARG...]\n", stderr);
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) return 127;
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    _exit(127);
  }
  int status = 0;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) return 127;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  FILE *f = fopen(argv[1], "w");
  if (f == NULL) return 127;
  fprintf(f, "%.3f %ld %d\n",
          (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9,
          ru.ru_maxrss, rc);
  fclose(f);
  return rc;
}
