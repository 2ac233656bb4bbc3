/* Portail PLIE – behaviour without inline scripts (strict Content-Security-Policy). */
(function () {
  "use strict";

  // Forms and buttons carrying data-confirm ask before a destructive action.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm") || (event.submitter && event.submitter.getAttribute("data-confirm"));
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // Forms carrying data-patienter start long work on the server (an import): say so in their
  // [data-patienter-statut] live region, and do not send them twice.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-patienter");
    if (!message || event.defaultPrevented) {
      return;
    }
    if (form.getAttribute("data-envoye")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-envoye", "1");
    form.setAttribute("aria-busy", "true");
    var statut = form.querySelector("[data-patienter-statut]");
    if (statut) {
      statut.textContent = message;
    }
  });

  // A choice suggests another field's value (the situation at exit from the exit reason): a
  // select carrying data-suggestions='{"<name>": {"<choice>": "<value>"}}' takes the suggested
  // value while the user has not chosen one (or kept an earlier suggestion).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (!el.form || !el.name) {
      return;
    }
    el.form.querySelectorAll("select[data-suggestions]").forEach(function (cible) {
      var suggestions = JSON.parse(cible.getAttribute("data-suggestions"))[el.name];
      if (!suggestions || (cible.value && cible.getAttribute("data-suggere") !== cible.value)) {
        return;
      }
      var valeur = suggestions[el.value] || "";
      cible.value = valeur;
      cible.setAttribute("data-suggere", valeur);
    });
  });

  // A checkbox carrying data-tout-cocher="<name>" checks or unchecks every box of that name in
  // its form (the entry commission's "Tout sélectionner").
  document.addEventListener("change", function (event) {
    var el = event.target;
    var nom = el.getAttribute && el.getAttribute("data-tout-cocher");
    if (nom && el.form) {
      el.form.querySelectorAll('input[type=checkbox][name="' + nom + '"]').forEach(function (case_) {
        case_.checked = el.checked;
      });
    }
  });

  // Selects carrying data-autosubmit submit their form when changed (filters, sorting).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.hasAttribute && el.hasAttribute("data-autosubmit") && el.form) {
      el.form.requestSubmit();
    }
  });
  // A table wider than its box scrolls in it (.table-responsive): the box then takes the keyboard
  // focus, named by the table's caption, so that it can be scrolled without a mouse (WCAG 2.1.1).
  function regionsDefilantes() {
    document.querySelectorAll(".table-responsive").forEach(function (boite) {
      if (boite.scrollWidth > boite.clientWidth + 1) {
        var legende = boite.querySelector("caption");
        boite.setAttribute("tabindex", "0");
        boite.setAttribute("role", "region");
        boite.setAttribute("aria-label", legende ? legende.textContent.trim() : "Tableau");
      } else if (boite.getAttribute("role") === "region") {
        boite.removeAttribute("tabindex");
        boite.removeAttribute("role");
        boite.removeAttribute("aria-label");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", regionsDefilantes);
  window.addEventListener("resize", regionsDefilantes);
  document.addEventListener("htmx:afterSwap", regionsDefilantes);

})();
