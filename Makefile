# Handout: JSON care plans → printable PDF handouts.
#   make demo   install what is missing, build, render the examples into Output/
#   make test   install what is missing, run the tests
#   make bench  print the performance figures
#   make fuzz   fuzz the engine for FUZZ_SECONDS (default 60); Docs/fuzzing.md

SWIFT ?= swift
JOBS ?= 2
FUZZ_SECONDS ?= 60

.PHONY: deps tools build release demo test bench fuzz clean

deps:
	@scripts/install-system-deps

# The PDF/UA-1 validator the tests run (PyPI, into .build/test-tools).
tools: deps
	@scripts/install-test-tools

build: deps
	$(SWIFT) build -j $(JOBS)

# The Swift runtime and Foundation linked in: a cold render loads 14 shared libraries fewer.
release: deps
	$(SWIFT) build -c release -j $(JOBS) --static-swift-stdlib --product handout

demo: release
	@scripts/render-examples

test: deps tools
	$(SWIFT) test -j $(JOBS) --disable-xctest

bench: deps
	@scripts/bench

fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) scripts/fuzz

clean:
	rm -rf .build .build-fuzz Output/*.pdf Output/*.png Output/*.svg
