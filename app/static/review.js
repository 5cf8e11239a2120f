// The review card: after a score, the analyst agrees with the machine or overrides it per prong and
// on the decision, signs, and sees every review of that score (POST and GET /v1/reviews, which need
// the service's API key: kept in this tab's session storage only; the reviewer's name is remembered).

import { getJsonWithKey, postJsonWithKey } from "./api.js";
import { PRONG_ORDER, prongLabel, verdictLabel } from "./labels.js";

const byId = (id) => document.getElementById(id);
const DECISION_WORDS = { security: "Security", not_security: "Not a security", undecided: "Undecided" };
const MACHINE_DECISION = { high: "security", low: "not_security" };

let reviewed = null; // the answer under review

export function setUpReview() {
  byId("reviewer").value = localStorage.getItem("howey.reviewer") ?? "";
  byId("review-key").value = sessionStorage.getItem("howey.apiKey") ?? "";
  byId("review-form").addEventListener("submit", (event) => {
    event.preventDefault();
    submitReview();
  });
}

// Called with each new answer: the controls start from the machine's verdicts.
export function showReview(answer) {
  reviewed = answer;
  byId("review-error").hidden = true;
  byId("review-prongs").replaceChildren(...answer.factors.map(prongControl));
  byId("review-decision").value = MACHINE_DECISION[answer.risk_level] ?? "undecided";
  byId("review-note").value = "";
  loadHistory();
}

function prongControl(factor) {
  const row = document.createElement("div");
  row.className = "review-prong";
  row.dataset.prong = factor.prong;
  const label = document.createElement("label");
  label.htmlFor = `review-${factor.prong}`;
  label.textContent = `${prongLabel(factor.prong)} (machine: ${verdictLabel(factor.verdict)})`;
  const select = document.createElement("select");
  select.id = `review-${factor.prong}`;
  select.append(new Option(`Agree: ${verdictLabel(factor.verdict)}`, "agree"));
  for (const verdict of ["met", "not_met", "unclear"].filter((v) => v !== factor.verdict)) {
    select.append(new Option(`Override: ${verdictLabel(verdict)}`, verdict));
  }
  row.append(label, select);
  return row;
}

async function submitReview() {
  const reviewer = byId("reviewer").value.trim();
  const key = byId("review-key").value;
  if (!reviewer || !key) {
    showError(!reviewer ? "Sign the review: enter your name as reviewer." : "Enter the service's API key to record reviews.");
    return;
  }
  localStorage.setItem("howey.reviewer", reviewer);
  sessionStorage.setItem("howey.apiKey", key);
  const prongs = {};
  for (const factor of reviewed.factors) {
    const choice = byId(`review-${factor.prong}`).value;
    prongs[factor.prong] = choice === "agree" ? factor.verdict : choice;
  }
  const button = byId("review-button");
  button.disabled = true;
  try {
    await postJsonWithKey("/v1/reviews", key, {
      request_id: reviewed.request_id,
      reviewer,
      decision: byId("review-decision").value,
      prongs,
      note: byId("review-note").value.trim() || null,
    });
    byId("review-error").hidden = true;
    byId("review-note").value = "";
    await loadHistory();
  } catch (failure) {
    showError(failure.message);
  } finally {
    button.disabled = false;
  }
}

async function loadHistory() {
  const list = byId("review-history");
  const key = sessionStorage.getItem("howey.apiKey") || byId("review-key").value;
  if (!key) {
    list.replaceChildren(item("Enter the API key to see and record reviews."));
    return;
  }
  try {
    const page = await getJsonWithKey(`/v1/reviews?request_id=${encodeURIComponent(reviewed.request_id)}`, key);
    list.replaceChildren(...(page.reviews.length ? page.reviews.map(historyItem) : [item("No reviews yet.")]));
  } catch (failure) {
    list.replaceChildren(item(failure.message));
  }
}

function historyItem(review) {
  const overrides = PRONG_ORDER.filter((prong) => review.prongs?.[prong] &&
    review.prongs[prong] !== reviewed.factors.find((f) => f.prong === prong).verdict)
    .map((prong) => `${prongLabel(prong)}: ${verdictLabel(review.prongs[prong])}`);
  const entry = item(`${review.created_at.slice(0, 19).replace("T", " ")} UTC · ${review.reviewer}: ` +
    `${DECISION_WORDS[review.decision]}; ${overrides.length ? `overrides ${overrides.join(", ")}` : "agrees on every prong reviewed"}`);
  entry.className = "review-entry";
  if (review.note) {
    const note = document.createElement("q");
    note.textContent = review.note;
    entry.append(" ", note);
  }
  return entry;
}

function item(text) {
  const entry = document.createElement("li");
  entry.textContent = text;
  return entry;
}

function showError(message) {
  const error = byId("review-error");
  error.textContent = message;
  error.hidden = false;
}
