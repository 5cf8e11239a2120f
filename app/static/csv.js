// CSV as RFC 4180 writes it: comma-separated, fields quoted with " when they hold a comma, a quote
// or a line break, a quote inside a quoted field doubled.

export class CsvError extends Error {}

// [{fields, line}] with `line` the 1-based line each record starts on.
export function parseCsv(text) {
  const records = [];
  let fields = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ fields, line: recordLine });
    fields = [];
    field = "";
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
        if (i + 1 < text.length && !",\r\n".includes(text[i + 1])) {
          throw new CsvError(`line ${line}: a quoted field has text after its closing quote`);
        }
      } else {
        if (char === "\n") line += 1;
        field += char;
      }
    } else if (char === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (char === ",") {
      fields.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) throw new CsvError(`line ${quoteLine}: a quoted field is never closed`);
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

export function toCsv(rows) {
  return rows.map((row) => row.map(quoted).join(",")).join("\n") + "\n";
}

function quoted(value) {
  const cell = String(value ?? "");
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
