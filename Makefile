# aiprod — the two commands of the README, and a few more for developers.
#   make run    installs build dependencies, builds, starts the daemon on ./run/aiprod.ini, renders
#               the bundled example through its API, prints an admin token and how to use it
#   make stop   stops the daemon `make run` started
#   make test   installs build dependencies, builds, runs the whole test suite
#   make bench  reproduces docs/BENCHMARKS.md (needs the ffmpeg CLI as a yardstick only)
#   make test-release  the test suite built in release, in its own scratch path (before a release)
#   make test-asan     the test suite under the address sanitizer (own scratch path)
#   make test-api      schemathesis (PyPI) fuzzes the release daemon from its /openapi.json (CI runs it)
#   make deb           the .deb (packaging/README.md) in out/, checked by lintian
#   make test-deb      installs that .deb with apt, runs it as the aiprod user, purges it (CI runs it)
#   make fuzz          builds the libFuzzer targets and runs each FUZZ_SECONDS (docs/DEVELOPERS.md)

SWIFT ?= swift
# Debian 12 packages the build and the tests need (see docs/DEVELOPERS.md).
DEB_PACKAGES := pkg-config libavcodec-dev libavformat-dev libavfilter-dev libavutil-dev \
	libswresample-dev libswscale-dev libfreetype-dev fonts-dejavu-core libsqlite3-dev libcurl4-openssl-dev \
	libssl-dev libespeak-ng-dev espeak-ng-data libfluidsynth-dev timgm6mb-soundfont curl jq strace
# What `make deb` needs on top: dpkg-shlibdeps, lintian, systemd-analyze, python3 (the man page).
DEB_TOOLS := dpkg-dev lintian systemd python3 fakeroot
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT := out
# The shipped build: the Swift runtime and Foundation linked in, so the .deb depends only on
# Debian's libraries; full RELRO (bind now). `make run`, `make test-api` and `make deb` share it.
RELEASE := -c release --static-swift-stdlib -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now

# Fuzzing: a debug build with libFuzzer and ASan in its own scratch path; seed corpora, findings
# and logs under FUZZ_WORK (git-ignored, like every .build-*/ folder).
FUZZ_SECONDS ?= 180
FUZZ_TARGETS ?= media timeline plan script
FUZZ_WORK ?= .build-fuzz-work
FUZZ_BUILD := --scratch-path .build-fuzz --product AIProdFuzz --sanitize fuzzer --sanitize address \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DAIPROD_FUZZ

.PHONY: deps deb-deps build release deb test-deb test test-release test-api test-asan fuzz fuzz-build fuzz-corpus run stop bench clean

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "swift not found: install Swift 6 (see docs/DEVELOPERS.md)"; exit 1; }

deb-deps:
	@missing=""; for p in $(DEB_TOOLS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE)

deb: release deb-deps
	bash packaging/build-deb.sh "$$($(SWIFT) build $(RELEASE) --show-bin-path)/aiprod" $(OUT)

# As root (CI): apt installs the .deb, the binary runs as the aiprod user with the installed
# config on a spare port, renders a job through the API, takes a backup; then purge leaves nothing.
test-deb: deb
	bash .ci/deb.sh $(OUT)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Release is what ships: its checks and optimisations must pass the same tests.
test-release: deps
	$(SWIFT) build -c release --build-tests -Xswiftc -enable-testing --scratch-path .build-testing
	$(SWIFT) test -c release --skip-build --scratch-path .build-testing

# At least 1,000 requests generated from the daemon's own /openapi.json; no 5xx, daemon still up.
test-api: release
	bash .ci/schemathesis.sh "$$($(SWIFT) build $(RELEASE) --show-bin-path)/aiprod"

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
	@bash docs/examples/start-daemon.sh "$$($(SWIFT) build $(RELEASE) --show-bin-path)/aiprod"

stop:
	@if [ -f run/aiprod.pid ] && kill "$$(cat run/aiprod.pid)" 2>/dev/null; then echo "stopped the daemon (pid $$(cat run/aiprod.pid))"; else echo "no daemon running"; fi; rm -f run/aiprod.pid

bench: release
	bash docs/bench/r1-compare.sh

clean:
	rm -rf .build .build-asan .build-fuzz .build-testing $(OUT) run
