// How the API's names read on the page.

// The order of the contract's `factors` (and of the Howey opinion).
export const PRONG_ORDER = ["investment_of_money", "common_enterprise", "expectation_of_profits", "efforts_of_others"];

const VERDICTS = { met: "Met", not_met: "Not met", unclear: "Unclear" };
const DIRECTIONS = { supports: "For", weighs_against: "Against" };

// "investment_of_money" reads "Investment of money".
export function prongLabel(prong) {
  const words = prong.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function verdictLabel(verdict) {
  return VERDICTS[verdict] ?? verdict;
}

export function directionLabel(direction) {
  return DIRECTIONS[direction] ?? direction;
}

const LEVELS = { low: "Low risk", medium: "Medium risk", high: "High risk", insufficient_evidence: "Insufficient evidence" };

// "high" reads "High risk", in the level's colours.
export function showLevel(badge, level) {
  badge.className = `level level-${level}`;
  badge.textContent = LEVELS[level] ?? level;
  return badge;
}

// Whole percents, without rounding a small chance away to 0% or up to a certainty of 100%.
export function percent(probability) {
  if (probability > 0 && probability < 0.005) return "<1%";
  if (probability < 1 && probability >= 0.995) return ">99%";
  return `${Math.round(probability * 100)}%`;
}
