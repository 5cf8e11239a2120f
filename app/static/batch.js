// The batch tab: a CSV read in the browser, scored in chunks through POST /v1/score/csv with a
// progress bar, shown as a sortable table and downloadable as CSV. The server writes every row in
// the project's one table format (the same columns as `howey batch`, spreadsheet formulas
// defused), so the download is the rows it sent, header once, never a table rebuilt here.

import { ApiError, describeDetail, locationName, postCsv, refusal } from "./api.js";
import { CsvError, parseCsv, toCsv } from "./csv.js";
import { codePoints } from "./highlight.js";
import { percent, PRONG_ORDER, prongLabel, showLevel, verdictLabel } from "./labels.js";

const CHUNK_ROWS = 25;
const CHUNK_BYTES = 1_000_000; // each request stays well below the API's 2 MiB body limit
const MAX_TEXT_CHARACTERS = 100_000;
const MAX_PROBLEMS_SHOWN = 10;
const LEVEL_RANK = { insufficient_evidence: -1, low: 0, medium: 1, high: 2 };

// What the page shows of each scored row (`row.table`: the server's table row by column name).
const COLUMNS = [
  { key: "id", label: "ID", value: (row) => row.table.id },
  { key: "symbol", label: "Symbol", value: (row) => row.table.symbol },
  { key: "name", label: "Name", value: (row) => row.table.name },
  { key: "risk_score", label: "Risk", value: (row) => Number(row.table.risk_score), numeric: true,
    cell: (row) => percent(Number(row.table.risk_score)) },
  { key: "risk_level", label: "Level", value: (row) => LEVEL_RANK[row.table.risk_level], numeric: true,
    cell: (row) => showLevel(document.createElement("span"), row.table.risk_level) },
  ...PRONG_ORDER.map((prong) => ({
    key: `${prong}_score`,
    label: prongLabel(prong),
    value: (row) => Number(row.table[`${prong}_score`]),
    numeric: true,
    cell: (row) => `${Number(row.table[`${prong}_score`]).toFixed(2)} · ${verdictLabel(row.table[`${prong}_verdict`])}`,
  })),
];

export function setUpBatch() {
  const elements = {
    file: document.getElementById("csv-file"),
    progress: document.getElementById("batch-progress"),
    bar: document.getElementById("batch-progress-bar"),
    progressLabel: document.getElementById("batch-progress-label"),
    error: document.getElementById("batch-error"),
    result: document.getElementById("batch-result"),
    columns: document.getElementById("batch-columns"),
    rows: document.getElementById("batch-rows"),
    download: document.getElementById("batch-download"),
    summary: document.getElementById("batch-summary"),
  };
  const state = { run: 0, rows: [], header: [], sort: null, fileName: "" };

  elements.file.addEventListener("change", () => {
    const [file] = elements.file.files;
    if (file) scoreFile(file, elements, state);
  });
  elements.columns.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-column]");
    if (!button) return;
    const column = COLUMNS.find((candidate) => candidate.key === button.dataset.column);
    const descending = state.sort?.column === column ? !state.sort.descending : Boolean(column.numeric);
    state.sort = { column, descending };
    renderTable(elements, state);
  });
  elements.download.addEventListener("click", () => download(state));
}

async function scoreFile(file, elements, state) {
  const run = ++state.run; // a newer file makes this run stop
  elements.error.hidden = true;
  elements.result.hidden = true;
  elements.progress.hidden = true;
  let rows;
  try {
    rows = readRows(await readUtf8(file));
  } catch (error) {
    showError(elements, error instanceof CsvError ? `${file.name} cannot be scored: ${error.message}` : String(error));
    return;
  }
  state.fileName = file.name;
  showProgress(elements, 0, rows.length);
  let header = [];
  for (const chunk of chunks(rows)) {
    let table;
    try {
      table = parseCsv(await postCsv("/v1/score/csv", uploadFor(chunk)));
    } catch (error) {
      if (run !== state.run) return;
      const first = chunk[0].number;
      showError(elements, `Scoring stopped at row ${first} of ${rows.length}. ${describe(error, chunk)}`);
      elements.progress.hidden = true;
      return;
    }
    if (run !== state.run) return;
    header = table[0].fields;
    table.slice(1).forEach((record, index) => {
      chunk[index].fields = record.fields;
      chunk[index].table = Object.fromEntries(header.map((column, at) => [column, record.fields[at]]));
    });
    showProgress(elements, chunk[chunk.length - 1].number, rows.length);
  }
  state.header = header;
  state.rows = rows;
  state.sort = null;
  elements.summary.textContent = summary(rows);
  renderTable(elements, state);
  elements.result.hidden = false;
}

// "60 rows: 20 high, 0 medium and 40 low risk."
function summary(rows) {
  const count = (level) => rows.filter((row) => row.table.risk_level === level).length;
  const thin = count("insufficient_evidence");
  const unjudged = thin ? ` ${thin} with insufficient evidence to judge.` : "";
  return `${rows.length} rows: ${count("high")} high, ${count("medium")} medium and ${count("low")} low risk.${unjudged}`;
}

async function readUtf8(file) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new CsvError("the file is not UTF-8 text; save the CSV as UTF-8 and upload it again");
  }
}

// The rows to score, numbered from 1; every problem in the file is reported before anything is sent.
function readRows(content) {
  const [header, ...records] = parseCsv(content);
  if (!header) throw new CsvError("the file is empty: it needs a header row with a 'text' column");
  const names = header.fields.map((name) => name.trim().toLowerCase());
  if (!names.includes("text")) {
    const found = header.fields.map((name) => `'${name}'`).join(", ");
    throw new CsvError(`it has no 'text' column (columns found: ${found})`);
  }
  const field = (record, name) => (names.includes(name) ? record.fields[names.indexOf(name)] ?? "" : "");
  const rows = [];
  const problems = [];
  for (const record of records) {
    if (record.fields.every((value) => value.trim() === "")) continue;
    const text = field(record, "text");
    if (record.fields.length > names.length) {
      problems.push(`line ${record.line} has ${record.fields.length} fields but the header has ${names.length} ` +
        "(quote fields that contain commas)");
    } else if (text.trim() === "") {
      problems.push(`line ${record.line} has no text`);
    } else if (codePoints(text).length > MAX_TEXT_CHARACTERS) {
      problems.push(`line ${record.line} has a text over ${MAX_TEXT_CHARACTERS.toLocaleString("en")} characters`);
    }
    const number = rows.length + 1;
    rows.push({ number, id: field(record, "id").trim() || String(number), symbol: field(record, "symbol").trim(),
                name: field(record, "name").trim(), text });
  }
  if (problems.length > 0) {
    const more = problems.length > MAX_PROBLEMS_SHOWN ? `; and ${problems.length - MAX_PROBLEMS_SHOWN} more` : "";
    throw new CsvError(problems.slice(0, MAX_PROBLEMS_SHOWN).join("; ") + more);
  }
  if (rows.length === 0) throw new CsvError("the file has a header but no rows to score");
  return rows;
}

function* chunks(rows) {
  const encoder = new TextEncoder();
  let chunk = [];
  let bytes = 0;
  for (const row of rows) {
    const size = encoder.encode(toCsv([uploadFields(row)])).length;
    if (chunk.length === CHUNK_ROWS || (chunk.length > 0 && bytes + size > CHUNK_BYTES)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(row);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}

const UPLOAD_HEADER = ["id", "symbol", "name", "text"];

function uploadFields(row) {
  return [row.id, row.symbol, row.name, row.text];
}

// One chunk as the CSV the server reads; each row remembers the line it starts on, so a refusal
// that names a line can name the row of the user's file.
function uploadFor(chunk) {
  let line = 2;
  for (const row of chunk) {
    row.uploadLine = line;
    line += toCsv([uploadFields(row)]).split("\n").length - 1;
  }
  return toCsv([UPLOAD_HEADER, ...chunk.map(uploadFields)]);
}

// A refused chunk names its lines: say which rows of the file they are.
function describe(error, chunk) {
  if (!(error instanceof ApiError) || error.detail === undefined) return error.message;
  return refusal(error.status, describeDetail(error.detail, (loc) => rowLocation(loc, chunk)));
}

// ["body", "file", "line", 3, "text"] is "row 27 text" when the chunk starts at row 25.
function rowLocation(loc, chunk) {
  const at = loc.indexOf("line");
  const row = at >= 0 ? chunk.find((candidate) => candidate.uploadLine === loc[at + 1]) : undefined;
  return row ? [`row ${row.number}`, ...loc.slice(at + 2)].join(" ") : locationName(loc);
}

function showProgress(elements, done, total) {
  elements.progress.hidden = false;
  elements.bar.max = total;
  elements.bar.value = done;
  elements.progressLabel.textContent = done === total
    ? `Scored all ${total} rows.`
    : `Scoring… ${done} of ${total} rows done.`;
}

function showError(elements, message) {
  elements.error.textContent = message;
  elements.error.hidden = false;
}

function renderTable(elements, state) {
  const { column, descending } = state.sort ?? {};
  elements.columns.replaceChildren(...COLUMNS.map((candidate) => {
    const heading = document.createElement("th");
    heading.scope = "col";
    if (candidate.numeric) heading.className = "numeric";
    const sorted = candidate === column;
    heading.setAttribute("aria-sort", sorted ? (descending ? "descending" : "ascending") : "none");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.column = candidate.key;
    button.textContent = candidate.label;
    const arrow = document.createElement("span");
    arrow.className = "sort-arrow";
    arrow.setAttribute("aria-hidden", "true");
    arrow.textContent = sorted ? (descending ? "▼" : "▲") : "↕";
    button.append(arrow);
    heading.append(button);
    return heading;
  }));
  const rows = column ? sortedRows(state.rows, column, descending) : state.rows;
  elements.rows.replaceChildren(...rows.map((row) => {
    const tableRow = document.createElement("tr");
    for (const candidate of COLUMNS) {
      const cell = document.createElement("td");
      cell.append(candidate.cell ? candidate.cell(row) : candidate.value(row));
      if (candidate.numeric) cell.className = "numeric";
      tableRow.append(cell);
    }
    return tableRow;
  }));
}

function sortedRows(rows, column, descending) {
  const direction = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    const order = column.numeric ? x - y : x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
    return direction * order || a.number - b.number;
  });
}

// The rows as the server wrote them, in file order.
function download(state) {
  const blob = new Blob([toCsv([state.header, ...state.rows.map((row) => row.fields)])], { type: "text/csv" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${state.fileName.replace(/\.csv$/i, "") || "batch"}-scores.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
