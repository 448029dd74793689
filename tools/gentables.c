/*
** gentables.c: build-time generator of build/gen/tables.c (text layer).
**
** Usage: gentables DICT_TEXT_DIR OUTFILE
**
** Reads dict/ar/text/normalize.txt (the normalization map, required) and
** every other *.txt file of the directory (generic tables, optional:
** `phrases | value | kind`, see dict/ar/README.md and text.h), and writes
** one C file holding
**   - the sorted normalization map behind txt_default_normmap();
**   - one txt_kv array per generic file, keys normalized with the map just
**     read (words joined by one space), sorted bytewise, duplicates merged,
**     and a hash index over it (txt_hash, open addressing, load <= 1/2),
**     with its three filters (first words, phrase prefixes, later words:
**     see txt_table in text.h);
**   - txt_table_get(name), which finds a table by its file's base name,
**     and txt_table_find(), the binary search in one table.
** A malformed line is reported as FILE:LINE: reason and the exit status
** is 1, so the build fails loudly and never uses half a table.  The
** generator links the library's own normalizer (normalize.c, utf8.c), so
** table keys and article text are normalized by the same code.
*/
#include "text/text.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KIND_WORD(name, word) word,
static const char *const kind_words[] = {TXT_KINDS(KIND_WORD)};
#undef KIND_WORD
#define KIND_NAME(name, word) "TXT_K_" #name,
static const char *const kind_names[] = {TXT_KINDS(KIND_NAME)};
#undef KIND_NAME

/* One generic table being built. */
typedef struct gen_kv {
  char *key;
  int value, kind, line;
} gen_kv;

typedef struct gen_table {
  char name[64];
  gen_kv *items;
  size_t n, cap;
} gen_table;

typedef struct gen_state {
  txt_normrule *rules;
  size_t n_rules, cap_rules;
  gen_table *tables;
  size_t n_tables, cap_tables;
} gen_state;

static void die_oom(void) {
  fputs("gentables: out of memory\n", stderr);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (p == NULL) die_oom();
  return p;
}

/* Read a whole file; NULL when it cannot be read. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = xrealloc(NULL, cap);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n - 1 == 0) buf = xrealloc(buf, cap *= 2);
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t' || *s == '\r') s++;
  char *e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
  if (*e != '\0') *e = '\0'; /* never writes into a literal "" */
  return s;
}

/* The next entry line of a table file at *text, trimmed and without its
** comment, or NULL at the end; *text advances past it (the buffer is cut
** into lines in place) and *line counts the lines read, blank ones too. */
static char *next_entry(char **text, int *line) {
  while (*text != NULL) {
    char *ln = *text;
    char *nl = strchr(ln, '\n');
    if (nl != NULL) *nl++ = '\0';
    *text = nl;
    (*line)++;
    char *hash = strchr(ln, '#');
    if (hash != NULL) *hash = '\0';
    char *s = trim(ln);
    if (*s != '\0') return s;
  }
  return NULL;
}

/* Parse "U+XXXX" at *p; advances *p.  Returns -1 when malformed. */
static long parse_cp(char **p) {
  char *s = *p;
  if (s[0] != 'U' || s[1] != '+') return -1;
  char *end;
  errno = 0;
  long v = strtol(s + 2, &end, 16);
  if (end == s + 2 || end - (s + 2) > 6 || errno != 0) return -1;
  if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return -1;
  *p = end;
  return v;
}

static int fail(const char *file, int line, const char *reason) {
  fprintf(stderr, "%s:%d: %s\n", file, line, reason);
  return -1;
}

/* Replacement text of a normalize.txt line into out (<= 4 bytes + NUL). */
static int parse_replacement(char *r, char *out, const char *file, int line) {
  size_t n = 0;
  if (r[0] == 'U' && r[1] == '+') {
    while (*r != '\0') {
      long cp = parse_cp(&r);
      if (cp < 0) return fail(file, line, "bad code point in replacement");
      char enc[4];
      int k = txt_utf8_encode((uint32_t)cp, enc);
      if (n + (size_t)k > 4) return fail(file, line, "replacement longer than 4 bytes");
      memcpy(out + n, enc, (size_t)k);
      n += (size_t)k;
      while (*r == ' ' || *r == '\t') r++;
    }
  } else {
    n = strlen(r);
    if (n > 4) return fail(file, line, "replacement longer than 4 bytes");
    memcpy(out, r, n);
    const unsigned char *u = (const unsigned char *)out;
    for (size_t i = 0; i < n;) {
      uint32_t cp;
      int k = txt_utf8_decode(u + i, n - i, &cp);
      if (cp == 0xFFFD && !(k == 3 && u[i] == 0xEF))
        return fail(file, line, "replacement is not valid UTF-8");
      i += (size_t)k;
    }
  }
  out[n] = '\0';
  return 0;
}

static int cmp_rule(const void *a, const void *b) {
  uint32_t x = ((const txt_normrule *)a)->from, y = ((const txt_normrule *)b)->from;
  return x < y ? -1 : x > y;
}

/* Parse normalize.txt into st->rules (sorted, no duplicates). */
static int parse_normalize(gen_state *st, char *text, const char *file) {
  int line = 0, bad = 0;
  char *s;
  while ((s = next_entry(&text, &line)) != NULL) {
    char *bar = strchr(s, '|');
    if (bar == NULL) {
      bad |= fail(file, line, "expected 'U+XXXX | replacement'");
      continue;
    }
    *bar = '\0';
    if (strchr(bar + 1, '|') != NULL) {
      bad |= fail(file, line, "too many '|' fields");
      continue;
    }
    char *lhs = trim(s), *rhs = trim(bar + 1);
    long lo = parse_cp(&lhs), hi = lo;
    if (lo >= 0 && lhs[0] == '.' && lhs[1] == '.') {
      lhs += 2;
      hi = parse_cp(&lhs);
    }
    if (lo < 0 || hi < 0 || *trim(lhs) != '\0') {
      bad |= fail(file, line, "expected U+XXXX or U+XXXX..U+YYYY before '|'");
      continue;
    }
    if (hi < lo || hi - lo > 0xFFFF) {
      bad |= fail(file, line, "bad code point range");
      continue;
    }
    char rep[8];
    if (parse_replacement(rhs, rep, file, line) < 0) {
      bad = -1;
      continue;
    }
    for (long cp = lo; cp <= hi; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      if (st->n_rules == st->cap_rules) {
        st->cap_rules = st->cap_rules ? st->cap_rules * 2 : 256;
        st->rules = xrealloc(st->rules, st->cap_rules * sizeof *st->rules);
      }
      char *to = xrealloc(NULL, strlen(rep) + 1);
      strcpy(to, rep);
      st->rules[st->n_rules].from = (uint32_t)cp;
      st->rules[st->n_rules].to = to;
      st->n_rules++;
    }
  }
  if (bad) return -1;
  qsort(st->rules, st->n_rules, sizeof *st->rules, cmp_rule);
  for (size_t i = 1; i < st->n_rules; i++)
    if (st->rules[i].from == st->rules[i - 1].from) {
      fprintf(stderr, "%s: U+%04X is mapped twice\n", file,
              (unsigned)st->rules[i].from);
      return -1;
    }
  return 0;
}

/* Normalize phrase p with the map; words joined by single spaces.  Returns
** a malloc'd string, "" when nothing is left. */
static char *norm_phrase(const gen_state *st, const char *p) {
  txt_normmap map = {st->rules, st->n_rules, NULL, NULL};
  wa_buf b;
  buf_init(&b, NULL);
  if (txt_normalize_with(&map, p, strlen(p), &b, NULL) != WASIT_OK) die_oom();
  char *out = xrealloc(NULL, b.len + 1);
  size_t n = 0;
  bool space = false;
  for (size_t i = 0; i < b.len; i++) {
    char c = b.data[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = n > 0;
      continue;
    }
    if (space) out[n++] = ' ';
    space = false;
    out[n++] = c;
  }
  out[n] = '\0';
  buf_free(&b);
  return out;
}

static int cmp_kv(const void *a, const void *b) {
  const gen_kv *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c != 0) return c;
  return x->line - y->line;
}

/* Parse one generic table file into a new table named `name`. */
static int parse_generic(gen_state *st, char *text, const char *file,
                         const char *name) {
  if (st->n_tables == st->cap_tables) {
    st->cap_tables = st->cap_tables ? st->cap_tables * 2 : 16;
    st->tables = xrealloc(st->tables, st->cap_tables * sizeof *st->tables);
  }
  gen_table *t = &st->tables[st->n_tables++];
  memset(t, 0, sizeof *t);
  snprintf(t->name, sizeof t->name, "%s", name);
  int line = 0, bad = 0;
  char *s;
  while ((s = next_entry(&text, &line)) != NULL) {
    char *f[3] = {s, "", ""};
    int nf = 1;
    for (char *q = s; (q = strchr(q, '|')) != NULL;) {
      *q++ = '\0';
      if (nf == 3) {
        nf = 4;
        break;
      }
      f[nf++] = q;
    }
    if (nf > 3) {
      bad |= fail(file, line, "too many '|' fields (expected phrases | value | kind)");
      continue;
    }
    for (int i = 0; i < 3; i++) f[i] = trim(f[i]);
    long value = 0;
    if (*f[1] != '\0') {
      char *end;
      errno = 0;
      value = strtol(f[1], &end, 10);
      if (*end != '\0' || errno != 0 || value < -1000000000L ||
          value > 1000000000L) {
        bad |= fail(file, line, "value is not an integer");
        continue;
      }
    }
    int kind = -1;
    for (int k = 0; k < TXT_K_COUNT; k++)
      if (strcmp(f[2], kind_words[k]) == 0) kind = k;
    if (kind < 0) {
      char msg[160];
      snprintf(msg, sizeof msg, "unknown kind '%.60s' (see TXT_KINDS in src/text/text.h)", f[2]);
      bad |= fail(file, line, msg);
      continue;
    }
    char *ph = f[0];
    for (;;) {
      char *comma = strchr(ph, ',');
      if (comma != NULL) *comma = '\0';
      char *key = norm_phrase(st, trim(ph));
      if (*key == '\0') {
        free(key);
        bad |= fail(file, line, "empty phrase");
        break;
      }
      if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->items = xrealloc(t->items, t->cap * sizeof *t->items);
      }
      t->items[t->n++] = (gen_kv){key, (int)value, kind, line};
      if (comma == NULL) break;
      ph = comma + 1;
    }
  }
  if (bad) return -1;
  qsort(t->items, t->n, sizeof *t->items, cmp_kv);
  size_t w = 0;
  for (size_t i = 0; i < t->n; i++) {
    if (w > 0 && strcmp(t->items[w - 1].key, t->items[i].key) == 0) {
      if (t->items[w - 1].value != t->items[i].value) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "phrase '%.80s' already has value %d (line %d)",
                 t->items[i].key, t->items[w - 1].value, t->items[w - 1].line);
        bad |= fail(file, t->items[i].line, msg);
      }
      free(t->items[i].key); /* same meaning: keep the first */
      continue;
    }
    t->items[w++] = t->items[i];
  }
  t->n = w;
  return bad ? -1 : 0;
}

/* A C string literal of s; UTF-8 is written as is (readable). */
static void put_cstr(FILE *o, const char *s) {
  fputc('"', o);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') fprintf(o, "\\%c", *p);
    else if (*p < 0x20 || *p == 0x7F) fprintf(o, "\\%03o", *p);
    else fputc(*p, o);
  }
  fputc('"', o);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool valid_name(const char *s) {
  if (*s == '\0') return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
      return false;
  return true;
}

/* Write `bits` (a TXT_FIRST_BITS-bit filter) as the C array KIND_NAME. */
static void emit_bits(FILE *o, const char *kind, const char *name,
                      const uint64_t *bits) {
  fprintf(o, "static const uint64_t %s_%s[%u] = {", kind, name,
          TXT_FIRST_BITS / 64);
  for (uint32_t i = 0; i < TXT_FIRST_BITS / 64; i++)
    fprintf(o, "%s0x%llxull,", (i & 3) == 0 ? "\n  " : " ",
            (unsigned long long)bits[i]);
  fputs("\n};\n\n", o);
}

static void write_output(FILE *o, const gen_state *st) {
  fputs("/* generated by tools/gentables from dict/ar/text; do not edit */\n"
        "/* Normalization map and lookup tables of the text layer; see the\n"
        "** files in dict/ar/text and src/text/text.h. */\n"
        "#include \"text.h\"\n#include <string.h>\n\n",
        o);
  fprintf(o, "static const txt_normrule norm_rules[%zu] = {\n", st->n_rules);
  for (size_t i = 0; i < st->n_rules; i++) {
    fprintf(o, "  {0x%04X, ", (unsigned)st->rules[i].from);
    put_cstr(o, st->rules[i].to);
    fputs("},\n", o);
  }
  fputs("};\n\n/* U+0600..U+06FF: 1 + index of the rule in norm_rules, 0: none */\n"
        "static const uint16_t norm_arabic_index[256] = {",
        o);
  for (uint32_t cp = 0x0600; cp <= 0x06FF; cp++) {
    size_t idx = 0;
    for (size_t i = 0; i < st->n_rules; i++)
      if (st->rules[i].from == cp) idx = i + 1;
    fprintf(o, "%s%zu,", (cp & 15) == 0 ? "\n  " : " ", idx);
  }
  fputs("\n};\n\n/* U+0600..U+067F: the letter U+0620..U+064A it normalizes "
        "to (UTF-8\n** bytes b0 << 8 | b1), 1: deleted, 0: other (txt_normmap) */\n"
        "static const uint16_t norm_arabic_letter[128] = {",
        o);
  for (uint32_t cp = 0x0600; cp < 0x0680; cp++) {
    char self[8];
    const char *to = self;
    self[txt_utf8_encode(cp, self)] = '\0';
    for (size_t i = 0; i < st->n_rules; i++)
      if (st->rules[i].from == cp) to = st->rules[i].to;
    unsigned v = 0;
    const unsigned char *u = (const unsigned char *)to;
    if (u[0] == '\0') {
      v = 1;
    } else if (u[1] != '\0' && u[2] == '\0' && (u[0] == 0xD8 || u[0] == 0xD9) &&
               (u[1] & 0xC0) == 0x80) {
      uint32_t c = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
      if (c >= 0x0620 && c <= 0x064A) v = (unsigned)u[0] << 8 | u[1];
    }
    fprintf(o, "%s%u,", (cp & 15) == 0 ? "\n  " : " ", v);
  }
  fprintf(o, "\n};\n\nstatic const txt_normmap norm_map = {norm_rules, %zu,"
             " norm_arabic_index, norm_arabic_letter};\n\n"
             "const txt_normmap *txt_default_normmap(void) { return &norm_map; }\n\n",
          st->n_rules);
  for (size_t t = 0; t < st->n_tables; t++) {
    const gen_table *tb = &st->tables[t];
    if (tb->n == 0) continue;
    fprintf(o, "static const txt_kv tbl_%s[%zu] = {\n", tb->name, tb->n);
    for (size_t i = 0; i < tb->n; i++) {
      fputs("  {", o);
      put_cstr(o, tb->items[i].key);
      fprintf(o, ", %d, %s},\n", tb->items[i].value, kind_names[tb->items[i].kind]);
    }
    fputs("};\n\n", o);
    /* hash index: a power of two >= 2n slots, linear probing */
    uint32_t slots = 4;
    while (slots < 2 * tb->n) slots *= 2;
    uint32_t *h = calloc(2 * (size_t)slots, sizeof *h);
    if (h == NULL) die_oom();
    for (size_t i = 0; i < tb->n; i++) {
      uint32_t hv = txt_hash(tb->items[i].key, strlen(tb->items[i].key));
      uint32_t at = hv & (slots - 1);
      while (h[2 * at + 1] != 0) at = (at + 1) & (slots - 1);
      h[2 * at] = hv;
      h[2 * at + 1] = (uint32_t)i + 1;
    }
    fprintf(o, "static const uint32_t hash_%s[%u] = {", tb->name, 2 * slots);
    for (uint32_t i = 0; i < 2 * slots; i++)
      fprintf(o, "%s%u,", (i & 7) == 0 ? "\n  " : " ", h[i]);
    fputs("\n};\n\n", o);
    free(h);
    /* first-word filter: the txt_first_sig bit of every key's first word */
    uint64_t *bits = calloc(TXT_FIRST_BITS / 64, sizeof *bits);
    if (bits == NULL) die_oom();
    for (size_t i = 0; i < tb->n; i++) {
      uint32_t g = txt_first_sig(tb->items[i].key, strlen(tb->items[i].key));
      bits[g >> 6] |= (uint64_t)1 << (g & 63);
    }
    emit_bits(o, "first", tb->name, bits);
    /* phrase-prefix filter: every proper word prefix of every key */
    memset(bits, 0, TXT_FIRST_BITS / 64 * sizeof *bits);
    for (size_t i = 0; i < tb->n; i++) {
      const char *k = tb->items[i].key;
      for (const char *sp = strchr(k, ' '); sp != NULL; sp = strchr(sp + 1, ' ')) {
        uint32_t g = txt_hash(k, (size_t)(sp - k)) & (TXT_FIRST_BITS - 1);
        bits[g >> 6] |= (uint64_t)1 << (g & 63);
      }
    }
    emit_bits(o, "prefix", tb->name, bits);
    /* later-word filter: every word of every key but its first */
    memset(bits, 0, TXT_FIRST_BITS / 64 * sizeof *bits);
    for (size_t i = 0; i < tb->n; i++) {
      for (const char *w = strchr(tb->items[i].key, ' '); w != NULL;) {
        const char *e = strchr(w + 1, ' ');
        size_t wl = e ? (size_t)(e - w - 1) : strlen(w + 1);
        uint32_t g = txt_hash(w + 1, wl) & (TXT_FIRST_BITS - 1);
        bits[g >> 6] |= (uint64_t)1 << (g & 63);
        w = e;
      }
    }
    emit_bits(o, "later", tb->name, bits);
    free(bits);
  }
  fputs("typedef struct gen_named_table {\n  const char *name;\n  txt_table table;\n"
        "} gen_named_table;\n\n",
        o);
  fprintf(o, "static const gen_named_table named_tables[%zu] = {\n",
          st->n_tables + 1);
  for (size_t t = 0; t < st->n_tables; t++) {
    const gen_table *tb = &st->tables[t];
    if (tb->n == 0)
      fprintf(o, "  {\"%s\", {NULL, 0, NULL, 0, NULL, NULL, NULL}},\n", tb->name);
    else {
      uint32_t slots = 4;
      while (slots < 2 * tb->n) slots *= 2;
      fprintf(o, "  {\"%s\", {tbl_%s, %zu, hash_%s, %u, first_%s, prefix_%s,"
                 " later_%s}},\n",
              tb->name, tb->name, tb->n, tb->name, slots - 1, tb->name,
              tb->name, tb->name);
    }
  }
  fputs("  {NULL, {NULL, 0, NULL, 0, NULL, NULL, NULL}},\n};\n\n", o);
  fputs("/* The table generated from dict/ar/text/NAME.txt, or NULL. */\n"
        "const txt_table *txt_table_get(const char *name) {\n"
        "  if (name == NULL) return NULL;\n"
        "  for (const gen_named_table *t = named_tables; t->name != NULL; t++)\n"
        "    if (strcmp(t->name, name) == 0) return &t->table;\n"
        "  return NULL;\n}\n\n"
        "/* The entry of t whose key equals s[0..len), or NULL (t may be NULL).\n"
        "** Hash index when the table has one, else binary search. */\n"
        "const txt_kv *txt_table_find(const txt_table *t, const char *s, size_t len) {\n"
        "  if (t == NULL || s == NULL) return NULL;\n"
        "  if (t->hash != NULL) {\n"
        "    uint32_t hv = txt_hash(s, len);\n"
        "    for (uint32_t at = hv & t->hash_mask;; at = (at + 1) & t->hash_mask) {\n"
        "      uint32_t k = t->hash[2 * at + 1];\n"
        "      if (k == 0) return NULL;\n"
        "      if (t->hash[2 * at] != hv) continue;\n"
        "      const char *key = t->items[k - 1].key;\n"
        "      if (strncmp(key, s, len) == 0 && key[len] == '\\0') return &t->items[k - 1];\n"
        "    }\n"
        "  }\n"
        "  size_t lo = 0, hi = t->n;\n"
        "  while (lo < hi) {\n"
        "    size_t mid = lo + (hi - lo) / 2;\n"
        "    const unsigned char *k = (const unsigned char *)t->items[mid].key;\n"
        "    const unsigned char *u = (const unsigned char *)s;\n"
        "    int c = 0;\n"
        "    size_t i = 0;\n"
        "    for (; i < len; i++)\n"
        "      if (k[i] != u[i]) break;\n"
        "    if (i < len) c = k[i] < u[i] ? -1 : 1; /* a key's NUL sorts first */\n"
        "    else c = k[len] != 0;                 /* key longer than s */\n"
        "    if (c == 0) return &t->items[mid];\n"
        "    if (c < 0) lo = mid + 1;\n"
        "    else hi = mid;\n"
        "  }\n"
        "  return NULL;\n}\n",
        o);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fputs("usage: gentables DICT_TEXT_DIR OUTFILE\n", stderr);
    return 2;
  }
  const char *dir = argv[1];
  gen_state st;
  memset(&st, 0, sizeof st);
  char path[4096];
  size_t len;
  snprintf(path, sizeof path, "%s/normalize.txt", dir);
  char *text = read_file(path, &len);
  if (text == NULL) {
    fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
    return 1;
  }
  if (strlen(text) != len) {
    fprintf(stderr, "%s: contains a NUL byte\n", path);
    return 1;
  }
  if (parse_normalize(&st, text, path) < 0) return 1;
  free(text);

  char **names = NULL;
  size_t n_names = 0;
  DIR *d = opendir(dir);
  if (d == NULL) {
    fprintf(stderr, "%s: cannot open directory: %s\n", dir, strerror(errno));
    return 1;
  }
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    size_t nl = strlen(e->d_name);
    if (nl < 5 || strcmp(e->d_name + nl - 4, ".txt") != 0) continue;
    if (strcmp(e->d_name, "normalize.txt") == 0) continue;
    names = xrealloc(names, (n_names + 1) * sizeof *names);
    names[n_names] = xrealloc(NULL, nl + 1);
    strcpy(names[n_names++], e->d_name);
  }
  closedir(d);
  qsort(names, n_names, sizeof *names, cmp_str);
  int bad = 0;
  for (size_t i = 0; i < n_names; i++) {
    char base[64];
    size_t nl = strlen(names[i]) - 4;
    snprintf(base, sizeof base, "%.*s", (int)(nl < 63 ? nl : 63), names[i]);
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    if (nl >= 63 || !valid_name(base)) {
      fprintf(stderr, "%s: table name must be [a-z0-9_]+\n", path);
      bad = 1;
      continue;
    }
    text = read_file(path, &len);
    if (text == NULL) {
      fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
      bad = 1;
      continue;
    }
    if (strlen(text) != len) {
      fprintf(stderr, "%s: contains a NUL byte\n", path);
      bad = 1;
    } else if (parse_generic(&st, text, path, base) < 0) {
      bad = 1;
    }
    free(text);
  }
  if (bad) return 1;

  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
  FILE *o = fopen(tmp, "w");
  if (o == NULL) {
    fprintf(stderr, "%s: cannot write: %s\n", tmp, strerror(errno));
    return 1;
  }
  write_output(o, &st);
  if (fclose(o) != 0 || rename(tmp, argv[2]) != 0) {
    fprintf(stderr, "%s: cannot write: %s\n", argv[2], strerror(errno));
    remove(tmp);
    return 1;
  }
  return 0;
}
