"""Find the landing files the contract knows: `<source>/<entity>/*.csv`; list everything else.

Matching rules: source and entity folder names are exact (case-sensitive, as in the contract);
the `.csv` extension is case-insensitive (`X.CSV` from Windows exports is read); hidden files
(`.name`, e.g. editor lock files or macOS `._x.csv`) are not data. Ignored entries are reported,
never quarantined; an ignored folder is reported once, not walked.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..contract import BY_PATH, ENTITIES, Entity

SOURCES = sorted({e.source for e in ENTITIES})


@dataclass(frozen=True)
class LandingFile:
    path: Path  # absolute
    rel: str  # relative to the landing root with `/`: the `_file` and audit `file` value
    entity: Entity

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class Scan:
    files: dict[str, list[LandingFile]] = field(default_factory=dict)  # entity path -> files
    ignored: list[str] = field(default_factory=list)  # relative paths, folders end with `/`

    @property
    def all_files(self) -> list[LandingFile]:
        return [f for files in self.files.values() for f in files]


def _is_data_file(p: Path) -> bool:
    return p.is_file() and p.suffix.lower() == ".csv" and not p.name.startswith(".")


def _rel(p: Path, root: Path) -> str:
    return p.relative_to(root).as_posix() + ("/" if p.is_dir() else "")


def scan(root: Path) -> Scan:
    """Walk only the two levels the contract defines; sorted by code point for stable output."""
    out = Scan()
    for top in sorted(root.iterdir()):
        if not (top.is_dir() and top.name in SOURCES):
            out.ignored.append(_rel(top, root))
            continue
        for folder in sorted(top.iterdir()):
            entity = BY_PATH.get(f"{top.name}/{folder.name}")
            if entity is None or not folder.is_dir():
                out.ignored.append(_rel(folder, root))
                continue
            for p in sorted(folder.iterdir()):
                if _is_data_file(p):
                    out.files.setdefault(entity.path, []).append(LandingFile(p, _rel(p, root), entity))
                else:
                    out.ignored.append(_rel(p, root))
    return out
