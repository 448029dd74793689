/*
** testutil.h: what every cmocka test file includes.
**
** Tests are tables: each row is {id, input, expected} with a realistic Arabic
** sentence.  A failing row prints its id.  WASIT_TEST_DICT names the
** dictionary directory (dict/ar of this checkout).
*/
#ifndef WASIT_TESTUTIL_H
#define WASIT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasit.h"

#define WASIT_TEST_DICT "dict/ar"

/* A wasit_allocator that fails the Nth allocation (counting from 1) and
** every later one, for walking ENOMEM paths.  fail_at = 0 never fails. */
typedef struct test_failing_alloc {
  long calls;
  long fail_at;
} test_failing_alloc;

static inline void *test_failing_realloc(void *ud, void *p, size_t n) {
  test_failing_alloc *fa = ud;
  if (n == 0) {
    free(p);
    return NULL;
  }
  fa->calls++;
  if (fa->fail_at > 0 && fa->calls >= fa->fail_at) return NULL;
  return realloc(p, n);
}

#endif
