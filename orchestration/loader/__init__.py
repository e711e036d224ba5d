"""Landing loader: landing CSV files -> typed raw.<source>__<entity> tables, audit.load_audit
and audit.quarantine (docs/architecture.md "Raw layer"; rules and decisions in docs/loader.md)."""
from .load import load_into_file, load_landing
from .report import FileResult, LoadReport

__all__ = ["load_landing", "load_into_file", "LoadReport", "FileResult"]
