"""What a recette verdict depends on besides the warehouse: the recette code, the suites
(expectations/), the KPI spec, the cahier de recette and the check configuration (the
recette's severity). A published version records it; a later run whose build is that version
unchanged, with the same fingerprint, keeps its verdict instead of running the recette again."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..catalogue import SPEC
from ..checks.config import config_path
from .spec import EXPECTATIONS_DIR, resolve_cahier

RECETTE_CODE = Path(__file__).resolve().parent


def recette_fingerprint(cahier: Path | str | None = None) -> str:
    files = sorted(p for folder in (RECETTE_CODE, EXPECTATIONS_DIR) for p in folder.rglob("*.py"))
    named = [("code", p) for p in files] + [("spec", SPEC), ("config", config_path()),
                                             ("cahier", resolve_cahier(cahier))]
    digest = hashlib.sha256()
    for role, path in named:
        content = path.read_bytes() if path is not None and path.is_file() else b"<none>"
        digest.update(f"{role}:{path.name if path else ''}:{len(content)}:".encode())
        digest.update(content)
    return digest.hexdigest()
