# akhbar — PGXS build, plus the project's own targets:
#   make demo    set up everything (packages, build, throwaway cluster) and show what akhbar does
#   make test    the same set-up, then unit tests, regression tests and the corpus evaluation
#   make unit    cmocka tests of the language engine only (no PostgreSQL needed)
#   make bench   the benchmarks in bench/
# and the usual PGXS path for people with their own server:
#   make && sudo make install && make installcheck

EXTENSION = akhbar
MODULE_big = akhbar
DATA_built = akhbar--0.1.sql
PGFILEDESC = "akhbar - Arabic and French news analysis"

# The language engine: plain C on ICU, no postgres.h. The unit tests link these directly.
ENGINE_SRCS = src/akh_env.c src/fold.c src/lang.c src/tokenize.c src/gazetteer.c src/namekey.c \
	src/clean.c src/stem_ar.c src/stem_fr.c src/dates.c src/event.c src/events.c
GLUE_SRCS = src/akhbar.c src/ftext.c src/entities.c src/tsearch.c src/eventtype.c src/eventfuncs.c
OBJS = $(ENGINE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)

GENERATED = src/gen/fold_rules.h src/gen/fr_words.h src/gen/en_words.h src/gen/abbrev_words.h src/gen/roles.h src/gen/context.h src/gen/stop_ar_words.h src/gen/stop_fr_words.h src/gen/name_key_rules.h \
	src/gen/boilerplate.h src/gen/triggers.h src/gen/event_words.h src/gen/dates.h
GAZETTEER = data/gazetteer/country_aliases.tsv data/gazetteer/places.tsv data/gazetteer/orgs.tsv \
	data/gazetteer/people_a.tsv data/gazetteer/people_b.tsv data/gazetteer/people_c.tsv \
	data/gazetteer/people_d.tsv data/gazetteer/orgs_b.tsv

REGRESS = setup fold lang ftext encoding entities names clean search events hostile
REGRESS_OPTS = --inputdir=. --outputdir=build/regress --encoding=UTF8

ICU_CFLAGS := $(shell pkg-config --cflags icu-uc 2>/dev/null)
ICU_LIBS := $(shell pkg-config --libs icu-uc 2>/dev/null || echo -licuuc -licudata)
WARNINGS = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare

PG_CPPFLAGS = -Isrc $(ICU_CFLAGS)
PG_CFLAGS = $(WARNINGS)
SHLIB_LINK = $(ICU_LIBS)
# make test SANITIZE=1: the extension built with AddressSanitizer and UBSan, loaded into a
# PostgreSQL built with AddressSanitizer from Debian's source package (scripts/pg_asan.sh; run.sh
# points PG_CONFIG at it), so pg_regress and the scripts run the SQL layer under both. An error
# aborts the backend: the tests see the server restart, and test.sh reads the reports.
ifeq ($(SANITIZE),1)
PG_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SHLIB_LINK += -fsanitize=address,undefined
endif
EXTRA_CLEAN = $(GENERATED) build

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
else
# Without PostgreSQL's server-dev files only the set-up targets below work (they install them).
all:
	@echo "PostgreSQL server development files not found: run 'make demo' or 'make test' (as root) to install them." >&2; exit 1
endif

$(ENGINE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o) $(ENGINE_SRCS:.c=.bc) $(GLUE_SRCS:.c=.bc): $(GENERATED) $(wildcard src/*.h)

# The install script: the hand-written part, then the built-in gazetteer rows.
akhbar--0.1.sql: src/akhbar.sql build/gazetteer.sql
	cat src/akhbar.sql build/gazetteer.sql > $@

build/gen_countries: tools/gen_countries.c
	@mkdir -p build
	$(CC) -O1 -std=c11 $(WARNINGS) $(ICU_CFLAGS) -o $@ $< -licui18n $(ICU_LIBS)

build/countries.tsv: build/gen_countries data/gazetteer/country_names.tsv
	build/gen_countries data/gazetteer/country_names.tsv > $@.tmp && mv $@.tmp $@

build/gazetteer.sql: build/countries.tsv $(GAZETTEER) tools/gen_gazetteer.awk
	awk -f tools/gen_gazetteer.awk build/countries.tsv $(GAZETTEER) > $@.tmp && mv $@.tmp $@

src/gen/name_key_rules.h: data/name_key.tsv tools/gen_name_key.awk
	@mkdir -p src/gen
	awk -f tools/gen_name_key.awk data/name_key.tsv > $@.tmp && mv $@.tmp $@

src/gen/roles.h src/gen/context.h src/gen/event_words.h: src/gen/%.h: data/%.tsv tools/gen_pairs.awk
	@mkdir -p src/gen
	LC_ALL=C awk -f tools/gen_pairs.awk $< > $@.tmp && mv $@.tmp $@

# data/triggers.tsv reads kind, lang, phrase after a header line: reordered for gen_pairs.
src/gen/triggers.h: data/triggers.tsv tools/gen_pairs.awk
	@mkdir -p src/gen
	LC_ALL=C awk -F'\t' -v OFS='\t' '/^#/ || NF == 0 || $$1 == "kind" { next } { print $$2, $$1, $$3 }' $< \
		| LC_ALL=C awk -f tools/gen_pairs.awk > $@.tmp && mv $@.tmp $@

src/gen/boilerplate.h: data/boilerplate.tsv tools/gen_boilerplate.awk
	@mkdir -p src/gen
	awk -f tools/gen_boilerplate.awk data/boilerplate.tsv > $@.tmp && mv $@.tmp $@

src/gen/dates.h: data/dates.tsv tools/gen_dates.awk
	@mkdir -p src/gen
	grep -v '^#' data/dates.tsv | LC_ALL=C sort -t "$$(printf '\t')" -k4,4 | LC_ALL=C awk -f tools/gen_dates.awk > $@.tmp && mv $@.tmp $@

src/gen/fold_rules.h: data/fold.tsv tools/gen_fold_rules.awk
	@mkdir -p src/gen
	awk -f tools/gen_fold_rules.awk data/fold.tsv > $@.tmp && mv $@.tmp $@

src/gen/%_words.h: data/lang/%.txt tools/gen_words.awk
	@mkdir -p src/gen
	grep -v '^#' $< | LC_ALL=C sort -u | awk -f tools/gen_words.awk > $@.tmp && mv $@.tmp $@

# ---- unit tests (cmocka) -------------------------------------------------------------------
# make unit SANITIZE=1: the engine's tests under AddressSanitizer and UBSan.
ifeq ($(SANITIZE),1)
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif
UNIT_CFLAGS = -O2 -g -std=c11 -D_GNU_SOURCE $(WARNINGS) -Isrc $(ICU_CFLAGS) $(SAN_FLAGS)
UNIT_TESTS = build/test_fold build/test_lang build/test_namekey build/test_clean build/test_gazetteer \
	build/test_stem_ar build/test_stem_fr build/test_dates build/test_event build/test_events

build/test_%: tests/test_%.c tests/akh_test.h $(ENGINE_SRCS) $(GENERATED) src/*.h
	@mkdir -p build
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(ENGINE_SRCS) -lcmocka $(ICU_LIBS)

build/engine_fold: bench/engine_fold.c $(ENGINE_SRCS) $(GENERATED) src/*.h
	@mkdir -p build
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(ENGINE_SRCS) $(ICU_LIBS)

include fuzz/fuzz.mk

.PHONY: unit demo test bench list-unit
list-unit:
	@echo $(UNIT_TESTS)

unit: $(UNIT_TESTS)
	@for t in $(UNIT_TESTS); do $$t || exit 1; done

demo:
	@bash scripts/run.sh demo

test:
	@bash scripts/run.sh test

bench:
	@bash scripts/run.sh bench
