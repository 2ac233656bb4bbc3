/* Portail PLIE – automatic draft saving of long forms (issue 7).
 *
 * <form data-autosave-url="/url/that/saves/" …> … <p data-autosave-statut></p> … </form>
 *
 * When the form has changed, its data are POSTed (fetch, CSRF header) to data-autosave-url on each
 * change and at the latest every 20 s; "Brouillon enregistré à HH:MM" is announced in an aria-live
 * region (the element carrying data-autosave-statut, created at the end of the form when absent).
 * An untouched form posts nothing: an abandoned page does not keep the session alive.
 * The URL answers 2xx when saved, with the section's new version (JSON) that the next save sends
 * back; 409 with the reason when it refuses (a colleague saved the section meanwhile: optimistic
 * locking; or it is no longer editable); any other answer is shown as a failure. */
(function () {
  "use strict";
  var INTERVALLE = 20000;

  function serialise(form) {
    return new URLSearchParams(new FormData(form)).toString();
  }

  // What was typed, without what the server hands back (version, ids of new rows): not a change.
  function contenu(form) {
    var donnees = new FormData(form);
    donnees.delete("version");
    Array.from(donnees.keys()).forEach(function (nom) { if (/-id$/.test(nom)) { donnees.delete(nom); } });
    return new URLSearchParams(donnees).toString();
  }

  function csrf(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]") || document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function heure(date) {
    return String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0");
  }

  function init(form) {
    var statut = form.querySelector("[data-autosave-statut]");
    if (!statut) {
      statut = document.createElement("p");
      statut.setAttribute("data-autosave-statut", "");
      statut.className = "autosave-statut small text-body-secondary";
      form.appendChild(statut);
    }
    statut.setAttribute("role", "status");
    statut.setAttribute("aria-live", "polite");
    var dernier = contenu(form);
    var enCours = false;
    var delai = null;

    function enregistrer() {
      var tape = contenu(form);
      if (enCours || tape === dernier) { return; }
      var donnees = serialise(form);
      enCours = true;
      fetch(form.getAttribute("data-autosave-url"), {
        method: "POST",
        credentials: "same-origin",
        headers: {"X-CSRFToken": csrf(form), "Content-Type": "application/x-www-form-urlencoded", "X-Requested-With": "fetch"},
        body: donnees
      }).then(function (response) {
        if (response.status === 409) {
          // Refused on purpose (a colleague saved this section, or it is no longer editable): say why.
          return response.json().then(function (corps) { throw new Error(corps.erreur || ""); });
        }
        if (!response.ok || response.redirected) { throw new Error(""); }
        return response.json().catch(function () { return {}; }).then(function (corps) {
          var version = form.querySelector("input[name=version]");
          if (version && corps.version !== undefined) { version.value = String(corps.version); }
          // Rows the save created (a new budget line): their ids, so that the next save updates them.
          Object.keys(corps.champs || {}).forEach(function (nom) {
            var champ = form.querySelector("input[name='" + nom + "']");
            if (champ) { champ.value = String(corps.champs[nom]); }
          });
          dernier = tape;
          statut.textContent = "Brouillon enregistré à " + heure(new Date());
        });
      }).catch(function (erreur) {
        statut.textContent = erreur.message || "L’enregistrement automatique a échoué : enregistrez le formulaire avant de quitter la page.";
      }).finally(function () { enCours = false; });
    }

    form.addEventListener("change", function () {
      window.clearTimeout(delai);
      delai = window.setTimeout(enregistrer, 500);
    });
    window.setInterval(enregistrer, INTERVALLE);
    // A real submission makes the pending automatic save useless.
    form.addEventListener("submit", function () { dernier = contenu(form); });
  }

  document.querySelectorAll("form[data-autosave-url]").forEach(init);
})();
