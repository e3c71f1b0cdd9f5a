// Drives tincanjs as a launched lesson page does: with the Authorization header of a launch credential
// (ILaunchCredentials), for one learner (an account agent) and one registration.
// Usage: node launch-client.js <endpoint> <authorization> <homePage> <name> <registration> <activity>
// Prints one JSON line describing what the client saw; exits 1 on any unexpected outcome.
'use strict';
const TinCan = require('tincanjs');

const [endpoint, auth, homePage, name, registration, activityId] = process.argv.slice(2);
const lrs = new TinCan.LRS({ endpoint, auth, allowFail: false });
const actor = new TinCan.Agent({ account: { homePage, name } });
const activity = new TinCan.Activity({ id: activityId, definition: { name: { 'en-GB': 'Digital foundations for NHS staff' } } });
const experienced = new TinCan.Verb({ id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-GB': 'experienced' } });

function fail(step, err, xhr) {
  console.log(JSON.stringify({ ok: false, step, error: String(err && (err.message || err)), status: xhr && xhr.status, body: xhr && xhr.responseText }));
  process.exit(1);
}

const own = new TinCan.Statement({ actor, verb: experienced, target: activity, context: { registration } });
lrs.saveStatement(own, {
  callback: (err, xhr) => {
    if (err !== null) return fail('saveStatement', err, xhr);
    lrs.saveState('bookmark', { lesson: 'passwords' }, {
      agent: actor, activity, registration, contentType: 'application/json',
      callback: (err2, xhr2) => {
        if (err2 !== null) return fail('saveState', err2, xhr2);
        lrs.retrieveState('bookmark', {
          agent: actor, activity, registration,
          callback: (err3, state) => {
            if (err3 !== null || !state) return fail('retrieveState', err3);
            // Another registration: the LRS must refuse it (403).
            const elsewhere = new TinCan.Statement({ actor, verb: experienced, target: activity, context: { registration: '00000000-0000-4000-8000-000000000001' } });
            lrs.saveStatement(elsewhere, {
              callback: (err4, xhr4) => {
                console.log(JSON.stringify({
                  ok: true,
                  savedId: own.id,
                  bookmark: state.contents.lesson,
                  otherRegistrationStatus: xhr4 && xhr4.status,
                  otherRegistrationId: elsewhere.id,
                }));
              },
            });
          },
        });
      },
    });
  },
});
