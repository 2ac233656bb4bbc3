/* Portail PLIE – warning before the session ends for inactivity (issue 7).
 * <body data-session-duree="seconds left" data-session-avertissement="seconds" data-session-prolonger-url="…">
 * Opens the dialog #session-expiration shortly before expiry; "Rester connecté·e" POSTs the
 * keep-alive URL (a real activity). At expiry, the page reloads (the login page then shows). */
(function () {
  "use strict";
  var body = document.body;
  var dialog = document.getElementById("session-expiration");
  var url = body.getAttribute("data-session-prolonger-url");
  var duree = parseInt(body.getAttribute("data-session-duree") || "", 10);
  var avertissement = parseInt(body.getAttribute("data-session-avertissement") || "300", 10);
  if (!dialog || !url || !duree) { return; }
  var restant = dialog.querySelector(".session-restant");
  var fin = Date.now() + duree * 1000;
  var timer = null;

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function format(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return (m > 0 ? m + " min " : "") + s + " s";
  }

  function tick() {
    var left = Math.max(0, Math.round((fin - Date.now()) / 1000));
    if (left <= 0) {
      window.location.reload();
      return;
    }
    if (left <= avertissement) {
      if (!dialog.open) { dialog.showModal(); }
      restant.textContent = format(left);
    }
    timer = window.setTimeout(tick, 1000);
  }

  function restart(seconds) {
    fin = Date.now() + seconds * 1000;
    if (dialog.open) { dialog.close(); }
    window.clearTimeout(timer);
    tick();
  }

  dialog.querySelector("[data-session-prolonger]").addEventListener("click", function () {
    fetch(url, {method: "POST", credentials: "same-origin", headers: {"X-CSRFToken": csrfToken(), "Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
      .then(function (data) { restart(data.secondes); })
      .catch(function () { window.location.reload(); });
  });

  // Any real page activity done through HTMX (not polling) also extends the session.
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var headers = (event.detail.requestConfig && event.detail.requestConfig.headers) || {};
    if (headers["X-Portail-Polling"] !== "1" && event.detail.successful) { restart(duree); }
  });

  tick();
})();
