# aiprod — the two commands of the README, and a few more for developers.
#   make run    installs build dependencies, builds, renders the bundled example, says how to use it
#   make test   installs build dependencies, builds, runs the whole test suite
#   make bench  reproduces docs/BENCHMARKS.md (needs the ffmpeg CLI as a yardstick only)
#   make test-release  the test suite built in release, as the binary ships (CI runs it too)
#   make test-asan     the test suite under the address sanitizer (own scratch path)
#   make fuzz          builds the libFuzzer targets and runs each FUZZ_SECONDS (docs/DEVELOPERS.md)

SWIFT ?= swift
# Debian 12 packages the build and the tests need (see docs/DEVELOPERS.md).
DEB_PACKAGES := pkg-config libavcodec-dev libavformat-dev libavfilter-dev libavutil-dev \
	libswresample-dev libswscale-dev libfreetype-dev fonts-dejavu-core libsqlite3-dev libcurl4-openssl-dev \
	libssl-dev libespeak-ng-dev espeak-ng-data libfluidsynth-dev timgm6mb-soundfont
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT := out

# Fuzzing: a debug build with libFuzzer and ASan in its own scratch path; seed corpora, findings
# and logs under FUZZ_WORK (git-ignored, like every .build-*/ folder).
FUZZ_SECONDS ?= 180
FUZZ_TARGETS ?= media timeline plan script
FUZZ_WORK ?= .build-fuzz-work
FUZZ_BUILD := --scratch-path .build-fuzz --product AIProdFuzz --sanitize fuzzer --sanitize address \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DAIPROD_FUZZ

.PHONY: deps build release test test-release test-asan fuzz fuzz-build fuzz-corpus run bench clean

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "swift not found: install Swift 6 (see docs/DEVELOPERS.md)"; exit 1; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Release is what ships: its checks and optimisations must pass the same tests.
test-release: deps
	$(SWIFT) build -c release --build-tests -Xswiftc -enable-testing
	$(SWIFT) test -c release --skip-build

# The tests are Swift Testing only: --disable-xctest skips the empty XCTest pass, whose runtime
# leaks a few objects at exit that LeakSanitizer would report; .ci/lsan.supp lists the leaks
# Foundation itself has (each with its reason).
test-asan: deps
	$(SWIFT) build --build-tests --sanitize address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp $(SWIFT) test --sanitize address \
		--scratch-path .build-asan --skip-build --disable-xctest

# `swift build --sanitize fuzzer` links libFuzzer's main but instruments nothing: the -Xswiftc
# flag adds the coverage (and must repeat address, which it replaces).
fuzz-build: deps
	$(SWIFT) build $(FUZZ_BUILD)

fuzz-corpus: deps
	$(SWIFT) build --product AIProdFuzz
	$$($(SWIFT) build --show-bin-path)/AIProdFuzz $(FUZZ_WORK)/corpus

fuzz: fuzz-build fuzz-corpus
	bash docs/fuzz/run.sh "$$($(SWIFT) build $(FUZZ_BUILD) --show-bin-path)/AIProdFuzz" $(FUZZ_WORK) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

run: release
	@mkdir -p $(OUT)
	$(SWIFT) run -c release aiprod render docs/examples/script-en.txt --assets docs/examples/assets -o $(OUT)/harbour.mp4
	@echo
	@echo "Rendered $(OUT)/harbour.mp4 from docs/examples/script-en.txt, with its subtitles, thumbnail, plan, timeline and QA report beside it."
	@echo "Render your own script:    $$($(SWIFT) build -c release --show-bin-path)/aiprod render SCRIPT.txt -o OUT.mp4 [--preset youtube-1080p] [--assets DIR]"
	@echo "Plan only:                 $$($(SWIFT) build -c release --show-bin-path)/aiprod plan SCRIPT.txt"
	@echo "Render a timeline:         $$($(SWIFT) build -c release --show-bin-path)/aiprod render TIMELINE.json -o OUT.mp4 [--srt OUT.srt] [--vtt OUT.vtt] [--thumbnail OUT.jpg]"
	@echo "Inspect a file:            $$($(SWIFT) build -c release --show-bin-path)/aiprod probe $(OUT)/harbour.mp4"
	@echo "The timeline format:       docs/TIMELINE.md"

bench: release
	bash docs/bench/r1-compare.sh

clean:
	rm -rf .build .build-asan .build-fuzz $(OUT)
