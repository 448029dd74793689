/*
** test_writer.c: the JSONL and TSV event writers (src/io/writer.c).
**
** A hand-built wasit_result with Arabic text (sentences written for this
** test in news style: an air strike on Gaza in October 2023, a Cairo
** statement on truce talks) is written in both formats and compared byte
** for byte: key order, null handling, location, killed/wounded null and
** set, modes, escaping of quotes, tabs, newlines and backslashes.
*/
#include "testutil.h"

#include "base/base.h"

/* A sink collecting everything written; `fail` makes it refuse. */
typedef struct sink {
  char data[8192];
  size_t len;
  int calls;
  int fail;
} sink;

static int sink_write(void *ud, const char *buf, size_t len) {
  sink *s = ud;
  s->calls++;
  if (s->fail) return -1;
  assert_true(s->len + len < sizeof s->data);
  memcpy(s->data + s->len, buf, len);
  s->len += len;
  s->data[s->len] = '\0';
  return 0;
}

static const wasit_location gaza = {"غزة", "PSE", 31.5017, 34.4668};

/* Sentence 1 carries a tab, a newline, a quote and a backslash. */
static const char s0[] =
    "قصف الجيش الإسرائيلي مواقع في غزة ما أدى إلى مقتل 12 شخصا وإصابة 30.";
static const char s1[] =
    "قالت القاهرة إنها \"ستستضيف\"\tمحادثات\nالتهدئة \\ الأسبوع المقبل.";

/* One document with two sentences and two events (a third slot for tests
** that add one), wired together as a wasit_result. */
typedef struct fixture {
  wasit_result res;
  wasit_doc doc;
  wasit_sentence sents[2];
  wasit_event evs[3];
} fixture;

static void build(fixture *f) {
  memset(f, 0, sizeof *f);
  wasit_result *res = &f->res;
  wasit_doc *doc = &f->doc;
  wasit_sentence *sents = f->sents;
  wasit_event *evs = f->evs;
  doc->id = "ahram-2023-1009";
  doc->text = s0;
  doc->text_len = strlen(s0);
  doc->date = "2023-10-09";
  sents[0].text = s0;
  sents[0].normalized = s0;
  sents[1].text = s1;
  sents[1].normalized = s1;

  evs[0].sentence = 0;
  strcpy(evs[0].date, "2023-10-08");
  evs[0].source = "ISRMIL";
  evs[0].target = "PSE";
  evs[0].source_text = "الجيش الإسرائيلي";
  evs[0].target_text = "غزة";
  evs[0].trigger = "قصف";
  strcpy(evs[0].code, "195");
  strcpy(evs[0].root, "19");
  evs[0].quad_class = 4;
  evs[0].goldstein = -10.0;
  evs[0].location = &gaza;
  evs[0].killed = 12;
  evs[0].wounded = 30;
  evs[0].mode = 0;
  evs[0].pattern = "verbs:195:12";

  evs[1].sentence = 1;
  evs[1].date[0] = '\0';
  evs[1].source = "EGYGOV";
  evs[1].target = NULL;
  evs[1].source_text = "القاهرة";
  evs[1].target_text = NULL;
  evs[1].trigger = "ستستضيف";
  strcpy(evs[1].code, "0431");
  strcpy(evs[1].root, "04");
  evs[1].quad_class = 1;
  evs[1].goldstein = 2.8;
  evs[1].location = NULL;
  evs[1].killed = WASIT_COUNT_NONE;
  evs[1].wounded = WASIT_COUNT_NONE;
  evs[1].mode = WASIT_MODE_REPORTED | WASIT_MODE_FUTURE;
  evs[1].pattern = "verbs:043\\1";

  res->doc = doc;
  res->sentences = sents;
  res->n_sentences = 2;
  res->events = evs;
  res->n_events = 2;
}

static const char expect_jsonl[] =
    "{\"doc_id\":\"ahram-2023-1009\",\"sentence\":0,\"date\":\"2023-10-08\","
    "\"source\":\"ISRMIL\",\"target\":\"PSE\","
    "\"source_text\":\"الجيش الإسرائيلي\",\"target_text\":\"غزة\","
    "\"trigger\":\"قصف\",\"code\":\"195\",\"root\":\"19\",\"quad_class\":4,"
    "\"goldstein\":-10.0,\"location\":{\"name\":\"غزة\",\"country\":\"PSE\","
    "\"lat\":31.5017,\"lon\":34.4668},\"killed\":12,\"wounded\":30,"
    "\"mode\":[],"
    "\"text\":\"قصف الجيش الإسرائيلي مواقع في غزة ما أدى إلى مقتل 12 شخصا "
    "وإصابة 30.\",\"pattern\":\"verbs:195:12\"}\n"
    "{\"doc_id\":\"ahram-2023-1009\",\"sentence\":1,\"date\":null,"
    "\"source\":\"EGYGOV\",\"target\":null,\"source_text\":\"القاهرة\","
    "\"target_text\":null,\"trigger\":\"ستستضيف\",\"code\":\"0431\","
    "\"root\":\"04\",\"quad_class\":1,\"goldstein\":2.8,\"location\":null,"
    "\"killed\":null,\"wounded\":null,\"mode\":[\"reported\",\"future\"],"
    "\"text\":\"قالت القاهرة إنها \\\"ستستضيف\\\"\\tمحادثات\\nالتهدئة \\\\ "
    "الأسبوع المقبل.\",\"pattern\":\"verbs:043\\\\1\"}\n";

static const char expect_header[] =
    "doc_id\tsentence\tdate\tsource\ttarget\tsource_text\ttarget_text\t"
    "trigger\tcode\troot\tquad_class\tgoldstein\tlocation\tkilled\twounded\t"
    "mode\ttext\tpattern\n";

static const char expect_tsv[] =
    "ahram-2023-1009\t0\t2023-10-08\tISRMIL\tPSE\tالجيش الإسرائيلي\tغزة\t"
    "قصف\t195\t19\t4\t-10.0\tغزة;PSE;31.5017;34.4668\t12\t30\t\t"
    "قصف الجيش الإسرائيلي مواقع في غزة ما أدى إلى مقتل 12 شخصا وإصابة 30.\t"
    "verbs:195:12\n"
    "ahram-2023-1009\t1\t\tEGYGOV\t\tالقاهرة\t\tستستضيف\t0431\t04\t1\t2.8\t"
    "\t\t\treported,future\t"
    "قالت القاهرة إنها \"ستستضيف\"\\tمحادثات\\nالتهدئة \\\\ الأسبوع المقبل.\t"
    "verbs:043\\\\1\n";

static void test_jsonl_exact(void **state) {
  (void)state;
  fixture f;
  build(&f);
  sink s = {0};
  assert_int_equal(wasit_write_header(WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_int_equal(s.len, 0);
  assert_int_equal(wasit_write_events(&f.res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_string_equal(s.data, expect_jsonl);
  assert_int_equal(s.calls, 1); /* one write per document */
}

static void test_tsv_exact(void **state) {
  (void)state;
  fixture f;
  build(&f);
  sink s = {0};
  assert_int_equal(wasit_write_header(WASIT_FORMAT_TSV, sink_write, &s),
                   WASIT_OK);
  assert_string_equal(s.data, expect_header);
  s.len = 0;
  assert_int_equal(wasit_write_events(&f.res, WASIT_FORMAT_TSV, sink_write, &s),
                   WASIT_OK);
  assert_string_equal(s.data, expect_tsv);
  /* every line has exactly one field per column */
  size_t ncol = 0;
  while (wasit_event_columns()[ncol] != NULL) ncol++;
  size_t tabs = 0, lines = 0;
  for (size_t i = 0; i < s.len; i++) {
    if (s.data[i] == '\t') tabs++;
    if (s.data[i] == '\n') lines++;
  }
  assert_int_equal(lines, 2);
  assert_int_equal(tabs, 2 * (ncol - 1));
}

static void test_columns(void **state) {
  (void)state;
  static const char *const want[] = {
      "doc_id", "sentence", "date", "source", "target", "source_text",
      "target_text", "trigger", "code", "root", "quad_class", "goldstein",
      "location", "killed", "wounded", "mode", "text", "pattern"};
  const char *const *cols = wasit_event_columns();
  size_t n = sizeof want / sizeof want[0];
  for (size_t i = 0; i < n; i++) assert_string_equal(cols[i], want[i]);
  assert_null(cols[n]);
}

/* Killed set but wounded unknown, all four modes, a -0.04 Goldstein value
** (must print 0.0, never -0.0), a location south of the equator/west. */
static void test_numbers_and_modes(void **state) {
  (void)state;
  fixture f;
  build(&f);
  static const wasit_location lima = {"ليما", "PER", -12.0464, -77.0428};
  f.evs[0].goldstein = -0.04;
  f.evs[0].killed = 0;
  f.evs[0].wounded = WASIT_COUNT_NONE;
  f.evs[0].location = &lima;
  f.evs[0].mode = WASIT_MODE_REPORTED | WASIT_MODE_FUTURE |
                WASIT_MODE_HISTORICAL | WASIT_MODE_CONDITIONAL;
  f.res.n_events = 1;
  sink s = {0};
  assert_int_equal(wasit_write_events(&f.res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_non_null(strstr(s.data, "\"goldstein\":0.0,"));
  assert_non_null(strstr(s.data, "\"lat\":-12.0464,\"lon\":-77.0428}"));
  assert_non_null(strstr(s.data, "\"killed\":0,\"wounded\":null,"));
  assert_non_null(strstr(
      s.data,
      "\"mode\":[\"reported\",\"future\",\"historical\",\"conditional\"]"));
  s.len = 0;
  assert_int_equal(wasit_write_events(&f.res, WASIT_FORMAT_TSV, sink_write, &s),
                   WASIT_OK);
  assert_non_null(strstr(s.data, "\t0.0\tليما;PER;-12.0464;-77.0428\t0\t\t"
                                 "reported,future,historical,conditional\t"));
}

static void test_errors(void **state) {
  (void)state;
  fixture f;
  build(&f);
  sink s = {0};
  s.fail = 1;
  assert_int_equal(wasit_write_events(&f.res, WASIT_FORMAT_TSV, sink_write, &s),
                   WASIT_EIO);
  assert_int_equal(wasit_write_header(WASIT_FORMAT_TSV, sink_write, &s),
                   WASIT_EIO);
  s.fail = 0;
  assert_int_equal(wasit_write_events(&f.res, 7, sink_write, &s), WASIT_EINVAL);
  assert_int_equal(wasit_write_events(NULL, 0, sink_write, &s), WASIT_EINVAL);
  /* a document without events writes nothing at all */
  f.res.n_events = 0;
  s.calls = 0;
  assert_int_equal(wasit_write_events(&f.res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_int_equal(s.calls, 0);
  /* an out-of-range sentence index gives a null text, not a crash */
  f.res.n_events = 1;
  f.evs[0].sentence = 9;
  assert_int_equal(wasit_write_events(&f.res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_non_null(strstr(s.data, "\"text\":null,"));
}

/* What "%.*f" prints, without a negative zero: the writer's contract. */
static void printf_fixed(char *out, size_t cap, double v, int prec) {
  snprintf(out, cap, "%.*f", prec, v);
  if (out[0] != '-') return;
  for (const char *p = out + 1; *p; p++)
    if (*p != '0' && *p != '.') return;
  memmove(out, out + 1, strlen(out));
}

/* Write one event with this Goldstein value and location, and check the
** numbers against printf.  Returns the number of mismatches. */
static int check_numbers(wasit_result *res, wasit_event *ev, double g,
                         double lat, double lon) {
  wasit_location loc = {"غزة", "PSE", lat, lon};
  ev->goldstein = g;
  ev->location = &loc;
  static sink s;
  s.len = 0;
  s.data[0] = '\0';
  assert_int_equal(wasit_write_events(res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  char a[64], b[64], c[64], want[512];
  printf_fixed(a, sizeof a, g, 1);
  printf_fixed(b, sizeof b, lat, 4);
  printf_fixed(c, sizeof c, lon, 4);
  snprintf(want, sizeof want, "\"goldstein\":%s,\"location\":{\"name\":"
           "\"غزة\",\"country\":\"PSE\",\"lat\":%s,\"lon\":%s}", a, b, c);
  if (strstr(s.data, want)) return 0;
  print_message("g=%.17g lat=%.17g lon=%.17g: want %s\n", g, lat, lon, want);
  return 1;
}

/* The writer formats numbers without printf; its bytes must be printf's
** for every value: a grid of Goldstein values and coordinates, rounding
** ties and near-ties (0.05, 0.25 and 0.35 are not what they look like in
** binary), values rounding to zero from below, huge values, and 20000
** pseudo-random doubles. */
static void test_number_format_matches_printf(void **state) {
  (void)state;
  fixture f;
  build(&f);
  wasit_result *res = &f.res;
  wasit_event *evs = f.evs;
  res->n_events = 1;
  static const double rows[] = {
      0.0,      -0.0,     0.05,     -0.05,    0.25,    -0.25,   0.35,
      0.45,     2.5,      -2.5,     9.95,     -9.95,   -10.0,   10.0,
      3.4,      -6.4,     0.04999,  -0.04,    1e-9,    -1e-9,   0.00005,
      -0.00005, 31.50165, 34.46675, -12.0464, 179.99995, -180.0, 1e10,
      -1e10,    1e40,     123456789.12345, 4.5e8,  -7.77775, 0.12345};
  int bad = 0;
  size_t nrows = sizeof rows / sizeof *rows;
  for (size_t i = 0; i < nrows; i++)
    bad += check_numbers(res, &evs[0], rows[i], rows[i], rows[nrows - 1 - i]);
  for (int k = -2000; k <= 2000; k++)
    bad += check_numbers(res, &evs[0], k / 100.0, k / 10000.0 + 31.5, -k / 3.0);
  uint64_t x = 88172645463325252ULL; /* xorshift64 */
  for (int k = 0; k < 20000; k++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    double u = (double)(x >> 11) / 9007199254740992.0; /* [0, 1) */
    bad += check_numbers(res, &evs[0], u * 20 - 10, u * 180 - 90,
                         (double)(int64_t)(x % 3600001) / 10000.0 - 180.0);
  }
  assert_int_equal(bad, 0);
  /* integers: sentence index, counts at the int limits */
  evs[0].sentence = 0;
  evs[0].killed = 2147483647;
  evs[0].wounded = 0;
  evs[0].quad_class = -3;
  evs[0].location = NULL; /* check_numbers' location is gone */
  sink s = {0};
  assert_int_equal(wasit_write_events(res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_non_null(strstr(s.data, "\"quad_class\":-3,"));
  assert_non_null(strstr(s.data, "\"killed\":2147483647,\"wounded\":0,"));
}

/* The model the escaper tests compare with: s (n bytes) as a JSON string
** literal at out, escaped byte by byte, NUL-terminated; returns its
** length. */
static size_t model_json_str(char *out, const char *s, size_t n) {
  size_t w = 0;
  out[w++] = '"';
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') out[w++] = '\\', out[w++] = (char)c;
    else if (c == '\n') out[w++] = '\\', out[w++] = 'n';
    else if (c == '\t') out[w++] = '\\', out[w++] = 't';
    else if (c == '\r') out[w++] = '\\', out[w++] = 'r';
    else if (c < 0x20) w += (size_t)sprintf(out + w, "\\u%04x", c);
    else out[w++] = (char)c;
  }
  out[w++] = '"';
  out[w] = '\0';
  return w;
}

/* The JSON string escaper skips 8 plain bytes at a time: a quote, a
** backslash or a control byte at every offset of a news sentence (Arabic
** and ASCII mixed) must still be escaped exactly as byte-by-byte. */
static void test_json_escape_every_offset(void **state) {
  (void)state;
  static const char base[] =
      "Reuters: قال المتحدث باسم الحكومة العراقية إن 20 شخصا قتلوا في بغداد";
  static const char specials[] = {'"', '\\', '\n', '\t', '\r', 0x01, 0x1f};
  size_t n = strlen(base);
  for (size_t si = 0; si < sizeof specials; si++)
    for (size_t at = 0; at < n; at++) {
      char text[256], want[1024];
      memcpy(text, base, n + 1);
      text[at] = specials[si];
      model_json_str(want, text, n);
      wa_buf b;
      buf_init(&b, NULL);
      buf_json_str(&b, text, n);
      assert_false(b.failed);
      if (strcmp(b.data, want) != 0)
        fail_msg("special 0x%02x at byte %zu: got %s want %s",
                 (unsigned char)specials[si], at, b.data, want);
      buf_free(&b);
    }
}

/* wa_json_put copies 16 (or 8, or 4) bytes at a time as it tests them
** and ends on one overlapping step: for every length of a news sentence,
** with one byte to escape at every offset (or none), it must write what
** escaping byte by byte writes, and nothing past its end. */
static void test_json_put_every_length(void **state) {
  (void)state;
  static const char base[] =
      "AFP: أعلن الجيش السوداني أنه استعاد السيطرة على مدينة ود مدني";
  static const char specials[] = {'"', '\\', '\n', 0x01, 'x'};
  size_t n = strlen(base);
  for (size_t si = 0; si < sizeof specials; si++)
    for (size_t at = 0; at < n; at++)
      for (size_t len = 0; len <= n; len++) {
        char text[256], want[1024], got[1024];
        memcpy(text, base, n + 1);
        text[at] = specials[si];
        size_t w = model_json_str(want, text, len);
        memset(got, '#', sizeof got);
        char *end = wa_json_put(got, text, len);
        if ((size_t)(end - got) != w || memcmp(got, want, w) != 0 ||
            got[WA_JSON_MAX(len)] != '#')
          fail_msg("special 0x%02x at %zu, length %zu: got %.*s want %.*s",
                   (unsigned char)specials[si], at, len, (int)(end - got), got,
                   (int)w, want);
      }
}

/* The event writer puts strings of under 16 bytes (codes, dates, names)
** inline, testing them as one or two words (writer.c json_put), and
** leaves longer ones and those with a byte to escape to wa_json_put: for
** every length up to 20 bytes (ASCII and Arabic), with one byte to
** escape at every offset (or none), a string field must be written as
** escaping byte by byte writes it. */
static void test_jsonl_short_strings(void **state) {
  (void)state;
  static const char *const bases[] = {"ABCDEFGHIJKLMNOPQRST",
                                      "الجيش السودانيي"};
  static const char specials[] = {'"', '\\', '\n', 0x01, 0x1f, 'x'};
  for (size_t bi = 0; bi < 2; bi++)
    for (size_t len = 0; len <= strlen(bases[bi]); len++)
      for (size_t si = 0; si < sizeof specials; si++)
        for (size_t at = 0; at < (len ? len : 1); at++) {
          char text[64], want[512], line[8192];
          memcpy(text, bases[bi], len);
          text[len] = '\0';
          if (len) text[at] = specials[si];
          fixture f;
          build(&f);
          f.evs[0].source = text;
          f.evs[0].target_text = text;
          f.res.n_events = 1;
          sink out = {0};
          assert_int_equal(
              wasit_write_events(&f.res, WASIT_FORMAT_JSONL, sink_write, &out),
              WASIT_OK);
          model_json_str(want, text, len);
          snprintf(line, sizeof line, "\"source\":%s,\"target\":", want);
          if (strstr(out.data, line) == NULL)
            fail_msg("source, length %zu, special 0x%02x at %zu: want %s in %s",
                     len, (unsigned char)specials[si], at, want, out.data);
          snprintf(line, sizeof line, "\"target_text\":%s,\"trigger\":", want);
          if (strstr(out.data, line) == NULL)
            fail_msg("target_text, length %zu, special 0x%02x at %zu: want %s in %s",
                     len, (unsigned char)specials[si], at, want, out.data);
        }
}

/* buf_json_str escapes a long value piece by piece (memory.c
** JSON_PIECE): a 10000-byte value with bytes to escape around the piece
** boundaries must give what wa_json_put gives in one go. */
static void test_json_str_long_value(void **state) {
  (void)state;
  static char text[10000];
  for (size_t i = 0; i < sizeof text; i++) text[i] = (char)('a' + i % 26);
  static const size_t at[] = {0, 4095, 4096, 4097, 8191, 8192, 9999};
  for (size_t k = 0; k < sizeof at / sizeof *at; k++)
    text[at[k]] = k % 2 ? '"' : '\n';
  static char want[6 * sizeof text + 2];
  size_t wn = (size_t)(wa_json_put(want, text, sizeof text) - want);
  wa_buf b;
  buf_init(&b, NULL);
  buf_append(&b, "x", 1);
  buf_json_str(&b, text, sizeof text);
  assert_false(b.failed);
  assert_int_equal(b.len, wn + 1);
  assert_memory_equal(b.data + 1, want, wn);
  assert_int_equal(b.data[b.len], '\0');
  buf_free(&b);
}

/* wa_bytes_eq compares 8 bytes at a time and ends on one overlapping
** word (or two 4-byte words): for every length up to 40, with one byte
** changed at every offset (or none), it must agree with memcmp. */
static void test_bytes_eq_definition(void **state) {
  (void)state;
  static const char base[] = "الجيش السوداني يستعيد ود مدني";
  size_t n = strlen(base);
  for (size_t len = 0; len <= n && len <= 40; len++)
    for (size_t at = 0; at <= len; at++) {
      char a[64], b[64];
      memcpy(a, base, n + 1);
      memcpy(b, base, n + 1);
      if (at < len) b[at] ^= 0x01;   /* at == len: the same bytes */
      bool want = memcmp(a, b, len) == 0;
      if (wa_bytes_eq(a, b, len) != want)
        fail_msg("length %zu, byte %zu changed: got %d want %d", len, at,
                 !want, want);
    }
}

/* put_fixed's integer formatting against printf, through the goldstein
** column (one decimal) and the coordinates (four): a grid of values with
** both signs, values that round to zero (written without a '-'), and
** values next to the rounding ties that printf decides. */
static void test_fixed_matches_printf(void **state) {
  (void)state;
  fixture f;
  build(&f);
  f.res.n_events = 1;
  static const double extra[] = {-0.04,  -0.05,   0.05,   0.15,  0.25,
                                 -0.25,  9.95,    -9.95,  1e9,   -1e9,
                                 123456.78, 0.0,  -0.0,   2.675, -2.675};
  for (int i = -1200; i < 1200 + (int)(sizeof extra / sizeof *extra); i++) {
    double v = i < 1200 ? i * 0.0137 : extra[i - 1200];
    wasit_location loc = {"x", "PER", v * 7.31, -v * 13.7};
    f.evs[0].goldstein = v;
    f.evs[0].location = &loc;
    sink s = {0};
    assert_int_equal(wasit_write_events(&f.res, WASIT_FORMAT_TSV, sink_write, &s),
                     WASIT_OK);
    char want[256], g[64], la[64], lo[64];
    printf_fixed(g, sizeof g, v, 1);
    printf_fixed(la, sizeof la, loc.lat, 4);
    printf_fixed(lo, sizeof lo, loc.lon, 4);
    snprintf(want, sizeof want, "\t%s\tx;PER;%s;%s\t", g, la, lo);
    if (strstr(s.data, want) == NULL)
      fail_msg("value %.17g: want %s in %s", v, want, s.data);
  }
}

/* Two events of one sentence: the second line's text is the first's
** escaped text copied (writer.c's json_text_memo), so the document's
** output must equal each event written alone, where every text is
** escaped afresh.  The sentence has a quote, a tab and a newline to
** escape; the short fields (codes, dates) have none, one backslash in the
** pattern takes the escaping path. */
static void test_jsonl_same_sentence(void **state) {
  (void)state;
  fixture f;
  build(&f);
  f.evs[2] = f.evs[1];     /* s1 again after s1, then s0: memo hit and miss */
  f.evs[0].sentence = 1;
  f.evs[2].sentence = 0;
  f.res.n_events = 3;
  sink all = {0};
  assert_int_equal(wasit_write_events(&f.res, WASIT_FORMAT_JSONL, sink_write, &all),
                   WASIT_OK);
  sink one = {0};
  for (size_t i = 0; i < 3; i++) {
    wasit_result r1 = f.res;
    r1.events = &f.evs[i];
    r1.n_events = 1;
    assert_int_equal(wasit_write_events(&r1, WASIT_FORMAT_JSONL, sink_write, &one),
                     WASIT_OK);
  }
  assert_int_equal(all.len, one.len);
  assert_string_equal(all.data, one.data);
  /* the copied text is the sentence's, escaped */
  const char *want = "\\\"ستستضيف\\\"\\tمحادثات\\nالتهدئة";
  const char *first = strstr(all.data, want);
  assert_non_null(first);
  assert_non_null(strstr(first + 1, want));   /* twice: events 0 and 1 */
}

/* The fields whose lengths json_event takes without strlen: the date,
** code and root arrays (counted up to their NUL, within the array) and
** the document id (its length taken once per document): for every
** length each can have, and three events per document, every line must
** carry each field as the string it is, or null when empty (the date,
** code and root) or absent (the id).  Counting one byte short of the
** array, or reusing another document's id length, fails it. */
static void test_jsonl_array_fields(void **state) {
  (void)state;
  static const char digits[] = "2023-10-09-1234567890abcdefghij";
  for (size_t len = 0; len <= 20; len++) {
    char id[32], date[11], code[5], root[3], want[128];
    memcpy(id, digits + 11 - (len > 10 ? 10 : len), len);
    id[len] = '\0';
    size_t dl = len % 11, cl = len % 5, rl = len % 3;
    fixture f;
    build(&f);
    f.doc.id = len == 0 ? NULL : id;
    memcpy(date, digits, dl);
    date[dl] = '\0';
    memcpy(code, "0871", cl);
    code[cl] = '\0';
    memcpy(root, "08", rl);
    root[rl] = '\0';
    f.evs[2] = f.evs[1];
    for (int e = 0; e < 3; e++) {
      memcpy(f.evs[e].date, date, sizeof date);
      memcpy(f.evs[e].code, code, sizeof code);
      memcpy(f.evs[e].root, root, sizeof root);
    }
    f.res.n_events = 3;
    sink out = {0};
    assert_int_equal(
        wasit_write_events(&f.res, WASIT_FORMAT_JSONL, sink_write, &out),
        WASIT_OK);
    const char *line = out.data;
    for (int e = 0; e < 3; e++) {
      const char *nl = strchr(line, '\n');
      assert_non_null(nl);
      char one[4096];
      memcpy(one, line, (size_t)(nl - line));
      one[nl - line] = '\0';
      const struct { const char *key, *val; } fields[] = {
          {"doc_id", len ? id : ""}, {"date", date}, {"code", code},
          {"root", root}};
      for (size_t k = 0; k < 4; k++) {
        if (fields[k].val[0]) {
          snprintf(want, sizeof want, "\"%s\":\"%s\"", fields[k].key,
                   fields[k].val);
        } else {
          snprintf(want, sizeof want, "\"%s\":null", fields[k].key);
        }
        if (strstr(one, want) == NULL)
          fail_msg("length %zu, event %d: want %s in %s", len, e, want, one);
      }
      line = nl + 1;
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_number_format_matches_printf),
      cmocka_unit_test(test_json_escape_every_offset),
      cmocka_unit_test(test_json_put_every_length),
      cmocka_unit_test(test_jsonl_short_strings),
      cmocka_unit_test(test_json_str_long_value),
      cmocka_unit_test(test_jsonl_exact),
      cmocka_unit_test(test_bytes_eq_definition),
      cmocka_unit_test(test_fixed_matches_printf),
      cmocka_unit_test(test_jsonl_same_sentence),
      cmocka_unit_test(test_jsonl_array_fields),
      cmocka_unit_test(test_tsv_exact),
      cmocka_unit_test(test_columns),
      cmocka_unit_test(test_numbers_and_modes),
      cmocka_unit_test(test_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
