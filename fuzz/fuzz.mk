# fuzz/fuzz.mk - fuzz targets, their builds and runs (docs/fuzzing.md).
# Included by the top Makefile; uses its BUILD, LIB_SRCS, GEN_SRCS,
# GEN_HEADERS, CPPFLAGS_ALL and WARN. Everything of its own is FUZZ_*.
#
#   make fuzz-replay                  replay the seed corpora and regressions (ASan+UBSan)
#   make fuzz-smoke                   every target under libFuzzer for FUZZ_SMOKE_SECONDS
#   make fuzz TARGET=x [SECONDS=n] [JOBS=n]   one libFuzzer campaign
#   make afl TARGET=x [SECONDS=n]     one AFL++ campaign (persistent mode + CmpLog)
#   make afl-parallel TARGET=x [SECONDS=n] [JOBS=n]  AFL++ -M/-S on every core
#   make fuzz-cov                     source coverage of the seed corpora (HTML + text)
#   make fuzz-merge TARGET=x          add the campaign units with new coverage to corpus/fuzz/x

FUZZ_TARGETS := parse frame uri headers validate unfold lint capture auth fields addr event session body
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_DICT := $(FUZZ_DIR)/sip.dict
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_MAX_LEN ?= 65536

# Tools. clang-14/llvm-14 are installed under versioned names on Debian;
# the unversioned ones come from the clang/llvm packages when present.
FUZZ_CLANG ?= $(firstword $(shell command -v clang clang-14 2>/dev/null) clang)
FUZZ_REPLAY_CC ?= $(CC)
FUZZ_AFL_CC ?= afl-clang-fast
FUZZ_AFL_FUZZ ?= afl-fuzz
FUZZ_LLVM_PROFDATA ?= $(firstword $(shell command -v llvm-profdata llvm-profdata-14 2>/dev/null) llvm-profdata)
FUZZ_LLVM_COV ?= $(firstword $(shell command -v llvm-cov llvm-cov-14 2>/dev/null) llvm-cov)

FUZZ_LIB := $(LIB_SRCS) $(GEN_SRCS)
# Targets that need more than the library: siplint's capture reader (a
# tool source) and libpcap.
FUZZ_EXTRA_SRCS_capture := tools/sipsift/capture.c
FUZZ_EXTRA_LIBS_capture := -lpcap
FUZZ_LIB_DEPS := $(GEN_HEADERS) $(GEN_INTERNAL) \
	$(wildcard include/sipsift/*.h src/*/*.h grammar/*.def src/check/*.def)
FUZZ_TARGET_DEPS := fuzz/targets/check.h $(GEN_HEADERS) $(wildcard include/sipsift/*.h)
FUZZ_COMMON := -std=c11 $(WARN) -g -fno-omit-frame-pointer $(CPPFLAGS_ALL)
FUZZ_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
# Sanitizers in the main AFL++ build (the CmpLog build never has them).
FUZZ_AFL_SANITIZE ?= $(FUZZ_SANITIZE)
# Aborts (violated invariants) get an ASan stack trace too.
FUZZ_ASAN_OPTIONS := ASAN_OPTIONS=handle_abort=1:detect_leaks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# --- the builds: one set of objects per build ---------------------------------
# FUZZ_CC_x: compiler (with any environment it needs), FUZZ_CFLAGS_x: for the
# library and the targets, FUZZ_LDFLAGS_x: at link, FUZZ_DRIVER_x: the main()
# (none for libFuzzer), FUZZ_ORDER_x: order-only prerequisites.
FUZZ_BUILDS := libfuzzer replay afl afl-cmplog cov

FUZZ_CC_libfuzzer = $(FUZZ_CLANG)
FUZZ_CFLAGS_libfuzzer := $(FUZZ_COMMON) -O1 $(FUZZ_SANITIZE) -fsanitize=fuzzer-no-link
FUZZ_LDFLAGS_libfuzzer := -fsanitize=fuzzer
FUZZ_DRIVER_libfuzzer :=

FUZZ_CC_replay = $(FUZZ_REPLAY_CC)
FUZZ_CFLAGS_replay := $(FUZZ_COMMON) -O1 $(FUZZ_SANITIZE)
FUZZ_DRIVER_replay := fuzz/replay.c

# AFL++'s default PCGUARD pass, and its CmpLog switch pass, take longer
# than 5 CPU-minutes each on the re2c DFAs of build/gen/scan.c (a 1 MB file
# of nested switches) where plain clang takes 3 CPU-seconds; the CLASSIC
# edge instrumentation takes about a minute with ASan. So AFL builds use
# CLASSIC, and the CmpLog build leaves the generated lexers without CmpLog
# hooks (they still get edge coverage): FUZZ_GEN_CC_<build> compiles
# sources under build/ where it is set.
FUZZ_CC_afl = AFL_LLVM_INSTRUMENT=CLASSIC $(FUZZ_AFL_CC)
FUZZ_CFLAGS_afl = $(FUZZ_COMMON) -O1 $(FUZZ_AFL_SANITIZE)
FUZZ_DRIVER_afl := fuzz/afl_driver.c
FUZZ_ORDER_afl := $(FUZZ_DIR)/.afl-ok

FUZZ_CC_afl-cmplog = AFL_LLVM_INSTRUMENT=CLASSIC AFL_LLVM_CMPLOG=1 $(FUZZ_AFL_CC)
FUZZ_GEN_CC_afl-cmplog = AFL_LLVM_INSTRUMENT=CLASSIC $(FUZZ_AFL_CC)
FUZZ_CFLAGS_afl-cmplog := $(FUZZ_COMMON) -O1
FUZZ_DRIVER_afl-cmplog := fuzz/afl_driver.c
FUZZ_ORDER_afl-cmplog := $(FUZZ_DIR)/.afl-ok

FUZZ_CC_cov = $(FUZZ_CLANG)
FUZZ_CFLAGS_cov := $(FUZZ_COMMON) -O1 -fprofile-instr-generate -fcoverage-mapping
FUZZ_DRIVER_cov := fuzz/replay.c

# $(1): build name. Library objects under build/fuzz/<build>/obj/, one binary
# per target at build/fuzz/<build>/<target>. Generated sources (under
# BUILD) define functions without prototypes, as in the top Makefile.
define FUZZ_BUILD_RULES
FUZZ_OBJS_$(1) := $$(patsubst %.c,$$(FUZZ_DIR)/$(1)/obj/%.o,$$(FUZZ_LIB))
FUZZ_BINS_$(1) := $$(addprefix $$(FUZZ_DIR)/$(1)/,$$(FUZZ_TARGETS))

$$(FUZZ_OBJS_$(1)): $$(FUZZ_DIR)/$(1)/obj/%.o: %.c $$(FUZZ_LIB_DEPS) | $$(FUZZ_ORDER_$(1))
	@mkdir -p $$(dir $$@)
	$$(if $$(and $$(filter $$(BUILD)/%,$$<),$$(FUZZ_GEN_CC_$(1))),$$(FUZZ_GEN_CC_$(1)),$$(FUZZ_CC_$(1))) \
		$$(FUZZ_CFLAGS_$(1)) \
		$$(if $$(filter $$(BUILD)/%,$$<),-Wno-missing-prototypes) -c $$< -o $$@

$$(FUZZ_BINS_$(1)): $$(FUZZ_DIR)/$(1)/%: fuzz/targets/fuzz_%.c $$(FUZZ_DRIVER_$(1)) \
		$$(wildcard tools/sipsift/capture.[ch] tools/sipsift/lint_input.h) \
		$$(FUZZ_OBJS_$(1)) $$(FUZZ_TARGET_DEPS) | $$(FUZZ_ORDER_$(1))
	@mkdir -p $$(dir $$@)
	$$(FUZZ_CC_$(1)) $$(FUZZ_CFLAGS_$(1)) $$(FUZZ_LDFLAGS_$(1)) -o $$@ $$< \
		$$(FUZZ_EXTRA_SRCS_$$*) $$(FUZZ_DRIVER_$(1)) $$(FUZZ_OBJS_$(1)) $$(FUZZ_EXTRA_LIBS_$$*)
endef
$(foreach b,$(FUZZ_BUILDS),$(eval $(call FUZZ_BUILD_RULES,$(b))))

# AFL++ is not in `make deps`: installed here when missing (as root).
$(FUZZ_DIR)/.afl-ok: fuzz/afl_deps.sh
	@sh fuzz/afl_deps.sh
	@mkdir -p $(dir $@) && touch $@

# The dictionary: header names, compact forms, methods from grammar/, plus
# the fixed tokens of fuzz/dict.extra.
$(FUZZ_DICT): fuzz/gen_dict.sh fuzz/dict.extra grammar/headers.def grammar/methods.def \
		tools/gen_headers.py
	@mkdir -p $(dir $@)
	sh fuzz/gen_dict.sh > $@.tmp && mv $@.tmp $@

.PHONY: fuzz-build fuzz-replay fuzz-smoke fuzz afl afl-parallel fuzz-cov fuzz-merge

fuzz-build: $(FUZZ_BINS_libfuzzer) $(FUZZ_BINS_replay) $(FUZZ_DICT)

# Every seed and every saved reproducer through the ASan+UBSan replay build.
fuzz-replay: $(FUZZ_BINS_replay)
	@status=0; for t in $(FUZZ_TARGETS); do \
		inputs=corpus/fuzz/$$t; \
		[ -d tests/regress/$$t ] && inputs="$$inputs tests/regress/$$t"; \
		printf 'fuzz-replay %-8s ' "$$t"; \
		$(FUZZ_ASAN_OPTIONS) $(FUZZ_DIR)/replay/$$t $$inputs || { \
			echo "fuzz-replay: $$t FAILED"; status=1; }; \
	done; exit $$status

# Each target for FUZZ_SMOKE_SECONDS from the seeds, in a fresh corpus dir;
# a crash, leak, timeout or violated invariant fails the target and leaves
# the input in build/fuzz/artifacts/<target>/.
fuzz-smoke: $(FUZZ_BINS_libfuzzer) $(FUZZ_DICT)
	@status=0; for t in $(FUZZ_TARGETS); do \
		work=$(FUZZ_DIR)/smoke/$$t; art=$(FUZZ_DIR)/artifacts/$$t; \
		rm -rf $$work; mkdir -p $$work $$art; \
		inputs=corpus/fuzz/$$t; \
		[ -d tests/regress/$$t ] && inputs="$$inputs tests/regress/$$t"; \
		if $(FUZZ_DIR)/libfuzzer/$$t -max_total_time=$(FUZZ_SMOKE_SECONDS) \
			-dict=$(FUZZ_DICT) -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
			-artifact_prefix=$$art/ -print_final_stats=1 \
			$$work $$inputs > $$work.log 2>&1; then \
			printf 'fuzz-smoke %-8s ok   %s\n' "$$t" \
				"$$(grep -a 'DONE' $$work.log | tail -n 1 | sed 's/^#//; s/[[:space:]]\+/ /g')"; \
		else \
			printf 'fuzz-smoke %-8s FAILED (log: %s)\n' "$$t" "$$work.log"; \
			grep -a -A 30 -E '^==[0-9]+==|invariant violated|SUMMARY' $$work.log | head -n 60; \
			status=1; \
		fi; \
	done; exit $$status

# One campaign: make fuzz TARGET=parse SECONDS=600 JOBS=2. The corpus grows
# in build/fuzz/corpus/<target> (kept between runs); the seeds are read only.
# Known reproducers (tests/regress/) are left out: fuzz-replay runs those.
FUZZ_RUN_TARGET = $(filter $(TARGET),$(FUZZ_TARGETS))
fuzz: $(addprefix $(FUZZ_DIR)/libfuzzer/,$(FUZZ_RUN_TARGET)) $(FUZZ_DICT)
	@[ -n "$(FUZZ_RUN_TARGET)" ] && [ "$(words $(TARGET))" = 1 ] || { \
		echo "usage: make fuzz TARGET=<$(FUZZ_TARGETS)> [SECONDS=n] [JOBS=n]" >&2; exit 2; }
	@mkdir -p $(FUZZ_DIR)/corpus/$(TARGET) $(FUZZ_DIR)/artifacts/$(TARGET)
	cd $(FUZZ_DIR)/corpus && ../libfuzzer/$(TARGET) \
		-max_total_time=$(or $(SECONDS),600) \
		$(if $(filter-out 0 1,$(or $(JOBS),1)),-fork=$(JOBS)) \
		-dict=../sip.dict -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
		-artifact_prefix=../artifacts/$(TARGET)/ -print_final_stats=1 \
		$(TARGET) $(CURDIR)/corpus/fuzz/$(TARGET)

# One AFL++ campaign: make afl TARGET=uri [SECONDS=n] (no SECONDS: until ^C).
# Output in build/fuzz/afl-out/<target> (resumed when it exists); crashes
# in its default/crashes/.
afl: $(addprefix $(FUZZ_DIR)/afl/,$(FUZZ_RUN_TARGET)) \
		$(addprefix $(FUZZ_DIR)/afl-cmplog/,$(FUZZ_RUN_TARGET)) $(FUZZ_DICT)
	@[ -n "$(FUZZ_RUN_TARGET)" ] && [ "$(words $(TARGET))" = 1 ] || { \
		echo "usage: make afl TARGET=<$(FUZZ_TARGETS)> [SECONDS=n]" >&2; exit 2; }
	@mkdir -p $(FUZZ_DIR)/afl-out
	AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1 \
	$(if $(AFL_UI),,AFL_NO_UI=1) \
		$(FUZZ_AFL_FUZZ) -i corpus/fuzz/$(TARGET) -o $(FUZZ_DIR)/afl-out/$(TARGET) \
		-x $(FUZZ_DICT) -c $(FUZZ_DIR)/afl-cmplog/$(TARGET) \
		$(if $(SECONDS),-V $(SECONDS)) -- $(FUZZ_DIR)/afl/$(TARGET)
	@crashes=$$(ls $(FUZZ_DIR)/afl-out/$(TARGET)/default/crashes 2>/dev/null | grep -v README | wc -l); \
	echo "afl $(TARGET): $$crashes crash(es) in $(FUZZ_DIR)/afl-out/$(TARGET)/default/crashes"; \
	[ "$$crashes" -eq 0 ]

# AFL++ on every core of the machine: make afl-parallel TARGET=parse
# [SECONDS=n] [JOBS=n]. One main instance (-M, with CmpLog) and JOBS-1
# secondaries (-S) share build/fuzz/afl-sync/<target>; the secondaries vary
# their power schedules. Without SECONDS it runs until ^C.
FUZZ_AFL_JOBS = $(or $(JOBS),$(shell nproc))
FUZZ_AFL_SCHEDULES := fast explore coe lin quad exploit rare
afl-parallel: $(addprefix $(FUZZ_DIR)/afl/,$(FUZZ_RUN_TARGET)) \
		$(addprefix $(FUZZ_DIR)/afl-cmplog/,$(FUZZ_RUN_TARGET)) $(FUZZ_DICT)
	@[ -n "$(FUZZ_RUN_TARGET)" ] && [ "$(words $(TARGET))" = 1 ] || { \
		echo "usage: make afl-parallel TARGET=<$(FUZZ_TARGETS)> [SECONDS=n] [JOBS=n]" >&2; exit 2; }
	@sync=$(FUZZ_DIR)/afl-sync/$(TARGET); mkdir -p $$sync; \
	export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1 AFL_NO_UI=1; \
	common="-i corpus/fuzz/$(TARGET) -o $$sync -x $(FUZZ_DICT) $(if $(SECONDS),-V $(SECONDS))"; \
	$(FUZZ_AFL_FUZZ) -M main $$common -c $(FUZZ_DIR)/afl-cmplog/$(TARGET) \
		-- $(FUZZ_DIR)/afl/$(TARGET) > $$sync/main.log 2>&1 & \
	i=1; while [ $$i -lt $(FUZZ_AFL_JOBS) ]; do \
		schedule=$$(echo $(FUZZ_AFL_SCHEDULES) | cut -d' ' -f$$(( (i - 1) % 7 + 1 ))); \
		$(FUZZ_AFL_FUZZ) -S secondary$$i -p $$schedule $$common \
			-- $(FUZZ_DIR)/afl/$(TARGET) > $$sync/secondary$$i.log 2>&1 & \
		i=$$((i + 1)); \
	done; \
	echo "afl-parallel $(TARGET): $(FUZZ_AFL_JOBS) instances syncing in $$sync"; \
	wait; \
	crashes=$$(find $$sync/*/crashes -type f ! -name README.txt 2>/dev/null | wc -l); \
	echo "afl-parallel $(TARGET): $$crashes crash(es) under $$sync/*/crashes"; \
	[ "$$crashes" -eq 0 ]

# Source coverage of the seed corpora: the replay driver built with clang's
# source-based coverage, one profile per target, merged; a per-file text
# report of src/ (build/fuzz/coverage/report.txt) and HTML
# (build/fuzz/coverage/html/). The re2c output under build/gen is left out
# of the report: a DFA's generated states are not lines anyone wrote, and the
# grammar they come from is covered through the src/ code that calls them.
FUZZ_COV_IGNORE := (^|/)(fuzz|build|include|tests)/
FUZZ_COV_DIR := $(FUZZ_DIR)/coverage
fuzz-cov: $(FUZZ_BINS_cov)
	@rm -rf $(FUZZ_COV_DIR) && mkdir -p $(FUZZ_COV_DIR)
	@for t in $(FUZZ_TARGETS); do \
		printf 'fuzz-cov %-8s ' "$$t"; \
		LLVM_PROFILE_FILE=$(FUZZ_COV_DIR)/$$t.profraw $(FUZZ_DIR)/cov/$$t corpus/fuzz/$$t \
			|| exit 1; \
	done
	$(FUZZ_LLVM_PROFDATA) merge -sparse $(FUZZ_COV_DIR)/*.profraw -o $(FUZZ_COV_DIR)/fuzz.profdata
	$(FUZZ_LLVM_COV) report -instr-profile=$(FUZZ_COV_DIR)/fuzz.profdata \
		-ignore-filename-regex='$(FUZZ_COV_IGNORE)' $(firstword $(FUZZ_BINS_cov)) \
		$(addprefix -object=,$(wordlist 2,99,$(FUZZ_BINS_cov))) > $(FUZZ_COV_DIR)/report.txt
	$(FUZZ_LLVM_COV) show -format=html -output-dir=$(FUZZ_COV_DIR)/html \
		-instr-profile=$(FUZZ_COV_DIR)/fuzz.profdata -show-line-counts-or-regions \
		-ignore-filename-regex='$(FUZZ_COV_IGNORE)' $(firstword $(FUZZ_BINS_cov)) \
		$(addprefix -object=,$(wordlist 2,99,$(FUZZ_BINS_cov)))
	@cat $(FUZZ_COV_DIR)/report.txt
	@awk '/^TOTAL/ { printf "fuzz-cov: src/ line coverage %s, branch coverage %s\n", $$10, $$13 }' \
		$(FUZZ_COV_DIR)/report.txt
	@echo "fuzz-cov: HTML in $(FUZZ_COV_DIR)/html/index.html"

# Keep what a campaign found: the units of build/fuzz/corpus/<target> that
# reach code (edges) the committed corpus/fuzz/<target> does not are added
# to it (-merge=1 with the committed corpus first; -use_counters=0 counts an
# edge once, not per hit-count bucket, so a campaign of 20,000 units adds a
# few hundred, not all of them). The named seeds stay as they are:
# fuzz/make_seeds.py and the tests rely on them.
fuzz-merge: $(addprefix $(FUZZ_DIR)/libfuzzer/,$(FUZZ_RUN_TARGET))
	@[ -n "$(FUZZ_RUN_TARGET)" ] && [ "$(words $(TARGET))" = 1 ] || { \
		echo "usage: make fuzz-merge TARGET=<$(FUZZ_TARGETS)>" >&2; exit 2; }
	@mkdir -p $(FUZZ_DIR)/corpus/$(TARGET)
	@before=$$(ls corpus/fuzz/$(TARGET) | wc -l); \
	$(FUZZ_DIR)/libfuzzer/$(TARGET) -merge=1 -use_counters=0 -max_len=$(FUZZ_MAX_LEN) \
		corpus/fuzz/$(TARGET) $(FUZZ_DIR)/corpus/$(TARGET) > $(FUZZ_DIR)/merge-$(TARGET).log 2>&1 || { \
		cat $(FUZZ_DIR)/merge-$(TARGET).log; exit 1; }; \
	echo "fuzz-merge: corpus/fuzz/$(TARGET) $$before -> $$(ls corpus/fuzz/$(TARGET) | wc -l) inputs"

# For fuzz/oss-fuzz/build.sh, which compiles with the engine's own flags:
# the generated sources and headers, the target names, the library sources.
.PHONY: fuzz-sources fuzz-list fuzz-lib-sources
fuzz-sources: $(GEN_SRCS) $(GEN_HEADERS) $(GEN_INTERNAL)
fuzz-list:
	@echo $(FUZZ_TARGETS)
fuzz-lib-sources:
	@echo $(FUZZ_LIB)
fuzz-extra-%:
	@echo $(FUZZ_EXTRA_SRCS_$*) $(FUZZ_EXTRA_LIBS_$*)

# --- differential target: sipsift against GNU oSIP2 ---------------------------
# make fuzz-diff [SECONDS=n]: libFuzzer from the parse seeds; disagreements are
# saved under build/fuzz/diff/<class>/ (not crashes) and summed up at the end.
# make fuzz-diff-replay DIR=path: the replay build on saved inputs, with the
# reason of each disagreement. docs/fuzzing.md has the classes found.
FUZZ_DIFF_LIBS := $(shell pkg-config --libs libosip2 2>/dev/null || echo -losipparser2 -losip2)
FUZZ_DIFF_OUT := $(FUZZ_DIR)/diff

$(FUZZ_DIR)/libfuzzer/diff_osip: fuzz/targets/diff_osip.c $(FUZZ_OBJS_libfuzzer) $(FUZZ_TARGET_DEPS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC_libfuzzer) $(FUZZ_CFLAGS_libfuzzer) $(FUZZ_LDFLAGS_libfuzzer) -o $@ $< \
		$(FUZZ_OBJS_libfuzzer) $(FUZZ_DIFF_LIBS)

$(FUZZ_DIR)/replay/diff_osip: fuzz/targets/diff_osip.c fuzz/replay.c $(FUZZ_OBJS_replay) \
		$(FUZZ_TARGET_DEPS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC_replay) $(FUZZ_CFLAGS_replay) -o $@ $< fuzz/replay.c $(FUZZ_OBJS_replay) \
		$(FUZZ_DIFF_LIBS)

.PHONY: fuzz-diff fuzz-diff-replay
fuzz-diff: $(FUZZ_DIR)/libfuzzer/diff_osip $(FUZZ_DICT)
	@mkdir -p $(FUZZ_DIR)/corpus/diff $(FUZZ_DIFF_OUT)
	-DIFF_OUT=$(FUZZ_DIFF_OUT) $(FUZZ_DIR)/libfuzzer/diff_osip \
		-max_total_time=$(or $(SECONDS),300) -dict=$(FUZZ_DICT) -max_len=4096 \
		-timeout=10 -artifact_prefix=$(FUZZ_DIR)/artifacts/ -print_final_stats=1 \
		$(FUZZ_DIR)/corpus/diff corpus/fuzz/parse 2>&1 | grep -a '^diff:\|DONE\|ERROR'
	@for class in $(FUZZ_DIFF_OUT)/*/; do \
		[ -d "$$class" ] || continue; \
		example=$$(ls $$class | grep -v '\.reason$$' | head -n 1); \
		printf '%-16s %6s saved  e.g. %s: %s\n' "$$(basename $$class)" \
			"$$(ls $$class | grep -vc '\.reason$$')" "$$class$$example" \
			"$$(cat $$class$$example.reason 2>/dev/null)"; \
	done

fuzz-diff-replay: $(FUZZ_DIR)/replay/diff_osip
	@[ -n "$(DIR)" ] || { echo "usage: make fuzz-diff-replay DIR=path" >&2; exit 2; }
	DIFF_VERBOSE=1 DIFF_OUT=$(FUZZ_DIR)/diff-replay $(FUZZ_DIR)/replay/diff_osip $(DIR)
