#!/usr/bin/env bash
# Headless Chromium for the recette report browser test (tests/recette/test_recette_browser.py).
command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
