// The hello-world skill of examples/hello_world on the official Node.js SDK
// (ask-sdk-core), timed in process the way benches/dispatch.rs times alexa-kit:
// request bytes -> JSON.parse -> skill.invoke -> JSON.stringify, awaited in turn.
//
// Run by `cargo bench --bench dispatch` (which runs `npm ci` here first);
// by hand: `node bench.js ITERATIONS SAMPLES event.json...`.
// Prints one line per event: `<skill> <file> <median ns per request>`.
'use strict';

const fs = require('fs');
const Alexa = require('ask-sdk-core');

// The example's messages (locales/*/hello_world.ftl), as a plain table: no
// i18n library, so the peer does the least work it can.
const MESSAGES = {
  en: { hello: 'Hello, world!', welcome: 'Welcome! You can say hello to me.', reprompt: 'You can say hello.' },
  de: { hello: 'Hallo Welt!', welcome: 'Willkommen! Du kannst „Hallo“ zu mir sagen.', reprompt: 'Du kannst „Hallo“ sagen.' },
};
const messages = (input) => {
  const locale = Alexa.getLocale(input.requestEnvelope) || 'en-US';
  return MESSAGES[locale.split('-')[0]] || MESSAGES.en;
};

const LaunchRequestHandler = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle(input) {
    const m = messages(input);
    return input.responseBuilder.speak(m.welcome).reprompt(m.reprompt).getResponse();
  },
};

const HelloWorldIntentHandler = {
  canHandle: (input) =>
    Alexa.getRequestType(input.requestEnvelope) === 'IntentRequest' &&
    Alexa.getIntentName(input.requestEnvelope) === 'HelloWorldIntent',
  handle(input) {
    return input.responseBuilder.speak(messages(input).hello).withShouldEndSession(true).getResponse();
  },
};

const plain = Alexa.SkillBuilders.custom()
  .addRequestHandlers(LaunchRequestHandler, HelloWorldIntentHandler)
  .create();

const SKILLS = { plain };

async function once(skill, text) {
  const response = await skill.invoke(JSON.parse(text));
  return JSON.stringify(response);
}

async function main() {
  const [iterations, samples, ...files] = process.argv.slice(2);
  const n = Number(iterations);
  for (const [name, skill] of Object.entries(SKILLS)) {
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const answer = JSON.parse(await once(skill, text));
      const ssml = answer.response.outputSpeech && answer.response.outputSpeech.ssml;
      if (!/Hallo Welt|Hello, world/.test(ssml)) throw new Error(`${name} ${file}: ${JSON.stringify(answer)}`);
      for (let i = 0; i < n; i++) await once(skill, text); // warm up the JIT
      const per = [];
      for (let s = 0; s < Number(samples); s++) {
        const start = process.hrtime.bigint();
        for (let i = 0; i < n; i++) await once(skill, text);
        per.push(Number(process.hrtime.bigint() - start) / n);
      }
      per.sort((a, b) => a - b);
      console.log(`${name} ${file} ${per[per.length >> 1].toFixed(0)}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
