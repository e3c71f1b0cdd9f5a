// Drives tincanjs (a real xAPI client, as Academy's lesson pages use it) against the LRS under test.
// Usage: node client.js <endpoint> <key> <secret> <mbox> <activity>
// Prints one JSON line describing what the client saw; exits 1 on any error.
'use strict';
const TinCan = require('tincanjs');

const [endpoint, username, password, mbox, activityId] = process.argv.slice(2);
const lrs = new TinCan.LRS({ endpoint, username, password, allowFail: false });
const actor = new TinCan.Agent({ mbox, name: 'Tincan learner' });
const verb = (id, display) => new TinCan.Verb({ id, display: { 'en-GB': display } });
const target = new TinCan.Activity({ id: activityId, definition: { name: { 'en-GB': 'A lesson sent by tincanjs' } } });

function fail(step, err) {
  console.log(JSON.stringify({ ok: false, step, error: String(err && (err.message || err)) }));
  process.exit(1);
}

const single = new TinCan.Statement({ actor, verb: verb('http://adlnet.gov/expapi/verbs/experienced', 'experienced'), target });
lrs.saveStatement(single, {
  callback: (err, xhr) => {
    if (err !== null) return fail('saveStatement', `${err} ${xhr && xhr.status} ${xhr && xhr.responseText}`);
    const batch = [
      new TinCan.Statement({ actor, verb: verb('http://adlnet.gov/expapi/verbs/attempted', 'attempted'), target }),
      new TinCan.Statement({ actor, verb: verb('http://adlnet.gov/expapi/verbs/completed', 'completed'), target,
        result: { completion: true, success: true, score: { scaled: 0.9, raw: 9, min: 0, max: 10 } } }),
    ];
    lrs.saveStatements(batch, {
      callback: (err2, xhr2) => {
        if (err2 !== null) return fail('saveStatements', `${err2} ${xhr2 && xhr2.status} ${xhr2 && xhr2.responseText}`);
        lrs.retrieveStatement(single.id, {
          callback: (err3, statement) => {
            if (err3 !== null || !statement) return fail('retrieveStatement', err3);
            lrs.queryStatements({
              params: { agent: actor, activity: new TinCan.Activity({ id: activityId }), limit: 2 },
              callback: (err4, result) => {
                if (err4 !== null) return fail('queryStatements', err4);
                lrs.moreStatements({
                  url: result.more,
                  callback: (err5, rest) => {
                    if (err5 !== null) return fail('moreStatements', err5);
                    console.log(JSON.stringify({
                      ok: true,
                      savedId: single.id,
                      retrievedId: statement.id,
                      retrievedVerb: statement.verb.id,
                      firstPage: result.statements.map(s => s.id),
                      secondPage: rest.statements.map(s => s.id),
                    }));
                  },
                });
              },
            });
          },
        });
      },
    });
  },
});
