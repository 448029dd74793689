# fuzz.mk: `make fuzz` (included by the main Makefile).
#
# libFuzzer targets in fuzz/ (one per input surface: JSON reader, text
# layer, whole coder, dictionary parser) are built with clang
# -fsanitize=fuzzer,address,undefined against a copy of the library
# compiled with the same sanitizers in $(BUILD)/fuzz/.  `make fuzz` runs
# each for FUZZ_SECONDS (default 60) starting from its seed corpus in
# fuzz/corpus/<target>/ (new inputs go to $(BUILD)/fuzz/corpus/<target>,
# crashes to $(BUILD)/fuzz/crash-*).  tests/sh/test_fuzz_smoke.sh runs each
# for a few seconds as part of `make test`.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_TARGETS := fuzz_reader fuzz_text fuzz_coder fuzz_dict
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%)
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS  := -std=c11 -g -O1 -Wall -Wextra -Wno-unused-parameter -pthread $(FUZZ_SAN)
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o) $(FUZZ_DIR)/obj/gen/tables.o

.PHONY: fuzz fuzz-build
fuzz: fuzz-build
	@st=0; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_DIR)/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -artifact_prefix=$(FUZZ_DIR)/crash-$$t- -print_final_stats=1 \
	    $(FUZZ_DIR)/corpus/$$t fuzz/corpus/$$t > $(FUZZ_DIR)/$$t.log 2>&1; \
	  rc=$$?; \
	  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|Done)' \
	    $(FUZZ_DIR)/$$t.log; \
	  if [ $$rc -ne 0 ]; then \
	    echo "fuzz: $$t FAILED (exit $$rc), see $(FUZZ_DIR)/$$t.log"; st=1; fi; \
	done; [ $$st -eq 0 ] && echo "fuzz: no failure"; exit $$st

fuzz-build: $(FUZZ_BINS)

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_DIR)/obj/gen/tables.o: $(GEN_SRC) src/text/text.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_CFLAGS) -Isrc/text -c $< -o $@

$(FUZZ_DIR)/libwasit.a: $(FUZZ_LIB_OBJ)
	$(AR) rcs $@ $^

$(FUZZ_DIR)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_DIR)/libwasit.a
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
	  $(FUZZ_DIR)/libwasit.a $(LDLIBS_ALL)

# Every fuzz object depends on every library header: a changed struct or
# inline function must rebuild them all, or the fuzzers link objects
# compiled against two layouts.  Coarse, but fuzz builds are rare.
$(FUZZ_LIB_OBJ): $(wildcard include/*.h src/*/*.h)
