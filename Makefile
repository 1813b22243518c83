# careergraph — the two commands a new user needs are `make run` and
# `make test`; everything else is for the people who work on it.

GO      ?= go
BIN     := out/careergraph
PKGS    := ./...
# Debian packages of the real consumers the interop tests feed, and the
# fonts PNG and PDF pictures need: DejaVu for Latin (Graphviz's own
# metrics), Noto CJK for kana and kanji (else drawn as boxes), and
# fontconfig's fc-list, with which pictures check that every character
# has a font; chromium, the browser the web explorer's test drives.
DEBS    := graphviz libxml2-utils python3-networkx librsvg2-bin fontconfig fonts-dejavu-core fonts-noto-cjk chromium

.PHONY: run build test vet fmt deps diagrams fuzz bench corpora loadtest clean

## run: build careergraph and answer a real question on the embedded seeds
run: build
	@echo '$$ careergraph path "Union secretary" "Labor union chairperson"'
	@$(BIN) path "Union secretary" "Labor union chairperson"
	@echo
	@echo '$$ careergraph ladder "Section Chief"'
	@$(BIN) ladder "Section Chief"

build:
	$(GO) build -o $(BIN) ./cmd/careergraph

## test: formatting, vet, and every test; tests whose consumer (dot,
## xmllint, NetworkX, a Japanese font) is missing are skipped and listed
## at the end, each with what it needs
test: vet
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	@mkdir -p out
	@$(GO) test -count=1 -v $(PKGS) > out/test.log 2>&1; status=$$?; \
	grep -E '^(ok|FAIL|panic:|\?)' out/test.log; \
	if grep -q -- '--- FAIL' out/test.log; then echo; echo "Failures:"; grep -B1 -A15 -- '--- FAIL' out/test.log; fi; \
	skips=$$(awk '/^=== (RUN|PAUSE|CONT)/ { name = $$3; next } \
	  /^ +[A-Za-z0-9_]+_test\.go:[0-9]+: / { sub(/^ +/, ""); msg[name] = $$0; next } \
	  /--- SKIP: / { n = $$3; print n ": " ((n in msg) ? msg[n] : "skipped") }' out/test.log | sort -u); \
	if [ -n "$$skips" ]; then echo; echo "Skipped (each says what it needs; 'make deps' installs every Debian package named):"; echo "$$skips" | sed 's/^/  /'; fi; \
	echo "full log: out/test.log"; exit $$status

vet:
	$(GO) vet $(PKGS)

fmt:
	gofmt -w $$(git ls-files '*.go')

## deps: install the Debian packages the interop tests and PNG/PDF rendering use
deps:
	@if command -v apt-get >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEBS) >/dev/null; \
	else echo "no apt-get: install $(DEBS) with your package manager"; fi

## diagrams: the pictures the README shows, from the seeds, into docs/
diagrams: build
	@mkdir -p docs
	$(BIN) render ladder "Section Chief" --related -o docs/ladder-section-chief.svg
	$(BIN) render path "Local Public Servant Recruitment (Administrative Position)" "Secretariat Director-General" --k 3 -o docs/path-recruit-to-director-general.svg
	$(BIN) render around "Labor union secretary general" --depth 2 --reading -o docs/around-labor-union-secretary-general.svg
	$(BIN) render all -o docs/all.svg

## bench: generate synthetic corpora of 1k, 10k and 100k documents (kept in
## out/bench, made again only when the generator changes), then print one
## table of load and query times and peak memory (a few minutes), with a
## row each for loading the O*NET release and the MaRS pathway table
## straight from ../shared/data when it is present; `make bench COLD=1`
## (Linux, as root) adds a read and a load with the page cache emptied
## before each, as after a boot
BENCH_DIR  := out/bench
BENCH_HASH  = $(shell cat $(filter-out %_test.go,$(wildcard loader/synth/*.go cmd/gencorpus/*.go)) | sha256sum | cut -c1-12)
bench: build corpora
	@$(GO) run ./cmd/benchtable -bin $(BIN) -cache $(BENCH_DIR)/cache $(if $(COLD),-cold) $(BENCH_DIR)/1k $(BENCH_DIR)/10k $(BENCH_DIR)/100k \
	  $(wildcard ../shared/data/onet-29.3 ../shared/data/mars-pathways/pathway_results.csv)

corpora:
	@for s in 1000:1k 10000:10k 100000:100k; do \
	  n=$${s%%:*}; d=$(BENCH_DIR)/$${s##*:}; \
	  if [ ! -f $$d/.synth-$(BENCH_HASH) ]; then \
	    echo "generating $$d ($$n documents)"; rm -rf $$d; \
	    $(GO) run ./cmd/gencorpus -n $$n -seed 1 -o $$d && touch $$d/.synth-$(BENCH_HASH) || exit 1; \
	  fi; \
	done

## loadtest: serve the 100k synthetic corpus (made as for bench) on
## loopback and measure it: path, reach, role and search requests from 50
## clients, memory across 10,000 diagrams, and the time from a changed
## document to the page showing it (a few minutes; stops by itself)
loadtest: build corpora
	$(GO) run ./cmd/loadtest -bin $(BIN) -data $(BENCH_DIR)/100k

## fuzz: run the document parser's fuzz target for ten minutes
fuzz:
	$(GO) test ./loader -run '^$$' -fuzz FuzzParse -fuzztime 10m

clean:
	rm -rf out/careergraph out/*.svg out/*.log
