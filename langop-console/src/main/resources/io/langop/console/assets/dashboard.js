// The dashboard's one script: keeps a server-rendered page live. /live tells of every change the watches see;
// when one concerns what the page shows, the page's live part is fetched again (HTML rendered and escaped by the
// server). Events and log lines arrive as JSON and become text nodes: nothing they carry is parsed as markup.
(function () {
  "use strict";

  const main = document.getElementById("main");
  const live = document.getElementById("live");
  const state = document.getElementById("live-state");
  if (!main || !live) {
    return;
  }
  const kinds = (main.dataset.kinds || "").split(" ").filter(Boolean);
  const eventsOf = main.dataset.events || null;
  const eventList = document.getElementById("event-list");
  const MAX_EVENTS = 300;

  function say(text) {
    if (state) {
      state.textContent = text;
    }
  }

  let pending = null;
  function refresh() {
    if (pending) {
      return;
    }
    pending = setTimeout(async function () {
      pending = null;
      try {
        const response = await fetch(location.pathname + "?part=live", { credentials: "same-origin" });
        if (!response.ok) {
          say(response.status === 401 ? "Signed out: reload the page to sign in." : "Could not update the page.");
          return;
        }
        const focused = document.activeElement && document.activeElement.id;
        live.innerHTML = await response.text();
        if (focused && document.getElementById(focused)) {
          document.getElementById(focused).focus();
        }
        say("Updated at " + new Date().toLocaleTimeString());
      } catch (e) {
        say("Could not update the page.");
      }
    }, 200);
  }

  function eventItem(event) {
    const item = document.createElement("li");
    item.className = event.warning ? "event warning" : "event";
    const time = document.createElement("time");
    time.textContent = event.time;
    const reason = document.createElement("strong");
    reason.textContent = event.reason;
    const object = document.createElement("span");
    object.className = "object";
    object.textContent = event.object;
    const message = document.createElement("span");
    message.className = "message";
    message.textContent = event.message + (event.count > 1 ? " (×" + event.count + ")" : "");
    item.append(time, " ", reason, " ", object, " ", message);
    return item;
  }

  const feed = new EventSource("/live");
  feed.addEventListener("ready", function () {
    say("Live: changes appear as they happen.");
  });
  feed.addEventListener("change", function (message) {
    const change = JSON.parse(message.data);
    // a page names the kinds it shows (LanguageModel) or single objects (LanguageAgent/digest)
    if (kinds.includes(change.kind) || kinds.includes(change.kind + "/" + change.name)) {
      refresh();
    }
    if (change.kind === "Pod" && logs) {
      logs.restart();
    }
  });
  feed.addEventListener("k8s-event", function (message) {
    const event = JSON.parse(message.data);
    if (!eventList || (eventsOf && event.object !== eventsOf)) {
      return;
    }
    eventList.prepend(eventItem(event));
    while (eventList.children.length > MAX_EVENTS) {
      eventList.lastElementChild.remove();
    }
  });
  feed.onerror = function () {
    say("Connection lost: reconnecting…");
  };

  // The pods' logs of an agent page, followed; opened again when the agent's pods change.
  const logs = (function () {
    const pre = document.getElementById("logs");
    const logState = document.getElementById("logs-state");
    if (!pre) {
      return null;
    }
    const MAX_LINES = 1000;
    let source = null;
    function open() {
      pre.textContent = "";
      source = new EventSource("/logs/" + encodeURIComponent(pre.dataset.agent));
      source.addEventListener("pods", function (message) {
        const pods = JSON.parse(message.data);
        logState.textContent = pods.length === 0
          ? "No pod runs this agent now."
          : "Following the log of " + pods.join(", ") + ".";
      });
      source.addEventListener("line", function (message) {
        const line = JSON.parse(message.data);
        const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
        pre.append(document.createTextNode("[" + line.pod + "] " + line.line + "\n"));
        while (pre.childNodes.length > MAX_LINES) {
          pre.firstChild.remove();
        }
        if (atBottom) {
          pre.scrollTop = pre.scrollHeight;
        }
      });
      source.addEventListener("end", function (message) {
        const end = JSON.parse(message.data);
        logState.textContent = end.problem || "The log ended; it starts again when a pod of this agent starts.";
        source.close();
        source = null;
      });
    }
    open();
    return {
      restart: function () {
        if (source === null) {
          open();
        }
      },
    };
  })();
})();
