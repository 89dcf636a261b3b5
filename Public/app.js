// Enhancements only: every page works without this file.
// A link to a field (a finding's "#f-…" anchor) puts the cursor in it.
document.addEventListener("DOMContentLoaded", function () {
  if (!location.hash) return;
  var field = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (field && typeof field.focus === "function") field.focus();
});
