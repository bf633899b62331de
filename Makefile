# aiprod — the two commands of the README, and a few more for developers.
#   make run    installs build dependencies, builds, renders the bundled example, says how to use it
#   make test   installs build dependencies, builds, runs the whole test suite
#   make bench  reproduces docs/BENCHMARKS.md (needs the ffmpeg CLI as a yardstick only)

SWIFT ?= swift
# Debian 12 packages the build and the tests need (see docs/DEVELOPERS.md).
DEB_PACKAGES := pkg-config libavcodec-dev libavformat-dev libavfilter-dev libavutil-dev \
	libswresample-dev libswscale-dev fonts-dejavu-core libsqlite3-dev libcurl4-openssl-dev \
	libssl-dev libespeak-ng-dev espeak-ng-data libfluidsynth-dev timgm6mb-soundfont
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT := out

.PHONY: deps build release test run bench clean

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

run: release
	@mkdir -p $(OUT)
	$(SWIFT) run -c release aiprod render docs/examples/showcase-720p.json -o $(OUT)/showcase.mp4 \
	  --srt $(OUT)/showcase.srt --vtt $(OUT)/showcase.vtt --thumbnail $(OUT)/showcase.jpg
	@echo
	@echo "Rendered $(OUT)/showcase.mp4 (+ .srt, .vtt, .jpg) from docs/examples/showcase-720p.json."
	@echo "Render your own timeline:  $$($(SWIFT) build -c release --show-bin-path)/aiprod render TIMELINE.json -o OUT.mp4 [--srt OUT.srt] [--vtt OUT.vtt] [--thumbnail OUT.jpg]"
	@echo "Inspect a file:            $$($(SWIFT) build -c release --show-bin-path)/aiprod probe $(OUT)/showcase.mp4"
	@echo "The timeline format:       docs/TIMELINE.md"

bench: release
	bash docs/bench/r1-compare.sh

clean:
	rm -rf .build $(OUT)
