// The hello world skill on the official Node.js SDK behind ask-sdk-express-adapter: the peer of
// alexa-kit's self-hosted endpoint in benches/server.rs.
//
//   node index.js PORT                      signature and timestamp checks off (as with --no-verify)
//   node index.js PORT CHAIN.pem CERT_URL   checks on, with CHAIN.pem already in the adapter's
//                                           certificate cache for CERT_URL (a loopback bench cannot
//                                           fetch Amazon's; a cached chain is what a warm server uses)
'use strict';
const Alexa = require('ask-sdk-core');
const express = require('express');
const {
  ExpressAdapter,
  SkillRequestSignatureVerifier,
  TimestampVerifier,
} = require('ask-sdk-express-adapter');

const speak = (text) => ({
  canHandle: () => true,
  handle: (input) => input.responseBuilder.speak(text).withShouldEndSession(true).getResponse(),
});
const is = (type, name) => (input) =>
  Alexa.getRequestType(input.requestEnvelope) === type &&
  (!name || Alexa.getIntentName(input.requestEnvelope) === name);

const LaunchHandler = {
  canHandle: is('LaunchRequest'),
  handle: (input) =>
    input.responseBuilder
      .speak('Welcome! You can say hello to me.')
      .reprompt('You can say hello.')
      .getResponse(),
};
const HelloHandler = { ...speak('Hello, world!'), canHandle: is('IntentRequest', 'HelloWorldIntent') };
const SessionEndedHandler = {
  canHandle: is('SessionEndedRequest'),
  handle: (input) => input.responseBuilder.getResponse(),
};

const skill = Alexa.SkillBuilders.custom()
  .addRequestHandlers(LaunchHandler, HelloHandler, SessionEndedHandler)
  .create();
const [chainFile, certUrl] = process.argv.slice(3);
const verifiers = [];
if (chainFile) {
  const signatureVerifier = new SkillRequestSignatureVerifier();
  signatureVerifier.certCache.set(certUrl, require('fs').readFileSync(chainFile, 'utf8'));
  verifiers.push(signatureVerifier, new TimestampVerifier());
}
const adapter = new ExpressAdapter(skill, false, false, verifiers);
const app = express();
app.post('/', adapter.getRequestHandlers());
const port = Number(process.argv[2] || 3001);
const server = app.listen(port, '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});
