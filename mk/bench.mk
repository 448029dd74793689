# bench.mk: `make bench` (included by the main Makefile).
#
# Generates a deterministic synthetic Arabic news corpus of BENCH_MB
# megabytes (bench/gencorpus.c) once into $(BUILD)/bench/, then prints one
# table: the text layer alone (bench/bench_text.c), `wasit code` with 1 and
# 2 threads, and `gzip -1` on the same bytes, with MB/s, sentences/s,
# docs/s and peak RSS (bench/runstat.c).  Not part of `make test`.

BENCH_MB  ?= 60
BENCH_DIR := $(BUILD)/bench
BENCH_TOOLS := $(BENCH_DIR)/gencorpus $(BENCH_DIR)/runstat $(BENCH_DIR)/bench_text

.PHONY: bench bench-tools
bench: all
	@$(MAKE) --no-print-directory bench-tools
	@sh bench/run.sh $(BUILD) $(BENCH_MB)

bench-tools: $(BENCH_TOOLS)

$(BENCH_DIR)/gencorpus: bench/gencorpus.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Wall -Wextra -O2 -o $@ $<

$(BENCH_DIR)/runstat: bench/runstat.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Wall -Wextra -O2 -o $@ $<

$(BENCH_DIR)/bench_text: bench/bench_text.c $(BUILD)/libwasit.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libwasit.a $(LDLIBS_ALL)
