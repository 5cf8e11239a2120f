// The analyst page: two tabs over the public API, and the model being served in the footer.

import { getJson } from "./api.js";
import { setUpBatch } from "./batch.js";
import { setUpScore } from "./score.js";

// WAI-ARIA tabs: click, or arrow keys / Home / End on the focused tab.
function setUpTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (chosen) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !selected;
    }
    chosen.focus();
  };
  const keys = {
    ArrowRight: (i) => (i + 1) % tabs.length,
    ArrowLeft: (i) => (i - 1 + tabs.length) % tabs.length,
    Home: () => 0,
    End: () => tabs.length - 1,
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      if (!keys[event.key]) return;
      event.preventDefault();
      select(tabs[keys[event.key](index)]);
    });
  });
}

async function showServedModel() {
  const footer = document.getElementById("served-model");
  try {
    const model = await getJson("/v1/model");
    footer.textContent = `Serving model ${model.model_version} (rules ${model.rulebook_version}), trained on ${model.n_training_rows} labeled tokens.`;
  } catch (error) {
    footer.textContent = error.message;
  }
}

setUpTabs();
setUpScore();
setUpBatch();
showServedModel();
