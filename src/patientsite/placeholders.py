"""Placeholders: the names a text may use ({weeks}, {emergency}, …), their values, filling them in.

Which names exist comes from the registry (what each kind of file provides) and from the
site's services; a programme's names ({weeks}, …) are known only in that programme's files
and take their values from the programme of the page being made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from patientsite import model as m
from patientsite import registry

if TYPE_CHECKING:  # the loader's types; it imports this module
    from patientsite.loader import Content, Programme

PATTERN = m.PLACEHOLDER  # {name}: the one pattern the model checks texts with


def names(scope: registry.Scope, services: Iterable[str] = ()) -> frozenset[str]:
    """The placeholders a text in a file of that scope may use."""
    provided = {
        name
        for kind in registry.KINDS
        if kind.scope == "site" or scope == "programme"
        for name in kind.placeholders
    }
    return frozenset(provided | set(services))


def values(content: Content, programme: Programme | None, lang: str) -> dict[str, str]:
    """Every placeholder's value in one language, for a page of that programme (or none)."""
    region = content.health_region()
    out = {
        "clinic": content.clinic.name,
        "clinic_phone": content.clinic.phone,
        "helpline": region.helpline.number,
        "helpline_name": region.helpline.name.get(lang),
        "region": region.name.get(lang),
    }
    if programme is not None:
        out.update(programme_values(programme.programme))
    out.update({service.id: service.number for service in content.site.services})
    return out


def programme_values(programme: m.Programme) -> dict[str, str]:
    """The placeholders a programme.yaml provides."""
    weeks = programme.weeks
    return {
        "weeks": str(weeks.min) if weeks.min == weeks.max else f"{weeks.min}–{weeks.max}",
        "sessions_per_week": str(programme.sessions_per_week),
        "min_age": str(programme.target_group.min_age),
        "min_pain_days": str(programme.target_group.min_pain_days),
        "education_years": str(programme.provider.education_years),
        "internship_years": str(programme.provider.internship_years),
    }


def fill(text: str, values: Mapping[str, str]) -> str:
    """text with each known {name} replaced by its value (unknown ones left as they are)."""
    return PATTERN.sub(lambda match: values.get(match.group(1), match.group(0)), text)
