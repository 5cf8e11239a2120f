// The score tab: one document through POST /v1/score, shown as the risk, the four prong cards,
// the highlighted document, the classifier's top terms and the similar tokens.

import { postFile, postForText, postJson } from "./api.js";
import { setUpReview, showReview } from "./review.js";
import { EXAMPLES } from "./examples.js";
import { codePoints, renderDocument } from "./highlight.js";
import { directionLabel, percent, PRONG_ORDER, prongLabel, showLevel, verdictLabel } from "./labels.js";

const byId = (id) => document.getElementById(id);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function setUpScore() {
  const form = byId("score-form");
  const text = byId("text");
  const count = byId("text-count");
  const showCount = () => { count.textContent = codePoints(text.value).length.toLocaleString("en"); };
  text.addEventListener("input", showCount);

  form.querySelectorAll("[data-example]").forEach((button) => {
    button.addEventListener("click", () => {
      const example = EXAMPLES[button.dataset.example];
      text.value = example.text;
      byId("symbol").value = example.symbol;
      byId("name").value = example.name;
      showCount();
      text.focus();
    });
  });

  const file = byId("doc-file");
  const clearFile = byId("clear-file");
  const showFileChoice = () => {
    const chosen = file.files.length > 0;
    clearFile.hidden = !chosen;
    text.disabled = chosen;
  };
  file.addEventListener("change", showFileChoice);
  clearFile.addEventListener("click", () => { file.value = ""; showFileChoice(); text.focus(); });
  const dropZone = byId("drop-zone");
  for (const target of [dropZone, text]) {
    target.addEventListener("dragover", (event) => { event.preventDefault(); dropZone.classList.add("dragging"); });
    target.addEventListener("dragleave", () => dropZone.classList.remove("dragging"));
    target.addEventListener("drop", (event) => {
      event.preventDefault();
      dropZone.classList.remove("dragging");
      if (event.dataTransfer.files.length === 0) return;
      file.files = event.dataTransfer.files;
      showFileChoice();
    });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = { text: text.value, symbol: byId("symbol").value.trim() || null, name: byId("name").value.trim() || null };
    if (file.files.length > 0) {
      request.file = file.files[0];
    } else if (text.value.trim() === "") {
      showError("Paste a text to score, or choose a whitepaper file.");
      text.focus();
      return;
    }
    score(request);
  });
  byId("download-report").addEventListener("click", downloadReport);
  byId("print-result").addEventListener("click", () => window.print());
  setUpReview();
  linkEvidence(byId("result"));
}

// The answer on screen, for the report: the report renders it, it never scores again.
let shown = null;

function showError(message) {
  const error = byId("score-error");
  error.textContent = message;
  error.hidden = false;
}

async function downloadReport() {
  if (!shown) return;
  try {
    const html = await postForText("/v1/report?format=html", shown);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    const subject = (shown.symbol || shown.answer.document?.filename || "document").replace(/[^\w.-]+/g, "_");
    link.download = `howey-report-${subject}.html`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (failure) {
    showError(failure.message);
  }
}

async function score(request) {
  const button = byId("score-button");
  const error = byId("score-error");
  const result = byId("result");
  const status = byId("score-status");
  button.disabled = true;
  button.textContent = "Scoring…";
  result.setAttribute("aria-busy", "true");
  error.hidden = true;
  status.textContent = "Scoring…";
  try {
    const { symbol, name } = request;
    const answer = request.file
      ? await postFile("/v1/score/file", request.file, { symbol, name })
      : await postJson("/v1/score", { text: request.text, symbol, name });
    // A file's offsets refer to the text the service extracted from it.
    render({ ...request, text: answer.text ?? request.text }, answer);
    shown = { answer, symbol, name };
    showReview(answer);
    result.hidden = false;
    status.textContent = `Scored: ${percent(answer.risk_score)} risk, ${answer.risk_level}.`;
    byId("result-heading").focus();
  } catch (failure) {
    result.hidden = true;
    error.textContent = failure.message;
    error.hidden = false;
    status.textContent = "";
  } finally {
    button.disabled = false;
    button.textContent = "Score";
    result.removeAttribute("aria-busy");
  }
}

function render(request, answer) {
  const evidence = answer.factors.flatMap((factor, f) => factor.evidence.map((item, e) => ({
    ...item,
    key: `${f}-${e}`,
    prong: factor.prong,
    label: `${prongLabel(factor.prong)}, ${directionLabel(item.direction).toLowerCase()}: ${item.rationale}`,
  })));
  renderOverview(request, answer);
  byId("prongs").replaceChildren(...answer.factors.map((factor) => prongCard(factor, evidence)));
  byId("legend").replaceChildren(...PRONG_ORDER.map(legendEntry));
  byId("document").replaceChildren(renderDocument(request.text, evidence));
  byId("terms").replaceChildren(...termItems(answer.classifier.top_terms));
  byId("similar").replaceChildren(...similarItems(answer.similar_tokens));
  byId("disclaimer").textContent = answer.disclaimer;
}

function renderOverview(request, answer) {
  const token = [request.symbol, request.name].filter(Boolean).join(" · ");
  byId("result-token").textContent = token ? ` for ${token}` : "";
  byId("risk-percent").textContent = percent(answer.risk_score);
  showLevel(byId("risk-level"), answer.risk_level);
  const gauge = byId("gauge");
  gauge.className = `gauge gauge-${answer.risk_level}`;
  gauge.setAttribute("aria-label", `Risk score ${percent(answer.risk_score)}, ${answer.risk_level} risk`);
  byId("gauge-fill").style.setProperty("width", `${answer.risk_score * 100}%`);
  byId("prongs-with-evidence").textContent = `${answer.prongs_with_evidence} of 4`;
  byId("classifier-probability").textContent = percent(answer.classifier.probability);
  byId("model-version").textContent = answer.model_version;
  byId("rulebook-version").textContent = answer.rulebook_version;
  byId("scored-at").textContent = answer.scored_at;
  byId("as-of").textContent = answer.as_of;
  byId("request-id").textContent = answer.request_id;
  const info = answer.document;
  byId("document-info").textContent = info
    ? `; file ${info.filename} (${info.pages ? `${info.pages} page${info.pages === 1 ? "" : "s"}, ` : ""}` +
      `${info.characters.toLocaleString("en")} characters)`
    : "";
}

function prongCard(factor, evidence) {
  const card = element("article", `card prong-card prong-${factor.prong}`);
  card.dataset.prong = factor.prong;
  const heading = element("header", "prong-header");
  heading.append(element("h3", "", prongLabel(factor.prong)),
    element("span", `verdict verdict-${factor.verdict}`, verdictLabel(factor.verdict)));
  const score = element("div", "prong-score");
  const bar = element("span", "score-bar");
  bar.setAttribute("aria-hidden", "true");
  const fill = element("span", "score-fill");
  fill.style.setProperty("width", `${factor.score * 100}%`);
  bar.append(fill);
  score.append(element("span", "score-label", "Score"), bar, element("span", "score-value", factor.score.toFixed(2)));
  card.append(heading, score, element("p", "summary", factor.summary));
  const mine = evidence.filter((item) => item.prong === factor.prong);
  for (const direction of ["supports", "weighs_against"]) {
    const items = mine.filter((item) => item.direction === direction);
    card.append(element("h4", "evidence-heading", `${directionLabel(direction)} (${items.length})`));
    if (items.length === 0) {
      card.append(element("p", "none", "Nothing found."));
      continue;
    }
    const list = element("ul", "evidence-list");
    list.append(...items.map(evidenceItem));
    card.append(list);
  }
  return card;
}

function evidenceItem(item) {
  const entry = element("li", `evidence-item ${item.direction}`);
  entry.id = `evidence-${item.key}`;
  entry.dataset.evidence = item.key;
  const quote = element("button", "quote");
  quote.type = "button";
  quote.dataset.evidence = item.key;
  quote.append(element("span", `swatch ${item.direction}`), element("q", "", item.quote));
  quote.title = "Show in the document";
  const label = element("span", "visually-hidden", item.label);
  label.id = `label-${item.key}`;
  const rule = element("p", "rule");
  if (item.page) rule.append(element("span", "page", `p. ${item.page}`), " · ");
  rule.append(element("code", "", item.rule_id), ` · weight ${item.weight.toFixed(2)}`);
  const authority = element("p", "authority");
  authority.append(element("cite", "", item.authority));
  entry.append(quote, label, rule, element("p", "rationale", item.rationale), authority);
  return entry;
}

function legendEntry(prong) {
  const entry = element("li", `legend-entry prong-${prong}`);
  entry.append(element("span", "legend-prong", prongLabel(prong)));
  for (const direction of ["supports", "weighs_against"]) {
    const key = element("span", "legend-key");
    key.append(element("span", `swatch ${direction}`), directionLabel(direction).toLowerCase());
    entry.append(key);
  }
  return entry;
}

function termItems(terms) {
  if (terms.length === 0) return [element("li", "none", "The classifier found no known terms.")];
  const largest = Math.max(...terms.map((term) => Math.abs(term.weight)));
  return terms.map((term) => {
    const toward = term.weight >= 0;
    const item = element("li", `term ${toward ? "toward" : "away"}`);
    const bar = element("span", "term-bar");
    bar.setAttribute("aria-hidden", "true");
    const fill = element("span", "term-fill");
    fill.style.setProperty("width", `${(100 * Math.abs(term.weight)) / largest}%`);
    bar.append(fill);
    item.append(element("span", "term-word", term.term), bar,
      element("span", "term-weight", `${toward ? "+" : "−"}${Math.abs(term.weight).toFixed(3)}`),
      element("span", "visually-hidden", toward ? "toward a security" : "away from a security"));
    return item;
  });
}

// What a label rests on, in words: an analyst weighs a court's finding, a settlement, an
// allegation and a dropped case differently (data/README.md defines the values).
const DISPOSITION_WORDS = {
  judgment_for_sec: "a court's finding",
  default_judgment: "a default judgment (not contested)",
  settled: "a settlement (neither admitted nor denied)",
  dismissed_by_sec: "an allegation, dropped in 2025",
  dismissed_by_court: "an allegation; the case was dismissed",
  pending: "an allegation; the case is pending",
  ruled_not_security: "a court's ruling",
};
const BASIS_WORDS = {
  sec_complaint: "an allegation",
  sec_settled_order: "a settlement (neither admitted nor denied)",
  court_ruling: "a court's ruling",
  sec_no_action_letter: "a no-action letter (staff position)",
  sec_staff_statement: "a staff statement (binds nobody)",
  cftc_action: "a CFTC action (treated as a commodity)",
  closed_investigation: "a closed investigation (not a finding)",
  registered_offering: "the issuer's own registered or exempt offering",
  sec_interpretive_release: "an SEC-CFTC interpretive release (the Commission's view, not a ruling)",
  analyst_review: "an analyst's review (no regulator or court spoke)",
  other: "another source",
};

function labelStanding(token) {
  return DISPOSITION_WORDS[token.disposition] || BASIS_WORDS[token.label_basis] || token.label_basis;
}

function similarItems(tokens) {
  if (tokens.length === 0) return [element("li", "none", "No similar tokens in the training data.")];
  return tokens.map((token) => {
    const item = element("li", "similar-token");
    const heading = element("p", "similar-heading");
    heading.append(element("strong", "", token.symbol), ` ${token.name} `,
      element("span", `label label-${token.label}`, token.label === "security" ? "Security" : "Not a security"),
      element("span", "similarity", `${percent(token.similarity)} similar`));
    const standing = element("p", "standing",
      `Rests on ${labelStanding(token)}, first action ${token.first_action_date}; label as of ${token.as_of}.`);
    if (/^https?:\/\//.test(token.source_url)) {  // the data's own links only, never a script URL
      const source = element("a", "", "Source");
      source.href = token.source_url;
      source.rel = "noopener noreferrer";
      source.target = "_blank";
      standing.append(" ", source);
    }
    item.append(heading, element("p", "unit", `${token.unit} (${token.channel.replaceAll("_", " ")})`),
      element("p", "cases", token.cases), standing);
    return item;
  });
}

// Hovering or focusing a highlight lights its evidence in the cards, and the other way round;
// clicking (or Enter on) one moves to the other.
function linkEvidence(result) {
  let lit = [];
  const keysOf = (node) => node.dataset.evidence.split(" ");
  const light = (keys) => {
    lit.forEach((node) => node.classList.remove("linked"));
    lit = keys.flatMap((key) => [byId(`evidence-${key}`), ...result.querySelectorAll(`mark[data-evidence~="${key}"]`)]);
    lit.forEach((node) => node.classList.add("linked"));
  };
  const linkedNode = (node) => node?.closest("mark[data-evidence], .evidence-item");
  const onEnter = (event) => {
    const node = linkedNode(event.target);
    if (node) light(keysOf(node));
  };
  // Leaving with the mouse returns to what has the focus; leaving with the focus turns the light off.
  const onMouseLeave = (event) => {
    if (linkedNode(event.relatedTarget)) return;
    const focused = linkedNode(document.activeElement);
    light(focused ? keysOf(focused) : []);
  };
  const onFocusLeave = (event) => {
    if (!linkedNode(event.relatedTarget)) light([]);
  };
  result.addEventListener("mouseover", onEnter);
  result.addEventListener("focusin", onEnter);
  result.addEventListener("mouseout", onMouseLeave);
  result.addEventListener("focusout", onFocusLeave);

  const jump = (target) => {
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    target.focus({ preventScroll: true });
  };
  const activate = (event) => {
    const mark = event.target.closest("mark[data-evidence]");
    const quote = event.target.closest("button.quote");
    if (mark) jump(byId(`evidence-${keysOf(mark)[0]}`).querySelector("button.quote"));
    else if (quote) jump(result.querySelector(`mark[data-evidence~="${quote.dataset.evidence}"]`));
  };
  result.addEventListener("click", activate);
  result.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches("mark[data-evidence]")) {
      event.preventDefault();
      activate(event);
    }
  });
}
