// Enhancements only: every page works without this file.
// A link to a field (a finding's "#f-…" anchor) puts the cursor in it.
document.addEventListener("DOMContentLoaded", function () {
  if (!location.hash) return;
  var field = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (field && typeof field.focus === "function") field.focus();
});

// The review page's list of fields follows the item chosen: only the fields its items have.
document.addEventListener("DOMContentLoaded", function () {
  var fields = document.querySelector("select[data-follows]");
  var item = fields && document.getElementById(fields.getAttribute("data-follows"));
  if (!item) return;
  function follow() {
    var section = item.value.split(":")[0];
    Array.prototype.forEach.call(fields.options, function (option) {
      var sections = option.getAttribute("data-sections");
      var fits = !sections || sections.split(" ").indexOf(section) >= 0;
      option.hidden = !fits;
      option.disabled = !fits;
      if (!fits && option.selected) fields.value = "";
    });
  }
  item.addEventListener("change", follow);
  follow();
});

// A unit field offers the units whose name or code holds what is typed ("Dadaab" → "Sub-Office
// Dadaab (KEN-DAD)"). Without this script the field takes a name or a code as typed.
document.addEventListener("DOMContentLoaded", function () {
  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null, asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || q === asked) return;
        asked = q;
        fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (units) {
            list.textContent = "";
            units.forEach(function (unit) {
              var option = document.createElement("option");
              option.value = unit.label;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  });
});
