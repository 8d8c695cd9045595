# roadmap: build, test and lint. `make test` is what CI runs (.ci/run).
GO      ?= go
BIN     ?= bin/roadmap
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -s -w -X main.version=$(VERSION)
FUZZTIME ?= 30s

.PHONY: all build test unit lint install fuzz bench clean

all: lint test build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/roadmap

# test: lint, then every test (unit, golden, end-to-end, fuzz seed corpora),
# then the shipped roadmaps must pass the check.
test: lint unit
	$(GO) run ./cmd/roadmap check --strict roadmaps/

unit:
	$(GO) test -count=1 ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

install:
	$(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/roadmap

# fuzz: run each fuzz target for FUZZTIME (go test runs one target at a time).
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParseDue$$' -fuzztime=$(FUZZTIME) ./pkg/phrase/
	$(GO) test -run='^$$' -fuzz='^FuzzParseIndicator$$' -fuzztime=$(FUZZTIME) ./pkg/phrase/
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./pkg/roadmap/

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

clean:
	rm -rf bin dist
