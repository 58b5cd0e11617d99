// The plan form: builds a plan from the fields, asks the server to check it and to draw page 1,
// and shows each diagnostic beside the field it concerns. No framework, no build step.
"use strict";

const DOSAGE_FIELDS = {
  stretch: ["side", "hold", "repeat", "sets", "rest", "perDay"],
  exercise: ["side", "repeat", "sets", "rest", "perDay"],
  activity: ["duration", "perDay"],
  breaks: ["duration", "every"],
  heatCold: ["side", "duration", "when"],
  breathing: ["duration", "breaths", "perDay"],
  habit: ["perDay", "when"],
};
const ALL_DOSAGE_FIELDS = ["side", "hold", "repeat", "sets", "rest", "duration", "every", "perDay", "when", "breaths"];
const FIELD_LABELS = {
  side: "Side", hold: "Hold (for example 30 s)", repeat: "Repeat (times)", sets: "Sets", rest: "Rest (for example 30 s)",
  duration: "Duration (for example 10 min)", every: "Every (for example 45 min)", perDay: "Times a day",
  when: "When", breaths: "Breaths", note: "Note for the client",
};
const WHOLE_NUMBERS = new Set(["repeat", "sets", "perDay", "breaths"]);
const CLINIC_KEY = "handout.clinic";

const state = {
  catalog: null,
  techniques: [], // catalogue ids
  homeCare: [], // {id, values: {field: text}}
  sequence: 0,
  previewURL: null,
  timer: null,
};

const $ = (id) => document.getElementById(id);

// MARK: - Clinic details, kept in this browser

function loadClinic() {
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem(CLINIC_KEY) || "{}"); } catch (_) { saved = {}; }
  for (const input of document.querySelectorAll("[data-clinic]")) {
    const value = saved[input.dataset.clinic];
    if (value === undefined) continue;
    if (input.type === "checkbox") input.checked = Boolean(value); else input.value = value;
  }
}

function saveClinic() {
  const saved = {};
  for (const input of document.querySelectorAll("[data-clinic]")) {
    saved[input.dataset.clinic] = input.type === "checkbox" ? input.checked : input.value;
  }
  localStorage.setItem(CLINIC_KEY, JSON.stringify(saved));
}

function clinicValue(key) {
  const input = document.querySelector(`[data-clinic="${key}"]`);
  if (!input) return "";
  return input.type === "checkbox" ? input.checked : input.value.trim();
}

// MARK: - Talking to the server

function headers(type) {
  const result = {};
  if (type) result["Content-Type"] = type;
  const token = clinicValue("token");
  if (token) result["Authorization"] = "Bearer " + token;
  return result;
}

function query(extra) {
  const parameters = new URLSearchParams();
  if (clinicValue("paper")) parameters.set("paper", clinicValue("paper"));
  if (clinicValue("largePrint")) parameters.set("largePrint", "true");
  for (const [key, value] of Object.entries(extra || {})) parameters.set(key, value);
  const text = parameters.toString();
  return text ? "?" + text : "";
}

async function post(path, extra) {
  return fetch(path + query(extra), { method: "POST", headers: headers("application/json"), body: JSON.stringify(buildPlan()) });
}

async function loadCatalog() {
  const language = clinicValue("language") || "en";
  const response = await fetch("/v1/catalog?language=" + encodeURIComponent(language), { headers: headers() });
  if (!response.ok) { setStatus("The catalogue could not be loaded (" + response.status + ")."); return; }
  state.catalog = await response.json();
  fillOptions("condition-options", state.catalog.conditions, "name");
  fillOptions("technique-options", state.catalog.techniques, "name");
  fillOptions("home-care-options", state.catalog.homeCare, "name");
  // A condition chosen before keeps its id; show its name in the new language.
  const condition = $("condition");
  if (condition.dataset.id && state.catalog.conditions[condition.dataset.id]) {
    condition.value = state.catalog.conditions[condition.dataset.id].name;
  }
  renderTechniques();
  renderHomeCare();
}

async function loadLayouts() {
  const select = $("clinic-layout");
  const response = await fetch("/v1/layouts", { headers: headers() });
  if (!response.ok) return;
  const layouts = await response.json();
  let saved = "";
  try { saved = JSON.parse(localStorage.getItem(CLINIC_KEY) || "{}").layout || ""; } catch (_) { saved = ""; }
  select.textContent = "";
  for (const layout of layouts) {
    const option = document.createElement("option");
    option.value = layout.name;
    option.textContent = layout.name + ": " + layout.description;
    select.append(option);
  }
  if (saved) select.value = saved;
  if (!select.value) select.value = "take-home";
}

function fillOptions(id, entries, key) {
  const list = $(id);
  list.textContent = "";
  const sorted = Object.entries(entries || {}).sort((a, b) => a[1][key].localeCompare(b[1][key]));
  for (const [entryID, entry] of sorted) {
    const option = document.createElement("option");
    option.value = entry[key];
    option.dataset.id = entryID;
    list.append(option);
  }
}

/// The catalogue id of what was typed into a search box: a name, or an id itself.
function findID(entries, text) {
  const wanted = text.trim().toLowerCase();
  if (!wanted || !entries) return null;
  for (const [id, entry] of Object.entries(entries)) {
    if (entry.name.toLowerCase() === wanted || id === wanted) return id;
  }
  const partial = Object.entries(entries).filter(([id, entry]) => entry.name.toLowerCase().includes(wanted) || id.includes(wanted));
  return partial.length === 1 ? partial[0][0] : null;
}

// MARK: - Lists chosen from the catalogue

function addTechnique() {
  const search = $("technique-search");
  const id = findID(state.catalog && state.catalog.techniques, search.value);
  if (!id) { $("messages-techniques").textContent = "No single technique matches \u201c" + search.value + "\u201d."; return; }
  if (!state.techniques.includes(id)) state.techniques.push(id);
  search.value = "";
  $("messages-techniques").textContent = "";
  renderTechniques();
  schedule();
}

function addHomeCare() {
  const search = $("home-care-search");
  const id = findID(state.catalog && state.catalog.homeCare, search.value);
  if (!id) { $("messages-home-care").textContent = "No single home-care item matches \u201c" + search.value + "\u201d."; return; }
  state.homeCare.push({ id, values: {} });
  search.value = "";
  $("messages-home-care").textContent = "";
  renderHomeCare();
  schedule();
  const first = document.querySelector(`#home-care li:last-child input, #home-care li:last-child select`);
  if (first) first.focus();
}

function renderTechniques() {
  const list = $("techniques");
  list.textContent = "";
  state.techniques.forEach((id, index) => {
    const entry = state.catalog && state.catalog.techniques[id];
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = entry ? entry.name : id;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", "Remove " + name.textContent);
    remove.addEventListener("click", () => { state.techniques.splice(index, 1); renderTechniques(); schedule(); });
    const messages = document.createElement("p");
    messages.className = "messages";
    messages.id = `messages-techniques-${index}`;
    messages.setAttribute("aria-live", "polite");
    item.append(name, remove, messages);
    list.append(item);
  });
}

function renderHomeCare() {
  const list = $("home-care");
  list.textContent = "";
  state.homeCare.forEach((chosen, index) => {
    const entry = state.catalog && state.catalog.homeCare[chosen.id];
    const item = document.createElement("li");
    item.id = `home-care-${index}`;
    const group = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = entry ? entry.name : chosen.id;
    group.append(legend);
    const fields = (entry && entry.kind && DOSAGE_FIELDS[entry.kind]) || ALL_DOSAGE_FIELDS;
    // A field already filled stays visible, so that what the plan holds is always on screen.
    const shown = fields.concat(Object.keys(chosen.values).filter((key) => key !== "note" && !fields.includes(key) && chosen.values[key]));
    for (const field of shown.concat(["note"])) {
      const wrapper = document.createElement("div");
      wrapper.className = "field" + (field === "note" ? " wide" : "");
      const id = `home-care-${index}-${field}`;
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = FIELD_LABELS[field];
      let input;
      if (field === "side") {
        input = document.createElement("select");
        for (const [value, text] of [["", "\u2014"], ["left", "Left"], ["right", "Right"], ["both", "Both"]]) {
          const option = document.createElement("option");
          option.value = value;
          option.textContent = text;
          input.append(option);
        }
      } else {
        input = document.createElement("input");
        if (entry && entry.dosage && entry.dosage[field] !== undefined) {
          input.placeholder = "catalogue: " + entry.dosage[field];
        }
      }
      input.id = id;
      input.dataset.index = String(index);
      input.dataset.field = field;
      input.value = chosen.values[field] || "";
      input.setAttribute("aria-describedby", `messages-home-care-${index}-${field}`);
      input.addEventListener("input", () => { chosen.values[field] = input.value; schedule(); });
      input.addEventListener("change", () => { chosen.values[field] = input.value; schedule(); });
      const messages = document.createElement("p");
      messages.className = "messages";
      messages.id = `messages-home-care-${index}-${field}`;
      messages.setAttribute("aria-live", "polite");
      wrapper.append(label, input, messages);
      group.append(wrapper);
    }
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", "Remove " + legend.textContent);
    remove.addEventListener("click", () => { state.homeCare.splice(index, 1); renderHomeCare(); schedule(); });
    const messages = document.createElement("p");
    messages.className = "messages";
    messages.id = `messages-home-care-${index}`;
    messages.setAttribute("aria-live", "polite");
    group.append(remove, messages);
    item.append(group);
    list.append(item);
  });
}

// MARK: - The plan

function buildPlan() {
  const plan = { format: 1, language: clinicValue("language") || "en" };
  if (clinicValue("layout")) plan.layout = clinicValue("layout");
  const clinic = {};
  for (const key of ["name", "phone", "email", "website", "address", "country"]) {
    if (clinicValue(key)) clinic[key] = key === "country" ? clinicValue(key).toUpperCase() : clinicValue(key);
  }
  if (Object.keys(clinic).length) { if (!clinic.name) clinic.name = "Clinic"; plan.clinic = clinic; }
  if (clinicValue("therapist")) {
    plan.therapist = { name: clinicValue("therapist") };
    if (clinicValue("credentials")) plan.therapist.credentials = clinicValue("credentials");
  }
  plan.client = { name: $("client-name").value.trim() };
  if ($("client-email").value.trim()) plan.client.email = $("client-email").value.trim();
  const conditionText = $("condition").value.trim();
  if (conditionText) {
    const id = findID(state.catalog && state.catalog.conditions, conditionText) || conditionText;
    $("condition").dataset.id = id;
    plan.condition = { id };
  } else {
    delete $("condition").dataset.id;
  }
  if ($("next-appointment").value) plan.sessions = { next: $("next-appointment").value.slice(0, 16) };
  if (state.techniques.length) plan.techniques = state.techniques.slice();
  if (state.homeCare.length) {
    plan.homeCare = state.homeCare.map((chosen) => {
      const item = { id: chosen.id };
      for (const [field, raw] of Object.entries(chosen.values)) {
        const value = (raw || "").trim();
        if (!value) continue;
        item[field] = WHOLE_NUMBERS.has(field) && /^\d+$/.test(value) ? Number(value) : value;
      }
      return item;
    });
  }
  if ($("notes").value.trim()) plan.notes = $("notes").value.trim();
  const precautions = $("precautions").value.split("\n").map((line) => line.trim()).filter(Boolean);
  if (precautions.length) plan.precautions = precautions;
  return plan;
}

// MARK: - Diagnostics beside their fields

/// The element that shows a diagnostic with this JSON pointer.
function messagesFor(pointer) {
  const parts = (pointer || "").split("/").slice(1);
  const [top, second, third] = parts;
  const candidates = [];
  if (top === "client" && second === "name") candidates.push("messages-client-name");
  if (top === "client" && second === "email") candidates.push("messages-client-email");
  if (top === "condition") candidates.push("messages-condition");
  if (top === "sessions" && second === "next") candidates.push("messages-next-appointment");
  if (top === "techniques") candidates.push(`messages-techniques-${second}`, "messages-techniques");
  if (top === "homeCare") {
    candidates.push(`messages-home-care-${second}-${third}`, `messages-home-care-${second}`, "messages-home-care");
  }
  if (top === "notes") candidates.push("messages-notes");
  if (top === "precautions") candidates.push("messages-precautions");
  if (top === "clinic" || top === "therapist" || top === "language" || top === "layout") candidates.push("messages-clinic");
  for (const id of candidates) { if ($(id)) return $(id); }
  return $("messages-other");
}

function showDiagnostics(diagnostics) {
  for (const element of document.querySelectorAll(".messages")) element.textContent = "";
  for (const input of document.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  for (const diagnostic of diagnostics || []) {
    const target = messagesFor(diagnostic.pointer);
    const line = document.createElement("span");
    line.className = "diagnostic " + diagnostic.severity;
    line.textContent = (diagnostic.severity === "error" ? "Error: " : "Warning: ") + diagnostic.message + (diagnostic.hint ? " (" + diagnostic.hint + ")" : "");
    target.append(line);
    const input = document.querySelector(`[aria-describedby~="${target.id}"]`);
    if (input && diagnostic.severity === "error") input.setAttribute("aria-invalid", "true");
  }
}

function setStatus(text) { $("status").textContent = text; }

// MARK: - The live preview

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(update, 400);
}

async function update() {
  const sequence = ++state.sequence;
  if (!$("client-name").value.trim()) { setStatus("Fill in the client's name to see the preview."); return; }
  setStatus("Checking\u2026");
  try {
    const checked = await post("/v1/validate");
    const result = await checked.json();
    if (sequence !== state.sequence) return;
    showDiagnostics(result.diagnostics);
    if (!checked.ok) {
      setStatus(checked.status === 422 ? "The plan has errors; they are shown beside their fields." : (result.error || "The server answered " + checked.status + "."));
      return;
    }
    setStatus("Drawing page 1\u2026");
    const drawn = await post("/v1/render", { format: "png", page: "1", dpi: "60" });
    if (sequence !== state.sequence) return;
    if (!drawn.ok) { setStatus("The preview could not be drawn (" + drawn.status + ")."); return; }
    const blob = await drawn.blob();
    if (sequence !== state.sequence) return;
    if (state.previewURL) URL.revokeObjectURL(state.previewURL);
    state.previewURL = URL.createObjectURL(blob);
    const image = $("preview");
    image.src = state.previewURL;
    image.hidden = false;
    image.alt = "Page 1 of the handout for " + $("client-name").value.trim();
    const warnings = (result.diagnostics || []).length;
    setStatus("Preview up to date" + (warnings ? ", with " + warnings + (warnings === 1 ? " warning" : " warnings") : "") + ".");
    image.dataset.version = String(sequence);
  } catch (error) {
    if (sequence === state.sequence) setStatus("The server could not be reached.");
  }
}

// MARK: - Downloads

function fileName(extension) {
  const name = $("client-name").value.trim().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "plan";
  return name + "." + extension;
}

function save(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

async function download(path, extension) {
  setStatus("Preparing the " + extension.toUpperCase() + "\u2026");
  const response = await post(path);
  if (!response.ok) {
    const result = await response.json().catch(() => ({}));
    if (result.diagnostics) showDiagnostics(result.diagnostics);
    setStatus(result.error || "The plan has errors; they are shown beside their fields.");
    return;
  }
  save(await response.blob(), fileName(extension));
  setStatus("Downloaded " + fileName(extension) + ".");
}

function newClient() {
  for (const id of ["client-name", "client-email", "condition", "next-appointment", "notes", "precautions"]) $(id).value = "";
  state.techniques = [];
  state.homeCare = [];
  renderTechniques();
  renderHomeCare();
  showDiagnostics([]);
  $("preview").hidden = true;
  setStatus("Fill in the client's name to see the preview.");
  $("client-name").focus();
}

// MARK: - Start

function enterAdds(inputID, add) {
  $(inputID).addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); add(); }
  });
}

document.addEventListener("DOMContentLoaded", async () => {
  loadClinic();
  for (const input of document.querySelectorAll("[data-clinic]")) {
    input.addEventListener("change", () => { saveClinic(); schedule(); });
    input.addEventListener("input", () => { saveClinic(); schedule(); });
  }
  $("clinic-language").addEventListener("change", () => loadCatalog().then(schedule));
  for (const id of ["client-name", "client-email", "condition", "next-appointment", "notes", "precautions"]) {
    $(id).addEventListener("input", schedule);
    $(id).addEventListener("change", schedule);
  }
  $("technique-add").addEventListener("click", addTechnique);
  $("home-care-add").addEventListener("click", addHomeCare);
  enterAdds("technique-search", addTechnique);
  enterAdds("home-care-search", addHomeCare);
  $("plan-form").addEventListener("submit", (event) => event.preventDefault());
  $("download-pdf").addEventListener("click", () => download("/v1/render", "pdf"));
  $("download-eml").addEventListener("click", () => download("/v1/email", "eml"));
  $("download-json").addEventListener("click", () => {
    save(new Blob([JSON.stringify(buildPlan(), null, 2) + "\n"], { type: "application/json" }), fileName("json"));
  });
  $("new-client").addEventListener("click", newClient);
  await loadLayouts();
  await loadCatalog();
  document.body.dataset.ready = "true";
  schedule();
});
