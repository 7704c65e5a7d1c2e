"""Incidents: the same event reported in several articles is one incident.

Grouping is its own build step, run over the stored claims of each article in turn
(:func:`assign`).  An incident id depends only on the claim and, for a denial, on the
claim it denies, which is always in the same article (claim ids embed the article's
content hash).  So the ids of an article's claims never change when other articles
come or go: the exporter may cache an article's serialised lines by its content hash.
A grouping that looks across articles would have to key that cache by it too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .claims import Claim

__all__ = ["assign", "incident_ids"]


def incident_ids(claims: Iterable[Claim]) -> dict[str, str]:
    """claim_id -> incident_id.

    Claims share an incident when they name the same place, event date,
    event type and claimant side, and are claimed (not denied).  A denial
    joins the incident of the claim it denies, so the map can show the
    incident as contested.
    """
    claims = list(claims)
    out: dict[str, str] = {}
    for c in claims:
        if c.status == "claimed":
            key = f"{c.place_id}|{c.event_date}|{c.event_type}|{c.side}"
            out[c.claim_id] = "inc-" + hashlib.sha256(key.encode()).hexdigest()[:12]
    for c in claims:
        if c.status != "claimed":
            out[c.claim_id] = (
                out.get(c.denies_claim_id)
                or "inc-" + hashlib.sha256(f"{c.place_id}|{c.event_date}|denied|{c.side}".encode()).hexdigest()[:12]
            )
    return out


def assign(claims: Iterable[Claim]) -> dict[str, str]:
    """The incident ids of one article's claims (claim_id -> incident_id); see the module docstring."""
    return incident_ids(claims)
