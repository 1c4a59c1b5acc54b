#!/usr/bin/env bash
# Every benchmark, one after the other (about 10 minutes on 2 cores). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python bench/catalog.py
python bench/suggest.py
python bench/pages.py
python bench/load_ws.py --sessions 20 --seconds 60
python bench/load.py --sessions 20 --seconds 60
