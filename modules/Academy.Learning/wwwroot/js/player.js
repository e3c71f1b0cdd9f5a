// The lesson player's statements, sent with tincanjs (global TinCan) under the launch's short-lived
// credential. The server renders everything a statement names (actor, registration, course, lesson,
// verbs, extension IRIs) into #app-player; this script adds only what happens in the browser: the
// page's scrolling, the video's positions (ADL video profile, https://w3id.org/xapi/video) and the
// quiz's answers once the server has graded them. Without this script the server records the views
// and attempts itself, so nothing here is needed to finish a course.
(function () {
  "use strict";

  var root = document.getElementById("app-player");
  if (!root || !window.TinCan) return;
  var launch = JSON.parse(root.getAttribute("data-app-launch"));
  var lrs = new TinCan.LRS({ endpoint: launch.endpoint, auth: launch.auth, allowFail: false });
  var agent = new TinCan.Agent(launch.actor);
  var course = new TinCan.Activity({ id: launch.course.id });
  var videoProfile = { id: "https://w3id.org/xapi/video", definition: { type: "http://adlnet.gov/expapi/activities/profile" } };

  function clone(value) { return JSON.parse(JSON.stringify(value)); }

  function statement(verbId, verbName, result, contextExtensions, category) {
    var context = clone(launch.context);
    if (contextExtensions) context.extensions = contextExtensions;
    if (category) context.contextActivities.category = [category];
    var json = { actor: launch.actor, verb: { id: verbId, display: {} }, object: launch.lesson, context: context };
    json.verb.display[launch.language] = verbName;
    if (result) json.result = result;
    return json;
  }

  // Sends statements in one request; done(true) once the LRS has stored them.
  function send(statements, done) {
    var list = statements.map(function (json) {
      var s = clone(json);
      delete s.id; // a fresh id and timestamp each time the page sends one
      delete s.timestamp;
      return new TinCan.Statement(s);
    });
    lrs.saveStatements(list, {
      callback: function (err, xhr) {
        var ok = err === null && xhr && xhr.status >= 200 && xhr.status < 300;
        if (!ok && window.console) console.warn("The LRS did not store the statements", err, xhr && xhr.status);
        if (done) done(ok);
      }
    });
  }

  function saveBookmark(place) {
    place.lesson = launch.lessonSlug;
    place.updatedAt = new Date().toISOString();
    lrs.saveState(launch.bookmarkStateId, place, {
      activity: course, agent: agent, registration: launch.registration, contentType: "application/json",
      callback: function () {}
    });
  }

  function readBookmark(done) {
    lrs.retrieveState(launch.bookmarkStateId, {
      activity: course, agent: agent, registration: launch.registration,
      callback: function (err, state) {
        var contents = !err && state && state.contents;
        if (typeof contents === "string") { try { contents = JSON.parse(contents); } catch (e) { contents = null; } }
        done(contents && contents.lesson === launch.lessonSlug ? contents : null);
      }
    });
  }

  // "Continue" posts sentBy=page once this page has sent experienced, so the server does not record the view again.
  function viewed() {
    if (!launch.experienced) return;
    send([launch.experienced], function (ok) {
      var field = document.querySelector("[data-app-sent-by]");
      if (ok && field) field.value = "page";
    });
  }

  function page() {
    var body = document.querySelector("[data-app-lesson-body]");
    if (!body) return;
    var reported = 0;
    var milestones = [25, 50, 75, 100];
    function scrolled() {
      var rect = body.getBoundingClientRect();
      var seen = window.innerHeight - rect.top;
      return rect.height <= 0 ? 100 : Math.max(0, Math.min(100, Math.round(100 * seen / rect.height)));
    }
    // progressed, with how far the learner has scrolled through the lesson as cmi5's progress extension (0-100).
    function check() {
      var percent = scrolled();
      var reached = milestones.filter(function (m) { return m <= percent && m > reported; });
      if (reached.length === 0) return;
      reported = reached[reached.length - 1];
      var result = { extensions: {} };
      result.extensions[launch.extensions.scrollProgress] = reported;
      send([statement(launch.verbs.progressed, "progressed", result)]);
      saveBookmark({ scrolled: reported });
    }
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      window.setTimeout(function () { pending = false; check(); }, 250);
    }, { passive: true });
    readBookmark(function (bookmark) {
      if (bookmark && bookmark.scrolled && bookmark.scrolled < 100 && window.scrollY === 0) {
        var rect = body.getBoundingClientRect();
        window.scrollTo(0, Math.max(0, rect.top + window.scrollY + rect.height * bookmark.scrolled / 100 - window.innerHeight));
      }
      check();
    });
  }

  function video() {
    var player = document.querySelector("[data-app-video]");
    if (!player) return;
    var ext = launch.extensions;
    var threshold = 0.95;
    var segments = []; // [start, end] pairs the learner has watched
    var segmentStart = null;
    var lastTime = 0;
    var seekFrom = null;
    var initialized = false;
    var completed = false;
    var startedAt = Date.now();

    function round(t) { return Math.round(t * 1000) / 1000; }
    function length() { return isFinite(player.duration) ? round(player.duration) : 0; }
    function contextExtensions() {
      var c = {};
      c[ext.sessionId] = launch.sessionId;
      c[ext.length] = length();
      return c;
    }
    function closeSegment(at) {
      if (segmentStart !== null && at > segmentStart) segments.push([round(segmentStart), round(at)]);
      segmentStart = null;
    }
    function playedSegments() {
      return segments.map(function (s) { return s[0] + "[.]" + s[1]; }).join("[,]");
    }
    function progress() {
      var all = segments.slice();
      if (segmentStart !== null && player.currentTime > segmentStart) all.push([segmentStart, player.currentTime]);
      all.sort(function (a, b) { return a[0] - b[0]; });
      var total = 0, end = -1;
      all.forEach(function (s) {
        var from = Math.max(s[0], end);
        if (s[1] > from) { total += s[1] - from; end = s[1]; }
      });
      return length() > 0 ? Math.min(1, round(total / length())) : 0;
    }
    function result(extra) {
      var r = { extensions: {} };
      Object.keys(extra).forEach(function (k) { r.extensions[k] = extra[k]; });
      return r;
    }
    function send1(verb, name, resultValue, moreContext) {
      var c = contextExtensions();
      if (moreContext) Object.keys(moreContext).forEach(function (k) { c[k] = moreContext[k]; });
      send([statement(verb, name, resultValue, c, videoProfile)]);
    }
    function bookmark() { saveBookmark({ time: round(player.currentTime) }); }

    function initialize() {
      if (initialized) return;
      initialized = true;
      var c = {};
      c[ext.completionThreshold] = threshold;
      send1(launch.verbs.initialized, "initialized", null, c);
      readBookmark(function (b) {
        if (b && typeof b.time === "number" && b.time > 0 && b.time < player.duration - 1 && player.currentTime === 0) {
          player.currentTime = b.time;
          lastTime = b.time;
        }
      });
    }
    if (player.readyState >= 1) initialize();
    player.addEventListener("loadedmetadata", initialize);

    player.addEventListener("timeupdate", function () {
      if (!player.seeking) lastTime = player.currentTime;
      if (!completed && progress() >= threshold) complete();
    });
    player.addEventListener("play", function () {
      segmentStart = player.currentTime;
      var e = {};
      e[ext.time] = round(player.currentTime);
      send1(launch.verbs.played, "played", result(e));
    });
    player.addEventListener("pause", function () {
      if (player.ended || player.seeking) return;
      closeSegment(player.currentTime);
      var e = {};
      e[ext.time] = round(player.currentTime);
      e[ext.progress] = progress();
      e[ext.playedSegments] = playedSegments();
      send1(launch.verbs.paused, "paused", result(e));
      bookmark();
    });
    player.addEventListener("seeking", function () {
      if (seekFrom === null) {
        seekFrom = lastTime;
        closeSegment(lastTime);
      }
    });
    player.addEventListener("seeked", function () {
      var e = {};
      e[ext.timeFrom] = round(seekFrom === null ? lastTime : seekFrom);
      e[ext.timeTo] = round(player.currentTime);
      seekFrom = null;
      lastTime = player.currentTime;
      if (!player.paused) segmentStart = player.currentTime;
      send1(launch.verbs.seeked, "seeked", result(e));
      bookmark();
    });
    player.addEventListener("ended", function () {
      closeSegment(player.currentTime);
      if (!completed) complete();
    });
    function complete() {
      completed = true;
      var e = {};
      e[ext.time] = round(player.currentTime);
      e[ext.progress] = progress();
      e[ext.playedSegments] = playedSegments();
      var r = result(e);
      r.completion = true;
      r.duration = "PT" + Math.round((Date.now() - startedAt) / 1000) + "S";
      var c = {};
      c[ext.completionThreshold] = threshold;
      send1(launch.verbs.completed, "completed", r, c);
      bookmark();
    }
  }

  // The quiz form: graded on the server first (which counts the attempt and only then gives the answers'
  // statements, correct responses included), sent with tincanjs, then the result page. When the server
  // refuses the answers (a question left out), the form goes the ordinary way and the page shows why.
  function quiz() {
    var form = document.querySelector("[data-app-quiz]");
    if (!form) return;
    var busy = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      fetch(form.getAttribute("data-app-grade"), {
        method: "POST", body: new FormData(form), credentials: "same-origin", headers: { Accept: "application/json" }
      }).then(function (response) {
        if (!response.ok) { form.submit(); return null; }
        return response.json();
      }).then(function (graded) {
        if (!graded) return;
        send(graded.statements, function (ok) {
          if (ok) { window.location.assign(graded.resultUrl); return; }
          // The LRS did not take them: the server records the attempt's statements instead.
          fetch(graded.recordUrl, {
            method: "POST", body: new FormData(form), credentials: "same-origin"
          }).then(function () { window.location.assign(graded.resultUrl); });
        });
      }).catch(function () { form.submit(); });
    });
  }

  viewed();
  if (launch.kind === "page") page();
  if (launch.kind === "video") video();
  if (launch.kind === "quiz") quiz();
})();
