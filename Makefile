# Two commands do everything: `make site` and `make test`. See README.md.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SITE   ?= site

.PHONY: site serve test browser-tools lint check report translations translations-done schemas \
	docs-fields leaflet figures examples bench clean

# Pango and HarfBuzz lay out the leaflets (WeasyPrint); fontconfig finds their font.
DEBIAN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fontconfig

$(STAMP): pyproject.toml constraints.txt
	scripts/debian-packages.sh $(DEBIAN_PACKAGES)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[site,test]'
	touch $(STAMP)

## Build the site (both languages) into site/; a failed build leaves the last good site/ as it was.
site: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir $(SITE)

## Live preview at http://127.0.0.1:8000/ that rebuilds when content/ changes.
serve: $(STAMP)
	CONTENT_SECURITY_POLICY=false NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --strict

## Validate content only (fast; no site is built).
check: $(STAMP)
	$(BIN)/python -m patientsite check

## Readability of every page and what needs review or translation (Markdown on stdout).
report: $(STAMP)
	$(BIN)/python -m patientsite report

## Record new, moved and removed texts in content/.translations.lock (stale translations stay flagged).
translations: $(STAMP)
	$(BIN)/python -m patientsite translations

## After checking the translations `make check` warns about, mark them as current:
## make translations-done (every file) or make translations-done FILE=content/x.yaml
FILE ?=
translations-done: $(STAMP)
	$(BIN)/python -m patientsite translations --done $(FILE)

## Regenerate schemas/, .vscode/settings.json and CONTRIBUTING.md's field reference from the model.
schemas: $(STAMP)
	$(BIN)/python -m patientsite.schema

## Regenerate only the field reference in CONTRIBUTING.md.
docs-fields: $(STAMP)
	$(BIN)/python -m patientsite.schema --fields-only

## A clinic's own leaflets: make leaflet CLINIC=path/to/clinic.yaml [OUT=folder]
CLINIC ?= content/clinic.yaml
OUT    ?= build/leaflets
leaflet: $(STAMP)
	$(BIN)/python -m patientsite leaflet --clinic $(CLINIC) --out $(OUT)

## Every exercise's drawings on one sheet for clinicians' review, one per language: build/figures/ (HTML and PDF).
figures: $(STAMP)
	$(BIN)/python -m patientsite figures --out build/figures

## The example content set (examples/neck-clinic: another clinic in another region and a
## second programme beside the back programme), built with its print into build/examples/.
EXAMPLE_BUILD := build/examples/neck-clinic
examples: $(STAMP)
	rm -rf $(EXAMPLE_BUILD) && mkdir -p $(EXAMPLE_BUILD)/docs
	cp -r content overrides hooks mkdocs.yml $(EXAMPLE_BUILD)/
	cp -r docs/assets $(EXAMPLE_BUILD)/docs/
	cp examples/neck-clinic/clinic.yaml $(EXAMPLE_BUILD)/content/
	cp -r examples/neck-clinic/programmes/neck $(EXAMPLE_BUILD)/content/programmes/
	cd $(EXAMPLE_BUILD) && NO_MKDOCS_2_WARNING=1 $(CURDIR)/$(BIN)/mkdocs build --strict
	@echo "The example site is in $(EXAMPLE_BUILD)/site/"

## Build, preview, leaflet, scaling, page-weight and memory figures (BENCHMARKS.md), about 5 min.
## make bench BENCH="--write BENCHMARKS.md" updates the file; BENCH="--tiny" is a quick trial.
BENCH ?=
bench: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m benchmarks $(BENCH)

## What the browser checks (tests/browser) need besides Python: Debian's Chromium (a browser
## is never downloaded), Java for the W3C HTML checker, and the npm tools of package.json
## (vnu-jar, axe-core, Lighthouse), installed without running their install scripts.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || scripts/debian-packages.sh nodejs npm
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

browser-tools: $(NODE_STAMP)
	@scripts/debian-packages.sh chromium chromium-driver
	@command -v java >/dev/null || scripts/debian-packages.sh default-jre-headless

## Lint, type-check and run every test (the browser checks too). pdftoppm (poppler-utils)
## turns the drawings into pixels for tests/test_figure_pixels.py.
test: $(STAMP) browser-tools lint
	@scripts/debian-packages.sh poppler-utils
	$(BIN)/mypy
	NO_MKDOCS_2_WARNING=1 $(BIN)/pytest

## Lint the Python code and the CI workflow. actionlint comes as a binary inside a Python
## wheel (nothing is downloaded when it runs); ShellCheck and pyflakes are switched off so
## that every machine reports the same, whatever it has installed.
lint: $(STAMP)
	$(BIN)/ruff check src hooks tests benchmarks
	$(BIN)/ruff format --check src hooks tests benchmarks
	$(BIN)/actionlint -shellcheck= -pyflakes= .github/workflows/site.yml

clean:
	rm -rf $(SITE) $(dir $(SITE)).$(notdir $(SITE))-new-* $(dir $(SITE)).$(notdir $(SITE))-old-*
	rm -rf $(VENV) build node_modules
	find docs -name '*.md' -delete
	rm -rf docs/figures
