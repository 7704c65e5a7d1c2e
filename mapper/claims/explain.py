"""Each stage's decision for a sentence, in words (what ``mapper explain`` prints)."""

from __future__ import annotations

from collections.abc import Iterable

from . import SentenceTrace

__all__ = ["format_trace", "format_traces"]


def _quote(text: str, limit: int = 90) -> str:
    text = text.replace("\n", " ")
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def format_trace(t: SentenceTrace) -> str:
    """One sentence and what every stage decided about it."""
    lines = [f"[{t.index}] {_quote(t.text, 200)}"]
    if t.note:
        lines.append(f"    passed over: {t.note}")
    for f, s in zip(t.frames, t.speakers, strict=False):
        said = t.text[f.content[0] : f.content[1]]
        who = "(the speaker before)" if f.continues else repr(f.speaker)
        deny = ", a denial" if f.deny else ""
        lines.append(f"    frame     {f.kind} {who} {f.verb!r}{deny}: reports {_quote(said, 70)}")
        side = s.side if s.side is not None else "no one side"
        lines.append(f"      speaker {s.claimant!r} [{side}] by {s.rule}")
    for p in t.kept:
        c = p.mention.candidate
        lines.append(f"    place     {p.mention.text!r} = {c.place.name} ({c.place.id}): incident, {p.event_type}")
    for r in t.rejected:
        c = r.mention.candidate
        lines.append(f"    place     {r.mention.text!r} = {c.place.name} ({c.place.id}): left out, {r.reason}")
    for link in t.links:
        lines.append(f"    claim     {link}")
    for claim in t.claims:
        if claim.status == "denied" and claim.denies_claim_id:
            lines.append(f"    denial    {claim.claim_id} by {claim.claimant!r} answers {claim.denies_claim_id}")
    return "\n".join(lines)


def format_traces(traces: Iterable[SentenceTrace], *, everything: bool = False) -> str:
    """Every sentence that any stage had something to say about (all of them with *everything*)."""
    return "\n".join(
        format_trace(t) for t in traces if everything or t.frames or t.kept or t.rejected or t.claims or t.note
    )
