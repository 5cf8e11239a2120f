// The document with every evidence span highlighted. Spans may overlap (two rules quoting the same
// sentence, a clause inside a sentence), so the text is cut at every span boundary and each piece
// is marked with all the spans that cover it.

// Offsets from the API count Unicode code points (Python), not UTF-16 units (JavaScript).
export function codePoints(text) {
  return Array.from(text);
}

// [{start, end, spans}] covering [0, length) in order; `spans` are those containing the piece.
export function pieces(length, spans) {
  const cuts = new Set([0, length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].filter((point) => point >= 0 && point <= length).sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    result.push({ start, end, spans: spans.filter((span) => span.start <= start && end <= span.end) });
  }
  return result;
}

// One horizontal band per covering span: solid for "supports", hatched for "weighs against".
export function bandStyle(spans) {
  const count = spans.length;
  const images = spans.map(({ prong, direction }) => {
    const strong = `var(--${prong}-tint-strong)`;
    const soft = `var(--${prong}-tint)`;
    return direction === "supports"
      ? `linear-gradient(${strong}, ${strong})`
      : `repeating-linear-gradient(135deg, ${strong} 0 4px, ${soft} 4px 8px)`;
  });
  const positions = spans.map((_, i) => `0 ${count === 1 ? 0 : (100 * i) / (count - 1)}%`);
  return {
    "background-image": images.join(", "),
    "background-size": spans.map(() => `100% ${100 / count}%`).join(", "),
    "background-position": positions.join(", "),
  };
}

// `evidence`: [{key, prong, direction, start, end, label}]; returns the document's <div> children.
export function renderDocument(text, evidence) {
  const characters = codePoints(text);
  const fragment = document.createDocumentFragment();
  for (const piece of pieces(characters.length, evidence)) {
    const content = characters.slice(piece.start, piece.end).join("");
    if (piece.spans.length === 0) {
      fragment.append(content);
      continue;
    }
    const mark = document.createElement("mark");
    mark.textContent = content;
    mark.className = "evidence-span";
    mark.dataset.evidence = piece.spans.map((span) => span.key).join(" ");
    mark.tabIndex = 0;
    mark.setAttribute("role", "button");
    mark.setAttribute("aria-describedby", piece.spans.map((span) => `label-${span.key}`).join(" "));
    mark.title = piece.spans.map((span) => span.label).join("\n");
    for (const [property, value] of Object.entries(bandStyle(piece.spans))) {
      mark.style.setProperty(property, value);
    }
    fragment.append(mark);
  }
  return fragment;
}
