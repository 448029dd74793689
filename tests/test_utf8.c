/*
** test_utf8.c: UTF-8 decoding, encoding and repair (src/text/utf8.c).
**
** Rows are {id, input bytes, expected repaired text, expected count}.  The
** clean inputs are news-style sentences written for these tests (no
** published text); the broken ones damage such sentences the ways scraped
** pages do: cut multi-byte letters, stray continuation bytes, overlong and
** surrogate forms, NUL bytes.
*/
#include "testutil.h"
#include "text/text.h"

#define RC "\xEF\xBF\xBD" /* U+FFFD */

typedef struct repair_row {
  const char *id;
  const char *in;
  size_t len;          /* bytes of `in` (may contain NUL) */
  const char *expect;  /* repaired text */
  size_t bad;          /* replacements */
} repair_row;

#define ROW(id, lit, exp, bad) {id, lit, sizeof(lit) - 1, exp, bad}

static const repair_row repair_rows[] = {
    /* "Armenia and Azerbaijan agreed on a ceasefire" (clean) */
    ROW("clean-arabic", "اتفقت أرمينيا وأذربيجان على وقف إطلاق النار",
        "اتفقت أرمينيا وأذربيجان على وقف إطلاق النار", 0),
    ROW("clean-ascii", "Reuters, Baku", "Reuters, Baku", 0),
    ROW("empty", "", "", 0),
    /* an existing U+FFFD is valid text, not a repair */
    ROW("existing-fffd", "قال " RC " المتحدث", "قال " RC " المتحدث", 0),
    /* "said" with its last letter cut in the middle (2-byte lead alone) */
    ROW("truncated-2", "قال\xD9", "قال" RC, 1),
    ROW("truncated-2-mid", "قا\xD9 الوزير", "قا" RC " الوزير", 1),
    /* a 3-byte sequence (euro sign) cut after 2 bytes */
    ROW("truncated-3", "بلغت الخسائر 5 \xE2\x82", "بلغت الخسائر 5 " RC, 1),
    /* a 4-byte emoji cut after 3 bytes, then more text */
    ROW("truncated-4", "\xF0\x9F\x98 عاجل", RC " عاجل", 1),
    ROW("lone-continuation", "غزة\x80\x80 اليوم", "غزة" RC RC " اليوم", 2),
    ROW("overlong-2", "\xC0\xAF", RC RC, 2),
    ROW("overlong-3", "\xE0\x80\xAF", RC RC RC, 3),
    ROW("overlong-4", "\xF0\x80\x80\xAF", RC RC RC RC, 4),
    ROW("surrogate", "كابول\xED\xA0\x80", "كابول" RC RC RC, 3),
    ROW("above-10ffff", "\xF4\x90\x80\x80", RC RC RC RC, 4),
    ROW("f5-lead", "\xF5\x80", RC RC, 2),
    ROW("ff-byte", "لبنان\xFF", "لبنان" RC, 1),
    /* a 2-byte lead followed by an ASCII letter: the letter survives */
    ROW("lead-then-ascii", "\xD8" "a", RC "a", 1),
    ROW("nul", "بوتين\0يزور", "بوتين" RC "يزور", 1),
    ROW("nul-only", "\0", RC, 1),
    /* the largest valid code point is kept */
    ROW("max-cp", "\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", 0),
    /* long clean ASCII run (exercises the 8-byte fast path) then a bad byte */
    ROW("fast-path", "The ministry said on Monday that\x80",
        "The ministry said on Monday that" RC, 1),
    /* the 8-byte words of the Arabic fast path (utf8.c simple_run): a letter
    ** cut by a word boundary is carried; a bad byte in any word, or a lead
    ** as the last byte of the input, goes to the byte-wise repair */
    ROW("words-odd-start", "5 قتلى في غزة", "5 قتلى في غزة", 0),
    ROW("words-overlong", "Baku said: \xC0\x80 قصف", "Baku said: " RC RC " قصف", 2),
    ROW("words-lone-cont", "12345678\x80قصف الجيش", "12345678" RC "قصف الجيش", 1),
    ROW("words-lead-last", "1234567\xD8", "1234567" RC, 1),
    ROW("words-lead-e2", "قال المتحدث \xE2\x80\x94 اليوم", "قال المتحدث \xE2\x80\x94 اليوم", 0),
    ROW("words-nul", "وقصف الجيش\0 مواقع", "وقصف الجيش" RC " مواقع", 1),
};

static void test_repair_rows(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof repair_rows / sizeof repair_rows[0]; i++) {
    const repair_row *r = &repair_rows[i];
    wa_arena ar;
    arena_init(&ar, NULL);
    const char *out = NULL;
    size_t out_len = 0, bad = 99;
    int rc = txt_utf8_repair(&ar, r->in, r->len, &out, &out_len, &bad);
    if (rc != WASIT_OK || bad != r->bad || out_len != strlen(r->expect) ||
        memcmp(out, r->expect, out_len) != 0)
      print_error("row %s: rc=%d bad=%zu (want %zu) out_len=%zu (want %zu)\n",
                  r->id, rc, bad, r->bad, out_len, strlen(r->expect));
    assert_int_equal(rc, WASIT_OK);
    assert_int_equal(bad, r->bad);
    assert_int_equal(out_len, strlen(r->expect));
    assert_memory_equal(out, r->expect, out_len);
    if (r->bad == 0) assert_ptr_equal(out, r->in); /* no copy when clean */
    arena_free(&ar);
  }
}

typedef struct decode_row {
  const char *id;
  const char *in;
  uint32_t cp;
  int len;
} decode_row;

static const decode_row decode_rows[] = {
    {"ascii", "A", 'A', 1},
    {"alef-hamza", "أ", 0x0623, 2},
    {"arabic-comma", "،", 0x060C, 2},
    {"lam-alef-ligature", "ﻻ", 0xFEFB, 3},
    {"emoji", "\xF0\x9F\x98\x80", 0x1F600, 4},
    {"lone-cont", "\x80", 0xFFFD, 1},
    {"overlong-c1", "\xC1\xBF", 0xFFFD, 1},
    {"surrogate", "\xED\xA0\x80", 0xFFFD, 1},
    {"truncated-3", "\xE2\x82", 0xFFFD, 2},
    {"bad-second", "\xE2\x28\xA1", 0xFFFD, 1},
};

static void test_decode(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof decode_rows / sizeof decode_rows[0]; i++) {
    const decode_row *r = &decode_rows[i];
    uint32_t cp = 0;
    int n = txt_utf8_decode((const unsigned char *)r->in, strlen(r->in), &cp);
    if (cp != r->cp || n != r->len)
      print_error("row %s: cp=%X len=%d\n", r->id, (unsigned)cp, n);
    assert_int_equal(cp, r->cp);
    assert_int_equal(n, r->len);
  }
}

static void test_encode_roundtrip(void **state) {
  (void)state;
  const uint32_t cps[] = {0x24, 0x627, 0x6F5, 0x20AC, 0xFDF2, 0x1F600, 0x10FFFF};
  for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
    char buf[4];
    int n = txt_utf8_encode(cps[i], buf);
    uint32_t back = 0;
    assert_int_equal(txt_utf8_decode((unsigned char *)buf, (size_t)n, &back), n);
    assert_int_equal(back, cps[i]);
  }
  char buf[4];
  assert_int_equal(txt_utf8_encode(0xD800, buf), 3); /* surrogate -> U+FFFD */
  assert_memory_equal(buf, RC, 3);
  assert_int_equal(txt_utf8_encode(0x110000, buf), 3);
}

/* Random bytes: repair never crashes, always terminates, and its output is
** valid UTF-8 whose only U+FFFDs are the counted replacements. */
static void test_random_bytes(void **state) {
  (void)state;
  uint32_t seed = 12345;
  unsigned char in[300];
  for (int round = 0; round < 2000; round++) {
    size_t len = (size_t)(round % 300);
    for (size_t i = 0; i < len; i++) {
      seed = seed * 1103515245u + 12345u;
      /* bias toward bytes that matter: Arabic leads and continuations */
      unsigned v = (seed >> 16) & 0xFF;
      in[i] = (unsigned char)((seed & 0x100) ? (0x80 | (v & 0x7F)) : v);
    }
    wa_arena ar;
    arena_init(&ar, NULL);
    const char *out;
    size_t out_len, bad;
    assert_int_equal(txt_utf8_repair(&ar, (const char *)in, len, &out,
                                     &out_len, &bad), WASIT_OK);
    size_t fffd = 0;
    for (size_t i = 0; i < out_len;) {
      uint32_t cp;
      int k = txt_utf8_decode((const unsigned char *)out + i, out_len - i, &cp);
      assert_true(k >= 1);
      assert_true(cp != 0);
      if (cp == 0xFFFD) {
        assert_int_equal(k, 3); /* a real, encoded U+FFFD */
        fffd++;
      }
      i += (size_t)k;
    }
    assert_true(fffd >= bad);
    arena_free(&ar);
  }
}

/* The validating fast paths (utf8.c simple_run: 32, then 16 bytes a step
** with SSE2, then 8) against a byte-by-byte model: a news sentence of Arabic
** and ASCII with one bad byte (a lone continuation, an overlong lead, a
** NUL, a lead before ASCII, a three-byte lead) at every offset, so every
** block boundary sees it; the repaired text and the count must be the
** model's. */
static void test_repair_every_offset(void **state) {
  (void)state;
  static const char base[] =
      "قال المتحدث باسم الجيش (AFP) إن 12 شخصا قتلوا في قصف على بلدة قرب حلب";
  static const unsigned char bad_bytes[] = {0x80, 0xC0, 0x00, 0xD8, 0xE2};
  size_t n = strlen(base);
  for (size_t bi = 0; bi < sizeof bad_bytes; bi++)
    for (size_t at = 0; at < n; at++) {
      char in[256], want[1024];
      memcpy(in, base, n);
      in[at] = (char)bad_bytes[bi];
      /* the model: decode one code point at a time */
      size_t w = 0, want_bad = 0;
      for (size_t i = 0; i < n;) {
        uint32_t cp = 0xFFFD;
        int k = 1;
        if (in[i] != 0)
          k = txt_utf8_decode((const unsigned char *)in + i, n - i, &cp);
        if (cp == 0xFFFD) {
          memcpy(want + w, RC, 3);
          w += 3;
          want_bad++;
        } else {
          memcpy(want + w, in + i, (size_t)k);
          w += (size_t)k;
        }
        i += (size_t)k;
      }
      wa_arena ar;
      arena_init(&ar, NULL);
      const char *out;
      size_t out_len, bad;
      assert_int_equal(txt_utf8_repair(&ar, in, n, &out, &out_len, &bad),
                       WASIT_OK);
      if (bad != want_bad || out_len != w || memcmp(out, want, w) != 0)
        fail_msg("byte 0x%02x at %zu: bad %zu (want %zu), length %zu (want %zu)",
                 bad_bytes[bi], at, bad, want_bad, out_len, w);
      arena_free(&ar);
    }
}

static void test_repair_enomem(void **state) {
  (void)state;
  test_failing_alloc fa = {0, 1};
  wasit_allocator a = {test_failing_realloc, &fa};
  wa_arena ar;
  arena_init(&ar, &a);
  const char *out = NULL;
  size_t out_len = 0, bad = 0;
  const char broken[] = "قصفت القوات\xD9 مواقع";
  assert_int_equal(txt_utf8_repair(&ar, broken, sizeof broken - 1, &out,
                                   &out_len, &bad), WASIT_ENOMEM);
  /* clean text needs no memory at all */
  const char clean[] = "قصفت القوات مواقع";
  assert_int_equal(txt_utf8_repair(&ar, clean, sizeof clean - 1, &out,
                                   &out_len, &bad), WASIT_OK);
  assert_ptr_equal(out, clean);
  arena_free(&ar);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_repair_rows),
      cmocka_unit_test(test_decode),
      cmocka_unit_test(test_encode_roundtrip),
      cmocka_unit_test(test_random_bytes),
      cmocka_unit_test(test_repair_every_offset),
      cmocka_unit_test(test_repair_enomem),
  };
  return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
