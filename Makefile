# Ward site: `make site` builds site/, `make test` runs the tests. See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
TOOLS  := $(VENV)/.tools
PIP    := $(BIN)/pip install --quiet --disable-pip-version-check
export NO_MKDOCS_2_WARNING := 1

.PHONY: site check serve render dist test lint browser bench clean schema-doc

# What the site needs, nothing more: test and benchmark tools come with $(TOOLS).
$(READY): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.lock
	$(PIP) --no-deps --no-build-isolation -e .
	touch $@

$(TOOLS): $(READY) requirements-test.lock
	$(PIP) -r requirements-test.lock
	touch $@

site: $(READY)  ## check content, build into a temporary folder, then replace site/
	$(BIN)/python -m generator build

# e.g. make check CHECK_FLAGS="--strict-figures --strict-disclosure --as-of 31/12/2024"
check: $(READY)  ## every content problem with file and line, figure checks and disclosure status
	@$(BIN)/python -m generator check $(CHECK_FLAGS)

# The upload package; e.g. make dist DIST_FLAGS="--as-of 31/12/2024 --allow-draft"
# Needs only what make site needs (no test tools). The package is checked as
# 'python -m generator verify' checks it before it gets its name in dist/.
dist: $(READY)  ## dist/<unit>-<date>.zip, its checksums, manifest.json and THAY-DOI.md (what to upload, delete)
	@$(BIN)/python -m generator dist $(DIST_FLAGS)

serve: $(READY)  ## preview on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --livereload

render: $(READY)  ## write the generated Markdown to out/ for inspection
	$(BIN)/python -m generator render --out out

schema-doc: $(READY)  ## regenerate the staff guide to content fields
	$(BIN)/python -m generator schema > docs-staff/huong-dan-noi-dung.md

lint: $(TOOLS)  ## style, types, and the layers of generator/ (imports only downward)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

browser:  ## Chromium for the browser tests (Debian package)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Cần Chromium cho kiểm thử trình duyệt: sudo apt-get install chromium"; exit 1; fi; }

test: $(TOOLS) browser lint
	$(BIN)/python -m pytest -q

bench: $(TOOLS)  ## build cost at 50 to 10,000 synthetic pages vs bare MkDocs -> bench/results.md
	$(BIN)/python -m bench.run

clean:
	rm -rf site out .site-build-* .site-old-*
