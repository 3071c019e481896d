"""The loaded, validated content of a site: what every later step reads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..problems import Problem
from ..schema.report import Task
from ..schema.unit import Unit
from .allowlist import PersonalAllowList
from .disclosure import Disclosure
from .evidence import EvidenceEntry
from .reports import ReportEntry


@dataclass(frozen=True)
class Content:
    root: Path
    unit: Unit
    reports: tuple[ReportEntry, ...]  # newest first
    evidence: dict[str, EvidenceEntry]
    disclosure: Disclosure | None = None   # the public-disclosure portal, if content/ has one
    warnings: tuple[Problem, ...] = ()     # found while loading; errors stop the load instead
    allowed: PersonalAllowList = PersonalAllowList()  # personal data that may be published, with reasons

    @property
    def latest(self) -> ReportEntry | None:
        """The newest report of this unit (a predecessor's reports stay in the archive)."""
        own = [e for e in self.reports if not self.by_predecessor(e)]
        return own[0] if own else (self.reports[0] if self.reports else None)

    def by_predecessor(self, entry: ReportEntry) -> str | None:
        """The name of the merged unit that issued ``entry``; None for this unit's own reports."""
        if entry.report.unit is None:
            return None
        issuer = self.unit.issuer_of(entry.report.unit)
        return issuer if issuer != self.unit.name else None

    def citing(self, evidence_id: str) -> list[tuple[ReportEntry, Task]]:
        """Every task, of every report, that cites ``evidence_id``."""
        return list(self._citations.get(evidence_id, ()))

    @cached_property
    def _citations(self) -> dict[str, list[tuple[ReportEntry, Task]]]:
        # One pass over all tasks: asking each evidence page to scan every task made
        # rendering grow with evidence x tasks (quadratic in the archive's size).
        index: dict[str, list[tuple[ReportEntry, Task]]] = {}
        for entry in self.reports:
            for task in entry.tasks:
                for evidence_id in dict.fromkeys(task.evidence):
                    index.setdefault(evidence_id, []).append((entry, task))
        return index
