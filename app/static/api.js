// The public HTTP API, and its failures put into words a person can act on.

// `status` and `detail` are the API's answer, when there was one.
export class ApiError extends Error {
  constructor(message, { status, detail } = {}) {
    super(message);
    this.status = status;
    this.detail = detail;
  }
}

export async function getJson(path) {
  return parse(await send(path, { headers: { Accept: "application/json" } }));
}

export async function postJson(path, body) {
  return parse(await send(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  }));
}

// A CSV uploaded as the multipart field `file`; the answer is CSV text.
export async function postCsv(path, csvText) {
  const form = new FormData();
  form.append("file", new Blob([csvText], { type: "text/csv" }), "rows.csv");
  const response = await send(path, { method: "POST", body: form, headers: { Accept: "text/csv" } });
  if (response.ok) return response.text();
  return parse(response);
}

// The review endpoints need the service's API key.
export async function getJsonWithKey(path, key) {
  return parse(await send(path, { headers: { Accept: "application/json", "X-API-Key": key } }));
}

export async function postJsonWithKey(path, key, body) {
  return parse(await send(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-API-Key": key },
    body: JSON.stringify(body),
  }));
}

// A whitepaper file uploaded as the multipart field `file`, with the form's other fields.
export async function postFile(path, file, fields) {
  const form = new FormData();
  form.append("file", file, file.name);
  for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
  return parse(await send(path, { method: "POST", body: form, headers: { Accept: "application/json" } }));
}

// A JSON body whose answer is a document (a report), returned as text.
export async function postForText(path, body) {
  const response = await send(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.ok) return response.text();
  return parse(response);
}

async function send(path, options) {
  try {
    return await fetch(path, options);
  } catch (error) {
    throw new ApiError(`Could not reach the scoring service (${error.message}). ` +
      "Check your connection and that the service is running, then try again.");
  }
}

async function parse(response) {
  const body = await response.text();
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    // Not JSON: a proxy's error page or a cut-off answer, told below by its status.
  }
  if (response.ok && json !== undefined) return json;
  if (response.ok) throw new ApiError("The scoring service sent an answer that could not be read. Try again.");
  const detail = json?.detail;
  const reason = detail === undefined ? response.statusText : describeDetail(detail);
  throw new ApiError(refusal(response.status, reason), { status: response.status, detail });
}

export function refusal(status, reason) {
  return `The scoring service refused the request (${status}): ${(reason || "no reason given").replace(/\.$/, "")}.`;
}

// FastAPI's `detail` is a sentence, or a list of validation problems each with `loc` and `msg`.
export function describeDetail(detail, nameLocation = locationName) {
  if (!Array.isArray(detail)) return String(detail);
  return detail.map((problem) => {
    const where = nameLocation(problem.loc ?? []);
    const message = String(problem.msg).replace(/^Value error, /, "");
    return where ? `${where}: ${message}` : message;
  }).join("; ");
}

// ["body", "text"] is "text".
export function locationName(loc) {
  return loc.filter((part) => part !== "body").join(" ");
}
