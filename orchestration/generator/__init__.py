"""Synthetic landing data: a realistic French B2B company for every entity of the landing
contract, with the mess real exports have. Entry point: `generate` (CLI `pilotage generate`);
`apply_delta` copies one night of delta files into a landing directory. See docs/generator.md."""
from .deltas import apply_delta
from .options import DEFAULT_END, DEFAULT_START, MessRates
from .report import GenerateReport
from .run import generate

__all__ = ["generate", "GenerateReport", "MessRates", "apply_delta", "DEFAULT_START", "DEFAULT_END"]
