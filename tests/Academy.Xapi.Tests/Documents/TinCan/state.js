// Saves, merges and reads back a state document with the real tincanjs client (Node build).
// Usage: NODE_PATH=<tests/Academy.Xapi.Tests/tincan/node_modules> node state.js <endpoint> <key> <secret> <activityId> <mbox>
// Prints one JSON object: what each step returned. tincanjs in Node needs a callback on every
// call (without one it tries a synchronous XHR and throws).
'use strict';
const TinCan = require('tincanjs');

const [endpoint, username, password, activityId, mbox] = process.argv.slice(2);
const lrs = new TinCan.LRS({ endpoint, username, password, allowFail: false });
const activity = new TinCan.Activity({ id: activityId });
const agent = new TinCan.Agent({ mbox, name: 'A learner' });
const registration = '8f87ccde-bb56-4c2e-ab83-44982ef22df0';
const result = {};

function step(name, call) {
  return new Promise((resolve, reject) => call((err, value) => {
    if (err !== null && err !== undefined) reject(new Error(`${name}: ${err} ${value && value.status} ${value && value.responseText}`));
    else resolve(value);
  }));
}

(async () => {
  const cfg = (callback, extra) => Object.assign({ activity, agent, registration, callback }, extra || {});

  await step('saveState', cb => lrs.saveState('bookmark', { page: 7, chapter: 'one' }, cfg(cb, { contentType: 'application/json' })));
  const saved = await step('retrieveState', cb => lrs.retrieveState('bookmark', cfg(cb)));
  result.saved = { contents: saved.contents, etag: saved.etag, contentType: saved.contentType };

  await step('saveState POST', cb => lrs.saveState('bookmark', { page: 8 }, cfg(cb, { contentType: 'application/json', method: 'POST' })));
  const merged = await step('retrieveState merged', cb => lrs.retrieveState('bookmark', cfg(cb)));
  result.merged = { contents: merged.contents, etag: merged.etag };

  await step('saveState with If-Match', cb => lrs.saveState('bookmark', 'plain text', cfg(cb, { contentType: 'text/plain', lastSHA1: merged.etag })));
  const replaced = await step('retrieveState replaced', cb => lrs.retrieveState('bookmark', cfg(cb)));
  result.replaced = { contents: replaced.contents, contentType: replaced.contentType };

  result.ids = await step('retrieveStateIds', cb => lrs.retrieveStateIds(cfg(cb)));
  await step('dropState', cb => lrs.dropState('bookmark', cfg(cb)));
  const dropped = await step('retrieveState dropped', cb => lrs.retrieveState('bookmark', cfg(cb)));
  result.dropped = dropped;

  process.stdout.write(JSON.stringify(result));
})().catch(e => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
