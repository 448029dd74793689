# wasit build.  `make` builds build/wasit and build/libwasit.a; `make test`
# runs every test (also under ASan/UBSan); `make demo`, `make bench`,
# `make eval`, `make fuzz` are described in README.md.
#
# Layout rule: every .c under src/ except src/cli/ goes into libwasit.a;
# src/cli/*.c make the program; each tests/test_*.c is one cmocka binary
# linked against the library; tests/sh/test_*.sh are shell tests.
# Sections for the web dashboard, fuzzing and benchmarks live in mk/*.mk.

BUILD   ?= build
CC      ?= cc
OPT     ?= -O3 -g
SAN     ?=
PKGS    := libutf8proc libcjson sqlite3 libmicrohttpd
CPPFLAGS_ALL := -DWASIT_DICT_DIR=\"$(CURDIR)/dict/ar\" -Iinclude -Isrc -I$(BUILD)/gen -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
                $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CFLAGS_ALL   := -std=c11 -Wall -Wextra -Wno-unused-parameter -pthread $(OPT) $(SAN) $(CFLAGS)
LDLIBS_ALL   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm $(LDLIBS)

LIB_SRC  := $(sort $(shell find src -name '*.c' -not -path 'src/cli/*' 2>/dev/null))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
GEN_SRC  := $(BUILD)/gen/tables.c
TEXT_TABLES := $(sort $(wildcard dict/ar/text/*.txt))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/tables.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all deps test check demo bench eval fuzz clean asan-check
.DEFAULT_GOAL := all

all: deps
	@$(MAKE) --no-print-directory $(BUILD)/wasit $(BUILD)/libwasit.a

deps:
	@sh tools/deps.sh

$(BUILD)/libwasit.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

$(BUILD)/wasit: $(CLI_OBJ) $(BUILD)/libwasit.a $(EXTRA_CLI_OBJ)
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(EXTRA_CLI_OBJ) $(BUILD)/libwasit.a $(LDLIBS_ALL)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/obj/gen/tables.o: $(GEN_SRC) src/text/text.h src/base/base.h include/wasit.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -Isrc/text -c $< -o $@

# The text-layer tables are generated from dict/ar/text/*.txt by a host tool
# that shares the normalizer with the library (tools/gentables.c).
$(BUILD)/gentables: tools/gentables.c src/text/normalize.c src/text/utf8.c src/base/memory.c src/base/error.c \
                   src/text/text.h src/base/base.h include/wasit.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -std=c11 -Wall -Wextra -O1 -DWASIT_GENTABLES -o $@ $(filter %.c,$^) $(shell pkg-config --libs libutf8proc)

$(GEN_SRC): $(BUILD)/gentables $(TEXT_TABLES)
	@mkdir -p $(@D)
	$(BUILD)/gentables dict/ar/text $@

$(BUILD)/tests/%: tests/%.c tests/testutil.h $(BUILD)/libwasit.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -Itests $(CFLAGS_ALL) -o $@ $< $(BUILD)/libwasit.a $(LDLIBS_ALL) -lcmocka

# check: build and run all tests in this BUILD; test: also under sanitizers.
check: all
	@$(MAKE) --no-print-directory $(TEST_BIN)
	@BUILD=$(BUILD) sh tests/run.sh

test: deps
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory asan-check

asan-check:
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" check

demo: all
	@sh tools/demo.sh

eval: all
	@if [ -f ../shared/data/arabic_gsr_dev.jsonl ]; then \
	  $(BUILD)/wasit eval ../shared/data/arabic_gsr_dev.jsonl; \
	else echo "eval: ../shared/data/arabic_gsr_dev.jsonl not present; skipped"; fi

clean:
	rm -rf build

-include $(wildcard mk/*.mk)
-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
