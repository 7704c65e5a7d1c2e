"""Incidents: the same event reported in several articles is one incident."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .claims import Claim

__all__ = ["incident_ids"]


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
