# tools/bench/bench.mk - make bench, make bench-callgrind (docs/performance.md).
# Included by the top Makefile; uses its BUILD, WARN, STATIC_LIB.

BENCH_DIR := $(BUILD)/bench
BENCH := $(BENCH_DIR)/bench
BENCH_PEERS := libosip2 sofia-sip-ua libre
BENCH_SRCS := $(wildcard tools/bench/*.c)
# Rounds of the 13-message mix per library under callgrind.
BENCH_CALLGRIND_ROUNDS ?= 200

# -rdynamic: the peers' calls to malloc reach the counting malloc of bench.c.
$(BENCH): $(BENCH_SRCS) tools/bench/bench.h $(STATIC_LIB)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -Wno-missing-prototypes -O2 -g -Iinclude -I$(BUILD)/include \
		$$(pkg-config --cflags $(BENCH_PEERS)) -o $@ $(BENCH_SRCS) $(STATIC_LIB) \
		$$(pkg-config --libs $(BENCH_PEERS)) -rdynamic

# The siplint throughput capture: the mix as UDP packets, BENCH_CAPTURE_MB
# megabytes, each round its own calls (tools/bench/make_capture.py).
BENCH_CAPTURE_MB ?= 100
BENCH_CAPTURE := $(BENCH_DIR)/lint-$(BENCH_CAPTURE_MB)MB.pcapng
$(BENCH_CAPTURE): tools/bench/make_capture.py tools/pcapwrite.py $(wildcard corpus/bench/*)
	@mkdir -p $(dir $@)
	$(PYTHON) tools/bench/make_capture.py $@ $(BENCH_CAPTURE_MB)

.PHONY: bench bench-callgrind bench-lint
# The table and JSON, the scaling tables, the plot, and siplint throughput.
bench: all $(BENCH) bench-lint
	$(BENCH) --json $(BENCH_DIR)/results.json --scaling $(BENCH_DIR)
	gnuplot -e "dir='$(BENCH_DIR)'" tools/bench/scaling.gp
	@echo "bench: JSON in $(BENCH_DIR)/results.json, plot in $(BENCH_DIR)/perf-scaling.png"

# siplint over the capture, best of three: MB/s, messages/s, peak memory.
bench-lint: all $(BENCH_CAPTURE)
	@sh tools/bench/lint_throughput.sh $(BUILD)/siplint $(BENCH_CAPTURE) 3

# Instructions per message on the mix: only bench_counted_loop() is counted
# (--toggle-collect), so start-up and each library's one-time set-up are not.
bench-callgrind: all $(BENCH)
	@printf '%-20s %14s %12s\n' "library/mode" "instructions" "per message"
	@messages=$$(grep -cv '^\(#\|$$\)' corpus/bench/MIX); \
	for lib in "sipsift index" "sipsift full" "osip2 full" "sofia-sip full" "libre full" \
		"memchr floor"; do \
		set -- $$lib; out=$(BENCH_DIR)/callgrind.$$1.$$2; \
		valgrind --tool=callgrind --toggle-collect=bench_counted_loop \
			--callgrind-out-file=$$out $(BENCH) --count $$1 $$2 $(BENCH_CALLGRIND_ROUNDS) \
			>/dev/null 2>&1 || { echo "bench-callgrind: $$1 $$2 failed"; exit 1; }; \
		total=$$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' $$out); \
		printf '%-20s %14s %12d\n' "$$1/$$2" "$$total" \
			$$((total / ($(BENCH_CALLGRIND_ROUNDS) * messages))); \
	done
