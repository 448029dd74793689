/*
** textutil.h: helpers for the tests of the text layer (after testutil.h
** and text/text.h).
*/
#ifndef WASIT_TEXTUTIL_H
#define WASIT_TEXTUTIL_H

/* Analyze text dated doc_date into *d from arena *ar, which it
** initializes (the caller frees it); the analysis must succeed. */
static inline void analyze_text(txt_doc *d, wa_arena *ar, const char *text,
                                const char *doc_date) {
  arena_init(ar, NULL);
  assert_int_equal(txt_analyze(d, ar, text, strlen(text), doc_date, NULL),
                   WASIT_OK);
}

/* Run txt_analyze(text, doc_date) with an allocator that fails at the 1st,
** 2nd ... max_fail-th allocation.  Every run must return WASIT_OK or
** WASIT_ENOMEM, both must occur, and each successful run's document is
** handed to check(), which asserts what the text must still give. */
static inline void text_enomem_walk(const char *text, const char *doc_date,
                                    long max_fail,
                                    void (*check)(const txt_doc *)) {
  bool saw_fail = false, saw_ok = false;
  for (long n = 1; n < max_fail; n++) {
    test_failing_alloc fa = {0, n};
    wasit_allocator al = {test_failing_realloc, &fa};
    wa_arena ar;
    arena_init(&ar, &al);
    txt_doc d;
    int rc = txt_analyze(&d, &ar, text, strlen(text), doc_date, NULL);
    assert_true(rc == WASIT_OK || rc == WASIT_ENOMEM);
    if (rc == WASIT_ENOMEM) {
      saw_fail = true;
    } else {
      saw_ok = true;
      check(&d);
    }
    arena_free(&ar);
  }
  assert_true(saw_fail && saw_ok);
}

#endif
