# Ward site: `make site` builds site/, `make test` runs the tests. See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1

.PHONY: site check serve render test browser bench clean schema-doc

$(READY): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

site: $(READY)  ## check content, build into a temporary folder, then replace site/
	$(BIN)/python -m generator build

# e.g. make check CHECK_FLAGS="--strict-figures --strict-disclosure --as-of 2024-12-31"
check: $(READY)  ## every content problem with file and line, figure checks and disclosure status
	@$(BIN)/python -m generator check $(CHECK_FLAGS)

serve: $(READY)  ## preview on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --livereload

render: $(READY)  ## write the generated Markdown to out/ for inspection
	$(BIN)/python -m generator render --out out

schema-doc: $(READY)  ## regenerate the staff guide to content fields
	$(BIN)/python -m generator schema > docs-staff/huong-dan-noi-dung.md

browser:  ## Chromium for the browser tests (Debian package)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Cần Chromium cho kiểm thử trình duyệt: sudo apt-get install chromium"; exit 1; fi; }

bench: $(READY)  ## build cost at 50 to 10,000 synthetic pages vs bare MkDocs -> bench/results.md
	$(BIN)/python -m bench.run

test: $(READY) browser
	$(BIN)/python -m pytest -q

clean:
	rm -rf site out .site-build-* .site-old-*
