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

static void build(wasit_result *res, wasit_doc *doc, wasit_sentence *sents,
                  wasit_event *evs) {
  memset(res, 0, sizeof *res);
  memset(doc, 0, sizeof *doc);
  memset(sents, 0, 2 * sizeof *sents);
  memset(evs, 0, 2 * sizeof *evs);
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
  wasit_result res;
  wasit_doc doc;
  wasit_sentence sents[2];
  wasit_event evs[2];
  build(&res, &doc, sents, evs);
  sink s = {0};
  assert_int_equal(wasit_write_header(WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_int_equal(s.len, 0);
  assert_int_equal(wasit_write_events(&res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_string_equal(s.data, expect_jsonl);
  assert_int_equal(s.calls, 1); /* one write per document */
}

static void test_tsv_exact(void **state) {
  (void)state;
  wasit_result res;
  wasit_doc doc;
  wasit_sentence sents[2];
  wasit_event evs[2];
  build(&res, &doc, sents, evs);
  sink s = {0};
  assert_int_equal(wasit_write_header(WASIT_FORMAT_TSV, sink_write, &s),
                   WASIT_OK);
  assert_string_equal(s.data, expect_header);
  s.len = 0;
  assert_int_equal(wasit_write_events(&res, WASIT_FORMAT_TSV, sink_write, &s),
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
  wasit_result res;
  wasit_doc doc;
  wasit_sentence sents[2];
  wasit_event evs[2];
  build(&res, &doc, sents, evs);
  static const wasit_location lima = {"ليما", "PER", -12.0464, -77.0428};
  evs[0].goldstein = -0.04;
  evs[0].killed = 0;
  evs[0].wounded = WASIT_COUNT_NONE;
  evs[0].location = &lima;
  evs[0].mode = WASIT_MODE_REPORTED | WASIT_MODE_FUTURE |
                WASIT_MODE_HISTORICAL | WASIT_MODE_CONDITIONAL;
  res.n_events = 1;
  sink s = {0};
  assert_int_equal(wasit_write_events(&res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_non_null(strstr(s.data, "\"goldstein\":0.0,"));
  assert_non_null(strstr(s.data, "\"lat\":-12.0464,\"lon\":-77.0428}"));
  assert_non_null(strstr(s.data, "\"killed\":0,\"wounded\":null,"));
  assert_non_null(strstr(
      s.data,
      "\"mode\":[\"reported\",\"future\",\"historical\",\"conditional\"]"));
  s.len = 0;
  assert_int_equal(wasit_write_events(&res, WASIT_FORMAT_TSV, sink_write, &s),
                   WASIT_OK);
  assert_non_null(strstr(s.data, "\t0.0\tليما;PER;-12.0464;-77.0428\t0\t\t"
                                 "reported,future,historical,conditional\t"));
}

static void test_errors(void **state) {
  (void)state;
  wasit_result res;
  wasit_doc doc;
  wasit_sentence sents[2];
  wasit_event evs[2];
  build(&res, &doc, sents, evs);
  sink s = {0};
  s.fail = 1;
  assert_int_equal(wasit_write_events(&res, WASIT_FORMAT_TSV, sink_write, &s),
                   WASIT_EIO);
  assert_int_equal(wasit_write_header(WASIT_FORMAT_TSV, sink_write, &s),
                   WASIT_EIO);
  s.fail = 0;
  assert_int_equal(wasit_write_events(&res, 7, sink_write, &s), WASIT_EINVAL);
  assert_int_equal(wasit_write_events(NULL, 0, sink_write, &s), WASIT_EINVAL);
  /* a document without events writes nothing at all */
  res.n_events = 0;
  s.calls = 0;
  assert_int_equal(wasit_write_events(&res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_int_equal(s.calls, 0);
  /* an out-of-range sentence index gives a null text, not a crash */
  res.n_events = 1;
  evs[0].sentence = 9;
  assert_int_equal(wasit_write_events(&res, WASIT_FORMAT_JSONL, sink_write, &s),
                   WASIT_OK);
  assert_non_null(strstr(s.data, "\"text\":null,"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_jsonl_exact),
      cmocka_unit_test(test_tsv_exact),
      cmocka_unit_test(test_columns),
      cmocka_unit_test(test_numbers_and_modes),
      cmocka_unit_test(test_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
