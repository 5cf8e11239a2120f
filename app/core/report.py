"""One score as a document an analyst can file: Markdown for a memo or a ticket, HTML that prints
well on A4 or Letter. Both are rendered from the public answer (``ScoreAnswer``, or a file's
answer with its ``document``), so the report says exactly what the API said: the risk and its
level, the four prongs with their verdicts and quotes (with PDF page numbers), each rule's
rationale and authority, the similar units with the legal weight of their labels, the provenance
and the disclaimer."""

from __future__ import annotations

from html import escape

PRONG_TITLES = {
    "investment_of_money": "Investment of money",
    "common_enterprise": "Common enterprise",
    "expectation_of_profits": "Expectation of profits",
    "efforts_of_others": "From the efforts of others",
}
VERDICT_WORDS = {"met": "Met", "not_met": "Not met", "unclear": "Unclear"}
LEVEL_WORDS = {"low": "Low risk", "medium": "Medium risk", "high": "High risk",
               "insufficient_evidence": "Insufficient evidence"}
STANDING_WORDS = {
    "judgment_for_sec": "a court's judgment", "default_judgment": "a default judgment",
    "settled": "a settlement (neither admitted nor denied)", "dismissed_by_sec": "an allegation, dropped by the SEC",
    "dismissed_by_court": "an allegation; the case was dismissed", "pending": "an allegation; the case is pending",
    "ruled_not_security": "a court's ruling",
}
BASIS_WORDS = {
    "sec_complaint": "an allegation", "sec_settled_order": "a settlement (neither admitted nor denied)",
    "court_ruling": "a court's ruling", "sec_no_action_letter": "a no-action letter (staff position)",
    "sec_staff_statement": "a staff statement (binds nobody)", "cftc_action": "a CFTC action",
    "closed_investigation": "a closed investigation (not a finding)",
    "registered_offering": "the issuer's own registered or exempt offering",
    "analyst_review": "an analyst's review (no regulator or court spoke)",
    "sec_interpretive_release": "an SEC-CFTC interpretive release", "other": "another source",
}
MAX_QUOTES_PER_PRONG = 5


def standing(token: dict) -> str:
    """What a similar unit's label rests on, in words."""
    return STANDING_WORDS.get(token["disposition"]) or BASIS_WORDS.get(token["label_basis"], token["label_basis"])


def _risk(answer: dict) -> str:
    """As the page shows it: never "0%" or "100%" for a probability that is neither."""
    risk = answer["risk_score"]
    return "<1%" if 0 < risk < 0.005 else ">99%" if 0.995 <= risk < 1 else f"{risk * 100:.0f}%"


def _title(answer: dict, symbol: str | None, name: str | None) -> str:
    document = answer.get("document")
    subject = " · ".join(part for part in (symbol, name) if part) or (document["filename"] if document else "the document")
    return f"Howey risk report: {subject}"


def _where(evidence: dict) -> str:
    return f"p. {evidence['page']}, " if evidence.get("page") else ""


def _provenance(answer: dict) -> list[tuple[str, str]]:
    rows = [("Scored at", answer["scored_at"]), ("As of", answer["as_of"]), ("Request id", answer.get("request_id") or "none (command line)"),
            ("Model", answer["model_version"]), ("Rules", answer["rulebook_version"])]
    document = answer.get("document")
    if document:
        pages = f", {document['pages']} pages" if document["pages"] else ""
        rows.insert(0, ("Document", f"{document['filename']} ({document['media_type']}{pages}, {document['characters']:,} characters)"))
    return rows


def markdown_report(answer: dict, symbol: str | None = None, name: str | None = None) -> str:
    lines = [f"# {_title(answer, symbol, name)}", "",
             f"**{LEVEL_WORDS[answer['risk_level']]}**: risk score {_risk(answer)} "
             f"({answer['prongs_with_evidence']} of 4 prongs with evidence).", "",
             f"> {answer['disclaimer']}", ""]
    for factor in answer["factors"]:
        lines += [f"## {PRONG_TITLES[factor['prong']]}: {VERDICT_WORDS[factor['verdict']]} ({factor['score']:.2f})", "",
                  factor["summary"], ""]
        for evidence in factor["evidence"][:MAX_QUOTES_PER_PRONG]:
            sign = "for" if evidence["direction"] == "supports" else "against"
            quote = " ".join(evidence["quote"].split())
            lines += [f"- “{quote}” ({_where(evidence)}{sign}, weight {evidence['weight']:.2f}, `{evidence['rule_id']}`)",
                      f"  - Why: {evidence['rationale']}", f"  - Authority: {evidence['authority']}"]
        if len(factor["evidence"]) > MAX_QUOTES_PER_PRONG:
            lines.append(f"- and {len(factor['evidence']) - MAX_QUOTES_PER_PRONG} more in the JSON answer")
        lines.append("")
    lines += ["## Similar labeled units", ""]
    for token in answer["similar_tokens"]:
        lines.append(f"- **{token['symbol']}** {token['name']}: {token['unit']}; "
                     f"{'security' if token['label'] == 'security' else 'not a security'}, resting on {standing(token)} "
                     f"({token['cases']}; first action {token['first_action_date']}, label as of {token['as_of']}; "
                     f"{token['source_url']}); {token['similarity'] * 100:.0f}% similar")
    if not answer["similar_tokens"]:
        lines.append("- none")
    lines += ["", "## Provenance", ""] + [f"- {label}: {value}" for label, value in _provenance(answer)]
    return "\n".join(lines) + "\n"


_STYLE = """
@page { size: auto; margin: 18mm 16mm; }
body { font: 11pt/1.45 Georgia, "DejaVu Serif", serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; } h2 { font-size: 1.1rem; margin: 1.4rem 0 0.3rem; break-after: avoid; }
.level { font-size: 1.15rem; font-weight: bold; } .disclaimer { border-left: 3px solid #999; padding-left: 0.6rem; color: #333; }
blockquote { margin: 0.3rem 0 0.1rem; font-style: italic; } li { margin-bottom: 0.5rem; break-inside: avoid; }
.why, .meta { font: 9.5pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #333; } code { font-size: 9pt; }
table { border-collapse: collapse; font: 9.5pt "DejaVu Sans", Arial, sans-serif; } td { padding: 0.15rem 0.8rem 0.15rem 0; vertical-align: top; }
a { color: #114; word-break: break-all; }
@media print { body { margin: 0; max-width: none; } a { text-decoration: none; } }
"""


def html_report(answer: dict, symbol: str | None = None, name: str | None = None) -> str:
    """A self-contained HTML page (no script, no external resource); every value is escaped and
    only http(s) links are made links."""
    e = escape
    title = e(_title(answer, symbol, name))
    parts = [f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>{_STYLE}</style></head><body>',
             f"<h1>{title}</h1>",
             f'<p class="level">{e(LEVEL_WORDS[answer["risk_level"]])}: risk score {e(_risk(answer))} '
             f"({answer['prongs_with_evidence']} of 4 prongs with evidence)</p>",
             f'<p class="disclaimer">{e(answer["disclaimer"])}</p>']
    for factor in answer["factors"]:
        parts.append(f'<section class="prong"><h2>{e(PRONG_TITLES[factor["prong"]])}: {e(VERDICT_WORDS[factor["verdict"]])} '
                     f'({factor["score"]:.2f})</h2><p>{e(factor["summary"])}</p><ul>')
        for evidence in factor["evidence"][:MAX_QUOTES_PER_PRONG]:
            sign = "supports" if evidence["direction"] == "supports" else "weighs against"
            parts.append(f'<li><blockquote>“{e(" ".join(evidence["quote"].split()))}”</blockquote>'
                         f'<div class="meta">{e(_where(evidence))}{sign}, weight {evidence["weight"]:.2f}, '
                         f'<code>{e(evidence["rule_id"])}</code></div>'
                         f'<div class="why">Why: {e(evidence["rationale"])}<br>Authority: {e(evidence["authority"])}</div></li>')
        if len(factor["evidence"]) > MAX_QUOTES_PER_PRONG:
            parts.append(f"<li>and {len(factor['evidence']) - MAX_QUOTES_PER_PRONG} more in the JSON answer</li>")
        parts.append("</ul></section>")
    parts.append("<h2>Similar labeled units</h2><ul>")
    for token in answer["similar_tokens"]:
        url = token["source_url"]
        source = f'<a href="{e(url)}">{e(url)}</a>' if url.startswith(("https://", "http://")) else e(url)
        label = "security" if token["label"] == "security" else "not a security"
        parts.append(f'<li><strong>{e(token["symbol"])}</strong> {e(token["name"])}: {e(token["unit"])}; {label}, resting on '
                     f'{e(standing(token))}<div class="meta">{e(token["cases"])}; first action {e(token["first_action_date"])}, '
                     f'label as of {e(token["as_of"])}; {token["similarity"] * 100:.0f}% similar; {source}</div></li>')
    if not answer["similar_tokens"]:
        parts.append("<li>none</li>")
    parts.append("</ul><h2>Provenance</h2><table>")
    parts += [f"<tr><td>{e(label)}</td><td>{e(value)}</td></tr>" for label, value in _provenance(answer)]
    parts.append("</table></body></html>")
    return "".join(parts)


def render(answer: dict, fmt: str, symbol: str | None = None, name: str | None = None) -> str:
    if fmt == "md":
        return markdown_report(answer, symbol, name)
    if fmt == "html":
        return html_report(answer, symbol, name)
    raise ValueError(f"unknown report format {fmt!r}")

