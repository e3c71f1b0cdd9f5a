// Progressive enhancement for large uploads (forms with data-upload-progress): the form is sent with
// XMLHttpRequest so the page can show how much has gone; the answer (a redirect to the import's status page, or the
// form again with its errors) then takes the page's place, as a plain submit would have. The form with its errors
// replaces this page's main content rather than the whole document: the answer's scripts carry the nonce of their
// own response, which this page's content security policy refuses, so writing the document would leave the page
// without the design system's script (the error summary would not take focus).
(function () {
  function showAnswer(html) {
    var answer = new DOMParser().parseFromString(html, 'text/html');
    var main = answer.querySelector('main');
    document.title = answer.title;
    document.querySelector('main').replaceWith(document.adoptNode(main));
    enhance(main);
    var summary = main.querySelector('.nhsuk-error-summary');
    if (summary) { summary.setAttribute('tabindex', '-1'); summary.focus(); }
  }

  function enhance(root) {
    root.querySelectorAll('form[data-upload-progress]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.FormData || !window.XMLHttpRequest) return;
        event.preventDefault();
        var status = form.querySelector('[data-upload-status]');
        var bar = status.querySelector('progress');
        var text = status.querySelector('[data-upload-text]');
        var button = form.querySelector('button[type=submit]');
        status.hidden = false;
        button.disabled = true;
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action || window.location.href);
        xhr.upload.addEventListener('progress', function (e) {
          if (!e.lengthComputable) return;
          var percent = Math.floor(e.loaded * 100 / e.total);
          bar.value = percent;
          bar.textContent = percent + '%';
          text.textContent = percent < 100 ? 'Uploaded ' + percent + '%' : 'Uploaded. Starting the import…';
        });
        xhr.addEventListener('load', function () {
          if (xhr.responseURL && xhr.responseURL !== window.location.href) { window.location.assign(xhr.responseURL); return; }
          showAnswer(xhr.responseText);
        });
        xhr.addEventListener('error', function () {
          text.textContent = 'The upload failed. Check your connection and try again.';
          button.disabled = false;
        });
        xhr.send(new FormData(form));
      });
    });
  }

  enhance(document);
})();
