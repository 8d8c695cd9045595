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

.PHONY: all build test unit race lint install install-man fuzz fuzz-run fuzz-keep fuzz-ci bench docs dist clean

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
	$(GO) vet -tags scale ./pkg/report/ ./pkg/site/ ./cmd/roadmap/
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

# fuzz: run each fuzz target for FUZZTIME (go test runs one target at a
# time), then keep what it found in the package's testdata/fuzz (go test
# runs those inputs in every test run). New inputs of interest are
# minimised for 100 runs, not go's default 60 s each, which left the
# workbook targets at a few inputs a second. CI runs `make fuzz-ci`.
FUZZ_TARGETS = pkg/phrase:FuzzParseDue pkg/phrase:FuzzParseIndicator \
	pkg/roadmap:FuzzParse pkg/amendment:FuzzParse pkg/merge:FuzzApply \
	pkg/merge:FuzzThreeWay pkg/report:FuzzParseValue pkg/report:FuzzRead \
	pkg/report:FuzzReadSheet pkg/yamlfmt:FuzzFormat pkg/yamlfmt:FuzzEmitsAs \
	pkg/importer:FuzzReadText \
	pkg/importer:FuzzReadDocx pkg/gitrepo:FuzzParseExternalDiff \
	pkg/diff:FuzzCompute pkg/check:FuzzRoadmap pkg/fulfil:FuzzEvaluate
FUZZKEEP ?= 40
FUZZCACHE = $(shell $(GO) env GOCACHE)/fuzz/$(shell $(GO) list -m)
fuzz: fuzz-run fuzz-keep

fuzz-run:
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; name=$${t##*:}; \
	  echo "$$pkg $$name"; \
	  $(GO) test -run='^$$' -fuzz="^$$name\$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=100x ./$$pkg/ >/tmp/roadmap-fuzz.log 2>&1 \
	    || { cat /tmp/roadmap-fuzz.log; exit 1; }; \
	  grep -E '^fuzz: elapsed.*execs' /tmp/roadmap-fuzz.log | tail -1; \
	done

# fuzz-keep copies up to FUZZKEEP of the smallest inputs each target found
# into its package's testdata/fuzz/<target>/.
fuzz-keep:
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; name=$${t##*:}; \
	  from=$(FUZZCACHE)/$$pkg/$$name; to=$$pkg/testdata/fuzz/$$name; \
	  [ -d "$$from" ] || continue; mkdir -p "$$to"; \
	  ls -S -r "$$from" | head -n $(FUZZKEEP) | while read f; do cp -n "$$from/$$f" "$$to/$$f"; done; \
	  echo "$$to: $$(ls "$$to" | wc -l) inputs"; \
	done

# fuzz-ci: every target briefly, as CI runs them.
fuzz-ci:
	$(MAKE) fuzz-run FUZZTIME=3s

# bench: every benchmark, then each measured piece as a ratio to its bare
# baseline from the same run (the machines are noisy; ratios are not).
BENCHTIME ?= 1s
bench:
	$(GO) test -tags scale -count=1 -run='^TestMillionRows$$' -v ./pkg/report/ | grep -E '^(---|\s+scale_test)'
	# The YAML side at country scale (23,000 files, docs/performance.md): a table of ours beside each baseline.
	$(GO) test -tags scale -count=1 -timeout=30m -run='^TestScaleYAML$$' -v ./cmd/roadmap/ | grep -E '^(---|\s+\||\s+scale_yaml)'
	@# The report side as whole processes beside their bare baselines: check
	@# --report on a million rows, summary -o of a million cells, summary of
	@# 23,000 files (docs/performance.md, «Reports and summaries»).
	$(GO) test -tags scale -count=1 -timeout 30m -run='^TestScale(CheckReport|Summary)' -v ./pkg/report/ | grep -E '^(--- |\| |\s+scale_report_test.go:[0-9]+: .*(want|MB above))'
	@# The same findings whatever the processors, over 10,000 files.
	$(GO) test -tags scale -count=1 -run='^TestSameOutputWhateverTheProcessors$$' ./pkg/check/
	@# The site of a country: 2,300 districts x 10 roadmaps.
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
