// The hello world skill on the official Node.js SDK behind ask-sdk-express-adapter: the peer of
// `hello_world serve` in benches/server.rs. Usage: node index.js PORT [verify]
// Without `verify` the adapter's signature and timestamp checks are off (as with --no-verify).
// With it, they are on: the signature check then fetches Amazon's certificate over the network,
// which the loopback bench cannot do, so the bench measures the Node adapter with checks off only.
'use strict';
const Alexa = require('ask-sdk-core');
const express = require('express');
const { ExpressAdapter } = require('ask-sdk-express-adapter');

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
const verify = process.argv[3] === 'verify';
const adapter = new ExpressAdapter(skill, verify, verify);
const app = express();
app.post('/', adapter.getRequestHandlers());
const port = Number(process.argv[2] || 3001);
const server = app.listen(port, '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});
