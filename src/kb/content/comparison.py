"""The facts the comparison across counties shows (/vertailu/, site/data/comparison.csv),
picked from each county's file: who decides its grants, its newest round (kinds, window,
budget), the conditions its sources state, its NGO body and its network NGO.

Pure queries on the model; each fact keeps the item it comes from, so the page can
link every cell to the section of the county page that holds the fact and its sources.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass

from .model import (
    Content,
    CooperationStructure,
    EligibilityRule,
    EligibilityRuleId,
    GrantRound,
    Region,
    partial_date_end,
)

RULES: tuple[str, ...] = typing.get_args(EligibilityRuleId)
NGO_BODY_TYPES = ("advisory_board", "partnership_table", "influence_body")


@dataclass(frozen=True)
class CountyFacts:
    region: Region
    grants: CooperationStructure | None  # the grant programme that names its deciding body
    newest_round: GrantRound | None
    budget_round: GrantRound | None  # the newest round with a sourced budget
    eligibility: dict[str, EligibilityRule]  # rule -> the newest statement of it
    ngo_body: CooperationStructure | None
    network: CooperationStructure | None


def _newest(rounds: list[GrantRound]) -> GrantRound | None:
    return max(rounds, key=lambda r: (r.grant_year, r.closes, r.id), default=None)


def _first(region: Region, types: tuple[str, ...]) -> CooperationStructure | None:
    """The county's first structure of these types: a current one before one that ended."""
    found = [s for s in region.structures if s.type in types]
    current = [s for s in found if s.valid_until is None]
    return next(iter(current or found), None)


def body_ended(structure: CooperationStructure, today: typing.Any) -> bool:
    return structure.valid_until is not None and partial_date_end(structure.valid_until) < today


def answer_key(rule: EligibilityRule) -> str:
    """'yes' or 'no': how the comparison and the open data write a condition."""
    return "yes" if rule.required else "no"


def county_facts(region: Region) -> CountyFacts:
    grants = [s for s in region.structures if s.type == "grant_programme"]
    eligibility: dict[str, EligibilityRule] = {}
    for item in sorted(region.eligibility, key=lambda e: e.grant_year):
        eligibility[item.rule] = item
    return CountyFacts(
        region=region,
        grants=next((s for s in grants if s.decided_by), grants[0] if grants else None),
        newest_round=_newest(region.grant_rounds),
        budget_round=_newest([r for r in region.grant_rounds if r.budget]),
        eligibility=eligibility,
        ngo_body=_first(region, NGO_BODY_TYPES),
        network=_first(region, ("network_organisation",)),
    )


def comparison(content: Content) -> list[CountyFacts]:
    """Every county and Helsinki, in the order of their statistical codes."""
    return [county_facts(r) for r in sorted(content.regions.values(), key=lambda r: r.statfi_code)]
