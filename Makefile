# aiprod — the two commands of the README, and a few more for developers.
#   make run    installs build dependencies, builds, renders the bundled example, says how to use it
#   make test   installs build dependencies, builds, runs the whole test suite
#   make bench  reproduces docs/BENCHMARKS.md (needs the ffmpeg CLI as a yardstick only)

SWIFT ?= swift
# Debian 12 packages the build and the tests need (see docs/DEVELOPERS.md).
DEB_PACKAGES := pkg-config libavcodec-dev libavformat-dev libavfilter-dev libavutil-dev \
	libswresample-dev libswscale-dev libfreetype-dev fonts-dejavu-core libsqlite3-dev libcurl4-openssl-dev \
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
	rm -rf .build $(OUT)
