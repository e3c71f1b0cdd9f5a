// Enrolment uploads and package imports: while the job works, ask the page's progress handler every 2 seconds and move the
// bar and its text; when it has finished, load the page again to show the summary. Without this script the page's
// Refresh link does the same by hand.
(function () {
  var box = document.getElementById('app-upload-progress');
  if (!box) return;
  var bar = document.getElementById('progress');
  var text = document.getElementById('progress-text');
  var url = box.getAttribute('data-progress-url');
  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) return setTimeout(poll, 5000);
        bar.max = p.total;
        bar.value = p.processed;
        bar.textContent = p.text;
        if (text.textContent !== p.text) text.textContent = p.text;
        if (p.done) window.location.reload();
        else setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
