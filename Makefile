# roadmap: build, test and lint. `make test` is what CI runs (.ci/run).
GO      ?= go
BIN     ?= bin/roadmap
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -s -w -X main.version=$(VERSION)
FUZZTIME ?= 30s
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
# install-man: where the man pages go (English in man1/, Russian in ru/man1/).
PREFIX  ?= /usr/local
MANDIR  ?= $(PREFIX)/share/man

.PHONY: all build test unit race lint install install-man fuzz bench docs dist clean

# dist: release binaries for the platforms methodologists and CI use.
PLATFORMS ?= windows/amd64 linux/amd64 linux/arm64 darwin/arm64

all: lint test build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/roadmap

# test: lint, then every test (unit, golden, end-to-end, fuzz seed corpora),
# then the shipped roadmaps must pass the check.
test: lint unit
	$(GO) run ./cmd/roadmap check --strict roadmaps/

# unit: every test but the scale ones (build tag scale: a million report
# rows), which make bench runs.
unit:
	$(GO) test -count=1 ./...

# race: the packages that run work concurrently (check loads files in
# parallel, fulfil and summary over them, safefile's shared sweeps, the
# report reader, the site's pages), under the race detector; -short keeps it
# about a minute.
race:
	CGO_ENABLED=1 $(GO) test -race -short -count=1 ./pkg/check/ ./pkg/safefile/ ./pkg/walk/ ./pkg/fulfil/ ./pkg/report/ ./pkg/summary/ ./pkg/site/

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags scale ./pkg/report/ ./pkg/site/
	GOOS=windows GOARCH=amd64 $(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

install:
	$(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/roadmap

# install-man: `man roadmap-check` in English, and in Russian under a
# Russian locale (LANG=ru_RU.UTF-8), from the pages `make docs` wrote.
install-man:
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/ru/man1
	install -m 644 docs/cli/man/en/man1/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 docs/cli/man/ru/man1/*.1 $(DESTDIR)$(MANDIR)/ru/man1/

# fuzz: run each fuzz target for FUZZTIME (go test runs one target at a time).
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParseDue$$' -fuzztime=$(FUZZTIME) ./pkg/phrase/
	$(GO) test -run='^$$' -fuzz='^FuzzParseIndicator$$' -fuzztime=$(FUZZTIME) ./pkg/phrase/
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./pkg/roadmap/
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./pkg/amendment/
	$(GO) test -run='^$$' -fuzz='^FuzzApply$$' -fuzztime=$(FUZZTIME) ./pkg/merge/
	$(GO) test -run='^$$' -fuzz='^FuzzParseValue$$' -fuzztime=$(FUZZTIME) ./pkg/report/
	$(GO) test -run='^$$' -fuzz='^FuzzFormat$$' -fuzztime=$(FUZZTIME) ./pkg/yamlfmt/
	$(GO) test -run='^$$' -fuzz='^FuzzReadText$$' -fuzztime=$(FUZZTIME) ./pkg/importer/
	$(GO) test -run='^$$' -fuzz='^FuzzReadDocx$$' -fuzztime=$(FUZZTIME) ./pkg/importer/
	$(GO) test -run='^$$' -fuzz='^FuzzThreeWay$$' -fuzztime=$(FUZZTIME) ./pkg/merge/
	$(GO) test -run='^$$' -fuzz='^FuzzParseExternalDiff$$' -fuzztime=$(FUZZTIME) ./pkg/gitrepo/
	$(GO) test -run='^$$' -fuzz='^FuzzCompute$$' -fuzztime=$(FUZZTIME) ./pkg/diff/
	$(GO) test -run='^$$' -fuzz='^FuzzRoadmap$$' -fuzztime=$(FUZZTIME) ./pkg/check/
	$(GO) test -run='^$$' -fuzz='^FuzzRead$$' -fuzztime=$(FUZZTIME) ./pkg/report/

# bench: every benchmark, then each measured piece as a ratio to its bare
# baseline from the same run (the machines are noisy; ratios are not).
BENCHTIME ?= 1s
bench:
	$(GO) test -tags scale -count=1 -run='^TestMillionRows$$' -v ./pkg/report/ | grep -E '^(---|\s+scale_test)'
	$(GO) test -tags scale -count=1 -timeout 30m -run='^TestSiteScale$$' -v ./pkg/site/ | grep -E '^(---|\s+scale_test)'
	$(GO) test -run='^$$' -bench=. -benchmem -benchtime=$(BENCHTIME) ./... | tee bench.out
	@awk '/^Benchmark/ { name=$$1; sub(/-[0-9]+$$/, "", name); ns[name]=$$3 } \
	  END { \
	    split("BenchmarkParse:BenchmarkBaselineYAMLNode BenchmarkRead:BenchmarkBaselineExcelizeRows BenchmarkDiff:BenchmarkLoadTwo BenchmarkLoadAndDiff:BenchmarkLoadTwo BenchmarkSiteBuild:BenchmarkSiteLoad", pairs, " "); \
	    print "\nratios to the baseline of the same run:"; \
	    for (i in pairs) { split(pairs[i], p, ":"); \
	      if (ns[p[1]] && ns[p[2]]) printf "  %-22s / %-30s = %.2f\n", p[1], p[2], ns[p[1]]/ns[p[2]] } }' bench.out

# docs: the man pages and Markdown command reference, in Russian and English
# (TestDocsCurrent fails when they are stale).
docs:
	rm -rf docs/cli
	$(GO) run ./cmd/roadmap gen-docs --lang ru docs/cli
	$(GO) run ./cmd/roadmap gen-docs --lang en docs/cli

dist:
	rm -rf dist
	@for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  out=dist/roadmap-$(VERSION)-$$os-$$arch$$ext; \
	  echo "$$out"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $$out ./cmd/roadmap || exit 1; \
	done

clean:
	rm -rf bin dist
