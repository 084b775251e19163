// The console's chat page: sends a message, renders the answer while it streams in, keeps the conversation.
// Markdown becomes DOM nodes built with createElement and textContent: no text from a user or a model is ever
// parsed as HTML, so an answer cannot inject markup or script.
"use strict";

(function () {
  const state = JSON.parse(document.getElementById("console-state").textContent);
  const messages = document.getElementById("messages");
  const composer = document.getElementById("composer");
  const prompt = document.getElementById("prompt");
  const send = document.getElementById("send");
  const status = document.getElementById("status");
  const target = document.getElementById("target");
  const welcome = document.getElementById("welcome");
  const turns = state.turns.slice();
  let busy = false;

  // ---- Markdown, rendered into nodes ----

  const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

  function inline(parent, text) {
    // code spans first, then links, bold, italics; everything else is text
    const pattern = /(`+)([\s\S]*?[^`])\1(?!`)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) {
        parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      }
      if (match[2] !== undefined) {
        const code = document.createElement("code");
        code.textContent = match[2];
        parent.appendChild(code);
      } else if (match[3] !== undefined) {
        if (SAFE_LINK.test(match[4])) {
          const link = document.createElement("a");
          link.href = match[4];
          link.rel = "noopener noreferrer";
          link.target = "_blank";
          inline(link, match[3]);
          parent.appendChild(link);
        } else {
          parent.appendChild(document.createTextNode(match[0]));
        }
      } else if (match[5] !== undefined || match[6] !== undefined) {
        const strong = document.createElement("strong");
        inline(strong, match[5] !== undefined ? match[5] : match[6]);
        parent.appendChild(strong);
      } else {
        const em = document.createElement("em");
        inline(em, match[7] !== undefined ? match[7] : match[8]);
        parent.appendChild(em);
      }
      last = pattern.lastIndex;
    }
    if (last < text.length) {
      parent.appendChild(document.createTextNode(text.slice(last)));
    }
  }

  function paragraph(parent, lines) {
    if (lines.length === 0) {
      return;
    }
    const p = document.createElement("p");
    lines.forEach(function (line, index) {
      if (index > 0) {
        p.appendChild(document.createElement("br"));
      }
      inline(p, line);
    });
    parent.appendChild(p);
  }

  function markdown(text) {
    const root = document.createDocumentFragment();
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    let pending = [];
    let i = 0;
    const flush = function () {
      paragraph(root, pending);
      pending = [];
    };
    while (i < lines.length) {
      const line = lines[i];
      const fence = /^\s*(```|~~~)\s*([\w+#.-]*)\s*$/.exec(line);
      if (fence) {
        flush();
        const body = [];
        i++;
        while (i < lines.length && !new RegExp("^\\s*" + fence[1] + "\\s*$").test(lines[i])) {
          body.push(lines[i]);
          i++;
        }
        i++; // the closing fence, or past the end while the answer is still streaming
        const pre = document.createElement("pre");
        const code = document.createElement("code");
        if (fence[2]) {
          code.dataset.language = fence[2];
          pre.setAttribute("aria-label", fence[2] + " code");
        }
        code.textContent = body.join("\n");
        pre.appendChild(code);
        root.appendChild(pre);
        continue;
      }
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        flush();
        // the page's own h1 and h2 come first: answers start at h3
        const h = document.createElement("h" + Math.min(6, heading[1].length + 2));
        inline(h, heading[2]);
        root.appendChild(h);
        i++;
        continue;
      }
      const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line);
      if (item) {
        flush();
        const ordered = /\d/.test(item[1]);
        const list = document.createElement(ordered ? "ol" : "ul");
        while (i < lines.length) {
          const next = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(lines[i]);
          if (!next || /\d/.test(next[1]) !== ordered) {
            break;
          }
          const li = document.createElement("li");
          inline(li, next[2]);
          list.appendChild(li);
          i++;
        }
        root.appendChild(list);
        continue;
      }
      if (/^\s*>/.test(line)) {
        flush();
        const quoted = [];
        while (i < lines.length && /^\s*>/.test(lines[i])) {
          quoted.push(lines[i].replace(/^\s*>\s?/, ""));
          i++;
        }
        const quote = document.createElement("blockquote");
        paragraph(quote, quoted);
        root.appendChild(quote);
        continue;
      }
      if (line.trim() === "") {
        flush();
      } else {
        pending.push(line);
      }
      i++;
    }
    flush();
    return root;
  }

  // ---- The conversation ----

  function speaker(role) {
    if (role === "user") {
      return "You";
    }
    const id = target ? target.value : state.target;
    return state.labels[id] || id || "Assistant";
  }

  function addTurn(role, content, at) {
    if (welcome) {
      welcome.hidden = true;
    }
    const item = document.createElement("li");
    item.className = "turn " + role;
    const who = document.createElement("p");
    who.className = "who";
    who.textContent = speaker(role);
    item.appendChild(who);
    if (state.showTimestamps && at) {
      const time = document.createElement("time");
      time.dateTime = at;
      time.textContent = new Date(at).toLocaleTimeString();
      who.appendChild(document.createTextNode(" "));
      who.appendChild(time);
    }
    const body = document.createElement("div");
    body.className = "body";
    body.appendChild(markdown(content));
    item.appendChild(body);
    messages.appendChild(item);
    item.scrollIntoView({ block: "end" });
    return body;
  }

  function render(body, text) {
    body.replaceChildren(markdown(text));
  }

  function problem(text) {
    status.textContent = text;
    status.classList.add("error");
  }

  // ---- Tool calls the agent runs ----

  // A call's state in words; a denied call did not run, so it has no duration.
  const TOOL_CALL_STATES = { running: "running…", ok: "done", error: "failed", denied: "denied" };

  // One line per call under the speaker's name, updated as the call starts and ends: the tool, a summary of its
  // arguments (the agent has redacted secrets) and its state in words, so that no colour alone tells it.
  function toolCallLine(item, call) {
    let list = item.querySelector(".tool-calls");
    if (!list) {
      list = document.createElement("ul");
      list.className = "tool-calls";
      list.setAttribute("aria-label", "Tool calls");
      item.insertBefore(list, item.querySelector(".body"));
    }
    let line = Array.prototype.find.call(list.children, function (each) {
      return each.dataset.id === call.id;
    });
    if (!line) {
      line = document.createElement("li");
      line.dataset.id = call.id;
      list.appendChild(line);
    }
    line.className = "tool-call " + call.state;
    const name = document.createElement("code");
    name.className = "tool";
    name.textContent = call.tool;
    const args = document.createElement("span");
    args.className = "arguments";
    args.textContent = call.arguments || "";
    const outcome = document.createElement("strong");
    outcome.className = "outcome";
    outcome.textContent = TOOL_CALL_STATES[call.state] || call.state;
    const parts = [name, document.createTextNode(" "), args, document.createTextNode(" · "), outcome];
    if (typeof call.duration_ms === "number") {
      parts.push(document.createTextNode(" in " + call.duration_ms + " ms"));
    }
    line.replaceChildren(...parts);
  }

  // ---- Tool calls that wait for a person ----

  function decision(verdict, text, label, decide) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = verdict;
    button.textContent = text;
    button.setAttribute("aria-label", label);
    button.addEventListener("click", function () {
      decide(verdict);
    });
    return button;
  }

  // A card shown again when the page is loaded tells the approval's state now: it may have been decided meanwhile.
  function settled(approval) {
    switch (approval.state) {
      case "approved":
        return "Approved by " + approval.decidedBy + ".";
      case "denied":
        return "Denied by " + approval.decidedBy + ".";
      case "expired":
        return "Nobody decided by the deadline: the call was not made.";
      default:
        return "The agent no longer knows this call: ask again if it is still needed.";
    }
  }

  // The card of a pending tool call under the answer that stopped at it: the tool, its arguments (the agent has
  // redacted secrets), its state and, for a user who may decide, Approve and Deny buttons. A decision is sent to
  // the console, which passes it to the agent; then the conversation goes on by itself so the agent can act on it.
  function approvalCard(turn, waiting) {
    const approval = waiting.approval;
    const pending = approval.state === undefined || approval.state === "pending";
    const stateWords = pending ? "waiting for approval" : approval.state === "unknown" ? "no longer known" : approval.state;
    const card = document.createElement("section");
    card.className = "approval";
    card.setAttribute("aria-label", "Tool call " + approval.tool + " " + stateWords);
    const title = document.createElement("p");
    title.className = "tool";
    title.appendChild(document.createTextNode("Tool call "));
    const name = document.createElement("code");
    name.textContent = approval.tool;
    title.appendChild(name);
    title.appendChild(document.createTextNode(": "));
    const stateText = document.createElement("strong");
    stateText.className = "state";
    stateText.textContent = stateWords;
    title.appendChild(stateText);
    card.appendChild(title);
    const args = document.createElement("pre");
    args.setAttribute("aria-label", "Arguments of " + approval.tool);
    const code = document.createElement("code");
    code.textContent = JSON.stringify(approval.arguments, null, 2);
    args.appendChild(code);
    card.appendChild(args);
    const note = document.createElement("p");
    note.className = "note";
    card.appendChild(note);
    if (!pending) {
      note.textContent = settled(approval);
      turn.appendChild(card);
      return;
    }
    if (!waiting.mayDecide) {
      note.textContent = "Someone allowed to decide must approve it before " + new Date(approval.deadline).toLocaleString() + ".";
      turn.appendChild(card);
      card.scrollIntoView({ block: "end" });
      return;
    }
    note.textContent = "Decide before " + new Date(approval.deadline).toLocaleString() + ".";
    const actions = document.createElement("div");
    actions.className = "actions";
    const decide = async function (verdict) {
      approve.disabled = true;
      deny.disabled = true;
      status.classList.remove("error");
      status.textContent = verdict === "approve" ? "Approving…" : "Denying…";
      try {
        const response = await fetch(
          "/api/approvals/" + encodeURIComponent(waiting.target) + "/" + encodeURIComponent(approval.id) + "/" + verdict,
          { method: "POST" }
        );
        const decided = await response.json().catch(function () {
          return {};
        });
        if (!response.ok) {
          throw new Error((decided.error && decided.error.message) || "The console answered " + response.status + ".");
        }
        stateText.textContent = decided.state;
        actions.remove();
        note.textContent = (decided.state === "approved" ? "Approved" : "Denied") + " by " + decided.decidedBy + ".";
        status.textContent = "";
        if (!busy) {
          ask(decided.state === "approved"
            ? "I approved the call of " + approval.tool + "; go on."
            : "I denied the call of " + approval.tool + ".");
        }
      } catch (failure) {
        approve.disabled = false;
        deny.disabled = false;
        problem(failure.message);
      }
    };
    const approve = decision("approve", "Approve", "Approve the call of " + approval.tool, decide);
    const deny = decision("deny", "Deny", "Deny the call of " + approval.tool, decide);
    actions.appendChild(approve);
    actions.appendChild(deny);
    card.appendChild(actions);
    turn.appendChild(card);
    card.scrollIntoView({ block: "end" });
  }

  // Reads server-sent events from a fetch body: the upstream's OpenAI chunks, the console's notices, errors.
  async function readEvents(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) {
        return;
      }
      buffer += decoder.decode(chunk.value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = "message";
        const data = [];
        block.split("\n").forEach(function (line) {
          if (line.startsWith("event:")) {
            name = line.slice(6).trim();
          } else if (line.startsWith("data:")) {
            data.push(line.slice(5).trimStart());
          }
        });
        if (data.length > 0) {
          onEvent(name, data.join("\n"));
        }
      }
    }
  }

  async function ask(text) {
    busy = true;
    send.disabled = true;
    status.classList.remove("error");
    status.textContent = "Waiting for the answer…";
    const now = new Date().toISOString();
    addTurn("user", text, now);
    turns.push({ role: "user", content: text, at: now });
    const body = addTurn("assistant", "", new Date().toISOString());
    body.parentElement.setAttribute("aria-busy", "true");
    let answer = "";
    let waiting = null;
    let frame = 0;
    const paint = function () {
      frame = 0;
      render(body, answer);
    };
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          conversation: state.conversation,
          target: target ? target.value : state.target,
          message: text,
        }),
      });
      if (!response.ok) {
        const error = await response.json().catch(function () {
          return {};
        });
        throw new Error((error.error && error.error.message) || "The console answered " + response.status + ".");
      }
      status.textContent = "Answering…";
      await readEvents(response, function (name, data) {
        if (data === "[DONE]") {
          return;
        }
        const event = JSON.parse(data);
        if (name === "notice") {
          status.textContent = event.message;
          return;
        }
        if (name === "approval") {
          waiting = event;
          return;
        }
        if (event.error) {
          throw new Error(event.error.message);
        }
        if (state.toolCallField && event[state.toolCallField]) {
          toolCallLine(body.parentElement, event[state.toolCallField]);
        }
        (event.choices || []).forEach(function (choice) {
          if (choice.delta && typeof choice.delta.content === "string") {
            answer += choice.delta.content;
          }
        });
        if (!frame) {
          frame = requestAnimationFrame(paint);
        }
      });
      if (frame) {
        cancelAnimationFrame(frame);
      }
      paint();
      turns.push({ role: "assistant", content: answer, at: new Date().toISOString() });
      status.textContent = "";
      if (waiting) {
        approvalCard(body.parentElement, waiting);
      }
    } catch (failure) {
      if (frame) {
        cancelAnimationFrame(frame);
      }
      paint();
      if (answer === "") {
        body.parentElement.remove();
      }
      problem(failure.message);
    } finally {
      body.parentElement.removeAttribute("aria-busy");
      busy = false;
      send.disabled = false;
      prompt.focus();
    }
  }

  // the conversation so far, with its tool calls and the approvals its answers waited for as they are now
  turns.forEach(function (turn) {
    const body = addTurn(turn.role, turn.content, turn.at);
    (turn.toolCalls || []).forEach(function (call) {
      toolCallLine(body.parentElement, call);
    });
    if (turn.approval) {
      approvalCard(body.parentElement, turn.approval);
    }
  });

  composer.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = prompt.value.trim();
    if (text === "" || busy) {
      return;
    }
    prompt.value = "";
    ask(text);
  });

  prompt.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  document.getElementById("new-chat").addEventListener("click", function () {
    state.conversation = crypto.randomUUID();
    turns.length = 0;
    messages.replaceChildren();
    if (welcome) {
      welcome.hidden = false;
    }
    status.textContent = "New conversation.";
    prompt.focus();
  });

  const exportButton = document.getElementById("export");
  if (exportButton) {
    exportButton.addEventListener("click", function () {
      const text = turns
        .map(function (turn) {
          return "## " + speaker(turn.role) + "\n\n" + turn.content + "\n";
        })
        .join("\n");
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
      link.download = "conversation.md";
      link.click();
      URL.revokeObjectURL(link.href);
    });
  }
})();
