# ---- fuzzing (libFuzzer) -------------------------------------------------------------------
# make fuzz [FUZZ_SECONDS=60]: every target of fuzz/ built by clang with libFuzzer, ASan and
# UBSan into build/fuzz/, then run for FUZZ_SECONDS each on a copy of its seeds in
# fuzz/corpus/<target>/ (scripts/fuzz.sh). A new target is fuzz/<name>.c, seeds in
# fuzz/corpus/<name>/ and its name in FUZZ_TARGETS.
FUZZ_TARGETS = fuzz_fold fuzz_lang fuzz_tokenize fuzz_gazetteer fuzz_namekey fuzz_clean \
	fuzz_stem fuzz_dates fuzz_events fuzz_event_literal
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_CFLAGS = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -g -O1 -std=c11 -D_GNU_SOURCE $(WARNINGS) -Isrc $(ICU_CFLAGS)
# The engine compiled once with the fuzzer's coverage instrumentation, shared by all targets.
FUZZ_OBJS = $(patsubst src/%.c,build/fuzz/obj/%.o,$(ENGINE_SRCS))

build/fuzz/obj/%.o: src/%.c $(GENERATED) src/*.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_OBJS) $(ICU_LIBS)

.PHONY: fuzz list-fuzz
list-fuzz:
	@echo $(FUZZ_TARGETS)

fuzz:
	@bash scripts/fuzz.sh $(FUZZ_SECONDS)
