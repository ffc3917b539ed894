"use strict";

// Two partners side by side, and someone else on demand; names are remembered by the browser.
const people = [
  { id: "a", name: "Alex" },
  { id: "b", name: "Sam" },
  { id: "c", name: "Robin", later: true },
];
const panes = new Map();

function nameOf(id) {
  return localStorage.getItem("name-" + id) || people.find(p => p.id === id)?.name || id;
}

function addPane(id) {
  if (panes.has(id)) return panes.get(id);
  const section = document.getElementById("pane-template").content.firstElementChild.cloneNode(true);
  section.dataset.pane = id;
  section.setAttribute("aria-label", nameOf(id) + "'s chat");
  const title = section.querySelector(".pane-name");
  const nameInput = section.querySelector(".name-input");
  const text = section.querySelector(".say-text");
  const label = section.querySelector(".say label");
  text.id = "say-" + id;
  label.htmlFor = text.id;
  title.textContent = nameOf(id);
  nameInput.value = nameOf(id);
  nameInput.addEventListener("input", () => {
    const name = nameInput.value.trim() || id;
    localStorage.setItem("name-" + id, name);
    title.textContent = name;
    section.setAttribute("aria-label", name + "'s chat");
  });
  const status = section.querySelector(".pane-status");
  section.querySelector(".say").addEventListener("submit", async event => {
    event.preventDefault();
    const line = text.value.trim();
    if (!line) return;
    text.value = "";
    status.textContent = "";
    try {
      await post(`panes/${id}/say`, { name: nameOf(id), text: line });
    } catch (error) {
      text.value = line;
      status.textContent = error.message;
    }
  });
  document.getElementById("panes").append(section);
  const pane = { section, status, log: section.querySelector(".log") };
  panes.set(id, pane);
  if (id === "c") document.getElementById("add-someone").hidden = true;
  return pane;
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.error || `The playground answered ${response.status}.`);
  }
  return response.status === 200 ? response.json() : null;
}

function show(message) {
  const pane = addPane(message.pane);
  const item = document.createElement("li");
  item.className = message.author;
  item.dataset.seq = message.seq;
  if (message.html) {
    // A letter: the server encoded every piece of it, so it may go in as markup.
    const letter = document.createElement("div");
    letter.innerHTML = message.html;
    item.append(letter);
  } else if (message.text) item.append(document.createTextNode(message.text));
  if (message.file) {
    if (message.file.isImage) {
      const image = document.createElement("img");
      image.src = message.file.url;
      image.alt = message.file.name;
      item.append(image);
    } else {
      const link = document.createElement("a");
      link.href = message.file.url;
      link.download = message.file.name;
      link.textContent = "Download " + message.file.name;
      item.append(document.createElement("br"), link);
    }
  }
  const rows = message.buttons.map(row => row.map(choice => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = choice.label;
    button.addEventListener("click", () => post(`panes/${message.pane}/press`,
      { name: nameOf(message.pane), payload: choice.payload }).catch(error => pane.status.textContent = error.message));
    return button;
  }));
  if (message.answerForm) {
    const answer = document.createElement("button");
    answer.type = "button";
    answer.textContent = message.answerForm.button;
    answer.addEventListener("click", () => openAnswer(message.pane, message.answerForm));
    rows.push([answer]);
  }
  for (const row of rows) {
    const group = document.createElement("div");
    group.className = "choices";
    group.append(...row);
    item.append(group);
  }
  pane.log.append(item);
  item.scrollIntoView({ block: "nearest" });
}

// Where Discord opens a modal for an answer, the playground opens a dialog.
let answerPane = null;
function openAnswer(pane, form) {
  answerPane = pane;
  document.getElementById("answer-title").textContent = form.title;
  document.getElementById("answer-label").textContent = form.label;
  document.getElementById("answer-hint").textContent = form.hint;
  document.getElementById("answer-text").value = "";
  document.getElementById("answer-dialog").showModal();
}

document.getElementById("answer-form").addEventListener("submit", async () => {
  const text = document.getElementById("answer-text").value.trim();
  if (!text || !answerPane) return;
  const pane = panes.get(answerPane);
  await post(`panes/${answerPane}/say`, { name: nameOf(answerPane), text })
    .catch(error => pane.status.textContent = error.message);
});
document.getElementById("answer-cancel").addEventListener("click",
  () => document.getElementById("answer-dialog").close());

function showClock(clock) {
  const now = document.getElementById("clock-now");
  now.dateTime = clock.now;
  now.textContent = clock.text;
}

async function moveClock(to) {
  const status = document.getElementById("clock-status");
  const buttons = document.querySelectorAll("[data-move]");
  buttons.forEach(b => b.disabled = true);
  status.textContent = "Moving the clock…";
  try {
    const clock = await post("clock/forward", { to });
    showClock(clock);
    status.textContent = "It is now " + clock.text + ".";
  } catch (error) {
    status.textContent = error.message;
  } finally {
    buttons.forEach(b => b.disabled = false);
  }
}

async function start() {
  for (const person of people.filter(p => !p.later)) addPane(person.id);
  document.getElementById("add-someone").addEventListener("click", () => addPane("c"));
  document.querySelectorAll("[data-move]").forEach(b => b.addEventListener("click", () => moveClock(b.dataset.move)));
  const state = await (await fetch("clock")).json();
  showClock(state.clock);
  // Real minutes pass on the playground's clock too.
  setInterval(async () => showClock((await (await fetch("clock")).json()).clock), 30000);
  if (!state.canMove) {
    document.querySelectorAll("[data-move]").forEach(b => b.disabled = true);
    document.getElementById("clock-status").textContent = "Real platforms run in this process, so the clock is real.";
  }
  const events = new EventSource("events");
  events.addEventListener("message", event => show(JSON.parse(event.data)));
  events.addEventListener("clock", event => showClock(JSON.parse(event.data)));
  events.addEventListener("open", () => document.body.dataset.connected = "true");
}

start();
