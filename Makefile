# Nexus Lab. `make serve` to build and run the site locally, `make test` to
# run every test. See README.md.

GO      ?= go
OUT     ?= public
ADDR    ?= 127.0.0.1:8080
NODE    := build/node
GOFILES  = $(shell find . -name '*.go' -not -path './build/node/*' -not -path './public/*')

.PHONY: build serve test vet bench clean check-browser offline worker

## build: compile sims.wasm and render the site into $(OUT)
build:
	$(GO) run ./build/nexus build --out $(OUT)

## serve: build, then serve the site on http://$(ADDR)/
serve:
	$(GO) run ./build/nexus serve --addr $(ADDR) --out $(OUT)

## test: formatting, vet, every Go test including the browser tests
test: vet check-browser $(NODE)/node_modules/.package-lock.json
	$(GO) test -timeout 30m ./...

vet:
	@unformatted="$$(gofmt -l $(GOFILES))"; if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/... ./sim/...

check-browser:
	@command -v "$${CHROME:-chromium}" >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "make test needs headless Chromium for the browser tests."; \
	  echo "Install it with: sudo apt-get install -y chromium   (or set CHROME=/path/to/chrome)"; exit 1; }

# Node tools (the Workers runtime, peer simulators, accessibility checks),
# installed into build/node from its lock file.
$(NODE)/node_modules/.package-lock.json: $(NODE)/package.json $(NODE)/package-lock.json
	npm ci --prefix $(NODE) --no-audit --no-fund

## bench: Go benchmarks, then every peer comparison in build/bench/*/run.sh
bench: $(NODE)/node_modules/.package-lock.json
	$(GO) test -run '^$$' -bench . ./sim/... ./site/...
	@for s in build/bench/*/run.sh; do [ -f "$$s" ] || continue; echo "== $$s"; bash "$$s" || exit 1; done

## offline: the classroom binaries, one per platform, with the site embedded, into dist/offline/
offline:
	$(GO) run ./build/nexus build --out $(OUT) $(if $(BASE_URL),--base-url $(BASE_URL))
	$(GO) run ./build/classroom/pack --site $(OUT) --out dist/offline

## worker: the Cloudflare Worker and its static assets, into build/worker/build/
##         (BASE_URL=https://your.domain sets the site's absolute URL)
worker:
	$(GO) run ./build/nexus build --out $(OUT) $(if $(BASE_URL),--base-url $(BASE_URL))
	$(GO) run ./build/worker/bundle --site $(OUT) --out build/worker/build

## clean: remove the built site and test caches
clean:
	rm -rf $(OUT)
	$(GO) clean -testcache
