"""Vectorized French company names, e-mail addresses, phone and VAT numbers."""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .reference import COUNTRIES, FIRST_NAMES, INDUSTRIES, LAST_NAMES, NAME_PREFIXES
from .text import ascii_word, join, pick, slug, where, zpad

TLD = {"FR": "fr", "BE": "be", "CH": "ch", "LU": "lu", "DE": "de", "ES": "es", "IT": "it"}
PHONE_PREFIX = {"FR": "+33", "BE": "+32", "CH": "+41", "LU": "+352", "DE": "+49", "ES": "+34", "IT": "+39"}
VAT_PREFIX = {"FR": "FR", "BE": "BE0", "CH": "CHE", "LU": "LU", "DE": "DE", "ES": "ES", "IT": "IT"}


def _flat(groups):
    flat, offsets, lengths = [], [], []
    for g in groups:
        offsets.append(len(flat))
        lengths.append(len(g))
        flat.extend(g)
    return flat, np.array(offsets), np.array(lengths)


_WORDS, _WORD_OFF, _WORD_LEN = _flat([i[2] for i in INDUSTRIES])
_CITIES, _CITY_OFF, _CITY_LEN = _flat([c[3] for c in COUNTRIES])
_FORMS, _FORM_OFF, _FORM_LEN = _flat([c[2] for c in COUNTRIES])


def _within(rng, off, length, group):
    return off[group] + (rng.random(len(group)) * length[group]).astype(np.int64)


def company_names(rng: np.random.Generator, industry: np.ndarray, country: np.ndarray):
    """(name, e-mail domain) per company, from its industry and country indices."""
    n = len(industry)
    root = rng.integers(0, len(LAST_NAMES), n)
    word = _within(rng, _WORD_OFF, _WORD_LEN, industry)
    city = _within(rng, _CITY_OFF, _CITY_LEN, country)
    form = _within(rng, _FORM_OFF, _FORM_LEN, country)
    prefix = rng.integers(0, len(NAME_PREFIXES), n)
    pattern = rng.choice(3, size=n, p=[0.55, 0.25, 0.2])
    root_t, word_t, city_t, form_t = pick(LAST_NAMES, root), pick(_WORDS, word), pick(_CITIES, city), pick(_FORMS, form)
    a = join(root_t, word_t, form_t, sep=" ")
    b = join(pick(NAME_PREFIXES, prefix), root_t, sep=" ")
    b = where(rng.random(n) < 0.2, join(b, " & Fils"), b)
    c = join(word_t, city_t, form_t, sep=" ")
    name = where(pattern == 0, a, where(pattern == 1, b, c))
    tld = pick([TLD[c[0]] for c in COUNTRIES], country)
    root_s, word_s, city_s = (pick([slug(x) for x in LAST_NAMES], root), pick([slug(x) for x in _WORDS], word),
                              pick([slug(x) for x in _CITIES], city))
    dom_a = join(root_s, "-", word_s, ".", tld)
    dom_b = join(root_s, ".", tld)
    dom_c = join(word_s, "-", city_s, ".", tld)
    domain = where(pattern == 0, dom_a, where(pattern == 1, dom_b, dom_c))
    return name, domain


def person_names(rng: np.random.Generator, n: int):
    first = rng.integers(0, len(FIRST_NAMES), n)
    last = rng.integers(0, len(LAST_NAMES), n)
    return first, last


def emails(rng: np.random.Generator, first: np.ndarray, last: np.ndarray, domain: pa.Array) -> pa.Array:
    n = len(first)
    first_s = pick([ascii_word(x) for x in FIRST_NAMES], first)
    last_s = pick([ascii_word(x) for x in LAST_NAMES], last)
    initial = pc.utf8_slice_codeunits(first_s, 0, 1)
    local = where(rng.random(n) < 0.8, join(first_s, ".", last_s), join(initial, last_s))
    return join(local, "@", domain)


def phones(rng: np.random.Generator, country_codes: list[str], country: np.ndarray) -> pa.Array:
    n = len(country)
    g = [zpad(rng.integers(0, 100, n), 2) for _ in range(4)]
    d1 = pick(["1", "2", "3", "4", "5", "6", "7", "9"], rng.integers(0, 8, n))
    national = join(pc.binary_join_element_wise("0", d1, ""), *g, sep=" ")
    intl_fr = join("+33", d1, *g, sep=" ")
    compact = join("0", d1, *g, sep="")
    dotted = join(pc.binary_join_element_wise("0", d1, ""), *g, sep=".")
    prefix = pick([PHONE_PREFIX[c] for c in country_codes], country)
    foreign = join(prefix, zpad(rng.integers(1, 100, n), 2), zpad(rng.integers(0, 1000, n), 3), g[0], g[1], sep=" ")
    r = rng.random(n)
    fr = where(r < 0.5, national, where(r < 0.75, intl_fr, where(r < 0.9, compact, dotted)))
    is_fr = np.asarray(country) == country_codes.index("FR")
    return where(is_fr, fr, foreign)


def vat_numbers(rng: np.random.Generator, country_codes: list[str], country: np.ndarray) -> pa.Array:
    n = len(country)
    prefix = pick([VAT_PREFIX[c] for c in country_codes], country)
    digits9 = zpad(rng.integers(0, 1_000_000_000, n), 9)
    key2 = zpad(rng.integers(0, 100, n), 2)
    fr = join(prefix, key2, digits9)
    ch = join(prefix, "-", pc.utf8_slice_codeunits(digits9, 0, 3), ".", pc.utf8_slice_codeunits(digits9, 3, 6), ".",
              pc.utf8_slice_codeunits(digits9, 6, 9))
    lu = join(prefix, pc.utf8_slice_codeunits(digits9, 0, 8))
    other = join(prefix, digits9)
    code = np.array(country_codes)[np.asarray(country)]
    return where(code == "FR", fr, where(code == "CH", ch, where(code == "LU", lu, other)))
