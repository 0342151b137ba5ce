# sipsift - one entry point: deps, all, check, run, install, fuzz-smoke, bench.
# Generated code (re2c output, tables from grammar/) goes to build/ and is
# never committed.

VERSION_MAJOR := 0
VERSION := 0.1.0
PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
ifeq ($(origin CC),default)
CC := cc
endif
PYTHON ?= python3
RE2C ?= re2c

BUILD := build
GEN := $(BUILD)/gen
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS_ALL := -Iinclude -I$(BUILD)/include -Isrc -Igrammar -I$(GEN) \
	-DSIPSIFT_VERSION_STRING='"$(VERSION)"'
CFLAGS ?= -O2 -g
CFLAGS_ALL := -std=c11 $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden $(CPPFLAGS_ALL)
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# Library sources, one folder per layer (grammar -> uri -> hdr -> body -> msg -> check).
LIB_SRCS := $(wildcard src/uri/*.c src/hdr/*.c src/body/*.c src/msg/*.c src/check/*.c)
# Every src/grammar/*.re is a set of matchers over the generated ABNF definitions.
LEXER_SRCS := $(wildcard src/grammar/*.re)
GEN_SRCS := $(patsubst src/grammar/%.re,$(GEN)/%.c,$(LEXER_SRCS)) $(GEN)/match_names.c
GEN_HEADERS := $(BUILD)/include/sipsift/headers.h $(BUILD)/include/sipsift/rules.h
# Generated and internal (not installed): the header-name perfect hash.
GEN_INTERNAL := $(GEN)/name_hash.h
# RFC 3261 first: extension grammars refer to its rules.
ABNF := grammar/core.abnf grammar/rfc3261.abnf \
	$(sort $(filter-out grammar/core.abnf grammar/rfc3261.abnf,$(wildcard grammar/*.abnf)))
REGISTRY := grammar/headers.def grammar/methods.def
TABLES := $(REGISTRY) grammar/status.def grammar/option-tags.def src/check/rules.def
DOCS := $(BUILD)/docs/rules.md $(BUILD)/docs/headers.md

LIB_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS)) \
	$(patsubst $(GEN)/%.c,$(BUILD)/obj/gen/%.o,$(GEN_SRCS))
ASAN_OBJS := $(patsubst $(BUILD)/obj/%,$(BUILD)/asan/%,$(LIB_OBJS))

STATIC_LIB := $(BUILD)/libsipsift.a
SONAME := libsipsift.so.$(VERSION_MAJOR)
SHARED_LIB := $(BUILD)/libsipsift.so.$(VERSION)
TOOL := $(BUILD)/sipsift
TOOL_SRCS := $(wildcard tools/sipsift/*.c)

# Keep intermediate objects (the sanitizer build links them into each test).
.SECONDARY:

.PHONY: all deps check run install uninstall clean unit-tests asan-tests
.DEFAULT_GOAL := all

all: deps $(STATIC_LIB) $(SHARED_LIB) $(TOOL) $(BUILD)/siplint $(DOCS)

# Every target depends on deps; the stamp keeps the check to once per build tree.
deps: $(BUILD)/.deps-ok
$(BUILD)/.deps-ok: tools/deps.sh
	@sh tools/deps.sh
	@mkdir -p $(BUILD) && touch $@

# --- generated code ---------------------------------------------------------
$(BUILD)/include/sipsift/headers.h: $(REGISTRY) tools/gen_headers.py | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(PYTHON) tools/gen_headers.py header-enum $(REGISTRY) > $@.tmp && mv $@.tmp $@

$(BUILD)/include/sipsift/rules.h: src/check/rules.def tools/gen_rules.py | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(PYTHON) tools/gen_rules.py rule-enum src/check/rules.def > $@.tmp && mv $@.tmp $@

# Documentation generated from the tables: the rule catalogue (with each rule's
# failing example from tests/rules/) and the header registry.
$(BUILD)/docs/rules.md: src/check/rules.def tools/gen_rules.py $(wildcard tests/rules/*.sip)
	@mkdir -p $(dir $@)
	$(PYTHON) tools/gen_rules.py markdown src/check/rules.def tests/rules > $@.tmp && mv $@.tmp $@

$(BUILD)/docs/headers.md: $(REGISTRY) tools/gen_headers.py
	@mkdir -p $(dir $@)
	$(PYTHON) tools/gen_headers.py markdown $(REGISTRY) > $@.tmp && mv $@.tmp $@

$(GEN)/abnf.re: $(ABNF) tools/abnf2re.py | $(BUILD)/.deps-ok
	@mkdir -p $(GEN)
	$(PYTHON) tools/abnf2re.py $(ABNF) > $@.tmp && mv $@.tmp $@

$(GEN)/name_hash.h: $(REGISTRY) tools/gen_headers.py | $(BUILD)/.deps-ok
	@mkdir -p $(GEN)
	$(PYTHON) tools/gen_headers.py name-hash $(REGISTRY) > $@.tmp && mv $@.tmp $@

$(GEN)/match_names.re: $(REGISTRY) tools/gen_headers.py | $(BUILD)/.deps-ok
	@mkdir -p $(GEN)
	$(PYTHON) tools/gen_headers.py name-matcher $(REGISTRY) > $@.tmp && mv $@.tmp $@

$(GEN)/%.c: src/grammar/%.re $(GEN)/abnf.re
	$(RE2C) -W -Wno-match-empty-string -I $(GEN) -o $@ $<

$(GEN)/match_names.c: $(GEN)/match_names.re $(GEN)/abnf.re
	$(RE2C) -W -I $(GEN) -o $@ $<

# --- library ----------------------------------------------------------------
# Every object depends on every header of the library: the generated lexers
# include src/grammar/internal.h and host_run.h too.
LIB_HEADERS := $(wildcard include/sipsift/*.h src/*/*.h)

$(BUILD)/obj/gen/%.o: $(GEN)/%.c $(GEN_HEADERS) $(LIB_HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -c $< -o $@

$(BUILD)/obj/%.o: %.c $(GEN_HEADERS) $(GEN_INTERNAL) $(LIB_HEADERS) $(TABLES)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/asan/gen/%.o: $(GEN)/%.c $(GEN_HEADERS) $(LIB_HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -O1 $(SANITIZE) -Wno-missing-prototypes -c $< -o $@

$(BUILD)/asan/%.o: %.c $(GEN_HEADERS) $(GEN_INTERNAL) $(LIB_HEADERS) $(TABLES)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -O1 $(SANITIZE) -c $< -o $@

$(STATIC_LIB): $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

# Only sift_ symbols are exported: -fvisibility=hidden plus SIFT_API on the
# public functions, and a version script for anything that slips through.
$(SHARED_LIB): $(LIB_OBJS) tools/libsipsift.map
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=tools/libsipsift.map \
		-o $@ $(LIB_OBJS)
	ln -sf libsipsift.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libsipsift.so

# siplint is the lint command under its own name (tools/sipsift/main.c).
$(BUILD)/siplint: $(TOOL)
	ln -sf sipsift $@

$(TOOL): $(TOOL_SRCS) $(STATIC_LIB) $(wildcard tools/sipsift/*.h)
	$(CC) -std=c11 $(WARN) $(CFLAGS) -Iinclude -I$(BUILD)/include -o $@ $(TOOL_SRCS) $(STATIC_LIB) -lpcap

# Fuzz targets and their builds (libFuzzer, AFL++, replay, coverage).
include fuzz/fuzz.mk

# Benchmarks against the peer parsers (docs/performance.md).
include tools/bench/bench.mk

# --- tests ------------------------------------------------------------------
TEST_SRCS := $(wildcard tests/unit/test_*.c)
TEST_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(TEST_SRCS))
ASAN_TEST_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/asan/%,$(filter-out tests/unit/test_alloc.c,$(TEST_SRCS)))
TEST_CFLAGS := -std=c11 $(WARN) -Wno-missing-prototypes -O1 -g -Iinclude -I$(BUILD)/include -Itests/unit

$(BUILD)/tests/%: tests/unit/%.c $(STATIC_LIB) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -o $@ $< $(STATIC_LIB) -lcmocka

$(BUILD)/tests/asan/%: tests/unit/%.c $(ASAN_OBJS) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) $(SANITIZE) -o $@ $< $(ASAN_OBJS) -lcmocka

unit-tests: all $(TEST_BINS)
asan-tests: all $(ASAN_TEST_BINS)

check: all $(TEST_BINS) $(ASAN_TEST_BINS) $(FUZZ_BINS_replay) $(FUZZ_DIR)/replay/diff_osip $(BENCH)
	@sh tests/run.sh $(TEST_BINS) $(ASAN_TEST_BINS) -- $(wildcard tests/sh/test_*.sh)

# --- main job: lint the bundled capture ---------------------------------------
# corpus/captures/sample.pcapng: sipp calls over UDP and TCP plus five broken
# requests (tools/make_sample_capture.sh). Exit status 1 means findings (the
# broken requests are there on purpose); only 2 (bad usage, unreadable
# input) fails the target.
run: all
	@$(BUILD)/siplint corpus/captures/sample.pcapng; status=$$?; [ $$status -le 1 ]

# --- install ----------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/include/sipsift $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/sipsift/*.h $(GEN_HEADERS) $(DESTDIR)$(PREFIX)/include/sipsift/
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(PREFIX)/lib/
	install -d $(DESTDIR)$(PREFIX)/share/doc/sipsift
	install -m 644 $(DOCS) $(DESTDIR)$(PREFIX)/share/doc/sipsift/
	install -m 755 $(SHARED_LIB) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libsipsift.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libsipsift.so
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/siplint.1 docs/sipsift.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 755 $(TOOL) $(DESTDIR)$(PREFIX)/bin/
	ln -sf sipsift $(DESTDIR)$(PREFIX)/bin/siplint
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' tools/sipsift.pc.in \
		> $(DESTDIR)$(PREFIX)/lib/pkgconfig/sipsift.pc

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/include/sipsift
	rm -f $(DESTDIR)$(PREFIX)/lib/libsipsift.* $(DESTDIR)$(PREFIX)/lib/pkgconfig/sipsift.pc \
		$(DESTDIR)$(PREFIX)/bin/sipsift $(DESTDIR)$(PREFIX)/bin/siplint \
		$(DESTDIR)$(PREFIX)/share/man/man1/siplint.1 $(DESTDIR)$(PREFIX)/share/man/man1/sipsift.1
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/sipsift

clean:
	rm -rf $(BUILD)
