### Messages of the "Hello, world" example skill, English.
### Default locale: en-US (and every other en-* locale) resolves to this file.
### `welcome` and `help` override the framework's built-in messages of the same id.
### The session stays open after them, so each ends with a question that says what to say.

welcome = Welcome! I greet the world in your language. Would you like to say hello, or tell me your name?
welcome-reprompt = Would you like to say hello, or tell me your name?
hello-world = Hello, world!
help = I greet the world in your language, and I greet you by name if you tell me yours. Try saying hello, or my name is Sam. What would you like to say?
help-reprompt = You can say hello, or tell me your name. Which would you like?
# $name (String) - a name the user gave; the framework escapes it for SSML.
hello-name = Hello, { $name }!
