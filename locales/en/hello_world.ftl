### Messages of the "Hello, world" example skill, English.
### Default locale: en-US (and every other en-* locale) resolves to this file.
### `welcome` and `help` override the framework's built-in messages of the same id.

welcome = Welcome! You can say hello to me.
welcome-reprompt = You can say hello.
hello-world = Hello, world!
help = I greet the world in your language. Just say hello to hear my greeting.
help-reprompt = Say hello to hear my greeting.
# $name (String) - a name the user gave; the framework escapes it for SSML.
hello-name = Hello, { $name }!
